// DMS Kafka sink tasks: golden JSON (the seed's example), validation tables, responses, and every
// KafkaClient operation through MockTransport.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <functional>

#include "delivery/kafka/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "huawei/signer.h"
#include "kafka/codec.h"
#include "support/huawei_signature.h"
#include "support/capturing_logger.h"
#include "support/samples.h"
#include "support/vectors.h"

using namespace delivery;
using namespace delivery::kafka;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::MockTransport;
namespace kd = delivery::kafka::detail;
namespace hd = delivery::huawei::detail;

namespace {

// The seed 003 example request, value for value.
CreateSinkTaskRequest seedRequest() { return delivery::test::kafkaObsSinkSeed("connector-1"); }

std::vector<std::string> fields(const Result<void>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& v : r.error().violations) out.push_back(v.field);
  }
  return out;
}

bool sameJson(const std::string& a, const std::string& b) {
  rapidjson::Document x, y;
  x.Parse(a.c_str());
  y.Parse(b.c_str());
  return !x.HasParseError() && !y.HasParseError() && x == y;
}

}  // namespace

TEST_CASE("the seed's create-sink-task example is what the SDK sends", "[kafka][wire]") {
  const CreateSinkTaskRequest r = seedRequest();
  INFO((r.validate() ? std::string() : r.validate().error().toString()));
  REQUIRE(r.validate().ok());
  const std::string body = kd::encodeCreate(r);
  CHECK(sameJson(body, test::readDataFile("kafka-obs-sink-seed-request.json")));
  CHECK(body ==
        R"({"source_type":"BLOB","task_name":"obsTransfer-1122976956","destination_type":"OBS","obs_destination_descriptor":)"
        R"({"topics":"topic-test","consumer_strategy":"earliest","destination_file_type":"TEXT","access_key":"XXXXXXXXXXXXXXXXXXXX",)"
        R"("secret_key":"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","obs_bucket_name":"6666","obs_path":"obsTransfer-1122976956",)"
        R"("partition_format":"yyyy/MM/dd/HH/mm","record_delimiter":"\n","deliver_time_interval":300}})");
}

TEST_CASE("defaults and omitted optionals", "[kafka][wire]") {
  ObsDestinationDescriptor d;
  d.setTopicsRegex("topic-.*").setAccessKey("ak").setSecretKey("sk").setObsBucketName("bucket");
  CHECK(kd::encodeCreate(CreateSinkTaskRequest("c", "t", d)) ==
        R"({"source_type":"BLOB","task_name":"t","destination_type":"OBS","obs_destination_descriptor":{"topics":"","topics_regex":"topic-.*",)"
        R"("consumer_strategy":"latest","destination_file_type":"TEXT","access_key":"ak","secret_key":"sk","obs_bucket_name":"bucket",)"
        R"("deliver_time_interval":300}})");
  CHECK(kd::encodeCreateConnector(CreateConnectorRequest("i")) == "{}");
  CHECK(kd::encodeCreateConnector(CreateConnectorRequest("i").setSpecification(ConnectorSpecification::_300MB).setNodeCnt(2)) ==
        R"({"specification":"300MB","node_cnt":"2"})");
}

