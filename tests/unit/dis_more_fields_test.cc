// The DIS fields issue 12 added: in requests, the old DIS-only Java SDK's compression_format and
// carbon_properties (OBS, MRS) and the MRS destination_file_type and partition_format, with their
// rules; in show answers, stream_id and every field of the description as sent (OBS retry_duration,
// MRS destination_file_type, values outside the enums, DWS dws_delimiter "").

#include <catch2/catch.hpp>

#include <string>

#include "delivery/dis/model.h"
#include "dis/codec.h"

using namespace delivery;
using namespace delivery::dis;
namespace dd = delivery::dis::detail;

namespace {

MrsDestinationDescriptor mrs() {
  MrsDestinationDescriptor d;
  d.setTaskName("mrstask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  d.setMrsClusterName("mrscluster").setMrsClusterId("id").setMrsHdfsPath("/user").setObsBucketPath("obsbucket");
  return d;
}

ObsDestinationDescriptor obs() {
  ObsDestinationDescriptor d;
  d.setTaskName("t1").setAgencyName("dis_admin_agency").setObsBucketPath("obsbucket");
  return d;
}

std::string violations(const Result<void>& r) {
  REQUIRE_FALSE(r);
  std::string out;
  for (const auto& v : r.error().violations) out += v.field + ": " + v.message + "\n";
  return out;
}

ShowTransferTaskResponse show(const std::string& body) {
  auto r = dd::decodeShow(body);
  REQUIRE(r);
  return std::move(r).value();
}

}  // namespace

TEST_CASE("MRS and OBS requests carry the old Java SDK's fields when set, after the table's", "[dis][wire]") {
  auto m = mrs();
  CHECK(dd::encodeTaskBody(DestinationDescriptor(m)).find("destination_file_type") == std::string::npos);
  m.setDestinationFileType(DestinationFileType::CARBON)
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD)
      .setCompressionFormat(CompressionFormat::GZIP)
      .addCarbonProperty("table_blocksize", "256")
      .addCarbonProperty("sort_columns", "id");
  CHECK(dd::encodeTaskBody(DestinationDescriptor(m)) ==
        R"({"destination_type":"MRS","mrs_destination_descriptor":{"task_name":"mrstask","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":30,"mrs_cluster_name":"mrscluster","mrs_cluster_id":"id","mrs_hdfs_path":"/user",)"
        R"("obs_bucket_path":"obsbucket","destination_file_type":"carbon","partition_format":"yyyy/MM/dd",)"
        R"("compression_format":"gzip","carbon_properties":{"sort_columns":"id","table_blocksize":"256"}}})");
  CHECK(CreateTransferTaskRequest("s", m).validate());

  auto o = obs();
  o.setCompressionFormat(CompressionFormat::GZIP);
  CHECK(dd::encodeTaskBody(DestinationDescriptor(o)) ==
        R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"t1","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":300,"obs_bucket_path":"obsbucket","compression_format":"gzip"}})");
  o.clearCompressionFormat().setDestinationFileType(DestinationFileType::CARBON).addCarbonProperty("k", "v");
  CHECK(dd::encodeTaskBody(DestinationDescriptor(o)) ==
        R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"t1","agency_name":"dis_admin_agency",)"
        R"("deliver_time_interval":300,"obs_bucket_path":"obsbucket","destination_file_type":"carbon",)"
        R"("carbon_properties":{"k":"v"}}})");
  o.clearCarbonProperties();
  CHECK(dd::encodeTaskBody(DestinationDescriptor(o)).find("carbon_properties") == std::string::npos);
}

