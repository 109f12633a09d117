// DMS Kafka Smart Connect tasks: the request tables and their rules (every violation by path),
// secrets, the response entity (every field of the Go v3 models), every operation through
// MockTransport, and waitUntilSmartConnectTaskRunning. Also the older sink-task responses' every
// field (huawei-more.md §4: numbers may come as numeric strings).

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>

#include "delivery/kafka/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "kafka/codec.h"
#include "kafka/smart_connect_codec.h"
#include "support/huawei_signature.h"

using namespace delivery;
using namespace delivery::kafka;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::MockTransport;
namespace kd = delivery::kafka::detail;

namespace {

std::vector<std::string> fields(const Result<void>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& v : r.error().violations) out.push_back(v.field);
  }
  std::sort(out.begin(), out.end());
  return out;
}

SmartConnectTaskReqSinkConfig obsSink() {
  SmartConnectTaskReqSinkConfig s;
  s.setAccessKey("AK-SECRET-VALUE")
      .setSecretKey("SK-SECRET-VALUE")
      .setObsBucketName("bucket-1")
      .setObsPath("kafka/dump")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD)
      .setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE);
  return s;
}

CreateConnectorTaskRequest obsTask() {
  auto r = CreateConnectorTaskRequest::obsSink("instance-1", obsSink());
  r.setTaskName("task-1").setTopics("topic-a,topic-b");
  return r;
}

SmartConnectTaskReqSourceConfig replicatorSource() {
  SmartConnectTaskReqSourceConfig s;
  s.setCurrentClusterName("A").setClusterName("B").setInstanceId("peer-1").setDirection(ReplicationDirection::PULL);
  return s;
}

const char* const kEntity =
    R"({"task_name":"t1","topics":"a,b","topics_regex":"","source_type":"KAFKA_REPLICATOR_SOURCE",)"
    R"("source_task":{"current_cluster_name":"A","cluster_name":"B","user_name":"u","sasl_mechanism":"PLAIN",)"
    R"("instance_id":"peer","bootstrap_servers":"h:9092","security_protocol":"SASL_PLAINTEXT","direction":"two-way",)"
    R"("sync_consumer_offsets_enabled":true,"replication_factor":3,"task_num":"4","rename_topic_enabled":false,)"
    R"("provenance_header_enabled":true,"consumer_strategy":"latest","compression_type":"zstd","topics_mapping":"x:y"},)"
    R"("sink_type":"OBS_SINK","sink_task":{"consumer_strategy":"earliest","destination_file_type":"TEXT",)"
    R"("deliver_time_interval":"600","obs_bucket_name":"b","obs_path":"p","partition_format":"yyyy","record_delimiter":";",)"
    R"("store_keys":true,"obs_part_size":5242880,"flush_size":1000000,"timezone":"Asia/Chongqing",)"
    R"("schema_generator_class":"S","partitioner_class":"P","value_converter":"V","key_converter":"K","kv_delimiter":":"},)"
    R"("id":"task-9","status":"CREATING","create_time":1708427753133})";

struct Client {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  KafkaClient client = [this] {
    KafkaClientConfig config;
    config.transport = transport;
    config.region = "cn-north-4";
    auto clock = delivery::testing::FakeClock::at("2024-01-02T03:04:05Z");
    config.clock = clock;
    config.sleeper = std::make_shared<delivery::testing::RecordingSleeper>(clock);  // waits move the fake clock
    return KafkaClient::create(HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
  }();
  void reply(int status, std::string body = {}) {
    Headers h;
    h.add("X-Request-Id", "rid");
    transport->enqueueResponse(status, h, std::move(body));
  }
};

}  // namespace

