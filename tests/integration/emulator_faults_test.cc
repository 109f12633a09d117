// Fault injection and execution counts: delivery::testing::Emulator driven through the SDK's real
// clients (CurlTransport, real sockets on 127.0.0.1), the admin endpoint, and the --fault text form.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/emulator.h"
#include "emulator/emulator.h"
#include "emulator/faults.h"
#include "support/emulator_options.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::Emulator;
using Steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

template <typename Config>
Config quick(RetryPolicy retry = RetryPolicy::noRetry()) {
  Config config;
  config.retry = retry;
  config.retry.initialThrottleBackoff = milliseconds(5);
  config.retry.maxThrottleBackoff = milliseconds(20);
  config.curl.requestTimeout = std::chrono::seconds(5);
  return config;
}

tablestore::DeliveryClient tablestoreClient(const Emulator& emu, tablestore::DeliveryClientConfig config = quick<tablestore::DeliveryClientConfig>()) {
  return tablestore::DeliveryClient::create(emu.endpoint(), "emulator", emu.tablestoreCredentials(), std::move(config)).value();
}

dis::DisClient disClient(const Emulator& emu, dis::DisClientConfig config = quick<dis::DisClientConfig>()) {
  config.endpoint = emu.endpoint();
  return dis::DisClient::create(emu.huaweiCredentials(), std::move(config)).value();
}

kafka::KafkaClient kafkaClient(const Emulator& emu, kafka::KafkaClientConfig config = quick<kafka::KafkaClientConfig>()) {
  config.endpoint = emu.endpoint();
  return kafka::KafkaClient::create(emu.huaweiCredentials(), std::move(config)).value();
}

dis::CreateTransferTaskRequest disCreate(const std::string& name = "dlitask") {
  dis::DliDestinationDescriptor d = test::dliSample();
  d.setTaskName(name);
  return dis::CreateTransferTaskRequest("mystream", d);
}

milliseconds since(Steady::time_point start) { return std::chrono::duration_cast<milliseconds>(Steady::now() - start); }

}  // namespace

TEST_CASE("failNext: the next N requests get the status and code in the service's format, then normal",
          "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());

  SECTION("Tablestore: a protobuf Error body the client reads") {
    const auto client = tablestoreClient(emu);
    emu.failNext("CreateDeliveryTask", 2, 500, "OTSInternalServerError", "disk on fire");
    for (int i = 0; i < 2; ++i) {
      auto r = client.createDeliveryTask(test::javaSampleCreate());
      REQUIRE_FALSE(r);
      CHECK(r.error().httpStatus == 500);
      CHECK(r.error().code == "OTSInternalServerError");
      CHECK(r.error().message == "disk on fire");
      CHECK(r.error().requestId.size() == 36);
    }
    REQUIRE(client.createDeliveryTask(test::javaSampleCreate()));
    CHECK(emu.requests("CreateDeliveryTask") == 3);
    CHECK(emu.executions("CreateDeliveryTask") == 1);
    CHECK(emu.faults().empty());
  }
  SECTION("DIS: a JSON error_code/error_msg body") {
    const auto client = disClient(emu);
    emu.failNext("CreateTransferTask", 2, 503, "DIS.5000");
    for (int i = 0; i < 2; ++i) {
      auto r = client.createTransferTask(disCreate());
      REQUIRE_FALSE(r);
      CHECK(r.error().httpStatus == 503);
      CHECK(r.error().code == "DIS.5000");
      CHECK(r.error().message.find("injected fault") != std::string::npos);
    }
    REQUIRE(client.createTransferTask(disCreate()));
    CHECK(emu.executions("CreateTransferTask") == 1);
    CHECK(emu.requests("CreateTransferTask") == 3);
  }
  SECTION("only the named operation; * matches any") {
    const auto client = kafkaClient(emu);
    emu.failNext("CreateSinkTask", 1, 400, "DMS.00400000");
    REQUIRE(client.listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId())));
    emu.failNext(Emulator::kAnyOperation, 1, 404, "DMS.00404022");
    auto listed = client.listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId()));
    REQUIRE_FALSE(listed);
    CHECK(listed.error().code == "DMS.00404022");
    auto created = client.createSinkTask(test::kafkaSinkSample(emu.kafkaConnectorId()));
    REQUIRE_FALSE(created);
    CHECK(created.error().code == "DMS.00400000");
    REQUIRE(client.createSinkTask(test::kafkaSinkSample(emu.kafkaConnectorId())));
    CHECK(emu.executions("CreateSinkTask") == 1);
    CHECK(emu.executions("ListSinkTasks") == 1);
    CHECK(emu.requests("ListSinkTasks") == 2);
  }
}

