#pragma once
// A DIS or Kafka client over a MockTransport whose answers a test scripts one list page at a time
// (the listAll... walks): the client, the answers, and what each request asked for.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "delivery/huawei/credentials.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"

namespace delivery::test {

template <typename Client, typename Config>
struct PagingFixture {
  std::shared_ptr<testing::MockTransport> transport = std::make_shared<testing::MockTransport>();
  Config config;
  std::string projectId;

  explicit PagingFixture(std::string project) : projectId(std::move(project)) {
    config.transport = transport;
    config.clock = testing::FakeClock::at("2024-01-02T03:04:05Z");
    config.region = "cn-north-4";
  }
  Client client() { return Client::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", projectId), config).value(); }
  // The next answer: 200 with `body`, its X-Request-Id "page-N" (N counting every answer queued).
  void answer(const std::string& body) {
    Headers h;
    h.add("X-Request-Id", "page-" + std::to_string(queued_++));
    transport->enqueueResponse(200, h, body);
  }
  // The target of the n-th request sent (path and query).
  std::string sentTarget(std::size_t n) const {
    const HttpRequest r = transport->requests().at(n);
    return r.url().substr(r.endpoint.toString().size());
  }

 private:
  std::size_t queued_ = 0;
};

// The task names of a walk's result, in order.
template <typename Task>
std::vector<std::string> taskNames(const std::vector<Task>& tasks) {
  std::vector<std::string> out;
  for (const Task& t : tasks) out.push_back(t.getTaskName());
  return out;
}

}  // namespace delivery::test
