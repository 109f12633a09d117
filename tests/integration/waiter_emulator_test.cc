// The waitUntil… helpers end to end: the SDK's real clients (CurlTransport, 127.0.0.1) poll
// delivery::testing::Emulator, whose tasks move through their states at EmulatorOptions::taskPace.
// The emulator and the wait share one FakeClock that the wait's sleeper moves, so every poll
// lands at a known point of the task's lifecycle; one case runs on real time, with the default
// sleeper, to cover the whole path as a user's program takes it.

#include <catch2/catch.hpp>
#include <chrono>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/emulator.h"
#include "delivery/testing/fake_clock.h"
#include "support/samples.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::testing::Emulator;
using delivery::testing::FakeClock;
using delivery::testing::RecordingSleeper;
using Millis = std::vector<std::chrono::milliseconds>;
using States = std::vector<std::string>;

namespace {

/// An emulator whose tasks take `pace` per step on `clock`, and wait options that poll every 2 s
/// of that clock (the sleeper moves it).
struct Paced {
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>(std::chrono::system_clock::now());
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>(clock);
  Emulator emulator;
  WaitOptions options;
  States seen;

  explicit Paced(std::chrono::milliseconds pace = 5s) : emulator(emulatorOptions(pace)) {
    REQUIRE(emulator.start());
    options.clock = clock;
    options.sleeper = sleeper;
    options.pollInterval = 2s;
    options.backoff = 1;
    options.timeout = 1min;
    options.onStateChange = [this](const WaitProgress& p) { seen.push_back(p.previousState + ">" + p.state); };
  }
  testing::EmulatorOptions emulatorOptions(std::chrono::milliseconds pace) const {
    testing::EmulatorOptions o;
    o.taskPace = pace;
    o.clock = clock;
    return o;
  }

  template <typename Config>
  Config config() const {
    Config c;
    c.retry = RetryPolicy::noRetry();
    c.curl.requestTimeout = 10s;
    return c;
  }
  tablestore::DeliveryClient tablestore() const {
    return tablestore::DeliveryClient::create(emulator.endpoint(), "emulator", emulator.tablestoreCredentials(),
                                              config<tablestore::DeliveryClientConfig>())
        .value();
  }
  dis::DisClient dis() const {
    auto c = config<dis::DisClientConfig>();
    c.endpoint = emulator.endpoint();
    return dis::DisClient::create(emulator.huaweiCredentials(), c).value();
  }
  kafka::KafkaClient kafka() const {
    auto c = config<kafka::KafkaClientConfig>();
    c.endpoint = emulator.endpoint();
    return kafka::KafkaClient::create(emulator.huaweiCredentials(), c).value();
  }
};

dis::CreateTransferTaskRequest disCreate() { return dis::CreateTransferTaskRequest("mystream", test::dliSample()); }
const dis::ShowTransferTaskRequest kDliShow("mystream", test::dliSample().getTaskName());

}  // namespace

TEST_CASE("DIS: a new task is STARTING, then RUNNING one pace later", "[integration][waiter][dis]") {
  Paced p;
  const auto client = p.dis();
  REQUIRE(client.createTransferTask(disCreate()));
  auto waited = client.waitUntilTransferTaskRunning(kDliShow, p.options);

  CHECK(waited.outcome == WaitOutcome::Reached);
  // Polls at 0, 2 and 4 s see STARTING; the one at 6 s sees RUNNING (from 5 s on).
  CHECK(waited.polls == 4);
  CHECK(p.seen == States{">STARTING", "STARTING>RUNNING"});
  CHECK(p.sleeper->sleeps() == Millis{2s, 2s, 2s});
  REQUIRE(waited.response);
  CHECK(waited.response->getTask().getState() == dis::TransferTaskState::RUNNING);
  CHECK(p.emulator.executions("ShowTransferTask") == 4);
}

TEST_CASE("DIS: stop makes a task PAUSED (the wait fails at once); start runs it again", "[integration][waiter][dis]") {
  Paced p;
  const auto client = p.dis();
  REQUIRE(client.createTransferTask(disCreate()));
  REQUIRE(client.waitUntilTransferTaskRunning(kDliShow, p.options).reached());
  const std::string id = client.showTransferTask(kDliShow)->getTask().getTaskId();

  REQUIRE(client.batchStopTransferTask(dis::BatchStopTransferTaskRequest("mystream", {id})));
  p.seen.clear();
  auto paused = client.waitUntilTransferTaskRunning(kDliShow, p.options);
  CHECK(paused.outcome == WaitOutcome::Failed);
  CHECK(paused.state == "PAUSED");
  CHECK(paused.polls == 1);
  CHECK_FALSE(paused.error);

  REQUIRE(client.batchStartTransferTask(dis::BatchStartTransferTaskRequest("mystream", {id})));
  p.seen.clear();
  auto restarted = client.waitUntilTransferTaskRunning(kDliShow, p.options);
  CHECK(restarted.reached());
  CHECK(p.seen == States{">STARTING", "STARTING>RUNNING"});
}

