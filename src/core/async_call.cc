#include "core/async_call.h"

#include <string>
#include <utility>

DELIVERY_NAMESPACE_BEGIN namespace detail {

AsyncCallBase::AsyncCallBase(std::weak_ptr<const void> owner, const Runtime& runtime, std::string_view operation,
                             bool idempotent)
    : owner_(std::move(owner)), runtime_(runtime), operation_(operation), idempotent_(idempotent) {}

void AsyncCallBase::start() {
  std::shared_ptr<AsyncTransport> transport = runtime_.asyncTransport();
  transport_ = transport;
  request.idempotent = idempotent_;
  std::unique_lock<std::mutex> lock(mutex_);
  deadline_ = runtime_.clock->now() + runtime_.retry.maxElapsed;
  launch(transport, lock);
}

void AsyncCallBase::launch(const std::shared_ptr<AsyncTransport>& transport, std::unique_lock<std::mutex>&) {
  ++attempt_;
  attemptStart_ = runtime_.clock->now();
  std::shared_ptr<AsyncCallBase> self = shared_from_this();
  if (Result<void> signedOk = sign(request, attemptStart_); !signedOk) {
    // As in a blocking call: the signing error itself (e.g. no credentials), nothing sent.
    current_ = transport->after(std::chrono::milliseconds(0), [self, error = signedOk.error()](Result<void>) {
      std::shared_ptr<const void> owner = self->owner_.lock();
      std::unique_lock<std::mutex> relock(self->mutex_);
      self->current_ = 0;
      if (!self->finished_) self->end(relock, owner, error);
    });
    return;
  }
  logAttempt(runtime_, spec(), request, attempt_);
  current_ = transport->sendAsync(request, [self](Result<HttpResponse> sent) { self->onSent(std::move(sent)); });
}

CallSpec AsyncCallBase::spec() { return CallSpec{operation_, idempotent_, signHook_, checkHook_}; }

bool AsyncCallBase::stepMayGoOn(std::unique_lock<std::mutex>& lock, const std::shared_ptr<const void>& owner,
                                bool checkCancelled, bool lastSendWentOut) {
  current_ = 0;
  if (finished_) return false;
  if (!owner) {
    end(lock, owner, ownerGone(lastSendWentOut));
    return false;
  }
  if (checkCancelled && cancelled_) {
    end(lock, owner, cancelledWhileWaiting(nullptr));
    return false;
  }
  return true;
}

std::shared_ptr<AsyncTransport> AsyncCallBase::transportForNextStep(std::unique_lock<std::mutex>& lock,
                                                                    const std::shared_ptr<const void>& owner) {
  std::shared_ptr<AsyncTransport> transport = transport_.lock();
  if (!transport) end(lock, owner, cancelledWhileWaiting("the transport was destroyed"));
  return transport;
}

void AsyncCallBase::onSent(Result<HttpResponse> sent) {
  std::shared_ptr<const void> owner = owner_.lock();
  std::unique_lock<std::mutex> lock(mutex_);
  // (A cancellation that came too late to stop the send is looked at after the verdict: a
  // response that ends the call is delivered.)
  if (!stepMayGoOn(lock, owner, false, !cancelledUnsent(sent))) return;
  AttemptVerdict verdict = judgeAttempt(runtime_, request, spec(), attempt_, attemptStart_, deadline_, std::move(sent));
  if (verdict.end) return end(lock, owner, std::move(*verdict.end));
  last_ = std::move(verdict.last);
  if (cancelled_) return end(lock, owner, cancelledWhileWaiting(nullptr));
  std::shared_ptr<AsyncTransport> transport = transportForNextStep(lock, owner);
  if (!transport) return;
  std::chrono::milliseconds pause = verdict.pause;
  if (runtime_.customSleeper) {
    // The caller's sleeper (a test's fake time): called without the lock, so cancel() never waits.
    lock.unlock();
    runtime_.sleeper->sleepFor(pause);
    lock.lock();
    pause = std::chrono::milliseconds(0);
    if (cancelled_) return end(lock, owner, cancelledWhileWaiting(nullptr));
  }
  std::shared_ptr<AsyncCallBase> self = shared_from_this();
  current_ = transport->after(pause, [self](Result<void> waited) { self->onPause(std::move(waited)); });
}

void AsyncCallBase::onPause(Result<void> waited) {
  std::shared_ptr<const void> owner = owner_.lock();
  std::unique_lock<std::mutex> lock(mutex_);
  // (The attempt before a pause did not execute: an attempt that may have is never repeated.)
  if (!stepMayGoOn(lock, owner, true, false)) return;
  if (!waited) return end(lock, owner, cancelledWhileWaiting(waited.error().message.c_str()));
  std::shared_ptr<AsyncTransport> transport = transportForNextStep(lock, owner);
  if (!transport) return;
  launch(transport, lock);
}

void AsyncCallBase::cancel() {
  AsyncTaskId id = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_ || cancelled_) return;
    cancelled_ = true;
    id = current_;
  }
  if (id == 0) return;  // between two steps: the next one sees cancelled_
  if (std::shared_ptr<AsyncTransport> transport = transport_.lock()) transport->cancel(id);
}

Error AsyncCallBase::ownerGone(bool lastSendWentOut) const {
  Error err(ErrorKind::Cancelled, std::string(operation_) + ": the client was destroyed before the call completed");
  // (An earlier attempt that failed was retried only because it did not execute.)
  if (!idempotent_ && attempt_ > 0 && lastSendWentOut) {
    err.message += " (the request may have reached the service and executed: the outcome is unknown)";
  }
  err.attempts = attempt_;
  return err;
}

Error AsyncCallBase::cancelledWhileWaiting(const char* why) const {
  // The last attempt failed with a retryable error, so it did not execute (or may be repeated).
  Error err = last_;
  err.kind = ErrorKind::Cancelled;
  err.retryable = false;
  err.message = std::string(operation_) + ": " + (why != nullptr ? why : "cancelled") +
                " while waiting to retry; attempt " + std::to_string(attempt_) + " had failed: " + last_.message;
  makeOutsideTextSafe(err);
  return err;
}

void AsyncCallBase::end(std::unique_lock<std::mutex>& lock, const std::shared_ptr<const void>& owner,
                        Result<HttpResponse> result) {
  finished_ = true;
  lock.unlock();
  finish(owner.get(), std::move(result));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
