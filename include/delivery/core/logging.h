#pragma once

#include "delivery/export.h"
// An optional logging hook. The SDK never passes secrets to it: Authorization, signatures,
// security tokens and access-key secrets are replaced by "<redacted>" before a line is formed.

#include <memory>
#include <string_view>

DELIVERY_NAMESPACE_BEGIN

/// Severity of a log record; a Logger sees records at or above its level. Off: none.
enum class LogLevel { Trace = 0, Debug = 1, Info = 2, Warn = 3, Error = 4, Off = 5 };
/// The level's name: "TRACE", "DEBUG", "INFO", "WARN", "ERROR" or "OFF".
DELIVERY_API const char* toString(LogLevel level) noexcept;

/// Receives log lines. Called from the threads that make requests; make it thread-safe.
class DELIVERY_API Logger {
 public:
  virtual ~Logger() = default;
  /// Lines below this level are not even formatted.
  virtual LogLevel level() const = 0;
  virtual void log(LogLevel level, std::string_view message) = 0;  ///< Writes one line; called from any thread.
};

/// A thread-safe logger writing "[delivery] LEVEL message" lines to stderr.
DELIVERY_API std::shared_ptr<Logger> makeStderrLogger(LogLevel level);

/// Reads DELIVERY_LOG (trace, debug, info, warn, error); nullptr when unset or "off".
DELIVERY_API std::shared_ptr<Logger> loggerFromEnvironment();

DELIVERY_NAMESPACE_END
