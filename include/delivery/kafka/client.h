#pragma once

#include "delivery/export.h"
// KafkaClient: DMS for Kafka dump (sink) tasks to OBS, enabling and disabling Smart Connect, and
// Smart Connect tasks (OBS dumps and Kafka replication, delivery/kafka/smart_connect.h).
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


#include "delivery/core/async.h"
#include "delivery/core/client_handle.h"
#include "delivery/core/waiter.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/huawei/credentials_chain.h"
#include "delivery/kafka/model.h"
#include "delivery/kafka/smart_connect.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

/// Settings of a KafkaClient: HuaweiClientConfig as it is.
using KafkaClientConfig = huawei::HuaweiClientConfig;

/// Manages DMS for Kafka sink tasks, Smart Connect and Smart Connect tasks. Operations return the
/// response or an Error (validation: InvalidArgument; service answers: their ErrorKind).
/// Immutable: thread-safe, cheap to copy.
class DELIVERY_API KafkaClient : private ClientHandle<KafkaClient> {
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

  // ---- Smart Connect tasks (huawei-more.md §1.1 K3..K9; Go v3 kafka_meta.go) ----
  /// POST /v2/{project_id}/instances/{instance_id}/connector/tasks: returns the new task (its id
  /// and status). Not repeated once it may have reached the service.
  [[nodiscard]] Result<CreateConnectorTaskResponse> createConnectorTask(const CreateConnectorTaskRequest& request) const;
  /// GET .../connector/tasks[?offset=&limit=]: one page of tasks and total_number. Retried when
  /// that is safe (a read).
  [[nodiscard]] Result<ListConnectorTasksResponse> listConnectorTasks(const ListConnectorTasksRequest& request) const;
  /// Every Smart Connect task of the instance, page after page (huawei-more.md §1.8): sends the
  /// request's limit (kMaxConnectorTasksLimit when unset) and offset (0 when unset), the offset
  /// moving on by the number of tasks each page holds. Stops at an empty page or when the offset
  /// reaches total_number; a page short of limit does not end the walk while total_number says
  /// more tasks follow (an answer without total_number is read until an empty page). A task that
  /// comes back on a later page (a task created during the walk shifts the pages) is kept once; a
  /// page that brings no task not already read (a service that ignores offset or repeats its last
  /// page), or a task without an id, is an InvalidResponse error instead of an endless walk. Each
  /// page is one listConnectorTasks call (retried as that call is); the first error ends the walk.
  [[nodiscard]] Result<std::vector<SmartConnectTaskEntity>> listAllConnectorTasks(
      const ListConnectorTasksRequest& request) const;
  /// GET .../connector/tasks/{task_id}. Retried when that is safe (a read).
  [[nodiscard]] Result<ShowConnectorTaskResponse> showConnectorTask(const ShowConnectorTaskRequest& request) const;
  /// DELETE .../connector/tasks/{task_id}: 204. Not repeated once it may have reached the service.
  [[nodiscard]] Result<DeleteConnectorTaskResponse> deleteConnectorTask(const DeleteConnectorTaskRequest& request) const;
  /// PUT .../connector/tasks/{task_id}/pause: 204; the task goes PAUSED. Not repeated.
  [[nodiscard]] Result<PauseConnectorTaskResponse> pauseConnectorTask(const PauseConnectorTaskRequest& request) const;
  /// PUT .../connector/tasks/{task_id}/resume: 204; a paused task runs on from where it stopped.
  /// Not repeated.
  [[nodiscard]] Result<ResumeConnectorTaskResponse> resumeConnectorTask(const ResumeConnectorTaskRequest& request) const;
  /// PUT /v2/{project_id}/kafka/instances/{instance_id}/connector/tasks/{task_id}/restart (note the
  /// /kafka prefix): 204. Starts a task created with start_later (the API has no separate start),
  /// or restarts a paused or running one from scratch. Not repeated.
  [[nodiscard]] Result<RestartConnectorTaskResponse> restartConnectorTask(const RestartConnectorTaskRequest& request) const;

  /// Shows the Smart Connect task until its status is RUNNING (huawei-more.md §1.7 and §3).
  /// Keeps waiting on CREATING and RESTARTING (and on any status the API does not document);
  /// ends as Failed on PAUSED (a paused task needs resumeConnectorTask), on WAITING (a task created
  /// with start_later waits for restartConnectorTask and never starts by itself), and on ERROR,
  /// FAILED and ABNORMAL. See delivery/core/waiter.h.
  [[nodiscard]] WaitResult<ShowConnectorTaskResponse> waitUntilSmartConnectTaskRunning(
      const ShowConnectorTaskRequest& request, const WaitOptions& options = {}) const;

  /// Shows the task until its status is RUNNING. The sink-task API documents no list of statuses;
  /// this SDK ends the wait as Failed on ERROR, FAILED, ABNORMAL and PAUSED (a paused task does not
  /// resume by itself), and keeps waiting on any other status (CREATING, WAITING, RESTARTING, as
  /// the newer Smart Connect API names its transitions). See delivery/core/waiter.h.
  [[nodiscard]] WaitResult<ShowSinkTaskResponse> waitUntilSinkTaskRunning(const ShowSinkTaskRequest& request,
                                                                         const WaitOptions& options = {}) const;

  // ---- asynchronous forms (delivery/core/async.h) ----------------------------------------------
  /// Each operation above also runs without blocking the caller: `opAsync(request)` returns an
  /// AsyncCall (a std::future of the same Result, plus cancel()), and `opAsync(request, callback)`
  /// calls back on the transport's event thread. Same validation, signing, retries and errors as
  /// the blocking call; keep the client alive until its calls complete (destroying its last copy
  /// completes them with ErrorKind::Cancelled). Thread-safe.
  DELIVERY_ASYNC_FORMS(createSinkTask, CreateSinkTask)
  DELIVERY_ASYNC_FORMS(listSinkTasks, ListSinkTasks)
  DELIVERY_ASYNC_FORMS(showSinkTask, ShowSinkTask)
  DELIVERY_ASYNC_FORMS(deleteSinkTask, DeleteSinkTask)
  DELIVERY_ASYNC_FORMS(createConnector, CreateConnector)
  DELIVERY_ASYNC_FORMS(deleteConnector, DeleteConnector)
  DELIVERY_ASYNC_FORMS(createConnectorTask, CreateConnectorTask)
  DELIVERY_ASYNC_FORMS(listConnectorTasks, ListConnectorTasks)
  DELIVERY_ASYNC_FORMS(showConnectorTask, ShowConnectorTask)
  DELIVERY_ASYNC_FORMS(deleteConnectorTask, DeleteConnectorTask)
  DELIVERY_ASYNC_FORMS(pauseConnectorTask, PauseConnectorTask)
  DELIVERY_ASYNC_FORMS(resumeConnectorTask, ResumeConnectorTask)
  DELIVERY_ASYNC_FORMS(restartConnectorTask, RestartConnectorTask)

  /// "https://dms.cn-north-4.myhuaweicloud.com" or the explicit endpoint.
  const std::string& getEndpoint() const noexcept;

 private:
  using ClientHandle::ClientHandle;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
