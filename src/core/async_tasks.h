#pragma once
// What the SDK's two AsyncTransport implementations (CurlTransport's event loop and
// SyncTransportAdapter) keep for a task they have not completed yet, and how they complete it
// (internal).

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <utility>

#include "delivery/core/async_transport.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// A request handed to sendAsync() and not yet completed.
struct PendingSend {
  AsyncTaskId id;
  HttpRequest request;
  AsyncTransport::Completion done;
};

/// A timer started by after() and not yet completed.
struct PendingTimer {
  AsyncTaskId id;
  AsyncTransport::TimerCompletion done;
};

/// Timers by due time (several may be due at once).
using TimerQueue = std::multimap<std::chrono::steady_clock::time_point, PendingTimer>;

/// When a timer of `delay` started now is due (a negative delay is taken as none).
inline std::chrono::steady_clock::time_point dueAfter(std::chrono::milliseconds delay) {
  return std::chrono::steady_clock::now() + std::max(delay, std::chrono::milliseconds(0));
}

/// The Error of a send cancelled (by cancel() or the destruction of its transport):
/// `mayHaveGoneOut` says whether any of it may have gone out. One that surely did not is retryable
/// (the AsyncTransport contract), which tells the SDK that it did not execute.
inline Error cancelledSend(std::string message, bool mayHaveGoneOut) {
  Error error(ErrorKind::Cancelled, std::move(message));
  error.retryable = !mayHaveGoneOut;
  return error;
}

/// Whether a send's result is a cancellation that came before any of it went out (see above).
inline bool cancelledUnsent(const Result<HttpResponse>& sent) {
  return !sent && sent.error().kind == ErrorKind::Cancelled && sent.error().retryable;
}

/// Calls a completion or callback with `result`, if it is set. They must not throw (see
/// AsyncTransport and delivery/core/async.h); one that does is ignored, so that the event thread
/// carries on with the others.
template <typename Callback, typename R>
void completeSafely(Callback& callback, R&& result) noexcept {
  try {
    if (callback) callback(std::forward<R>(result));
  } catch (...) {
  }
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
