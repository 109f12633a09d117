// Every public operation of every family against a golden request file (tests/data/golden), written
// from the vendor documents rather than from this SDK's output. Each case builds the request through
// the public model and client, sends it through MockTransport with a success response, and compares
// the method, path and query, Content-Type and body with the golden file, byte for byte.

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/golden.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::test::GoldenBody;
using delivery::test::GoldenRequest;
using delivery::test::parseGolden;
using delivery::test::readGolden;

namespace {

// The golden files of this test, one or more per operation. A file added to or removed from
// tests/data/golden without a matching change here fails "every golden file is checked".
const std::vector<std::string> kGoldenFiles = {
    "dis/BatchStartTransferTask.http",
    "dis/BatchStopTransferTask.http",
    "dis/CreateTransferTask-CLOUDTABLE-HBase.http",
    "dis/CreateTransferTask-CLOUDTABLE-OpenTSDB.http",
    "dis/CreateTransferTask-DLI.http",
    "dis/CreateTransferTask-DWS.http",
    "dis/CreateTransferTask-MRS-carbon.http",
    "dis/CreateTransferTask-MRS-example.http",
    "dis/CreateTransferTask-MRS.http",
    "dis/CreateTransferTask-OBS-gzip.http",
    "dis/CreateTransferTask-OBS.http",
    "dis/DeleteTransferTask.http",
    "dis/ListTransferTasks-page.http",
    "dis/ListTransferTasks.http",
    "dis/ShowTransferTask.http",
    "dis/UpdateTransferTask.http",
    "kafka/CreateConnector-new-flavor.http",
    "kafka/CreateConnector.http",
    "kafka/CreateConnectorTask-OBS.http",
    "kafka/CreateConnectorTask-replicator.http",
    "kafka/CreateSinkTask.http",
    "kafka/DeleteConnector.http",
    "kafka/DeleteConnectorTask.http",
    "kafka/DeleteSinkTask.http",
    "kafka/ListConnectorTasks-no-paging.http",
    "kafka/ListConnectorTasks.http",
    "kafka/ListSinkTasks.http",
    "kafka/PauseConnectorTask.http",
    "kafka/RestartConnectorTask.http",
    "kafka/ResumeConnectorTask.http",
    "kafka/ShowConnectorTask.http",
    "kafka/ShowSinkTask-topic-info.http",
    "kafka/ShowSinkTask.http",
    "tablestore/CreateDeliveryTask-formatter-dirty-prefix.txt",
    "tablestore/CreateDeliveryTask-go-sample.txt",
    "tablestore/CreateDeliveryTask.txt",
    "tablestore/DeleteDeliveryTask.txt",
    "tablestore/DescribeDeliveryTask.txt",
    "tablestore/ListDeliveryTask.txt",
    "tablestore/UpdateDeliveryTask.txt",
};

// Path parameters the Huawei golden files use (their comments say where each comes from).
constexpr const char* kProjectId = "77b6a44cba5143ab91d13ab9a8ff44fd";
constexpr const char* kStream = "stream-test";
constexpr const char* kConnectorId = "55b78880-9077-4c74-ad5a-6868555f76a4";
constexpr const char* kSinkTaskId = "2962882a-386c-4c9d-bb59-3b4f55d82961";
constexpr const char* kInstanceId = "5a0e4ea0-4b5c-4c1e-9c31-1d2a5c3f0b6e";
constexpr const char* kSmartTaskId = "8a205bbd-7181-4b5e-9bd6-37274ce84577";

std::string hex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

// The request line target as sent: the path, then the percent-encoded query.
std::string target(const HttpRequest& r) { return r.url().substr(r.endpoint.toString().size()); }

void checkAgainstGolden(const HttpRequest& sent, const std::string& file) {
  INFO("golden file tests/data/golden/" << file);
  const GoldenRequest golden = readGolden(file);
  CHECK(golden.hasSource());
  CHECK(toString(sent.method) == golden.method);
  CHECK(target(sent) == golden.target);
  const std::string* contentType = sent.headers.find("Content-Type");
  CHECK((contentType ? *contentType : std::string("(none)")) == golden.contentType.value_or("(none)"));
  if (golden.contentType && *golden.contentType == "application/json") {
    CHECK(sent.body == golden.body);  // shown as text when they differ
  } else {
    CHECK(hex(sent.body) == hex(golden.body));  // shown as hex when they differ
  }
}

// ---- Tablestore -----------------------------------------------------------------------------------

namespace ts = delivery::tablestore;
namespace tsmock = delivery::testing::tablestore;

const Credentials kTsCreds("testaccesskeyid", "testsecret");

struct TablestoreFixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  ts::DeliveryClient client;

