#pragma once
// Tablestore delivery-task actions: POST /<Action> with protobuf bodies and x-ots-* signing.
//
// Written from the Tablestore delivery-task specification, independently of the SDK: requests are
// read with the emulator's own protobuf tables (tablestore/wire.h), checked with its own rules
// (tablestore/rules.h), authenticated with its own reading of the signing spec
// (tablestore/signing.h), and answered with its own encoders (tablestore/responses.h).
//
// Actions: CreateDeliveryTask, UpdateDeliveryTask, DescribeDeliveryTask, DeleteDeliveryTask,
// ListDeliveryTask. Errors: 405 OTSMethodNotAllowed (not POST), 403 OTSAuthFailed (any
// authentication failure), 400 OTSParameterInvalid (body not the action's message, a rule broken,
// an unknown action; the message names the field), 404 OTSObjectNotExist, 409 OTSObjectAlreadyExist.
// Every reply carries x-ots-contentmd5, x-ots-contenttype, x-ots-date and x-ots-requestid; a 200
// reply also carries `authorization: OTS <access key id>:<signature>` (spec 4.1).
//
// Stored tasks (tasks(), seed()): family "tablestore", scope = table name, name = task name, id
// empty, state the sync phase once tasks move or failed (lifecycle.h; empty with pace 0 and no
// error, as the service has no task state of its own), createTime in milliseconds, and `json` the task as a CreateDeliveryTaskRequest in
// JSON with the .proto field names and enum names (wire.h toJson), e.g.
//   {"tableName":"sampleTable","taskName":"sampledeliverytask",
//    "taskConfig":{"ossPrefix":"p/$yyyy","ossBucket":"b","ossEndpoint":"e","ossStsRole":"acs:ram::1:role/r",
//                  "eventTimeColumn":{"columnName":"PK1","timeFormat":"RFC1123"},"format":"Parquet",
//                  "schema":[{"columnName":"PK1","ossColumnName":"PK1","type":"UTF8","encode":"PLAIN"}]},
//    "taskType":"BASE_INC"}
// The config holds exactly the fields the create (or last update) carried. seed() takes the same
// shape; tableName and taskName may be left out (scope and name give them) and must match scope
// and name when given; the request is then checked as CreateDeliveryTask would check it.
//
// State file: one line per task, "ots <create time, ns since the epoch> <hex of the task's
// CreateDeliveryTaskRequest in the emulator's own encoding> <task error>" (lifecycle.h
// saveTaskError; lines of a v2 file end before it). The lifecycle runs from the create time. A Tablestore task config holds no
// secret (bucket, endpoint, role ARN, prefix, columns), so nothing needs leaving out.

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "delivery/core/credentials.h"
#include "emulator/backend.h"
#include "emulator/tablestore/responses.h"
#include "emulator/tablestore/wire.h"

namespace delivery::emulator {

class TablestoreBackend final : public Backend {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  TablestoreBackend(Credentials credentials, BeforeValidate beforeValidate)
      : credentials_(std::move(credentials)), beforeValidate_(std::move(beforeValidate)) {}
  /// The clock that x-ots-date is checked against and that create times come from unless the
  /// lifecycle has a clock of its own (tests use a fixed one to replay the signing vectors). Set
  /// before serving starts.
  void setClock(Clock clock) { clock_ = std::move(clock); }

  const char* family() const override { return "tablestore"; }
  bool claims(const HttpRequest& request) const override { return request.path.rfind("/v2/", 0) != 0; }
  std::string operation(const HttpRequest& request) const override;
  Reply errorReply(int status, const std::string& code, const std::string& message) const override;
  Reply handle(const HttpRequest& request, const Locked& locked) override;
  void save(std::ostream& out) const override;
  bool ownsTag(const std::string& tag) const override { return tag == "ots"; }
  bool load(const std::string& tag, const std::string& rest) override;
  std::size_t taskCount() const override;
  std::vector<StoredTask> tasks() const override;
  Result<void> seed(const StoredTask& task) override;
  Result<void> failTask(const std::string& scope, const std::string& name, const std::string& detail) override;

 private:
  struct Task {
    ots::Message config;          ///< OSSTaskConfig, as the create or last update carried it
    std::int64_t taskType = 2;    ///< DeliveryTaskType number
    std::int64_t createdNanos = 0;
    TaskError error;  ///< none unless a task-error fault or failTask gave it one
  };
  /// The task_sync_stat a describe answers now (lifecycle.h).
  ots::SyncStat syncStat(const Task& task) const;
  /// When a new task is created: the lifecycle's clock when one was injected, else now().
  std::int64_t createdNanosNow() const;
  void addResponseHeaders(Reply& reply) const;
  std::chrono::system_clock::time_point now() const { return clock_ ? clock_() : std::chrono::system_clock::now(); }
  Reply dispatch(const std::string& action, const HttpRequest& request, const Locked& locked);
  /// Decodes the body as `type`, runs the test hook, then `check`; a 400 reply when either fails.
  Result<ots::Message> read(const ots::MessageType& type, const HttpRequest& request,
                            std::vector<std::string> (*check)(const ots::Message&)) const;
  /// A create request (decoded) into a Task under its table and name (lock held).
  static ots::Message createRequest(const std::string& table, const std::string& name, const Task& task);

  Credentials credentials_;
  BeforeValidate beforeValidate_;
  Clock clock_;
  std::map<std::string, std::map<std::string, Task>> tasks_;  // table -> task name -> task
};

}  // namespace delivery::emulator
