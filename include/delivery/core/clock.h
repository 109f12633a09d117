#pragma once

#include "delivery/export.h"
// Time sources, injectable so that tests pin the signing date and observe backoff.

#include <chrono>
#include <memory>

#include "delivery/core/stop_token.h"

DELIVERY_NAMESPACE_BEGIN

/// Wall-clock time, used for signing dates and for the retry deadline.
class DELIVERY_API Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;  ///< The current time. Thread-safe.
};

/// Waits between retry attempts and between a waiter's polls.
class DELIVERY_API Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void sleepFor(std::chrono::milliseconds duration) = 0;  ///< Blocks the calling thread for `duration`.
  /// A wait that a stop request may cut short (used by the waitUntil… helpers); true when `stop`
  /// was requested. The default checks the token before and after sleepFor(), so a sleeper of
  /// your own that does not override this finishes its current sleep before a cancellation is
  /// seen; threadSleeper() wakes at once.
  virtual bool sleepOrStop(std::chrono::milliseconds duration, const StopToken& stop) {
    if (stop.stopRequested()) return true;
    sleepFor(duration);
    return stop.stopRequested();
  }
};

/// std::chrono::system_clock.
DELIVERY_API std::shared_ptr<Clock> systemClock();
/// std::this_thread::sleep_for; sleepOrStop() wakes as soon as a stop is requested.
DELIVERY_API std::shared_ptr<Sleeper> threadSleeper();

DELIVERY_NAMESPACE_END
