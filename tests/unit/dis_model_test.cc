// DIS descriptors: golden JSON for every destination (the seed examples among them), decoding,
// validation tables and secret redaction.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <functional>
#include <random>

#include "delivery/dis/client.h"
#include "delivery/dis/model.h"
#include "dis/codec.h"
#include "support/samples.h"
#include "support/vectors.h"

using namespace delivery;
using namespace delivery::dis;
namespace dd = delivery::dis::detail;

namespace {

// The seed 004 request with its one mistake fixed: dws_delimiter "" is not one of , ; | (see model.h).
DWSDestinationDescriptor seedDws() { return delivery::test::disDwsSeedDescriptor(); }

DliDestinationDescriptor sampleDli() {
  DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300).setConsumerStrategy(
      ConsumerStrategy::LATEST);
  d.setDliDatabaseName("dis_db").setDliTableName("dis_table").setObsBucketPath("obsbucket").setFilePrefix("dli/tmp").setRetryDuration(1800);
  return d;
}

ObsDestinationDescriptor sampleObs() {
  // The OBS example of the API reference.
  ObsDestinationDescriptor d;
  d.setTaskName("newtask").setConsumerStrategy(ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  d.setDestinationFileType(DestinationFileType::TEXT)
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(RecordDelimiter::PIPE);
  return d;
}

MrsDestinationDescriptor sampleMrs() {
  MrsDestinationDescriptor d;
  d.setTaskName("mrstask").setConsumerStrategy(ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  d.setMrsClusterId("f8123fa6-bf44-4c3e-9d05-ee0c2dc5ba9c")
      .setMrsClusterName("mrscluster")
      .setMrsHdfsPath("/user")
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setHdfsPrefixFolder("")
      .setRetryDuration(1800);
  return d;
}

CloudtableDestinationDescriptor sampleHbase() {
  CloudtableDestinationDescriptor d;
  d.setTaskName("cloudtabletask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  CloudtableSchema s;
  s.setRowKey({RowKey{"datavalue", CloudtableDataType::STRING}})
      .setColumns({CloudtableColumn{"cfname1", "ID", "datavalue1", CloudtableDataType::BIGINT}});
  d.setCloudtableClusterName("cloudtablecluster")
      .setCloudtableClusterId("b8c095e2-db5f-4732-8a1d-eacd662e35dc")
      .setCloudtableTableName("cloudtabletable")
      .setCloudtableSchema(s)
      .setCloudtableRowKeyDelimiter(RowKeyDelimiter::PIPE)
      .setObsBackupBucketPath("obsbackupbucket")
      .setBackupFilePrefix("")
      .setRetryDuration(1800);
  return d;
}

CloudtableDestinationDescriptor sampleOpenTsdb() {
  CloudtableDestinationDescriptor d;
  d.setTaskName("tsdbtask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  OpenTsdbSchema s;
  s.setMetric({OpenTsdbMetric{OpenTsdbMetricType::CONSTANT, "cpu.load"}})
      .setTimestamp(OpenTsdbTimestamp{OpenTsdbTimestampType::STRING, "ts", TimestampFormat::YYYY_MM_DD_DASH})
      .setValue(OpenTsdbValue{CloudtableDataType::DOUBLE, "load"})
      .setTags({OpenTsdbTag{"host", CloudtableDataType::STRING, "hostname"}});
  d.setCloudtableClusterName("c").setCloudtableClusterId("id").setOpenTsdbSchema({s});
  return d;
}

bool sameJson(const std::string& a, const std::string& b) {
  rapidjson::Document x, y;
  x.Parse(a.c_str());
  y.Parse(b.c_str());
  return !x.HasParseError() && !y.HasParseError() && x == y;
}

std::vector<std::string> fields(const std::vector<FieldViolation>& v) {
  std::vector<std::string> out;
  for (const auto& x : v) out.push_back(x.field);
  return out;
}

}  // namespace

TEST_CASE("DWS: the seed's example, with its delimiter fixed, is what the SDK sends", "[dis][wire]") {
  CreateTransferTaskRequest request("mystream", seedDws());
  REQUIRE(request.validate().ok());
  const std::string body = dd::encodeCreate(request);
  // The same JSON object as the seed's example once dws_delimiter "" is replaced by ",".
  std::string seed = test::readDataFile("dis-dws-seed-request.json");
  const auto at = seed.find("\"dws_delimiter\" : \"\"");
  REQUIRE(at != std::string::npos);
  seed.replace(at, 20, "\"dws_delimiter\" : \",\"");
  CHECK(sameJson(body, seed));
  // Byte for byte: compact, in the documented field order, retry_duration an integer.
  CHECK(body ==
        R"({"destination_type":"DWS","dws_destination_descriptor":{"task_name":"dwstask","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":60,"consumer_strategy":"LATEST","dws_cluster_name":"dwscluster",)"
        R"("dws_cluster_id":"f82dc227-3691-47eb-bca7-e7851f509b2a","dws_database_name":"postgres","dws_schema":"dbadmin",)"
        R"("dws_table_name":"dwstablename","dws_delimiter":",","user_name":"dbadmin","user_password":"userpassword",)"
        R"("kms_user_key_name":"kmskey","kms_user_key_id":"1e759f06-9188-4d21-afab-a75e57c04d2b","obs_bucket_path":"obsbucket",)"
        R"("file_prefix":"","retry_duration":1800,"options":{"fill_missing_fields":"false","ignore_extra_data":"false",)"
        R"("compatible_illegal_chars":"false"}}})");
}

TEST_CASE("golden JSON for DLI, OBS, MRS and CloudTable", "[dis][wire]") {
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", sampleDli())) ==
        R"({"destination_type":"DLI","dli_destination_descriptor":{"task_name":"dlitask","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":300,"consumer_strategy":"LATEST","dli_database_name":"dis_db","dli_table_name":"dis_table",)"
        R"("obs_bucket_path":"obsbucket","file_prefix":"dli/tmp","retry_duration":1800}})");
  // The API reference's OBS example, same object.
  CHECK(sameJson(dd::encodeCreate(CreateTransferTaskRequest("s", sampleObs())),
                 R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"newtask","consumer_strategy":"LATEST",)"
                 R"("agency_name":"dis_admin_agency","destination_file_type":"text","obs_bucket_path":"obsbucket","file_prefix":"",)"
                 R"("partition_format":"yyyy/MM/dd/HH/mm","record_delimiter":"|","deliver_time_interval":30}})"));
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", sampleObs())) ==
        R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"newtask","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":30,"consumer_strategy":"LATEST","file_prefix":"","partition_format":"yyyy/MM/dd/HH/mm",)"
        R"("obs_bucket_path":"obsbucket","destination_file_type":"text","record_delimiter":"|"}})");
  // The API reference's MRS example, less destination_file_type (not part of the MRS descriptor).
  CHECK(sameJson(dd::encodeCreate(CreateTransferTaskRequest("s", sampleMrs())),
                 R"({"destination_type":"MRS","mrs_destination_descriptor":{"task_name":"mrstask","consumer_strategy":"LATEST",)"
                 R"("agency_name":"dis_admin_agency","mrs_cluster_id":"f8123fa6-bf44-4c3e-9d05-ee0c2dc5ba9c",)"
                 R"("mrs_cluster_name":"mrscluster","mrs_hdfs_path":"/user","obs_bucket_path":"obsbucket","file_prefix":"",)"
                 R"("hdfs_prefix_folder":"","deliver_time_interval":30,"retry_duration":1800}})"));
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", sampleHbase())) ==
        R"({"destination_type":"CLOUDTABLE","cloudtable_destination_descriptor":{"task_name":"cloudtabletask",)"
        R"("agency_name":"dis_admin_agency","deliver_time_interval":300,"cloudtable_cluster_name":"cloudtablecluster",)"
        R"("cloudtable_cluster_id":"b8c095e2-db5f-4732-8a1d-eacd662e35dc","cloudtable_table_name":"cloudtabletable",)"
        R"("cloudtable_schema":{"row_key":[{"value":"datavalue","type":"String"}],"columns":[{"column_family_name":"cfname1",)"
        R"("column_name":"ID","value":"datavalue1","type":"Bigint"}]},"cloudtable_row_key_delimiter":"|",)"
        R"("obs_backup_bucket_path":"obsbackupbucket","backup_file_prefix":"","retry_duration":1800}})");
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", sampleOpenTsdb())) ==
        R"({"destination_type":"CLOUDTABLE","cloudtable_destination_descriptor":{"task_name":"tsdbtask",)"
        R"("agency_name":"dis_admin_agency","deliver_time_interval":300,"cloudtable_cluster_name":"c","cloudtable_cluster_id":"id",)"
        R"("opentsdb_schema":[{"metric":[{"type":"Constant","value":"cpu.load"}],"timestamp":{"type":"String","value":"ts",)"
        R"("format":"yyyy-MM-dd HH:mm:ss"},"value":{"type":"Double","value":"load"},"tags":[{"name":"host","type":"String",)"
        R"("value":"hostname"}]}]}})");
}