TEST_CASE("throttleNext: the family's throttling answer with Retry-After; the SDK backs off and succeeds",
          "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());

  SECTION("Tablestore: 503 OTSServerBusy") {
    emu.throttleNext("ListDeliveryTask", 1, std::chrono::seconds(2));
    auto r = tablestoreClient(emu).listDeliveryTask(tablestore::ListDeliveryTaskRequest("sampleTable"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Throttled);
    CHECK(r.error().httpStatus == 503);
    CHECK(r.error().code == "OTSServerBusy");
    REQUIRE(r.error().retryAfter);
    CHECK(*r.error().retryAfter == std::chrono::seconds(2));
    CHECK(emu.executions("ListDeliveryTask") == 0);
  }
  SECTION("DIS: 429 DIS.4303") {
    emu.throttleNext("CreateTransferTask", 1, std::chrono::seconds(1));
    auto r = disClient(emu).createTransferTask(disCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Throttled);
    CHECK(r.error().httpStatus == 429);
    CHECK(r.error().code == "DIS.4303");
    CHECK(r.error().retryAfter == std::optional<milliseconds>(std::chrono::seconds(1)));
  }
  SECTION("Kafka: 429 DMS.10240407, retried by the SDK (the service executed nothing)") {
    emu.throttleNext("CreateSinkTask", 2);
    auto r = kafkaClient(emu, quick<kafka::KafkaClientConfig>(RetryPolicy{})).createSinkTask(
        test::kafkaSinkSample(emu.kafkaConnectorId()));
    REQUIRE(r);
    CHECK(emu.requests("CreateSinkTask") == 3);
    CHECK(emu.executions("CreateSinkTask") == 1);
    CHECK(emu.tasks("kafka").size() == 1);
  }
}

TEST_CASE("dropAfterExecuting: executed once, no answer; a create is not retried, a read is",
          "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());
  const RetryPolicy retries;  // the default policy: retries whatever is safe to retry

  SECTION("Tablestore create") {
    const auto client = tablestoreClient(emu, quick<tablestore::DeliveryClientConfig>(retries));
    emu.dropAfterExecuting("CreateDeliveryTask");
    auto created = client.createDeliveryTask(test::javaSampleCreate());
    REQUIRE_FALSE(created);
    CHECK(created.error().kind == ErrorKind::Network);
    CHECK(created.error().attempts == 1);
    CHECK(emu.requests("CreateDeliveryTask") == 1);
    CHECK(emu.executions("CreateDeliveryTask") == 1);
    // The task is there: what a caller finds when it checks after an unknown outcome.
    REQUIRE(client.describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
    REQUIRE(emu.tasks("tablestore").size() == 1);
    CHECK(emu.tasks("tablestore")[0].name == "sampledeliverytask");
  }
  SECTION("DIS create") {
    const auto client = disClient(emu, quick<dis::DisClientConfig>(retries));
    emu.dropAfterExecuting("CreateTransferTask");
    auto created = client.createTransferTask(disCreate());
    REQUIRE_FALSE(created);
    CHECK(created.error().kind == ErrorKind::Network);
    CHECK(emu.requests("CreateTransferTask") == 1);
    CHECK(emu.executions("CreateTransferTask") == 1);
    CHECK(client.showTransferTask(dis::ShowTransferTaskRequest("mystream", "dlitask")));
  }
  SECTION("Kafka: a list (idempotent) is retried and succeeds") {
    const auto client = kafkaClient(emu, quick<kafka::KafkaClientConfig>(retries));
    REQUIRE(client.createSinkTask(test::kafkaSinkSample(emu.kafkaConnectorId())));
    emu.dropAfterExecuting("ListSinkTasks");
    auto listed = client.listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId()));
    REQUIRE(listed);
    CHECK(listed->getTasks().size() == 1);
    CHECK(emu.requests("ListSinkTasks") == 2);
    CHECK(emu.executions("ListSinkTasks") == 2);
    emu.dropAfterExecuting("CreateSinkTask");
    auto second = client.createSinkTask(kafka::CreateSinkTaskRequest(emu.kafkaConnectorId(), "second",
                                                                     test::kafkaSinkSample().getObsDestinationDescriptor()));
    REQUIRE_FALSE(second);
    CHECK(second.error().kind == ErrorKind::Network);
    CHECK(emu.executions("CreateSinkTask") == 2);
    CHECK(emu.requests("CreateSinkTask") == 2);
  }
}

