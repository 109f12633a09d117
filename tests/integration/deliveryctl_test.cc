// deliveryctl against the in-process emulator: every command, bad spec files that send nothing,
// apply twice, apply under a dropped create answer, dry runs, the delete prompt and --help.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "ctl.h"
#include "spec.h"
#include "delivery/kafka/client.h"
#include "delivery/kafka/json.h"
#include "delivery/testing/emulator.h"

namespace kafka = delivery::kafka;

namespace {

std::string examplesSpec() { return std::string(DELIVERYCTL_EXAMPLES_DIR) + "/specs/delivery-tasks.json"; }

struct Run {
  int rc = -1;
  std::string out;
  std::string err;
};

Run ctl(delivery::testing::Emulator& emulator, std::vector<std::string> args, const std::string& input = "") {
  std::ostringstream out, err;
  std::istringstream in(input);
  deliveryctl::Io io{out, err, in, false};
  args.insert(args.begin(), "--emulator");
  Run r;
  r.rc = deliveryctl::run(args, io, &emulator);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::uint64_t allRequests(const delivery::testing::Emulator& emulator) {
  std::uint64_t n = 0;
  for (const auto& [op, c] : emulator.counts()) n += c.requests;
  return n;
}

std::uint64_t allExecutions(const delivery::testing::Emulator& emulator, const std::vector<std::string>& ops) {
  std::uint64_t n = 0;
  for (const auto& op : ops) n += emulator.executions(op);
  return n;
}

const std::vector<std::string> kChanges = {"CreateDeliveryTask", "UpdateDeliveryTask", "DeleteDeliveryTask",
                                           "CreateTransferTask", "UpdateTransferTask", "DeleteTransferTask",
                                           "CreateSinkTask",     "DeleteSinkTask",     "CreateConnectorTask",
                                           "DeleteConnectorTask"};

// A temporary spec file, removed at the end of the test.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& text, const std::string& name = "spec") {
    path = "deliveryctl-test-" + name + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".json";
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Started {
  delivery::testing::Emulator emulator;
  explicit Started(delivery::testing::EmulatorOptions o = {}) : emulator(std::move(o)) {
    REQUIRE(emulator.start());
  }
};

}  // namespace

TEST_CASE("deliveryctl validate: the README spec file of the five seed examples is valid") {
  Started s;
  auto r = ctl(s.emulator, {"validate", examplesSpec()});
  INFO(r.err);
  CHECK(r.rc == deliveryctl::kOk);
  CHECK(r.out.find("5 tasks, valid") != std::string::npos);
  CHECK(allRequests(s.emulator) == 0);
}

TEST_CASE("deliveryctl: bad spec files name every problem with file, line and path, and send nothing") {
  Started s;
  struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> expected;
  };
  const std::vector<Case> cases = {
      {"unknown key",
       "{\"tasks\": [\n {\"family\": \"kafka\", \"spec\": {\"connector_id\": \"c\",\n  \"task_nam\": \"x\"}}]}",
       {":3: tasks[0].spec.task_nam: is not a known field"}},
      {"wrong type",
       "{\"tasks\": [{\"family\": \"dis\", \"spec\": {\"stream_name\": \"s\",\n"
       " \"dli_destination_descriptor\": {\"task_name\": \"t\", \"deliver_time_interval\": \"300s\"}}}]}",
       {":2: tasks[0].spec.dli_destination_descriptor.deliver_time_interval: must be an integer"}},
      {"invalid value",
       "{\"tasks\": [{\"family\": \"kafka\", \"spec\": {\"connector_id\": \"c\", \"task_name\": \"t\",\n"
       " \"obs_destination_descriptor\": {\"topics\": \"a\", \"access_key\": \"k\", \"secret_key\": \"s\",\n"
       " \"obs_bucket_name\": \"b\",\n \"deliver_time_interval\": 5}}}]}",
       {":4: tasks[0].spec.obs_destination_descriptor.deliver_time_interval:"}},
      {"unknown family and top-level key", "{\"tasks\": [{\"family\": \"s3\", \"spec\": {}}],\n \"version\": 1}",
       {":1: tasks[0].family: must be one of", ":2: version: is not a known field"}},
      {"bad JSON", "{\"tasks\": [\n{\"family\": \"dis\",,}]}", {":2: not valid JSON"}},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      TempFile file(c.text);
      for (const char* command : {"validate", "plan", "apply"}) {
        auto r = ctl(s.emulator, {command, file.path});
        INFO(command << ": " << r.err);
        CHECK(r.rc == deliveryctl::kInvalidSpec);
        for (const auto& e : c.expected) CHECK(r.err.find(file.path + (e[0] == ':' ? "" : ": ") + e) != std::string::npos);
        CHECK(r.err.find("nothing was sent") != std::string::npos);
      }
      CHECK(allRequests(s.emulator) == 0);
    }
  }
  SECTION("the same task twice") {
    std::string spec = readFile(examplesSpec());
    const auto start = spec.find("    {\n      \"family\": \"kafka\"");
    const auto end = spec.find("    {\n      \"family\": \"smartconnect\"");
    REQUIRE(start != std::string::npos);
    spec.insert(end, spec.substr(start, end - start));
    TempFile file(spec);
    auto r = ctl(s.emulator, {"apply", file.path});
    CHECK(r.rc == deliveryctl::kInvalidSpec);
    CHECK(r.err.find("tasks[4]: is the same task as tasks[3] (kafka/emulator-connector/obs-sink-task)") != std::string::npos);
    CHECK(allRequests(s.emulator) == 0);
  }
  SECTION("a huge file") {
    TempFile file("{\"tasks\": [" + std::string(deliveryctl::kMaxSpecBytes, ' ') + "]}");
    auto r = ctl(s.emulator, {"apply", file.path});
    CHECK(r.rc == deliveryctl::kInvalidSpec);
    CHECK(r.err.find("more than the limit") != std::string::npos);
    CHECK(allRequests(s.emulator) == 0);
  }
}

