#pragma once
// What the clients' ...Async methods return. Every operation `op` of every client has two
// asynchronous forms next to the blocking one:
//
//   AsyncCall<OpResponse> opAsync(const OpRequest&) const;                        // future-like
//   CallHandle opAsync(const OpRequest&, AsyncCallback<OpResponse> callback) const;  // callback
//
// Both run what the blocking call runs (validation before anything is sent, signing per attempt,
// the same retries, idempotency rules and Retry-After, the same errors) without blocking the
// calling thread: retries wait on a timer of the transport's event thread, and no thread is used
// per call. Many calls may be in flight from one thread; the transport's limit of requests in
// flight (CurlTransportOptions::maxInFlight) queues the rest.
//
// Callbacks run on the transport's event thread (never inside the ...Async call itself, not even
// for an invalid request): they must not block, since every other call of the transport waits for
// them. A callback may start further calls. With CurlTransportOptions::eventThreads above 1, the
// callbacks of different calls may run at the same time on different event threads.
//
// Cancellation: cancel() ends a call that has not completed with ErrorKind::Cancelled. A create,
// update, delete or start/stop cancelled while its request was out may have executed: the message
// says that its outcome is unknown. Destroying the last copy of a client, or its transport, with
// calls in flight completes them with ErrorKind::Cancelled; it never crashes or hangs. Outside a
// callback, that destruction waits for the callbacks it runs to return, so it must not happen
// while holding a lock that those callbacks take; from inside one of its own callbacks it does
// not wait.

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <utility>

#include "delivery/core/result.h"

#include "delivery/export.h"

DELIVERY_NAMESPACE_BEGIN

namespace detail {
/// A call in flight, as its handles see it (internal).
class Cancellable {
 public:
  virtual ~Cancellable() = default;
  virtual void cancel() = 0;
};
}  // namespace detail

/// The completion of an ...Async call: gets the call's Result exactly once, on the transport's
/// event thread.
template <typename T>
using AsyncCallback = std::function<void(Result<T>)>;

/// Cancels one asynchronous call. Cheap to copy; does not keep the call alive.
class DELIVERY_API CallHandle {
 public:
  CallHandle() = default;
  /// (The SDK makes handles.)
  explicit CallHandle(std::weak_ptr<detail::Cancellable> call) noexcept : call_(std::move(call)) {}
  /// Ends the call now with ErrorKind::Cancelled, unless it has completed. Thread-safe, never
  /// blocks on the network; the completion runs on the transport's event thread.
  void cancel() const {
    if (auto call = call_.lock()) call->cancel();
  }

 private:
  std::weak_ptr<detail::Cancellable> call_;
};

/// The result-to-be of one asynchronous call: a std::future<Result<T>> plus cancel(). Movable,
/// not copyable. Dropping it does not cancel the call.
template <typename T>
class AsyncCall {
 public:
  AsyncCall() = default;
  /// (The SDK makes these.)
  AsyncCall(std::future<Result<T>> future, CallHandle handle) noexcept
      : future_(std::move(future)), handle_(std::move(handle)) {}

  /// Waits for the call and returns its Result (once: the future is then empty).
  Result<T> get() { return future_.get(); }
  /// Waits for the call to complete.
  void wait() const { future_.wait(); }
  /// Waits at most `timeout`; true when the call has completed.
  template <typename Rep, typename Period>
  bool waitFor(std::chrono::duration<Rep, Period> timeout) const {
    return future_.wait_for(timeout) == std::future_status::ready;
  }
  /// Whether get() would return at once.
  bool ready() const { return waitFor(std::chrono::seconds(0)); }
  /// Whether get() may still be called.
  bool valid() const noexcept { return future_.valid(); }
  /// See CallHandle::cancel().
  void cancel() const { handle_.cancel(); }
  /// A handle that cancels this call, e.g. for another thread.
  const CallHandle& handle() const noexcept { return handle_; }
  /// The std::future itself (this object then has none).
  std::future<Result<T>> takeFuture() noexcept { return std::move(future_); }

 private:
  std::future<Result<T>> future_;
  CallHandle handle_;
};

DELIVERY_NAMESPACE_END  // namespace delivery

/// Declares the two asynchronous forms of a client operation (see the top of this file):
/// `method##Async(request)` returning AsyncCall<Name##Response>, and `method##Async(request, callback)`.
#define DELIVERY_ASYNC_FORMS(method, Name)                                                          \
  [[nodiscard]] ::delivery::AsyncCall<Name##Response> method##Async(const Name##Request& request) const; \
  ::delivery::CallHandle method##Async(const Name##Request& request,                                 \
                                       ::delivery::AsyncCallback<Name##Response> callback) const;
