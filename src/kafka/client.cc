#include "delivery/kafka/client.h"

#include "huawei/service.h"
#include "kafka/codec.h"

namespace delivery::kafka {

struct KafkaClient::Impl {
  huawei::detail::Service service;
};

namespace {

using huawei::detail::Call;
using huawei::detail::callAndDecode;
using huawei::detail::ignoreBody;
using huawei::detail::segment;

std::string tasksPath(const std::string& connector) { return "/connectors/" + segment(connector) + "/sink-tasks"; }

}  // namespace

Result<KafkaClient> KafkaClient::create(huawei::HuaweiCredentials credentials, KafkaClientConfig config) {
  auto service = huawei::detail::Service::create(std::move(credentials), config, "dms", "HUAWEICLOUD_DMS_ENDPOINT");
  if (!service) return service.error();
  auto impl = std::make_shared<Impl>();
  impl->service = std::move(service).value();
  return KafkaClient(std::move(impl));
}

Result<CreateSinkTaskResponse> KafkaClient::createSinkTask(const CreateSinkTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"CreateSinkTask", HttpMethod::Post, tasksPath(request.getConnectorId()), {}, detail::encodeCreate(request), false};
  return callAndDecode<CreateSinkTaskResponse>(impl_->service, call, [](std::string_view body) -> Result<CreateSinkTaskResponse> {
    auto id = detail::decodeCreateResponse(body);
    if (!id) return id.error();
    CreateSinkTaskResponse r;
    r.setTaskId(std::move(id).value());
    return r;
  });
}

Result<ListSinkTasksResponse> KafkaClient::listSinkTasks(const ListSinkTasksRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ListSinkTasks", HttpMethod::Get, tasksPath(request.getConnectorId()), {}, {}, true};
  return callAndDecode<ListSinkTasksResponse>(impl_->service, call, detail::decodeList);
}

Result<ShowSinkTaskResponse> KafkaClient::showSinkTask(const ShowSinkTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"ShowSinkTask", HttpMethod::Get, tasksPath(request.getConnectorId()) + "/" + segment(request.getTaskId()),
            {}, {}, true};
  if (request.getTopicInfo()) call.query.emplace_back("topic-info", *request.getTopicInfo() ? "true" : "false");
  return callAndDecode<ShowSinkTaskResponse>(impl_->service, call, detail::decodeShow);
}

Result<DeleteSinkTaskResponse> KafkaClient::deleteSinkTask(const DeleteSinkTaskRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"DeleteSinkTask", HttpMethod::Delete,
            tasksPath(request.getConnectorId()) + "/" + segment(request.getTaskId()), {}, {}, false};
  return callAndDecode<DeleteSinkTaskResponse>(impl_->service, call, ignoreBody<DeleteSinkTaskResponse>);
}

Result<CreateConnectorResponse> KafkaClient::createConnector(const CreateConnectorRequest& request) const {
  if (auto v = request.validate(); !v) return v.error();
  Call call{"CreateConnector", HttpMethod::Post, "/instances/" + segment(request.getInstanceId()) + "/connector", {},
            detail::encodeCreateConnector(request), false};
  return callAndDecode<CreateConnectorResponse>(impl_->service, call, detail::decodeCreateConnectorResponse);
}

const std::string& KafkaClient::getEndpoint() const noexcept { return impl_->service.endpointText(); }

}  // namespace delivery::kafka
