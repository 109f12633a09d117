#include "delivery/dis/client.h"

#include "dis/codec.h"
#include "huawei/service.h"

namespace delivery::dis {

struct DisClient::Impl {
  huawei::detail::Service service;
  bool retryDurationAsString = false;
};

namespace {

using huawei::detail::Call;
using huawei::detail::callAndDecode;
using huawei::detail::ignoreBody;
using huawei::detail::segment;

std::string tasksPath(const std::string& stream) { return "/streams/" + segment(stream) + "/transfer-tasks"; }

}  // namespace

Result<DisClient> DisClient::create(huawei::HuaweiCredentials credentials, DisClientConfig config) {
  auto service = huawei::detail::Service::create(std::move(credentials), config, "dis", "HUAWEICLOUD_DIS_ENDPOINT");
  if (!service) return service.error();
  auto impl = std::make_shared<Impl>();
  impl->service = std::move(service).value();
  impl->retryDurationAsString = config.retryDurationAsString;
  return DisClient(std::move(impl));
}

Result<CreateTransferTaskResponse> DisClient::createTransferTask(const CreateTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  detail::EncodeOptions o;
  o.retryDurationAsString = impl_->retryDurationAsString;
  Call call{"CreateTransferTask", HttpMethod::Post, tasksPath(request.getStreamName()), {}, detail::encodeCreate(request, o), false};
  return callAndDecode<CreateTransferTaskResponse>(impl_->service, call, ignoreBody<CreateTransferTaskResponse>);
}

Result<UpdateTransferTaskResponse> DisClient::updateTransferTask(const UpdateTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  detail::EncodeOptions o;
  o.retryDurationAsString = impl_->retryDurationAsString;
  Call call{"UpdateTransferTask", HttpMethod::Put, tasksPath(request.getStreamName()), {}, detail::encodeCreate(request, o), false};
  return callAndDecode<UpdateTransferTaskResponse>(impl_->service, call, ignoreBody<UpdateTransferTaskResponse>);
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
  if (auto v = request.validate(); !v) return v.error();
  Call call{"BatchStartTransferTask", HttpMethod::Post, tasksPath(request.getStreamName()) + "/action", {},
            detail::encodeBatch("start", request.getTaskIds()), false};
  return callAndDecode<BatchStartTransferTaskResponse>(impl_->service, call, ignoreBody<BatchStartTransferTaskResponse>);
}

Result<BatchStopTransferTaskResponse> DisClient::batchStopTransferTask(const BatchStopTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"BatchStopTransferTask", HttpMethod::Post, tasksPath(request.getStreamName()) + "/action", {},
            detail::encodeBatch("stop", request.getTaskIds()), false};
  return callAndDecode<BatchStopTransferTaskResponse>(impl_->service, call, ignoreBody<BatchStopTransferTaskResponse>);
}

const std::string& DisClient::getEndpoint() const noexcept { return impl_->service.endpointText(); }

}  // namespace delivery::dis
