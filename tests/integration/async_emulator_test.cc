// Asynchronous calls over real loopback HTTP (CurlTransport's event loop and libcurl multi handle)
// against delivery::testing::Emulator: 256 calls in flight from one thread, the transport's limit
// on requests in flight, "execute then drop" still creating exactly once, retries on timers, and
// cancellation and shutdown racing calls in flight (scripts/deep-check.sh runs this under TSan).
// Assertions run on the test's thread; completions only record.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "delivery/core/curl_transport.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/emulator.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::Emulator;
using namespace std::chrono_literals;

namespace {

tablestore::DeliveryClientConfig quickConfig(std::size_t maxInFlight, std::size_t eventThreads = 1) {
  tablestore::DeliveryClientConfig config;
  config.retry = RetryPolicy::noRetry();
  config.curl.maxInFlight = maxInFlight;
  config.curl.eventThreads = eventThreads;
  config.curl.requestTimeout = 20s;
  return config;
}

tablestore::DeliveryClient client(const Emulator& emu, tablestore::DeliveryClientConfig config) {
  return tablestore::DeliveryClient::create(emu.endpoint(), "emulator", emu.tablestoreCredentials(), std::move(config))
      .value();
}

tablestore::CreateDeliveryTaskRequest create(int i) {
  tablestore::CreateDeliveryTaskRequest r = test::javaSampleCreate();
  r.setTaskName("task-" + std::to_string(i));
  return r;
}

// Polls `condition` every 2 ms for at most `limit`.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 10s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

}  // namespace

TEST_CASE("256 creates in flight at once from one thread, each executed exactly once", "[async][emulator]") {
  // One event thread (the default), and three sharing the 256 (86 + 85 + 85).
  const std::size_t eventThreads = GENERATE(1u, 3u);
  INFO("event threads: " << eventThreads);
  Emulator emu;
  REQUIRE(emu.start());
  constexpr int kCalls = 256;
  // Every create is held by the emulator, so that all of them must be on the wire together.
  emu.stallNext("CreateDeliveryTask", 4000ms, kCalls);
  auto c = client(emu, quickConfig(kCalls, eventThreads));
  std::vector<AsyncCall<tablestore::CreateDeliveryTaskResponse>> calls;
  for (int i = 0; i < kCalls; ++i) calls.push_back(c.createDeliveryTaskAsync(create(i)));
  const bool allArrived = eventually([&] { return emu.requests("CreateDeliveryTask") == kCalls; }, 4000ms);
  int readyWhenAllArrived = 0;
  for (auto& call : calls) readyWhenAllArrived += call.ready() ? 1 : 0;
  CHECK(allArrived);
  CHECK(readyWhenAllArrived == 0);  // none had completed: the 256 were in flight together
  int ok = 0;
  std::string firstError;
  for (auto& call : calls) {
    auto r = call.get();
    if (r) {
      ++ok;
      CHECK_FALSE(r->getRequestId().empty());
    } else if (firstError.empty()) {
      firstError = r.error().toString();
    }
  }
  INFO(firstError);
  CHECK(ok == kCalls);
  CHECK(emu.executions("CreateDeliveryTask") == kCalls);
  CHECK(emu.tasks("tablestore").size() == static_cast<std::size_t>(kCalls));
}

