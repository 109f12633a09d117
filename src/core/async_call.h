#pragma once
// One asynchronous call as the retry loop runs it (internal): the steps of execute() in
// pipeline.cc, driven by the transport's completions and timers instead of a loop on one thread.
// The retry rules are not repeated here: each attempt is judged by judgeAttempt(), as in a
// blocking call. Typed layers (AsyncInvocation in operation.h) supply signing, the response check
// and the delivery of the result.
//
// Lifetime: the call holds its client's state (`owner`) and the transport weakly. When the last
// copy of the client goes, the transport (unless the caller shares it) goes with it and completes
// the call with Cancelled; with a shared transport, the call ends Cancelled at its next step.

#include <chrono>
#include <memory>
#include <mutex>
#include <string_view>

#include "core/async_tasks.h"
#include "core/pipeline.h"
#include "delivery/core/async.h"
#include "delivery/core/async_transport.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

class AsyncCallBase : public Cancellable, public std::enable_shared_from_this<AsyncCallBase> {
 public:
  AsyncCallBase(std::weak_ptr<const void> owner, const Runtime& runtime, std::string_view operation, bool idempotent);
  ~AsyncCallBase() override = default;

  /// The request, built by the typed layer before start().
  HttpRequest request;

  /// Sends the first attempt (signed on the calling thread). Call once, with the owner alive.
  void start();
  void cancel() override;

  /// Calls `callback(error)` on the transport's event thread (never inline): how a call that
  /// fails before sending (validation) completes.
  template <typename T>
  static void failSoon(const Runtime& runtime, Error error, AsyncCallback<T> callback) {
    runtime.asyncTransport()->after(std::chrono::milliseconds(0),
                                    [error = std::move(error), callback = std::move(callback)](Result<void>) mutable {
                                      completeSafely(callback, Result<T>(std::move(error)));
                                    });
  }

 protected:
  /// Adds the date and signature for one attempt (the owner is alive while it runs).
  virtual Result<void> sign(HttpRequest& request, std::chrono::system_clock::time_point now) = 0;
  /// Judges a response and decodes its body, as the blocking call's check (owner alive).
  virtual Result<void> check(const HttpResponse& response) = 0;
  /// Delivers the end of the call, exactly once, on the event thread; `owner` is null when the
  /// client is gone (then `result` is an error).
  virtual void finish(const void* owner, Result<HttpResponse> result) = 0;

 private:
  void launch(const std::shared_ptr<AsyncTransport>& transport, std::unique_lock<std::mutex>& lock);
  void onSent(Result<HttpResponse> sent);
  void onPause(Result<void> waited);
  void end(std::unique_lock<std::mutex>& lock, const std::shared_ptr<const void>& owner, Result<HttpResponse> result);
  /// The start of each step on the event thread (with the lock held): false when the call has
  /// ended, now or before (its client gone, or cancelled when `checkCancelled`).
  /// `lastSendWentOut`: whether the last attempt may have reached the service (for the message).
  bool stepMayGoOn(std::unique_lock<std::mutex>& lock, const std::shared_ptr<const void>& owner, bool checkCancelled,
                   bool lastSendWentOut);
  /// The transport for the next step; null when it is gone, and then the call has ended.
  std::shared_ptr<AsyncTransport> transportForNextStep(std::unique_lock<std::mutex>& lock,
                                                       const std::shared_ptr<const void>& owner);
  Error ownerGone(bool lastSendWentOut) const;
  Error cancelledWhileWaiting(const char* why) const;
  CallSpec spec();

  // What CallSpec's hooks refer to (members, so they live as long as the call).
  struct SignHook {
    AsyncCallBase* call;
    Result<void> operator()(HttpRequest& r, std::chrono::system_clock::time_point now) const { return call->sign(r, now); }
  };
  struct CheckHook {
    AsyncCallBase* call;
    Result<void> operator()(const HttpResponse& response) const { return call->check(response); }
  };
  SignHook signHook_{this};
  CheckHook checkHook_{this};

  std::weak_ptr<const void> owner_;
  const Runtime& runtime_;  // inside *owner_: read only while the owner is locked
  std::weak_ptr<AsyncTransport> transport_;
  std::string_view operation_;
  bool idempotent_;

  std::mutex mutex_;
  AsyncTaskId current_ = 0;  // the send or timer in progress
  bool cancelled_ = false;
  bool finished_ = false;
  int attempt_ = 0;
  std::chrono::system_clock::time_point deadline_, attemptStart_;
  Error last_;  // the error of the attempt before a pause
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
