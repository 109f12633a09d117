// Builds against the installed headers and library only, and exercises the client offline (a
// MockTransport) and against delivery::testing::Emulator on 127.0.0.1.
#include <delivery/tablestore/client.h>
#include <delivery/testing/emulator.h>
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
  // The in-process emulator, over real sockets, with an injected failure.
  delivery::testing::Emulator emulator;
  if (auto started = emulator.start(); !started) {
    std::cerr << started.error() << '\n';
    return 1;
  }
  emulator.failNext("ListDeliveryTask", 1, 500, "OTSInternalServerError");
  DeliveryClientConfig emulated;
  emulated.retry = delivery::RetryPolicy::noRetry();
  auto local = DeliveryClient::create(emulator.endpoint(), "inst", emulator.tablestoreCredentials(), emulated);
  auto failed = local->listDeliveryTask(ListDeliveryTaskRequest("t"));
  auto empty = local->listDeliveryTask(ListDeliveryTaskRequest("t"));
  if (failed || failed.error().code != "OTSInternalServerError" || !empty || !empty->getTaskInfos().empty() ||
      emulator.executions("ListDeliveryTask") != 1 || emulator.requests("ListDeliveryTask") != 2) {
    std::cerr << "unexpected result from the emulator\n";
    return 1;
  }
  std::cout << "downstream ok: " << listed->getTaskInfos()[0].getTaskName() << '\n';
  return 0;
}