TEST_CASE("CurlTransportOptions::maxInFlight queues the calls beyond it", "[async][emulator]") {
  // With two event threads the limit is split, 4 each: still 8 on the wire in all. With a limit
  // of 2 and 3 event threads asked for, only 2 threads start, one request each.
  const auto params = GENERATE(table<std::size_t, std::size_t>({{8, 1}, {8, 2}, {2, 3}}));
  const std::size_t limit = std::get<0>(params), eventThreads = std::get<1>(params);
  INFO("maxInFlight " << limit << ", event threads " << eventThreads);
  Emulator emu;
  REQUIRE(emu.start());
  constexpr int kCalls = 24;
  emu.stallNext("CreateDeliveryTask", 600ms, kCalls);
  auto c = client(emu, quickConfig(limit, eventThreads));
  std::vector<AsyncCall<tablestore::CreateDeliveryTaskResponse>> calls;
  for (int i = 0; i < kCalls; ++i) calls.push_back(c.createDeliveryTaskAsync(create(i)));
  CHECK(eventually([&] { return emu.requests("CreateDeliveryTask") >= limit; }));
  std::this_thread::sleep_for(200ms);  // (well inside the stall) no request beyond the limit may arrive
  CHECK(emu.requests("CreateDeliveryTask") == limit);
  int ok = 0;
  for (auto& call : calls) ok += call.get() ? 1 : 0;
  CHECK(ok == kCalls);
  CHECK(emu.requests("CreateDeliveryTask") == kCalls);
  CHECK(emu.executions("CreateDeliveryTask") == kCalls);
}

TEST_CASE("cancel() reaches each call on whichever event thread runs it", "[async][emulator][cancel]") {
  Emulator emu;
  REQUIRE(emu.start());
  constexpr int kCalls = 9;
  emu.stallNext("CreateDeliveryTask", 3000ms, kCalls);  // none would complete on its own soon
  auto c = client(emu, quickConfig(64, 3));
  std::vector<AsyncCall<tablestore::CreateDeliveryTaskResponse>> calls;
  for (int i = 0; i < kCalls; ++i) calls.push_back(c.createDeliveryTaskAsync(create(i)));
  REQUIRE(eventually([&] { return emu.requests("CreateDeliveryTask") == kCalls; }, 2500ms));
  const auto cancelledAt = std::chrono::steady_clock::now();
  for (auto& call : calls) call.cancel();
  int cancelled = 0;
  for (auto& call : calls) {
    REQUIRE(call.waitFor(10s));
    auto r = call.get();
    if (!r && r.error().kind == ErrorKind::Cancelled) ++cancelled;
  }
  // A cancellation sent to the wrong event thread would be ignored there, and the call would end
  // only when the stall ends, with success.
  CHECK(cancelled == kCalls);
  CHECK(std::chrono::steady_clock::now() - cancelledAt < 2000ms);
}

TEST_CASE("a create cancelled on the wire may have executed; one cancelled in the queue did not",
          "[async][emulator][cancel]") {
  Emulator emu;
  REQUIRE(emu.start());
  emu.stallNext("CreateDeliveryTask", 3000ms, 1);
  auto c = client(emu, quickConfig(1));  // one on the wire, the second waits in the queue
  auto onWire = c.createDeliveryTaskAsync(create(1));
  auto inQueue = c.createDeliveryTaskAsync(create(2));
  REQUIRE(eventually([&] { return emu.requests("CreateDeliveryTask") == 1; }, 2500ms));
  inQueue.cancel();
  onWire.cancel();
  REQUIRE(onWire.waitFor(2s));
  REQUIRE(inQueue.waitFor(2s));
  const auto wire = onWire.get();
  const auto queue = inQueue.get();
  REQUIRE_FALSE(wire);
  REQUIRE_FALSE(queue);
  CHECK(wire.error().kind == ErrorKind::Cancelled);
  CHECK(wire.error().message.find("the outcome is unknown") != std::string::npos);
  CHECK(queue.error().kind == ErrorKind::Cancelled);
  CHECK(queue.error().message.find("before the request was sent") != std::string::npos);
  CHECK(queue.error().message.find("the outcome is unknown") == std::string::npos);
  CHECK(emu.requests("CreateDeliveryTask") == 1);
}