TEST_CASE("stallNext holds a request past the client's timeout, then handles it", "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());
  auto config = quick<tablestore::DeliveryClientConfig>();
  config.curl.requestTimeout = milliseconds(200);
  const auto client = tablestoreClient(emu, config);
  emu.stallNext("ListDeliveryTask", milliseconds(1500));
  const auto start = Steady::now();
  auto r = client.listDeliveryTask(tablestore::ListDeliveryTaskRequest("sampleTable"));
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::Timeout);
  CHECK(since(start) < milliseconds(1200));  // the client's timeout, not the stall, ended the call
  CHECK(emu.executions("ListDeliveryTask") == 0);
  // The next one is not stalled; the stalled one executes once its stall is over.
  REQUIRE(client.listDeliveryTask(tablestore::ListDeliveryTaskRequest("sampleTable")));
  for (int i = 0; i < 500 && emu.executions("ListDeliveryTask") < 2; ++i) std::this_thread::sleep_for(milliseconds(10));
  CHECK(emu.executions("ListDeliveryTask") == 2);
}

TEST_CASE("stop() is prompt while a request is stalled; that request is dropped unexecuted", "[integration][faults]") {
  auto emu = std::make_unique<Emulator>();
  REQUIRE(emu->start());
  const auto client = disClient(*emu);
  emu->stallNext("CreateTransferTask", std::chrono::seconds(30));
  auto pending = std::async(std::launch::async, [&] { return client.createTransferTask(disCreate()); });
  for (int i = 0; i < 200 && emu->requests("CreateTransferTask") == 0; ++i) std::this_thread::sleep_for(milliseconds(5));
  REQUIRE(emu->requests("CreateTransferTask") == 1);
  const auto start = Steady::now();
  emu->stop();
  CHECK(since(start) < milliseconds(3000));  // not the 30 s of the stall (typically a few ms)
  auto r = pending.get();
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::Network);
  CHECK(emu->executions("CreateTransferTask") == 0);
  CHECK(emu->tasks().empty());
  emu.reset();  // the destructor after stop() is a no-op
}

TEST_CASE("addLatency delays matching requests; counts reset", "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());
  const auto client = kafkaClient(emu);
  emu.addLatency("ListSinkTasks", milliseconds(150), 2);
  for (int i = 0; i < 2; ++i) {
    const auto start = Steady::now();
    REQUIRE(client.listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId())));
    CHECK(since(start) >= milliseconds(150));
  }
  CHECK(emu.faults().empty());  // used up
  REQUIRE(client.listSinkTasks(kafka::ListSinkTasksRequest(emu.kafkaConnectorId())));
  emu.addLatency(Emulator::kAnyOperation, milliseconds(100));
  CHECK(emu.faults() == std::vector<std::string>{"*:latency:100ms:every"});
  emu.clearFaults();
  CHECK(emu.faults().empty());
  CHECK(emu.counts().at("ListSinkTasks").requests == 3);
  emu.resetCounts();
  CHECK(emu.counts().empty());
  CHECK(emu.executions("ListSinkTasks") == 0);
}