TEST_CASE("unset optionals are omitted; the OBS processing schema and options are written", "[dis][wire]") {
  ObsDestinationDescriptor d;
  d.setTaskName("t").setObsBucketPath("bucket");
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", d)) ==
        R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"t","deliver_time_interval":300,"obs_bucket_path":"bucket"}})");
  d.setProcessingSchema(ProcessingSchema("ts", TimestampType::STRING).setTimestampFormat(TimestampFormat::DD_MM_YYYY_SLASH));
  d.setRecordDelimiter(RecordDelimiter::NEWLINE);
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", d)).find(
            R"("processing_schema":{"timestamp_name":"ts","timestamp_type":"String","timestamp_format":"dd/MM/yyyy HH:mm:ss"},"record_delimiter":"\n")") !=
        std::string::npos);
}

TEST_CASE("retry_duration can be sent as a string", "[dis][wire]") {
  dd::EncodeOptions o;
  o.retryDurationAsString = true;
  CHECK(dd::encodeCreate(CreateTransferTaskRequest("s", sampleDli()), o).find(R"("retry_duration":"1800")") != std::string::npos);
}

TEST_CASE("common field rules", "[dis][validation]") {
  struct Case {
    std::function<void(DliDestinationDescriptor&)> change;
    std::vector<std::string> fields;
  };
  const std::string p = "dli_destination_descriptor.";
  const std::vector<Case> cases = {
      {[](auto&) {}, {}},
      {[](auto& d) { d.setTaskName(std::string(64, 'a')); }, {}},
      {[](auto& d) { d.setTaskName("Task_name-1"); }, {}},
      {[](auto& d) { d.setTaskName(""); }, {p + "task_name"}},
      {[](auto& d) { d.setTaskName(std::string(65, 'a')); }, {p + "task_name"}},
      {[](auto& d) { d.setTaskName("bad name"); }, {p + "task_name"}},
      {[](auto& d) { d.clearAgencyName(); }, {p + "agency_name"}},
      {[](auto& d) { d.setAgencyName(""); }, {p + "agency_name"}},
      {[](auto& d) { d.setAgencyName(std::string(65, 'a')); }, {p + "agency_name"}},
      {[](auto& d) { d.setDeliverTimeInterval(30); }, {}},
      {[](auto& d) { d.setDeliverTimeInterval(900); }, {}},
      {[](auto& d) { d.setDeliverTimeInterval(29); }, {p + "deliver_time_interval"}},
      {[](auto& d) { d.setDeliverTimeInterval(901); }, {p + "deliver_time_interval"}},
      {[](auto& d) { d.setRetryDuration(0); }, {}},
      {[](auto& d) { d.setRetryDuration(7200); }, {}},
      {[](auto& d) { d.setRetryDuration(-1); }, {p + "retry_duration"}},
      {[](auto& d) { d.setRetryDuration(7201); }, {p + "retry_duration"}},
      {[](auto& d) { d.setFilePrefix(std::string(50, 'f')); }, {}},
      {[](auto& d) { d.setFilePrefix("a/b_c/1"); }, {}},
      {[](auto& d) { d.setFilePrefix(std::string(51, 'f')); }, {p + "file_prefix"}},
      {[](auto& d) { d.setFilePrefix("/abs"); }, {p + "file_prefix"}},
      {[](auto& d) { d.setFilePrefix("a-b"); }, {p + "file_prefix"}},
      {[](auto& d) { d.setObsBucketPath(""); }, {p + "obs_bucket_path"}},
      {[](auto& d) { d.setObsBucketPath("Bucket"); }, {p + "obs_bucket_path"}},
      {[](auto& d) { d.setDliDatabaseName(""); }, {p + "dli_database_name"}},
      {[](auto& d) { d.setDliTableName(""); }, {p + "dli_table_name"}},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    DliDestinationDescriptor d = sampleDli();
    cases[i].change(d);
    CHECK(fields(validate(DestinationDescriptor(d), "dli_destination_descriptor")) == cases[i].fields);
  }
}

