#pragma once
// The one request pipeline every service client runs (internal): per attempt, sign with the
// current time, send, check the response; between attempts, back off with jitter within the
// retry policy's bounds. Services plug in their signer and their response check.

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/function_ref.h"
#include "delivery/core/async_transport.h"
#include "delivery/core/client_config.h"
#include "delivery/core/http.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// A ClientConfig with every default filled in; shared by a client and its copies.
struct Runtime {
  std::shared_ptr<Transport> transport;
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Sleeper> sleeper;
  std::shared_ptr<Logger> logger;
  RetryPolicy retry;
  std::string userAgent;
  /// Whether `sleeper` is the caller's (ClientConfig::sleeper): asynchronous calls then wait
  /// between attempts with it (on the event thread) instead of a transport timer, so that tests
  /// with a RecordingSleeper run both styles in fake time.
  bool customSleeper = false;

  /// The asynchronous side of `transport`, made on first use (shared by the runtime's copies).
  struct AsyncSlot {
    std::once_flag once;
    std::shared_ptr<AsyncTransport> transport;
    SyncTransportAdapterOptions adapterOptions;
  };
  std::shared_ptr<AsyncSlot> async;
  /// `transport` itself when it is an AsyncTransport (CurlTransport is), else a
  /// SyncTransportAdapter around it, made on the first call.
  std::shared_ptr<AsyncTransport> asyncTransport() const;

  /// Fails (InvalidArgument, every problem listed) when the retry bounds make no sense.
  static Result<Runtime> fromConfig(const ClientConfig& config, const std::string& sdkUserAgent);
};

/// Whether the runtime's logger wants lines of `level` (false without a logger).
inline bool logEnabled(const Runtime& rt, LogLevel level) { return rt.logger && rt.logger->level() <= level; }

/// One call as the loop sees it. The two hooks refer to callables of the caller's frame, which
/// must outlive the call to execute().
struct CallSpec {
  std::string_view operation;  ///< for log lines, e.g. "CreateDeliveryTask"
  bool idempotent = false;
  /// Adds the date and signature headers for one attempt (replacing those of the previous one).
  FunctionRef<Result<void>(HttpRequest&, std::chrono::system_clock::time_point)> sign;
  /// Turns a response into success or an Error whose `retryable` the caller has decided (and, on
  /// success, has read the body).
  FunctionRef<Result<void>(const HttpResponse&)> check;
};

/// Whether a transport failure may be retried: always when the request never left
/// (ErrorKind::Connect), otherwise only for idempotent operations (timeouts, network errors).
bool transportErrorRetryable(const Error& error, bool idempotent) noexcept;

/// The wait a response's Retry-After asks for (delta-seconds, or an HTTP date taken against
/// `now`), at most a week; nullopt when absent or unreadable.
std::optional<std::chrono::milliseconds> retryAfter(const Headers& headers, std::chrono::system_clock::time_point now);

/// Escapes and caps an Error's code, message and request id (see Error).
void makeOutsideTextSafe(Error& error);

/// Logs (Debug) the attempt about to be sent.
void logAttempt(const Runtime& runtime, const CallSpec& spec, const HttpRequest& request, int attempt);

/// What follows one attempt, by the retry rules every call follows (blocking or not): the call's
/// end (the response, or the final Error with attempts and messages filled in), or the pause
/// before the next attempt.
struct AttemptVerdict {
  std::optional<Result<HttpResponse>> end;  ///< set: the call ends with this
  std::chrono::milliseconds pause{0};       ///< otherwise: wait this long, then attempt again
  Error last;                               ///< otherwise: the error of this attempt
};

/// Judges attempt number `attempt` (1-based), sent at `attemptStart`, whose transport result is
/// `sent`; `deadline` ends the retries (start of the call + RetryPolicy::maxElapsed).
AttemptVerdict judgeAttempt(const Runtime& runtime, const HttpRequest& request, const CallSpec& spec, int attempt,
                            std::chrono::system_clock::time_point attemptStart,
                            std::chrono::system_clock::time_point deadline, Result<HttpResponse> sent);

/// Signs and sends `request` until it succeeds, fails for good or runs out of attempts. `sign`
/// rewrites the request's headers before each attempt.
Result<HttpResponse> execute(const Runtime& runtime, HttpRequest& request, const CallSpec& spec);

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