TEST_CASE("DIS: a task the fault breaks ends the wait as Failed in ERROR", "[integration][waiter][dis]") {
  Paced p;
  const auto client = p.dis();
  p.emulator.taskErrorNext("CreateTransferTask", 1, "agency dis_admin_agency has no OBS permission");
  REQUIRE(client.createTransferTask(disCreate()));  // the create itself succeeds
  auto waited = client.waitUntilTransferTaskRunning(kDliShow, p.options);
  CHECK(waited.outcome == WaitOutcome::Failed);
  CHECK(waited.state == "ERROR");
  CHECK(p.seen == States{">STARTING", "STARTING>ERROR"});
  CHECK_FALSE(waited.error);
  CHECK(waited.summary().rfind("failed: ERROR: ", 0) == 0);
}

TEST_CASE("a task slower than the timeout: TimedOut, in the state it was in", "[integration][waiter]") {
  Paced p(10min);
  const auto client = p.dis();
  REQUIRE(client.createTransferTask(disCreate()));
  auto waited = client.waitUntilTransferTaskRunning(kDliShow, p.options);
  CHECK(waited.outcome == WaitOutcome::TimedOut);
  CHECK(waited.state == "STARTING");
  CHECK(waited.polls == 31);  // every 2 s for a minute, the last on the deadline
  CHECK(waited.elapsed == 1min);
}

TEST_CASE("a poll the service refuses (the task does not exist) ends the wait with its Error",
          "[integration][waiter]") {
  Paced p;
  auto waited = p.dis().waitUntilTransferTaskRunning(dis::ShowTransferTaskRequest("mystream", "nosuchtask"), p.options);
  CHECK(waited.outcome == WaitOutcome::Failed);
  REQUIRE(waited.error);
  CHECK(waited.error->httpStatus == 404);
  CHECK_FALSE(waited.error->code.empty());
  CHECK(waited.state.empty());
  CHECK(waited.polls == 1);
}

TEST_CASE("Tablestore: INIT, FULL one pace later, INCR two paces later", "[integration][waiter][tablestore]") {
  Paced p;
  const auto client = p.tablestore();
  REQUIRE(client.createDeliveryTask(test::javaSampleCreate()));
  const tablestore::DescribeDeliveryTaskRequest describe("sampleTable", "sampledeliverytask");

  auto full = client.waitUntilTaskSyncPhase(describe, tablestore::TaskSyncPhase::FULL, p.options);
  CHECK(full.reached());
  CHECK(full.polls == 4);  // 0, 2, 4: INIT; 6: FULL
  auto incr = client.waitUntilTaskSyncPhase(describe, tablestore::TaskSyncPhase::INCR, p.options);
  CHECK(incr.reached());
  CHECK(incr.polls == 3);  // 6, 8: FULL; 10: INCR
  CHECK(p.seen == States{">INIT", "INIT>FULL", ">FULL", "FULL>INCR"});
  REQUIRE(incr.response);
  CHECK(incr.response->getTaskSyncStat().getCurrentSyncTimestampNanos() > 0);
}

TEST_CASE("Tablestore: a task the fault breaks reports INVALID_OSS_BUCKET with the detail",
          "[integration][waiter][tablestore]") {
  Paced p;
  const auto client = p.tablestore();
  p.emulator.taskErrorNext("CreateDeliveryTask", 1, "bucket datadeliverytest does not exist");
  REQUIRE(client.createDeliveryTask(test::javaSampleCreate()));
  auto waited = client.waitUntilTaskSyncPhase(
      tablestore::DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"), tablestore::TaskSyncPhase::FULL,
      p.options);
  CHECK(waited.outcome == WaitOutcome::Failed);
  CHECK(waited.state == "INVALID_OSS_BUCKET");
  CHECK(waited.detail == "bucket datadeliverytest does not exist");
  CHECK(p.seen == States{">INIT", "INIT>INVALID_OSS_BUCKET"});
}

