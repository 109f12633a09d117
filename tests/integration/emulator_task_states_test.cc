// Task states that move on over time (EmulatorOptions::taskPace) on the emulator's injected clock,
// and the task-error fault: seen through the SDK's real clients (describe/show over CurlTransport)
// and through tasks(), per family; the state file keeps a task's place in its lifecycle.
//
// Time is a FakeClock the test moves by hand: nothing here waits or measures durations.

#include <httplib.h>
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/emulator.h"
#include "delivery/testing/fake_clock.h"
#include "emulator/emulator.h"
#include "emulator/faults.h"
#include "support/emulator_options.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::Emulator;
using delivery::testing::FakeClock;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kPace{5000};
// 2026-01-02T03:04:05Z, the fake clock's start.
constexpr std::int64_t kStartMillis = 1767323045000;

std::shared_ptr<FakeClock> fakeClock() { return FakeClock::at("2026-01-02T03:04:05Z"); }

testing::EmulatorOptions paced(const std::shared_ptr<FakeClock>& clock, milliseconds pace = kPace) {
  testing::EmulatorOptions o;
  o.taskPace = pace;
  o.clock = clock;
  return o;
}

template <typename Config>
Config quick() {
  Config config;
  config.retry = RetryPolicy::noRetry();
  config.curl.requestTimeout = std::chrono::seconds(10);
  return config;
}

tablestore::DeliveryClient tablestoreClient(const Emulator& emu) {
  return tablestore::DeliveryClient::create(emu.endpoint(), "emulator", emu.tablestoreCredentials(),
                                            quick<tablestore::DeliveryClientConfig>())
      .value();
}

dis::DisClient disClient(const Emulator& emu) {
  auto config = quick<dis::DisClientConfig>();
  config.endpoint = emu.endpoint();
  return dis::DisClient::create(emu.huaweiCredentials(), std::move(config)).value();
}

kafka::KafkaClient kafkaClient(const Emulator& emu) {
  auto config = quick<kafka::KafkaClientConfig>();
  config.endpoint = emu.endpoint();
  return kafka::KafkaClient::create(emu.huaweiCredentials(), std::move(config)).value();
}

tablestore::CreateDeliveryTaskRequest tablestoreCreate(const std::string& name, tablestore::DeliveryTaskType type) {
  tablestore::CreateDeliveryTaskRequest r("sampleTable", name, test::javaSampleConfig());
  r.setTaskType(type);
  return r;
}

dis::CreateTransferTaskRequest disCreate(const std::string& name = "dlitask") {
  dis::DliDestinationDescriptor d = test::dliSample();
  d.setTaskName(name);
  return dis::CreateTransferTaskRequest("mystream", d);
}

// A DIS create body, as seed() takes it.
std::string disSeedBody(const std::string& name) {
  return R"({"destination_type":"DLI","dli_destination_descriptor":{"task_name":")" + name +
         R"(","agency_name":"dis_admin_agency","dli_database_name":"db","dli_table_name":"t",)"
         R"("obs_bucket_path":"bucket","deliver_time_interval":300}})";
}

// A Tablestore task as seed() takes it (the vendor schema's field names).
std::string tablestoreSeedBody() {
  return R"({"taskConfig":{"ossPrefix":"x/$yyyy","ossBucket":"bucket-1","ossEndpoint":"oss-cn-hangzhou.aliyuncs.com",)"
         R"("ossStsRole":"acs:ram::1:role/r","format":"Parquet","schema":[{"columnName":"c","ossColumnName":"c",)"
         R"("type":"UTF8","encode":"PLAIN"}]},"taskType":"BASE_INC"})";
}

tablestore::TaskSyncStat describe(const Emulator& emu, const std::string& name) {
  auto described = tablestoreClient(emu).describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("sampleTable", name));
  INFO((described ? std::string() : described.error().toString()));
  REQUIRE(described);
  return described->getTaskSyncStat();
}

std::string disState(const Emulator& emu, const std::string& name = "dlitask") {
  auto shown = disClient(emu).showTransferTask(dis::ShowTransferTaskRequest("mystream", name));
  INFO((shown ? std::string() : shown.error().toString()));
  REQUIRE(shown);
  return shown->getTask().getStateText();
}