  static ts::DeliveryClient makeClient(const std::shared_ptr<MockTransport>& transport) {
    ts::DeliveryClientConfig config;
    config.transport = transport;
    config.clock = FakeClock::at("2024-01-02T03:04:05.000Z");
    return ts::DeliveryClient::create("https://myinstance.cn-hangzhou.ots.aliyuncs.com", "myinstance", kTsCreds, config)
        .value();
  }
  TablestoreFixture() : client(makeClient(transport)) {}
};

// Seed 000, the Java sample; the masked account id of its role becomes 1234567890.
ts::OSSTaskConfig javaSampleConfig() {
  using namespace delivery::tablestore;
  OSSTaskConfig c;
  c.setOssPrefix("sampledeliverytask/year=$yyyy/month=$MM")
      .setOssBucket("datadeliverytest")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery");
  EventColumn eventColumn("PK1", EventTimeFormat::RFC1123);
  c.setEventTimeColumn(eventColumn);
  c.addParquetSchema(ParquetSchema("PK1", "PK1", DataType::UTF8));
  c.addParquetSchema(ParquetSchema("PK2", "PK2", DataType::BOOL));
  c.addParquetSchema(ParquetSchema("Col1", "Col1", DataType::UTF8));
  return c;
}

// ---- DIS --------------------------------------------------------------------------------------------


struct HuaweiFixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  huawei::HuaweiCredentials creds = huawei::HuaweiCredentials::withAkSk("AK", "SK", kProjectId);

  template <typename Config>
  Config config() {
    Config c;
    c.transport = transport;
    c.clock = FakeClock::at("2024-01-02T03:04:05Z");
    c.region = "cn-north-4";
    return c;
  }
  dis::DisClient dis() { return dis::DisClient::create(creds, config<dis::DisClientConfig>()).value(); }
  kafka::KafkaClient kafka() { return kafka::KafkaClient::create(creds, config<kafka::KafkaClientConfig>()).value(); }

  void reply(int status, std::string body = {}) {
    Headers h;
    h.add("X-Request-Id", "golden-request-id");
    if (!body.empty()) h.add("Content-Type", "application/json");
    transport->enqueueResponse(status, h, std::move(body));
  }
};

// The "Adding MRS Dump Tasks" example's descriptor, less its destination_file_type.
dis::MrsDestinationDescriptor mrsExample() {
  dis::MrsDestinationDescriptor d;
  d.setTaskName("mrstask").setConsumerStrategy(dis::ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  d.setMrsClusterId("f8123fa6-99f1-4ed9-83f4-c827c7277d41")
      .setMrsClusterName("mrscluster")
      .setMrsHdfsPath("/user")
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setHdfsPrefixFolder("")
      .setRetryDuration(1800);
  return d;
}

dis::ObsDestinationDescriptor obsExample(dis::DestinationFileType fileType) {
  using namespace delivery::dis;
  ObsDestinationDescriptor d;
  d.setTaskName("newtask")
      .setConsumerStrategy(ConsumerStrategy::LATEST)
      .setAgencyName("dis_admin_agency")
      .setDeliverTimeInterval(30);
  d.setDestinationFileType(fileType)
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(RecordDelimiter::PIPE);
  return d;
}

template <typename Response>
void requireOk(const Result<Response>& r) {
  INFO((r ? std::string() : r.error().toString()));
  REQUIRE(r);
}

// ---- Kafka --------------------------------------------------------------------------------------------

// Seed 003's OBS sink task: delivery::test::kafkaObsSinkSeed (tests/support/samples.h).
kafka::CreateSinkTaskRequest seedSinkTask() { return delivery::test::kafkaObsSinkSeed(kConnectorId); }

}  // namespace

