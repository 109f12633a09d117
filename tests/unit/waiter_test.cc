// The waitUntil… helpers through MockTransport, with a fake clock and a sleeper that moves it: how
// each family's states are judged, the pauses (backoff, cap, the final poll on the deadline), the
// progress callback, cancellation (also of a real sleep on another thread), failed polls and
// invalid options.

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/dis_responses.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/kafka_responses.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/capturing_logger.h"
#include "support/samples.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::testing::RecordingSleeper;
using Millis = std::vector<std::chrono::milliseconds>;

namespace {

struct Fixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  std::shared_ptr<FakeClock> clock = FakeClock::at("2024-01-02T03:04:05Z");
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>(clock);
  std::vector<WaitProgress> seen;
  WaitOptions options;

  Fixture() {
    options.onStateChange = [this](const WaitProgress& p) { seen.push_back(p); };
  }
  template <typename Config>
  Config config() {
    Config c;
    c.transport = transport;
    c.clock = clock;
    c.sleeper = sleeper;
    return c;
  }
  dis::DisClient disClient() {
    auto c = config<dis::DisClientConfig>();
    c.region = "cn-north-4";
    return dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj"), c).value();
  }
  kafka::KafkaClient kafkaClient() {
    auto c = config<kafka::KafkaClientConfig>();
    c.region = "cn-north-4";
    return kafka::KafkaClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj"), c).value();
  }
  void disState(const std::string& state) {
    testing::dis::TransferTaskSummary task;
    task.name = "task";
    task.id = "id-1";
    task.state = state;
    transport->enqueueResponse(testing::dis::showOk("stream", task, ""));
  }
  void kafkaStatus(const std::string& status) {
    testing::kafka::SinkTaskSummary task;
    task.id = "id-1";
    task.name = "task";
    task.topics = "topic";
    task.status = status;
    transport->enqueueResponse(testing::kafka::showOk(task, {}));
  }
  std::vector<std::string> states() const {
    std::vector<std::string> out;
    for (const auto& p : seen) out.push_back(p.previousState + ">" + p.state);
    return out;
  }
};

const dis::ShowTransferTaskRequest kShow("stream", "task");
const kafka::ShowSinkTaskRequest kShowSink("connector", "id-1");

}  // namespace

TEST_CASE("DIS: waits through STARTING until RUNNING, pausing with backoff", "[waiter][dis]") {
  Fixture f;
  f.disState("STARTING");
  f.disState("STARTING");
  f.disState("RUNNING");
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);

  CHECK(waited.outcome == WaitOutcome::Reached);
  CHECK(waited.reached());
  CHECK(waited.state == "RUNNING");
  CHECK(waited.polls == 3);
  CHECK(waited.elapsed == 12500ms);
  CHECK_FALSE(waited.error);
  REQUIRE(waited.response);
  CHECK(waited.response->getTask().getState() == dis::TransferTaskState::RUNNING);
  // Defaults: 5 s, then 1.5 times more.
  CHECK(f.sleeper->sleeps() == Millis{5000ms, 7500ms});
  CHECK(f.states() == std::vector<std::string>{">STARTING", "STARTING>RUNNING"});
  CHECK(f.seen[1].poll == 3);
  CHECK(f.seen[1].elapsed == 12500ms);
  CHECK(f.transport->requestCount() == 3);
  CHECK(f.transport->lastRequest().path == "/v2/proj/streams/stream/transfer-tasks/task");
  CHECK(waited.summary() == "reached RUNNING after 3 polls (12 s)");
}

TEST_CASE("the pause grows to its cap, and the last one ends on the deadline with a final poll", "[waiter]") {
  Fixture f;
  for (int i = 0; i < 6; ++i) f.disState("STARTING");
  f.options.timeout = 10s;
  f.options.pollInterval = 1s;
  f.options.backoff = 2;
  f.options.maxPollInterval = 3s;
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);

  CHECK(waited.outcome == WaitOutcome::TimedOut);
  CHECK(f.sleeper->sleeps() == Millis{1000ms, 2000ms, 3000ms, 3000ms, 1000ms});
  CHECK(waited.polls == 6);  // the sixth at the deadline itself
  CHECK(waited.elapsed == 10s);
  CHECK(waited.state == "STARTING");
  CHECK(f.states() == std::vector<std::string>{">STARTING"});  // one state, one call
  CHECK(f.transport->pendingCount() == 0);
  CHECK(waited.summary() == "timed out in STARTING after 6 polls (10 s)");
}