TEST_CASE("stream name and request-level rules", "[dis][validation]") {
  CHECK(CreateTransferTaskRequest("stream-1_a", sampleDli()).validate().ok());
  CHECK(fields(CreateTransferTaskRequest(std::string(61, 's'), sampleDli()).validate().error().violations) ==
        std::vector<std::string>{"stream_name"});
  CHECK(fields(CreateTransferTaskRequest("a/b", sampleDli()).validate().error().violations) ==
        std::vector<std::string>{"stream_name"});
  CreateTransferTaskRequest none;
  CHECK(fields(none.validate().error().violations) == std::vector<std::string>{"stream_name", "descriptor"});
  CHECK(ListTransferTasksRequest("s").validate().ok());
  CHECK_FALSE(ListTransferTasksRequest("").validate().ok());
  CHECK(fields(ShowTransferTaskRequest("s", "bad name").validate().error().violations) == std::vector<std::string>{"task_name"});
  CHECK(DeleteTransferTaskRequest("s", "task").validate().ok());
  CHECK(fields(BatchStartTransferTaskRequest("s", {}).validate().error().violations) == std::vector<std::string>{"tasks"});
  CHECK(fields(BatchStopTransferTaskRequest("s", {"id", ""}).validate().error().violations) ==
        std::vector<std::string>{"tasks[1]"});
}