// ---- the files themselves ----------------------------------------------------------------------------

TEST_CASE("golden: every golden file is checked, and each names its source", "[golden]") {
  CHECK(delivery::test::listGoldenFiles() == kGoldenFiles);
  for (const auto& file : kGoldenFiles) {
    INFO(file);
    CHECK(readGolden(file).hasSource());
  }
}

TEST_CASE("golden: the reader takes the body bytes exactly", "[golden]") {
  const auto raw = parseGolden("# source: x\nPOST /a?b=c\nContent-Type: application/json\n\n{\"k\":1}\n", GoldenBody::Raw);
  CHECK(raw.method == "POST");
  CHECK(raw.target == "/a?b=c");
  CHECK(raw.contentType == std::optional<std::string>("application/json"));
  CHECK(raw.body == "{\"k\":1}");
  const auto empty = parseGolden("# source: x\nGET /a\n\n", GoldenBody::Raw);
  CHECK_FALSE(empty.contentType);
  CHECK(empty.body.empty());
  const auto pb = parseGolden("# source: x\nPOST /A\n\n0a 01  # one\n  61 # two, \"a\"\n", GoldenBody::Hex);
  CHECK(pb.body == std::string("\x0a\x01\x61", 3));
  CHECK_THROWS(parseGolden("POST /A\n\n0a 0\n", GoldenBody::Hex));          // odd digit count
  CHECK_THROWS(parseGolden("POST /A\n\n0x0a\n", GoldenBody::Hex));          // not hex
  CHECK_THROWS(parseGolden("POST /A\nX-Other: 1\n\n", GoldenBody::Raw));    // only Content-Type
  CHECK_THROWS(parseGolden("POST /A\r\n\r\n", GoldenBody::Raw));            // CRLF
  CHECK_THROWS(parseGolden("POST /A\n\n{}", GoldenBody::Raw));              // no final line feed
}

// ---- Tablestore ---------------------------------------------------------------------------------------

TEST_CASE("golden: tablestore createDeliveryTask (Java sample)", "[golden][tablestore]") {
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::emptyOk("CreateDeliveryTask", kTsCreds));
  ts::CreateDeliveryTaskRequest request;
  request.setTableName("sampleTable")
      .setTaskName("sampledeliverytask")
      .setTaskConfig(javaSampleConfig())
      .setTaskType(ts::DeliveryTaskType::BASE_INC);
  requireOk(f.client.createDeliveryTask(request));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/CreateDeliveryTask.txt");
}

TEST_CASE("golden: tablestore createDeliveryTask (Go sample)", "[golden][tablestore]") {
  using namespace delivery::tablestore;
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::emptyOk("CreateDeliveryTask", kTsCreds));
  OSSTaskConfig config;
  config.setOssPrefix("sample/year=$yyyy/month=$MM")
      .setOssBucket("datadeliverytest")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery")
      .addParquetSchema(ParquetSchema("PK1", "PK1", DataType::INT64))
      .addParquetSchema(ParquetSchema("PK2", "PK2", DataType::UTF8))
      .addParquetSchema(ParquetSchema("Col1", "Col1", DataType::DOUBLE));
  CreateDeliveryTaskRequest request("sampleTable", "sampledeliverytask", config);
  request.setTaskType(DeliveryTaskType::BASE_INC);
  requireOk(f.client.createDeliveryTask(request));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/CreateDeliveryTask-go-sample.txt");
}

TEST_CASE("golden: tablestore createDeliveryTask with formatter and ossDirtyPrefix", "[golden][tablestore]") {
  using namespace delivery::tablestore;
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::emptyOk("CreateDeliveryTask", kTsCreds));
  OSSTaskConfig config;
  config.setOssPrefix("data/$yyyy")
      .setTimeFormatter(TimeFormatter::YDMFormatter)
      .setOssDirtyPrefix("dirty/")
      .setOssBucket("datadeliverytest")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery")
      .addParquetSchema(ParquetSchema("PK1", DataType::INT64));
  // A chosen trace id travels in a header only: the body is the same with or without it.
  CreateDeliveryTaskRequest request("sampleTable", "sampledeliverytask", config);
  request.setTraceId("golden-trace-1");
  requireOk(f.client.createDeliveryTask(request));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/CreateDeliveryTask-formatter-dirty-prefix.txt");
}