TEST_CASE("the new request fields' rules, named by field path", "[dis][validation]") {
  SECTION("carbon_properties only with destination_file_type carbon") {
    auto m = mrs();
    m.addCarbonProperty("sort_columns", "id");
    CHECK_THAT(violations(CreateTransferTaskRequest("s", m).validate()),
               Catch::Contains("mrs_destination_descriptor.carbon_properties: is only for destination_file_type carbon"));
    m.setDestinationFileType(DestinationFileType::PARQUET);
    CHECK_THAT(violations(CreateTransferTaskRequest("s", m).validate()),
               Catch::Contains("mrs_destination_descriptor.carbon_properties: is only for destination_file_type carbon"));
    m.setDestinationFileType(DestinationFileType::CARBON);
    CHECK(CreateTransferTaskRequest("s", m).validate());
    auto o = obs();
    o.addCarbonProperty("k", "v");
    CHECK_THAT(violations(UpdateTransferTaskRequest("s", o).validate()),
               Catch::Contains("obs_destination_descriptor.carbon_properties: is only for destination_file_type carbon"));
  }
  SECTION("carbon_properties keys are not empty; keys and values are UTF-8") {
    auto o = obs();
    o.setDestinationFileType(DestinationFileType::CARBON).addCarbonProperty("", "v");
    CHECK_THAT(violations(CreateTransferTaskRequest("s", o).validate()),
               Catch::Contains("obs_destination_descriptor.carbon_properties: keys must not be empty"));
    o.clearCarbonProperties().addCarbonProperty("k", std::string("\xff\xfe"));
    const std::string v = violations(CreateTransferTaskRequest("s", o).validate());
    CHECK_THAT(v, Catch::Contains("obs_destination_descriptor.carbon_properties.k: must be valid UTF-8"));
    CHECK_THAT(v, !Catch::Contains("\xff"));  // the value itself is never quoted
  }
  SECTION("enums outside their tables") {
    auto m = mrs();
    m.setCompressionFormat(static_cast<CompressionFormat>(9))
        .setPartitionFormat(static_cast<PartitionFormat>(99))
        .setDestinationFileType(static_cast<DestinationFileType>(42));
    const std::string v = violations(CreateTransferTaskRequest("s", m).validate());
    CHECK_THAT(v, Catch::Contains("mrs_destination_descriptor.compression_format: is not a known CompressionFormat"));
    CHECK_THAT(v, Catch::Contains("mrs_destination_descriptor.partition_format: is not a known PartitionFormat"));
    CHECK_THAT(v, Catch::Contains("mrs_destination_descriptor.destination_file_type: is not a known DestinationFileType"));
  }
}

TEST_CASE("show: the documented example keeps stream_id and the OBS retry_duration", "[dis][wire][show]") {
  // The example answer of the OTC page "Querying Dump Task Details" (querying_dump_task_details.rst),
  // compacted; its broken key "file_prefix\"" is kept and ignored.
  const auto r = show(
      R"({"stream_id":"RdMFID6edQdf8eDzc9e","stream_name":"newstream","task_name":"newtask","task_id":"As805BudhcH1lDs6gbn",)"
      R"("destination_type":"OBS","state":"RUNNING","create_time":1606554932552,"last_transfer_timestamp":1606984428612,)"
      R"("obs_destination_description":{"agency_name":"dis_admin_agency","file_prefix\"":"","partition_format":"yyyy/MM/dd",)"
      R"("obs_bucket_path":"obsbucket","deliver_time_interval":60,"consumer_strategy":"LATEST","retry_duration":0,)"
      R"("destination_file_type":"text","record_delimiter":"\n"},)"
      R"("partitions":[{"partitionId":"shardId-0000000000","discard":0,"state":"RUNNING",)"
      R"("last_transfer_timestamp":1606984428612,"last_transfer_offset":289897}]})");
  CHECK(r.getStreamId() == "RdMFID6edQdf8eDzc9e");
  CHECK(r.getStreamName() == "newstream");
  REQUIRE(r.getDestinationDescription());
  const DestinationDescription& d = *r.getDestinationDescription();
  CHECK(d.getRetryDuration() == std::int64_t{0});
  CHECK(d.getDeliverTimeInterval() == std::int64_t{60});
  CHECK(d.getPartitionFormat() == std::string("yyyy/MM/dd"));
  CHECK(d.getRecordDelimiter() == std::string("\n"));
  CHECK(d.getConsumerStrategy() == std::string("LATEST"));
  CHECK(d.getAgencyName() == std::string("dis_admin_agency"));
  CHECK_FALSE(d.getFilePrefix());  // only the broken key was sent
  CHECK_FALSE(d.getMrsClusterName());  // absent: unset, never defaulted
  // The typed view has the same known values.
  REQUIRE(r.getDescription());
  CHECK(std::get<ObsDestinationDescriptor>(*r.getDescription()).getPartitionFormat() == PartitionFormat::YYYY_MM_DD);
}

