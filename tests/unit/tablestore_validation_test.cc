// Validation tables: every rule, valid and invalid values, and the field paths reported.

#include <catch2/catch.hpp>

#include "delivery/tablestore/model.h"
#include "support/samples.h"

using namespace delivery;
using namespace delivery::tablestore;

namespace {


CreateDeliveryTaskRequest validCreate() {
  CreateDeliveryTaskRequest r;
  r.setTableName("sampleTable").setTaskName("sampledeliverytask").setTaskConfig(delivery::test::javaSampleConfig());
  return r;
}

// The fields named by the violations of a result (empty when valid).
std::vector<std::string> fields(const Result<void>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& v : r.error().violations) out.push_back(v.field);
  }
  return out;
}

}  // namespace

TEST_CASE("the seed's Java sample passes validation unchanged", "[tablestore][validation]") {
  // Seed 000 (Java): table sampleTable, task sampledeliverytask (18 characters, over the documented 16).
  const auto r = validCreate().validate();
  INFO((r ? std::string() : r.error().toString()));
  CHECK(r.ok());
  CHECK(validCreate().getTaskType() == DeliveryTaskType::BASE_INC);
}

TEST_CASE("the Go seed's config passes validation", "[tablestore][validation]") {
  OSSTaskConfig c;
  c.setOssPrefix("sample/year=$yyyy/month=$MM")
      .setOssBucket("datadeliverytest")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1700000000000045:role/aliyunserviceroleforotsdatadelivery")
      .addParquetSchema(ParquetSchema("PK1", "PK1", DataType::INT64))
      .addParquetSchema(ParquetSchema("PK2", "PK2", DataType::UTF8))
      .addParquetSchema(ParquetSchema("Col1", "Col1", DataType::DOUBLE));
  CreateDeliveryTaskRequest r("sampleTable", "sampledeliverytask", c);
  CHECK(r.validate().ok());
}

TEST_CASE("task name rule", "[tablestore][validation]") {
  struct Case {
    std::string name;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"abc", true},
      {"a-1", true},
      {"sampledeliverytask", true},
      {std::string(64, 'a'), true},
      {"ab", false},                    // shorter than 3
      {std::string(65, 'a'), false},    // longer than the bound
      {"Sample", false},                // upper case
      {"task_1", false},                // underscore
      {"-abc", false},                  // starts with '-'
      {"abc-", false},                  // ends with '-'
      {"", false},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = validCreate().setTaskName(c.name).validate();
    CHECK(r.ok() == c.valid);
    if (!c.valid) CHECK(fields(r) == std::vector<std::string>(fields(r).size(), "taskName"));
  }
}

TEST_CASE("table name rule", "[tablestore][validation]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"sampleTable", true}, {"_t1", true}, {"T", true}, {std::string(255, 'a'), true},
      {"", false}, {"1table", false}, {"my-table", false}, {"t able", false}, {std::string(256, 'a'), false},
  };
  for (const auto& [name, valid] : cases) {
    INFO(name);
    CHECK(validCreate().setTableName(name).validate().ok() == valid);
    CHECK(ListDeliveryTaskRequest(name).validate().ok() == valid);
    CHECK(DescribeDeliveryTaskRequest(name, "task").validate().ok() == valid);
    CHECK(DeleteDeliveryTaskRequest(name, "task").validate().ok() == valid);
  }
}

TEST_CASE("existing task names are only required to be non-empty text", "[tablestore][validation]") {
  CHECK(DescribeDeliveryTaskRequest("t", "taskTest_29").validate().ok());  // the Java SDK test's name
  CHECK(fields(DescribeDeliveryTaskRequest("t", "").validate()) == std::vector<std::string>{"taskName"});
  CHECK(fields(DeleteDeliveryTaskRequest("t", std::string(256, 'a')).validate()) == std::vector<std::string>{"taskName"});
  CHECK(fields(DeleteDeliveryTaskRequest("t", "a\nb").validate()) == std::vector<std::string>{"taskName"});
}

