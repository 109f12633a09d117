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
using huawei::detail::segment;

std::string tasksPath(const std::string& stream) { return "/streams/" + segment(stream) + "/transfer-tasks"; }

template <typename Response>
Result<Response> run(const DisClient::Impl& impl, const Call& call) {
  auto http = impl.service.call(call);
  if (!http) return http.error();
  Response r;
  r.setRequestId(http->headers.get("X-Request-Id"));
  r.setHttpStatus(http->status);
  return r;
}

template <typename Response, typename Decode>
Result<Response> runAndDecode(const DisClient::Impl& impl, const Call& call, Decode decode) {
  auto http = impl.service.call(call);
  if (!http) return http.error();
  Result<Response> decoded = decode(http->body);
  if (!decoded) {
    Error e = decoded.error();
    e.httpStatus = http->status;
    e.requestId = http->headers.get("X-Request-Id");
    return e;
  }
  decoded->setRequestId(http->headers.get("X-Request-Id"));
  decoded->setHttpStatus(http->status);
  return decoded;
}

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
  return run<CreateTransferTaskResponse>(*impl_, call);
}

Result<UpdateTransferTaskResponse> DisClient::updateTransferTask(const UpdateTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  detail::EncodeOptions o;
  o.retryDurationAsString = impl_->retryDurationAsString;
  Call call{"UpdateTransferTask", HttpMethod::Put, tasksPath(request.getStreamName()), {}, detail::encodeCreate(request, o), false};
  return run<UpdateTransferTaskResponse>(*impl_, call);
}

Result<ListTransferTasksResponse> DisClient::listTransferTasks(const ListTransferTasksRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ListTransferTasks", HttpMethod::Get, tasksPath(request.getStreamName()), {}, {}, true};
  return runAndDecode<ListTransferTasksResponse>(*impl_, call, detail::decodeList);
}

Result<ShowTransferTaskResponse> DisClient::showTransferTask(const ShowTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ShowTransferTask", HttpMethod::Get, tasksPath(request.getStreamName()) + "/" + segment(request.getTaskName()),
            {}, {}, true};
  return runAndDecode<ShowTransferTaskResponse>(*impl_, call, detail::decodeShow);
}

Result<DeleteTransferTaskResponse> DisClient::deleteTransferTask(const DeleteTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"DeleteTransferTask", HttpMethod::Delete,
            tasksPath(request.getStreamName()) + "/" + segment(request.getTaskName()), {}, {}, false};
  return run<DeleteTransferTaskResponse>(*impl_, call);
}

Result<BatchStartTransferTaskResponse> DisClient::batchStartTransferTask(const BatchStartTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"BatchStartTransferTask", HttpMethod::Post, tasksPath(request.getStreamName()) + "/action", {},
            detail::encodeBatch("start", request.getTaskIds()), false};
  return run<BatchStartTransferTaskResponse>(*impl_, call);
}

Result<BatchStopTransferTaskResponse> DisClient::batchStopTransferTask(const BatchStopTransferTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"BatchStopTransferTask", HttpMethod::Post, tasksPath(request.getStreamName()) + "/action", {},
            detail::encodeBatch("stop", request.getTaskIds()), false};
  return run<BatchStopTransferTaskResponse>(*impl_, call);
}

const std::string& DisClient::getEndpoint() const noexcept { return impl_->service.endpointText(); }

}  // namespace delivery::dis