std::string kafkaStatus(const Emulator& emu, const std::string& id) {
  auto shown = kafkaClient(emu).showSinkTask(kafka::ShowSinkTaskRequest(emu.kafkaConnectorId(), id));
  INFO((shown ? std::string() : shown.error().toString()));
  REQUIRE(shown);
  return shown->getStatus();
}

std::string kafkaCreate(const Emulator& emu, const std::string& name = "sink-1") {
  auto created = kafkaClient(emu).createSinkTask(
      kafka::CreateSinkTaskRequest(emu.kafkaConnectorId(), name,
                                   test::kafkaObsSinkSeed(emu.kafkaConnectorId()).getObsDestinationDescriptor()));
  INFO((created ? std::string() : created.error().toString()));
  REQUIRE(created);
  return created->getTaskId();
}

testing::EmulatorTask only(const Emulator& emu, const std::string& family) {
  auto tasks = emu.tasks(family);
  REQUIRE(tasks.size() == 1);
  return tasks[0];
}

std::string tempStateFile(const char* tag) {
  return (std::filesystem::temp_directory_path() /
          ("delivery-task-states-" + std::string(tag) + "-" + std::to_string(::getpid()) + ".state"))
      .string();
}

}  // namespace

TEST_CASE("Tablestore BASE_INC and BASE: INIT, FULL after one pace, INCR after two", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  const auto type = GENERATE(tablestore::DeliveryTaskType::BASE_INC, tablestore::DeliveryTaskType::BASE);
  INFO(toString(type));
  auto created = tablestoreClient(emu).createDeliveryTask(tablestoreCreate("taskone", type));
  INFO((created ? std::string() : created.error().toString()));
  REQUIRE(created);

  auto stat = describe(emu, "taskone");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);
  CHECK(stat.getCurrentSyncTimestampNanos() == 0);
  CHECK(stat.getErrorType() == tablestore::DeliveryErrorType::OK);
  CHECK(only(emu, "tablestore").state == "INIT");
  CHECK(only(emu, "tablestore").createTime == kStartMillis);

  clock->advance(kPace - milliseconds(1));  // not yet
  CHECK(describe(emu, "taskone").getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);
  clock->advance(milliseconds(1));
  stat = describe(emu, "taskone");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::FULL);
  CHECK(stat.getCurrentSyncTimestampNanos() == 0);
  CHECK(only(emu, "tablestore").state == "FULL");

  clock->advance(kPace);
  stat = describe(emu, "taskone");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::INCR);
  CHECK(stat.getErrorType() == tablestore::DeliveryErrorType::OK);
  // In INCR the sync point is the emulator clock's now.
  CHECK(stat.getCurrentSyncTimestampNanos() == (kStartMillis + 2 * kPace.count()) * 1000000);
  CHECK(only(emu, "tablestore").state == "INCR");
  clock->advance(milliseconds(1234));
  CHECK(describe(emu, "taskone").getCurrentSyncTimestampNanos() == (kStartMillis + 2 * kPace.count() + 1234) * 1000000);
}

TEST_CASE("Tablestore INC: INIT, then INCR after one pace", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("inc", tablestore::DeliveryTaskType::INC)));
  CHECK(describe(emu, "inc").getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);
  clock->advance(kPace);
  CHECK(describe(emu, "inc").getTaskSyncPhase() == tablestore::TaskSyncPhase::INCR);
  CHECK(describe(emu, "inc").getCurrentSyncTimestampNanos() == (kStartMillis + kPace.count()) * 1000000);
  clock->advance(kPace * 5);
  CHECK(describe(emu, "inc").getTaskSyncPhase() == tablestore::TaskSyncPhase::INCR);
}

