#include "delivery/dis/client.h"

#include "dis/codec.h"
#include "huawei/service.h"

namespace delivery::dis {

struct DisClient::Impl {
  huawei::detail::Service service;
  detail::EncodeOptions encode;
};

namespace {

using huawei::detail::Call;
using huawei::detail::callAndDecode;
using huawei::detail::ignoreBody;
using huawei::detail::segment;

std::string tasksPath(const std::string& stream) { return "/streams/" + segment(stream) + "/transfer-tasks"; }

// Create (POST) and update (PUT) send the same body to the same path.
template <typename Response, typename Request>
Result<Response> sendTask(const huawei::detail::Service& service, const detail::EncodeOptions& encode,
                          const Request& request, std::string_view operation, HttpMethod method) {
  if (auto v = request.validate(); !v) return v.error();
  Call call{operation, method, tasksPath(request.getStreamName()), {}, detail::encodeCreate(request, encode), false};
  return callAndDecode<Response>(service, call, ignoreBody<Response>);
}

// Batch start and stop differ only in the action.
template <typename Response, typename Request>
Result<Response> sendBatch(const huawei::detail::Service& service, const Request& request, std::string_view operation,
                           std::string_view action) {
  if (auto v = request.validate(); !v) return v.error();
  Call call{operation, HttpMethod::Post, tasksPath(request.getStreamName()) + "/action", {},
            detail::encodeBatch(action, request.getTaskIds()), false};
  return callAndDecode<Response>(service, call, ignoreBody<Response>);
}

}  // namespace

Result<DisClient> DisClient::create(huawei::HuaweiCredentials credentials, DisClientConfig config) {
  auto service = huawei::detail::Service::create(std::move(credentials), config, "dis", "HUAWEICLOUD_DIS_ENDPOINT");
  if (!service) return service.error();
  auto impl = std::make_shared<Impl>();
  impl->service = std::move(service).value();
  impl->encode.retryDurationAsString = config.retryDurationAsString;
  return DisClient(std::move(impl));
}

Result<CreateTransferTaskResponse> DisClient::createTransferTask(const CreateTransferTaskRequest& request) const {
  return sendTask<CreateTransferTaskResponse>(impl_->service, impl_->encode, request, "CreateTransferTask", HttpMethod::Post);
}

Result<UpdateTransferTaskResponse> DisClient::updateTransferTask(const UpdateTransferTaskRequest& request) const {
  return sendTask<UpdateTransferTaskResponse>(impl_->service, impl_->encode, request, "UpdateTransferTask", HttpMethod::Put);
}

Result<ListTransferTasksResponse> DisClient::listTransferTasks(const ListTransferTasksRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ListTransferTasks", HttpMethod::Get, tasksPath(request.getStreamName()), {}, {}, true};
  return callAndDecode<ListTransferTasksResponse>(impl_->service, call, detail::decodeList);
}

Result<ShowTransferTaskResponse> DisClient::showTransferTask(const ShowTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ShowTransferTask", HttpMethod::Get, tasksPath(request.getStreamName()) + "/" + segment(request.getTaskName()),
            {}, {}, true};
  return callAndDecode<ShowTransferTaskResponse>(impl_->service, call, detail::decodeShow);
}

Result<DeleteTransferTaskResponse> DisClient::deleteTransferTask(const DeleteTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"DeleteTransferTask", HttpMethod::Delete,
            tasksPath(request.getStreamName()) + "/" + segment(request.getTaskName()), {}, {}, false};
  return callAndDecode<DeleteTransferTaskResponse>(impl_->service, call, ignoreBody<DeleteTransferTaskResponse>);
}

Result<BatchStartTransferTaskResponse> DisClient::batchStartTransferTask(const BatchStartTransferTaskRequest& request) const {
  return sendBatch<BatchStartTransferTaskResponse>(impl_->service, request, "BatchStartTransferTask", "start");
}

Result<BatchStopTransferTaskResponse> DisClient::batchStopTransferTask(const BatchStopTransferTaskRequest& request) const {
  return sendBatch<BatchStopTransferTaskResponse>(impl_->service, request, "BatchStopTransferTask", "stop");
}

const std::string& DisClient::getEndpoint() const noexcept { return impl_->service.endpointText(); }

}  // namespace delivery::dis