TEST_CASE("golden: tablestore updateDeliveryTask", "[golden][tablestore]") {
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::emptyOk("UpdateDeliveryTask", kTsCreds));
  requireOk(f.client.updateDeliveryTask(ts::UpdateDeliveryTaskRequest("sampleTable", "sampledeliverytask", javaSampleConfig())));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/UpdateDeliveryTask.txt");
}

TEST_CASE("golden: tablestore deleteDeliveryTask", "[golden][tablestore]") {
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::emptyOk("DeleteDeliveryTask", kTsCreds));
  requireOk(f.client.deleteDeliveryTask(ts::DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/DeleteDeliveryTask.txt");
}

TEST_CASE("golden: tablestore describeDeliveryTask", "[golden][tablestore]") {
  TablestoreFixture f;
  f.transport->enqueueResponse(
      tsmock::describeOk(kTsCreds, javaSampleConfig(), ts::DeliveryTaskType::BASE_INC, ts::TaskSyncStat()));
  requireOk(f.client.describeDeliveryTask(ts::DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/DescribeDeliveryTask.txt");
}

TEST_CASE("golden: tablestore listDeliveryTask", "[golden][tablestore]") {
  TablestoreFixture f;
  f.transport->enqueueResponse(tsmock::listOk(
      kTsCreds, {ts::DeliveryTaskInfo("sampleTable", "sampledeliverytask", ts::DeliveryTaskType::BASE_INC)}));
  requireOk(f.client.listDeliveryTask(ts::ListDeliveryTaskRequest("sampleTable")));
  checkAgainstGolden(f.transport->lastRequest(), "tablestore/ListDeliveryTask.txt");
}

// ---- DIS ----------------------------------------------------------------------------------------------

TEST_CASE("golden: dis createTransferTask OBS", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(201);
  requireOk(f.dis().createTransferTask(dis::CreateTransferTaskRequest(kStream, obsExample(dis::DestinationFileType::TEXT))));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-OBS.http");
}

TEST_CASE("golden: dis createTransferTask MRS", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, mrsExample())));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-MRS.http");
}

TEST_CASE("golden: dis createTransferTask MRS, the whole documented example", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  MrsDestinationDescriptor d = mrsExample();
  d.setDestinationFileType(DestinationFileType::TEXT);  // the example's "text", which the tables leave out
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-MRS-example.http");
}

TEST_CASE("golden: dis createTransferTask MRS with the old Java SDK's CarbonData fields", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  MrsDestinationDescriptor d;
  d.setTaskName("mrstask").setConsumerStrategy(ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  d.setMrsClusterId("f8123fa6-99f1-4ed9-83f4-c827c7277d41")
      .setMrsClusterName("mrscluster")
      .setMrsHdfsPath("/user")
      .setObsBucketPath("obsbucket")
      .setDestinationFileType(DestinationFileType::CARBON)
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD)
      .setCompressionFormat(CompressionFormat::GZIP)
      .setCarbonProperties({{"table_blocksize", "256"}, {"sort_columns", "id"}});
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-MRS-carbon.http");
}

TEST_CASE("golden: dis createTransferTask OBS with compression_format", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  ObsDestinationDescriptor d;
  d.setTaskName("t1")
      .setAgencyName("dis_admin_agency")
      .setDeliverTimeInterval(300)
      .setObsBucketPath("obsbucket")
      .setDestinationFileType(DestinationFileType::TEXT)
      .setCompressionFormat(CompressionFormat::GZIP);
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-OBS-gzip.http");
}