TEST_CASE("an asynchronous create whose answer is dropped after it executed is not sent again",
          "[async][emulator][send-once]") {
  Emulator emu;
  REQUIRE(emu.start());
  auto config = quickConfig(64);
  config.retry = RetryPolicy{};  // the default retries: a create must still not be resent
  auto c = client(emu, config);
  // Warm connections first, so that the drop hits a kept-alive one as well as fresh ones.
  std::vector<AsyncCall<tablestore::CreateDeliveryTaskResponse>> calls;
  for (int i = 0; i < 16; ++i) calls.push_back(c.createDeliveryTaskAsync(create(i)));
  for (auto& call : calls) REQUIRE(call.get());
  calls.clear();
  emu.resetCounts();
  emu.dropAfterExecuting("CreateDeliveryTask", 1);
  for (int i = 100; i < 132; ++i) calls.push_back(c.createDeliveryTaskAsync(create(i)));
  int ok = 0, unknown = 0;
  for (auto& call : calls) {
    auto r = call.get();
    if (r) {
      ++ok;
    } else {
      INFO(r.error().toString());
      CHECK(r.error().kind == ErrorKind::Network);
      CHECK(r.error().attempts == 1);
      CHECK(r.error().message.find("the outcome is unknown") != std::string::npos);
      ++unknown;
    }
  }
  CHECK(ok == 31);
  CHECK(unknown == 1);
  CHECK(emu.requests("CreateDeliveryTask") == 32);    // nothing sent twice
  CHECK(emu.executions("CreateDeliveryTask") == 32);  // the dropped one did execute, once
  CHECK(emu.tasks("tablestore").size() == 48u);
}

TEST_CASE("asynchronous retries of a throttled read wait on the event loop's timers", "[async][emulator]") {
  Emulator emu;
  REQUIRE(emu.start());
  auto config = quickConfig(64);
  config.retry = RetryPolicy{};
  config.retry.initialThrottleBackoff = 5ms;
  config.retry.maxThrottleBackoff = 20ms;
  auto c = client(emu, config);
  REQUIRE(c.createDeliveryTask(create(1)));
  emu.throttleNext("DescribeDeliveryTask", 2);
  auto r = c.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("sampleTable", "task-1")).get();
  INFO((r ? std::string() : r.error().toString()));
  CHECK(r);
  CHECK(emu.requests("DescribeDeliveryTask") == 3);
}

TEST_CASE("cancellation and client destruction racing calls in flight: every call completes, no crash",
          "[async][emulator][shutdown]") {
  // Cancellation names each call's event thread by its id: three threads show it routes right.
  const std::size_t eventThreads = GENERATE(1u, 3u);
  INFO("event threads: " << eventThreads);
  Emulator emu;
  REQUIRE(emu.start());
  emu.addLatency(Emulator::kAnyOperation, 20ms);
  for (int round = 0; round < 4; ++round) {
    std::vector<AsyncCall<tablestore::DescribeDeliveryTaskResponse>> reads;
    std::vector<CallHandle> handles;
    std::atomic<int> callbacks{0};
    std::vector<std::string> unexpected;  // written by callbacks: only after they all ran (see below)
    std::mutex mutex;
    {
      auto config = quickConfig(16, eventThreads);
      config.retry = RetryPolicy{};
      auto c = client(emu, config);
      for (int i = 0; i < 48; ++i) {
        reads.push_back(c.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "x")));
        handles.push_back(reads.back().handle());
        handles.push_back(c.createDeliveryTaskAsync(create(round * 1000 + i), [&](auto r) {
          if (!r && r.error().kind != ErrorKind::Cancelled) {
            std::lock_guard<std::mutex> lock(mutex);
            unexpected.push_back(r.error().toString());
          }
          ++callbacks;
        }));
      }
      std::thread canceller([&] {
        for (std::size_t i = 0; i < handles.size(); i += 2) handles[i].cancel();
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * round));
      canceller.join();
    }  // the client and its transport go, with calls in flight
    for (auto& read : reads) {
      REQUIRE(read.waitFor(10s));
      auto r = read.get();
      // Success, the service's "no such task", or Cancelled: nothing else.
      if (!r) CHECK((r.error().kind == ErrorKind::Cancelled || r.error().kind == ErrorKind::Service));
    }
    CHECK(eventually([&] { return callbacks.load() == 48; }));
    std::lock_guard<std::mutex> lock(mutex);
    CHECK(unexpected.empty());
  }
}

