// toJson()/fromJson() of the request models (delivery/<family>/json.h): round trips, the golden
// JSON of the Java sample, secrets, and strict reading (unknown keys, wrong types, lines).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "delivery/dis/json.h"
#include "delivery/kafka/json.h"
#include "delivery/tablestore/json.h"
#include "support/samples.h"

using namespace delivery;

namespace {

std::string readData(const std::string& name) {
  std::ifstream in(std::string(DELIVERY_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

bool hasViolation(const Error& e, const std::string& field, const std::string& messagePart) {
  for (const auto& v : e.violations) {
    if (v.field == field && v.message.find(messagePart) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Tablestore create: golden JSON with Java-SDK names, and a round trip") {
  const auto request = test::javaSampleCreate();
  const std::string json = tablestore::toJson(request);
  CHECK(json + "\n" == readData("json/tablestore-create.json"));
  auto back = tablestore::fromJson<tablestore::CreateDeliveryTaskRequest>(json);
  REQUIRE(back);
  CHECK(back->getTaskConfig() == request.getTaskConfig());
  CHECK(back->getTaskType() == tablestore::DeliveryTaskType::BASE_INC);
  CHECK(back->getTableName() == "sampleTable");
  CHECK(tablestore::toJson(*back) == json);
}

TEST_CASE("Tablestore: unknown keys, wrong types and unknown enum names are named with their lines") {
  const std::string json =
      "{\n"
      "  \"tableName\": \"t\",\n"
      "  \"taskName\": 7,\n"
      "  \"taskConfig\": {\n"
      "    \"ossBucket\": \"b\",\n"
      "    \"schema\": [],\n"
      "    \"parquetSchema\": [{\"columnName\": \"a\", \"type\": \"TEXT\"}]\n"
      "  }\n"
      "}";
  auto r = tablestore::fromJson<tablestore::CreateDeliveryTaskRequest>(json);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::InvalidArgument);
  CHECK(r.error().violations.size() == 3);
  CHECK(hasViolation(r.error(), "taskName", "must be a string (line 3)"));
  CHECK(hasViolation(r.error(), "taskConfig.schema", "is not a known field (line 6)"));
  CHECK(hasViolation(r.error(), "taskConfig.parquetSchema[0].type", "is not a known DataType: \"TEXT\" (line 7)"));
}

TEST_CASE("Tablestore: validation paths can be named as the JSON names them") {
  CHECK(tablestore::jsonPathOf("taskConfig.schema[1].ossColumnName") == "taskConfig.parquetSchema[1].ossColumnName");
  CHECK(tablestore::jsonPathOf("taskConfig.eventTimeColumn.timeFormat") == "taskConfig.eventTimeColumn.eventTimeFormat");
  CHECK(tablestore::jsonPathOf("table") == "tableName");
  CHECK(tablestore::jsonPathOf("taskName") == "taskName");
}

TEST_CASE("DIS DWS create: secrets redacted unless revealed, and a round trip") {
  const auto request = test::disDwsSeedCreate();
  const std::string redacted = dis::toJson(request);
  CHECK(redacted.find("\"user_password\": \"<redacted>\"") != std::string::npos);
  CHECK(redacted.find("\"stream_name\": \"stream-test\"") != std::string::npos);
  CHECK(redacted.find("\"destination_type\": \"DWS\"") != std::string::npos);

  JsonWriteOptions reveal;
  reveal.revealSecrets = true;
  const std::string full = dis::toJson(request, reveal);
  CHECK(full.find("<redacted>") == std::string::npos);
  auto back = dis::fromJson<dis::CreateTransferTaskRequest>(full);
  REQUIRE(back);
  CHECK(dis::toJson(*back, reveal) == full);
  CHECK(back->validate().ok());

  // A redacted dump read back is refused: "<redacted>" would otherwise be sent as the password.
  auto fromRedacted = dis::fromJson<dis::CreateTransferTaskRequest>(redacted);
  REQUIRE_FALSE(fromRedacted);
  CHECK(hasViolation(fromRedacted.error(), "dws_destination_descriptor.user_password", "<redacted>"));
}

TEST_CASE("DIS: the descriptor key must agree with destination_type, and one descriptor is needed") {
  auto mismatch = dis::fromJson<dis::CreateTransferTaskRequest>(
      R"({"stream_name":"s","destination_type":"OBS","dli_destination_descriptor":{"task_name":"t"}})");
  REQUIRE_FALSE(mismatch);
  CHECK(hasViolation(mismatch.error(), "destination_type", "dli_destination_descriptor"));
  auto none = dis::fromJson<dis::CreateTransferTaskRequest>(R"({"stream_name":"s"})");
  REQUIRE_FALSE(none);
  CHECK(none.error().violations.size() == 1);
  auto unknown = dis::fromJson<dis::CreateTransferTaskRequest>(
      R"({"stream_name":"s","dli_destination_descriptor":{"task_name":"t","dli_table":"x"}})");
  REQUIRE_FALSE(unknown);
  CHECK(hasViolation(unknown.error(), "dli_destination_descriptor.dli_table", "is not a known field (line 1)"));
}

TEST_CASE("Kafka sink and Smart Connect: round trips with secrets revealed, and keys given twice are refused") {
  JsonWriteOptions reveal;
  reveal.revealSecrets = true;
  reveal.pretty = false;
  const auto sink = test::kafkaSinkSample();
  const std::string json = kafka::toJson(sink, reveal);
  auto back = kafka::fromJson<kafka::CreateSinkTaskRequest>(json);
  REQUIRE(back);
  CHECK(kafka::toJson(*back, reveal) == json);
  CHECK(kafka::toJson(sink).find("\"secret_key\": \"<redacted>\"") != std::string::npos);

  kafka::SmartConnectTaskReqSinkConfig obs;
  obs.setAccessKey("ak").setSecretKey("sk").setObsBucketName("bucket").setObsPath("path")
      .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD).setRecordDelimiter(kafka::SmartConnectRecordDelimiter::NEWLINE);
  auto smart = kafka::CreateConnectorTaskRequest::obsSink("instance-1", obs);
  smart.setTaskName("smart-task").setTopics("topic-a");
  const std::string smartJson = kafka::toJson(smart, reveal);
  auto smartBack = kafka::fromJson<kafka::CreateConnectorTaskRequest>(smartJson);
  REQUIRE(smartBack);
  CHECK(kafka::toJson(*smartBack, reveal) == smartJson);

  auto twice = kafka::fromJson<kafka::ShowSinkTaskRequest>(R"({"connector_id":"c","task_id":"a","task_id":"b"})");
  REQUIRE_FALSE(twice);
  CHECK(hasViolation(twice.error(), "task_id", "is given twice"));
}

TEST_CASE("fromJson: bad JSON, a wrong root, a pointer and the size cap") {
  auto bad = kafka::fromJson<kafka::ShowSinkTaskRequest>("{\n\"connector_id\": \"c\",\n}");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("line 3") != std::string::npos);
  auto array = kafka::fromJson<kafka::ShowSinkTaskRequest>("[]");
  REQUIRE_FALSE(array);
  CHECK(array.error().violations.at(0).message == "must be an object (line 1)");

  JsonReadOptions at;
  at.pointer = "/tasks/1";
  at.pathPrefix = "tasks[1]";
  auto inner = kafka::fromJson<kafka::ShowSinkTaskRequest>(
      "{\"tasks\": [{},\n {\"connector_id\": \"c\",\n  \"task_id\": 5}]}", at);
  REQUIRE_FALSE(inner);
  CHECK(hasViolation(inner.error(), "tasks[1].task_id", "must be a string (line 3)"));
  at.pointer = "/nothing";
  CHECK_FALSE(kafka::fromJson<kafka::ShowSinkTaskRequest>("{}", at));

  JsonReadOptions small;
  small.maxBytes = 10;
  auto big = kafka::fromJson<kafka::ShowSinkTaskRequest>(R"({"connector_id":"c","task_id":"t"})", small);
  REQUIRE_FALSE(big);
  CHECK(big.error().message.find("more than the limit") != std::string::npos);

  std::string deep(100000, '[');
  CHECK_FALSE(kafka::fromJson<kafka::ShowSinkTaskRequest>(deep));
  CHECK_FALSE(kafka::fromJson<kafka::ShowSinkTaskRequest>(std::string("{}\0{}", 5)));
}
