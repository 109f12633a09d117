#pragma once
// Huawei Cloud routes under /v2/{project_id}/: DIS transfer tasks (streams/{stream}/transfer-tasks),
// DMS Kafka sink tasks (connectors/{connector_id}/sink-tasks) and enabling a dump connector
// (instances/{instance_id}/connector). One connector exists from the start (defaultConnectorId);
// enabling dumping on an instance adds another; an unknown connector is a 404.
// Authentication as the API gateway does it: an SDK-HMAC-SHA256 signature recomputed over the
// request's own SignedHeaders with X-Sdk-Date at most 15 minutes off, or a known X-Auth-Token.

#include <chrono>
#include <map>
#include <string>

#include "delivery/dis/model.h"
#include "delivery/kafka/model.h"
#include "emulator/backend.h"

namespace delivery::emulator {

struct HuaweiEmulatorCredentials {
  std::string accessKey = "emulator-ak";
  std::string secretKey = "emulator-sk";
  std::string projectId = "emulator-project";
  std::string authToken = "emulator-iam-token";  ///< the IAM token accepted as X-Auth-Token
  std::string defaultConnectorId = "emulator-connector";
};

class HuaweiBackend final : public Backend {
 public:
  HuaweiBackend(HuaweiEmulatorCredentials credentials, BeforeValidate beforeValidate)
      : credentials_(std::move(credentials)), beforeValidate_(std::move(beforeValidate)) {
    connectors_[credentials_.defaultConnectorId] = Connector{"", "", {}};
  }
  const char* family() const override { return "huawei"; }
  bool claims(const HttpRequest& request) const override { return request.path.rfind("/v2/", 0) == 0; }
  std::string operation(const HttpRequest& request) const override;
  Reply errorReply(int status, const std::string& code, const std::string& message) const override;
  Reply handle(const HttpRequest& request, const Locked& locked) override;
  void save(std::ostream& out) const override;
  bool ownsTag(const std::string& tag) const override { return tag == "dis" || tag == "kafka" || tag == "kafka-connector"; }
  bool load(const std::string& tag, const std::string& rest) override;
  std::size_t taskCount() const override;
  std::vector<StoredTask> tasks() const override;
  Result<void> seed(const StoredTask& task) override;

 private:
  struct DisTask {
    std::string id;
    dis::DestinationDescriptor descriptor;
    dis::TransferTaskState state = dis::TransferTaskState::RUNNING;
    std::int64_t createTime = 0;
  };

  struct SinkTask {
    std::string name;
    kafka::ObsDestinationDescriptor descriptor;
    std::int64_t createTime = 0;
  };
  struct Connector {
    std::string instanceId;  ///< empty for the default connector
    std::string jobId;
    std::map<std::string, SinkTask> tasks;  // task id -> task
  };

  /// Empty when the request is authentic, else the reason.
  std::string authenticate(const HttpRequest& ex, const std::string& pathProject) const;
  Reply dis(const HttpRequest& ex, const std::string& stream, const std::vector<std::string>& rest, const Locked& locked);
  Reply sinkTasks(const HttpRequest& ex, const std::string& connectorId, const std::vector<std::string>& rest,
                  const Locked& locked);
  Reply enableConnector(const HttpRequest& ex, const std::string& instanceId, const Locked& locked);
  Reply disableConnector(const HttpRequest& ex, const std::string& instanceId, const Locked& locked);
  DisTask* findDisTask(const std::string& stream, const std::string& name);
  void beforeValidate(const HttpRequest& ex) const {
    if (beforeValidate_) beforeValidate_(ex.path);
  }

  HuaweiEmulatorCredentials credentials_;
  BeforeValidate beforeValidate_;
  std::map<std::string, std::map<std::string, DisTask>> disTasks_;  // stream -> task name -> task
  std::map<std::string, Connector> connectors_;                      // connector id -> connector
};

}  // namespace delivery::emulator
