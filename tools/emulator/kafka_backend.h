#pragma once
// Huawei Cloud DMS for Kafka dump (sink) tasks and the dump connector, written from
// the Huawei dump-task specification §2 and huawei-more.md §1 (connector lifecycle):
//   POST   /v2/{project}/instances/{instance_id}/connector             enable dumping (CreateConnector)
//   POST   /v2/{project}/kafka/instances/{instance_id}/delete-connector  disable it (DeleteConnector)
//   POST   /v2/{project}/connectors/{connector_id}/sink-tasks            CreateSinkTask
//   GET    /v2/{project}/connectors/{connector_id}/sink-tasks            ListSinkTasks
//   GET    /v2/{project}/connectors/{connector_id}/sink-tasks/{task_id}[?topic-info=true]  ShowSinkTask
//   DELETE /v2/{project}/connectors/{connector_id}/sink-tasks/{task_id}  DeleteSinkTask
// Smart Connect tasks (huawei-more.md §1.1 K3..K9; kafka_smart_connect.cc):
//   POST   /v2/{project}/instances/{instance_id}/connector/tasks                CreateConnectorTask
//   GET    /v2/{project}/instances/{instance_id}/connector/tasks[?offset&limit] ListConnectorTasks
//   GET    /v2/{project}/instances/{instance_id}/connector/tasks/{task_id}      ShowConnectorTask
//   DELETE /v2/{project}/instances/{instance_id}/connector/tasks/{task_id}      DeleteConnectorTask
//   PUT    /v2/{project}/instances/{instance_id}/connector/tasks/{task_id}/pause|resume
//   PUT    /v2/{project}/kafka/instances/{instance_id}/connector/tasks/{task_id}/restart
// on instances where dumping (Smart Connect) was enabled with CreateConnector.
// One connector exists from the start (defaultConnectorId, with no instance); enabling dumping on
// an instance adds another; an unknown connector is a 404. Bodies are checked against this file's
// own key tables (kafka_backend.cc): 400 DMS.00400000 naming the field. A sink task is kept as its
// create body without access_key and secret_key: secrets are never stored (the show answer never
// echoes them, as the service), and a seeded or reloaded task is accepted without them.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "emulator/backend.h"
#include "emulator/huawei_auth.h"

namespace delivery::emulator {

class KafkaBackend final : public Backend {
 public:
  KafkaBackend(HuaweiEmulatorCredentials credentials, BeforeValidate beforeValidate)
      : credentials_(std::move(credentials)), beforeValidate_(std::move(beforeValidate)) {
    connectors_[credentials_.defaultConnectorId] = Connector{};
  }
  const char* family() const override { return "kafka"; }
  /// /v2/{project}/connectors/..., /v2/{project}/instances/{id}/connector,
  /// /v2/{project}/kafka/instances/{id}/delete-connector.
  bool claims(const HttpRequest& request) const override;
  std::string operation(const HttpRequest& request) const override;
  Reply handle(const HttpRequest& request, const Locked& locked) override;
  Reply errorReply(int status, const std::string& code, const std::string& message) const override {
    Reply reply = huawei_gateway::errorReply(status, code, message);
    huawei_gateway::addRequestId(reply);
    return reply;
  }
  /// `kafka-connector <connector id> <instance id or -> <job id or ->` per connector, then
  /// `kafka <connector id> <task id> <create time ms> <hex of the stored body> <task error>` per
  /// sink task (lifecycle.h; the task error is absent on v2 lines). The lifecycle runs from the
  /// create time.
  void save(std::ostream& out) const override;
  bool ownsTag(const std::string& tag) const override {
    return tag == "kafka" || tag == "kafka-connector" || tag == "kafka-smart";
  }
  bool load(const std::string& tag, const std::string& rest) override;
  std::size_t taskCount() const override;
  std::vector<StoredTask> tasks() const override;
  /// `task.json` is a CreateSinkTaskReq body (with or without the OBS AK/SK); scope = connector id
  /// (the connector is added when it does not exist). Keeps task.id and task.createTime when given.
  Result<void> seed(const StoredTask& task) override;
  /// `name`: the task's name (or its id).
  Result<void> failTask(const std::string& scope, const std::string& name, const std::string& detail) override;

  struct Checked {
    std::vector<std::pair<std::string, std::string>> problems;  ///< field path, message
    std::string name;
    std::string topics;  ///< topics, or topics_regex when topics is empty
    std::string stored;  ///< the body without secrets, compact
  };
  static Checked checkCreate(rapidjson::Document& body, bool secretsMayBeAbsent);

 private:
  struct SinkTask {
    std::string name;
    std::string topics;
    std::int64_t createTime = 0;
    std::string body;  ///< the create body without secrets
    TaskError error;
  };
  /// The status a list or show answers now: CREATING, RUNNING or ERROR (lifecycle.h).
  std::string statusOf(const SinkTask& task) const;
  struct Connector {
    std::string instanceId;  ///< empty for the default connector
    std::string jobId;
    std::map<std::string, SinkTask> tasks;  // task id -> task
  };
  Reply sinkTasks(const HttpRequest& request, const std::string& connectorId, const std::vector<std::string>& rest,
                  const Locked& locked);
  // Smart Connect tasks: their own routes and state (kafka_smart_connect.cc).
  struct SmartConnectTask {
    std::string name;
    std::string status;  ///< where the task rests: RUNNING, WAITING (start_later) or PAUSED
    std::int64_t createTime = 0;
    std::string body;  ///< the create body without access_key, secret_key and password
    /// CREATING (after a create) or RESTARTING (after a restart) for one pace from `since`, then
    /// `status` (huawei-more.md §3); empty: at rest.
    std::string passing;
    std::int64_t since = 0;
  };
  /// The status a show or list answers now (lifecycle.h: one step of the pace).
  std::string statusOf(const SmartConnectTask& task) const;
  static bool isSmartConnectPath(const std::vector<std::string>& p);
  static std::string smartConnectOperation(const std::vector<std::string>& p, HttpMethod method);
  Reply smartConnect(const HttpRequest& request, const std::vector<std::string>& p, const Locked& locked);
  std::map<std::string, std::map<std::string, SmartConnectTask>> smartConnectTasks_;  // instance id -> task id -> task

  Reply enableConnector(const HttpRequest& request, const std::string& instanceId, const Locked& locked);
  Reply disableConnector(const HttpRequest& request, const std::string& instanceId, const Locked& locked);
  void beforeValidate(const HttpRequest& request) const {
    if (beforeValidate_) beforeValidate_(request.path);
  }

  HuaweiEmulatorCredentials credentials_;
  BeforeValidate beforeValidate_;
  std::map<std::string, Connector> connectors_;  // connector id -> connector
};

}  // namespace delivery::emulator