TEST_CASE("deliveryctl plan / apply / apply again: the second apply changes nothing") {
  Started s;
  auto plan = ctl(s.emulator, {"plan", examplesSpec()});
  INFO(plan.err);
  CHECK(plan.rc == deliveryctl::kPlanChanges);
  CHECK(plan.out.find("create") != std::string::npos);

  auto first = ctl(s.emulator, {"apply", examplesSpec()});
  INFO(first.err);
  REQUIRE(first.rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("CreateDeliveryTask") == 1);
  CHECK(s.emulator.executions("CreateTransferTask") == 2);
  CHECK(s.emulator.executions("CreateSinkTask") == 1);
  CHECK(s.emulator.executions("CreateConnectorTask") == 1);
  const auto changesAfterFirst = allExecutions(s.emulator, kChanges);
  CHECK(changesAfterFirst == 5);

  auto second = ctl(s.emulator, {"apply", examplesSpec()});
  INFO(second.out << second.err);
  CHECK(second.rc == deliveryctl::kOk);
  CHECK(allExecutions(s.emulator, kChanges) == changesAfterFirst);
  std::size_t unchanged = 0;
  for (std::size_t at = second.out.find(": unchanged"); at != std::string::npos; at = second.out.find(": unchanged", at + 1)) ++unchanged;
  CHECK(unchanged == 5);

  auto again = ctl(s.emulator, {"--output", "json", "plan", examplesSpec()});
  CHECK(again.rc == deliveryctl::kOk);
  CHECK(again.out.find("\"action\":\"create\"") == std::string::npos);
  CHECK(again.out.find("\"action\":\"unchanged\"") != std::string::npos);
}

