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

template <typename Request, typename Response>
using Operation = delivery::detail::Operation<detail::Protocol, Request, Response>;
using delivery::detail::invoke;
using delivery::detail::kIdempotent;
using delivery::detail::kNotIdempotent;
using huawei::detail::appendSegment;

// /streams/{stream_name}/transfer-tasks[/{task_name} | /action]
template <typename Request>
void tasks(const Request& r, HttpRequest& http) {
  http.path += "/streams";
  appendSegment(http.path, r.getStreamName());
  http.path += "/transfer-tasks";
}
template <typename Request>
void task(const Request& r, HttpRequest& http) {
  tasks(r, http);
  appendSegment(http.path, r.getTaskName());
}
template <typename Request>
void action(const Request& r, HttpRequest& http) {
  tasks(r, http);
  http.path += "/action";
}

// Create and update send the same body.
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

// Every DIS operation (API paths after /v2/{project_id}). Create, update, delete and the batch
// actions are not idempotent; list and show are.
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

Result<CreateTransferTaskResponse> DisClient::createTransferTask(const CreateTransferTaskRequest& r) const {
  return invoke(*impl_, kCreateTransferTask, r);
}
Result<UpdateTransferTaskResponse> DisClient::updateTransferTask(const UpdateTransferTaskRequest& r) const {
  return invoke(*impl_, kUpdateTransferTask, r);
}
Result<ListTransferTasksResponse> DisClient::listTransferTasks(const ListTransferTasksRequest& r) const {
  return invoke(*impl_, kListTransferTasks, r);
}
Result<ShowTransferTaskResponse> DisClient::showTransferTask(const ShowTransferTaskRequest& r) const {
  return invoke(*impl_, kShowTransferTask, r);
}
Result<DeleteTransferTaskResponse> DisClient::deleteTransferTask(const DeleteTransferTaskRequest& r) const {
  return invoke(*impl_, kDeleteTransferTask, r);
}
Result<BatchStartTransferTaskResponse> DisClient::batchStartTransferTask(const BatchStartTransferTaskRequest& r) const {
  return invoke(*impl_, kBatchStartTransferTask, r);
}
Result<BatchStopTransferTaskResponse> DisClient::batchStopTransferTask(const BatchStopTransferTaskRequest& r) const {
  return invoke(*impl_, kBatchStopTransferTask, r);
}

const std::string& DisClient::getEndpoint() const noexcept { return impl_->endpointText(); }

}  // namespace delivery::dis
