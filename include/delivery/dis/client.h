#pragma once

#include "delivery/export.h"
// DisClient: DIS transfer (dump) tasks on Huawei Cloud.
//
//   auto client = delivery::dis::DisClient::create(credentials, config);   // config.region = "cn-north-4"
//   auto r = client->createTransferTask(CreateTransferTaskRequest("mystream", dliDescriptor));
//
// Endpoint: config.endpoint, else https://dis.<config.region>.myhuaweicloud.com, else the
// HUAWEICLOUD_DIS_ENDPOINT environment variable. Requests are signed with SDK-HMAC-SHA256 (host,
// x-sdk-date, x-project-id and x-security-token are signed), or carry X-Auth-Token.
//
// Thread safety: a DisClient is immutable; every operation is const and may run concurrently.
//
// Retries: a connection that could not be made, and HTTP 429 (throttled at the gateway before the
// service saw the call), are retried for every operation; list and show (GET) are also retried on
// 5xx, timeouts, broken connections and a 2xx whose body cannot be read (an InvalidResponse
// error). Create, update, delete and the batch actions are never repeated once the request may
// have reached the service.


#include "delivery/core/async.h"
#include "delivery/core/client_handle.h"
#include "delivery/core/waiter.h"
#include "delivery/dis/model.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/huawei/credentials_chain.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

/// Settings of a DisClient: HuaweiClientConfig plus one wire choice.
struct DisClientConfig : huawei::HuaweiClientConfig {
  /// Send retry_duration as a JSON string (as the API tables type it) instead of an integer (as
  /// every documented example sends it). See model.h.
  bool retryDurationAsString = false;
};

/// Creates and manages DIS transfer tasks. Operations return the response or an Error (validation:
/// InvalidArgument; service answers: their ErrorKind). Immutable: thread-safe, cheap to copy.
class DELIVERY_API DisClient : private ClientHandle<DisClient> {
 public:
  /// Every problem with the credentials and config at once, as an InvalidArgument error.
  static Result<DisClient> create(huawei::HuaweiCredentials credentials, DisClientConfig config = {});
  /// With a provider (e.g. huawei::defaultCredentialsChain()): asked once now, so a chain that
  /// finds nothing fails here with the list of sources it tried; then before every attempt, so
  /// renewed credentials sign the next request without rebuilding the client. The project id of
  /// the first credentials goes into every path; later ones for another project are an error.
  /// When the provider fails, the call fails ("no credentials to sign with: ...") and sends nothing.
  static Result<DisClient> create(std::shared_ptr<huawei::HuaweiCredentialsProvider> credentials,
                                   DisClientConfig config = {});

  /// POST /v2/{project_id}/streams/{stream_name}/transfer-tasks: 201 from the service. Not
  /// repeated once it may have reached the service (as for update, delete, start and stop).
  [[nodiscard]] Result<CreateTransferTaskResponse> createTransferTask(const CreateTransferTaskRequest& request) const;
  /// PUT .../transfer-tasks: the same body as create, replacing the task's settings.
  [[nodiscard]] Result<UpdateTransferTaskResponse> updateTransferTask(const UpdateTransferTaskRequest& request) const;
  /// GET .../transfer-tasks[?limit&start_task_name]: the stream's tasks, or one page of them (see
  /// ListTransferTasksRequest). Retried when that is safe (a read).
  [[nodiscard]] Result<ListTransferTasksResponse> listTransferTasks(const ListTransferTasksRequest& request) const;
  /// Every task of the stream, page after page: sends the request's limit (kListAllPageSize, the
  /// documented largest, when unset) and from the second page on start_task_name = the last task
  /// name of the page before (the request's own start_task_name, when set, starts the walk). Stops
  /// at a page shorter than limit or when total_number tasks have been read. A service that repeats
  /// a task already read, or would be asked to start after the same name twice, gets an
  /// InvalidResponse error instead of an endless walk; so does a task without a name. Each page is
  /// one listTransferTasks call (retried as that call is); the first error ends the walk.
  [[nodiscard]] Result<std::vector<TransferTask>> listAllTransferTasks(const ListTransferTasksRequest& request) const;
  /// The page size listAllTransferTasks uses when the request sets none: the largest the API page
  /// "Querying Dump Tasks" allows (1..10).
  static constexpr int kListAllPageSize = 10;
  /// GET .../transfer-tasks/{task_name}: one task with its partitions and settings. Retried when safe.
  [[nodiscard]] Result<ShowTransferTaskResponse> showTransferTask(const ShowTransferTaskRequest& request) const;
  /// DELETE .../transfer-tasks/{task_name}: 204 from the service; any 2xx is success.
  [[nodiscard]] Result<DeleteTransferTaskResponse> deleteTransferTask(const DeleteTransferTaskRequest& request) const;
  /// POST .../transfer-tasks/action {"action":"start"}: starts the tasks named by id.
  [[nodiscard]] Result<BatchStartTransferTaskResponse> batchStartTransferTask(
      const BatchStartTransferTaskRequest& request) const;
  /// POST .../transfer-tasks/action {"action":"stop"}: stops the tasks named by id.
  [[nodiscard]] Result<BatchStopTransferTaskResponse> batchStopTransferTask(
      const BatchStopTransferTaskRequest& request) const;

  /// Shows the task until its state is RUNNING. STARTING, and a state this SDK does not know yet,
  /// mean "keep waiting"; ERROR and ABNORMAL end the wait as Failed, and so do PAUSED (a stopped
  /// task does not start by itself: call batchStartTransferTask first, which moves it to STARTING)
  /// and DELETE. See delivery/core/waiter.h.
  [[nodiscard]] WaitResult<ShowTransferTaskResponse> waitUntilTransferTaskRunning(
      const ShowTransferTaskRequest& request, const WaitOptions& options = {}) const;

  // ---- asynchronous forms (delivery/core/async.h) ----------------------------------------------
  /// Each operation above also runs without blocking the caller: `opAsync(request)` returns an
  /// AsyncCall (a std::future of the same Result, plus cancel()), and `opAsync(request, callback)`
  /// calls back on the transport's event thread. Same validation, signing, retries and errors as
  /// the blocking call; keep the client alive until its calls complete (destroying its last copy
  /// completes them with ErrorKind::Cancelled). Thread-safe.
  DELIVERY_ASYNC_FORMS(createTransferTask, CreateTransferTask)
  DELIVERY_ASYNC_FORMS(updateTransferTask, UpdateTransferTask)
  DELIVERY_ASYNC_FORMS(listTransferTasks, ListTransferTasks)
  DELIVERY_ASYNC_FORMS(showTransferTask, ShowTransferTask)
  DELIVERY_ASYNC_FORMS(deleteTransferTask, DeleteTransferTask)
  DELIVERY_ASYNC_FORMS(batchStartTransferTask, BatchStartTransferTask)
  DELIVERY_ASYNC_FORMS(batchStopTransferTask, BatchStopTransferTask)

  /// "https://dis.cn-north-4.myhuaweicloud.com" or the explicit endpoint.
  const std::string& getEndpoint() const noexcept;

 private:
  using ClientHandle::ClientHandle;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
