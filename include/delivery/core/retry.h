#pragma once
// How failed attempts are retried. Which errors are retried is decided per service and per
// operation (idempotency): see each client's header. This only bounds how often and how long.

#include <chrono>

namespace delivery {

struct RetryPolicy {
  /// Attempts in all, the first included. 1 disables retries.
  int maxAttempts = 10;
  /// No new attempt starts once this much time has passed since the first one began.
  std::chrono::milliseconds maxElapsed{std::chrono::seconds(10)};
  /// Exponential backoff with full jitter: before retry n (n = 1, 2, ...), sleep a random time in
  /// [1 ms, min(maxBackoff, initialBackoff * 2^(n-1))], never past the maxElapsed deadline.
  std::chrono::milliseconds initialBackoff{10};
  std::chrono::milliseconds maxBackoff{320};

  static RetryPolicy noRetry() {
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
  }
};

}  // namespace delivery
