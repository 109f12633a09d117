// The ...Async forms through the adapted MockTransport: every operation of every family has both
// forms, and each gives what the blocking call gives (the same request on the wire, the same
// Result and errors), with the same validation, retries, idempotency rules and Retry-After.
// Cancellation and the destruction of a client with calls in flight end calls with Cancelled.
// Results are collected on the event thread and asserted here, on the test's thread.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "delivery/core/async_transport.h"
#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/capturing_logger.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::MockTransport;
using namespace std::chrono_literals;

namespace {

const Credentials kTsCreds("access-key-id", "access-key-secret");
const auto kHwCreds = huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj");

tablestore::DeliveryClient tablestoreClient(std::shared_ptr<Transport> transport,
                                            tablestore::DeliveryClientConfig config = {}) {
  config.transport = std::move(transport);
  return tablestore::DeliveryClient::create("https://i.cn-hangzhou.ots.aliyuncs.com", "i", kTsCreds, config).value();
}

// What a call sent and got, in a form two calls can be compared by.
struct Outcome {
  std::string request;  // method, path, query and body (dates and signatures differ per call)
  std::string result;   // "ok <request id> <status>" or the error's one-line form and attempts
  std::size_t sent = 0;  // requests the call sent
  bool operator==(const Outcome& o) const { return request == o.request && result == o.result && sent == o.sent; }
};

template <typename T>
std::string describe(const Result<T>& r) {
  if (r) return "ok " + r->getRequestId() + " " + std::to_string(r->getHttpStatus());
  return r.error().toString() + " attempts=" + std::to_string(r.error().attempts);
}

std::string describe(const HttpRequest& r) {
  std::string out = std::string(toString(r.method)) + " " + r.path;
  for (const auto& [k, v] : r.query) out += " " + k + "=" + v;
  return out + " " + r.body + (r.idempotent ? " idempotent" : " once");
}

// Runs one operation three ways on `transport`: blocking, future, callback. The callback's thread
// is recorded: it must not be the caller's.
template <typename Blocking, typename Future, typename Callback>
std::vector<Outcome> threeWays(MockTransport& transport, Blocking blocking, Future future, Callback callback,
                               std::vector<std::string>& problems) {
  std::vector<Outcome> out;
  std::size_t before = transport.requestCount();
  auto r1 = blocking();
  out.push_back({describe(transport.lastRequest()), describe(r1), transport.requestCount() - before});
  before = transport.requestCount();
  auto r2 = future().get();
  out.push_back({describe(transport.lastRequest()), describe(r2), transport.requestCount() - before});
  before = transport.requestCount();
  std::promise<std::string> got;
  std::thread::id callbackThread;
  callback([&](auto r) {
    callbackThread = std::this_thread::get_id();
    got.set_value(describe(r));
  });
  std::string r3 = got.get_future().get();
  out.push_back({describe(transport.lastRequest()), r3, transport.requestCount() - before});
  if (callbackThread == std::this_thread::get_id()) problems.push_back("a callback ran on the caller's thread");
  return out;
}

}  // namespace

TEST_CASE("every operation of every family has a future and a callback form that match the blocking call",
          "[async]") {
  auto transport = std::make_shared<MockTransport>();
  // A 400 that is not retried, with a Huawei-style error body: every family judges it its own way.
  transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> {
    HttpResponse r;
    r.status = 400;
    r.headers.add("X-Request-Id", "rid-1");
    r.body = R"({"error_code":"DIS.4200","error_msg":"bad"})";
    return r;
  });
  std::vector<std::string> problems;
  int operations = 0;
  std::size_t sent = 0;
  auto check = [&](const char* name, const std::vector<Outcome>& o) {
    ++operations;
    INFO(name << "\n blocking: " << o[0].request << " -> " << o[0].result << "\n future:   " << o[1].request
              << " -> " << o[1].result << "\n callback: " << o[2].request << " -> " << o[2].result);
    CHECK(o[0] == o[1]);
    CHECK(o[0] == o[2]);
    CHECK(o[0].result.rfind("ok", 0) != 0);  // the 400 is an error in every family
    CHECK(o[0].sent >= 1);
    sent += o[0].sent + o[1].sent + o[2].sent;
  };