TEST_CASE("OBS, MRS, DWS and CloudTable rules", "[dis][validation]") {
  ObsDestinationDescriptor obs = sampleObs();
  obs.clearAgencyName();  // optional for OBS
  CHECK(validate(DestinationDescriptor(obs), "o").empty());
  obs.setProcessingSchema(ProcessingSchema("", TimestampType::STRING));
  CHECK(fields(validate(DestinationDescriptor(obs), "o")) ==
        std::vector<std::string>{"o.processing_schema.timestamp_name", "o.processing_schema.timestamp_format"});

  MrsDestinationDescriptor mrs = sampleMrs();
  mrs.setHdfsPrefixFolder(std::string(51, 'h')).setMrsHdfsPath("");
  CHECK(fields(validate(DestinationDescriptor(mrs), "m")) == std::vector<std::string>{"m.mrs_hdfs_path", "m.hdfs_prefix_folder"});

  DWSDestinationDescriptor dws;
  dws.setTaskName("t").setAgencyName("a");
  CHECK(fields(validate(DestinationDescriptor(dws), "d")) ==
        std::vector<std::string>{"d.dws_cluster_name", "d.dws_cluster_id", "d.dws_database_name", "d.dws_schema",
                                 "d.dws_table_name", "d.dws_delimiter", "d.user_name", "d.user_password",
                                 "d.kms_user_key_name", "d.kms_user_key_id", "d.obs_bucket_path"});
  dws = seedDws();
  for (const auto& [limit, ok] : std::vector<std::pair<std::string, bool>>{
           {"0", true}, {"100", true}, {"unlimited", true}, {"-1", false}, {"ten", false}, {"", false}}) {
    INFO(limit);
    dws.setOptions(Options().setRejectLimit(limit));
    CHECK(validate(DestinationDescriptor(dws), "d").empty() == ok);
  }

  CloudtableDestinationDescriptor both = sampleHbase();
  both.setOpenTsdbSchema(*sampleOpenTsdb().getOpenTsdbSchema());
  CHECK(fields(validate(DestinationDescriptor(both), "c")) == std::vector<std::string>{"c.cloudtable_schema"});
  CloudtableDestinationDescriptor neither = sampleHbase();
  neither.clearCloudtableSchema();
  CHECK(fields(validate(DestinationDescriptor(neither), "c")) == std::vector<std::string>{"c.cloudtable_schema"});
  CloudtableDestinationDescriptor hbase = sampleHbase();
  CloudtableSchema s = *hbase.getCloudtableSchema();
  std::vector<CloudtableColumn> columns = s.getColumns();
  columns[0].setColumnName("bad-name");
  s.setColumns(columns).setRowKey({});
  hbase.setCloudtableSchema(s).clearCloudtableTableName().setBackupFilePrefix("a/b");
  // The table's rules in table order, then the hand-written ones (cloudtable_table_name).
  CHECK(fields(validate(DestinationDescriptor(hbase), "c")) ==
        std::vector<std::string>{"c.cloudtable_schema.row_key", "c.cloudtable_schema.columns[0].column_name",
                                 "c.backup_file_prefix", "c.cloudtable_table_name"});
  CloudtableDestinationDescriptor tsdb = sampleOpenTsdb();
  auto schemas = *tsdb.getOpenTsdbSchema();
  std::vector<OpenTsdbMetric> metric = schemas[0].getMetric();
  metric[0].setValue("cpu load");
  OpenTsdbTimestamp timestamp = schemas[0].getTimestamp();
  timestamp.clearFormat();
  schemas[0].setMetric(metric).setTimestamp(timestamp).setTags({});
  tsdb.setOpenTsdbSchema(schemas);
  CHECK(fields(validate(DestinationDescriptor(tsdb), "c")) ==
        std::vector<std::string>{"c.opentsdb_schema[0].metric[0].value", "c.opentsdb_schema[0].timestamp.format",
                                 "c.opentsdb_schema[0].tags"});
}

