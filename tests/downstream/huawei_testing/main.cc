// A unit test of DIS code against a Huawei-only SDK (no Tablestore family, no protobuf anywhere):
// delivery::testing's MockTransport answers with DIS canned responses, FakeClock and
// RecordingSleeper stand in for time. The first answer is a 429 with Retry-After, so the client
// must sign with the fake clock, wait through the sleeper and send again.
#include <delivery/dis/client.h>
#include <delivery/testing/dis_responses.h>
#include <delivery/testing/fake_clock.h>
#include <delivery/testing/mock_transport.h>

#include <chrono>
#include <iostream>
#include <memory>

int main() {
  namespace dt = delivery::testing;
  auto mock = std::make_shared<dt::MockTransport>();
  mock->enqueueResponse(dt::dis::throttled(2));
  mock->enqueueResponse(dt::dis::listOk({{"t1", "id-1", "RUNNING", "OBS"}}));
  auto clock = dt::FakeClock::at("2024-01-02T03:04:05Z");
  auto sleeper = std::make_shared<dt::RecordingSleeper>(clock);

  delivery::dis::DisClientConfig config;
  config.region = "cn-north-4";
  config.transport = mock;
  config.clock = clock;
  config.sleeper = sleeper;
  auto client = delivery::dis::DisClient::create(
      delivery::huawei::HuaweiCredentials::withAkSk("ak", "sk", "project"), config);
  if (!client) {
    std::cerr << client.error() << '\n';
    return 1;
  }
  auto listed = client->listTransferTasks(delivery::dis::ListTransferTasksRequest("mystream"));
  if (!listed) {
    std::cerr << "list failed: " << listed.error() << '\n';
    return 1;
  }
  const auto requests = mock->requests();
  const auto sleeps = sleeper->sleeps();
  if (listed->getTasks().size() != 1 || listed->getTasks()[0].getTaskName() != "t1" || requests.size() != 2 ||
      requests[0].path.find("/mystream/transfer-tasks") == std::string::npos ||
      requests[0].headers.get("X-Sdk-Date") != "20240102T030405Z" || sleeps.size() != 1 ||
      sleeps[0] < std::chrono::seconds(2) || mock->pendingCount() != 0) {
    std::cerr << "unexpected: " << listed->getTasks().size() << " task(s), " << requests.size() << " request(s), "
              << sleeps.size() << " sleep(s), first request " << (requests.empty() ? "-" : requests[0].path) << " at "
              << (requests.empty() ? "-" : requests[0].headers.get("X-Sdk-Date")) << '\n';
    return 1;
  }
  std::cout << "huawei testing ok: " << listed->getTasks()[0].getTaskName() << " after " << requests.size()
            << " requests and a " << std::chrono::duration_cast<std::chrono::seconds>(sleeps[0]).count()
            << " s wait\n";
  return 0;
}