#define ASYNC_SAME(client, method, request)                                                                     \
  check(#method, threeWays(                                                                                     \
                     *transport, [&] { return client.method(request); },                                        \
                     [&] { return client.method##Async(request); },                                             \
                     [&](auto cb) { (void)client.method##Async(request, cb); }, problems))

  auto ts = tablestoreClient(transport);
  ASYNC_SAME(ts, createDeliveryTask, test::javaSampleCreate());
  ASYNC_SAME(ts, updateDeliveryTask, tablestore::UpdateDeliveryTaskRequest("t", "task", test::javaSampleConfig()));
  ASYNC_SAME(ts, deleteDeliveryTask, tablestore::DeleteDeliveryTaskRequest("t", "task"));
  ASYNC_SAME(ts, describeDeliveryTask, tablestore::DescribeDeliveryTaskRequest("t", "task"));
  ASYNC_SAME(ts, listDeliveryTask, tablestore::ListDeliveryTaskRequest("t"));

  dis::DisClientConfig dc;
  dc.transport = transport;
  dc.region = "cn-north-4";
  auto disClient = dis::DisClient::create(kHwCreds, dc).value();
  const dis::DliDestinationDescriptor dli = test::dliSample();
  ASYNC_SAME(disClient, createTransferTask, dis::CreateTransferTaskRequest("s", dli));
  ASYNC_SAME(disClient, updateTransferTask, dis::UpdateTransferTaskRequest("s", dli));
  ASYNC_SAME(disClient, listTransferTasks, dis::ListTransferTasksRequest("s"));
  ASYNC_SAME(disClient, showTransferTask, dis::ShowTransferTaskRequest("s", "dlitask"));
  ASYNC_SAME(disClient, deleteTransferTask, dis::DeleteTransferTaskRequest("s", "dlitask"));
  ASYNC_SAME(disClient, batchStartTransferTask, dis::BatchStartTransferTaskRequest("s", {"id"}));
  ASYNC_SAME(disClient, batchStopTransferTask, dis::BatchStopTransferTaskRequest("s", {"id"}));

  kafka::KafkaClientConfig kc;
  kc.transport = transport;
  kc.region = "cn-north-4";
  auto k = kafka::KafkaClient::create(kHwCreds, kc).value();
  ASYNC_SAME(k, createSinkTask, test::kafkaSinkSample("c"));
  ASYNC_SAME(k, listSinkTasks, kafka::ListSinkTasksRequest("c"));
  ASYNC_SAME(k, showSinkTask, kafka::ShowSinkTaskRequest("c", "t"));
  ASYNC_SAME(k, deleteSinkTask, kafka::DeleteSinkTaskRequest("c", "t"));
  ASYNC_SAME(k, createConnector, kafka::CreateConnectorRequest("instance-1"));
  ASYNC_SAME(k, deleteConnector, kafka::DeleteConnectorRequest("instance-1"));
  kafka::SmartConnectTaskReqSinkConfig sink;
  sink.setAccessKey("AK-VALUE").setSecretKey("SK-VALUE").setObsBucketName("bucket-1").setObsPath("kafka/dump")
      .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD)
      .setRecordDelimiter(kafka::SmartConnectRecordDelimiter::NEWLINE);
  auto smartTask = kafka::CreateConnectorTaskRequest::obsSink("instance-1", sink);
  smartTask.setTaskName("task-1").setTopics("topic-a");
  ASYNC_SAME(k, createConnectorTask, smartTask);
  ASYNC_SAME(k, listConnectorTasks, kafka::ListConnectorTasksRequest("instance-1"));
  ASYNC_SAME(k, showConnectorTask, kafka::ShowConnectorTaskRequest("instance-1", "task-1"));
  ASYNC_SAME(k, deleteConnectorTask, kafka::DeleteConnectorTaskRequest("instance-1", "task-1"));
  ASYNC_SAME(k, pauseConnectorTask, kafka::PauseConnectorTaskRequest("instance-1", "task-1"));
  ASYNC_SAME(k, resumeConnectorTask, kafka::ResumeConnectorTaskRequest("instance-1", "task-1"));
  ASYNC_SAME(k, restartConnectorTask, kafka::RestartConnectorTaskRequest("instance-1", "task-1"));
#undef ASYNC_SAME
  CHECK(operations == 25);
  CHECK(transport->requestCount() == sent);
  CHECK(problems.empty());
}

namespace {

// A gate a mock handler waits at until the test opens it (or a timeout ends the wait, so that a
// broken test fails instead of hanging).
class Gate {
 public:
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  void pass() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++waiting_;
    cv_.notify_all();
    cv_.wait_for(lock, 10s, [&] { return open_; });
    --waiting_;
  }
  // Waits until `n` handlers are waiting at the gate (at most 10 s); the number waiting.
  int waitForWaiting(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, 10s, [&] { return waiting_ >= n; });
    return waiting_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
  int waiting_ = 0;
};

}  // namespace