TEST_CASE("deliveryctl apply: a create whose answer is dropped after it executed is not sent twice") {
  Started s;
  s.emulator.dropAfterExecuting("CreateTransferTask", 1);
  s.emulator.dropAfterExecuting("CreateDeliveryTask", 1);
  s.emulator.dropAfterExecuting("CreateSinkTask", 1);
  s.emulator.dropAfterExecuting("CreateConnectorTask", 1);
  auto r = ctl(s.emulator, {"apply", examplesSpec()});
  INFO(r.out << r.err);
  CHECK(r.rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("CreateTransferTask") == 2);  // two DIS tasks, each once
  CHECK(s.emulator.executions("CreateDeliveryTask") == 1);
  CHECK(s.emulator.executions("CreateSinkTask") == 1);
  CHECK(s.emulator.executions("CreateConnectorTask") == 1);
  CHECK(s.emulator.tasks("dis").size() == 2);
  CHECK(s.emulator.tasks("kafka").size() == 1);
}

TEST_CASE("deliveryctl apply --dry-run prints the signed requests with secrets redacted and changes nothing") {
  Started s;
  auto r = ctl(s.emulator, {"apply", "--dry-run", examplesSpec()});
  INFO(r.err);
  CHECK(r.rc == deliveryctl::kOk);
  CHECK(allExecutions(s.emulator, kChanges) == 0);
  CHECK(r.out.find("--- would send:\nPOST " + s.emulator.endpoint() + "/v2/emulator-project/streams/dis-stream/transfer-tasks") !=
        std::string::npos);
  CHECK(r.out.find("POST " + s.emulator.endpoint() + "/CreateDeliveryTask") != std::string::npos);
  CHECK(r.out.find("Authorization: <redacted>") != std::string::npos);
  CHECK(r.out.find("\"user_password\":\"<redacted>\"") != std::string::npos);
  CHECK(r.out.find("\"secret_key\":\"<redacted>\"") != std::string::npos);
  CHECK(r.out.find("userpassword") == std::string::npos);
  CHECK(r.out.find("obs-secret-key") == std::string::npos);
  CHECK(r.out.find("emulator-sk") == std::string::npos);
  CHECK(r.out.find("would create") != std::string::npos);
}

TEST_CASE("deliveryctl get, list, start/stop, pause/resume and delete") {
  Started s;
  REQUIRE(ctl(s.emulator, {"apply", examplesSpec()}).rc == deliveryctl::kOk);

  auto get = ctl(s.emulator, {"get", "dis", "dis-stream", "dwstask"});
  CHECK(get.rc == deliveryctl::kOk);
  CHECK(get.out.find("RUNNING") != std::string::npos);
  auto getJson = ctl(s.emulator, {"-o", "json", "get", "dis", "dis-stream", "dwstask"});
  CHECK(getJson.out.find("\"dws_destination_descriptor\"") != std::string::npos);
  CHECK(getJson.out.find("userpassword") == std::string::npos);
  CHECK(ctl(s.emulator, {"get", "dis", "dis-stream", "nosuchtask"}).rc == deliveryctl::kError);
  CHECK(ctl(s.emulator, {"get", "s3", "a", "b"}).rc == deliveryctl::kUsage);

  auto list = ctl(s.emulator, {"list", "dis", "dis-stream"});
  CHECK(list.out.find("dlitask") != std::string::npos);
  CHECK(list.out.find("dwstask") != std::string::npos);
  CHECK(ctl(s.emulator, {"list", "tablestore", "sampleTable", "--instance", "myinstance"}).out.find("sampledeliverytask") !=
        std::string::npos);
  CHECK(ctl(s.emulator, {"list", "kafka", "emulator-connector"}).out.find("obs-sink-task") != std::string::npos);
  CHECK(ctl(s.emulator, {"-o", "json", "list", "smartconnect", "kafka-instance-1"}).out.find("\"smart-connect-1\"") !=
        std::string::npos);

  CHECK(ctl(s.emulator, {"stop", "dis-stream", "dlitask"}).rc == deliveryctl::kOk);
  CHECK(ctl(s.emulator, {"get", "dis", "dis-stream", "dlitask"}).out.find("PAUSED") != std::string::npos);
  CHECK(ctl(s.emulator, {"start", "dis-stream", "dlitask"}).rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("BatchTransferTaskAction") == 2);

  CHECK(ctl(s.emulator, {"pause", "kafka-instance-1", "smart-connect-1"}).rc == deliveryctl::kOk);
  CHECK(ctl(s.emulator, {"get", "smartconnect", "kafka-instance-1", "smart-connect-1"}).out.find("PAUSED") != std::string::npos);
  CHECK(ctl(s.emulator, {"resume", "kafka-instance-1", "smart-connect-1"}).rc == deliveryctl::kOk);
  CHECK(ctl(s.emulator, {"get", "smartconnect", "kafka-instance-1", "smart-connect-1"}).out.find("RUNNING") != std::string::npos);

  // delete: refused at the prompt, then a dry run, then confirmed.
  auto refused = ctl(s.emulator, {"delete", "dis", "dis-stream", "dlitask"}, "no\n");
  CHECK(refused.rc == deliveryctl::kNotConfirmed);
  CHECK(refused.out.find("Delete dis/dis-stream/dlitask?") != std::string::npos);
  auto dry = ctl(s.emulator, {"delete", "--dry-run", "dis", "dis-stream", "dlitask"});
  CHECK(dry.out.find("DELETE " + s.emulator.endpoint() + "/v2/emulator-project/streams/dis-stream/transfer-tasks/dlitask") !=
        std::string::npos);
  CHECK(s.emulator.executions("DeleteTransferTask") == 0);
  CHECK(ctl(s.emulator, {"delete", "dis", "dis-stream", "dlitask"}, "yes\n").rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("DeleteTransferTask") == 1);

  auto all = ctl(s.emulator, {"delete", "--yes", "-f", examplesSpec()});
  INFO(all.err);
  CHECK(all.rc == deliveryctl::kOk);
  CHECK(all.out.find("dis/dis-stream/dlitask: does not exist") != std::string::npos);
  CHECK(s.emulator.tasks().empty());
  CHECK(s.emulator.executions("DeleteConnectorTask") == 1);
}

