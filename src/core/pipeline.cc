#include "core/pipeline.h"

#include <algorithm>

#include "core/async_tasks.h"
#include "core/redact.h"
#include "core/text.h"
#include "core/validation.h"
#include "delivery/core/curl_transport.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

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
  if (config.retry.initialThrottleBackoff.count() < 1) {
    err.violations.push_back({"retry.initialThrottleBackoff", "must be at least 1 ms"});
  }
  if (config.retry.maxThrottleBackoff < config.retry.initialThrottleBackoff) {
    err.violations.push_back({"retry.maxThrottleBackoff", "must not be less than retry.initialThrottleBackoff"});
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
  rt.customSleeper = config.sleeper != nullptr;
  rt.async = std::make_shared<Runtime::AsyncSlot>();
  rt.async->adapterOptions = config.asyncAdapter;
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

// Full jitter in [1 ms, c] for transient errors; [c/2, c] for throttling, so that a throttled call
// really waits. c = min(max, initial * 2^(n-1)); the shift is bounded so it cannot overflow.
std::chrono::milliseconds backoffFor(const RetryPolicy& policy, int retryNumber, bool throttled) {
  const int shift = std::min(retryNumber - 1, 30);
  const std::int64_t initial = throttled ? policy.initialThrottleBackoff.count() : policy.initialBackoff.count();
  const std::int64_t cap = throttled ? policy.maxThrottleBackoff.count() : policy.maxBackoff.count();
  const std::int64_t ceiling = std::max<std::int64_t>(1, std::min<std::int64_t>(cap, initial << shift));
  const std::int64_t floor = throttled ? std::max<std::int64_t>(1, ceiling / 2) : 1;
  return std::chrono::milliseconds(randomBetween(floor, ceiling));
}

// A Retry-After value longer than this is taken as this (it is beyond any retry budget anyway).
constexpr std::int64_t kMaxRetryAfterSeconds = 7 * 24 * 3600;

}  // namespace

std::optional<std::chrono::milliseconds> retryAfter(const Headers& headers, std::chrono::system_clock::time_point now) {
  const std::string* value = headers.find("Retry-After");
  if (value == nullptr) return std::nullopt;
  const std::string_view v = trimView(*value);
  if (v.empty()) return std::nullopt;
  if (v.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t seconds = 0;
    for (char c : v) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > kMaxRetryAfterSeconds) {
        seconds = kMaxRetryAfterSeconds;
        break;
      }
    }
    return std::chrono::milliseconds(seconds * 1000);
  }
  std::chrono::system_clock::time_point at;
  if (!parseHttpDate(v, at)) return std::nullopt;  // neither form: ignored, as RFC 9110 allows
  if (at <= now) return std::chrono::milliseconds(0);
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
  return std::min(wait, std::chrono::milliseconds(kMaxRetryAfterSeconds * 1000));
}

void makeOutsideTextSafe(Error& error) {
  auto makeSafe = [](std::string& text, std::size_t limit) {
    if (!isSafeText(text, limit)) text = safeText(text, limit);  // safe text, the usual case, is not copied
  };
  makeSafe(error.code, Error::kMaxCodeBytes);
  makeSafe(error.requestId, Error::kMaxRequestIdBytes);
  makeSafe(error.message, Error::kMaxMessageBytes);
}

void logAttempt(const Runtime& rt, const CallSpec& spec, const HttpRequest& request, int attempt) {
  if (logEnabled(rt, LogLevel::Debug)) {
    rt.logger->log(LogLevel::Debug, std::string(spec.operation) + " attempt " + std::to_string(attempt) + ": " +
                                        toString(request.method) + " " + request.url() + " (" +
                                        std::to_string(request.body.size()) + " body bytes)" +
                                        redactedHeaders(request.headers));
  }
}

