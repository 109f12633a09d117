#include "delivery/core/logging.h"

#include <cstdlib>
#include <iostream>
#include <mutex>
#include <string>

#include "core/redact.h"
#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN

const char* toString(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::Trace: return "TRACE";
    case LogLevel::Debug: return "DEBUG";
    case LogLevel::Info: return "INFO";
    case LogLevel::Warn: return "WARN";
    case LogLevel::Error: return "ERROR";
    case LogLevel::Off: return "OFF";
  }
  return "OFF";
}

namespace {
class StderrLogger final : public Logger {
 public:
  explicit StderrLogger(LogLevel level) : level_(level) {}
  LogLevel level() const override { return level_; }
  void log(LogLevel level, std::string_view message) override {
    if (level < level_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    std::cerr << "[delivery] " << toString(level) << ' ' << message << '\n';
  }

 private:
  LogLevel level_;
  std::mutex mutex_;
};
}  // namespace

std::shared_ptr<Logger> makeStderrLogger(LogLevel level) { return std::make_shared<StderrLogger>(level); }

std::shared_ptr<Logger> loggerFromEnvironment() {
  const char* v = std::getenv("DELIVERY_LOG");
  if (v == nullptr) return nullptr;
  const std::string s = detail::toLowerAscii(v);
  if (s == "trace") return makeStderrLogger(LogLevel::Trace);
  if (s == "debug") return makeStderrLogger(LogLevel::Debug);
  if (s == "info") return makeStderrLogger(LogLevel::Info);
  if (s == "warn") return makeStderrLogger(LogLevel::Warn);
  if (s == "error") return makeStderrLogger(LogLevel::Error);
  return nullptr;
}

namespace detail {

bool isLoggableHeader(std::string_view name) noexcept {
  static constexpr std::string_view kAllowed[] = {
      "host", "content-type", "content-length", "user-agent", "accept", "date", "connection",
      "x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename", "x-ots-contentmd5",
      "x-ots-sdk-traceid", "x-ots-requestid", "x-ots-contenttype", "x-ots-signdate", "x-ots-signregion",
      "x-sdk-date", "x-project-id", "x-request-id", "x-sdk-content-sha256",
  };
  for (auto allowed : kAllowed) {
    if (Headers::namesEqual(allowed, name)) return true;
  }
  return false;
}

std::string redactedHeaders(const Headers& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    out += "\n  ";
    out += safeText(name, 100);
    out += ": ";
    out += isLoggableHeader(name) ? safeText(value, 200) : kRedacted;
  }
  return out;
}

}  // namespace detail
DELIVERY_NAMESPACE_END