TEST_CASE("credentials are configurable and the clients built from the getters authenticate", "[integration][faults]") {
  testing::EmulatorOptions options;
  options.tablestore = Credentials("my-id", "my-secret", "my-sts-token");
  options.huaweiAccessKey = "my-ak";
  options.huaweiSecretKey = "my-sk";
  options.huaweiProjectId = "my-project";
  options.huaweiIamToken = "my-token";
  Emulator emu(options);
  REQUIRE(emu.start());
  CHECK(emu.endpoint() == "http://127.0.0.1:" + std::to_string(emu.port()));
  CHECK(emu.tablestoreCredentials().securityToken == "my-sts-token");
  CHECK(tablestoreClient(emu).listDeliveryTask(tablestore::ListDeliveryTaskRequest("t")));
  CHECK(disClient(emu).listTransferTasks(dis::ListTransferTasksRequest("s")));
  CHECK(emu.huaweiTokenCredentials().authToken == "my-token");
  auto config = quick<kafka::KafkaClientConfig>();
  config.endpoint = emu.endpoint();
  CHECK(kafka::KafkaClient::create(emu.huaweiTokenCredentials(), config)->listSinkTasks(
      kafka::ListSinkTasksRequest(emu.kafkaConnectorId())));
  // The defaults no longer pass.
  auto wrong = tablestore::DeliveryClient::create(emu.endpoint(), "emulator", Credentials("emulator-access-key-id", "emulator-access-key-secret"),
                                                  quick<tablestore::DeliveryClientConfig>())
                   ->listDeliveryTask(tablestore::ListDeliveryTaskRequest("t"));
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == "OTSAuthFailed");
  CHECK(emu.executions("ListDeliveryTask") == 1);
  CHECK(emu.requests("ListDeliveryTask") == 2);
}

TEST_CASE("seed: an unknown family is refused", "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());
  auto seeded = emu.seed(testing::EmulatorTask{"nosuch", "s", "n", "", "", 0, "{}"});
  REQUIRE_FALSE(seeded);
  CHECK(seeded.error().kind == ErrorKind::InvalidArgument);
}

TEST_CASE("seed and inspect tasks of every family; the SDK's clients then see them", "[integration][faults]") {
  Emulator emu;
  REQUIRE(emu.start());
  // Tablestore: the config with the vendor schema's field names.
  const std::string config =
      R"({"ossPrefix":"x/$yyyy","ossBucket":"bucket-1","ossEndpoint":"oss-cn-hangzhou.aliyuncs.com",)"
      R"("ossStsRole":"acs:ram::123456789:role/delivery","format":"Parquet","schema":[{"columnName":"c",)"
      R"("ossColumnName":"c","type":"UTF8","encode":"PLAIN"}]})";
  REQUIRE(emu.seed(testing::EmulatorTask{"tablestore", "orders", "seeded-task", "", "", 0,
                                         R"({"taskConfig":)" + config + R"(,"taskType":"BASE_INC"})"}));
  auto described = tablestoreClient(emu).describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("orders", "seeded-task"));
  REQUIRE(described);
  CHECK(described->getTaskConfig().getOssBucket() == "bucket-1");
  CHECK(described->getTaskConfig().getParquetSchemaList().at(0).getType() == tablestore::DataType::UTF8);
  // DIS: the create body as the service takes it.
  auto disSeeded = emu.seed(testing::EmulatorTask{"dis", "mystream", "dlitask", "", "", 0,
                                                  R"({"destination_type":"DLI","dli_destination_descriptor":{"task_name":"dlitask",)"
                                                  R"("agency_name":"dis_admin_agency","dli_database_name":"db","dli_table_name":"t",)"
                                                  R"("obs_bucket_path":"bucket","deliver_time_interval":300}})"});
  INFO((disSeeded ? std::string() : disSeeded.error().toString()));
  REQUIRE(disSeeded);
  auto listed = disClient(emu).listTransferTasks(dis::ListTransferTasksRequest("mystream"));
  REQUIRE(listed);
  REQUIRE(listed->getTasks().size() == 1);
  CHECK(listed->getTasks()[0].getTaskName() == "dlitask");
  // A seeded task is checked as a create: a misspelled key is refused, naming it.
  auto misspelled = emu.seed(testing::EmulatorTask{"dis", "mystream", "x", "", "", 0,
                                                   R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"x",)"
                                                   R"("obs_bucket_pth":"b"}})"});
  REQUIRE_FALSE(misspelled);
  CHECK(misspelled.error().message.find("obs_bucket_pth") != std::string::npos);
  // Kafka, on the emulator's connector; its AK/SK are not kept.
  const auto sink = kafka::CreateSinkTaskRequest(emu.kafkaConnectorId(), "sink-1",
                                                 test::kafkaObsSinkSeed(emu.kafkaConnectorId()).getObsDestinationDescriptor());
  REQUIRE(kafkaClient(emu).createSinkTask(sink));
  auto kafkaTasks = emu.tasks("kafka");
  REQUIRE(kafkaTasks.size() == 1);
  CHECK(kafkaTasks[0].scope == emu.kafkaConnectorId());
  CHECK(kafkaTasks[0].json.find("obs_bucket_name") != std::string::npos);
  CHECK(kafkaTasks[0].json.find("secret_key") == std::string::npos);
  CHECK(emu.tasks().size() == 3);
  CHECK(emu.tasks("tablestore").at(0).json.find("bucket-1") != std::string::npos);
}

