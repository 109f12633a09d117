// A Huawei-only application: built against delivery::huawei alone (find_package COMPONENTS huawei,
// or pkg-config delivery-huawei), with no protobuf anywhere. Exercises validation and a client
// over the user's own Transport (a subclass defined here, across the library boundary).
#include <delivery/dis/client.h>
#include <delivery/version.h>

#include <iostream>
#include <memory>

namespace {
class CannedTransport final : public delivery::Transport {
 public:
  delivery::Result<delivery::HttpResponse> send(const delivery::HttpRequest& request) override {
    lastPath = request.path;
    delivery::HttpResponse response;
    response.status = 200;
    response.body = R"({"quota":5,"total_number":1,"tasks":[{"task_name":"t1","destination_type":"OBS","state":"RUNNING"}]})";
    return response;
  }
  std::string lastPath;
};
}  // namespace

int main() {
  using namespace delivery::dis;
  // Validation names every problem by its wire path.
  auto invalid = ListTransferTasksRequest("").validate();
  if (invalid || invalid.error().violations.empty()) {
    std::cerr << "an empty stream name was accepted\n";
    return 1;
  }
  auto transport = std::make_shared<CannedTransport>();
  DisClientConfig config;
  config.region = "cn-north-4";
  config.transport = transport;
  auto client = DisClient::create(delivery::huawei::HuaweiCredentials::withAkSk("ak", "sk", "project"), config);
  if (!client) {
    std::cerr << client.error() << '\n';
    return 1;
  }
  auto listed = client->listTransferTasks(ListTransferTasksRequest("mystream"));
  if (!listed || listed->getTasks().size() != 1 || transport->lastPath.find("/mystream/transfer-tasks") == std::string::npos) {
    std::cerr << "unexpected result: " << (listed ? "wrong answer" : listed.error().toString()) << '\n';
    return 1;
  }
  std::cout << "huawei only ok: " << listed->getTasks()[0].getTaskName() << " (SDK " << delivery::kVersion << ", "
            << invalid.error().violations.size() << " violation)\n";
  return 0;
}