TEST_CASE("bucket naming rule", "[tablestore][validation]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"datadeliverytest", true}, {"abc", true}, {"a-b-c", true}, {std::string(63, 'b'), true},
      {"ab", false}, {std::string(64, 'b'), false}, {"Bucket", false}, {"my_bucket", false},
      {"-bucket", false}, {"bucket-", false}, {"", false}, {"bucket.name", false},
  };
  for (const auto& [bucket, valid] : cases) {
    INFO(bucket);
    auto c = delivery::test::javaSampleConfig();
    c.setOssBucket(bucket);
    auto v = c.validate();
    CHECK(v.empty() == valid);
    for (const auto& x : v) CHECK(x.field == "taskConfig.ossBucket");
  }
}

TEST_CASE("ossPrefix rule: object-key prefix with known time variables", "[tablestore][validation]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"plain", true},
      {"a/b/c", true},
      {"y=$yyyy/m=$MM/d=$dd/h=$HH/mi=$mm", true},
      {"$yyyy$MM", true},
      {"", false},
      {"/leading", false},
      {"\\leading", false},
      {"bad/$YYYY", false},
      {"bad/$", false},
      {"bad/$m", false},
      {std::string(1024, 'p'), false},
      {"ctl\x01", false},
      {"bad\xff", false},
  };
  for (const auto& [prefix, valid] : cases) {
    INFO(prefix);
    auto c = delivery::test::javaSampleConfig();
    c.setOssPrefix(prefix);
    auto v = c.validate();
    CHECK(v.empty() == valid);
    for (const auto& x : v) CHECK(x.field == "taskConfig.ossPrefix");
  }
}

TEST_CASE("ossStsRole must be a RAM role ARN", "[tablestore][validation]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery", true},
      {"acs:ram::1:role/My.Role-1", true},
      {"", false},
      {"aliyunserviceroleforotsdatadelivery", false},
      {"acs:ram::17************45:role/aliyunserviceroleforotsdatadelivery", false},  // masked sample
      {"acs:ram:::role/x", false},
      {"acs:ram::123:role/", false},
      {"acs:ram::123:user/x", false},
      {"acs:ram::123:role/" + std::string(65, 'r'), false},
  };
  for (const auto& [arn, valid] : cases) {
    INFO(arn);
    auto c = delivery::test::javaSampleConfig();
    c.setOssStsRole(arn);
    auto v = c.validate();
    CHECK(v.empty() == valid);
    for (const auto& x : v) CHECK(x.field == "taskConfig.ossStsRole");
  }
}

TEST_CASE("ossEndpoint must be a host name", "[tablestore][validation]") {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"oss-cn-hangzhou.aliyuncs.com", true}, {"oss-cn-hangzhou-internal.aliyuncs.com", true},
      {"https://oss-cn-hangzhou.aliyuncs.com", true}, {"", false}, {"oss cn", false}, {"https://", false},
      {"host/path", false}, {".leading", false},
  };
  for (const auto& [endpoint, valid] : cases) {
    INFO(endpoint);
    auto c = delivery::test::javaSampleConfig();
    c.setOssEndpoint(endpoint);
    CHECK(c.validate().empty() == valid);
  }
}

TEST_CASE("schema rules: at least one column, names non-empty, Parquet names unique", "[tablestore][validation]") {
  auto c = delivery::test::javaSampleConfig();
  c.setParquetSchemaList({});
  auto v = c.validate();
  REQUIRE(v.size() == 1);
  CHECK(v[0].field == "taskConfig.schema");

  c.setParquetSchemaList({ParquetSchema("a", "x", DataType::UTF8), ParquetSchema("", "", DataType::UTF8),
                          ParquetSchema("b", "x", DataType::INT64), ParquetSchema("a", "y", DataType::INT64)});
  v = c.validate();
  std::vector<std::string> got;
  for (const auto& x : v) got.push_back(x.field);
  CHECK(got == std::vector<std::string>{"taskConfig.schema[1].columnName",
                                        "taskConfig.schema[1].ossColumnName",
                                        "taskConfig.schema[2].ossColumnName"});
  CHECK(v[2].message.find("\"x\"") != std::string::npos);
}

