#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/async_tasks.h"
#include "delivery/core/async_transport.h"

DELIVERY_NAMESPACE_BEGIN

// Workers take requests from `queued` and call the synchronous transport; the event thread runs
// every completion (handed to it in `ready`) and the timers. One mutex guards all of it.
struct SyncTransportAdapter::State {
  std::shared_ptr<Transport> transport;
  std::mutex mutex;
  std::condition_variable eventWake, workWake;
  bool stopping = false;
  AsyncTaskId nextId = 1;
  std::deque<detail::PendingSend> queued;
  std::unordered_map<AsyncTaskId, Completion> sending;  // inside transport->send()
  detail::TimerQueue timers;
  std::vector<std::function<void()>> ready;  // completions for the event thread
  std::thread eventThread;
  std::vector<std::thread> workers;

  template <typename Done, typename R>
  void readyLocked(Done done, R result) {
    ready.push_back([done = std::move(done), result = std::move(result)]() mutable {
      detail::completeSafely(done, std::move(result));
    });
  }

  static Error cancelled(const std::string& why) { return Error(ErrorKind::Cancelled, why); }

  void work() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      workWake.wait(lock, [&] { return stopping || !queued.empty(); });
      if (stopping) return;
      detail::PendingSend s = std::move(queued.front());
      queued.pop_front();
      sending.emplace(s.id, std::move(s.done));
      lock.unlock();
      Result<HttpResponse> result = transport->send(s.request);
      lock.lock();
      auto it = sending.find(s.id);
      if (it == sending.end()) continue;  // cancelled meanwhile: completed already
      Completion done = std::move(it->second);
      sending.erase(it);
      readyLocked(std::move(done), std::move(result));
      eventWake.notify_one();
    }
  }

  void events() {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      const auto now = std::chrono::steady_clock::now();
      while (!timers.empty() && timers.begin()->first <= now) {
        readyLocked(std::move(timers.begin()->second.done), Result<void>());
        timers.erase(timers.begin());
      }
      if (stopping) cancelEverythingLocked();
      if (!ready.empty()) {
        std::vector<std::function<void()>> batch;
        batch.swap(ready);
        lock.unlock();
        for (auto& f : batch) f();
        batch.clear();  // (what the completions held goes before the lock is taken again)
        lock.lock();
        continue;
      }
      if (stopping) return;
      if (timers.empty()) {
        eventWake.wait(lock);
      } else {
        // A copy: wait_until keeps a reference to its time point, and cancel() may erase the
        // timer (and the map node holding it) while this thread waits.
        const std::chrono::steady_clock::time_point until = timers.begin()->first;
        eventWake.wait_until(lock, until);
      }
    }
  }

  void cancelEverythingLocked() {
    const std::string why = "the transport was destroyed";
    for (detail::PendingSend& s : queued) {
      readyLocked(std::move(s.done), Result<HttpResponse>(detail::cancelledSend(why + " before the request was sent", false)));
    }
    queued.clear();
    for (auto& [id, done] : sending) {
      readyLocked(std::move(done), Result<HttpResponse>(detail::cancelledSend(why + " while the request was being sent", true)));
    }
    sending.clear();
    for (auto& [at, t] : timers) readyLocked(std::move(t.done), Result<void>(cancelled(why)));
    timers.clear();
  }
};

SyncTransportAdapter::SyncTransportAdapter(std::shared_ptr<Transport> transport, SyncTransportAdapterOptions options)
    : state_(std::make_shared<State>()) {
  state_->transport = std::move(transport);
  const std::size_t workers = std::max<std::size_t>(1, options.workers);
  std::shared_ptr<State> state = state_;
  // The threads hold the state, so that an adapter destroyed from a completion (on the event
  // thread) leaves it whole until they have finished.
  state_->eventThread = std::thread([state] { state->events(); });
  for (std::size_t i = 0; i < workers; ++i) state_->workers.emplace_back([state] { state->work(); });
}

SyncTransportAdapter::~SyncTransportAdapter() {
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->stopping = true;
  }
  state_->eventWake.notify_all();
  state_->workWake.notify_all();
  const bool onEventThread = state_->eventThread.get_id() == std::this_thread::get_id();
  if (onEventThread) {
    state_->eventThread.detach();
    for (std::thread& t : state_->workers) t.detach();
  } else {
    state_->eventThread.join();
    for (std::thread& t : state_->workers) t.join();
  }
}

AsyncTaskId SyncTransportAdapter::sendAsync(HttpRequest request, Completion done) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  const AsyncTaskId id = state_->nextId++;
  if (state_->stopping) {
    state_->readyLocked(std::move(done),
                        Result<HttpResponse>(detail::cancelledSend("the transport was destroyed before the request was sent", false)));
    state_->eventWake.notify_one();
    return id;
  }
  state_->queued.push_back(detail::PendingSend{id, std::move(request), std::move(done)});
  state_->workWake.notify_one();
  return id;
}

AsyncTaskId SyncTransportAdapter::after(std::chrono::milliseconds delay, TimerCompletion done) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  const AsyncTaskId id = state_->nextId++;
  state_->timers.emplace(detail::dueAfter(delay), detail::PendingTimer{id, std::move(done)});
  state_->eventWake.notify_one();
  return id;
}

void SyncTransportAdapter::cancel(AsyncTaskId id) {
  std::lock_guard<std::mutex> lock(state_->mutex);
  State& s = *state_;
  for (auto it = s.queued.begin(); it != s.queued.end(); ++it) {
    if (it->id != id) continue;
    s.readyLocked(std::move(it->done), Result<HttpResponse>(detail::cancelledSend("cancelled before the request was sent", false)));
    s.queued.erase(it);
    s.eventWake.notify_one();
    return;
  }
  if (auto it = s.sending.find(id); it != s.sending.end()) {
    s.readyLocked(std::move(it->second),
                  Result<HttpResponse>(detail::cancelledSend("cancelled while the request was being sent", true)));
    s.sending.erase(it);
    s.eventWake.notify_one();
    return;
  }
  for (auto it = s.timers.begin(); it != s.timers.end(); ++it) {
    if (it->second.id != id) continue;
    s.readyLocked(std::move(it->second.done), Result<void>(State::cancelled("cancelled")));
    s.timers.erase(it);
    s.eventWake.notify_one();
    return;
  }
}

DELIVERY_NAMESPACE_END  // namespace delivery
