#pragma once

#include "delivery/export.h"
// Waiting until a task gets somewhere: what every client's waitUntil… helper takes and returns.
//
//   delivery::WaitOptions options;
//   options.timeout = std::chrono::minutes(10);
//   options.onStateChange = [](const delivery::WaitProgress& p) {
//     std::cout << (p.previousState.empty() ? "?" : p.previousState) << " -> " << p.state << '\n';
//   };
//   auto waited = disClient.waitUntilTransferTaskRunning(ShowTransferTaskRequest("stream", "task"), options);
//   if (!waited.reached()) std::cerr << waited.summary() << '\n';
//
// A helper polls (describe/show, each call with the client's own retries), sleeps, and polls again
// until the task is where it was asked to be (Reached), reports an error or a state it cannot leave
// by itself (Failed, with the service's detail), a poll fails (Failed, with that call's Error), the
// timeout passes (TimedOut) or the stop token is triggered (Cancelled).
//
// Timing: the first poll is immediate; then the pause starts at pollInterval and grows by
// `backoff` after every poll, up to maxPollInterval. The last pause is shortened so that one poll
// lands on the deadline itself. Time is read from the options' clock and sleeper, else the
// client's (ClientConfig::clock/sleeper), so tests can drive a wait with a fake clock.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "delivery/core/clock.h"
#include "delivery/core/result.h"
#include "delivery/core/stop_token.h"

DELIVERY_NAMESPACE_BEGIN

/// How a wait ended.
enum class WaitOutcome {
  Reached,    ///< the task is in the state asked for
  Failed,     ///< the task reported an error or a state it will not leave by itself, or a poll failed
  TimedOut,   ///< the timeout passed first
  Cancelled,  ///< the stop token was triggered
};
/// "reached", "failed", "timed out", "cancelled".
DELIVERY_API const char* toString(WaitOutcome outcome) noexcept;

/// A state the wait saw for the first time (the callback is called for the first poll too).
struct WaitProgress {
  std::string previousState;  ///< empty at the first poll
  std::string state;          ///< the service's own word: "STARTING", "RUNNING", "FULL", ...
  int poll = 0;               ///< 1 for the first poll
  std::chrono::milliseconds elapsed{0};  ///< since the wait began, by the wait's clock
};

/// How a waitUntil... call polls: timeout, pause between polls, progress callback, cancellation.
/// Invalid options make the wait fail with ErrorKind::InvalidArgument before the first poll.
struct WaitOptions {
  /// How long to keep polling; 0 polls exactly once.
  std::chrono::milliseconds timeout = std::chrono::minutes(30);
  /// The first pause between two polls (more than 0).
  std::chrono::milliseconds pollInterval = std::chrono::seconds(5);
  /// Each pause is the previous one times this (1 or more; 1 polls at a fixed interval).
  double backoff = 1.5;
  /// The longest pause (at least pollInterval).
  std::chrono::milliseconds maxPollInterval = std::chrono::seconds(30);
  /// Called on the waiting thread whenever the state differs from the previous poll's.
  std::function<void(const WaitProgress&)> onStateChange;
  /// Cancels the wait: checked before every poll, and a pause of the default sleeper ends at once.
  StopToken stopToken;
  /// Null: the client's clock and sleeper.
  std::shared_ptr<Clock> clock;
  /// Waits between polls; null: the client's sleeper.
  std::shared_ptr<Sleeper> sleeper;
};

/// What every wait reports; WaitResult<Response> adds the last response.
struct DELIVERY_API WaitStatus {
  /// How the wait ended.
  WaitOutcome outcome = WaitOutcome::Failed;
  /// The state of the last successful poll (empty when none succeeded).
  std::string state;
  /// Failed because of the task: the service's error detail, or why the state is final.
  std::string detail;
  /// Failed because a poll failed (or the options were invalid: ErrorKind::InvalidArgument).
  std::optional<Error> error;
  /// Polls sent, failed ones included.
  int polls = 0;
  std::chrono::milliseconds elapsed{0};  ///< from the start of the wait to its end, by the wait's clock

  /// Whether the task reached the wanted state (outcome Reached).
  bool reached() const noexcept { return outcome == WaitOutcome::Reached; }
  /// One line for logs: "reached RUNNING after 3 polls (12 s)", "failed: ERROR: ...".
  std::string summary() const;
};

template <typename Response>
/// What a client's waitUntil... call returns: the WaitStatus and the last response.
struct WaitResult : WaitStatus {
  /// The last response a poll received (also for Failed, TimedOut and Cancelled).
  std::optional<Response> response;
};

DELIVERY_NAMESPACE_END