TEST_CASE("an invalid request fails asynchronously with every violation and sends nothing", "[async]") {
  auto transport = std::make_shared<MockTransport>();
  auto client = tablestoreClient(transport);
  tablestore::CreateDeliveryTaskRequest bad;  // no table, task, config
  const Result<tablestore::CreateDeliveryTaskResponse> blocking = client.createDeliveryTask(bad);
  auto call = client.createDeliveryTaskAsync(bad);
  const Result<tablestore::CreateDeliveryTaskResponse> async = call.get();
  REQUIRE_FALSE(async);
  CHECK(async.error().kind == ErrorKind::InvalidArgument);
  CHECK(async.error().toString() == blocking.error().toString());
  CHECK(async.error().violations.size() >= 2);
  CHECK(async.error().attempts == 0);
  CHECK(transport->requestCount() == 0);
}

TEST_CASE("asynchronous retries follow the blocking rules: reads retried, creates never resent, Retry-After",
          "[async]") {
  auto clock = std::make_shared<delivery::testing::FakeClock>(std::chrono::system_clock::now());
  auto sleeper = std::make_shared<delivery::testing::RecordingSleeper>(clock);
  tablestore::DeliveryClientConfig config;
  config.clock = clock;
  config.sleeper = sleeper;
  config.retry.maxAttempts = 3;
  auto transport = std::make_shared<MockTransport>();
  auto client = tablestoreClient(transport, config);

  SECTION("a read is retried after a broken connection and a throttled answer, honouring Retry-After") {
    transport->enqueueError(Error(ErrorKind::Network, "connection reset"));
    HttpResponse busy = delivery::testing::tablestore::errorResponse(503, "OTSServerBusy", "busy");
    busy.headers.add("Retry-After", "3");
    transport->enqueueResponse(busy);
    transport->enqueueResponse(delivery::testing::tablestore::listOk(kTsCreds, {}));
    auto r = client.listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t")).get();
    INFO((r ? std::string("ok") : r.error().toString()));
    REQUIRE(r);
    CHECK(transport->requestCount() == 3);
    const auto sleeps = sleeper->sleeps();
    REQUIRE(sleeps.size() == 2);
    CHECK(sleeps[1] >= 3000ms);  // the service's Retry-After, not a shorter backoff
  }
  SECTION("a create that may have executed is not sent again, with the blocking call's error") {
    transport->enqueueError(Error(ErrorKind::Network, "connection reset"));
    transport->enqueueError(Error(ErrorKind::Network, "connection reset"));
    const auto blocking = client.createDeliveryTask(test::javaSampleCreate());
    const auto async = client.createDeliveryTaskAsync(test::javaSampleCreate()).get();
    REQUIRE_FALSE(async);
    CHECK(transport->requestCount() == 2);  // one each
    CHECK(async.error().kind == ErrorKind::Network);
    CHECK(async.error().attempts == 1);
    CHECK(async.error().message.find("the outcome is unknown") != std::string::npos);
    CHECK(async.error().toString() == blocking.error().toString());
  }
  SECTION("a connect failure is retried for a create too, up to maxAttempts") {
    for (int i = 0; i < 3; ++i) transport->enqueueError(Error(ErrorKind::Connect, "refused"));
    const auto async = client.createDeliveryTaskAsync(test::javaSampleCreate()).get();
    REQUIRE_FALSE(async);
    CHECK(async.error().kind == ErrorKind::Connect);
    CHECK(async.error().attempts == 3);
    CHECK(transport->requestCount() == 3);
  }
}