TEST_CASE("deliveryctl list dis: every task, also from a service that pages without being asked") {
  // 12 tasks; with a page of 10 by default, one list call would show only t01..t10.
  const std::size_t page = GENERATE(std::size_t{0}, std::size_t{10});
  INFO("page without limit: " << page);
  delivery::testing::EmulatorOptions o;
  o.disListPageWithoutLimit = page;
  Started s(o);
  for (int i = 1; i <= 12; ++i) {
    const std::string name = (i < 10 ? "t0" : "t") + std::to_string(i);
    delivery::testing::EmulatorTask t;
    t.family = "dis";
    t.scope = "pg-stream";
    t.name = name;
    t.json = R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":")" + name +
             R"(","agency_name":"dis_admin_agency","deliver_time_interval":30,"obs_bucket_path":"obsbucket"}})";
    REQUIRE(s.emulator.seed(t));
  }
  auto table = ctl(s.emulator, {"list", "dis", "pg-stream"});
  REQUIRE(table.rc == deliveryctl::kOk);
  auto json = ctl(s.emulator, {"-o", "json", "list", "dis", "pg-stream"});
  REQUIRE(json.rc == deliveryctl::kOk);
  for (const char* name : {"t01", "t10", "t11", "t12"}) {
    INFO(name);
    CHECK(table.out.find(name) != std::string::npos);
    CHECK(json.out.find(std::string("\"task_name\": \"") + name + "\"") != std::string::npos);
  }
  std::size_t named = 0;
  for (auto at = json.out.find("\"task_name\""); at != std::string::npos; at = json.out.find("\"task_name\"", at + 1)) ++named;
  CHECK(named == 12);
  CHECK(json.out.find("\"total_number\": 12") != std::string::npos);
}

