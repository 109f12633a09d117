#include <catch2/catch.hpp>
#include <algorithm>
#include <random>

#include "core/crypto.h"
#include "delivery/testing/tablestore_responses.h"
#include "emulator/tablestore/responses.h"
#include "emulator/tablestore/wire.h"
#include "tablestore/codec.h"

using namespace delivery;
using namespace delivery::tablestore;
namespace td = delivery::tablestore::detail;
// The emulator's protobuf tables, written from the vendor schema: an independent reader and writer.
namespace ots = delivery::emulator::ots;
namespace canned = delivery::testing::tablestore;

namespace {
OSSTaskConfig fullConfig() {
  OSSTaskConfig c;
  c.setOssPrefix("p/$yyyy")
      .setOssBucket("bucket-1")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1:role/r")
      .setEventTimeColumn(EventColumn("ts", EventTimeFormat::Unix))
      .addParquetSchema(ParquetSchema("a", "A", DataType::TIMESTAMP_MICROS).setEncode(OSSFileEncoding::PLAIN_DICTIONARY))
      .addParquetSchema(ParquetSchema("d", "D", DataType::DECIMAL).setTypeExtend("decimal(10,2)"));
  return c;
}
}  // namespace

TEST_CASE("CreateDeliveryTaskRequest reads back with the vendor schema", "[tablestore][codec]") {
  CreateDeliveryTaskRequest r("tbl", "task-1", fullConfig());
  r.setTaskType(DeliveryTaskType::INC);
  const std::string body = td::encode(r);
  auto back = ots::decode(ots::kCreateDeliveryTaskRequest, body);
  REQUIRE(back);
  CHECK(*back->string("tableName") == "tbl");
  CHECK(*back->string("taskName") == "task-1");
  CHECK(*back->number("taskType") == 1);  // INC
  const ots::Message* config = back->message("taskConfig");
  REQUIRE(config);
  CHECK(*config->string("ossPrefix") == "p/$yyyy");
  CHECK(*config->string("ossBucket") == "bucket-1");
  CHECK(*config->string("ossEndpoint") == "oss-cn-hangzhou.aliyuncs.com");
  CHECK(*config->string("ossStsRole") == "acs:ram::1:role/r");
  CHECK(*config->message("eventTimeColumn")->number("timeFormat") == 5);  // Unix
  REQUIRE(config->messages("schema").size() == 2);
  CHECK(*config->messages("schema")[0].number("type") == 9);    // TIMESTAMP_MICROS
  CHECK(*config->messages("schema")[0].number("encode") == 1);  // PLAIN_DICTIONARY
  CHECK(*config->messages("schema")[1].string("typeExtend") == "decimal(10,2)");
  // Deterministic: same request, same bytes.
  CHECK(td::encode(r) == body);
}

TEST_CASE("the event column (field 7) and typeExtend (field 5) are sent only when set", "[tablestore][codec]") {
  OSSTaskConfig c = fullConfig();
  c.clearEventTimeColumn();
  c.setParquetSchemaList({ParquetSchema("a", DataType::BOOL)});
  const std::string without = delivery::detail::hexEncode(td::encode(CreateDeliveryTaskRequest("t", "abc", c)));
  // The OSSTaskConfig ends with format (field 8 = 0x40 0x00) then one schema entry (0x5a ...):
  // no 0x3a (field 7) tag, and the schema entry has exactly fields 1-4.
  CHECK(without.find("4000" "5a0a" "0a0161" "120161" "1800" "2000") != std::string::npos);
  c.setEventTimeColumn(EventColumn("ts", EventTimeFormat::RFC822));
  const std::string with = delivery::detail::hexEncode(td::encode(CreateDeliveryTaskRequest("t", "abc", c)));
  CHECK(with.find("3a06" "0a027473" "1001") != std::string::npos);
  c.setParquetSchemaList({ParquetSchema("a", DataType::BOOL).setTypeExtend("x")});
  CHECK(delivery::detail::hexEncode(td::encode(CreateDeliveryTaskRequest("t", "abc", c))).find("2a0178") != std::string::npos);
}

