#pragma once
// The emulator's service backends (internal to tools/): each answers the routes of one cloud
// family and can save and load its tasks as lines of the state file.

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "delivery/core/http.h"
#include "delivery/core/result.h"
#include "emulator/lifecycle.h"

namespace delivery::emulator {

// A request reaches a backend as a delivery::HttpRequest: `method`, `path` exactly as sent (still
// percent-encoded), `query` decoded, every header field, the body. `endpoint` is left empty.

/// One task as a backend keeps it, for tests to inspect and seed. `json` is the backend's own
/// description of the task (for DIS and Kafka the create body as the service takes it; for
/// Tablestore the task config with the vendor schema's field names), with no secrets.
struct StoredTask {
  std::string family;  ///< "tablestore", "dis" or "kafka"
  std::string scope;   ///< the table, stream or connector id the task belongs to
  std::string name;    ///< the task name
  std::string id;      ///< the service's task id (DIS and Kafka), empty for Tablestore
  /// The current state (lifecycle.h): DIS and Kafka as their show answers it; Tablestore the sync
  /// phase (INIT, FULL, INCR) once tasks move (a pace) or the task failed, else empty.
  std::string state;
  std::int64_t createTime = 0;  ///< milliseconds since the epoch
  std::string json;
  /// The error detail while the task is in its error state (task-error fault, failTask), else empty.
  std::string error{};
};

/// Both services reject a signed request whose date is more than 15 minutes from their clock.
inline bool withinClockSkew(std::chrono::system_clock::time_point date) {
  constexpr auto kMaxClockSkew = std::chrono::minutes(15);
  const auto now = std::chrono::system_clock::now();
  return date <= now + kMaxClockSkew && date >= now - kMaxClockSkew;
}

struct Reply {
  int status = 200;
  Headers headers;
  std::string body;
  std::string code;  ///< the error code, for the request log
};

/// Runs a step that reads or changes a backend's tasks while holding the emulator's state lock, and
/// saves the state file before letting go when the step marked the backend dirty.
using Locked = std::function<Reply(const std::function<Reply()>& step)>;

/// Called by a create's locked step (so with the emulator's lock held) just before it stores the new
/// task: one use of a task-error fault in force for `operation`, as the error detail; nullopt when
/// there is none.
using TaskErrorSource = std::function<std::optional<std::string>(const std::string& operation)>;

/// Test hook: called on the request's thread after a body has been decoded and before it is
/// validated, with no lock held. Its argument is the request path (as sent).
using BeforeValidate = std::function<void(const std::string& path)>;

class Backend {
 public:
  virtual ~Backend() = default;
  /// "tablestore", "dis" or "kafka".
  virtual const char* family() const = 0;
  /// Whether requests to this path are this backend's to answer (the emulator asks each backend in
  /// turn; the first that claims a request answers it, with an error when it has no such route).
  virtual bool claims(const HttpRequest& request) const = 0;
  /// The vendor's name of the operation a request asks for ("CreateDeliveryTask",
  /// "CreateTransferTask", "CreateSinkTask", ...), from its method and path alone; empty when the
  /// service has no such route. Faults and execution counts are kept by these names.
  virtual std::string operation(const HttpRequest& request) const = 0;
  /// An error answer in the service's own format (status, headers and body, as handle() gives its
  /// errors), for injected faults. Called without any lock held.
  virtual Reply errorReply(int status, const std::string& code, const std::string& message) const = 0;
  /// Called without any lock held, from many threads at once. Parsing, authentication, decoding,
  /// validation and encoding happen here; only the steps given to `locked` touch the tasks.
  virtual Reply handle(const HttpRequest& request, const Locked& locked) = 0;
  /// Writes one line per task, each starting with one of this backend's tags. Lock held.
  virtual void save(std::ostream& out) const = 0;
  /// Whether state-file lines with this tag are this backend's.
  virtual bool ownsTag(const std::string& tag) const = 0;
  /// Reads one line (without the tag); false when it is corrupt. Called before serving starts.
  virtual bool load(const std::string& tag, const std::string& rest) = 0;
  /// Called with the lock held.
  virtual std::size_t taskCount() const = 0;
  /// Every stored task (lock held).
  virtual std::vector<StoredTask> tasks() const = 0;
  /// Adds a task, or replaces the one with the same scope and name (lock held). `task.json` is
  /// checked as a create request of the service would be; an InvalidArgument error says why not.
  virtual Result<void> seed(const StoredTask& task) = 0;
  /// Puts an existing task (by scope and name) into its error state now, with `detail` (lock held).
  /// A Service error with HTTP status 404 when there is no such task.
  virtual Result<void> failTask(const std::string& scope, const std::string& name, const std::string& detail) = 0;
  /// The pace and clock the task states advance by (default: pace 0, the system clock). Set before
  /// serving starts.
  void setLifecycle(Lifecycle lifecycle) { lifecycle_ = std::move(lifecycle); }
  /// Where creates take task-error faults from (default: nowhere). Set before serving starts.
  void setTaskErrors(TaskErrorSource source) { taskErrors_ = std::move(source); }
  /// True when a locked step changed state that the state file should keep (lock held).
  bool takeDirty() {
    const bool d = dirty_;
    dirty_ = false;
    return d;
  }

 protected:
  void markDirty() { dirty_ = true; }
  const Lifecycle& lifecycle() const { return lifecycle_; }
  /// For a create's locked step: the error a task-error fault gives the new task, if one is in force.
  std::optional<TaskError> takeTaskError(const std::string& operation) const {
    if (!taskErrors_) return std::nullopt;
    std::optional<std::string> detail = taskErrors_(operation);
    if (!detail) return std::nullopt;
    return TaskError::atFirstStep(detail->empty() ? std::string(kDefaultTaskErrorDetail) : *detail);
  }
  static Error taskNotFound(const std::string& what) {
    Error e(ErrorKind::Service, what + " does not exist");
    e.httpStatus = 404;
    e.code = "TaskNotFound";
    return e;
  }

 private:
  bool dirty_ = false;
  Lifecycle lifecycle_;
  TaskErrorSource taskErrors_;
};

}  // namespace delivery::emulator