TEST_CASE("user_password never appears in toString() or validation messages", "[dis][secrets]") {
  DWSDestinationDescriptor d = seedDws();
  d.setUserPassword("S3cr3t-Pa55w0rd").setDeliverTimeInterval(5);
  CreateTransferTaskRequest r("mystream", d);
  const std::string dump = r.toString();
  CHECK(dump.find("S3cr3t-Pa55w0rd") == std::string::npos);
  CHECK(dump.find("\"user_password\":\"<redacted>\"") != std::string::npos);
  CHECK(dump.find("dwstask") != std::string::npos);
  auto v = r.validate();
  REQUIRE_FALSE(v);
  CHECK(v.error().toString().find("S3cr3t-Pa55w0rd") == std::string::npos);
}

TEST_CASE("list and show responses, both spellings of the description", "[dis][wire]") {
  auto list = dd::decodeList(R"({"total_number":2,"quota":5,"tasks":[{"task_id":"id1","task_name":"a","state":"RUNNING",)"
                             R"("destination_type":"DLI","create_time":1700000000000,"last_transfer_timestamp":1700000001000},)"
                             R"({"task_name":"b","state":"SOMETHING_NEW"}]})");
  REQUIRE(list);
  CHECK(list->getTotalNumber() == 2);
  CHECK(list->getQuota() == 5);
  REQUIRE(list->getTasks().size() == 2);
  CHECK(list->getTasks()[0].getTaskId() == "id1");
  CHECK(list->getTasks()[0].getState() == TransferTaskState::RUNNING);
  CHECK(list->getTasks()[0].getCreateTime() == 1700000000000);
  CHECK(list->getTasks()[1].getState() == TransferTaskState::UNKNOWN);
  CHECK(list->getTasks()[1].getStateText() == "SOMETHING_NEW");

  for (const char* key : {"dws_destination_descripton", "dws_destination_description"}) {
    INFO(key);
    const std::string body = std::string(R"({"stream_name":"s","task_name":"dwstask","task_id":"x","state":"PAUSED",)") +
                              R"("destination_type":"DWS","partitions":[{"partitionId":"shardId-0000000000","discard":0,)"
                              R"("state":"RUNNING","last_transfer_timestamp":1,"last_transfer_offset":7}],")" + key +
                              R"(":{"task_name":"dwstask","dws_cluster_name":"c","dws_delimiter":","}})";
    auto show = dd::decodeShow(body);
    REQUIRE(show);
    CHECK(show->getStreamName() == "s");
    CHECK(show->getTask().getState() == TransferTaskState::PAUSED);
    REQUIRE(show->getPartitions().size() == 1);
    CHECK(show->getPartitions()[0].getPartitionId() == "shardId-0000000000");
    CHECK(show->getPartitions()[0].getStatus() == "RUNNING");
    CHECK(*show->getPartitions()[0].getLastTransferOffset() == 7);
    REQUIRE(show->getDescription());
    CHECK(std::get<DWSDestinationDescriptor>(*show->getDescription()).getDwsClusterName() == "c");
  }
  for (const char* bad : {"[1,2]", "{\"tasks\":5}", "{\"tasks\":[{\"create_time\":\"soon\"}]}", "{truncated"}) {
    INFO(bad);
    auto r = dd::decodeList(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
  }
  CHECK(dd::decodeList("")->getTasks().empty());  // an empty body is an empty list
}