TEST_CASE("Update uses field 1 'table' and field 5 for the config", "[tablestore][codec]") {
  UpdateDeliveryTaskRequest u("tbl", "task", fullConfig());
  const std::string hex = delivery::detail::hexEncode(td::encode(u));
  CHECK(hex.rfind("0a0374626c" "12047461736b" "2a", 0) == 0);
  auto back = ots::decode(ots::kUpdateDeliveryTaskRequest, td::encode(u));
  REQUIRE(back);
  CHECK(*back->string("table") == "tbl");
  CHECK(*back->message("taskConfig")->string("ossBucket") == "bucket-1");
}

TEST_CASE("Describe/Delete/List requests", "[tablestore][codec]") {
  CHECK(delivery::detail::hexEncode(td::encode(DescribeDeliveryTaskRequest("t", "k"))) == "0a017412016b");
  CHECK(delivery::detail::hexEncode(td::encode(DeleteDeliveryTaskRequest("t", "k"))) == "0a017412016b");
  CHECK(delivery::detail::hexEncode(td::encode(ListDeliveryTaskRequest("t"))) == "0a0174");
}

TEST_CASE("responses written from the vendor schema decode", "[tablestore][codec]") {
  const Credentials creds("id", "secret");
  std::vector<DeliveryTaskInfo> tasks{{"t", "a", DeliveryTaskType::BASE}, {"t", "b", DeliveryTaskType::BASE_INC}};
  auto list = td::decodeListResponse(canned::listOk(creds, tasks).body);
  REQUIRE(list);
  CHECK(list->getTaskInfos() == tasks);

  const TaskSyncStat stat(TaskSyncPhase::INCR, 1700000000000000000LL, DeliveryErrorType::INVALID_OSS_BUCKET,
                          "bucket gone");
  auto d = td::decodeDescribeResponse(canned::describeOk(creds, fullConfig(), DeliveryTaskType::BASE, stat).body);
  REQUIRE(d);
  CHECK(d->getTaskConfig() == fullConfig());  // typeExtend survives, unlike in the Java SDK
  CHECK(d->getTaskSyncStat() == stat);
  CHECK(d->getTaskType() == DeliveryTaskType::BASE);
  CHECK(d->isFinished());
}

TEST_CASE("an empty Describe body reads as the proto defaults", "[tablestore][codec]") {
  auto d = td::decodeDescribeResponse("");
  REQUIRE(d);
  CHECK(d->getTaskSyncStat().getTaskSyncPhase() == TaskSyncPhase::INIT);
  CHECK(d->getTaskSyncStat().getErrorType() == DeliveryErrorType::OK);
  CHECK(d->getTaskType() == DeliveryTaskType::BASE);
  CHECK_FALSE(d->getTaskConfig().getEventTimeColumn());
}

TEST_CASE("malformed bodies are errors, not crashes", "[tablestore][codec]") {
  const std::vector<std::string> garbage = {
      std::string("\x0a\xff\xff\xff\xff\x0f", 6),  // length far beyond the data
      std::string("\x0a\x05" "ab", 4),              // truncated string
      std::string("\x0f", 1),                       // bad wire type
      "<html><body>502 Bad Gateway</body></html>",
  };
  for (const auto& g : garbage) {
    INFO(delivery::detail::hexEncode(g));
    auto l = td::decodeListResponse(g);
    auto d = td::decodeDescribeResponse(g);
    CHECK_FALSE(l);
    CHECK_FALSE(d);
    if (!l) CHECK(l.error().kind == ErrorKind::InvalidResponse);
  }
  // The Error message requires its code.
  std::string code, message;
  CHECK_FALSE(td::decodeError(std::string("\x12\x02hi", 4), code, message));
  CHECK_FALSE(td::decodeError("", code, message));
  REQUIRE(td::decodeError(ots::encodeError("OTSServerBusy", "slow down"), code, message));
  CHECK(code == "OTSServerBusy");
  CHECK(message == "slow down");
}