TEST_CASE("show: values outside the enums stay readable as sent", "[dis][wire][show]") {
  const auto r = show(
      R"({"task_name":"t","destination_type":"MRS","mrs_destination_description":{"task_name":"t",)"
      R"("partition_format":"N/A","destination_file_type":"CarbonData","consumer_strategy":"EARLIEST",)"
      R"("compression_format":"snappy","retry_duration":"1800","deliver_data_type":"json","avro_schema":"{}",)"
      R"("mrs_cluster_name":"c","hdfs_prefix_folder":"","carbon_properties":{"sort_columns":"id","n":7}}})");
  REQUIRE(r.getDestinationDescription());
  const DestinationDescription& d = *r.getDestinationDescription();
  CHECK(d.getPartitionFormat() == std::string("N/A"));
  CHECK(d.getDestinationFileType() == std::string("CarbonData"));
  CHECK(d.getConsumerStrategy() == std::string("EARLIEST"));
  CHECK(d.getCompressionFormat() == std::string("snappy"));
  CHECK(d.getRetryDuration() == std::int64_t{1800});  // a numeric string, as the v3 models type it
  CHECK(d.getDeliverDataType() == std::string("json"));
  CHECK(d.getAvroSchema() == std::string("{}"));
  CHECK(d.getHdfsPrefixFolder() == std::string(""));
  CHECK(d.getCarbonProperties() == CarbonProperties{{"sort_columns", "id"}});  // the number is not a string
  // The typed view cannot hold them: unset, not a default.
  REQUIRE(r.getDescription());
  const auto& typed = std::get<MrsDestinationDescriptor>(*r.getDescription());
  CHECK_FALSE(typed.getPartitionFormat());
  CHECK_FALSE(typed.getDestinationFileType());
  CHECK_FALSE(typed.getConsumerStrategy());
  CHECK_FALSE(typed.getCompressionFormat());
  CHECK(typed.getRetryDuration() == 1800);
  CHECK(typed.getCarbonProperties() == CarbonProperties{{"sort_columns", "id"}});
}

TEST_CASE("show: the MRS description's known destination_file_type is typed too", "[dis][wire][show]") {
  const auto r = show(R"({"mrs_destination_description":{"destination_file_type":"text","partition_format":"yyyy"}})");
  REQUIRE(r.getDescription());
  const auto& typed = std::get<MrsDestinationDescriptor>(*r.getDescription());
  CHECK(typed.getDestinationFileType() == DestinationFileType::TEXT);
  CHECK(typed.getPartitionFormat() == PartitionFormat::YYYY);
  CHECK(r.getDestinationDescription()->getDestinationFileType() == std::string("text"));
}

TEST_CASE("show: DWS dws_delimiter \"\" is an empty value, not unset", "[dis][wire][show]") {
  const auto empty = show(
      R"({"dws_destination_descripton":{"task_name":"t","dws_delimiter":"","user_name":"u","user_password":"pw"}})");
  REQUIRE(empty.getDestinationDescription());
  CHECK(empty.getDestinationDescription()->getDwsDelimiter() == std::string(""));
  CHECK(empty.getDestinationDescription()->getUserName() == std::string("u"));
  const auto absent = show(R"({"dws_destination_description":{"task_name":"t"}})");
  REQUIRE(absent.getDestinationDescription());
  CHECK_FALSE(absent.getDestinationDescription()->getDwsDelimiter());
  const auto pipe = show(R"({"dws_destination_description":{"dws_delimiter":"|"}})");
  CHECK(pipe.getDestinationDescription()->getDwsDelimiter() == std::string("|"));
  CHECK(std::get<DWSDestinationDescriptor>(*pipe.getDescription()).getDwsDelimiter() == DwsDelimiter::PIPE);
}

TEST_CASE("show: CloudTable and DLI descriptions as sent; none without a description", "[dis][wire][show]") {
  const auto ct = show(R"({"cloudtable_destination_descripton":{"cloudtable_cluster_name":"c","cloudtable_row_key_delimiter":"#",)"
                       R"("retry_duration":30,"obs_backup_bucket_path":"b","backup_file_prefix":""}})");
  REQUIRE(ct.getDestinationDescription());
  CHECK(ct.getDestinationDescription()->getCloudtableRowKeyDelimiter() == std::string("#"));
  CHECK(ct.getDestinationDescription()->getRetryDuration() == std::int64_t{30});
  CHECK(ct.getDestinationDescription()->getBackupFilePrefix() == std::string(""));
  const auto dli = show(R"({"dli_destination_description":{"dli_database_name":"db","dli_table_name":"t"}})");
  CHECK(dli.getDestinationDescription()->getDliTableName() == std::string("t"));
  const auto none = show(R"({"task_name":"t","stream_name":"s"})");
  CHECK_FALSE(none.getDestinationDescription());
  CHECK(none.getStreamId().empty());
}