TEST_CASE("DIS: STARTING at creation, RUNNING after one pace, stop PAUSED at once, start STARTING again",
          "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  CHECK(disState(emu) == "STARTING");
  CHECK(only(emu, "dis").state == "STARTING");
  CHECK(only(emu, "dis").createTime == kStartMillis);
  auto listed = disClient(emu).listTransferTasks(dis::ListTransferTasksRequest("mystream"));
  REQUIRE(listed);
  REQUIRE(listed->getTasks().size() == 1);
  CHECK(listed->getTasks()[0].getState() == dis::TransferTaskState::STARTING);

  clock->advance(kPace);
  CHECK(disState(emu) == "RUNNING");
  CHECK(only(emu, "dis").state == "RUNNING");

  const std::string id = only(emu, "dis").id;
  REQUIRE(disClient(emu).batchStopTransferTask(dis::BatchStopTransferTaskRequest("mystream", {id})));
  CHECK(disState(emu) == "PAUSED");
  clock->advance(kPace * 3);
  CHECK(disState(emu) == "PAUSED");  // stays stopped

  REQUIRE(disClient(emu).batchStartTransferTask(dis::BatchStartTransferTaskRequest("mystream", {id})));
  CHECK(disState(emu) == "STARTING");
  // A second start while starting does not restart the step.
  clock->advance(kPace / 2);
  REQUIRE(disClient(emu).batchStartTransferTask(dis::BatchStartTransferTaskRequest("mystream", {id})));
  clock->advance(kPace / 2);
  CHECK(disState(emu) == "RUNNING");
  CHECK(only(emu, "dis").state == "RUNNING");
}

TEST_CASE("Kafka sink task: CREATING at creation, RUNNING after one pace", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  const std::string id = kafkaCreate(emu);
  CHECK(kafkaStatus(emu, id) == "CREATING");
  CHECK(only(emu, "kafka").state == "CREATING");
  CHECK(only(emu, "kafka").createTime == kStartMillis);
  auto listed = kafkaClient(emu).listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId()));
  REQUIRE(listed);
  REQUIRE(listed->getTasks().size() == 1);
  CHECK(listed->getTasks()[0].getStatus() == "CREATING");
  clock->advance(kPace);
  CHECK(kafkaStatus(emu, id) == "RUNNING");
  CHECK(only(emu, "kafka").state == "RUNNING");
  clock->advance(kPace);
  CHECK(kafkaStatus(emu, id) == "RUNNING");
}

TEST_CASE("pace 0: the static states, whatever the clock does", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock, milliseconds(0)));
  REQUIRE(emu.start());
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("full", tablestore::DeliveryTaskType::BASE_INC)));
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("inc", tablestore::DeliveryTaskType::INC)));
  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  const std::string sink = kafkaCreate(emu);
  for (int i = 0; i < 2; ++i) {
    auto full = describe(emu, "full");
    CHECK(full.getTaskSyncPhase() == tablestore::TaskSyncPhase::FULL);
    CHECK(full.getCurrentSyncTimestampNanos() == kStartMillis * 1000000);  // the create time, as always
    CHECK(full.getErrorType() == tablestore::DeliveryErrorType::OK);
    CHECK(describe(emu, "inc").getTaskSyncPhase() == tablestore::TaskSyncPhase::INCR);
    CHECK(disState(emu) == "RUNNING");
    CHECK(kafkaStatus(emu, sink) == "RUNNING");
    for (const auto& t : emu.tasks("tablestore")) CHECK(t.state.empty());
    clock->advance(std::chrono::hours(1));
  }
}

