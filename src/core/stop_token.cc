#include "delivery/core/stop_token.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

DELIVERY_NAMESPACE_BEGIN

namespace detail {
struct StopState {
  std::atomic<bool> stopped{false};
  std::mutex mutex;
  std::condition_variable woken;
};
}  // namespace detail

bool StopToken::stopRequested() const noexcept { return state_ && state_->stopped.load(std::memory_order_acquire); }

bool StopToken::waitFor(std::chrono::milliseconds duration) const {
  if (!state_) {
    std::this_thread::sleep_for(duration);
    return false;
  }
  std::unique_lock<std::mutex> lock(state_->mutex);
  return state_->woken.wait_for(lock, duration, [&] { return state_->stopped.load(std::memory_order_acquire); });
}

StopSource::StopSource() : state_(std::make_shared<detail::StopState>()) {}

bool StopSource::requestStop() noexcept {
  bool expected = false;
  {
    // Set under the lock, so a waiter between its check and its wait cannot miss the notification.
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (!state_->stopped.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) return false;
  }
  state_->woken.notify_all();
  return true;
}

bool StopSource::stopRequested() const noexcept { return state_->stopped.load(std::memory_order_acquire); }

DELIVERY_NAMESPACE_END