TEST_CASE("enum values outside the known sets are rejected", "[tablestore][validation]") {
  auto c = delivery::test::javaSampleConfig();
  c.setParquetSchemaList({ParquetSchema("a", "a", static_cast<DataType>(16)).setEncode(static_cast<OSSFileEncoding>(9))});
  c.setEventTimeColumn(EventColumn("", static_cast<EventTimeFormat>(0)));
  c.setFormat(static_cast<OSSFileFormat>(1));
  std::vector<std::string> got;
  for (const auto& x : c.validate()) got.push_back(x.field);
  CHECK(got == std::vector<std::string>{"taskConfig.eventTimeColumn.columnName",
                                        "taskConfig.eventTimeColumn.timeFormat", "taskConfig.format",
                                        "taskConfig.schema[0].type", "taskConfig.schema[0].encode"});
  auto r = validCreate().setTaskType(static_cast<DeliveryTaskType>(3)).validate();
  CHECK(fields(r) == std::vector<std::string>{"taskType"});
}

TEST_CASE("every DataType is accepted, the TIMESTAMP ones included", "[tablestore][validation]") {
  for (int t = 0; t <= 15; ++t) {
    auto c = delivery::test::javaSampleConfig();
    c.setParquetSchemaList({ParquetSchema("a", static_cast<DataType>(t))});
    CHECK(c.validate().empty());
    CHECK_FALSE(std::string(toString(static_cast<DataType>(t))).empty());
  }
}

TEST_CASE("all violations are reported at once with field paths", "[tablestore][validation]") {
  CreateDeliveryTaskRequest r;  // nothing set
  auto v = r.validate();
  REQUIRE_FALSE(v);
  CHECK(v.error().kind == ErrorKind::InvalidArgument);
  CHECK(fields(v) == std::vector<std::string>{"tableName", "taskName", "taskConfig"});

  OSSTaskConfig empty;
  r.setTableName("t").setTaskName("abc").setTaskConfig(empty);
  CHECK(fields(r.validate()) == std::vector<std::string>{"taskConfig.ossPrefix", "taskConfig.ossBucket",
                                                         "taskConfig.ossEndpoint", "taskConfig.ossStsRole",
                                                         "taskConfig.schema"});
  const std::string text = r.validate().error().toString();
  CHECK(text.find("taskConfig.ossBucket: is required") != std::string::npos);
}

TEST_CASE("UpdateDeliveryTaskRequest validation", "[tablestore][validation]") {
  UpdateDeliveryTaskRequest u("sampleTable", "sampledeliverytask", delivery::test::javaSampleConfig());
  CHECK(u.validate().ok());
  UpdateDeliveryTaskRequest missing;
  CHECK(fields(missing.validate()) == std::vector<std::string>{"table", "taskName", "taskConfig"});
}

TEST_CASE("model defaults and builders", "[tablestore][model]") {
  ParquetSchema s("col", DataType::INT64);
  CHECK(s.getOssColumnName() == "col");
  CHECK(s.getEncode() == OSSFileEncoding::PLAIN);
  CHECK_FALSE(s.getTypeExtend().has_value());
  s.setTypeExtend("decimal(10,2)");
  CHECK(*s.getTypeExtend() == "decimal(10,2)");
  OSSTaskConfig c;
  CHECK(c.getFormat() == OSSFileFormat::Parquet);
  CHECK_FALSE(c.getEventTimeColumn().has_value());
  const TaskSyncStat stat(TaskSyncPhase::INIT, 1'700'000'000'123'456'789LL);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(stat.getCurrentSyncPoint().time_since_epoch()).count() ==
        1'700'000'000'123LL);
}