TEST_CASE("Kafka: CREATING, then RUNNING; a broken task fails in ERROR", "[integration][waiter][kafka]") {
  Paced p;
  const auto client = p.kafka();
  auto created = client.createSinkTask(test::kafkaSinkSample(p.emulator.kafkaConnectorId()));
  REQUIRE(created);
  auto waited =
      client.waitUntilSinkTaskRunning(kafka::ShowSinkTaskRequest(p.emulator.kafkaConnectorId(), created->getTaskId()),
                                      p.options);
  CHECK(waited.reached());
  CHECK(p.seen == States{">CREATING", "CREATING>RUNNING"});

  p.seen.clear();
  p.emulator.taskErrorNext("CreateSinkTask");
  auto broken = client.createSinkTask(test::kafkaSinkSample(p.emulator.kafkaConnectorId()).setTaskName("broken"));
  REQUIRE(broken);
  auto failed =
      client.waitUntilSinkTaskRunning(kafka::ShowSinkTaskRequest(p.emulator.kafkaConnectorId(), broken->getTaskId()),
                                      p.options);
  CHECK(failed.outcome == WaitOutcome::Failed);
  CHECK(failed.state == "ERROR");
  CHECK(p.seen == States{">CREATING", "CREATING>ERROR"});
}

TEST_CASE("Kafka Smart Connect: CREATING, then RUNNING (or WAITING with start_later); a restart passes RESTARTING",
          "[integration][waiter][kafka]") {
  Paced p;
  const auto client = p.kafka();
  REQUIRE(client.createConnector(kafka::CreateConnectorRequest("instance-1")));
  kafka::SmartConnectTaskReqSinkConfig sink;
  sink.setAccessKey("obs-ak")
      .setSecretKey("obs-sk")
      .setObsBucketName("mybucket")
      .setObsPath("kafka/dump")
      .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD_HH)
      .setRecordDelimiter(kafka::SmartConnectRecordDelimiter::NEWLINE);
  auto create = kafka::CreateConnectorTaskRequest::obsSink("instance-1", sink);
  create.setTaskName("dump-1").setTopics("topic-a");
  auto created = client.createConnectorTask(create);
  REQUIRE(created);
  CHECK(created->getStatus() == "CREATING");
  const kafka::ShowConnectorTaskRequest show("instance-1", created->getId());
  auto waited = client.waitUntilSmartConnectTaskRunning(show, p.options);
  CHECK(waited.reached());
  CHECK(p.seen == States{">CREATING", "CREATING>RUNNING"});

  p.seen.clear();
  REQUIRE(client.restartConnectorTask(kafka::RestartConnectorTaskRequest("instance-1", created->getId())));
  CHECK(client.waitUntilSmartConnectTaskRunning(show, p.options).reached());
  CHECK(p.seen == States{">RESTARTING", "RESTARTING>RUNNING"});
  // A pause while it restarts is refused, as for any task that is not RUNNING.
  REQUIRE(client.restartConnectorTask(kafka::RestartConnectorTaskRequest("instance-1", created->getId())));
  auto early = client.pauseConnectorTask(kafka::PauseConnectorTaskRequest("instance-1", created->getId()));
  REQUIRE_FALSE(early);
  CHECK(early.error().httpStatus == 400);

  p.seen.clear();
  create.setTaskName("dump-2").setStartLater(true);
  auto later = client.createConnectorTask(create);
  REQUIRE(later);
  auto waiting = client.waitUntilSmartConnectTaskRunning(kafka::ShowConnectorTaskRequest("instance-1", later->getId()),
                                                         p.options);
  CHECK(waiting.outcome == WaitOutcome::Failed);  // start_later: it waits for a start, not for time
  CHECK(p.seen == States{">CREATING", "CREATING>WAITING"});
}

TEST_CASE("on real time, with the default clock and sleeper, a DIS task is waited for until it runs",
          "[integration][waiter][dis]") {
  testing::EmulatorOptions o;
  o.taskPace = 200ms;
  Emulator emulator(o);
  REQUIRE(emulator.start());
  dis::DisClientConfig config;
  config.endpoint = emulator.endpoint();
  const auto client = dis::DisClient::create(emulator.huaweiCredentials(), config).value();
  REQUIRE(client.createTransferTask(disCreate()));

  WaitOptions options;
  options.pollInterval = 20ms;
  options.maxPollInterval = 50ms;
  options.timeout = 2min;  // a bound for a stuck wait, far beyond what it takes
  States seen;
  options.onStateChange = [&](const WaitProgress& p) { seen.push_back(p.state); };
  auto waited = client.waitUntilTransferTaskRunning(kDliShow, options);
  CHECK(waited.reached());
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back() == "RUNNING");
  // The first poll normally sees STARTING; a machine slower than the pace may already see RUNNING.
  CHECK((seen.front() == "STARTING" || seen == States{"RUNNING"}));
}