TEST_CASE("asynchronous backoff waits on a timer, not on a sleeping thread of the caller", "[async]") {
  tablestore::DeliveryClientConfig config;
  config.retry.initialBackoff = 1ms;
  config.retry.maxBackoff = 2ms;
  auto transport = std::make_shared<MockTransport>();
  transport->enqueueError(Error(ErrorKind::Connect, "refused"));
  transport->enqueueResponse(delivery::testing::tablestore::listOk(kTsCreds, {}));
  auto client = tablestoreClient(transport, config);
  auto r = client.listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t")).get();
  CHECK(r);
  CHECK(transport->requestCount() == 2);
}

TEST_CASE("cancel() ends a call in flight or queued with Cancelled; a create's outcome is then unknown "
          "only if its request had gone out",
          "[async][cancel]") {
  auto gate = std::make_shared<Gate>();
  auto transport = std::make_shared<MockTransport>();
  transport->setHandler([gate](const HttpRequest&) -> Result<HttpResponse> {
    gate->pass();
    return Error(ErrorKind::Tls, "released");
  });
  tablestore::DeliveryClientConfig config;
  config.asyncAdapter.workers = 1;  // one request in flight; the second waits in the queue
  auto client = tablestoreClient(transport, config);
  auto inFlight = client.createDeliveryTaskAsync(test::javaSampleCreate());
  auto queued = client.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "task"));
  auto queuedCreate = client.createDeliveryTaskAsync(test::javaSampleCreate());
  REQUIRE(gate->waitForWaiting(1) == 1);
  queued.cancel();
  queuedCreate.cancel();
  REQUIRE(queuedCreate.waitFor(5s));
  const auto c = queuedCreate.get();
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == ErrorKind::Cancelled);
  CHECK_FALSE(c.error().retryable);
  CHECK(c.error().message.find("before the request was sent") != std::string::npos);
  // It never reached the transport: nothing can have executed.
  CHECK(c.error().message.find("the outcome is unknown") == std::string::npos);
  inFlight.cancel();
  REQUIRE(inFlight.waitFor(5s));
  REQUIRE(queued.waitFor(5s));
  const auto a = inFlight.get();
  const auto b = queued.get();
  REQUIRE_FALSE(a);
  REQUIRE_FALSE(b);
  CHECK(a.error().kind == ErrorKind::Cancelled);
  CHECK(a.error().message.find("while the request was being sent") != std::string::npos);
  CHECK(a.error().message.find("the outcome is unknown") != std::string::npos);
  CHECK(b.error().kind == ErrorKind::Cancelled);
  CHECK(b.error().message.find("before the request was sent") != std::string::npos);
  gate->open();
  CHECK(transport->requestCount() == 1);  // the queued ones never reached the transport
  inFlight.cancel();                      // after completion: no effect, no crash
}

TEST_CASE("cancel() during the backoff before a retry ends the call at once", "[async][cancel]") {
  tablestore::DeliveryClientConfig config;
  config.retry.initialBackoff = 60000ms;  // a minute: the call would wait that long without the cancel
  config.retry.maxBackoff = 60000ms;
  config.retry.maxElapsed = 600000ms;
  auto logger = std::make_shared<test::CapturingLogger>();
  config.logger = logger;
  auto transport = std::make_shared<MockTransport>();
  transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> { return Error(ErrorKind::Connect, "refused"); });
  auto client = tablestoreClient(transport, config);
  auto call = client.listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t"));
  // Wait until the first attempt has failed and the call waits for its retry (the warning is
  // logged while the call holds its lock, which cancel() takes: the retry's timer is set by then).
  for (int i = 0; i < 5000 && logger->text().find("retrying in") == std::string::npos; ++i) {
    std::this_thread::sleep_for(2ms);
  }
  REQUIRE(logger->text().find("retrying in") != std::string::npos);
  call.cancel();
  REQUIRE(call.waitFor(5s));
  const auto r = call.get();
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::Cancelled);
  CHECK(r.error().message.find("refused") != std::string::npos);  // says what the last attempt met
  CHECK(transport->requestCount() == 1);
}

