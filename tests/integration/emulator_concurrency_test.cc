// The emulator under many clients at once: idle keep-alive connections, many live connections,
// hostile Content-Length values, and a slow request that must not hold up the others.
// Time limits here are generous upper bounds: starving means waiting 30 to 60 s.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/crypto.h"
#include "delivery/core/curl_transport.h"
#include "delivery/dis/client.h"
#include "delivery/tablestore/client.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"
#include "support/samples.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

using namespace delivery;
using namespace delivery::tablestore;
using delivery::emulator::Emulator;
using delivery::emulator::EmulatorOptions;
using SteadyClock = std::chrono::steady_clock;

namespace {

const Credentials kCreds("emulator-access-key-id", "emulator-access-key-secret");

// A client that gives up after `limit` and never retries, so that a starved request fails the test
// in bounded time instead of hanging it.
DeliveryClient boundedClient(const Emulator& emu, std::chrono::seconds limit) {
  DeliveryClientConfig config;
  config.retry = RetryPolicy::noRetry();
  config.curl.requestTimeout = limit;
  config.curl.stallTimeout = limit;  // these tests park requests inside the emulator on purpose
  return DeliveryClient::create(emu.endpoint(), "emulator", kCreds, std::move(config)).value();
}

// A plain TCP connection to the emulator, for what no well-behaved client sends.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  bool send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  /// Reads one response (head and a Content-Length body). Returns its status, or -1 when it did not
  /// arrive within `limit` or the connection closed first. `head` receives the status line and headers.
  int readResponse(std::chrono::milliseconds limit, std::string* head = nullptr) {
    const auto deadline = SteadyClock::now() + limit;
    std::size_t end = std::string::npos;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!receive(deadline)) return -1;
    }
    const std::string headers = buffer_.substr(0, end + 2);
    std::size_t bodyLength = 0;
    for (const char* name : {"\r\nContent-Length:", "\r\ncontent-length:"}) {
      if (const auto at = headers.find(name); at != std::string::npos) {
        bodyLength = std::stoul(headers.substr(at + std::char_traits<char>::length(name)));
      }
    }
    while (buffer_.size() < end + 4 + bodyLength) {
      if (!receive(deadline)) return -1;
    }
    buffer_.erase(0, end + 4 + bodyLength);
    if (head != nullptr) *head = headers;
    if (headers.compare(0, 9, "HTTP/1.1 ") != 0 || headers.size() < 12) return -1;
    return std::stoi(headers.substr(9, 3));
  }

  /// True when the peer closes the connection within `limit` (without sending anything more).
  bool closedWithin(std::chrono::milliseconds limit) {
    const auto deadline = SteadyClock::now() + limit;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char c;
      const ssize_t n = ::recv(fd_, &c, 1, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
      return false;  // unexpected bytes
    }
  }

 private:
  bool receive(SteadyClock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
};

// An unauthenticated Huawei request: answered 401 without touching any task.
std::string unauthenticatedGet() {
  return "GET /v2/emulator-project/streams/s/transfer-tasks HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

// Holds every request that reaches validation until `expected` of them are there at the same time,
// or until a deadline (so that an emulator that serializes them fails the test instead of hanging).
class Gathering {
 public:
  Gathering(int expected, std::chrono::seconds limit) : expected_(expected), deadline_(SteadyClock::now() + limit) {}

  void arrive() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++present_;
    if (present_ > most_) most_ = present_;
    all_.notify_all();
    all_.wait_until(lock, deadline_, [this] { return most_ >= expected_; });
    --present_;
  }
  int most() {
    std::lock_guard<std::mutex> lock(mutex_);
    return most_;
  }

 private:
  const int expected_;
  const SteadyClock::time_point deadline_;
  std::mutex mutex_;
  std::condition_variable all_;
  int present_ = 0;
  int most_ = 0;
};