TEST_CASE("UNKNOWN (this SDK's own enumerator) cannot be sent", "[tablestore][validation]") {
  auto c = delivery::test::javaSampleConfig();
  c.setParquetSchemaList({ParquetSchema("a", DataType::UNKNOWN).setEncode(OSSFileEncoding::UNKNOWN)});
  c.setEventTimeColumn(EventColumn("ts", EventTimeFormat::UNKNOWN));
  c.setFormat(OSSFileFormat::UNKNOWN).setTimeFormatter(TimeFormatter::UNKNOWN);
  std::vector<std::string> got;
  std::string text;
  for (const auto& x : c.validate()) {
    got.push_back(x.field);
    text += x.field + ": " + x.message + "\n";
  }
  CHECK(got == std::vector<std::string>{"taskConfig.formatter", "taskConfig.eventTimeColumn.timeFormat",
                                        "taskConfig.format", "taskConfig.schema[0].type", "taskConfig.schema[0].encode"});
  CHECK(text.find("taskConfig.schema[0].type: is not a known DataType") != std::string::npos);
  CHECK(text.find("taskConfig.formatter: is not a known TimeFormatter") != std::string::npos);
  CHECK(fields(validCreate().setTaskType(DeliveryTaskType::UNKNOWN).validate()) == std::vector<std::string>{"taskType"});
  // The one TimeFormatter the protocol has is accepted.
  auto ok = delivery::test::javaSampleConfig();
  ok.setTimeFormatter(TimeFormatter::YDMFormatter);
  CHECK(ok.validate().empty());
}

TEST_CASE("ossDirtyPrefix: optional; when set, an object-key prefix", "[tablestore][validation]") {
  struct Case {
    std::string prefix;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"dirty/", true},
      {"dirty/$yyyy/$MM", true},  // variables are left alone (model.h)
      {"a", true},
      {std::string(1023, 'd'), true},
      {"", false},  // set but empty: no place at all
      {std::string(1024, 'd'), false},
      {"/dirty", false},
      {"\\dirty", false},
      {"dir\nty", false},
      {"d\xff", false},
  };
  for (const auto& c : cases) {
    INFO("ossDirtyPrefix \"" << c.prefix << "\"");
    auto config = delivery::test::javaSampleConfig();
    config.setOssDirtyPrefix(c.prefix);
    std::vector<std::string> got;
    for (const auto& v : config.validate()) got.push_back(v.field);
    if (c.valid) {
      CHECK(got.empty());
    } else {
      REQUIRE_FALSE(got.empty());
      for (const auto& f : got) CHECK(f == "taskConfig.ossDirtyPrefix");
    }
  }
  auto unset = delivery::test::javaSampleConfig();
  CHECK(unset.validate().empty());
  CHECK(unset.setOssDirtyPrefix("x").clearOssDirtyPrefix().validate().empty());
}

TEST_CASE("a chosen trace id: visible ASCII, at most 128 characters, on every request", "[tablestore][validation]") {
  struct Case {
    std::string id;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"0e3a5a0c-7f4e-4b7b-9a34-2b1f1b6c8e21", true},
      {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true},  // W3C traceparent
      {"", true},  // the same as unset: the SDK makes one (as Go does)
      {std::string(128, 'x'), true},
      {std::string(129, 'x'), false},
      {"with space", false},
      {"line\r\nx-ots-injected: 1", false},
      {"tab\tid", false},
      {"caf\xc3\xa9", false},
  };
  for (const auto& c : cases) {
    INFO("trace id \"" << c.id << "\"");
    const auto expected = c.valid ? std::vector<std::string>{} : std::vector<std::string>{"traceId"};
    CHECK(fields(validCreate().setTraceId(c.id).validate()) == expected);
    CHECK(fields(UpdateDeliveryTaskRequest("sampleTable", "t", delivery::test::javaSampleConfig()).setTraceId(c.id).validate()) ==
          expected);
    CHECK(fields(DescribeDeliveryTaskRequest("sampleTable", "t").setTraceId(c.id).validate()) == expected);
    CHECK(fields(DeleteDeliveryTaskRequest("sampleTable", "t").setTraceId(c.id).validate()) == expected);
    CHECK(fields(ListDeliveryTaskRequest("sampleTable").setTraceId(c.id).validate()) == expected);
  }
}