TEST_CASE("task-error: Tablestore INVALID_OSS_BUCKET with the detail at the first step, phase INIT",
          "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  emu.taskErrorNext("CreateDeliveryTask", 1, "bucket gone: no such bucket");
  CHECK(emu.faults() == std::vector<std::string>{"CreateDeliveryTask:task-error:1:bucket gone: no such bucket"});
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("bad", tablestore::DeliveryTaskType::BASE_INC)));
  CHECK(emu.executions("CreateDeliveryTask") == 1);
  CHECK(emu.faults().empty());
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("good", tablestore::DeliveryTaskType::BASE_INC)));

  auto stat = describe(emu, "bad");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);
  CHECK(stat.getErrorType() == tablestore::DeliveryErrorType::OK);  // not before its first step
  clock->advance(kPace);
  stat = describe(emu, "bad");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);
  CHECK(stat.getErrorType() == tablestore::DeliveryErrorType::INVALID_OSS_BUCKET);
  CHECK(stat.getDetail() == "bucket gone: no such bucket");
  clock->advance(kPace * 4);
  CHECK(describe(emu, "bad").getTaskSyncPhase() == tablestore::TaskSyncPhase::INIT);  // held
  CHECK(describe(emu, "good").getTaskSyncPhase() == tablestore::TaskSyncPhase::INCR);  // only the next create
  CHECK(describe(emu, "good").getErrorType() == tablestore::DeliveryErrorType::OK);
  for (const auto& t : emu.tasks("tablestore")) {
    INFO(t.name);
    CHECK(t.error == (t.name == "bad" ? "bucket gone: no such bucket" : ""));
    CHECK(t.state == (t.name == "bad" ? "INIT" : "INCR"));
  }
}

TEST_CASE("task-error: DIS ERROR and Kafka ERROR, with pace 0 at once, and a failed create does not use it up",
          "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock, milliseconds(0)));
  REQUIRE(emu.start());
  emu.taskErrorNext("CreateTransferTask");
  emu.taskErrorNext(Emulator::kAnyOperation, 1, "sink broke");
  // The name is taken: the create fails (DIS.4301), and the fault waits for a create that succeeds.
  REQUIRE(emu.seed(testing::EmulatorTask{"dis", "mystream", "taken", "", "PAUSED", 0, disSeedBody("taken")}));
  CHECK_FALSE(disClient(emu).createTransferTask(disCreate("taken")));
  CHECK(emu.faults().size() == 2);
  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  CHECK(emu.executions("CreateTransferTask") == 1);
  CHECK(disState(emu) == "ERROR");
  auto listed = disClient(emu).listTransferTasks(dis::ListTransferTasksRequest("mystream"));
  REQUIRE(listed);
  for (const auto& t : listed->getTasks()) {
    CHECK(t.getState() == (t.getTaskName() == "dlitask" ? dis::TransferTaskState::ERROR : dis::TransferTaskState::PAUSED));
  }
  for (const auto& t : emu.tasks("dis")) {
    if (t.name == "dlitask") CHECK(t.error == "task error injected by the emulator (task-error fault)");
  }
  // The "*" one is the next create of any family: the Kafka one here.
  const std::string sink = kafkaCreate(emu);
  CHECK(kafkaStatus(emu, sink) == "ERROR");
  CHECK(only(emu, "kafka").error == "sink broke");
  CHECK(emu.faults().empty());
  const std::string healthy = kafkaCreate(emu, "sink-2");
  CHECK(kafkaStatus(emu, healthy) == "RUNNING");
}

TEST_CASE("task-error with a pace: DIS STARTING then ERROR, Kafka CREATING then ERROR", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  emu.taskErrorNext("CreateTransferTask", 1, "agency missing");
  emu.taskErrorNext("CreateSinkTask", Emulator::kEvery);
  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  const std::string sink = kafkaCreate(emu);
  CHECK(disState(emu) == "STARTING");
  CHECK(kafkaStatus(emu, sink) == "CREATING");
  clock->advance(kPace);
  CHECK(disState(emu) == "ERROR");
  CHECK(only(emu, "dis").error == "agency missing");
  CHECK(kafkaStatus(emu, sink) == "ERROR");
  // A start ends the error: the task starts over.
  REQUIRE(disClient(emu).batchStartTransferTask(dis::BatchStartTransferTaskRequest("mystream", {only(emu, "dis").id})));
  CHECK(disState(emu) == "STARTING");
  clock->advance(kPace);
  CHECK(disState(emu) == "RUNNING");
  CHECK(only(emu, "dis").error.empty());
  // every: the fault stays for the next Kafka creates.
  CHECK(emu.faults() == std::vector<std::string>{"CreateSinkTask:task-error:every"});
}

