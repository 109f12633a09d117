#pragma once
// A Logger that keeps every line, for tests that check what is (and is not) logged.

#include <mutex>
#include <string>

#include "delivery/core/logging.h"

namespace delivery::test {

class CapturingLogger final : public Logger {
 public:
  LogLevel level() const override { return LogLevel::Trace; }
  void log(LogLevel, std::string_view message) override {
    std::lock_guard<std::mutex> lock(mutex_);
    text_ += std::string(message) + "\n";
  }
  std::string text() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return text_;
  }

 private:
  mutable std::mutex mutex_;
  std::string text_;
};

}  // namespace delivery::test