TEST_CASE("golden: dis createTransferTask DLI", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300).setConsumerStrategy(
      ConsumerStrategy::LATEST);
  d.setDliDatabaseName("dlidatabase").setDliTableName("dlitable").setObsBucketPath("obsbucket").setFilePrefix("").setRetryDuration(
      1800);
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-DLI.http");
}

TEST_CASE("golden: dis createTransferTask DWS", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  requireOk(f.dis().createTransferTask(delivery::test::disDwsSeedCreate(kStream)));  // seed 004
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-DWS.http");
}

TEST_CASE("golden: dis createTransferTask CloudTable HBase", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  CloudtableDestinationDescriptor d;
  d.setTaskName("hbasetask")
      .setConsumerStrategy(ConsumerStrategy::TRIM_HORIZON)
      .setAgencyName("dis_admin_agency");  // deliver_time_interval: the default, 300
  CloudtableSchema schema;
  schema.setRowKey({RowKey("datavalue", CloudtableDataType::STRING)})
      .setColumns({CloudtableColumn("cfname1", "ID", "datavalue1", CloudtableDataType::STRING),
                   CloudtableColumn("cfname2", "VALUE", "datavalue2", CloudtableDataType::STRING)});
  d.setCloudtableClusterName("cloudtablecluster")
      .setCloudtableClusterId("b8c095e2-db5f-4732-8a1d-eacd662e35dc")
      .setCloudtableTableName("cloudtabletable")
      .setCloudtableRowKeyDelimiter(RowKeyDelimiter::PIPE)
      .setRetryDuration(1800)
      .setObsBackupBucketPath("obsbackupbucket")
      .setBackupFilePrefix("")
      .setCloudtableSchema(schema);
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-CLOUDTABLE-HBase.http");
}