TEST_CASE("random and mutated bodies never crash the decoders or the response checks", "[tablestore][codec]") {
  std::mt19937 rng(20261121);  // fixed seed: the same inputs on every run
  TaskSyncStat stat;
  const std::string valid = canned::describeOk(Credentials("id", "secret"), fullConfig(), DeliveryTaskType::BASE_INC, stat).body;
  int decodedOk = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string body;
    if (i % 2 == 0) {
      body.resize(rng() % 64);
      for (char& c : body) c = static_cast<char>(rng());
    } else {
      body = valid;
      for (int k = 0; k < 3; ++k) body[rng() % body.size()] = static_cast<char>(rng());
      body.resize(rng() % (body.size() + 1));  // truncate too
    }
    auto d = td::decodeDescribeResponse(body);
    auto l = td::decodeListResponse(body);
    std::string code, message;
    (void)td::decodeError(body, code, message);
    decodedOk += d.ok() ? 1 : 0;
    if (!d) CHECK(d.error().kind == ErrorKind::InvalidResponse);
    if (!l) CHECK(l.error().kind == ErrorKind::InvalidResponse);
  }
  // Some mutations still decode (protobuf is permissive), many do not: both paths were exercised.
  CHECK(decodedOk > 0);
  CHECK(decodedOk < 3000);
}

TEST_CASE("an enum number the protocol does not know stays readable as its number, never a default",
          "[tablestore][codec]") {
  // DescribeDeliveryTaskResponse.taskType (field 3, varint) = 7. A proto2 enum field would move 7
  // into the unknown fields and read as BASE; the number must survive as UNKNOWN + 7.
  auto d = td::decodeDescribeResponse(std::string("\x18\x07", 2));
  REQUIRE(d);
  CHECK(d->getTaskType() == DeliveryTaskType::UNKNOWN);
  CHECK(d->getTaskTypeNumber() == 7);
  CHECK(std::string(toString(d->getTaskType())) == "UNKNOWN");
  CHECK_FALSE(d->isFinished());
  // ListDeliveryTaskResponse.tasks[0].taskType = 9, likewise.
  auto l = td::decodeListResponse(std::string("\x0a\x02\x18\x09", 4));
  REQUIRE(l);
  REQUIRE(l->getTaskInfos().size() == 1);
  CHECK(l->getTaskInfos()[0].getTaskType() == DeliveryTaskType::UNKNOWN);
  CHECK(l->getTaskInfos()[0].getTaskTypeNumber() == 9);
  // A negative number (ten-byte varint) is a number too: -1 is not UNKNOWN's own value on the wire.
  auto negative = td::decodeDescribeResponse(std::string("\x18\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11));
  REQUIRE(negative);
  CHECK(negative->getTaskType() == DeliveryTaskType::UNKNOWN);
  CHECK(negative->getTaskTypeNumber() == -1);
}

TEST_CASE("an unknown DataType number in a Describe response reads as UNKNOWN with its number",
          "[tablestore][codec]") {
  // Written with the emulator's tables (an independent encoder): DataType 16, one past INT96,
  // Encoding 9, EventTimeFormat 0, Format 3, TimeFormatter 5, phase 3, error_code 7.
  ots::Message config(ots::kOSSTaskConfig);
  config.setString("ossPrefix", "p").setNumber("formatter", 5);
  ots::Message column(ots::kEventColumn);
  column.setString("columnName", "ts").setNumber("timeFormat", 0);
  config.addMessage("eventTimeColumn", std::move(column)).setNumber("format", 3);
  ots::Message known(ots::kParquetSchema);
  known.setString("columnName", "a").setString("ossColumnName", "a").setNumber("type", 15).setNumber("encode", 0);
  ots::Message unknown(ots::kParquetSchema);
  unknown.setString("columnName", "b").setString("ossColumnName", "b").setNumber("type", 16).setNumber("encode", 9);
  config.addMessage("schema", std::move(known)).addMessage("schema", std::move(unknown));
  const std::string body = ots::encodeDescribeResponse(config, 2, ots::SyncStat{3, 42, 7, "new"});

  auto d = td::decodeDescribeResponse(body);
  REQUIRE(d);
  const OSSTaskConfig& c = d->getTaskConfig();
  REQUIRE(c.getParquetSchemaList().size() == 2);
  CHECK(c.getParquetSchemaList()[0].getType() == DataType::INT96);
  CHECK(c.getParquetSchemaList()[1].getType() == DataType::UNKNOWN);  // not BOOL, as Java reads it
  CHECK(c.getParquetSchemaList()[1].getTypeNumber() == 16);
  CHECK(c.getParquetSchemaList()[1].getEncode() == OSSFileEncoding::UNKNOWN);
  CHECK(c.getParquetSchemaList()[1].getEncodeNumber() == 9);
  REQUIRE(c.getEventTimeColumn());
  CHECK(c.getEventTimeColumn()->getEventTimeFormat() == EventTimeFormat::UNKNOWN);
  CHECK(c.getEventTimeColumn()->getEventTimeFormatNumber() == 0);
  CHECK(c.getFormat() == OSSFileFormat::UNKNOWN);
  CHECK(c.getFormatNumber() == 3);
  CHECK(c.getTimeFormatter() == TimeFormatter::UNKNOWN);
  CHECK(c.getTimeFormatterNumber() == 5);
  CHECK(d->getTaskSyncStat().getTaskSyncPhase() == TaskSyncPhase::UNKNOWN);
  CHECK(d->getTaskSyncStat().getTaskSyncPhaseNumber() == 3);
  CHECK(d->getTaskSyncStat().getErrorType() == DeliveryErrorType::UNKNOWN);
  CHECK(d->getTaskSyncStat().getErrorTypeNumber() == 7);
  CHECK(d->getTaskSyncStat().getCurrentSyncTimestampNanos() == 42);
  CHECK(d->getTaskType() == DeliveryTaskType::BASE_INC);

  // Such a config cannot be sent back as it is: validation names every unknown number.
  const auto problems = c.validate();
  std::vector<std::string> paths;
  for (const auto& v : problems) paths.push_back(v.field);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.schema[1].type") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.schema[1].encode") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.eventTimeColumn.timeFormat") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.format") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.formatter") == 1);
  CHECK(std::count(paths.begin(), paths.end(), "taskConfig.schema[0].type") == 0);
}