TEST_CASE("Smart Connect create: the body follows the Go v3 models, defaults sent, unset left out", "[kafka][smart-connect][wire]") {
  CHECK(kd::encodeCreateConnectorTask(obsTask()) ==
        R"({"task_name":"task-1","topics":"topic-a,topic-b","source_type":"NONE","sink_type":"OBS_SINK","sink_task":)"
        R"({"consumer_strategy":"latest","destination_file_type":"TEXT","deliver_time_interval":300,"access_key":"AK-SECRET-VALUE",)"
        R"("secret_key":"SK-SECRET-VALUE","obs_bucket_name":"bucket-1","obs_path":"kafka/dump","partition_format":"yyyy/MM/dd",)"
        R"("record_delimiter":"\\n"}})");
  CHECK(obsTask().validate().ok());
  CreateConnectorTaskRequest replicator("instance-1");
  replicator.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(replicatorSource());
  CHECK(replicator.validate().ok());
  CHECK(kd::encodeCreateConnectorTask(replicator) ==
        R"({"source_type":"KAFKA_REPLICATOR_SOURCE","source_task":{"current_cluster_name":"A","cluster_name":"B",)"
        R"("instance_id":"peer-1","direction":"pull"}})");
}

TEST_CASE("Smart Connect secrets never appear in toString() or violations", "[kafka][smart-connect][secrets]") {
  auto r = obsTask();
  auto source = replicatorSource();
  source.setPassword("PEER-PASSWORD").setSecurityProtocol(SecurityProtocol::SASL_SSL).setUserName("u");
  r.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(source);
  const std::string text = r.toString();
  for (const char* secret : {"AK-SECRET-VALUE", "SK-SECRET-VALUE", "PEER-PASSWORD"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  CHECK(text.find("<redacted>") != std::string::npos);
  auto bad = r;
  auto badSink = obsSink();
  badSink.setAccessKey(std::string(300, 'k'));
  bad.setSinkTask(badSink);
  auto v = bad.validate();
  REQUIRE_FALSE(v);
  CHECK(v.error().toString().find("kkkk") == std::string::npos);
}

TEST_CASE("Smart Connect create: every rule, named by field path", "[kafka][smart-connect][validation]") {
  SECTION("an OBS sink's required fields") {
    auto r = CreateConnectorTaskRequest::obsSink("instance-1", SmartConnectTaskReqSinkConfig());
    r.setTopics("t");
    CHECK(fields(r.validate()) == std::vector<std::string>{"sink_task.access_key", "sink_task.obs_bucket_name",
                                                            "sink_task.obs_path", "sink_task.partition_format",
                                                            "sink_task.record_delimiter", "sink_task.secret_key"});
  }
  SECTION("shapes of single fields") {
    auto sink = obsSink();
    sink.setObsPath("bad path!").setObsBucketName(std::string(64, 'b')).setDeliverTimeInterval(0);
    auto r = CreateConnectorTaskRequest::obsSink("bad/instance", sink);
    r.setTopics("t").setTaskName("abc");
    CHECK(fields(r.validate()) == std::vector<std::string>{"instance_id", "sink_task.deliver_time_interval",
                                                            "sink_task.obs_bucket_name", "sink_task.obs_path", "task_name"});
    r.setTaskName("name with space");
    const auto named = fields(r.validate());
    CHECK(std::count(named.begin(), named.end(), "task_name") == 1);
  }
  SECTION("topics: exactly one for an OBS sink, at most one for a replicator, never empty") {
    auto r = CreateConnectorTaskRequest::obsSink("i", obsSink());
    CHECK(fields(r.validate()) == std::vector<std::string>{"topics"});
    r.setTopics("a").setTopicsRegex("a.*");
    CHECK(fields(r.validate()) == std::vector<std::string>{"topics"});
    r.clearTopics();
    CHECK(r.validate().ok());
    r.setTopicsRegex("");
    CHECK(fields(r.validate()) == std::vector<std::string>{"topics", "topics_regex"});
    CreateConnectorTaskRequest replicator("i");
    replicator.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(replicatorSource());
    CHECK(replicator.validate().ok());
    replicator.setTopics("a").setTopicsRegex("b");
    CHECK(fields(replicator.validate()) == std::vector<std::string>{"topics"});
  }
  SECTION("types and configurations go together; a task has a source or a sink") {
    CreateConnectorTaskRequest r("i");
    CHECK(fields(r.validate()) == std::vector<std::string>{"sink_type"});
    r.setSinkType(SmartConnectSinkType::OBS_SINK).setTopics("t");
    CHECK(fields(r.validate()) == std::vector<std::string>{"sink_task"});
    r.setSinkType(SmartConnectSinkType::NONE).setSinkTask(obsSink()).clearTopics();
    CHECK(fields(r.validate()) == std::vector<std::string>{"sink_type", "sink_type"});
    CreateConnectorTaskRequest s("i");
    s.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE);
    CHECK(fields(s.validate()) == std::vector<std::string>{"source_task"});
    s.setSourceType(SmartConnectSourceType::NONE).setSourceTask(replicatorSource());
    CHECK(fields(s.validate()) == std::vector<std::string>{"sink_type", "source_type"});
  }
  SECTION("the replicator source's rules") {
    SmartConnectTaskReqSourceConfig source;
    CreateConnectorTaskRequest r("i");
    r.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(source);
    CHECK(fields(r.validate()) == std::vector<std::string>{"source_task.cluster_name", "source_task.current_cluster_name",
                                                            "source_task.direction", "source_task.instance_id"});
    source = replicatorSource();
    source.setBootstrapServers("h:9092").setSecurityProtocol(SecurityProtocol::SASL_SSL).setRenameTopicEnabled(true)
        .setTopicsMapping("a:b").setTaskNum(0).setReplicationFactor(-1);
    r.setSourceTask(source);
    CHECK(fields(r.validate()) == std::vector<std::string>{"source_task.instance_id", "source_task.password",
                                                            "source_task.replication_factor", "source_task.task_num",
                                                            "source_task.topics_mapping", "source_task.user_name"});
  }
  SECTION("optional strings set to \"\" (which would be sent as \"\") are refused by field path") {
    const auto messages = [](const Result<void>& r) {
      std::string out;
      if (!r) {
        for (const auto& v : r.error().violations) out += v.field + ": " + v.message + "\n";
      }
      return out;
    };
    // task_name: the console's 4 to 64 characters [UMN].
    auto named = obsTask();
    named.setTaskName("");
    CHECK(fields(named.validate()) == std::vector<std::string>{"task_name"});
    CHECK(messages(named.validate()) == "task_name: must be 4 to 64 letters, digits, '-' and '_'\n");
    // instance_id and bootstrap_servers: only one of them, so an empty one is not sent beside the other.
    CreateConnectorTaskRequest r("i");
    auto source = replicatorSource();
    source.setBootstrapServers("");
    r.setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(source);
    CHECK(messages(r.validate()) == "source_task.bootstrap_servers: must not be empty\n");
    source.clearInstanceId().setBootstrapServers("h:9092").setInstanceId("");
    r.setSourceTask(source);
    CHECK(messages(r.validate()) == "source_task.instance_id: must not be empty\n");
    // topics_mapping: src:dst pairs; also beside rename_topic_enabled, which excludes a mapping.
    source = replicatorSource();
    source.setTopicsMapping("");
    r.setSourceTask(source);
    CHECK(messages(r.validate()) == "source_task.topics_mapping: must not be empty\n");
    source.setRenameTopicEnabled(true);
    r.setSourceTask(source);
    CHECK(fields(r.validate()) == std::vector<std::string>{"source_task.topics_mapping"});
    // Nothing is sent.
    Client c;
    auto sent = c.client.createConnectorTask(named);
    REQUIRE_FALSE(sent);
    CHECK(sent.error().kind == ErrorKind::InvalidArgument);
    CHECK(c.transport->requestCount() == 0);
  }
  SECTION("list paging: offset >= 0, limit 1..50; ids of the other calls") {
    CHECK(ListConnectorTasksRequest("i").setOffset(0).setLimit(50).validate().ok());
    CHECK(fields(ListConnectorTasksRequest("i").setOffset(-1).setLimit(51).validate()) ==
          std::vector<std::string>{"limit", "offset"});
    CHECK(fields(ListConnectorTasksRequest("i").setLimit(0).validate()) == std::vector<std::string>{"limit"});
    CHECK(fields(ShowConnectorTaskRequest("", "").validate()) == std::vector<std::string>{"instance_id", "task_id"});
    CHECK(fields(PauseConnectorTaskRequest("i", "a/b").validate()) == std::vector<std::string>{"task_id"});
    CHECK(fields(ResumeConnectorTaskRequest("i", "").validate()) == std::vector<std::string>{"task_id"});
    CHECK(fields(RestartConnectorTaskRequest("", "t").validate()) == std::vector<std::string>{"instance_id"});
    CHECK(fields(DeleteConnectorTaskRequest("i", "").validate()) == std::vector<std::string>{"task_id"});
  }
}

TEST_CASE("Smart Connect responses: every field of the entity, numbers also as text, unknown values kept",
          "[kafka][smart-connect][wire]") {
  auto shown = kd::decodeShowConnectorTaskResponse(kEntity);
  REQUIRE(shown);
  CHECK(shown->getTaskName() == "t1");
  CHECK(shown->getTopics() == "a,b");
  CHECK(shown->getSourceType() == "KAFKA_REPLICATOR_SOURCE");
  CHECK(shown->getSinkType() == "OBS_SINK");
  CHECK(shown->getId() == "task-9");
  CHECK(shown->getStatus() == "CREATING");  // not in the documented enum: kept as sent
  CHECK(shown->getCreateTime() == 1708427753133);
  REQUIRE(shown->getSourceTask());
  const auto& src = *shown->getSourceTask();
  CHECK(src.getCurrentClusterName() == "A");
  CHECK(src.getClusterName() == "B");
  CHECK(src.getUserName() == "u");
  CHECK(src.getSaslMechanism() == "PLAIN");
  CHECK(src.getInstanceId() == "peer");
  CHECK(src.getBootstrapServers() == "h:9092");
  CHECK(src.getSecurityProtocol() == "SASL_PLAINTEXT");
  CHECK(src.getDirection() == "two-way");
  CHECK(src.getSyncConsumerOffsetsEnabled() == true);
  CHECK(src.getReplicationFactor() == 3);
  CHECK(src.getTaskNum() == 4);
  CHECK(src.getRenameTopicEnabled() == false);
  CHECK(src.getProvenanceHeaderEnabled() == true);
  CHECK(src.getConsumerStrategy() == "latest");
  CHECK(src.getCompressionType() == "zstd");
  CHECK(src.getTopicsMapping() == "x:y");
  REQUIRE(shown->getSinkTask());
  const auto& sink = *shown->getSinkTask();
  CHECK(sink.getConsumerStrategy() == "earliest");
  CHECK(sink.getDestinationFileType() == "TEXT");
  CHECK(sink.getDeliverTimeInterval() == 600);
  CHECK(sink.getObsBucketName() == "b");
  CHECK(sink.getObsPath() == "p");
  CHECK(sink.getPartitionFormat() == "yyyy");
  CHECK(sink.getRecordDelimiter() == ";");
  CHECK(sink.getStoreKeys() == true);
  CHECK(sink.getObsPartSize() == 5242880);
  CHECK(sink.getFlushSize() == 1000000);
  CHECK(sink.getTimezone() == "Asia/Chongqing");
  CHECK(sink.getSchemaGeneratorClass() == "S");
  CHECK(sink.getPartitionerClass() == "P");
  CHECK(sink.getValueConverter() == "V");
  CHECK(sink.getKeyConverter() == "K");
  CHECK(sink.getKvDelimiter() == ":");

  auto created = kd::decodeCreateConnectorTaskResponse(
      R"({"task_name":"x","source_type":"REDIS_REPLICATOR_SOURCE","source_task":null,"sink_task":null,"id":"i","status":"WAITING"})");
  REQUIRE(created);
  CHECK(created->getSourceType() == "REDIS_REPLICATOR_SOURCE");
  CHECK_FALSE(created->getSourceTask());
  CHECK_FALSE(created->getSinkTask());
  CHECK_FALSE(kd::decodeCreateConnectorTaskResponse(R"({"task_name":"x"})"));  // no id to address it by

  auto list = kd::decodeListConnectorTasksResponse(std::string(R"({"tasks":[)") + kEntity +
                                                   R"(],"total_number":"21","max_tasks":18,"quota_tasks":18})");
  REQUIRE(list);
  CHECK(list->getTasks().size() == 1);
  CHECK(list->getTotalNumber() == 21);
  CHECK(list->getMaxTasks() == 18);
  CHECK(list->getQuotaTasks() == 18);

  for (const char* bad : {"[]", "{", R"({"tasks":{}})", R"({"id":"i","create_time":"soon"})", R"({"id":"i","sink_task":[]})"}) {
    INFO(bad);
    CHECK_FALSE((kd::decodeShowConnectorTaskResponse(bad).ok() && kd::decodeListConnectorTasksResponse(bad).ok()));
  }
}

TEST_CASE("Smart Connect operations through MockTransport: methods, paths, bodies, statuses", "[kafka][smart-connect][client]") {
  Client c;
  c.reply(200, kEntity);
  auto created = c.client.createConnectorTask(obsTask());
  REQUIRE(created);
  CHECK(created->getId() == "task-9");
  CHECK(created->getRequestId() == "rid");
  HttpRequest sent = c.transport->lastRequest();
  CHECK(sent.method == HttpMethod::Post);
  CHECK(sent.url() == "https://dms.cn-north-4.myhuaweicloud.com/v2/proj/instances/instance-1/connector/tasks");
  CHECK(sent.body == kd::encodeCreateConnectorTask(obsTask()));
  CHECK(test::checkHuaweiSignature(sent, "SK").valid);

  c.reply(200, R"({"tasks":[],"total_number":0,"max_tasks":18,"quota_tasks":18})");
  REQUIRE(c.client.listConnectorTasks(ListConnectorTasksRequest("instance-1").setOffset(20).setLimit(5)));
  sent = c.transport->lastRequest();
  CHECK(sent.method == HttpMethod::Get);
  CHECK(sent.url() == "https://dms.cn-north-4.myhuaweicloud.com/v2/proj/instances/instance-1/connector/tasks?offset=20&limit=5");
  CHECK(test::checkHuaweiSignature(sent, "SK").valid);

  c.reply(200, kEntity);
  REQUIRE(c.client.showConnectorTask(ShowConnectorTaskRequest("instance-1", "task-9")));
  CHECK(c.transport->lastRequest().path == "/v2/proj/instances/instance-1/connector/tasks/task-9");

  struct Action {
    std::function<Result<void>()> call;
    HttpMethod method;
    std::string path;
  };
  const auto ok = [](auto r) -> Result<void> {
    if (!r) return r.error();
    CHECK(r->getHttpStatus() == 204);
    return {};
  };
  const std::vector<Action> actions = {
      {[&] { return ok(c.client.deleteConnectorTask(DeleteConnectorTaskRequest("instance-1", "task-9"))); },
       HttpMethod::Delete, "/v2/proj/instances/instance-1/connector/tasks/task-9"},
      {[&] { return ok(c.client.pauseConnectorTask(PauseConnectorTaskRequest("instance-1", "task-9"))); },
       HttpMethod::Put, "/v2/proj/instances/instance-1/connector/tasks/task-9/pause"},
      {[&] { return ok(c.client.resumeConnectorTask(ResumeConnectorTaskRequest("instance-1", "task-9"))); },
       HttpMethod::Put, "/v2/proj/instances/instance-1/connector/tasks/task-9/resume"},
      {[&] { return ok(c.client.restartConnectorTask(RestartConnectorTaskRequest("instance-1", "task-9"))); },
       HttpMethod::Put, "/v2/proj/kafka/instances/instance-1/connector/tasks/task-9/restart"},
  };
  for (const auto& a : actions) {
    INFO(a.path);
    c.reply(204);
    REQUIRE(a.call());
    sent = c.transport->lastRequest();
    CHECK(sent.method == a.method);
    CHECK(sent.path == a.path);
    CHECK(sent.body.empty());
    CHECK(test::checkHuaweiSignature(sent, "SK").valid);
  }

  // An action is not idempotent: a 5xx is not retried.
  c.reply(500, R"({"error_code":"DMS.00500000","error_msg":"boom"})");
  const std::size_t before = c.transport->requestCount();
  auto failed = c.client.pauseConnectorTask(PauseConnectorTaskRequest("instance-1", "task-9"));
  REQUIRE_FALSE(failed);
  CHECK(c.transport->requestCount() == before + 1);
  CHECK(failed.error().code == "DMS.00500000");

  // Invalid: nothing sent.
  const std::size_t sentBefore = c.transport->requestCount();
  CHECK_FALSE(c.client.createConnectorTask(CreateConnectorTaskRequest("instance-1")));
  CHECK(c.transport->requestCount() == sentBefore);
}

TEST_CASE("older sink-task responses keep every Go v2 model field; numbers may be numeric strings", "[kafka][wire]") {
  // huawei-more.md §4: early Go releases typed create_time, deliver_time_interval and obs_part_size as strings.
  auto list = kd::decodeList(R"({"tasks":[{"task_id":"a","task_name":"n","destination_type":"OBS","create_time":"1592309487621",)"
                             R"("status":"RUNNING","topics":"t"}],"total_number":"1","max_tasks":"9","quota_tasks":"10"})");
  REQUIRE(list);
  const SinkTask& item = list->getTasks().at(0);
  CHECK(item.getTaskId() == "a");
  CHECK(item.getTaskName() == "n");
  CHECK(item.getDestinationType() == "OBS");
  CHECK(item.getCreateTime() == 1592309487621);
  CHECK(item.getStatus() == "RUNNING");
  CHECK(item.getTopics() == "t");
  CHECK(list->getTotalNumber() == 1);
  CHECK(list->getMaxTasks() == 9);
  CHECK(list->getQuotaTasks() == 10);
  auto show = kd::decodeShow(R"({"task_name":"n","destination_type":"OBS","create_time":"7","status":"PAUSED","topics":"t",)"
                             R"("obs_destination_descriptor":{"consumer_strategy":"latest","destination_file_type":"TEXT",)"
                             R"("obs_bucket_name":"b","obs_path":"p","partition_format":"N/A","record_delimiter":"|",)"
                             R"("deliver_time_interval":"300","obs_part_size":"5242880"},)"
                             R"("topics_info":[{"topic":"t","partitions":[{"partition_id":0,"status":"RUNNING",)"
                             R"("last_transfer_offset":10,"log_end_offset":12,"lag":2}]}]})");
  REQUIRE(show);
  CHECK(show->getCreateTime() == 7);
  CHECK(show->getStatus() == "PAUSED");
  const auto& d = *show->getObsDestinationDescriptor();
  CHECK(d.getConsumerStrategy() == "latest");
  CHECK(d.getDestinationFileType() == "TEXT");
  CHECK(d.getObsBucketName() == "b");
  CHECK(d.getObsPath() == "p");
  CHECK(d.getPartitionFormat() == "N/A");
  CHECK(d.getRecordDelimiter() == "|");
  CHECK(d.getDeliverTimeInterval() == 300);
  CHECK(d.getObsPartSize() == 5242880);
  const auto& p = show->getTopicsInfo().at(0).getPartitions().at(0);
  CHECK(p.getPartitionId() == "0");
  CHECK(p.getLastTransferOffset() == "10");
  CHECK(p.getLogEndOffset() == "12");
  CHECK(p.getLag() == "2");
}

TEST_CASE("waitUntilSmartConnectTaskRunning: CREATING and RESTARTING pending; PAUSED and WAITING fail",
          "[kafka][smart-connect][waiter]") {
  const auto entity = [](const std::string& status) {
    return R"({"id":"task-9","task_name":"t","status":")" + status + R"(","create_time":1})";
  };
  const ShowConnectorTaskRequest show("instance-1", "task-9");
  {
    Client c;
    std::vector<std::string> seen;
    WaitOptions options;
    options.onStateChange = [&](const WaitProgress& p) { seen.push_back(p.state); };
    for (const char* s : {"CREATING", "RESTARTING", "RUNNING"}) c.reply(200, entity(s));
    auto waited = c.client.waitUntilSmartConnectTaskRunning(show, options);
    CHECK(waited.reached());
    CHECK(seen == std::vector<std::string>{"CREATING", "RESTARTING", "RUNNING"});
    REQUIRE(waited.response);
    CHECK(waited.response->getId() == "task-9");
    CHECK(c.transport->lastRequest().path == "/v2/proj/instances/instance-1/connector/tasks/task-9");
  }
  for (const std::string status : {"PAUSED", "WAITING", "FAILED"}) {
    Client c;
    c.reply(200, entity(status));
    WaitOptions options;
    auto waited = c.client.waitUntilSmartConnectTaskRunning(show, options);
    INFO(status);
    CHECK(waited.outcome == WaitOutcome::Failed);
    CHECK(waited.state == status);
    CHECK_FALSE(waited.detail.empty());
    CHECK(waited.polls == 1);
  }
}
