#include "delivery/kafka/client.h"

#include "core/operation.h"
#include "huawei/service.h"
#include "kafka/codec.h"

namespace delivery::kafka {

struct KafkaClient::Impl : huawei::detail::Protocol {
  explicit Impl(huawei::detail::Protocol base) : huawei::detail::Protocol(std::move(base)) {}
};

namespace {

using namespace delivery::detail::operations;
using Protocol = huawei::detail::Protocol;
template <typename Request, typename Response>
using Operation = delivery::detail::Operation<Protocol, Request, Response>;

// The URLs: /connectors/{connector_id}/sink-tasks[/{task_id}[?topic-info=...]] and
// /instances/{instance_id}/connector.
template <typename Request>
void tasks(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/connectors/", Param{r.getConnectorId()}, "/sink-tasks");
}
template <typename Request>
void task(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/connectors/", Param{r.getConnectorId()}, "/sink-tasks/", Param{r.getTaskId()});
}
void shownTask(const ShowSinkTaskRequest& r, HttpRequest& h) {
  task(r, h);
  if (r.getTopicInfo()) h.query.emplace_back("topic-info", *r.getTopicInfo() ? "true" : "false");
}
void connector(const CreateConnectorRequest& r, HttpRequest& h) {
  appendPath(h.path, "/instances/", Param{r.getInstanceId()}, "/connector");
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

DELIVERY_CLIENT_OPERATION(KafkaClient, createSinkTask, CreateSinkTask)
DELIVERY_CLIENT_OPERATION(KafkaClient, listSinkTasks, ListSinkTasks)
DELIVERY_CLIENT_OPERATION(KafkaClient, showSinkTask, ShowSinkTask)
DELIVERY_CLIENT_OPERATION(KafkaClient, deleteSinkTask, DeleteSinkTask)
DELIVERY_CLIENT_OPERATION(KafkaClient, createConnector, CreateConnector)

const std::string& KafkaClient::getEndpoint() const noexcept { return impl_->endpointText(); }

}  // namespace delivery::kafka