TEST_CASE("deliveryctl list smartconnect: every task, past the 50 of one page") {
  // 57 tasks: one list call of the largest page (50) would show sc-task-01..sc-task-50 at most.
  Started s;
  kafka::KafkaClientConfig config;
  config.endpoint = s.emulator.endpoint();
  auto client = kafka::KafkaClient::create(s.emulator.huaweiCredentials(), config).value();
  REQUIRE(client.createConnector(kafka::CreateConnectorRequest("sc-instance")));
  const int count = kafka::kMaxConnectorTasksLimit + 7;
  std::vector<std::string> names;
  for (int i = 1; i <= count; ++i) {
    names.push_back((i < 10 ? "sc-task-0" : "sc-task-") + std::to_string(i));
    kafka::SmartConnectTaskReqSinkConfig sink;
    sink.setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("bucket").setObsPath("dump")
        .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD).setRecordDelimiter(kafka::SmartConnectRecordDelimiter::NEWLINE);
    auto create = kafka::CreateConnectorTaskRequest::obsSink("sc-instance", sink);
    create.setTaskName(names.back()).setTopics("topic-a");
    REQUIRE(client.createConnectorTask(create));
  }
  s.emulator.resetCounts();
  auto table = ctl(s.emulator, {"list", "smartconnect", "sc-instance"});
  REQUIRE(table.rc == deliveryctl::kOk);
  CHECK(table.err.empty());
  auto json = ctl(s.emulator, {"-o", "json", "list", "smartconnect", "sc-instance"});
  REQUIRE(json.rc == deliveryctl::kOk);
  // Each command: the first page, then the walk (two pages), and no more.
  CHECK(s.emulator.executions("ListConnectorTasks") == 6);
  for (const auto& name : names) {
    INFO(name);
    CHECK(table.out.find(name) != std::string::npos);
    CHECK(json.out.find("\"task_name\": \"" + name + "\"") != std::string::npos);
  }
  // toJson's layout: the first page's answer with every task in "tasks" and their number in
  // "total_number"; the first 50 tasks exactly as the one-page answer writes them.
  auto firstPage = client.listConnectorTasks(kafka::ListConnectorTasksRequest("sc-instance").setLimit(kafka::kMaxConnectorTasksLimit));
  REQUIRE(firstPage);
  rapidjson::Document one, all;
  const std::string oneText = kafka::toJson(*firstPage);
  one.Parse(oneText.data(), oneText.size());
  all.Parse(json.out.data(), json.out.size());
  REQUIRE_FALSE(all.HasParseError());
  REQUIRE(all.IsObject());
  std::vector<std::string> keysOne, keysAll;
  for (auto m = one.MemberBegin(); m != one.MemberEnd(); ++m) keysOne.push_back(m->name.GetString());
  for (auto m = all.MemberBegin(); m != all.MemberEnd(); ++m) keysAll.push_back(m->name.GetString());
  CHECK(keysAll == keysOne);
  REQUIRE(all["tasks"].IsArray());
  CHECK(all["tasks"].Size() == static_cast<rapidjson::SizeType>(count));
  CHECK(all["total_number"] == count);
  CHECK(all["max_tasks"] == one["max_tasks"]);
  CHECK(all["quota_tasks"] == one["quota_tasks"]);
  for (rapidjson::SizeType i = 0; i < one["tasks"].Size(); ++i) CHECK(all["tasks"][i] == one["tasks"][i]);
  std::set<std::string> listed;
  for (const auto& t : all["tasks"].GetArray()) listed.insert(t["task_name"].GetString());
  CHECK(listed == std::set<std::string>(names.begin(), names.end()));
}

