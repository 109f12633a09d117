// "Never creates twice": a kept-alive connection that dies after the server executed a request,
// before any response byte, must not make any layer send a create (or update, delete, start/stop)
// again. libcurl by itself resends such a request on a fresh connection. Reads on the same fault
// still recover without the caller seeing it.
//
// The server here is a raw socket on 127.0.0.1 that answers the first request on a connection,
// then "executes" the second one (records it) and closes without a byte of answer, and answers
// every later request normally.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "delivery/core/curl_transport.h"
#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/samples.h"

using namespace delivery;

namespace {

struct Seen {
  std::string method;
  std::string target;
};

// Answers request 1, drops request `dropAt` (counted over the server's life, 1-based) after
// recording it, answers every other one with `respond(seen)`.
class DroppingServer {
 public:
  DroppingServer(int dropAt, std::function<std::string(const Seen&)> respond)
      : dropAt_(dropAt), respond_(std::move(respond)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd_, 8) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~DroppingServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    if (thread_.joinable()) thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Seen> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }
  int count(const std::string& method, const std::string& targetPrefix) {
    int n = 0;
    for (const Seen& s : seen()) n += s.method == method && s.target.rfind(targetPrefix, 0) == 0 ? 1 : 0;
    return n;
  }
  int connections() const { return connections_; }

 private:
  // Reads one request (headers and a Content-Length body); false when the peer closed or the
  // server is stopping.
  bool readRequest(int client, std::string& buffer, Seen& out) {
    for (;;) {
      const auto end = buffer.find("\r\n\r\n");
      if (end != std::string::npos) {
        const std::string head = buffer.substr(0, end);
        std::size_t length = 0;
        std::string lower = head;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (const auto cl = lower.find("\r\ncontent-length:"); cl != std::string::npos) {
          length = std::stoul(head.substr(cl + 17));
        }
        if (buffer.size() >= end + 4 + length) {
          const auto sp1 = head.find(' ');
          const auto sp2 = head.find(' ', sp1 + 1);
          out.method = head.substr(0, sp1);
          out.target = head.substr(sp1 + 1, sp2 - sp1 - 1);
          buffer.erase(0, end + 4 + length);
          return true;
        }
      }
      pollfd p{client, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) {
        if (stop_) return false;
        continue;
      }
      char chunk[8192];
      const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  }

  void run() {
    while (!stop_) {
      const int client = ::accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      ++connections_;
      std::string buffer;
      Seen s;
      while (readRequest(client, buffer, s)) {
        int index = 0;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          seen_.push_back(s);
          index = static_cast<int>(seen_.size());
        }
        if (index == dropAt_) break;  // executed, and the connection dies without an answer
        const std::string reply = respond_(s);
        (void)::send(client, reply.data(), reply.size(), MSG_NOSIGNAL);
      }
      ::close(client);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  int dropAt_;
  std::function<std::string(const Seen&)> respond_;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::mutex mutex_;
  std::vector<Seen> seen_;
  std::thread thread_;
};

std::string http(int status, const Headers& headers, const std::string& body) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: keep-alive\r\n\r\n" + body;
  return out;
}

std::string http(const HttpResponse& r) { return http(r.status, r.headers, r.body); }

void requireOutcomeUnknown(const Error& e) {
  INFO(e.toString());
  CHECK(e.kind == ErrorKind::Network);
  CHECK(e.message.find("outcome is unknown") != std::string::npos);
  CHECK_FALSE(e.retryable);
  CHECK(e.attempts == 1);
}

// ---- Tablestore -------------------------------------------------------------------------------

const Credentials kCreds("emulator-access-key-id", "emulator-access-key-secret");

std::string tablestoreAnswer(const Seen& s) {
  namespace mock = delivery::testing::tablestore;
  if (s.target == "/ListDeliveryTask") return http(mock::listOk(kCreds, {}));
  return http(mock::emptyOk(s.target.substr(1), kCreds));
}

tablestore::DeliveryClient tablestoreClient(const DroppingServer& server) {
  tablestore::DeliveryClientConfig config;
  config.retry = RetryPolicy::noRetry();  // only the transport could make a second attempt
  return tablestore::DeliveryClient::create(server.url(), "myinstance", kCreds, config).value();
}

// ---- Huawei -----------------------------------------------------------------------------------

const huawei::HuaweiCredentials kHuawei = huawei::HuaweiCredentials::withAkSk("ak", "sk", "proj");

std::string huaweiAnswer(const Seen& s) {
  Headers h;
  h.add("X-Request-Id", "rid");
  h.add("Content-Type", "application/json");
  if (s.method == "GET" && s.target.find("/transfer-tasks") != std::string::npos) {
    return http(200, h, R"({"total_number":0,"quota":5,"tasks":[]})");
  }
  if (s.method == "GET") return http(200, h, R"({"tasks":[],"total_number":0,"max_tasks":18,"quota_tasks":18})");
  if (s.target.find("/sink-tasks") != std::string::npos) return http(200, h, R"({"task_id":"t-1"})");
  return http(s.method == "POST" ? 201 : 200, h, "");
}

template <typename Config>
Config huaweiConfig(const DroppingServer& server) {
  Config config;
  config.endpoint = server.url();
  config.retry = RetryPolicy::noRetry();
  return config;
}

}  // namespace

