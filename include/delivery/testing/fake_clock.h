#pragma once

#include "delivery/export.h"
// A settable clock and a sleeper that records what it was asked to wait (and can move the clock).

#include <chrono>
#include <memory>
#include <mutex>
#include <vector>

#include "delivery/core/clock.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {

/// A Clock that only moves when told (set(), advance()); thread-safe.
class DELIVERY_API FakeClock final : public Clock {
 public:
  /// A clock standing at `start` (the epoch unless given).
  explicit FakeClock(std::chrono::system_clock::time_point start = {}) : now_(start) {}
  /// `iso` like "2024-01-02T03:04:05.000Z" (UTC, milliseconds optional).
  static std::shared_ptr<FakeClock> at(const char* iso);

  std::chrono::system_clock::time_point now() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return now_;
  }
  /// Moves the clock to `t` (also backwards).
  void set(std::chrono::system_clock::time_point t) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ = t;
  }
  /// Moves the clock forward by `d`.
  void advance(std::chrono::milliseconds d) {
    std::lock_guard<std::mutex> lock(mutex_);
    now_ += d;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
};

/// A Sleeper that records each requested pause and returns at once, advancing a FakeClock by it
/// when given one; thread-safe.
class DELIVERY_API RecordingSleeper final : public Sleeper {
 public:
  /// When `clock` is given, every sleep advances it by the slept duration.
  explicit RecordingSleeper(std::shared_ptr<FakeClock> clock = nullptr) : clock_(std::move(clock)) {}

  void sleepFor(std::chrono::milliseconds d) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      sleeps_.push_back(d);
    }
    if (clock_) clock_->advance(d);
  }
  /// Every pause requested so far, in order.
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }

 private:
  std::shared_ptr<FakeClock> clock_;
  mutable std::mutex mutex_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
