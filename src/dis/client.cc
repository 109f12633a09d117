#include "delivery/dis/client.h"

#include "core/operation.h"
#include "dis/codec.h"
#include "huawei/service.h"

namespace delivery::dis {

namespace detail {

/// The Huawei protocol, plus how this client writes bodies.
struct Protocol : huawei::detail::Protocol {
  explicit Protocol(huawei::detail::Protocol base) : huawei::detail::Protocol(std::move(base)) {}
  EncodeOptions encode;
};

}  // namespace detail

struct DisClient::Impl : detail::Protocol {
  using detail::Protocol::Protocol;
};

namespace {

using namespace delivery::detail::operations;
template <typename Request, typename Response>
using Operation = delivery::detail::Operation<detail::Protocol, Request, Response>;

// The URLs: /streams/{stream_name}/transfer-tasks[/{task_name} | /action].
template <typename Request>
void tasks(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks");
}
template <typename Request>
void task(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks/", Param{r.getTaskName()});
}
template <typename Request>
void action(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks/action");
}

// The bodies: create and update send the same one; start and stop differ in the action.
template <typename Request>
void taskBody(const detail::Protocol& p, const Request& r, std::string& body) {
  body = detail::encodeCreate(r, p.encode);
}
void startBody(const detail::Protocol&, const BatchStartTransferTaskRequest& r, std::string& body) {
  body = detail::encodeBatch("start", r.getTaskIds());
}
void stopBody(const detail::Protocol&, const BatchStopTransferTaskRequest& r, std::string& body) {
  body = detail::encodeBatch("stop", r.getTaskIds());
}

// Every DIS operation (paths after /v2/{project_id}). Create, update, delete and the batch actions
// are not idempotent; list and show are.
constexpr Operation<CreateTransferTaskRequest, CreateTransferTaskResponse> kCreateTransferTask{
    "CreateTransferTask", HttpMethod::Post, kNotIdempotent, tasks, taskBody, nullptr};
constexpr Operation<UpdateTransferTaskRequest, UpdateTransferTaskResponse> kUpdateTransferTask{
    "UpdateTransferTask", HttpMethod::Put, kNotIdempotent, tasks, taskBody, nullptr};
constexpr Operation<ListTransferTasksRequest, ListTransferTasksResponse> kListTransferTasks{
    "ListTransferTasks", HttpMethod::Get, kIdempotent, tasks, nullptr, detail::decodeList};
constexpr Operation<ShowTransferTaskRequest, ShowTransferTaskResponse> kShowTransferTask{
    "ShowTransferTask", HttpMethod::Get, kIdempotent, task, nullptr, detail::decodeShow};
constexpr Operation<DeleteTransferTaskRequest, DeleteTransferTaskResponse> kDeleteTransferTask{
    "DeleteTransferTask", HttpMethod::Delete, kNotIdempotent, task, nullptr, nullptr};
constexpr Operation<BatchStartTransferTaskRequest, BatchStartTransferTaskResponse> kBatchStartTransferTask{
    "BatchStartTransferTask", HttpMethod::Post, kNotIdempotent, action, startBody, nullptr};
constexpr Operation<BatchStopTransferTaskRequest, BatchStopTransferTaskResponse> kBatchStopTransferTask{
    "BatchStopTransferTask", HttpMethod::Post, kNotIdempotent, action, stopBody, nullptr};

}  // namespace

Result<DisClient> DisClient::create(huawei::HuaweiCredentials credentials, DisClientConfig config) {
  auto base = huawei::detail::Protocol::create(std::move(credentials), config, "dis", "HUAWEICLOUD_DIS_ENDPOINT");
  if (!base) return base.error();
  auto impl = std::make_shared<Impl>(std::move(base).value());
  impl->encode.retryDurationAsString = config.retryDurationAsString;
  return DisClient(std::move(impl));
}

DELIVERY_CLIENT_OPERATION(DisClient, createTransferTask, CreateTransferTask)
DELIVERY_CLIENT_OPERATION(DisClient, updateTransferTask, UpdateTransferTask)
DELIVERY_CLIENT_OPERATION(DisClient, listTransferTasks, ListTransferTasks)
DELIVERY_CLIENT_OPERATION(DisClient, showTransferTask, ShowTransferTask)
DELIVERY_CLIENT_OPERATION(DisClient, deleteTransferTask, DeleteTransferTask)
DELIVERY_CLIENT_OPERATION(DisClient, batchStartTransferTask, BatchStartTransferTask)
DELIVERY_CLIENT_OPERATION(DisClient, batchStopTransferTask, BatchStopTransferTask)

const std::string& DisClient::getEndpoint() const noexcept { return impl_->endpointText(); }

}  // namespace delivery::dis