TEST_CASE("a client destroyed while its shared transport lives on ends its calls with Cancelled",
          "[async][emulator][shutdown]") {
  Emulator emu;
  REQUIRE(emu.start());
  emu.stallNext("DescribeDeliveryTask", 300ms, 4);
  auto transport = std::make_shared<CurlTransport>();
  std::vector<AsyncCall<tablestore::DescribeDeliveryTaskResponse>> calls;
  {
    tablestore::DeliveryClientConfig config;
    config.transport = transport;
    auto c = client(emu, config);
    for (int i = 0; i < 4; ++i) calls.push_back(c.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "x")));
    REQUIRE(eventually([&] { return emu.requests("DescribeDeliveryTask") == 4; }));
  }
  for (auto& call : calls) {
    auto r = call.get();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Cancelled);
    CHECK(r.error().message.find("the client was destroyed") != std::string::npos);
  }
  // The transport still serves other clients.
  tablestore::DeliveryClientConfig config;
  config.transport = transport;
  auto again = client(emu, config);
  REQUIRE(again.createDeliveryTaskAsync(create(7)).get());
}

TEST_CASE("the stall timeout ends an asynchronous call whose server goes silent, as it does a blocking one",
          "[async][emulator][timeout]") {
  Emulator emu;
  REQUIRE(emu.start());
  auto config = quickConfig(8);
  config.curl.stallTimeout = 1000ms;
  config.curl.requestTimeout = 30s;
  auto c = client(emu, config);
  emu.stallNext("DescribeDeliveryTask", 8000ms, 2);
  const auto start = std::chrono::steady_clock::now();
  auto blocking = c.describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("t", "x"));
  const auto blockingTook = std::chrono::steady_clock::now() - start;
  auto async = c.describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "x")).get();
  const auto asyncTook = std::chrono::steady_clock::now() - start - blockingTook;
  REQUIRE_FALSE(blocking);
  REQUIRE_FALSE(async);
  CHECK(blocking.error().kind == ErrorKind::Timeout);
  CHECK(async.error().kind == ErrorKind::Timeout);
  CHECK(async.error().message.find("stall timeout") != std::string::npos);
  // Ended by the stall timeout (1 s, checked within a second), not by the end of the 8 s stall.
  CHECK(blockingTook < 6s);
  CHECK(asyncTook < 6s);
}

TEST_CASE("a client whose last copy is dropped in its own callback ends its transport cleanly",
          "[async][emulator][shutdown]") {
  // With several event threads the others are stopped from this one, with calls of their own.
  const std::size_t eventThreads = GENERATE(1u, 3u);
  INFO("event threads: " << eventThreads);
  Emulator emu;
  REQUIRE(emu.start());
  emu.addLatency("DescribeDeliveryTask", 200ms);
  auto holder = std::make_shared<std::shared_ptr<tablestore::DeliveryClient>>(
      std::make_shared<tablestore::DeliveryClient>(client(emu, quickConfig(8, eventThreads))));
  std::promise<std::string> first;
  std::vector<AsyncCall<tablestore::DescribeDeliveryTaskResponse>> others;
  for (int i = 0; i < 4; ++i) {
    others.push_back((*holder)->describeDeliveryTaskAsync(tablestore::DescribeDeliveryTaskRequest("t", "x")));
  }
  (void)(*holder)->listDeliveryTaskAsync(tablestore::ListDeliveryTaskRequest("t"),
                                         [holder, &first](Result<tablestore::ListDeliveryTaskResponse> r) {
                                           holder->reset();  // the CurlTransport goes, on its own event thread
                                           first.set_value(r ? "ok" : r.error().toString());
                                         });
  auto f = first.get_future();
  REQUIRE(f.wait_for(10s) == std::future_status::ready);
  CHECK(f.get() == "ok");
  for (auto& call : others) {
    REQUIRE(call.waitFor(10s));
    auto r = call.get();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Cancelled);
  }
}
