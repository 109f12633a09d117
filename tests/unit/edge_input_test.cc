// Bad input at the edges (issue 8, item 8): control bytes and unbounded lengths in credentials,
// names and endpoints, invalid UTF-8 in body strings, integers out of their documented range. Each
// is refused before anything is sent, with a violation naming the field.

#include <catch2/catch.hpp>
#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "support/samples.h"
#include "support/scoped_env.h"

using namespace delivery;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::MockTransport;

namespace {

const std::string kTenMegabytes(10 * 1024 * 1024, 'A');

std::vector<std::string> fieldsOf(const Error& e) {
  std::vector<std::string> out;
  for (const auto& v : e.violations) out.push_back(v.field);
  return out;
}

std::vector<std::string> fieldsOf(const Result<void>& r) { return r ? std::vector<std::string>{} : fieldsOf(r.error()); }
std::vector<std::string> fieldsOf(const std::vector<FieldViolation>& violations) {
  std::vector<std::string> out;
  for (const auto& v : violations) out.push_back(v.field);
  return out;
}

bool names(const std::vector<std::string>& fields, const std::string& field) {
  for (const auto& f : fields) {
    if (f == field) return true;
  }
  return false;
}

// Invalid UTF-8 of several kinds: a stray continuation byte, a truncated sequence, an overlong
// encoding of '/', an encoded UTF-16 surrogate, and a code point above U+10FFFF.
const std::vector<std::string> kBadUtf8 = {"a\x80", "ab\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"};

struct TablestoreSetup {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  tablestore::DeliveryClientConfig config;
  TablestoreSetup() { config.transport = transport; }
  Result<tablestore::DeliveryClient> create(const std::string& endpoint, const std::string& instance, Credentials c) {
    return tablestore::DeliveryClient::create(endpoint, instance, std::move(c), config);
  }
};

kafka::CreateSinkTaskRequest kafkaSample() {
  kafka::ObsDestinationDescriptor d;
  d.setTopics("topic-test").setAccessKey("ak").setSecretKey("sk").setObsBucketName("bucket");
  return kafka::CreateSinkTaskRequest("connector-1", "task", d);
}

dis::DWSDestinationDescriptor disDws() {
  dis::DWSDestinationDescriptor d;
  d.setTaskName("dwstask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(60);
  d.setDwsClusterName("dwscluster")
      .setDwsClusterId("f82dc227-3691-47eb-bca7-e7851f509b2a")
      .setDwsDatabaseName("postgres")
      .setDwsSchema("dbadmin")
      .setDwsTableName("dwstablename")
      .setDwsDelimiter(dis::DwsDelimiter::COMMA)
      .setUserName("dbadmin")
      .setUserPassword("userpassword")
      .setKmsUserKeyName("kmskey")
      .setKmsUserKeyId("1e759f06-9188-4d21-afab-a75e57c04d2b")
      .setObsBucketPath("obsbucket");
  return d;
}

}  // namespace

TEST_CASE("Tablestore credentials with any control byte are refused, naming the field", "[edge][tablestore]") {
  TablestoreSetup s;
  const std::string endpoint = "https://inst.cn-hangzhou.ots.aliyuncs.com";
  REQUIRE(s.create(endpoint, "inst", Credentials("id", "secret", "token")));
  for (const std::string& bad : {std::string("ab\0cd", 5), std::string("a\tb"), std::string("a\x1b[2J"),
                                std::string("a\x7f"), std::string("a\rb")}) {
    INFO("value " << bad.size() << " bytes");
    auto id = s.create(endpoint, "inst", Credentials(bad, "secret"));
    REQUIRE_FALSE(id);
    CHECK(fieldsOf(id.error()) == std::vector<std::string>{"credentials.accessKeyId"});
    auto secret = s.create(endpoint, "inst", Credentials("id", bad));
    REQUIRE_FALSE(secret);
    CHECK(fieldsOf(secret.error()) == std::vector<std::string>{"credentials.accessKeySecret"});
    auto token = s.create(endpoint, "inst", Credentials("id", "secret", bad));
    REQUIRE_FALSE(token);
    CHECK(fieldsOf(token.error()) == std::vector<std::string>{"credentials.securityToken"});
  }
  // The same rule for credentials read from the environment, and for the User-Agent suffix.
  {
    test::ScopedEnv id("EDGE_TEST_ID", "id\x1b[2J");
    test::ScopedEnv secret("EDGE_TEST_SECRET", "secret");
    auto env = Credentials::fromEnvironment("EDGE_TEST_ID", "EDGE_TEST_SECRET", "");
    REQUIRE_FALSE(env);
    CHECK(fieldsOf(env.error()) == std::vector<std::string>{"credentials.accessKeyId"});
  }
  s.config.userAgentSuffix = "app/1.0\x1b[2J";
  auto agent = s.create(endpoint, "inst", Credentials("id", "secret"));
  REQUIRE_FALSE(agent);
  CHECK(fieldsOf(agent.error()) == std::vector<std::string>{"config.userAgentSuffix"});
  CHECK(s.transport->requestCount() == 0);
}

TEST_CASE("Tablestore: 10 MB keys, tokens, instance names and hosts are refused", "[edge][tablestore]") {
  TablestoreSetup s;
  const std::string endpoint = "https://inst.cn-hangzhou.ots.aliyuncs.com";
  auto check = [&](Result<tablestore::DeliveryClient> r, const std::string& field) {
    REQUIRE_FALSE(r);
    CHECK(fieldsOf(r.error()) == std::vector<std::string>{field});
    // The error stays readable: it does not carry the 10 MB value.
    CHECK(r.error().toString().size() < 4096);
  };
  check(s.create(endpoint, "inst", Credentials(kTenMegabytes, "secret")), "credentials.accessKeyId");
  check(s.create(endpoint, "inst", Credentials("id", kTenMegabytes)), "credentials.accessKeySecret");
  check(s.create(endpoint, "inst", Credentials("id", "secret", kTenMegabytes)), "credentials.securityToken");
  check(s.create(endpoint, kTenMegabytes, Credentials("id", "secret")), "instanceName");
  check(s.create("https://" + kTenMegabytes, "inst", Credentials("id", "secret")), "endpoint");
  // At the bounds: a host of 253 characters (RFC 1035), an instance name of 63 (one DNS label).
  const std::string label(63, 'h');
  const std::string host253 = label + "." + label + "." + label + "." + std::string(61, 'h');
  CHECK(s.create("https://" + host253, "inst", Credentials("id", "secret")));
  CHECK_FALSE(s.create("https://" + host253 + "h", "inst", Credentials("id", "secret")));
  CHECK(s.create(endpoint, std::string(63, 'i'), Credentials("id", "secret")));
  CHECK_FALSE(s.create(endpoint, std::string(64, 'i'), Credentials("id", "secret")));
  CHECK(s.transport->requestCount() == 0);
}

TEST_CASE("Huawei credentials and client settings: control bytes and 10 MB values are refused", "[edge][huawei]") {
  auto transport = std::make_shared<MockTransport>();
  kafka::KafkaClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto create = [&](HuaweiCredentials c) { return kafka::KafkaClient::create(std::move(c), config); };
  REQUIRE(create(HuaweiCredentials::withAkSk("AK", "SK", "proj", "token")));
  const std::string nul("a\0b", 3);
  struct Case {
    HuaweiCredentials credentials;
    std::string field;
  };
  const std::vector<Case> cases = {
      {HuaweiCredentials::withAkSk(nul, "SK", "proj"), "credentials.accessKey"},
      {HuaweiCredentials::withAkSk("AK", nul, "proj"), "credentials.secretKey"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", "a\x1b"), "credentials.securityToken"},
      {HuaweiCredentials::withToken("tok\x7f", "proj"), "credentials.authToken"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", "a\tb"), "credentials.securityToken"},
      {HuaweiCredentials::withAkSk(kTenMegabytes, "SK", "proj"), "credentials.accessKey"},
      {HuaweiCredentials::withAkSk("AK", kTenMegabytes, "proj"), "credentials.secretKey"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", kTenMegabytes), "credentials.securityToken"},
      {HuaweiCredentials::withToken(kTenMegabytes, "proj"), "credentials.authToken"},
      {HuaweiCredentials::withAkSk("AK", "SK", kTenMegabytes), "credentials.projectId"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    auto r = create(cases[i].credentials);
    REQUIRE_FALSE(r);
    CHECK(fieldsOf(r.error()) == std::vector<std::string>{cases[i].field});
    CHECK(r.error().toString().size() < 4096);
  }
  const auto creds = HuaweiCredentials::withAkSk("AK", "SK", "proj");
  config.region = kTenMegabytes;
  auto region = create(creds);
  REQUIRE_FALSE(region);
  CHECK(fieldsOf(region.error()) == std::vector<std::string>{"config.region"});
  CHECK(region.error().toString().size() < 4096);
  config.region.clear();
  config.endpoint = "https://" + kTenMegabytes;
  auto endpoint = create(creds);
  REQUIRE_FALSE(endpoint);
  CHECK(fieldsOf(endpoint.error()) == std::vector<std::string>{"config.endpoint"});
  CHECK(endpoint.error().toString().size() < 4096);
  CHECK(transport->requestCount() == 0);
}

TEST_CASE("Tablestore body strings must be valid UTF-8", "[edge][tablestore]") {
  for (const auto& bad : kBadUtf8) {
    INFO("bytes " << bad.size());
    auto config = test::javaSampleConfig();
    config.addParquetSchema(tablestore::ParquetSchema("Col2", bad, tablestore::DataType::UTF8));
    CHECK(fieldsOf(config.validate("taskConfig")) == std::vector<std::string>{"taskConfig.schema[3].ossColumnName"});
    config = test::javaSampleConfig();
    config.addParquetSchema(tablestore::ParquetSchema(bad, "Col2", tablestore::DataType::UTF8));
    CHECK(fieldsOf(config.validate("taskConfig")) == std::vector<std::string>{"taskConfig.schema[3].columnName"});
    config = test::javaSampleConfig();
    config.setEventTimeColumn(tablestore::EventColumn(bad, tablestore::EventTimeFormat::RFC1123));
    CHECK(fieldsOf(config.validate("taskConfig")) == std::vector<std::string>{"taskConfig.eventTimeColumn.columnName"});
  }
  // Valid multi-byte text passes.
  auto config = test::javaSampleConfig();
  config.addParquetSchema(tablestore::ParquetSchema("Col2", "列\xF0\x9F\x98\x80", tablestore::DataType::UTF8));
  CHECK(config.validate("taskConfig").empty());
}

TEST_CASE("DIS body strings must be valid UTF-8", "[edge][dis]") {
  auto transport = std::make_shared<MockTransport>();
  dis::DisClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto client = dis::DisClient::create(HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
  const std::string p = "dws_destination_descriptor.";
  for (const auto& bad : kBadUtf8) {
    INFO("bytes " << bad.size());
    auto d = disDws();
    d.setUserName(bad).setDwsTableColumns(bad).setAgencyName(bad).setDwsSchema(bad);
    auto r = client.createTransferTask(dis::CreateTransferTaskRequest("stream", d));
    REQUIRE_FALSE(r);
    const auto fields = fieldsOf(r.error());
    CHECK(names(fields, p + "user_name"));
    CHECK(names(fields, p + "dws_table_columns"));
    CHECK(names(fields, p + "agency_name"));
    CHECK(names(fields, p + "dws_schema"));
    CHECK(fields.size() == 4);
  }
  CHECK(transport->requestCount() == 0);
}

TEST_CASE("Kafka body strings must be valid UTF-8", "[edge][kafka]") {
  const std::string p = "obs_destination_descriptor.";
  for (const auto& bad : kBadUtf8) {
    INFO("bytes " << bad.size());
    auto r = kafkaSample();
    auto d = r.getObsDestinationDescriptor();
    d.setTopics("t" + bad).setAccessKey(bad).setSecretKey(bad);
    r.setObsDestinationDescriptor(d).setTaskName("task" + bad);
    CHECK(fieldsOf(r.validate()) ==
          std::vector<std::string>{"task_name", p + "topics", p + "access_key", p + "secret_key"});
    d = kafkaSample().getObsDestinationDescriptor();
    d.setTopics("").setTopicsRegex("t" + bad);
    CHECK(fieldsOf(kafkaSample().setObsDestinationDescriptor(d).validate()) == std::vector<std::string>{p + "topics_regex"});
    CHECK(fieldsOf(kafka::CreateConnectorRequest("i").setSpecCode(bad).validate()) == std::vector<std::string>{"spec_code"});
  }
}

TEST_CASE("integers outside their documented range are refused", "[edge][kafka][dis]") {
  // node_cnt: at least 2 (CreateConnectorReq), at most 16 (connector_node_num of the instance).
  CHECK(kafka::CreateConnectorRequest("i").setNodeCnt(2).validate());
  CHECK(kafka::CreateConnectorRequest("i").setNodeCnt(16).validate());
  CHECK(fieldsOf(kafka::CreateConnectorRequest("i").setNodeCnt(17).validate()) == std::vector<std::string>{"node_cnt"});
  CHECK(fieldsOf(kafka::CreateConnectorRequest("i").setNodeCnt(INT_MAX).validate()) == std::vector<std::string>{"node_cnt"});
  CHECK(fieldsOf(kafka::CreateConnectorRequest("i").setNodeCnt(INT_MIN).validate()) == std::vector<std::string>{"node_cnt"});
  auto r = kafkaSample();
  auto d = r.getObsDestinationDescriptor();
  d.setDeliverTimeInterval(INT_MAX);
  CHECK(fieldsOf(r.setObsDestinationDescriptor(d).validate()) ==
        std::vector<std::string>{"obs_destination_descriptor.deliver_time_interval"});
  auto dws = disDws();
  dws.setDeliverTimeInterval(INT_MAX).setRetryDuration(INT_MIN);
  CHECK(fieldsOf(dis::CreateTransferTaskRequest("stream", dws).validate()) ==
        std::vector<std::string>{"dws_destination_descriptor.deliver_time_interval",
                                 "dws_destination_descriptor.retry_duration"});
}

TEST_CASE("the duplicate-column rule holds at 200,000 Parquet columns", "[edge][tablestore][linear]") {
  // A behaviour test, not a timing test: comparing every pair would make this case run for minutes.
  constexpr std::size_t kColumns = 200000;
  auto config = test::javaSampleConfig();
  for (std::size_t i = config.getParquetSchemaList().size(); i < kColumns; ++i) {
    config.addParquetSchema(tablestore::ParquetSchema("c" + std::to_string(i), tablestore::DataType::INT64));
  }
  CHECK(config.validate("taskConfig").empty());
  config.addParquetSchema(tablestore::ParquetSchema("x", "c100000", tablestore::DataType::INT64));
  config.addParquetSchema(tablestore::ParquetSchema("y", "PK1", tablestore::DataType::INT64));
  const auto v = config.validate("taskConfig");
  CHECK(fieldsOf(v) == std::vector<std::string>{"taskConfig.schema[200000].ossColumnName",
                                                 "taskConfig.schema[200001].ossColumnName"});
}