// The Go v3 model (huaweicloud-sdk-go-v3 services/kafka/v2/model/model_obs_destination_descriptor.go)
// declares topics, consumer_strategy, destination_file_type, access_key, secret_key, obs_bucket_name
// and deliver_time_interval as plain values without omitempty, so encoding/json always writes them;
// topics_regex, obs_path, partition_format and record_delimiter are pointers with omitempty. The
// expected body is what that model produces for the same values (in its field order, without the
// trailing newline of Go's encoder).
TEST_CASE("Kafka create always sends topics, empty next to topics_regex, as the Go v3 model does", "[kafka][wire][client]") {
  auto transport = std::make_shared<MockTransport>();
  KafkaClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto client = KafkaClient::create(HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
  ObsDestinationDescriptor d;
  d.setTopicsRegex("topic-.*").setAccessKey("ak").setSecretKey("sk").setObsBucketName("bucket");
  transport->enqueueResponse(200, {}, R"({"task_id":"t-1"})");
  REQUIRE(client.createSinkTask(CreateSinkTaskRequest("connector-1", "regex-task", d)));
  CHECK(transport->lastRequest().body ==
        R"({"source_type":"BLOB","task_name":"regex-task","destination_type":"OBS","obs_destination_descriptor":)"
        R"({"topics":"","topics_regex":"topic-.*","consumer_strategy":"latest","destination_file_type":"TEXT",)"
        R"("access_key":"ak","secret_key":"sk","obs_bucket_name":"bucket","deliver_time_interval":300}})");
  // Setting topics to "" next to the regex is the same request.
  d.setTopics("");
  transport->enqueueResponse(200, {}, R"({"task_id":"t-2"})");
  const std::string first = transport->lastRequest().body;
  REQUIRE(client.createSinkTask(CreateSinkTaskRequest("connector-1", "regex-task", d)));
  CHECK(transport->lastRequest().body == first);
  // The emulator takes such a body ("topics":"" next to the regex): emulator_huawei_backend_test.
}

TEST_CASE("access_key and secret_key never appear in toString() or errors", "[kafka][secrets]") {
  CreateSinkTaskRequest r = seedRequest();
  ObsDestinationDescriptor d = r.getObsDestinationDescriptor();
  d.setAccessKey("AKIA-VISIBLE-NOT").setSecretKey("SECRET-KEY-VALUE").setDeliverTimeInterval(1);
  r.setObsDestinationDescriptor(d);
  const std::string dump = r.toString();
  CHECK(dump.find("AKIA-VISIBLE-NOT") == std::string::npos);
  CHECK(dump.find("SECRET-KEY-VALUE") == std::string::npos);
  CHECK(dump.find(R"("secret_key":"<redacted>")") != std::string::npos);
  CHECK(r.validate().error().toString().find("SECRET-KEY-VALUE") == std::string::npos);
}

TEST_CASE("descriptor rules", "[kafka][validation]") {
  const std::string p = "obs_destination_descriptor.";
  struct Case {
    std::function<void(ObsDestinationDescriptor&)> change;
    std::vector<std::string> fields;
  };
  const std::vector<Case> cases = {
      {[](auto&) {}, {}},
      {[](auto& d) { d.setTopicsRegex("t.*"); }, {p + "topics"}},                     // both
      {[](auto& d) { d.setTopics(""); }, {p + "topics"}},                              // neither
      {[](auto& d) { d.setTopics(".*"); }, {p + "topics"}},
      {[](auto& d) { d.setTopics("").setTopicsRegex(".*"); }, {p + "topics_regex"}},
      {[](auto& d) { d.setTopics("").setTopicsRegex("topic-[0-9]+"); }, {}},
      {[](auto& d) { d.setTopics("a,b,c"); }, {}},
      {[](auto& d) { d.setAccessKey(""); }, {p + "access_key"}},
      {[](auto& d) { d.setSecretKey(""); }, {p + "secret_key"}},
      {[](auto& d) { d.setObsBucketName(""); }, {p + "obs_bucket_name"}},
      {[](auto& d) { d.setObsBucketName("Bucket_1"); }, {p + "obs_bucket_name"}},
      {[](auto& d) { d.setObsBucketName("ab"); }, {p + "obs_bucket_name"}},
      {[](auto& d) { d.setObsPath(std::string(64, 'p')); }, {}},
      {[](auto& d) { d.setObsPath("a/b_c-d"); }, {}},
      {[](auto& d) { d.setObsPath(std::string(65, 'p')); }, {p + "obs_path"}},
      {[](auto& d) { d.setObsPath("a b"); }, {p + "obs_path"}},
      {[](auto& d) { d.setDeliverTimeInterval(30); }, {}},
      {[](auto& d) { d.setDeliverTimeInterval(900); }, {}},
      {[](auto& d) { d.setDeliverTimeInterval(29); }, {p + "deliver_time_interval"}},
      {[](auto& d) { d.setDeliverTimeInterval(901); }, {p + "deliver_time_interval"}},
      {[](auto& d) { d.setConsumerStrategy(static_cast<ConsumerStrategy>(7)); }, {p + "consumer_strategy"}},
      {[](auto& d) { d.setPartitionFormat(static_cast<PartitionFormat>(9)); }, {p + "partition_format"}},
      {[](auto& d) { d.setRecordDelimiter(RecordDelimiter::NONE); }, {}},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    CreateSinkTaskRequest r = seedRequest();
    ObsDestinationDescriptor d = r.getObsDestinationDescriptor();
    cases[i].change(d);
    r.setObsDestinationDescriptor(d);
    CHECK(fields(r.validate()) == cases[i].fields);
  }
}

TEST_CASE("request-level rules", "[kafka][validation]") {
  CHECK(fields(CreateSinkTaskRequest().validate()) ==
        std::vector<std::string>{"connector_id", "task_name", "obs_destination_descriptor.access_key",
                                 "obs_destination_descriptor.secret_key", "obs_destination_descriptor.obs_bucket_name",
                                 "obs_destination_descriptor.topics"});  // the rule across fields comes last
  CHECK(fields(seedRequest().setConnectorId("bad/id").validate()) == std::vector<std::string>{"connector_id"});
  CHECK(fields(seedRequest().setTaskName("tab\there").validate()) == std::vector<std::string>{"task_name"});
  CHECK(ListSinkTasksRequest("c").validate().ok());
  CHECK(fields(ShowSinkTaskRequest("c", "").validate()) == std::vector<std::string>{"task_id"});
  CHECK(fields(DeleteSinkTaskRequest("", "t").validate()) == std::vector<std::string>{"connector_id"});
  CHECK(fields(CreateConnectorRequest("i").setNodeCnt(1).setSpecCode("").validate()) ==
        std::vector<std::string>{"node_cnt", "spec_code"});
}

TEST_CASE("responses", "[kafka][wire]") {
  CHECK(kd::decodeCreateSinkTaskResponse(R"({"task_id":"2962882a-386c-4c9d-bb59-3b4f55d82961"})").value().getTaskId() ==
        "2962882a-386c-4c9d-bb59-3b4f55d82961");
  CHECK_FALSE(kd::decodeCreateSinkTaskResponse("{}"));
  auto list = kd::decodeList(R"({"tasks":[{"task_id":"a","task_name":"n","destination_type":"OBS","create_time":1700000000000,)"
                             R"("status":"RUNNING","topics":"t1,t2"}],"total_number":1,"max_tasks":18,"quota_tasks":18})");
  REQUIRE(list);
  CHECK(list->getTasks().at(0).getTopics() == "t1,t2");
  CHECK(list->getMaxTasks() == 18);
  auto show = kd::decodeShow(R"({"task_name":"n","destination_type":"OBS","create_time":1,"status":"RUNNING","topics":"t1",)"
                             R"("obs_destination_descriptor":{"consumer_strategy":"latest","destination_file_type":"TEXT",)"
                             R"("obs_bucket_name":"b","obs_path":"p","partition_format":"yyyy","record_delimiter":"\n",)"
                             R"("deliver_time_interval":300,"obs_part_size":5242880},"topics_info":[{"topic":"t1","partitions":)"
                             R"([{"partition_id":"0","status":"RUNNING","last_transfer_offset":"10","log_end_offset":"12","lag":"2"}]}]})");
  REQUIRE(show);
  CHECK(show->getObsDestinationDescriptor()->getObsPartSize() == 5242880);
  CHECK(show->getTopicsInfo().at(0).getPartitions().at(0).getLag() == "2");
  auto connector = kd::decodeCreateConnectorResponse(R"({"job_id":"j","connector_id":"c"})");
  REQUIRE(connector);
  CHECK(connector->getConnectorId() == "c");
  for (const char* bad : {"[]", R"({"tasks":{}})", R"({"topics_info":[{"partitions":[{"lag":{}}]}]})", "{"}) {
    INFO(bad);
    CHECK_FALSE((kd::decodeShow(bad).ok() && kd::decodeList(bad).ok()));
  }
}

TEST_CASE("KafkaClient operations through MockTransport", "[kafka][client]") {
  auto transport = std::make_shared<MockTransport>();
  KafkaClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  config.clock = delivery::testing::FakeClock::at("2024-01-02T03:04:05Z");
  auto client = KafkaClient::create(HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
  CHECK(client.getEndpoint() == "https://dms.cn-north-4.myhuaweicloud.com");
  auto reply = [&](int status, std::string body) {
    Headers h;
    h.add("X-Request-Id", "rid");
    transport->enqueueResponse(status, h, std::move(body));
  };

  reply(200, R"({"task_id":"2962882a-386c-4c9d-bb59-3b4f55d82961"})");
  auto created = client.createSinkTask(seedRequest());
  REQUIRE(created);
  CHECK(created->getTaskId() == "2962882a-386c-4c9d-bb59-3b4f55d82961");
  CHECK(created->getRequestId() == "rid");
  HttpRequest sent = transport->lastRequest();
  CHECK(sent.url() == "https://dms.cn-north-4.myhuaweicloud.com/v2/proj/connectors/connector-1/sink-tasks");
  CHECK(sent.body == kd::encodeCreate(seedRequest()));
  CHECK(test::checkHuaweiSignature(sent, "SK").valid);

  reply(200, R"({"tasks":[],"total_number":0,"max_tasks":18,"quota_tasks":18})");
  REQUIRE(client.listSinkTasks(ListSinkTasksRequest("connector-1")));
  CHECK(transport->lastRequest().method == HttpMethod::Get);

  reply(200, R"({"task_name":"n","topics_info":[]})");
  REQUIRE(client.showSinkTask(ShowSinkTaskRequest("connector-1", "task-1").setTopicInfo(true)));
  sent = transport->lastRequest();
  CHECK(sent.url() == "https://dms.cn-north-4.myhuaweicloud.com/v2/proj/connectors/connector-1/sink-tasks/task-1?topic-info=true");
  // The query is part of the signature.
  CHECK(test::checkHuaweiSignature(sent, "SK").valid);
  sent.query.clear();
  CHECK_FALSE(test::checkHuaweiSignature(sent, "SK").valid);

  reply(204, "");
  auto deleted = client.deleteSinkTask(DeleteSinkTaskRequest("connector-1", "task-1"));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);
  CHECK(transport->lastRequest().method == HttpMethod::Delete);

  reply(200, R"({"job_id":"job-1","connector_id":"conn-2"})");
  auto connector = client.createConnector(CreateConnectorRequest("instance-1").setNodeCnt(2));
  REQUIRE(connector);
  CHECK(connector->getJobId() == "job-1");
  CHECK(transport->lastRequest().path == "/v2/proj/instances/instance-1/connector");
  CHECK(transport->lastRequest().body == R"({"node_cnt":"2"})");

  reply(404, R"({"error_code":"DMS.00404022","error_msg":"The connector does not exist."})");
  auto missing = client.listSinkTasks(ListSinkTasksRequest("nope"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == "DMS.00404022");
  CHECK(missing.error().httpStatus == 404);

  reply(200, R"({"no_task_id":true})");
  const std::size_t sentBefore = transport->requestCount();
  auto garbled = client.createSinkTask(seedRequest());
  REQUIRE_FALSE(garbled);
  CHECK(garbled.error().kind == ErrorKind::InvalidResponse);
  CHECK(garbled.error().httpStatus == 200);
  CHECK_FALSE(garbled.error().retryable);  // a create may have executed: never sent again
  CHECK(garbled.error().attempts == 1);
  CHECK(transport->requestCount() == sentBefore + 1);

  const std::size_t before = transport->requestCount();
  CHECK_FALSE(client.createSinkTask(CreateSinkTaskRequest()));
  CHECK(transport->requestCount() == before);  // invalid: nothing sent
}

TEST_CASE("Kafka logs carry neither the connector's keys nor the caller's secret", "[kafka][client][logging]") {
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  auto transport = std::make_shared<MockTransport>();
  transport->enqueueResponse(429, {}, R"({"error_code":"APIGW.0308","error_msg":"throttled"})");
  transport->enqueueResponse(200, {}, R"({"task_id":"t-1"})");
  KafkaClientConfig config;
  config.transport = transport;
  config.logger = logger;
  config.endpoint = "https://dms.example.test";
  config.sleeper = std::make_shared<delivery::testing::RecordingSleeper>();
  auto client = KafkaClient::create(HuaweiCredentials::withAkSk("AK", "CALLER-SK-VALUE", "proj"), config).value();
  CreateSinkTaskRequest r = seedRequest();
  ObsDestinationDescriptor d = r.getObsDestinationDescriptor();
  d.setAccessKey("OBS-AK-VALUE").setSecretKey("OBS-SK-VALUE");
  r.setObsDestinationDescriptor(d);
  REQUIRE(client.createSinkTask(r));
  CHECK(logger->text().find("CreateSinkTask") != std::string::npos);
  for (const char* secret : {"OBS-AK-VALUE", "OBS-SK-VALUE", "CALLER-SK-VALUE"}) {
    INFO(secret);
    CHECK(logger->text().find(secret) == std::string::npos);
  }
}

TEST_CASE("Kafka enums follow the Java SDK's constants and come from one table", "[kafka][model]") {
  CHECK(std::string(toString(ConsumerStrategy::EARLIEST)) == "earliest");
  CHECK(std::string(toString(ConsumerStrategy::LATEST)) == "latest");
  CHECK(std::string(toString(ConnectorSpecification::_1200MB)) == "1200MB");
  CHECK(std::string(toString(RecordDelimiter::NONE)) == "NULL");
  CHECK(std::string(toString(SourceType::BLOB)) == CreateSinkTaskRequest::kSourceType);
  CHECK(std::string(toString(DestinationType::OBS)) == CreateSinkTaskRequest::kDestinationType);
  CHECK(enumCount<ConsumerStrategy>() == 2);
  CHECK(enumCount<RecordDelimiter>() == 5);
  CHECK(enumCount<ConnectorSpecification>() == 4);
  CHECK(enumFromText<RecordDelimiter>("\n") == RecordDelimiter::NEWLINE);
  CHECK(CreateSinkTaskRequest().getSourceType() == SourceType::BLOB);
  CHECK(CreateSinkTaskRequest().getDestinationType() == DestinationType::OBS);
}

TEST_CASE("every Kafka optional can be cleared, and setters chain", "[kafka][model]") {
  ObsDestinationDescriptor d = seedRequest().getObsDestinationDescriptor();
  d.setTopicsRegex("t-.*").clearTopics().clearObsPath().clearPartitionFormat().clearRecordDelimiter();
  CHECK_FALSE(d.getTopics());
  CHECK_FALSE(d.getObsPath());
  CHECK_FALSE(d.getPartitionFormat());
  CHECK_FALSE(d.getRecordDelimiter());
  d.clearTopicsRegex();
  CHECK_FALSE(d.getTopicsRegex());
  ShowSinkTaskRequest show("c", "t");
  CHECK_FALSE(show.setTopicInfo(true).clearTopicInfo().getTopicInfo());
  CreateConnectorRequest connector("i");
  connector.setSpecification(ConnectorSpecification::_100MB).setNodeCnt(3).setSpecCode("x");
  connector.clearSpecification().clearNodeCnt().clearSpecCode();
  CHECK(kd::encodeCreateConnector(connector) == "{}");
}

TEST_CASE("Kafka violations: URL parameters by their API names, messages as before", "[kafka][validation]") {
  auto violations = [](const Result<void>& r) {
    std::vector<FieldViolation> out;
    if (!r) out = r.error().violations;
    return out;
  };
  CHECK(violations(CreateConnectorRequest("").validate()) == std::vector<FieldViolation>{{"instance_id", "is required"}});
  CHECK(violations(ShowSinkTaskRequest("c", std::string(65, 'a')).validate()) ==
        std::vector<FieldViolation>{{"task_id", "must be at most 64 letters, digits, '-' and '_'"}});
  CHECK(violations(CreateConnectorRequest("i").setNodeCnt(17).setSpecCode("").setSpecification(
                       static_cast<ConnectorSpecification>(9)).validate()) ==
        std::vector<FieldViolation>{{"specification", "must be 100MB, 300MB, 600MB or 1200MB"},
                                    {"node_cnt", "must be between 2 and 16"},
                                    {"spec_code", "must not be empty"}});
  ObsDestinationDescriptor d = seedRequest().getObsDestinationDescriptor();
  d.setTopics(".*").setTopicsRegex(".*").setConsumerStrategy(static_cast<ConsumerStrategy>(5));
  d.setDestinationFileType(static_cast<DestinationFileType>(3)).setAccessKey(std::string(257, 'k'));
  d.setObsBucketName("A").setObsPath(std::string(65, '+')).setRecordDelimiter(static_cast<RecordDelimiter>(8));
  d.setDeliverTimeInterval(0);
  const std::string p = "obs_destination_descriptor.";
  CHECK(violations(CreateSinkTaskRequest("c", std::string(256, 'n'), d).validate()) ==
        std::vector<FieldViolation>{
            {"task_name", "must be printable UTF-8 text of at most 255 bytes"},
            {p + "consumer_strategy", "must be latest or earliest"},
            {p + "destination_file_type", "must be TEXT"},
            {p + "access_key", "must be at most 256 bytes"},
            {p + "obs_bucket_name", "must be 3 to 63 characters long"},
            {p + "obs_bucket_name", "may contain only lowercase letters, digits, '-' and '.'"},
            {p + "obs_path", "must be at most 64 characters"},
            {p + "obs_path", "may contain only letters, digits, '_', '-' and '/'"},
            {p + "record_delimiter", "is not a known RecordDelimiter"},
            {p + "deliver_time_interval", "must be between 30 and 900"},
            // Rules across fields come after the fields' own.
            {p + "topics", "set exactly one of topics and topics_regex"},
            {p + "topics_regex", "must not be \".*\""},
            {p + "topics", "must not be \".*\""},
        });
  CHECK(d.validate("descriptor").back().field == "descriptor.topics");
}

TEST_CASE("Kafka responses are read through their tables; problems are named by path", "[kafka][wire]") {
  auto created = kd::decodeCreateSinkTaskResponse(R"({"task_id":"t-9"})");
  REQUIRE(created);
  CHECK(created->getTaskId() == "t-9");
  auto missing = kd::decodeCreateSinkTaskResponse(R"({"task_id":""})");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().violations == std::vector<FieldViolation>{{"task_id", "is missing"}});
  auto list = kd::decodeList(R"({"tasks":[{"task_id":"a","create_time":"12"},7,{"task_name":5}],"total_number":2})");
  REQUIRE_FALSE(list);
  CHECK(list.error().violations ==
        std::vector<FieldViolation>{{"tasks[1]", "must be an object"}, {"tasks[2].task_name", "must be a string"}});
  auto show = kd::decodeShow(R"({"task_id":"a","topics_info":[{"topic":"t","partitions":[{"partition_id":0,"lag":3}]}]})");
  REQUIRE(show);
  CHECK(show->getTaskId() == "a");
  CHECK(show->getTask().getTaskId() == "a");
  CHECK(show->getTopicsInfo().at(0).getPartitions().at(0).getPartitionId() == "0");
  CHECK(show->getTopicsInfo().at(0).getPartitions().at(0).getLag() == "3");
  CHECK_FALSE(show->getObsDestinationDescriptor());
  auto badShow = kd::decodeShow(R"({"create_time":{},"topics_info":[{"partitions":[{"lag":{}}]}]})");
  REQUIRE_FALSE(badShow);
  CHECK(badShow.error().violations == std::vector<FieldViolation>{{"create_time", "must be an integer"},
                                                                  {"topics_info[0].partitions[0].lag", "must be a string"}});
}
