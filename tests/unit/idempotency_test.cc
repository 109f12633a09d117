// Every operation tells the transport whether it may be sent again on its own
// (HttpRequest::idempotent): only reads. A transport uses it to keep its own resends off creates,
// updates, deletes and start/stop.

#include <catch2/catch.hpp>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::MockTransport;

TEST_CASE("only reads are marked idempotent on the wire request, in every family", "[idempotency]") {
  auto transport = std::make_shared<MockTransport>();
  // Every answer is an error that is not retried: only the first request of each call matters.
  transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return Error(ErrorKind::Tls, "no answer needed");
  });
  auto marked = [&](auto&& call) {
    (void)call();
    return transport->lastRequest().idempotent;
  };

  tablestore::DeliveryClientConfig tc;
  tc.transport = transport;
  auto ts = tablestore::DeliveryClient::create("https://i.cn-hangzhou.ots.aliyuncs.com", "i", Credentials("a", "b"), tc)
                .value();
  CHECK_FALSE(marked([&] { return ts.createDeliveryTask(test::javaSampleCreate()); }));
  CHECK_FALSE(marked([&] {
    return ts.updateDeliveryTask(tablestore::UpdateDeliveryTaskRequest("t", "task", test::javaSampleConfig()));
  }));
  CHECK_FALSE(marked([&] { return ts.deleteDeliveryTask(tablestore::DeleteDeliveryTaskRequest("t", "task")); }));
  CHECK(marked([&] { return ts.listDeliveryTask(tablestore::ListDeliveryTaskRequest("t")); }));
  CHECK(marked([&] { return ts.describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("t", "task")); }));

  const auto creds = huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj");
  dis::DisClientConfig dc;
  dc.transport = transport;
  dc.region = "cn-north-4";
  auto disClient = dis::DisClient::create(creds, dc).value();
  const dis::DliDestinationDescriptor dli = test::dliSample();
  CHECK_FALSE(marked([&] { return disClient.createTransferTask(dis::CreateTransferTaskRequest("s", dli)); }));
  CHECK_FALSE(marked([&] { return disClient.updateTransferTask(dis::UpdateTransferTaskRequest("s", dli)); }));
  CHECK_FALSE(marked([&] { return disClient.deleteTransferTask(dis::DeleteTransferTaskRequest("s", "dlitask")); }));
  CHECK_FALSE(marked([&] { return disClient.batchStartTransferTask(dis::BatchStartTransferTaskRequest("s", {"id"})); }));
  CHECK_FALSE(marked([&] { return disClient.batchStopTransferTask(dis::BatchStopTransferTaskRequest("s", {"id"})); }));
  CHECK(marked([&] { return disClient.listTransferTasks(dis::ListTransferTasksRequest("s")); }));
  CHECK(marked([&] { return disClient.showTransferTask(dis::ShowTransferTaskRequest("s", "dlitask")); }));

  kafka::KafkaClientConfig kc;
  kc.transport = transport;
  kc.region = "cn-north-4";
  auto kafkaClient = kafka::KafkaClient::create(creds, kc).value();
  CHECK_FALSE(marked([&] { return kafkaClient.createSinkTask(test::kafkaSinkSample("c")); }));
  CHECK_FALSE(marked([&] { return kafkaClient.deleteSinkTask(kafka::DeleteSinkTaskRequest("c", "t")); }));
  CHECK_FALSE(marked([&] { return kafkaClient.createConnector(kafka::CreateConnectorRequest("instance-1")); }));
  CHECK(marked([&] { return kafkaClient.listSinkTasks(kafka::ListSinkTasksRequest("c")); }));
  CHECK(marked([&] { return kafkaClient.showSinkTask(kafka::ShowSinkTaskRequest("c", "t")); }));
  CHECK(transport->requestCount() == 17);  // every call above was sent
}
