#include "delivery/kafka/client.h"

#include "core/operation.h"
#include "huawei/service.h"
#include "kafka/codec.h"

namespace delivery::kafka {

struct KafkaClient::Impl : huawei::detail::Protocol {
  explicit Impl(huawei::detail::Protocol base) : huawei::detail::Protocol(std::move(base)) {}
};

namespace {

using Protocol = huawei::detail::Protocol;
template <typename Request, typename Response>
using Operation = delivery::detail::Operation<Protocol, Request, Response>;
using delivery::detail::invoke;
using delivery::detail::kIdempotent;
using delivery::detail::kNotIdempotent;
using huawei::detail::appendSegment;

// /connectors/{connector_id}/sink-tasks[/{task_id}[?topic-info=...]]
template <typename Request>
void tasks(const Request& r, HttpRequest& http) {
  http.path += "/connectors";
  appendSegment(http.path, r.getConnectorId());
  http.path += "/sink-tasks";
}
template <typename Request>
void task(const Request& r, HttpRequest& http) {
  tasks(r, http);
  appendSegment(http.path, r.getTaskId());
}
void shownTask(const ShowSinkTaskRequest& r, HttpRequest& http) {
  task(r, http);
  if (r.getTopicInfo()) http.query.emplace_back("topic-info", *r.getTopicInfo() ? "true" : "false");
}
// /instances/{instance_id}/connector
void connector(const CreateConnectorRequest& r, HttpRequest& http) {
  http.path += "/instances";
  appendSegment(http.path, r.getInstanceId());
  http.path += "/connector";
}

void sinkTaskBody(const Protocol&, const CreateSinkTaskRequest& r, std::string& body) { body = detail::encodeCreate(r); }
void connectorBody(const Protocol&, const CreateConnectorRequest& r, std::string& body) {
  body = detail::encodeCreateConnector(r);
}

// Every DMS Kafka operation (API paths after /v2/{project_id}). Creates and deletes are not
// idempotent; list and show are.
constexpr Operation<CreateSinkTaskRequest, CreateSinkTaskResponse> kCreateSinkTask{
    "CreateSinkTask", HttpMethod::Post, kNotIdempotent, tasks, sinkTaskBody, detail::decodeCreateSinkTaskResponse};
constexpr Operation<ListSinkTasksRequest, ListSinkTasksResponse> kListSinkTasks{
    "ListSinkTasks", HttpMethod::Get, kIdempotent, tasks, nullptr, detail::decodeList};
constexpr Operation<ShowSinkTaskRequest, ShowSinkTaskResponse> kShowSinkTask{
    "ShowSinkTask", HttpMethod::Get, kIdempotent, shownTask, nullptr, detail::decodeShow};
constexpr Operation<DeleteSinkTaskRequest, DeleteSinkTaskResponse> kDeleteSinkTask{
    "DeleteSinkTask", HttpMethod::Delete, kNotIdempotent, task, nullptr, nullptr};
constexpr Operation<CreateConnectorRequest, CreateConnectorResponse> kCreateConnector{
    "CreateConnector", HttpMethod::Post, kNotIdempotent, connector, connectorBody, detail::decodeCreateConnectorResponse};

}  // namespace

Result<KafkaClient> KafkaClient::create(huawei::HuaweiCredentials credentials, KafkaClientConfig config) {
  auto base = huawei::detail::Protocol::create(std::move(credentials), config, "dms", "HUAWEICLOUD_DMS_ENDPOINT");
  if (!base) return base.error();
  return KafkaClient(std::make_shared<Impl>(std::move(base).value()));
}

Result<CreateSinkTaskResponse> KafkaClient::createSinkTask(const CreateSinkTaskRequest& r) const {
  return invoke(*impl_, kCreateSinkTask, r);
}
Result<ListSinkTasksResponse> KafkaClient::listSinkTasks(const ListSinkTasksRequest& r) const {
  return invoke(*impl_, kListSinkTasks, r);
}
Result<ShowSinkTaskResponse> KafkaClient::showSinkTask(const ShowSinkTaskRequest& r) const {
  return invoke(*impl_, kShowSinkTask, r);
}
Result<DeleteSinkTaskResponse> KafkaClient::deleteSinkTask(const DeleteSinkTaskRequest& r) const {
  return invoke(*impl_, kDeleteSinkTask, r);
}
Result<CreateConnectorResponse> KafkaClient::createConnector(const CreateConnectorRequest& r) const {
  return invoke(*impl_, kCreateConnector, r);
}

const std::string& KafkaClient::getEndpoint() const noexcept { return impl_->endpointText(); }

}  // namespace delivery::kafka