// A one-shot signal between the test and a request parked in the emulator.
class Signal {
 public:
  void raise() {
    std::lock_guard<std::mutex> lock(mutex_);
    raised_ = true;
    cv_.notify_all();
  }
  bool waitFor(std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, limit, [this] { return raised_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool raised_ = false;
};

// A create with `columns` Parquet columns, signed and sent as-is (the client's own validation is
// skipped: only the emulator's is of interest here).
Result<HttpResponse> sendLargeCreate(const std::string& endpoint, int columns) {
  OSSTaskConfig config = delivery::test::javaSampleConfig();
  std::vector<ParquetSchema> schema;
  schema.reserve(static_cast<std::size_t>(columns));
  schema.emplace_back("PK1", "PK1", DataType::UTF8);
  for (int i = 1; i < columns; ++i) schema.emplace_back("column_" + std::to_string(i), DataType::UTF8);
  config.setParquetSchemaList(std::move(schema));
  CreateDeliveryTaskRequest request("sampleTable", "largetask", config);

  HttpRequest http;
  http.endpoint = Endpoint::parse(endpoint).value();
  http.path = "/CreateDeliveryTask";
  http.body = tablestore::detail::encode(request);
  tablestore::detail::SigningContext ctx;
  ctx.credentials = kCreds;
  ctx.instanceName = "emulator";
  ctx.userAgent = "test";
  tablestore::detail::signRequest(http, "CreateDeliveryTask", ctx, std::chrono::system_clock::now(),
                                  delivery::detail::base64Encode(delivery::detail::md5(http.body)), "trace");
  CurlTransportOptions options;
  options.requestTimeout = std::chrono::seconds(60);
  return CurlTransport(options).send(http);
}

}  // namespace

TEST_CASE("idle keep-alive connections do not lock a new client out", "[integration][emulator][concurrency]") {
  Emulator emu(test::emulatorOptions());
  const auto port = emu.start();
  REQUIRE(port);
  // Far more than cpp-httplib's 8 default workers: each connection asks once, then stays open, idle.
  constexpr int kIdle = 70;
  std::vector<std::unique_ptr<RawConnection>> idle;
  for (int i = 0; i < kIdle; ++i) {
    INFO("idle connection " << i);
    idle.push_back(std::make_unique<RawConnection>(*port));
    REQUIRE(idle.back()->connected());
    REQUIRE(idle.back()->send(unauthenticatedGet()));
    REQUIRE(idle.back()->readResponse(std::chrono::seconds(10)) == 401);
  }
  // A new client, while all of them are still open.
  const auto started = SteadyClock::now();
  auto listed = boundedClient(emu, std::chrono::seconds(10)).listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
  REQUIRE(listed);
  CHECK(SteadyClock::now() - started < std::chrono::seconds(10));
  CHECK(emu.stats().requests == kIdle + 1);
}

TEST_CASE("an idle keep-alive connection is closed after the keep-alive timeout", "[integration][emulator][concurrency]") {
  CHECK(EmulatorOptions{}.keepAliveTimeout <= std::chrono::seconds(5));
  EmulatorOptions options = test::emulatorOptions();
  options.keepAliveTimeout = std::chrono::seconds(1);
  Emulator emu(options);
  const auto port = emu.start();
  REQUIRE(port);
  RawConnection connection(*port);
  REQUIRE(connection.connected());
  REQUIRE(connection.send(unauthenticatedGet()));
  REQUIRE(connection.readResponse(std::chrono::seconds(10)) == 401);
  CHECK(connection.closedWithin(std::chrono::seconds(10)));
}

TEST_CASE("at least 64 connections are served at the same time", "[integration][emulator][concurrency]") {
  // Every request waits in the validation hook until all of them are inside the emulator at once.
  constexpr int kClients = 80;
  auto gathering = std::make_shared<Gathering>(kClients, std::chrono::seconds(20));
  EmulatorOptions options = test::emulatorOptions();
  options.beforeValidate = [gathering](const std::string& path) {
    if (path == "/ListDeliveryTask") gathering->arrive();
  };
  Emulator emu(options);
  REQUIRE(emu.start());

  std::vector<std::future<Result<ListDeliveryTaskResponse>>> calls;
  for (int i = 0; i < kClients; ++i) {
    calls.push_back(std::async(std::launch::async, [&emu] {
      return boundedClient(emu, std::chrono::seconds(60)).listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
    }));
  }
  int served = 0;
  for (auto& call : calls) served += call.get().ok() ? 1 : 0;
  CHECK(served == kClients);
  CHECK(gathering->most() == kClients);
  CHECK(emu.stats().connections == kClients);
}

TEST_CASE("a bad or oversized Content-Length is answered at once", "[integration][emulator][concurrency]") {
  EmulatorOptions options = test::emulatorOptions();
  CHECK(options.maxBodyBytes == 8u * 1024u * 1024u);
  Emulator emu(options);
  const auto port = emu.start();
  REQUIRE(port);

  struct Case {
    const char* length;
    int status;
  };
  // Not a length: 400. A length over the maximum body: 413. Neither waits for a body.
  const Case cases[] = {{"-1", 400},      {"1000000000000", 413}, {"18446744073709551616", 400},
                        {"12abc", 400},   {"+5", 400},            {"8388609", 413}};
  for (const Case& c : cases) {
    INFO("Content-Length: " << c.length);
    RawConnection connection(*port);
    REQUIRE(connection.connected());
    REQUIRE(connection.send(std::string("POST /ListDeliveryTask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ") +
                            c.length + "\r\n\r\n"));
    std::string head;
    CHECK(connection.readResponse(std::chrono::seconds(10), &head) == c.status);
    CHECK(head.find("Connection: close") != std::string::npos);
  }
  {
    INFO("two different Content-Length headers");
    RawConnection connection(*port);
    REQUIRE(connection.connected());
    REQUIRE(connection.send("POST /ListDeliveryTask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
                            "Content-Length: 3\r\n\r\nabc"));
    CHECK(connection.readResponse(std::chrono::seconds(10)) == 400);
  }
  // Well-formed requests are still served.
  REQUIRE(boundedClient(emu, std::chrono::seconds(10)).listDeliveryTask(ListDeliveryTaskRequest("sampleTable")));
}

TEST_CASE("a create being validated does not hold up other clients", "[integration][emulator][concurrency]") {
  // The large create parks in the validation hook (the point where the emulator checks its 40,000
  // columns) until the test has had a small request answered.
  auto parked = std::make_shared<Signal>();
  auto release = std::make_shared<Signal>();
  EmulatorOptions options = test::emulatorOptions();
  options.beforeValidate = [parked, release](const std::string& path) {
    if (path != "/CreateDeliveryTask") return;
    parked->raise();
    release->waitFor(std::chrono::seconds(30));
  };
  Emulator emu(options);
  REQUIRE(emu.start());

  auto large = std::async(std::launch::async, [&emu] { return sendLargeCreate(emu.endpoint(), 40000); });
  const bool wasParked = parked->waitFor(std::chrono::seconds(30));
  bool smallServed = false;
  if (wasParked) {
    smallServed = boundedClient(emu, std::chrono::seconds(5)).listDeliveryTask(ListDeliveryTaskRequest("otherTable")).ok();
  }
  release->raise();
  auto created = large.get();
  REQUIRE(wasParked);
  CHECK(smallServed);
  REQUIRE(created);
  CHECK(created->status == 200);
  CHECK(emu.taskCount() == 1);
}

TEST_CASE("a DIS create being validated does not hold up other clients", "[integration][emulator][concurrency]") {
  auto parked = std::make_shared<Signal>();
  auto release = std::make_shared<Signal>();
  EmulatorOptions options = test::emulatorOptions();
  options.beforeValidate = [parked, release](const std::string& path) {
    if (path.find("/streams/slow/") == std::string::npos) return;
    parked->raise();
    release->waitFor(std::chrono::seconds(30));
  };
  Emulator emu(options);
  REQUIRE(emu.start());

  auto disClient = [&emu](std::chrono::seconds limit) {
    dis::DisClientConfig config;
    config.endpoint = emu.endpoint();
    config.retry = RetryPolicy::noRetry();
    config.curl.requestTimeout = limit;
    return dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"),
                                  std::move(config))
        .value();
  };
  auto create = std::async(std::launch::async, [&] {
    dis::DliDestinationDescriptor d;
    d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
    d.setDliDatabaseName("dis_db").setDliTableName("dis_table").setObsBucketPath("obsbucket").setRetryDuration(1800);
    return disClient(std::chrono::seconds(60)).createTransferTask(dis::CreateTransferTaskRequest("slow", d));
  });
  const bool wasParked = parked->waitFor(std::chrono::seconds(30));
  bool smallServed = false;
  if (wasParked) smallServed = disClient(std::chrono::seconds(5)).listTransferTasks(dis::ListTransferTasksRequest("fast")).ok();
  release->raise();
  auto created = create.get();
  REQUIRE(wasParked);
  CHECK(smallServed);
  CHECK(created.ok());
  CHECK(emu.taskCount() == 1);
}