TEST_CASE("deliveryctl: a task that cannot be updated in place is replaced only with --allow-replace") {
  Started s;
  REQUIRE(ctl(s.emulator, {"apply", examplesSpec()}).rc == deliveryctl::kOk);
  std::string spec = readFile(examplesSpec());
  const auto at = spec.find("\"deliver_time_interval\": 300\n        }\n      }\n    },\n    {\n      \"family\": \"smartconnect\"");
  REQUIRE(at != std::string::npos);
  spec.replace(at, std::string("\"deliver_time_interval\": 300").size(), "\"deliver_time_interval\": 600");
  TempFile file(spec);

  auto plan = ctl(s.emulator, {"plan", file.path});
  CHECK(plan.rc == deliveryctl::kNeedsReplace);
  CHECK(plan.out.find("replace") != std::string::npos);
  CHECK(ctl(s.emulator, {"plan", "--allow-replace", file.path}).rc == deliveryctl::kPlanChanges);
  auto refused = ctl(s.emulator, {"apply", file.path});
  CHECK(refused.rc == deliveryctl::kNeedsReplace);
  CHECK(s.emulator.executions("DeleteSinkTask") == 0);
  auto replaced = ctl(s.emulator, {"apply", "--allow-replace", file.path});
  INFO(replaced.err);
  CHECK(replaced.rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("DeleteSinkTask") == 1);
  CHECK(s.emulator.executions("CreateSinkTask") == 2);
  CHECK(ctl(s.emulator, {"plan", file.path}).rc == deliveryctl::kOk);

  // The sink task's topics are compared too (the show answer has them beside the descriptor).
  std::string topics = spec;
  topics.replace(topics.find("\"topics\": \"topic-test\""), std::string("\"topics\": \"topic-test\"").size(),
                 "\"topics\": \"topic-other\"");
  TempFile topicsFile(topics, "topics");
  auto topicsPlan = ctl(s.emulator, {"plan", "--allow-replace", topicsFile.path});
  CHECK(topicsPlan.rc == deliveryctl::kPlanChanges);
  CHECK(topicsPlan.out.find("obs_destination_descriptor.topics") != std::string::npos);

  // A DIS change is an update in place.
  std::string dis = spec;
  dis.replace(dis.find("\"dli_table_name\": \"dis_table\""), std::string("\"dli_table_name\": \"dis_table\"").size(),
              "\"dli_table_name\": \"other_table\"");
  TempFile disFile(dis, "dis");
  auto update = ctl(s.emulator, {"apply", disFile.path});
  INFO(update.err);
  CHECK(update.rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("UpdateTransferTask") == 1);
  CHECK(update.out.find("dis/dis-stream/dlitask: updated") != std::string::npos);
  CHECK(ctl(s.emulator, {"plan", disFile.path}).rc == deliveryctl::kOk);

  // Tablestore: a config change is an update in place, a task type change a replace.
  std::string ots = dis;
  ots.replace(ots.find("\"ossBucket\": \"datadeliverytest\""), std::string("\"ossBucket\": \"datadeliverytest\"").size(),
              "\"ossBucket\": \"otherbucket\"");
  TempFile otsFile(ots, "ots");
  auto otsPlan = ctl(s.emulator, {"plan", otsFile.path});
  CHECK(otsPlan.rc == deliveryctl::kPlanChanges);
  CHECK(otsPlan.out.find("taskConfig.ossBucket") != std::string::npos);
  auto otsUpdate = ctl(s.emulator, {"apply", otsFile.path});
  INFO(otsUpdate.err);
  CHECK(otsUpdate.rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("UpdateDeliveryTask") == 1);
  CHECK(ctl(s.emulator, {"plan", otsFile.path}).rc == deliveryctl::kOk);
  ots.replace(ots.find("\"BASE_INC\""), std::string("\"BASE_INC\"").size(), "\"INC\"");
  TempFile typeFile(ots, "type");
  CHECK(ctl(s.emulator, {"plan", typeFile.path}).rc == deliveryctl::kNeedsReplace);
  CHECK(ctl(s.emulator, {"apply", "--allow-replace", typeFile.path}).rc == deliveryctl::kOk);
  CHECK(s.emulator.executions("DeleteDeliveryTask") == 1);
  CHECK(s.emulator.executions("CreateDeliveryTask") == 2);
  CHECK(ctl(s.emulator, {"plan", typeFile.path}).rc == deliveryctl::kOk);
}

