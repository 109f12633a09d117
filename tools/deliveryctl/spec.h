#pragma once
// deliveryctl spec files: many tasks of the three services in one JSON file (README, "Command line").
//
//   {"tasks": [
//     {"family": "tablestore", "instance": "myinstance", "spec": {...CreateDeliveryTaskRequest...}},
//     {"family": "dis", "spec": {...CreateTransferTaskRequest...}},
//     {"family": "kafka", "spec": {...CreateSinkTaskRequest...}},
//     {"family": "smartconnect", "spec": {...CreateConnectorTaskRequest...}}]}
//
// Each spec is read by the SDK's fromJson() (the field tables), then checked by the request's own
// validate(). Every problem of every task is collected, with file, line, path and rule.

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "delivery/dis/model.h"
#include "delivery/kafka/model.h"
#include "delivery/kafka/smart_connect.h"
#include "delivery/tablestore/model.h"

namespace deliveryctl {

/// The four kinds of task a spec file can hold.
enum class Family { Tablestore, Dis, Kafka, SmartConnect };

/// "tablestore", "dis", "kafka", "smartconnect".
const char* familyName(Family f);
/// The family named `text`, if any.
bool familyFromName(const std::string& text, Family& out);

/// One task of a spec file.
struct TaskSpec {
  Family family = Family::Tablestore;
  std::size_t index = 0;   ///< its place in "tasks"
  std::size_t line = 0;    ///< the line its entry starts on
  std::string name;        ///< the task name
  std::string scope;       ///< the table (Tablestore), stream (DIS), connector (Kafka) or instance (Smart Connect)
  std::string instance;    ///< the Tablestore instance ("instance" in the entry), else empty
  std::variant<delivery::tablestore::CreateDeliveryTaskRequest, delivery::dis::CreateTransferTaskRequest,
               delivery::kafka::CreateSinkTaskRequest, delivery::kafka::CreateConnectorTaskRequest>
      request;

  /// "dis/stream-name/task-name": how output names a task.
  std::string id() const { return std::string(familyName(family)) + "/" + scope + "/" + name; }
};

/// One problem of a spec file: "file:line: path: message".
struct Problem {
  std::string file;
  std::size_t line = 0;
  std::string path;
  std::string message;
  std::string toString() const;
};

/// What loading a spec file found.
struct SpecFile {
  std::vector<TaskSpec> tasks;
  std::vector<Problem> problems;  ///< non-empty: the file must not be acted on
};

/// Spec files larger than this are refused before they are read.
inline constexpr std::size_t kMaxSpecBytes = 4 * 1024 * 1024;

/// Reads and checks `path` (YAML is not read: see README "Command line").
SpecFile loadSpecFile(const std::string& path);
/// The same for a text already read; `file` names it in problems.
SpecFile parseSpec(const std::string& text, const std::string& file);

}  // namespace deliveryctl