TEST_CASE("fault text form: parse, format, reject", "[integration][faults]") {
  using delivery::emulator::Fault;
  using delivery::emulator::FaultKind;
  using delivery::emulator::parseFault;

  auto fail = parseFault("CreateTransferTask:fail:2:503:DIS.5000:busy: try later");
  REQUIRE(fail);
  CHECK(fail->operation == "CreateTransferTask");
  CHECK(fail->kind == FaultKind::Fail);
  CHECK(fail->count == 2);
  CHECK(fail->status == 503);
  CHECK(fail->code == "DIS.5000");
  CHECK(fail->message == "busy: try later");

  auto drop = parseFault("CreateSinkTask:drop-after-execute");
  REQUIRE(drop);
  CHECK(drop->kind == FaultKind::DropAfterExecute);
  CHECK(drop->count == 1);

  auto latency = parseFault("*:latency:200ms");
  REQUIRE(latency);
  CHECK(latency->operation == "*");
  CHECK(latency->duration == milliseconds(200));
  CHECK(latency->count == Fault::kEvery);

  auto stall = parseFault("ListDeliveryTask:stall:2s:3");
  REQUIRE(stall);
  CHECK(stall->duration == std::chrono::seconds(2));
  CHECK(stall->count == 3);

  auto throttle = parseFault("CreateDeliveryTask:throttle:every:5");
  REQUIRE(throttle);
  CHECK(throttle->count == Fault::kEvery);
  CHECK(throttle->retryAfter == std::chrono::seconds(5));

  for (const char* spec : {"CreateTransferTask:fail:2:503:DIS.5000:m", "CreateSinkTask:drop-after-execute:1", "*:latency:200ms:every",
                           "X:stall:2000ms:3", "X:throttle:1:0"}) {
    auto f = parseFault(spec);
    REQUIRE(f);
    CHECK(delivery::emulator::format(*f) == spec);
  }
  for (const char* bad : {"", "CreateSinkTask", ":fail:1:500:X", "X:explode", "X:fail:1:500", "X:fail:0:500:C", "X:fail:1:99:C",
                          "X:fail:x:500:C", "X:latency", "X:latency:fast", "X:latency:2h", "X:drop-after-execute:1:2",
                          "X:throttle:1:2:3", "Bad/Op:fail:1:500:C", "X:stall:-1s"}) {
    INFO(bad);
    auto f = parseFault(bad);
    REQUIRE_FALSE(f);
    CHECK(f.error().kind == ErrorKind::InvalidArgument);
  }
}