TEST_CASE("deliveryctl apply --wait follows every task until it runs") {
  delivery::testing::EmulatorOptions o;
  // Long enough for the five creates to be sent before the first task leaves INIT, even in a
  // sanitizer build on a busy machine (100 ms was not).
  o.taskPace = std::chrono::milliseconds(1000);
  Started s(o);
  auto r = ctl(s.emulator, {"apply", "--wait", "--wait-timeout", "30", examplesSpec()});
  INFO(r.out << r.err);
  CHECK(r.rc == deliveryctl::kOk);
  // The first task is seen in its first state; the later ones may be running by the time they are
  // looked at. BASE_INC: FULL is asked for; a later phase (INCR) counts as reached.
  CHECK(r.out.find("tablestore/sampleTable/sampledeliverytask: INIT\n") != std::string::npos);
  CHECK(r.out.find("tablestore/sampleTable/sampledeliverytask: reached ") != std::string::npos);
  CHECK(r.out.find("dis/dis-stream/dlitask: reached RUNNING") != std::string::npos);
  CHECK(r.out.find("dis/dis-stream/dwstask: reached RUNNING") != std::string::npos);
  CHECK(r.out.find("kafka/emulator-connector/obs-sink-task: reached RUNNING") != std::string::npos);
  CHECK(r.out.find("smartconnect/kafka-instance-1/smart-connect-1: reached RUNNING") != std::string::npos);

  // A task that fails on its way ends the wait with an error.
  delivery::testing::EmulatorOptions slow;
  slow.taskPace = std::chrono::milliseconds(100);
  Started f(slow);
  f.emulator.taskErrorNext("CreateTransferTask", 1, "injected");
  auto failed = ctl(f.emulator, {"apply", "--wait", "--wait-timeout", "30", examplesSpec()});
  CHECK(failed.rc == deliveryctl::kError);
  CHECK(failed.out.find("dis/dis-stream/dlitask: failed") != std::string::npos);
}

TEST_CASE("deliveryctl --help: every command documents its arguments, and usage errors exit 2") {
  Started s;
  auto top = ctl(s.emulator, {"--help"});
  CHECK(top.rc == deliveryctl::kOk);
  for (const char* c : {"validate", "plan", "apply", "get", "list", "delete", "start", "stop", "pause", "resume"}) {
    CHECK(top.out.find(c) != std::string::npos);
    auto help = ctl(s.emulator, {c, "--help"});
    INFO(c);
    CHECK(help.rc == deliveryctl::kOk);
    CHECK(help.out.find("Usage") != std::string::npos);
  }
  CHECK(ctl(s.emulator, {"apply", "--help"}).out.find("--dry-run") != std::string::npos);
  CHECK(ctl(s.emulator, {"delete", "--help"}).out.find("--yes") != std::string::npos);
  CHECK(ctl(s.emulator, {}).rc == deliveryctl::kUsage);
  CHECK(ctl(s.emulator, {"apply"}).rc == deliveryctl::kUsage);
  CHECK(ctl(s.emulator, {"-o", "yaml", "list", "dis", "s"}).rc == deliveryctl::kUsage);
  CHECK(allRequests(s.emulator) == 0);
}

TEST_CASE("deliveryctl --emulator-state keeps the tasks between runs") {
  const std::string state = "deliveryctl-test-state.txt";
  std::remove(state.c_str());
  std::ostringstream out, err;
  std::istringstream in;
  deliveryctl::Io io{out, err, in, false};
  CHECK(deliveryctl::run({"--emulator-state", state, "apply", examplesSpec()}, io) == deliveryctl::kOk);
  CHECK(deliveryctl::run({"--emulator-state", state, "plan", examplesSpec()}, io) == deliveryctl::kOk);
  CHECK(deliveryctl::run({"--emulator-state", state, "delete", "--yes", "-f", examplesSpec()}, io) == deliveryctl::kOk);
  CHECK(deliveryctl::run({"--emulator-state", state, "plan", examplesSpec()}, io) == deliveryctl::kPlanChanges);
  INFO(err.str());
  std::remove(state.c_str());
}