TEST_CASE("taskErrorNext refuses an operation that is not a create", "[integration][emulator][lifecycle]") {
  Emulator emu;
  REQUIRE(emu.start());
  try {
    emu.taskErrorNext("ShowTransferTask");
    FAIL("no exception");
  } catch (const delivery::Exception& e) {
    CHECK(e.error().kind == ErrorKind::InvalidArgument);
    CHECK(e.error().message.find("ShowTransferTask is not a create") != std::string::npos);
  }
  CHECK(emu.faults().empty());
}

TEST_CASE("failTask breaks an existing task now, unknown tasks and families are refused", "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock));
  REQUIRE(emu.start());
  REQUIRE(tablestoreClient(emu).createDeliveryTask(tablestoreCreate("taskone", tablestore::DeliveryTaskType::BASE_INC)));
  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  const std::string sink = kafkaCreate(emu);
  clock->advance(kPace);  // FULL, RUNNING, RUNNING

  REQUIRE(emu.failTask("tablestore", "sampleTable", "taskone", "role revoked"));
  auto stat = describe(emu, "taskone");
  CHECK(stat.getErrorType() == tablestore::DeliveryErrorType::INVALID_OSS_BUCKET);
  CHECK(stat.getDetail() == "role revoked");
  CHECK(stat.getTaskSyncPhase() == tablestore::TaskSyncPhase::FULL);  // where it was
  clock->advance(kPace * 3);
  CHECK(describe(emu, "taskone").getTaskSyncPhase() == tablestore::TaskSyncPhase::FULL);

  REQUIRE(emu.failTask("dis", "mystream", "dlitask"));
  CHECK(disState(emu) == "ERROR");
  CHECK(only(emu, "dis").error == "task error injected by the emulator (task-error fault)");
  REQUIRE(emu.failTask("kafka", emu.kafkaConnectorId(), "sink-1", "obs denied"));
  CHECK(kafkaStatus(emu, sink) == "ERROR");
  CHECK(only(emu, "kafka").error == "obs denied");

  auto missing = emu.failTask("dis", "mystream", "nope");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().httpStatus == 404);
  CHECK(missing.error().code == "TaskNotFound");
  CHECK(missing.error().message.find("mystream/nope") != std::string::npos);
  CHECK_FALSE(emu.failTask("tablestore", "otherTable", "taskone"));
  CHECK_FALSE(emu.failTask("kafka", "no-connector", "sink-1"));
  auto family = emu.failTask("oss", "a", "b");
  REQUIRE_FALSE(family);
  CHECK(family.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("task-error fault text form: parse, format, reject", "[integration][emulator][lifecycle]") {
  using delivery::emulator::FaultKind;
  using delivery::emulator::parseFault;
  auto plain = parseFault("CreateTransferTask:task-error");
  REQUIRE(plain);
  CHECK(plain->kind == FaultKind::TaskError);
  CHECK(plain->count == 1);
  CHECK(plain->message.empty());
  auto detailed = parseFault("CreateDeliveryTask:task-error:every:bucket: gone: really");
  REQUIRE(detailed);
  CHECK(detailed->count == delivery::emulator::Fault::kEvery);
  CHECK(detailed->message == "bucket: gone: really");
  for (const char* spec : {"CreateTransferTask:task-error:1", "CreateSinkTask:task-error:3:a:b:c:d:e:f", "*:task-error:every:x",
                           "CreateDeliveryTask:task-error:2:detail"}) {
    INFO(spec);
    auto f = parseFault(spec);
    REQUIRE(f);
    CHECK(delivery::emulator::format(*f) == spec);
    auto again = parseFault(delivery::emulator::format(*f));
    REQUIRE(again);
    CHECK(again->message == f->message);
    CHECK(again->count == f->count);
  }
  for (const char* bad : {"ShowTransferTask:task-error", "ListSinkTasks:task-error:1", "CreateSinkTask:task-error:0",
                          "CreateSinkTask:task-error:x:detail", "CreateSinkTask:task-error:-1"}) {
    INFO(bad);
    auto f = parseFault(bad);
    REQUIRE_FALSE(f);
    CHECK(f.error().kind == ErrorKind::InvalidArgument);
  }
  CHECK(parseFault("DescribeDeliveryTask:task-error").error().message.find("applies to a create only") != std::string::npos);
}

TEST_CASE("admin endpoint: a task-error fault as an object, failing a task, the error in the task list",
          "[integration][emulator][lifecycle]") {
  auto clock = fakeClock();
  Emulator emu(paced(clock, milliseconds(0)));
  REQUIRE(emu.start());
  httplib::Client admin("127.0.0.1", emu.port());
  auto added = admin.Post("/__emulator/faults",
                          R"({"operation":"CreateTransferTask","kind":"task-error","count":1,"message":"from: admin"})",
                          "application/json");
  REQUIRE(added);
  CHECK(added->status == 200);
  CHECK(emu.faults() == std::vector<std::string>{"CreateTransferTask:task-error:1:from: admin"});
  auto refused = admin.Post("/__emulator/faults", R"({"operation":"ListTransferTasks","kind":"task-error"})", "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 400);
  CHECK(refused->body.find("create only") != std::string::npos);

  REQUIRE(disClient(emu).createTransferTask(disCreate()));
  const std::string sink = kafkaCreate(emu);
  auto failed = admin.Post("/__emulator/tasks/fail",
                           R"({"family":"kafka","scope":")" + emu.kafkaConnectorId() + R"(","name":"sink-1","detail":"by admin"})",
                           "application/json");
  REQUIRE(failed);
  CHECK(failed->status == 200);
  CHECK(kafkaStatus(emu, sink) == "ERROR");
  auto absent = admin.Post("/__emulator/tasks/fail", R"({"family":"kafka","scope":"x","name":"y"})", "application/json");
  REQUIRE(absent);
  CHECK(absent->status == 404);
  auto mistyped = admin.Post("/__emulator/tasks/fail", R"({"family":"kafka","scope":"x","name":1})", "application/json");
  REQUIRE(mistyped);
  CHECK(mistyped->status == 400);

  auto listed = admin.Get("/__emulator/tasks");
  REQUIRE(listed);
  rapidjson::Document d;
  d.Parse(listed->body.c_str());
  REQUIRE(d.IsObject());
  int errors = 0;
  for (const auto& t : d["tasks"].GetArray()) {
    CHECK(std::string(t["state"].GetString()) == "ERROR");
    const std::string expected = std::string(t["family"].GetString()) == "dis" ? "from: admin" : "by admin";
    REQUIRE(t.HasMember("error"));
    CHECK(std::string(t["error"].GetString()) == expected);
    ++errors;
  }
  CHECK(errors == 2);
}

TEST_CASE("state file: a task's place in its lifecycle and its error survive a restart, and v2 files still load",
          "[integration][emulator][lifecycle]") {
  const std::string path = tempStateFile("v3");
  std::remove(path.c_str());
  auto clock = fakeClock();
  auto options = test::emulatorOptions();
  options.stateFile = path;
  options.taskPace = kPace;
  options.clock = clock;
  std::string sinkId;
  std::string kafkaJson;
  {
    delivery::emulator::Emulator emu(options);
    REQUIRE(emu.start());
    emu.addFault(delivery::emulator::parseFault("CreateSinkTask:task-error:1:saved detail").value());
    REQUIRE(emu.seed(
        delivery::emulator::StoredTask{"tablestore", "sampleTable", "taskone", "", "", kStartMillis, tablestoreSeedBody()}));
    auto config = quick<kafka::KafkaClientConfig>();
    config.endpoint = emu.endpoint();
    auto created = kafka::KafkaClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"),
                                              config)
                       .value()
                       .createSinkTask(kafka::CreateSinkTaskRequest(
                           "emulator-connector", "sink-1", test::kafkaObsSinkSeed("emulator-connector").getObsDestinationDescriptor()));
    REQUIRE(created);
    sinkId = created->getTaskId();
    for (const auto& t : emu.tasks()) {
      if (t.family == "kafka") kafkaJson = t.json;  // the create body without the AK/SK, as seed() takes it
    }
    REQUIRE(emu.failTask("tablestore", "sampleTable", "taskone", "kept"));
    // A DIS task half a pace into its start: still STARTING one pace after the first start.
    REQUIRE(emu.seed(delivery::emulator::StoredTask{"dis", "mystream", "dlitask", "", "", kStartMillis + kPace.count() / 2,
                                                    disSeedBody("dlitask")}));
  }
  {
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    CHECK(header == "delivery-emulator-state v3");
  }
  clock->advance(kPace);
  {
    delivery::emulator::Emulator emu(options);
    REQUIRE(emu.start());
    for (const auto& t : emu.tasks()) {
      INFO(t.family << " " << t.name);
      if (t.family == "tablestore") {
        CHECK(t.state == "INIT");
        CHECK(t.error == "kept");
      } else if (t.family == "kafka") {
        CHECK(t.id == sinkId);
        CHECK(t.state == "ERROR");  // the fault's first step came while it was down
        CHECK(t.error == "saved detail");
      } else {
        CHECK(t.state == "STARTING");  // its run start was saved
      }
    }
    CHECK(emu.tasks().size() == 3);
    clock->advance(kPace / 2);
    for (const auto& t : emu.tasks()) {
      if (t.family == "dis") CHECK(t.state == "RUNNING");
    }
  }
  std::remove(path.c_str());

  // A v2 file (as the emulator wrote before lifecycles): its tasks load, at their stored state.
  const std::string v2 = tempStateFile("v2");
  {
    delivery::emulator::Emulator writer([&] {
      auto o = test::emulatorOptions();
      o.stateFile = v2;
      return o;
    }());
    REQUIRE(writer.start());
    REQUIRE(writer.seed(
        delivery::emulator::StoredTask{"dis", "mystream", "dlitask", "id-1", "PAUSED", 1700000000000, disSeedBody("dlitask")}));
    REQUIRE(writer.seed(delivery::emulator::StoredTask{"tablestore", "sampleTable", "taskone", "", "", 1700000000000,
                                                       tablestoreSeedBody()}));
    REQUIRE(writer.seed(delivery::emulator::StoredTask{"kafka", "emulator-connector", "sink-1", "sink-id-1", "", 1700000000000,
                                                       kafkaJson}));
  }
  std::string text;
  {
    std::ifstream in(v2);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("delivery-emulator-state", 0) == 0) {
        text += "delivery-emulator-state v2\n";
      } else {
        // Cut the v3 fields off, as a v2 emulator wrote the line: DIS the run start and the task
        // error, Tablestore and Kafka tasks the task error; connector lines are as they were.
        const int cut = line.rfind("dis ", 0) == 0 ? 2 : line.rfind("ots ", 0) == 0 || line.rfind("kafka ", 0) == 0 ? 1 : 0;
        for (int i = 0; i < cut; ++i) line = line.substr(0, line.rfind(' '));
        text += line + "\n";
      }
    }
  }
  {
    std::ofstream out(v2, std::ios::trunc);
    out << text;
  }
  {
    auto o = test::emulatorOptions();
    o.stateFile = v2;
    o.taskPace = kPace;
    o.clock = clock;
    delivery::emulator::Emulator emu(o);
    auto started = emu.start();
    INFO(text);
    INFO((started ? std::string() : started.error().toString()));
    REQUIRE(started);
    REQUIRE(emu.tasks().size() == 3);
    for (const auto& t : emu.tasks()) {
      INFO(t.family);
      CHECK(t.error.empty());
      CHECK(t.createTime == 1700000000000);
      if (t.family == "dis") {
        CHECK(t.state == "PAUSED");  // a v2 line's state holds
        CHECK(t.id == "id-1");
      } else if (t.family == "kafka") {
        CHECK(t.state == "RUNNING");  // created long before the fake clock's now
        CHECK(t.id == "sink-id-1");
      } else {
        CHECK(t.state == "INCR");
      }
    }
  }
  std::remove(v2.c_str());
}

TEST_CASE("a negative task pace is refused at start", "[integration][emulator][lifecycle]") {
  testing::EmulatorOptions o;
  o.taskPace = milliseconds(-1);
  Emulator emu(o);
  auto started = emu.start();
  REQUIRE_FALSE(started);
  CHECK(started.error().message.find("task pace") != std::string::npos);
}
