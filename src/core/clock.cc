#include "delivery/core/clock.h"

#include <thread>


DELIVERY_NAMESPACE_BEGIN
namespace {
class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};
class ThreadSleeper final : public Sleeper {
 public:
  void sleepFor(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
  bool sleepOrStop(std::chrono::milliseconds d, const StopToken& stop) override {
    if (!stop.stopPossible()) {
      sleepFor(d);
      return false;
    }
    return stop.waitFor(d);
  }
};
}  // namespace

std::shared_ptr<Clock> systemClock() {
  static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
  return clock;
}

std::shared_ptr<Sleeper> threadSleeper() {
  static const std::shared_ptr<Sleeper> sleeper = std::make_shared<ThreadSleeper>();
  return sleeper;
}

DELIVERY_NAMESPACE_END