TEST_CASE("destroying a client with calls in flight completes them with Cancelled, without waiting",
          "[async][shutdown]") {
  auto gate = std::make_shared<Gate>();
  auto transport = std::make_shared<MockTransport>();
  transport->setHandler([gate](const HttpRequest&) -> Result<HttpResponse> {
    gate->pass();
    return Error(ErrorKind::Tls, "released");
  });
  std::vector<AsyncCall<tablestore::DescribeDeliveryTaskResponse>> calls;
  std::atomic<bool> allCompletedBeforeRelease{false};
  std::thread releaser;
  {
    tablestore::DeliveryClientConfig config;
    config.asyncAdapter.workers = 2;
    auto client = tablestoreClient(transport, config);
    for (int i = 0; i < 10; ++i) {
      calls.push_back(client.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "task")));
    }
    REQUIRE(gate->waitForWaiting(2) == 2);
    // The client's destructor completes every call, then waits for the two sends inside the mock;
    // this thread lets them go once every call has completed.
    releaser = std::thread([&] {
      bool all = true;
      for (auto& c : calls) all = c.waitFor(10s) && all;
      allCompletedBeforeRelease = all;
      gate->open();
    });
  }  // the client (and the adapter it made for the mock) is destroyed here
  releaser.join();
  CHECK(allCompletedBeforeRelease);
  for (auto& c : calls) {
    const auto r = c.get();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Cancelled);
    CHECK(r.error().message.find("destroyed") != std::string::npos);
  }
}

TEST_CASE("a client destroyed from its own completion does not deadlock or crash", "[async][shutdown]") {
  auto transport = std::make_shared<MockTransport>();
  transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> { return Error(ErrorKind::Tls, "no"); });
  auto client = std::make_shared<tablestore::DeliveryClient>(tablestoreClient(transport));
  std::promise<std::string> done;
  auto holder = std::make_shared<std::shared_ptr<tablestore::DeliveryClient>>(client);
  (void)client->listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t"),
                                      [holder, &done](Result<tablestore::ListDeliveryTaskResponse> r) {
                                        holder->reset();  // the last copy of the client goes on the event thread
                                        done.set_value(r ? "ok" : r.error().toString());
                                      });
  client.reset();
  auto f = done.get_future();
  REQUIRE(f.wait_for(10s) == std::future_status::ready);
  CHECK(f.get().find("Tls") != std::string::npos);
}

TEST_CASE("SyncTransportAdapter keeps at most `workers` requests in the transport and queues the rest",
          "[async]") {
  std::atomic<int> inside{0}, peak{0};
  auto transport = std::make_shared<MockTransport>();
  transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> {
    const int now = ++inside;
    int p = peak.load();
    while (now > p && !peak.compare_exchange_weak(p, now)) {
    }
    std::this_thread::sleep_for(2ms);
    --inside;
    return Error(ErrorKind::Tls, "done");
  });
  tablestore::DeliveryClientConfig config;
  config.asyncAdapter.workers = 3;
  auto client = tablestoreClient(transport, config);
  std::vector<AsyncCall<tablestore::ListDeliveryTaskResponse>> calls;
  for (int i = 0; i < 30; ++i) calls.push_back(client.listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t")));
  int failed = 0;
  for (auto& c : calls) failed += c.get() ? 0 : 1;
  CHECK(failed == 30);
  CHECK(transport->requestCount() == 30);
  CHECK(peak.load() <= 3);
  CHECK(peak.load() >= 2);  // they did overlap
}