TEST_CASE("admin endpoint: faults, executions and tasks over HTTP", "[integration][faults]") {
  auto options = test::emulatorOptions();
  options.faults.push_back(delivery::emulator::parseFault("ListTransferTasks:fail:1:500:DIS.5000").value());
  delivery::emulator::Emulator emu(options);
  REQUIRE(emu.start());
  httplib::Client admin("127.0.0.1", emu.port());
  auto dis = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"),
                                    [&] {
                                      auto c = quick<dis::DisClientConfig>();
                                      c.endpoint = emu.endpoint();
                                      return c;
                                    }())
                 .value();

  auto listed = admin.Get("/__emulator/faults");
  REQUIRE(listed);
  CHECK(listed->status == 200);
  CHECK(listed->body == "{\"faults\":[\"ListTransferTasks:fail:1:500:DIS.5000\"]}\n");  // from the options
  CHECK(dis.listTransferTasks(dis::ListTransferTasksRequest("s")).error().code == "DIS.5000");

  auto added = admin.Post("/__emulator/faults", R"({"operation":"CreateTransferTask","kind":"drop-after-execute"})", "application/json");
  REQUIRE(added);
  CHECK(added->status == 200);
  CHECK(added->body == "{\"faults\":[\"CreateTransferTask:drop-after-execute:1\"]}\n");
  added = admin.Post("/__emulator/faults", R"(["ShowTransferTask:fail:1:404:DIS.4354", {"kind":"latency","duration_ms":1,"count":1}])",
                     "application/json");
  REQUIRE(added);
  CHECK(added->status == 200);
  CHECK(added->body.find("\"*:latency:1ms:1\"") != std::string::npos);
  added = admin.Post("/__emulator/faults", R"({"spec":"ShowTransferTask:throttle:1:3"})", "application/json");
  REQUIRE(added);
  CHECK(added->status == 200);

  for (const char* bad : {R"({"kind":"fail"})", R"({"kind":"nope"})", R"({"spec":"X"})", R"({"kind":"stall","duration_ms":5,"colour":1})",
                          R"({"kind":"throttle","status":"abc"})", R"({"kind":"throttle","status":99})",
                          R"({"kind":"fail","status":500,"code":"A:B"})", "not json", "[1]"}) {
    INFO(bad);
    auto r = admin.Post("/__emulator/faults", bad, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(r->body.find("\"error\"") != std::string::npos);
  }

  CHECK(dis.createTransferTask(disCreate()).error().kind == ErrorKind::Network);
  CHECK(dis.showTransferTask(dis::ShowTransferTaskRequest("mystream", "dlitask")).error().code == "DIS.4354");
  auto throttled = dis.showTransferTask(dis::ShowTransferTaskRequest("mystream", "dlitask"));
  CHECK(throttled.error().code == "DIS.4303");
  CHECK(throttled.error().retryAfter == std::optional<milliseconds>(std::chrono::seconds(3)));
  CHECK(dis.showTransferTask(dis::ShowTransferTaskRequest("mystream", "dlitask")));

  auto counts = admin.Get("/__emulator/executions");
  REQUIRE(counts);
  CHECK(counts->body ==
        "{\"executions\":{\"CreateTransferTask\":1,\"ListTransferTasks\":0,\"ShowTransferTask\":1},"
        "\"requests\":{\"CreateTransferTask\":1,\"ListTransferTasks\":1,\"ShowTransferTask\":3}}\n");
  auto tasks = admin.Get("/__emulator/tasks");
  REQUIRE(tasks);
  CHECK(tasks->status == 200);
  CHECK(tasks->body.find("\"family\":\"dis\",\"scope\":\"mystream\",\"name\":\"dlitask\"") != std::string::npos);
  CHECK(tasks->body.find("\"task\":{") != std::string::npos);

  REQUIRE(admin.Post("/__emulator/faults", R"({"spec":"*:fail:every:500:X"})", "application/json"));
  auto cleared = admin.Delete("/__emulator/faults");
  REQUIRE(cleared);
  CHECK(cleared->body == "{\"faults\":[]}\n");
  CHECK(emu.faults().empty());
  auto reset = admin.Delete("/__emulator/executions");
  REQUIRE(reset);
  CHECK(reset->body == "{\"executions\":{},\"requests\":{}}\n");
  CHECK(emu.counts().empty());

  auto unknown = admin.Get("/__emulator/nothing");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  auto seeded = admin.Post("/__emulator/tasks", R"({"family":"nosuch","name":"x","task":{}})", "application/json");
  REQUIRE(seeded);
  CHECK(seeded->status == 400);
}

TEST_CASE("admin endpoint can be turned off", "[integration][faults]") {
  auto options = test::emulatorOptions();
  options.adminEndpoint = false;
  delivery::emulator::Emulator emu(options);
  REQUIRE(emu.start());
  httplib::Client admin("127.0.0.1", emu.port());
  auto r = admin.Get("/__emulator/faults");
  REQUIRE(r);
  CHECK(r->status != 200);  // handled as a Tablestore action: an error of the service
}