TEST_CASE("a timeout of 0 polls once; backoff 1 polls at a fixed interval", "[waiter]") {
  Fixture f;
  f.disState("STARTING");
  f.options.timeout = 0ms;
  auto once = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(once.outcome == WaitOutcome::TimedOut);
  CHECK(once.polls == 1);
  CHECK(f.sleeper->sleeps().empty());

  Fixture g;
  for (int i = 0; i < 4; ++i) g.disState("STARTING");
  g.options.timeout = 3s;
  g.options.pollInterval = 1s;
  g.options.backoff = 1;
  auto fixed = g.disClient().waitUntilTransferTaskRunning(kShow, g.options);
  CHECK(fixed.outcome == WaitOutcome::TimedOut);
  CHECK(g.sleeper->sleeps() == Millis{1000ms, 1000ms, 1000ms});
}

TEST_CASE("DIS: ERROR, ABNORMAL, PAUSED and DELETE end the wait as Failed; unknown states are waited out",
          "[waiter][dis]") {
  for (const std::string state : {"ERROR", "ABNORMAL", "PAUSED", "DELETE"}) {
    Fixture f;
    f.disState("STARTING");
    f.disState(state);
    auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
    INFO(state);
    CHECK(waited.outcome == WaitOutcome::Failed);
    CHECK(waited.state == state);
    CHECK_FALSE(waited.detail.empty());
    CHECK_FALSE(waited.error);  // the task failed, not the call
    CHECK(waited.polls == 2);
    CHECK(waited.summary().rfind("failed: " + state + ": ", 0) == 0);
  }
  Fixture f;
  f.disState("MIGRATING");  // not in the SDK's enum: keep going
  f.disState("RUNNING");
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(waited.outcome == WaitOutcome::Reached);
  CHECK(f.states() == std::vector<std::string>{">MIGRATING", "MIGRATING>RUNNING"});
}

TEST_CASE("a poll that fails ends the wait with that call's error", "[waiter]") {
  Fixture f;
  f.disState("STARTING");
  f.transport->enqueueResponse(testing::dis::errorResponse(404, "DIS.4301", "task not found", -1, "rid-404"));
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(waited.outcome == WaitOutcome::Failed);
  REQUIRE(waited.error);
  CHECK(waited.error->code == "DIS.4301");
  CHECK(waited.error->requestId == "rid-404");
  CHECK(waited.state == "STARTING");  // the last state seen
  REQUIRE(waited.response);           // and the last answer
  CHECK(waited.response->getTask().getStateText() == "STARTING");
  CHECK(waited.polls == 2);
  CHECK(waited.summary().find("DIS.4301") != std::string::npos);

  Fixture invalid;  // the request is validated by the show call, before anything is sent
  auto bad = invalid.disClient().waitUntilTransferTaskRunning(dis::ShowTransferTaskRequest("", "task"), invalid.options);
  CHECK(bad.outcome == WaitOutcome::Failed);
  REQUIRE(bad.error);
  CHECK(bad.error->kind == ErrorKind::InvalidArgument);
  CHECK(invalid.transport->requestCount() == 0);
}

TEST_CASE("invalid wait options are named and nothing is sent", "[waiter]") {
  Fixture f;
  f.options.timeout = -1ms;
  f.options.pollInterval = 0ms;
  f.options.backoff = 0.5;
  f.options.maxPollInterval = -5ms;
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(waited.outcome == WaitOutcome::Failed);
  REQUIRE(waited.error);
  CHECK(waited.error->kind == ErrorKind::InvalidArgument);
  std::vector<std::string> fields;
  for (const auto& v : waited.error->violations) fields.push_back(v.field);
  CHECK(fields == std::vector<std::string>{"timeout", "pollInterval", "backoff", "maxPollInterval"});
  CHECK(waited.polls == 0);
  CHECK(f.transport->requestCount() == 0);

  Fixture nan;
  nan.options.backoff = std::numeric_limits<double>::infinity();
  auto infinite = nan.disClient().waitUntilTransferTaskRunning(kShow, nan.options);
  REQUIRE(infinite.error);
  CHECK(infinite.error->violations.at(0).field == "backoff");
}

TEST_CASE("cancellation: before the first poll, from the progress callback", "[waiter]") {
  Fixture f;
  StopSource stop;
  stop.requestStop();
  f.options.stopToken = stop.token();
  auto before = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(before.outcome == WaitOutcome::Cancelled);
  CHECK(before.polls == 0);
  CHECK(f.transport->requestCount() == 0);

  Fixture g;
  StopSource later;
  g.options.stopToken = later.token();
  g.options.onStateChange = [&](const WaitProgress&) { later.requestStop(); };
  g.disState("STARTING");
  auto during = g.disClient().waitUntilTransferTaskRunning(kShow, g.options);
  CHECK(during.outcome == WaitOutcome::Cancelled);
  CHECK(during.state == "STARTING");
  CHECK(during.polls == 1);
  CHECK(g.sleeper->sleeps().empty());  // the pause was never begun
  CHECK(during.summary() == "cancelled in STARTING after 1 poll (0 ms)");
}

