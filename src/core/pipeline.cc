#include "core/pipeline.h"

#include <algorithm>

#include "core/redact.h"
#include "core/text.h"
#include "core/validation.h"
#include "delivery/core/curl_transport.h"

namespace delivery::detail {

namespace {
constexpr std::size_t kMaxUserAgentSuffixBytes = 1024;  // goes into the User-Agent header
}  // namespace

Result<Runtime> Runtime::fromConfig(const ClientConfig& config, const std::string& sdkUserAgent) {
  Error err(ErrorKind::InvalidArgument, "invalid client configuration");
  if (config.retry.maxAttempts < 1) err.violations.push_back({"retry.maxAttempts", "must be at least 1"});
  if (config.retry.maxElapsed.count() < 0) err.violations.push_back({"retry.maxElapsed", "must not be negative"});
  if (config.retry.initialBackoff.count() < 1) err.violations.push_back({"retry.initialBackoff", "must be at least 1 ms"});
  if (config.retry.maxBackoff < config.retry.initialBackoff) {
    err.violations.push_back({"retry.maxBackoff", "must not be less than retry.initialBackoff"});
  }
  if (!config.transport) {
    if (config.curl.connectTimeout.count() < 0) err.violations.push_back({"curl.connectTimeout", "must not be negative"});
    if (config.curl.requestTimeout.count() < 0) err.violations.push_back({"curl.requestTimeout", "must not be negative"});
    if (config.curl.stallTimeout.count() < 0) err.violations.push_back({"curl.stallTimeout", "must not be negative"});
  }
  checkHeaderValue(err.violations, "userAgentSuffix", config.userAgentSuffix, kMaxUserAgentSuffixBytes);
  if (!err.violations.empty()) return err;

  Runtime rt;
  rt.transport = config.transport ? config.transport : std::make_shared<CurlTransport>(config.curl);
  rt.clock = config.clock ? config.clock : systemClock();
  rt.sleeper = config.sleeper ? config.sleeper : threadSleeper();
  rt.logger = config.logger;
  rt.retry = config.retry;
  rt.userAgent = sdkUserAgent;
  if (!config.userAgentSuffix.empty()) rt.userAgent += " " + config.userAgentSuffix;
  return rt;
}

bool transportErrorRetryable(const Error& error, bool idempotent) noexcept {
  switch (error.kind) {
    case ErrorKind::Connect: return true;
    case ErrorKind::Timeout:
    case ErrorKind::Network: return idempotent;
    default: return false;
  }
}

namespace {

bool enabled(const Runtime& rt, LogLevel level) { return rt.logger && rt.logger->level() <= level; }

std::chrono::milliseconds backoffFor(const RetryPolicy& policy, int retryNumber) {
  // initial * 2^(n-1), capped; the shift is bounded so it cannot overflow.
  const int shift = std::min(retryNumber - 1, 30);
  const auto ceiling = std::min<std::int64_t>(policy.maxBackoff.count(), policy.initialBackoff.count() << shift);
  return std::chrono::milliseconds(randomBetween(1, std::max<std::int64_t>(1, ceiling)));
}

}  // namespace

Result<HttpResponse> execute(const Runtime& rt, HttpRequest& request, const CallSpec& spec) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  const auto start = rt.clock->now();
  const auto deadline = start + rt.retry.maxElapsed;
  for (int attempt = 1;; ++attempt) {
    const auto now = rt.clock->now();
    if (Result<void> signedOk = spec.sign(request, now); !signedOk) return signedOk.error();

    if (enabled(rt, LogLevel::Debug)) {
      rt.logger->log(LogLevel::Debug, std::string(spec.operation) + " attempt " + std::to_string(attempt) + ": " +
                                          toString(request.method) + " " + request.url() + " (" +
                                          std::to_string(request.body.size()) + " body bytes)" +
                                          redactedHeaders(request.headers));
    }
    Result<HttpResponse> sent = rt.transport->send(request);
    Error err;
    if (sent) {
      Result<void> checked = spec.check(*sent);
      if (enabled(rt, LogLevel::Info)) {
        const auto ms = duration_cast<milliseconds>(rt.clock->now() - now).count();
        std::string line = std::string(spec.operation) + " " + toString(request.method) + " " +
                           request.endpoint.toString() + request.path + " -> " + std::to_string(sent->status) +
                           " in " + std::to_string(ms) + " ms (attempt " + std::to_string(attempt) + ")";
        if (enabled(rt, LogLevel::Debug)) line += redactedHeaders(sent->headers);
        rt.logger->log(LogLevel::Info, line);
      }
      if (checked) return sent;
      err = checked.error();
    } else {
      err = sent.error();
      err.retryable = transportErrorRetryable(err, spec.idempotent);
    }

    if (!err.retryable) return err;
    if (attempt >= rt.retry.maxAttempts) {
      if (attempt > 1) err.message += " (gave up after " + std::to_string(attempt) + " attempts)";
      return err;
    }
    const auto pause = backoffFor(rt.retry, attempt);
    if (rt.clock->now() + pause > deadline) {
      err.message += " (gave up after " + std::to_string(attempt) + " attempts: retry time limit reached)";
      return err;
    }
    if (enabled(rt, LogLevel::Warn)) {
      rt.logger->log(LogLevel::Warn, std::string(spec.operation) + " attempt " + std::to_string(attempt) +
                                         " failed, retrying in " + std::to_string(pause.count()) +
                                         " ms: " + err.toString());
    }
    rt.sleeper->sleepFor(pause);
  }
}

}  // namespace delivery::detail