TEST_CASE("batch bodies", "[dis][wire]") {
  CHECK(dd::encodeBatch("start", {"9dSu1wfCytSk1aOLxvF", "b"}) ==
        R"({"action":"start","tasks":[{"id":"9dSu1wfCytSk1aOLxvF"},{"id":"b"}]})");
}

TEST_CASE("random and mutated JSON bodies never crash the DIS decoders", "[dis][wire]") {
  std::mt19937 rng(1121);
  const std::string valid =
      R"({"stream_name":"s","task_name":"t","task_id":"x","state":"RUNNING","destination_type":"DWS","partitions":)"
      R"([{"partitionId":"p","discard":0,"state":"RUNNING"}],"dws_destination_descripton":{"task_name":"t","options":{"reject_limit":"5"}}})";
  int ok = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string body = valid;
    if (i % 3 == 0) {
      body.resize(rng() % 80);
      for (char& c : body) c = static_cast<char>(rng());
    } else {
      for (int k = 0; k < 2; ++k) body[rng() % body.size()] = "{}[]\":,0a\\"[rng() % 10];
      if (i % 3 == 2) body.resize(rng() % body.size());
    }
    auto show = dd::decodeShow(body);
    auto list = dd::decodeList(body);
    ok += show.ok() ? 1 : 0;
    if (!show) CHECK(show.error().kind == ErrorKind::InvalidResponse);
    if (!list) CHECK(list.error().kind == ErrorKind::InvalidResponse);
  }
  CHECK(ok > 0);
  CHECK(ok < 3000);
}

namespace {
// Whether DisClient::createTransferTask / updateTransferTask accept a request of type R.
template <typename R, typename = void>
struct CreateAccepts : std::false_type {};
template <typename R>
struct CreateAccepts<R, std::void_t<decltype(std::declval<const DisClient&>().createTransferTask(std::declval<const R&>()))>>
    : std::true_type {};
template <typename R, typename = void>
struct UpdateAccepts : std::false_type {};
template <typename R>
struct UpdateAccepts<R, std::void_t<decltype(std::declval<const DisClient&>().updateTransferTask(std::declval<const R&>()))>>
    : std::true_type {};
}  // namespace

TEST_CASE("update requests chain as updates and cannot be passed as creates", "[dis][model]") {
  // Compile-time: each request type goes only to its own operation.
  static_assert(CreateAccepts<CreateTransferTaskRequest>::value);
  static_assert(!CreateAccepts<UpdateTransferTaskRequest>::value);
  static_assert(UpdateAccepts<UpdateTransferTaskRequest>::value);
  static_assert(!UpdateAccepts<CreateTransferTaskRequest>::value);
  static_assert(std::is_same_v<decltype(UpdateTransferTaskRequest().setStreamName("s")), UpdateTransferTaskRequest&>);

  // This chain did not compile before: setStreamName returned CreateTransferTaskRequest&.
  UpdateTransferTaskRequest update = UpdateTransferTaskRequest().setStreamName("s").setDescriptor(test::dliSample());
  CHECK(update.getStreamName() == "s");
  CHECK(update.getDestinationType() == DestinationType::DLI);
  CHECK(update.validate().ok());
  CHECK(dis::detail::encodeCreate(update) == dis::detail::encodeCreate(CreateTransferTaskRequest("s", test::dliSample())));
  auto invalid = UpdateTransferTaskRequest().setStreamName("s").validate();
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().message.find("UpdateTransferTaskRequest") != std::string::npos);
  CHECK(update.toString().rfind("stream s: {\"destination_type\":\"DLI\"", 0) == 0);
}
