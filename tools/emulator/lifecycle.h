#pragma once
// How the emulator's tasks move through their states over time (EmulatorOptions::taskPace).
//
// No timer thread: a task keeps when its current run of steps began, and its state is worked out
// from that, the pace and the emulator's clock whenever it is read (a describe or show, tasks(),
// the state file). With pace 0 every step is done at once and the states are the static ones the
// emulator always answered.
//
// The lifecycle per family (each step takes one pace):
//
//   Tablestore task_sync_stat  BASE_INC, BASE: INIT -> FULL -> INCR; INC: INIT -> INCR.
//                              current_sync_timestamp is 0 before INCR, the clock's now in INCR.
//                              Pace 0: FULL (INCR for INC) from the start, the create time as the
//                              timestamp, as before.
//   DIS transfer task          STARTING -> RUNNING (create; start of a task that is not running);
//                              stop: PAUSED at once.
//   Kafka sink task            CREATING -> RUNNING (see kKafkaCreating: UNCONFIRMED).
//
// A task in its error state (the task-error fault, Emulator::failTask): Tablestore error_code
// INVALID_OSS_BUCKET with the detail, the phase held; DIS "ERROR"; Kafka "ERROR" (UNCONFIRMED).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "delivery/core/clock.h"

namespace delivery::emulator {

// ---- state names chosen where the specifications say nothing (kept here, in one place) ----------

/// Kafka sink tasks (the old sink-task API, huawei-dump-tasks.md §2) document no status enum.
/// UNCONFIRMED: the pending state is taken from the newer Smart Connect task API, where Terraform
/// polls CREATING -> RUNNING after a create (huawei-more.md §3).
inline constexpr const char* kKafkaCreating = "CREATING";
inline constexpr const char* kKafkaRunning = "RUNNING";
/// UNCONFIRMED: neither Kafka task API documents a failed status; "ERROR" mirrors DIS's enum.
inline constexpr const char* kKafkaError = "ERROR";
/// DIS TransferTask.state (huawei-dump-tasks.md §1.6: ERROR, STARTING, PAUSED, RUNNING, DELETE,
/// ABNORMAL) and the create/start/stop transitions of huawei-more.md §3.
inline constexpr const char* kDisStarting = "STARTING";
inline constexpr const char* kDisRunning = "RUNNING";
inline constexpr const char* kDisPaused = "PAUSED";
inline constexpr const char* kDisError = "ERROR";
/// The detail of a task-error fault given without one.
inline constexpr const char* kDefaultTaskErrorDetail = "task error injected by the emulator (task-error fault)";

/// The pace and the clock the task states advance by; shared by every backend of an emulator.
class Lifecycle {
 public:
  /// Steps done with pace 0: all of them.
  static constexpr std::int64_t kAllSteps = std::int64_t{1} << 40;

  Lifecycle() = default;
  /// `clock` null: the system clock.
  Lifecycle(std::chrono::milliseconds pace, std::shared_ptr<Clock> clock) : pace_(pace), clock_(std::move(clock)) {}

  std::chrono::milliseconds pace() const { return pace_; }
  /// Whether an injected clock was given (otherwise the system clock is read).
  bool hasClock() const { return clock_ != nullptr; }
  std::chrono::system_clock::time_point now() const { return clock_ ? clock_->now() : std::chrono::system_clock::now(); }
  std::int64_t nowMillis() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
  }
  std::int64_t nowNanos() const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(now().time_since_epoch()).count();
  }
  /// Whole steps done since `sinceMillis` (never negative, also when the clock went back); with
  /// pace 0, kAllSteps.
  std::int64_t steps(std::int64_t sinceMillis) const {
    if (pace_.count() <= 0) return kAllSteps;
    const std::int64_t elapsed = nowMillis() - sinceMillis;
    return elapsed <= 0 ? 0 : elapsed / pace_.count();
  }

 private:
  std::chrono::milliseconds pace_{0};
  std::shared_ptr<Clock> clock_;
};

/// A task's error: from which step of its current run it is in its error state, and the detail.
struct TaskError {
  static constexpr std::int64_t kNever = -1;
  std::int64_t fromStep = kNever;
  /// Tablestore: the sync phase shown while in error (INIT for the task-error fault; the phase
  /// reached for failTask). Unused elsewhere.
  std::int64_t phase = 0;
  std::string detail;

  bool set() const { return fromStep != kNever; }
  bool showsAt(std::int64_t steps) const { return set() && steps >= fromStep; }
  /// The task-error fault: the task fails at its first step.
  static TaskError atFirstStep(std::string detail) { return TaskError{1, 0, std::move(detail)}; }
};

/// The state-file token of a task error: "-" for none, else "<fromStep>:<phase>:<hex of detail>".
std::string saveTaskError(const TaskError& error);
/// Reads a token written by saveTaskError; false when it is not one.
bool loadTaskError(const std::string& token, TaskError& error);

}  // namespace delivery::emulator