TEST_CASE("show: nested objects as sent keep values the enums do not know", "[dis][wire][show]") {
  const auto obs = show(
      R"({"obs_destination_description":{"processing_schema":{"timestamp_name":"ts","timestamp_type":"Long",)"
      R"("timestamp_format":"yyyy.MM.dd"}}})");
  REQUIRE(obs.getDestinationDescription());
  const auto& ps = obs.getDestinationDescription()->getProcessingSchema();
  REQUIRE(ps);
  CHECK(ps->getTimestampName() == std::string("ts"));
  CHECK(ps->getTimestampType() == std::string("Long"));  // no TimestampType for it
  CHECK(ps->getTimestampFormat() == std::string("yyyy.MM.dd"));
  // The typed view holds what its types can: the known name; the type falls back to its default
  // there, which is why the as-sent copy exists.
  REQUIRE(obs.getDescription());
  const auto& typed = std::get<ObsDestinationDescriptor>(*obs.getDescription());
  REQUIRE(typed.getProcessingSchema());
  CHECK(typed.getProcessingSchema()->getTimestampName() == "ts");
  CHECK_FALSE(typed.getProcessingSchema()->getTimestampFormat());

  const auto dws = show(
      R"({"dws_destination_description":{"options":{"fill_missing_fields":true,"ignore_extra_data":"false",)"
      R"("compatible_illegal_chars":"maybe","reject_limit":5,"error_table_name":"err"}}})");
  const auto& options = dws.getDestinationDescription()->getOptions();
  REQUIRE(options);
  CHECK(options->getFillMissingFields() == std::string("true"));   // a JSON boolean, as text
  CHECK(options->getIgnoreExtraData() == std::string("false"));
  CHECK(options->getCompatibleIllegalChars() == std::string("maybe"));
  CHECK(options->getRejectLimit() == std::string("5"));            // a JSON number, as text
  CHECK(options->getErrorTableName() == std::string("err"));

  const auto hbase = show(
      R"({"cloudtable_destination_description":{"cloudtable_schema":{"row_key":[{"value":"id","type":"Decimal"}],)"
      R"("columns":[{"column_family_name":"cf","column_name":"c","value":"v","type":"Short"},{"value":"w"}]}}})");
  const auto& schema = hbase.getDestinationDescription()->getCloudtableSchema();
  REQUIRE(schema);
  REQUIRE(schema->getRowKey());
  REQUIRE(schema->getRowKey()->size() == 1);
  CHECK((*schema->getRowKey())[0].getValue() == std::string("id"));
  CHECK((*schema->getRowKey())[0].getType() == std::string("Decimal"));
  REQUIRE(schema->getColumns());
  REQUIRE(schema->getColumns()->size() == 2);
  CHECK((*schema->getColumns())[0].getType() == std::string("Short"));
  CHECK((*schema->getColumns())[0].getColumnFamilyName() == std::string("cf"));
  CHECK_FALSE((*schema->getColumns())[1].getType());  // absent: unset, never defaulted
  CHECK((*schema->getColumns())[1].getValue() == std::string("w"));

  const auto tsdb = show(
      R"({"cloudtable_destination_description":{"opentsdb_schema":[{"metric":[{"type":"Expression","value":"m"}],)"
      R"("timestamp":{"type":"Epoch","value":"t","format":"unix"},"value":{"type":"Float","value":"v"},)"
      R"("tags":[{"name":"host","type":"Ip","value":"h"}]}]}})");
  const auto& schemas = tsdb.getDestinationDescription()->getOpenTsdbSchema();
  REQUIRE(schemas);
  REQUIRE(schemas->size() == 1);
  const OpenTsdbSchemaDescription& s = (*schemas)[0];
  REQUIRE(s.getMetric());
  CHECK((*s.getMetric())[0].getType() == std::string("Expression"));
  REQUIRE(s.getTimestamp());
  CHECK(s.getTimestamp()->getType() == std::string("Epoch"));
  CHECK(s.getTimestamp()->getFormat() == std::string("unix"));
  REQUIRE(s.getValue());
  CHECK(s.getValue()->getType() == std::string("Float"));
  REQUIRE(s.getTags());
  CHECK((*s.getTags())[0].getName() == std::string("host"));
  CHECK((*s.getTags())[0].getType() == std::string("Ip"));
}