TEST_CASE("cancellation wakes a real sleep on another thread at once", "[waiter]") {
  // The client's default sleeper sleeps for real; an hour-long pause must end on requestStop().
  auto transport = std::make_shared<MockTransport>();
  testing::dis::TransferTaskSummary task;
  task.name = "task";
  task.state = "STARTING";
  transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> { return testing::dis::showOk("stream", task, ""); });
  dis::DisClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();

  StopSource stop;
  WaitOptions options;
  options.timeout = 10h;
  options.pollInterval = 1h;
  options.maxPollInterval = 1h;
  options.stopToken = stop.token();
  std::atomic<bool> polled{false};
  options.onStateChange = [&](const WaitProgress&) { polled = true; };

  std::thread canceller([&] {
    while (!polled) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(20ms);  // let the waiter enter its pause
    stop.requestStop();
  });
  auto waited = client.waitUntilTransferTaskRunning(kShow, options);
  canceller.join();
  CHECK(waited.outcome == WaitOutcome::Cancelled);
  CHECK(waited.polls == 1);
  CHECK_FALSE(stop.requestStop());  // already requested
}

TEST_CASE("the options' clock and sleeper take precedence over the client's", "[waiter]") {
  Fixture f;
  f.disState("STARTING");
  f.disState("RUNNING");
  auto ownClock = FakeClock::at("2030-01-01T00:00:00Z");
  auto ownSleeper = std::make_shared<RecordingSleeper>(ownClock);
  f.options.clock = ownClock;
  f.options.sleeper = ownSleeper;
  f.options.pollInterval = 2s;
  auto waited = f.disClient().waitUntilTransferTaskRunning(kShow, f.options);
  CHECK(waited.reached());
  CHECK(ownSleeper->sleeps() == Millis{2000ms});
  CHECK(f.sleeper->sleeps().empty());
  CHECK(waited.elapsed == 2s);
}

TEST_CASE("state changes and the outcome are logged", "[waiter]") {
  Fixture f;
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  auto c = f.config<dis::DisClientConfig>();
  c.region = "cn-north-4";
  c.logger = logger;
  auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK-SECRET-VALUE", "proj"), c).value();
  f.disState("STARTING");
  f.disState("RUNNING");
  auto waited = client.waitUntilTransferTaskRunning(kShow, f.options);
  REQUIRE(waited.reached());
  const std::string text = logger->text();
  CHECK(text.find("waiting for transfer task stream/task: state STARTING") != std::string::npos);
  CHECK(text.find("waiting for transfer task stream/task: STARTING -> RUNNING") != std::string::npos);
  CHECK(text.find("waiting for transfer task stream/task: reached RUNNING after 2 polls") != std::string::npos);
  CHECK(text.find("SK-SECRET-VALUE") == std::string::npos);
}

