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
// Retries: as DisClient: connect failures and 429 always; 5xx, timeouts and an unreadable 2xx body
// only for list and show.


#include "delivery/core/client_handle.h"
#include "delivery/core/waiter.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/huawei/credentials_chain.h"
#include "delivery/kafka/model.h"

namespace delivery::kafka {

using KafkaClientConfig = huawei::HuaweiClientConfig;

class KafkaClient : private ClientHandle<KafkaClient> {
 public:
  /// Every problem with the credentials and config at once, as an InvalidArgument error.
  static Result<KafkaClient> create(huawei::HuaweiCredentials credentials, KafkaClientConfig config = {});
  /// With a provider (e.g. huawei::defaultCredentialsChain()): asked once now, so a chain that
  /// finds nothing fails here with the list of sources it tried; then before every attempt, so
  /// renewed credentials sign the next request without rebuilding the client. The project id of
  /// the first credentials goes into every path; later ones for another project are an error.
  /// When the provider fails, the call fails ("no credentials to sign with: ...") and sends nothing.
  static Result<KafkaClient> create(std::shared_ptr<huawei::HuaweiCredentialsProvider> credentials,
                                   KafkaClientConfig config = {});

  /// POST /v2/{project_id}/connectors/{connector_id}/sink-tasks; returns the task id. Not repeated
  /// once it may have reached the service.
  [[nodiscard]] Result<CreateSinkTaskResponse> createSinkTask(const CreateSinkTaskRequest& request) const;
  /// GET .../sink-tasks: the connector's tasks, with the quota. Retried when that is safe (a read).
  [[nodiscard]] Result<ListSinkTasksResponse> listSinkTasks(const ListSinkTasksRequest& request) const;
  /// GET .../sink-tasks/{task_id}[?topic-info=true]: one task, its settings and, when asked, its
  /// topics' partitions. Retried when that is safe (a read).
  [[nodiscard]] Result<ShowSinkTaskResponse> showSinkTask(const ShowSinkTaskRequest& request) const;
  /// DELETE .../sink-tasks/{task_id}: 204 from the service; any 2xx is success. Not repeated once
  /// it may have reached the service.
  [[nodiscard]] Result<DeleteSinkTaskResponse> deleteSinkTask(const DeleteSinkTaskRequest& request) const;
  /// POST /v2/{project_id}/instances/{instance_id}/connector (enables Smart Connect); returns the
  /// job id and connector id.
  [[nodiscard]] Result<CreateConnectorResponse> createConnector(const CreateConnectorRequest& request) const;
  /// POST /v2/{project_id}/kafka/instances/{instance_id}/delete-connector (disables Smart Connect,
  /// deleting the connector and its tasks); returns the job id. Not repeated once it may have
  /// reached the service.
  [[nodiscard]] Result<DeleteConnectorResponse> deleteConnector(const DeleteConnectorRequest& request) const;

  /// Shows the task until its status is RUNNING. The sink-task API documents no list of statuses;
  /// this SDK ends the wait as Failed on ERROR, FAILED, ABNORMAL and PAUSED (a paused task does not
  /// resume by itself), and keeps waiting on any other status (CREATING, WAITING, RESTARTING, as
  /// the newer Smart Connect API names its transitions). See delivery/core/waiter.h.
  [[nodiscard]] WaitResult<ShowSinkTaskResponse> waitUntilSinkTaskRunning(const ShowSinkTaskRequest& request,
                                                                         const WaitOptions& options = {}) const;

  /// "https://dms.cn-north-4.myhuaweicloud.com" or the explicit endpoint.
  const std::string& getEndpoint() const noexcept;

 private:
  using ClientHandle::ClientHandle;
};

}  // namespace delivery::kafka
