#include "core/waiter.h"

#include <algorithm>
#include <cmath>

DELIVERY_NAMESPACE_BEGIN

const char* toString(WaitOutcome outcome) noexcept {
  switch (outcome) {
    case WaitOutcome::Reached:
      return "reached";
    case WaitOutcome::Failed:
      return "failed";
    case WaitOutcome::TimedOut:
      return "timed out";
    case WaitOutcome::Cancelled:
      return "cancelled";
  }
  return "unknown";
}

namespace {
std::string seconds(std::chrono::milliseconds d) {
  const auto ms = d.count();
  if (ms < 1000) return std::to_string(ms) + " ms";
  return std::to_string(ms / 1000) + " s";
}
}  // namespace

std::string WaitStatus::summary() const {
  std::string line = toString(outcome);
  if (outcome == WaitOutcome::Failed) {
    line += ": ";
    if (error) {
      line += error->toString();
    } else {
      line += state;
      if (!detail.empty()) line += ": " + detail;
    }
    return line;
  }
  if (!state.empty()) line += (outcome == WaitOutcome::Reached ? " " : " in ") + state;
  line += " after " + std::to_string(polls) + (polls == 1 ? " poll (" : " polls (") + seconds(elapsed) + ")";
  return line;
}

namespace detail {
namespace {

std::vector<FieldViolation> checkOptions(const WaitOptions& o) {
  std::vector<FieldViolation> v;
  if (o.timeout.count() < 0) v.push_back({"timeout", "must not be negative"});
  if (o.pollInterval.count() <= 0) v.push_back({"pollInterval", "must be more than 0"});
  if (!(o.backoff >= 1.0) || !std::isfinite(o.backoff)) v.push_back({"backoff", "must be a finite number of 1 or more"});
  if (o.maxPollInterval < o.pollInterval) v.push_back({"maxPollInterval", "must be at least pollInterval"});
  return v;
}

}  // namespace

void runWait(const Runtime& runtime, const WaitOptions& options, std::string_view what, WaitStatus& status,
             FunctionRef<Result<Observation>()> poll) {
  if (auto violations = checkOptions(options); !violations.empty()) {
    Error error(ErrorKind::InvalidArgument, "invalid wait options");
    for (const auto& v : violations) error.message += "; " + v.field + " " + v.message;
    error.violations = std::move(violations);
    status.outcome = WaitOutcome::Failed;
    status.error = std::move(error);
    return;
  }
  const Clock& clock = options.clock ? *options.clock : *runtime.clock;
  Sleeper& sleeper = options.sleeper ? *options.sleeper : *runtime.sleeper;
  const auto start = clock.now();
  const auto deadline = start + options.timeout;
  const auto sinceStart = [&] {
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(clock.now() - start));
  };
  auto pause = options.pollInterval;

  auto end = [&](WaitOutcome outcome) {
    status.outcome = outcome;
    status.elapsed = sinceStart();
    if (logEnabled(runtime, LogLevel::Info)) {
      runtime.logger->log(LogLevel::Info, "waiting for " + std::string(what) + ": " + status.summary());
    }
  };

  for (;;) {
    if (options.stopToken.stopRequested()) return end(WaitOutcome::Cancelled);
    Result<Observation> seen = poll();
    ++status.polls;
    if (!seen) {
      status.error = seen.error();
      return end(WaitOutcome::Failed);
    }
    if (seen->state != status.state || status.polls == 1) {
      if (logEnabled(runtime, LogLevel::Debug)) {
        runtime.logger->log(LogLevel::Debug, "waiting for " + std::string(what) + ": " +
                                                 (status.polls == 1 ? std::string("state ") : status.state + " -> ") +
                                                 seen->state);
      }
      if (options.onStateChange) {
        options.onStateChange(WaitProgress{status.state, seen->state, status.polls, sinceStart()});
      }
      status.state = seen->state;
    }
    if (seen->verdict == Observation::Verdict::Reached) return end(WaitOutcome::Reached);
    if (seen->verdict == Observation::Verdict::Failed) {
      status.detail = std::move(seen->detail);
      return end(WaitOutcome::Failed);
    }

    const auto now = clock.now();
    if (now >= deadline) return end(WaitOutcome::TimedOut);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    // A deadline less than a millisecond away still gets its final poll after a 1 ms pause.
    const auto nap = std::max(std::chrono::milliseconds(1), std::min(pause, left));
    if (sleeper.sleepOrStop(nap, options.stopToken)) return end(WaitOutcome::Cancelled);
    const double grown = static_cast<double>(pause.count()) * options.backoff;
    const double cap = static_cast<double>(options.maxPollInterval.count());
    pause = std::chrono::milliseconds(static_cast<std::int64_t>(std::min(grown, cap)));
  }
}

}  // namespace detail
DELIVERY_NAMESPACE_END