TEST_CASE("Tablestore: describes until the phase is reached or passed, or an error is reported",
          "[waiter][tablestore]") {
  using namespace delivery::tablestore;
  namespace mock = delivery::testing::tablestore;
  const Credentials creds("testaccesskeyid", "testsecret");
  const DescribeDeliveryTaskRequest describe("sampleTable", "sampledeliverytask");
  auto stat = [](TaskSyncPhase phase, DeliveryErrorType error = DeliveryErrorType::OK, std::string detail = {}) {
    return TaskSyncStat(phase, phase == TaskSyncPhase::INCR ? 1704164645000000000LL : 0, error, std::move(detail));
  };
  auto client = [&](Fixture& f) {
    return DeliveryClient::create("https://instance.cn-hangzhou.ots.aliyuncs.com", "instance", creds,
                                  f.config<DeliveryClientConfig>())
        .value();
  };

  SECTION("INIT, FULL: FULL is reached") {
    Fixture f;
    f.transport->enqueueResponse(mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE_INC,
                                                  stat(TaskSyncPhase::INIT)));
    f.transport->enqueueResponse(mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE_INC,
                                                  stat(TaskSyncPhase::FULL)));
    auto waited = client(f).waitUntilTaskSyncPhase(describe, TaskSyncPhase::FULL, f.options);
    CHECK(waited.reached());
    CHECK(waited.state == "FULL");
    CHECK(f.states() == std::vector<std::string>{">INIT", "INIT>FULL"});
    REQUIRE(waited.response);
    CHECK(waited.response->getTaskSyncStat().getTaskSyncPhase() == TaskSyncPhase::FULL);
    CHECK(f.transport->lastRequest().path == "/DescribeDeliveryTask");
  }
  SECTION("an INC task goes from INIT to INCR, which is past FULL") {
    Fixture f;
    f.transport->enqueueResponse(mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::INC,
                                                  stat(TaskSyncPhase::INCR)));
    auto waited = client(f).waitUntilTaskSyncPhase(describe, TaskSyncPhase::FULL, f.options);
    CHECK(waited.reached());
    CHECK(waited.state == "INCR");
    CHECK(waited.polls == 1);
  }
  SECTION("an error type ends the wait with the service's detail") {
    Fixture f;
    f.transport->enqueueResponse(mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE_INC,
                                                  stat(TaskSyncPhase::INIT)));
    f.transport->enqueueResponse(mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE_INC,
                                                  stat(TaskSyncPhase::INIT, DeliveryErrorType::INVALID_OSS_BUCKET,
                                                       "bucket datalake does not exist")));
    auto waited = client(f).waitUntilTaskSyncPhase(describe, TaskSyncPhase::INCR, f.options);
    CHECK(waited.outcome == WaitOutcome::Failed);
    CHECK(waited.state == "INVALID_OSS_BUCKET");
    CHECK(waited.detail == "bucket datalake does not exist");
    CHECK_FALSE(waited.error);
    CHECK(f.states() == std::vector<std::string>{">INIT", "INIT>INVALID_OSS_BUCKET"});
    CHECK(waited.summary() == "failed: INVALID_OSS_BUCKET: bucket datalake does not exist");
  }
  SECTION("INIT forever: timed out") {
    Fixture f;
    f.transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> {
      return mock::describeOk(creds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE, stat(TaskSyncPhase::INIT));
    });
    f.options.timeout = 1min;
    auto waited = client(f).waitUntilTaskSyncPhase(describe, TaskSyncPhase::INCR, f.options);
    CHECK(waited.outcome == WaitOutcome::TimedOut);
    CHECK(waited.elapsed == 1min);
    // 5, 7.5, 11.25, 16.875, then what is left of the minute (19.375).
    CHECK(f.sleeper->sleeps() == Millis{5000ms, 7500ms, 11250ms, 16875ms, 19375ms});
  }
}

TEST_CASE("Kafka: CREATING until RUNNING; ERROR, FAILED, ABNORMAL and PAUSED fail; others are waited out",
          "[waiter][kafka]") {
  {
    Fixture f;
    f.kafkaStatus("CREATING");
    f.kafkaStatus("RESTARTING");
    f.kafkaStatus("RUNNING");
    auto waited = f.kafkaClient().waitUntilSinkTaskRunning(kShowSink, f.options);
    CHECK(waited.reached());
    CHECK(f.states() == std::vector<std::string>{">CREATING", "CREATING>RESTARTING", "RESTARTING>RUNNING"});
    REQUIRE(waited.response);
    CHECK(waited.response->getTaskId() == "id-1");
    CHECK(f.transport->lastRequest().path == "/v2/proj/connectors/connector/sink-tasks/id-1");
  }
  for (const std::string status : {"ERROR", "FAILED", "ABNORMAL", "PAUSED"}) {
    Fixture f;
    f.kafkaStatus(status);
    auto waited = f.kafkaClient().waitUntilSinkTaskRunning(kShowSink, f.options);
    INFO(status);
    CHECK(waited.outcome == WaitOutcome::Failed);
    CHECK(waited.state == status);
    CHECK_FALSE(waited.detail.empty());
    CHECK(waited.polls == 1);
  }
}

TEST_CASE("a StopToken: default never stops; every token of a source sees the stop", "[waiter][core]") {
  StopToken never;
  CHECK_FALSE(never.stopPossible());
  CHECK_FALSE(never.stopRequested());
  CHECK_FALSE(never.waitFor(1ms));

  StopSource source;
  StopToken a = source.token();
  StopToken b = a;
  CHECK(a.stopPossible());
  CHECK_FALSE(b.stopRequested());
  CHECK(source.requestStop());
  CHECK(a.stopRequested());
  CHECK(b.stopRequested());
  CHECK(source.stopRequested());
  CHECK(b.waitFor(1h));  // returns at once: already stopped

  // A sleeper of one's own, without sleepOrStop: the default checks the token around the sleep.
  RecordingSleeper recording;
  CHECK(static_cast<Sleeper&>(recording).sleepOrStop(5ms, a));
  CHECK(recording.sleeps().empty());
  CHECK_FALSE(static_cast<Sleeper&>(recording).sleepOrStop(5ms, never));
  CHECK(recording.sleeps() == Millis{5ms});
}