TEST_CASE("CurlTransport never resends a non-idempotent request; an idempotent one recovers",
          "[integration][curl][send-once]") {
  auto respond = [](const Seen&) { return http(200, {}, "ok"); };
  CurlTransport transport;
  auto request = [](const DroppingServer& server, const std::string& path, bool idempotent) {
    HttpRequest r;
    r.endpoint = Endpoint::parse(server.url()).value();
    r.path = path;
    r.body = "{}";
    r.idempotent = idempotent;
    return r;
  };
  {
    DroppingServer server(2, respond);
    REQUIRE(transport.send(request(server, "/warm", true)));
    auto second = transport.send(request(server, "/create", false));
    REQUIRE_FALSE(second);
    CHECK(second.error().kind == ErrorKind::Network);
    CHECK(server.count("POST", "/create") == 1);
  }
  {
    DroppingServer server(2, respond);
    REQUIRE(transport.send(request(server, "/warm", true)));
    auto second = transport.send(request(server, "/read", true));
    REQUIRE(second);  // libcurl sent it again on a new connection
    CHECK(second->body == "ok");
    CHECK(server.count("POST", "/read") == 2);
    CHECK(server.connections() == 2);
  }
}

TEST_CASE("Tablestore: a create on a connection that dies unanswered runs once; a list recovers",
          "[integration][send-once][tablestore]") {
  for (const char* op : {"create", "update", "delete"}) {
    DYNAMIC_SECTION(op) {
      DroppingServer server(2, tablestoreAnswer);
      auto client = tablestoreClient(server);
      REQUIRE(client.listDeliveryTask(tablestore::ListDeliveryTaskRequest("sampleTable")));
      Error error;
      std::string action;
      if (std::string(op) == "create") {
        auto r = client.createDeliveryTask(test::javaSampleCreate());
        REQUIRE_FALSE(r);
        error = r.error();
        action = "/CreateDeliveryTask";
      } else if (std::string(op) == "update") {
        tablestore::UpdateDeliveryTaskRequest u;
        u.setTableName("sampleTable").setTaskName("sampledeliverytask").setTaskConfig(test::javaSampleConfig());
        auto r = client.updateDeliveryTask(u);
        REQUIRE_FALSE(r);
        error = r.error();
        action = "/UpdateDeliveryTask";
      } else {
        auto r = client.deleteDeliveryTask(tablestore::DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
        REQUIRE_FALSE(r);
        error = r.error();
        action = "/DeleteDeliveryTask";
      }
      requireOutcomeUnknown(error);
      CHECK(server.count("POST", action) == 1);
    }
  }
  SECTION("list") {
    DroppingServer server(2, tablestoreAnswer);
    auto client = tablestoreClient(server);
    REQUIRE(client.createDeliveryTask(test::javaSampleCreate()));
    auto listed = client.listDeliveryTask(tablestore::ListDeliveryTaskRequest("sampleTable"));
    REQUIRE(listed);
    CHECK(server.count("POST", "/ListDeliveryTask") == 2);
    CHECK(server.count("POST", "/CreateDeliveryTask") == 1);
  }
}

TEST_CASE("DIS: a create or update on a dying connection runs once; a list recovers",
          "[integration][send-once][dis]") {
  const std::string tasks = "/v2/proj/streams/mystream/transfer-tasks";
  SECTION("create") {
    DroppingServer server(2, huaweiAnswer);
    auto client = dis::DisClient::create(kHuawei, huaweiConfig<dis::DisClientConfig>(server)).value();
    REQUIRE(client.listTransferTasks(dis::ListTransferTasksRequest("mystream")));
    auto r = client.createTransferTask(dis::CreateTransferTaskRequest("mystream", test::dliSample()));
    REQUIRE_FALSE(r);
    requireOutcomeUnknown(r.error());
    CHECK(server.count("POST", tasks) == 1);
  }
  SECTION("update") {
    DroppingServer server(2, huaweiAnswer);
    auto client = dis::DisClient::create(kHuawei, huaweiConfig<dis::DisClientConfig>(server)).value();
    REQUIRE(client.listTransferTasks(dis::ListTransferTasksRequest("mystream")));
    auto r = client.updateTransferTask(dis::UpdateTransferTaskRequest("mystream", test::dliSample()));
    REQUIRE_FALSE(r);
    requireOutcomeUnknown(r.error());
    CHECK(server.count("PUT", tasks) == 1);
  }
  SECTION("list") {
    DroppingServer server(2, huaweiAnswer);
    auto client = dis::DisClient::create(kHuawei, huaweiConfig<dis::DisClientConfig>(server)).value();
    REQUIRE(client.createTransferTask(dis::CreateTransferTaskRequest("mystream", test::dliSample())));
    REQUIRE(client.listTransferTasks(dis::ListTransferTasksRequest("mystream")));
    CHECK(server.count("GET", tasks) == 2);
    CHECK(server.count("POST", tasks) == 1);
  }
}

TEST_CASE("Kafka: a sink-task create on a dying connection runs once; a list recovers",
          "[integration][send-once][kafka]") {
  const std::string tasks = "/v2/proj/connectors/connector-1/sink-tasks";
  SECTION("create") {
    DroppingServer server(2, huaweiAnswer);
    auto client = kafka::KafkaClient::create(kHuawei, huaweiConfig<kafka::KafkaClientConfig>(server)).value();
    REQUIRE(client.listSinkTasks(kafka::ListSinkTasksRequest("connector-1")));
    auto r = client.createSinkTask(test::kafkaSinkSample());
    REQUIRE_FALSE(r);
    requireOutcomeUnknown(r.error());
    CHECK(server.count("POST", tasks) == 1);
  }
  SECTION("list") {
    DroppingServer server(2, huaweiAnswer);
    auto client = kafka::KafkaClient::create(kHuawei, huaweiConfig<kafka::KafkaClientConfig>(server)).value();
    REQUIRE(client.createSinkTask(test::kafkaSinkSample()));
    REQUIRE(client.listSinkTasks(kafka::ListSinkTasksRequest("connector-1")));
    CHECK(server.count("GET", tasks) == 2);
    CHECK(server.count("POST", tasks) == 1);
  }
}
