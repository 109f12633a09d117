#pragma once
// KafkaClient: DMS for Kafka dump (sink) tasks to OBS, and enabling the dump connector.
//
//   auto client = delivery::kafka::KafkaClient::create(credentials, config);   // config.region = "cn-north-4"
//   auto created = client->createSinkTask(CreateSinkTaskRequest(connectorId, "mytask", descriptor));
//   std::cout << created->getTaskId();
//
// Endpoint: config.endpoint, else https://dms.<config.region>.myhuaweicloud.com, else the
// HUAWEICLOUD_DMS_ENDPOINT environment variable. Authentication as for DisClient (SDK-HMAC-SHA256
// or X-Auth-Token). The service marks this API "historical" in favour of Smart Connect; the routes
// below are the documented ones.
//
// Thread safety: a KafkaClient is immutable; every operation is const and may run concurrently.
// Retries: as DisClient: connect failures and 429 always, 5xx and timeouts only for list and show.

#include <memory>

#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/kafka/model.h"

namespace delivery::kafka {

using KafkaClientConfig = huawei::HuaweiClientConfig;

class KafkaClient {
 public:
  static Result<KafkaClient> create(huawei::HuaweiCredentials credentials, KafkaClientConfig config = {});

  /// POST /v2/{project_id}/connectors/{connector_id}/sink-tasks; returns the task id.
  [[nodiscard]] Result<CreateSinkTaskResponse> createSinkTask(const CreateSinkTaskRequest& request) const;
  [[nodiscard]] Result<ListSinkTasksResponse> listSinkTasks(const ListSinkTasksRequest& request) const;
  [[nodiscard]] Result<ShowSinkTaskResponse> showSinkTask(const ShowSinkTaskRequest& request) const;
  /// 204 from the service; any 2xx is success.
  [[nodiscard]] Result<DeleteSinkTaskResponse> deleteSinkTask(const DeleteSinkTaskRequest& request) const;
  /// POST /v2/{project_id}/instances/{instance_id}/connector; returns the job id and connector id.
  [[nodiscard]] Result<CreateConnectorResponse> createConnector(const CreateConnectorRequest& request) const;

  const std::string& getEndpoint() const noexcept;

 private:
  struct Impl;
  explicit KafkaClient(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace delivery::kafka
