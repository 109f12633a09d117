// Builds against the installed headers and library only, and exercises the client offline.
#include <delivery/tablestore/client.h>
#include <delivery/testing/mock_transport.h>
#include <delivery/testing/tablestore_responses.h>

#include <iostream>

int main() {
  using namespace delivery::tablestore;
  const delivery::Credentials creds("id", "secret");
  auto transport = std::make_shared<delivery::testing::MockTransport>();
  transport->enqueueResponse(delivery::testing::tablestore::listOk(creds, {{"t", "task", DeliveryTaskType::BASE}}));
  DeliveryClientConfig config;
  config.transport = transport;
  auto client = DeliveryClient::create("https://inst.cn-hangzhou.ots.aliyuncs.com", "inst", creds, config);
  if (!client) {
    std::cerr << client.error() << '\n';
    return 1;
  }
  auto listed = client->listDeliveryTask(ListDeliveryTaskRequest("t"));
  if (!listed || listed->getTaskInfos().size() != 1 || transport->lastRequest().path != "/ListDeliveryTask") {
    std::cerr << "unexpected result\n";
    return 1;
  }
  std::cout << "downstream ok: " << listed->getTaskInfos()[0].getTaskName() << '\n';
  return 0;
}
