#pragma once
// Time sources, injectable so that tests pin the signing date and observe backoff.

#include <chrono>
#include <memory>

namespace delivery {

/// Wall-clock time, used for signing dates and for the retry deadline.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

/// Waits between retry attempts.
class Sleeper {
 public:
  virtual ~Sleeper() = default;
  virtual void sleepFor(std::chrono::milliseconds duration) = 0;
};

/// std::chrono::system_clock.
std::shared_ptr<Clock> systemClock();
/// std::this_thread::sleep_for.
std::shared_ptr<Sleeper> threadSleeper();

}  // namespace delivery