TEST_CASE("formatter (field 2) and ossDirtyPrefix (field 3) are sent only when set and read back",
          "[tablestore][codec]") {
  OSSTaskConfig c = fullConfig();
  const std::string without = td::encode(CreateDeliveryTaskRequest("t", "abc", c));
  auto plain = ots::decode(ots::kCreateDeliveryTaskRequest, without);
  REQUIRE(plain);
  CHECK_FALSE(plain->message("taskConfig")->has("formatter"));
  CHECK_FALSE(plain->message("taskConfig")->has("ossDirtyPrefix"));

  c.setTimeFormatter(TimeFormatter::YDMFormatter).setOssDirtyPrefix("dirty/$yyyy");
  const std::string with = td::encode(CreateDeliveryTaskRequest("t", "abc", c));
  auto back = ots::decode(ots::kCreateDeliveryTaskRequest, with);
  REQUIRE(back);
  const ots::Message* sent = back->message("taskConfig");
  REQUIRE(sent);
  REQUIRE(sent->number("formatter"));
  CHECK(*sent->number("formatter") == 0);
  REQUIRE(sent->string("ossDirtyPrefix"));
  CHECK(*sent->string("ossDirtyPrefix") == "dirty/$yyyy");
  // Update carries the same config message.
  auto update = ots::decode(ots::kUpdateDeliveryTaskRequest, td::encode(UpdateDeliveryTaskRequest("t", "abc", c)));
  REQUIRE(update);
  REQUIRE(update->message("taskConfig"));
  REQUIRE(update->message("taskConfig")->string("ossDirtyPrefix"));
  CHECK(*update->message("taskConfig")->string("ossDirtyPrefix") == "dirty/$yyyy");

  // Describe gives both back; without them they read as unset.
  const Credentials creds("id", "secret");
  auto d = td::decodeDescribeResponse(canned::describeOk(creds, c, DeliveryTaskType::BASE, TaskSyncStat()).body);
  REQUIRE(d);
  CHECK(d->getTaskConfig() == c);
  CHECK(d->getTaskConfig().getTimeFormatter() == TimeFormatter::YDMFormatter);
  CHECK(d->getTaskConfig().getOssDirtyPrefix() == std::optional<std::string>("dirty/$yyyy"));
  auto d2 = td::decodeDescribeResponse(canned::describeOk(creds, fullConfig(), DeliveryTaskType::BASE, TaskSyncStat()).body);
  REQUIRE(d2);
  CHECK_FALSE(d2->getTaskConfig().getTimeFormatter());
  CHECK_FALSE(d2->getTaskConfig().getOssDirtyPrefix());
}