TEST_CASE("golden: dis createTransferTask CloudTable OpenTSDB", "[golden][dis]") {
  using namespace delivery::dis;
  HuaweiFixture f;
  f.reply(201);
  CloudtableDestinationDescriptor d;
  d.setTaskName("opentsdbtask").setConsumerStrategy(ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency");
  OpenTsdbSchema s;
  s.setMetric({OpenTsdbMetric(OpenTsdbMetricType::CONSTANT, "age")})
      .setTimestamp(OpenTsdbTimestamp(OpenTsdbTimestampType::STRING, "date", TimestampFormat::YYYY_MM_DD_SLASH))
      .setValue(OpenTsdbValue(CloudtableDataType::BIGINT, "value"))
      .setTags({OpenTsdbTag("name", CloudtableDataType::BIGINT, "name")});
  d.setCloudtableClusterName("cloudtablecluster")
      .setCloudtableClusterId("b8c095e2-db5f-4732-8a1d-eacd662e35dc")
      .setRetryDuration(1800)
      .setObsBackupBucketPath("obsbackupbucket")
      .setBackupFilePrefix("")
      .setOpenTsdbSchema({s});
  requireOk(f.dis().createTransferTask(CreateTransferTaskRequest(kStream, d)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/CreateTransferTask-CLOUDTABLE-OpenTSDB.http");
}

TEST_CASE("golden: dis updateTransferTask", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(200);
  requireOk(f.dis().updateTransferTask(dis::UpdateTransferTaskRequest(kStream, obsExample(dis::DestinationFileType::PARQUET))));
  checkAgainstGolden(f.transport->lastRequest(), "dis/UpdateTransferTask.http");
}

TEST_CASE("golden: dis listTransferTasks", "[golden][dis]") {
  HuaweiFixture f;
  // The example response of "Querying Dump Tasks".
  f.reply(200, R"({"tasks":[{"task_id":"As805BudhcH1lDs6gbn","destination_type":"OBS","task_name":"newtask",)"
               R"("create_time":1606554932552,"state":"RUNNING","last_transfer_timestamp":1606984428612}],"total_number":1})");
  requireOk(f.dis().listTransferTasks(dis::ListTransferTasksRequest(kStream)));
  checkAgainstGolden(f.transport->lastRequest(), "dis/ListTransferTasks.http");
}

TEST_CASE("golden: dis listTransferTasks, one page", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(200, R"({"tasks":[],"total_number":1})");
  requireOk(f.dis().listTransferTasks(dis::ListTransferTasksRequest(kStream).setLimit(10).setStartTaskName("newtask")));
  checkAgainstGolden(f.transport->lastRequest(), "dis/ListTransferTasks-page.http");
}

TEST_CASE("golden: dis showTransferTask", "[golden][dis]") {
  HuaweiFixture f;
  // The example response of "Querying Dump Task Details", shortened.
  f.reply(200, R"({"stream_name":"stream-test","task_name":"newtask","task_id":"As805BudhcH1lDs6gbn",)"
               R"("destination_type":"OBS","state":"RUNNING","create_time":1606554932552,)"
               R"("last_transfer_timestamp":1606984428612,"obs_destination_description":{"agency_name":"dis_admin_agency",)"
               R"("partition_format":"yyyy/MM/dd","obs_bucket_path":"obsbucket","deliver_time_interval":60,)"
               R"("consumer_strategy":"LATEST","destination_file_type":"text","task_name":"newtask"}})");
  requireOk(f.dis().showTransferTask(dis::ShowTransferTaskRequest(kStream, "newtask")));
  checkAgainstGolden(f.transport->lastRequest(), "dis/ShowTransferTask.http");
}

TEST_CASE("golden: dis deleteTransferTask", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(204);
  requireOk(f.dis().deleteTransferTask(dis::DeleteTransferTaskRequest(kStream, "newtask")));
  checkAgainstGolden(f.transport->lastRequest(), "dis/DeleteTransferTask.http");
}

TEST_CASE("golden: dis batchStartTransferTask", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(200);
  requireOk(f.dis().batchStartTransferTask(dis::BatchStartTransferTaskRequest(kStream, {"9dSu1wfCytSk1aOLxvF"})));
  checkAgainstGolden(f.transport->lastRequest(), "dis/BatchStartTransferTask.http");
}

TEST_CASE("golden: dis batchStopTransferTask", "[golden][dis]") {
  HuaweiFixture f;
  f.reply(200);
  requireOk(f.dis().batchStopTransferTask(dis::BatchStopTransferTaskRequest(kStream, {"9dSu1wfCytSk1aOLxvF"})));
  checkAgainstGolden(f.transport->lastRequest(), "dis/BatchStopTransferTask.http");
}

// ---- Kafka --------------------------------------------------------------------------------------------

TEST_CASE("golden: kafka createSinkTask", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(200, R"({"task_id":"2962882a-386c-4c9d-bb59-3b4f55d82961"})");  // seed 003's example response
  auto created = f.kafka().createSinkTask(seedSinkTask());
  requireOk(created);
  CHECK(created->getTaskId() == kSinkTaskId);
  checkAgainstGolden(f.transport->lastRequest(), "kafka/CreateSinkTask.http");
}

TEST_CASE("golden: kafka listSinkTasks", "[golden][kafka]") {
  HuaweiFixture f;
  // The example response of "Listing Dumping Tasks".
  f.reply(200, R"({"tasks":[{"task_id":"2e148bed-3038-4617-8ade-b52e84a33eeb","task_name":"obsTransfer-1122976956",)"
               R"("destination_type":"OBS","create_time":1592309487621,"status":"RUNNING","topics":"topic-test"}],)"
               R"("total_number":1,"max_tasks":9,"quota_tasks":10})");
  requireOk(f.kafka().listSinkTasks(kafka::ListSinkTasksRequest(kConnectorId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ListSinkTasks.http");
}

TEST_CASE("golden: kafka showSinkTask", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(200, R"({"task_name":"obsTransfer-1122976956","destination_type":"OBS","create_time":1592309487621,)"
               R"("status":"RUNNING","topics":"topic-test"})");
  requireOk(f.kafka().showSinkTask(kafka::ShowSinkTaskRequest(kConnectorId, kSinkTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ShowSinkTask.http");
}

TEST_CASE("golden: kafka showSinkTask with topic-info", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(200, R"({"task_name":"obsTransfer-1122976956","destination_type":"OBS","create_time":1592309487621,)"
               R"("status":"RUNNING","topics":"topic-test","topics_info":[{"topic":"topic-test","partitions":[]}]})");
  requireOk(f.kafka().showSinkTask(kafka::ShowSinkTaskRequest(kConnectorId, kSinkTaskId).setTopicInfo(true)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ShowSinkTask-topic-info.http");
}

TEST_CASE("golden: kafka deleteSinkTask", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(204);
  requireOk(f.kafka().deleteSinkTask(kafka::DeleteSinkTaskRequest(kConnectorId, kSinkTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/DeleteSinkTask.http");
}

TEST_CASE("golden: kafka createConnector (old flavor)", "[golden][kafka]") {
  HuaweiFixture f;
  // The example response of "Enabling Smart Connect (Pay-per-Use Instance)".
  f.reply(200, R"({"job_id":"7c3ec20c-11de-4df9-acc0-7ef1dea25dfe","connector_id":"55b78880-9077-4c74-ad5a-6868555f76a4"})");
  kafka::CreateConnectorRequest request(kInstanceId);
  request.setSpecification(kafka::ConnectorSpecification::_100MB).setNodeCnt(2).setSpecCode("kafka.c3.mini.connector");
  auto created = f.kafka().createConnector(request);
  requireOk(created);
  CHECK(created->getConnectorId() == kConnectorId);
  checkAgainstGolden(f.transport->lastRequest(), "kafka/CreateConnector.http");
}

TEST_CASE("golden: kafka createConnector (new flavor)", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(200, R"({"job_id":"7c3ec20c-11de-4df9-acc0-7ef1dea25dfe","connector_id":"55b78880-9077-4c74-ad5a-6868555f76a4"})");
  requireOk(f.kafka().createConnector(kafka::CreateConnectorRequest(kInstanceId).setNodeCnt(2)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/CreateConnector-new-flavor.http");
}

TEST_CASE("golden: kafka deleteConnector", "[golden][kafka]") {
  HuaweiFixture f;
  f.reply(200, R"({"job_id":"8abfa7b27c3f4d4c9e0d7a1b2c3d4e5f"})");
  auto deleted = f.kafka().deleteConnector(kafka::DeleteConnectorRequest(kInstanceId));
  requireOk(deleted);
  CHECK(deleted->getJobId() == "8abfa7b27c3f4d4c9e0d7a1b2c3d4e5f");
  checkAgainstGolden(f.transport->lastRequest(), "kafka/DeleteConnector.http");
}

// ---- Kafka Smart Connect ------------------------------------------------------------------------------

namespace {
// The task entity of the OTC DMS "Creating a Smart Connect Task" example response, as an OBS dump.
const char* const kSmartTaskBody =
    R"({"task_name":"smart-connect-1","topics_regex":"topic-obs*","source_type":"NONE","source_task":null,)"
    R"("sink_type":"OBS_SINK","sink_task":{"consumer_strategy":"earliest","destination_file_type":"TEXT",)"
    R"("deliver_time_interval":300,"obs_bucket_name":"obs_bucket","obs_path":"obsTransfer-1810125534",)"
    R"("partition_format":"yyyy/MM/dd/HH/mm","record_delimiter":"\\n","store_keys":false,"obs_part_size":5242880,)"
    R"("flush_size":1000000,"timezone":"Asia/Chongqing"},"id":"8a205bbd-7181-4b5e-9bd6-37274ce84577",)"
    R"("status":"RUNNING","create_time":1708427753133})";
}  // namespace

TEST_CASE("golden: kafka createConnectorTask, the reference's OBS dump example", "[golden][kafka][smart-connect]") {
  using namespace delivery::kafka;
  HuaweiFixture f;
  f.reply(200, kSmartTaskBody);
  SmartConnectTaskReqSinkConfig sink;
  sink.setConsumerStrategy(ConsumerStrategy::EARLIEST)
      .setDestinationFileType(DestinationFileType::TEXT)
      .setDeliverTimeInterval(300)
      .setAccessKey("********")
      .setSecretKey("********")
      .setObsBucketName("obs_bucket")
      .setObsPath("obsTransfer-1810125534")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE)
      .setStoreKeys(false);
  auto request = CreateConnectorTaskRequest::obsSink(kInstanceId, sink);
  request.setTaskName("smart-connect-1").setStartLater(false).setTopicsRegex("topic-obs*");
  auto created = f.kafka().createConnectorTask(request);
  requireOk(created);
  CHECK(created->getId() == kSmartTaskId);
  checkAgainstGolden(f.transport->lastRequest(), "kafka/CreateConnectorTask-OBS.http");
}

TEST_CASE("golden: kafka createConnectorTask, the reference's Kafka replication example", "[golden][kafka][smart-connect]") {
  using namespace delivery::kafka;
  HuaweiFixture f;
  f.reply(200, kSmartTaskBody);
  SmartConnectTaskReqSourceConfig source;
  source.setCurrentClusterName("A")
      .setClusterName("B")
      .setUserName("user1")
      .setPassword("********")
      .setSaslMechanism(SaslMechanism::SCRAM_SHA_512)
      .setInstanceId("b54c9dd8-********-********")
      .setDirection(ReplicationDirection::TWO_WAY)
      .setSyncConsumerOffsetsEnabled(false)
      .setReplicationFactor(3)
      .setTaskNum(2)
      .setRenameTopicEnabled(false)
      .setProvenanceHeaderEnabled(true)
      .setConsumerStrategy(ConsumerStrategy::LATEST)
      .setCompressionType(CompressionType::SNAPPY)
      .setTopicsMapping("topic-sc-1:topic-sc-3,topic-sc-2:topic-sc-4");
  CreateConnectorTaskRequest request(kInstanceId);
  request.setTaskName("smart-connect-2")
      .setStartLater(true)
      .setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE)
      .setSourceTask(source);
  requireOk(f.kafka().createConnectorTask(request));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/CreateConnectorTask-replicator.http");
}

TEST_CASE("golden: kafka listConnectorTasks", "[golden][kafka][smart-connect]") {
  HuaweiFixture f;
  f.reply(200, std::string(R"({"tasks":[)") + kSmartTaskBody + R"(],"total_number":1,"max_tasks":18,"quota_tasks":18})");
  auto page = f.kafka().listConnectorTasks(kafka::ListConnectorTasksRequest(kInstanceId).setOffset(0).setLimit(10));
  requireOk(page);
  CHECK(page->getTasks().at(0).getId() == kSmartTaskId);
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ListConnectorTasks.http");

  f.reply(200, R"({"tasks":[],"total_number":0,"max_tasks":18,"quota_tasks":18})");
  requireOk(f.kafka().listConnectorTasks(kafka::ListConnectorTasksRequest(kInstanceId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ListConnectorTasks-no-paging.http");
}

TEST_CASE("golden: kafka showConnectorTask", "[golden][kafka][smart-connect]") {
  HuaweiFixture f;
  f.reply(200, kSmartTaskBody);
  requireOk(f.kafka().showConnectorTask(kafka::ShowConnectorTaskRequest(kInstanceId, kSmartTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ShowConnectorTask.http");
}

TEST_CASE("golden: kafka delete, pause, resume and restart a Smart Connect task", "[golden][kafka][smart-connect]") {
  HuaweiFixture f;
  f.reply(204);
  requireOk(f.kafka().deleteConnectorTask(kafka::DeleteConnectorTaskRequest(kInstanceId, kSmartTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/DeleteConnectorTask.http");
  f.reply(204);
  requireOk(f.kafka().pauseConnectorTask(kafka::PauseConnectorTaskRequest(kInstanceId, kSmartTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/PauseConnectorTask.http");
  f.reply(204);
  requireOk(f.kafka().resumeConnectorTask(kafka::ResumeConnectorTaskRequest(kInstanceId, kSmartTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/ResumeConnectorTask.http");
  f.reply(204);
  requireOk(f.kafka().restartConnectorTask(kafka::RestartConnectorTaskRequest(kInstanceId, kSmartTaskId)));
  checkAgainstGolden(f.transport->lastRequest(), "kafka/RestartConnectorTask.http");
}