AttemptVerdict judgeAttempt(const Runtime& rt, const HttpRequest& request, const CallSpec& spec, int attempt,
                            std::chrono::system_clock::time_point attemptStart,
                            std::chrono::system_clock::time_point deadline, Result<HttpResponse> sent) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  AttemptVerdict verdict;
  Error err;
  if (sent) {
    Result<void> checked = spec.check(*sent);
    if (logEnabled(rt, LogLevel::Info)) {
      const auto ms = duration_cast<milliseconds>(rt.clock->now() - attemptStart).count();
      std::string line = std::string(spec.operation) + " " + toString(request.method) + " " +
                         request.endpoint.toString() + request.path + " -> " + std::to_string(sent->status) +
                         " in " + std::to_string(ms) + " ms (attempt " + std::to_string(attempt) + ")";
      if (logEnabled(rt, LogLevel::Debug)) line += redactedHeaders(sent->headers);
      rt.logger->log(LogLevel::Info, line);
    }
    if (checked) {
      verdict.end.emplace(std::move(sent));
      return verdict;
    }
    err = checked.error();
    err.retryAfter = retryAfter(sent->headers, rt.clock->now());
  } else {
    // A request cancelled while it was out (asynchronous calls) may have executed as well; one
    // cancelled before it was sent did not (the AsyncTransport contract marks it retryable).
    const bool cancelledUnsent = detail::cancelledUnsent(sent);
    err = sent.error();
    err.retryable = transportErrorRetryable(err, spec.idempotent);
    const bool mayHaveExecuted = err.kind == ErrorKind::Network || err.kind == ErrorKind::Timeout ||
                                 err.kind == ErrorKind::InvalidResponse ||
                                 (err.kind == ErrorKind::Cancelled && !cancelledUnsent);
    if (!spec.idempotent && mayHaveExecuted) {
      err.message += " (the request may have reached the service and executed: the outcome is unknown, and " +
                     std::string(spec.operation) + " is not sent again)";
    }
  }
  err.attempts = attempt;
  makeOutsideTextSafe(err);

  if (!err.retryable) {
    verdict.end.emplace(std::move(err));
    return verdict;
  }
  if (attempt >= rt.retry.maxAttempts) {
    if (attempt > 1) err.message += " (gave up after " + std::to_string(attempt) + " attempts)";
    verdict.end.emplace(std::move(err));
    return verdict;
  }
  auto pause = backoffFor(rt.retry, attempt, err.kind == ErrorKind::Throttled);
  const bool serverPause = rt.retry.honourRetryAfter && err.retryAfter && *err.retryAfter > pause;
  if (serverPause) pause = *err.retryAfter;
  if (rt.clock->now() + pause > deadline) {
    err.message += " (gave up after " + std::to_string(attempt) + " attempts: ";
    err.message += serverPause
                       ? "the service asked to retry after " + std::to_string(pause.count()) +
                             " ms, past the retry time limit)"
                       : "retry time limit reached)";
    verdict.end.emplace(std::move(err));
    return verdict;
  }
  if (logEnabled(rt, LogLevel::Warn)) {
    rt.logger->log(LogLevel::Warn, std::string(spec.operation) + " attempt " + std::to_string(attempt) +
                                       " failed, retrying in " + std::to_string(pause.count()) +
                                       " ms: " + err.toString());
  }
  verdict.pause = pause;
  verdict.last = std::move(err);
  return verdict;
}

Result<HttpResponse> execute(const Runtime& rt, HttpRequest& request, const CallSpec& spec) {
  request.idempotent = spec.idempotent;
  const auto start = rt.clock->now();
  const auto deadline = start + rt.retry.maxElapsed;
  for (int attempt = 1;; ++attempt) {
    const auto now = attempt == 1 ? start : rt.clock->now();
    if (Result<void> signedOk = spec.sign(request, now); !signedOk) return signedOk.error();
    logAttempt(rt, spec, request, attempt);
    AttemptVerdict verdict = judgeAttempt(rt, request, spec, attempt, now, deadline, rt.transport->send(request));
    if (verdict.end) return std::move(*verdict.end);
    rt.sleeper->sleepFor(verdict.pause);
  }
}

std::shared_ptr<AsyncTransport> Runtime::asyncTransport() const {
  std::call_once(async->once, [this] {
    if (auto native = std::dynamic_pointer_cast<AsyncTransport>(transport)) {
      async->transport = std::move(native);
    } else {
      async->transport = std::make_shared<SyncTransportAdapter>(transport, async->adapterOptions);
    }
  });
  return async->transport;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
