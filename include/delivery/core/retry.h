#pragma once

#include "delivery/export.h"
// How failed attempts are retried. Which errors are retried is decided per service and per
// operation (idempotency): see each client's header. This only bounds how often and how long.

#include <chrono>

DELIVERY_NAMESPACE_BEGIN

/// Bounds on retrying a failed attempt: how many attempts, how long in all, how long between.
struct RetryPolicy {
  /// Attempts in all, the first included. 1 disables retries.
  int maxAttempts = 10;
  /// No new attempt starts once this much time has passed since the first one began.
  std::chrono::milliseconds maxElapsed{std::chrono::seconds(10)};
  /// Exponential backoff with full jitter: before retry n (n = 1, 2, ...), sleep a random time in
  /// [1 ms, min(maxBackoff, initialBackoff * 2^(n-1))], never past the maxElapsed deadline.
  std::chrono::milliseconds initialBackoff{10};
  std::chrono::milliseconds maxBackoff{320};  ///< cap on the wait between ordinary retries
  /// Throttling (ErrorKind::Throttled: HTTP 429, OTSServerBusy, OTSQuotaExhausted, ...) backs off
  /// from a larger base, so that the attempts spread over maxElapsed instead of hitting a busy
  /// service ten times in a second: before retry n, sleep a random time in [c/2, c] with
  /// c = min(maxThrottleBackoff, initialThrottleBackoff * 2^(n-1)).
  std::chrono::milliseconds initialThrottleBackoff{200};
  std::chrono::milliseconds maxThrottleBackoff{3200};  ///< cap on the wait after a throttling answer
  /// A response's `Retry-After` (seconds, or an HTTP date) replaces the computed pause when it asks
  /// for longer. When it asks for more time than is left of maxElapsed, the call does not sleep
  /// out the rest of its budget for nothing: it returns the error at once, with Error::retryAfter
  /// set so that the caller can come back later.
  bool honourRetryAfter = true;

  static RetryPolicy noRetry() {  ///< A policy that sends every request once.
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
  }
};

DELIVERY_NAMESPACE_END
