#pragma once
// Sample requests shared by the tests and the benchmarks. The Java SDK sample's delivery task
// (seed 000): only the role ARN differs, because the seed masks its account id, which no ARN check
// could accept.

#include <string>

#include "delivery/dis/model.h"
#include "delivery/kafka/model.h"
#include "delivery/tablestore/model.h"

namespace delivery::test {

inline tablestore::OSSTaskConfig javaSampleConfig() {
  using namespace delivery::tablestore;
  OSSTaskConfig c;
  c.setOssPrefix("sampledeliverytask/year=$yyyy/month=$MM")
      .setOssBucket("datadeliverytest")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssStsRole("acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery")
      .setEventTimeColumn(EventColumn("PK1", EventTimeFormat::RFC1123))
      .addParquetSchema(ParquetSchema("PK1", "PK1", DataType::UTF8))
      .addParquetSchema(ParquetSchema("PK2", "PK2", DataType::BOOL))
      .addParquetSchema(ParquetSchema("Col1", "Col1", DataType::UTF8));
  return c;
}

inline tablestore::CreateDeliveryTaskRequest javaSampleCreate() {
  using namespace delivery::tablestore;
  CreateDeliveryTaskRequest r;
  r.setTableName("sampleTable").setTaskName("sampledeliverytask").setTaskConfig(javaSampleConfig()).setTaskType(
      DeliveryTaskType::BASE_INC);
  return r;
}

// A DLI transfer task with every field the DIS tests need.
inline dis::DliDestinationDescriptor dliSample() {
  dis::DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

// A Kafka OBS sink task on connector `connectorId`.
inline kafka::CreateSinkTaskRequest kafkaSinkSample(const std::string& connectorId = "connector-1") {
  kafka::ObsDestinationDescriptor d;
  d.setConsumerStrategy(kafka::ConsumerStrategy::EARLIEST)
      .setDestinationFileType(kafka::DestinationFileType::TEXT)
      .setAccessKey("obs-ak")
      .setSecretKey("obs-sk")
      .setObsBucketName("bucket")
      .setObsPath("dump")
      .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD_HH_MM)
      .setDeliverTimeInterval(300)
      .setTopics("topic-test");
  return kafka::CreateSinkTaskRequest(connectorId, "mytask", d);
}

// Seed 004's DWS transfer task (tests/data/dis-dws-seed-request.json), as the golden request
// dis/CreateTransferTask-DWS.http sends it: dws_delimiter "," (the seed's "" is not an allowed value).
inline dis::DWSDestinationDescriptor disDwsSeedDescriptor() {
  using namespace delivery::dis;
  DWSDestinationDescriptor d;
  d.setTaskName("dwstask").setConsumerStrategy(ConsumerStrategy::LATEST).setAgencyName("dis_admin_agency").setDeliverTimeInterval(60);
  d.setDwsClusterName("dwscluster")
      .setDwsClusterId("f82dc227-3691-47eb-bca7-e7851f509b2a")
      .setDwsDatabaseName("postgres")
      .setDwsSchema("dbadmin")
      .setDwsTableName("dwstablename")
      .setDwsDelimiter(DwsDelimiter::COMMA)
      .setUserName("dbadmin")
      .setUserPassword("userpassword")
      .setKmsUserKeyName("kmskey")
      .setKmsUserKeyId("1e759f06-9188-4d21-afab-a75e57c04d2b")
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setRetryDuration(1800)
      .setOptions(Options().setFillMissingFields(false).setIgnoreExtraData(false).setCompatibleIllegalChars(false));
  return d;
}
inline dis::CreateTransferTaskRequest disDwsSeedCreate(const std::string& stream = "stream-test") {
  return dis::CreateTransferTaskRequest(stream, disDwsSeedDescriptor());
}

// Seed 003's OBS sink task (tests/data/kafka-obs-sink-seed-request.json), as the golden request
// kafka/CreateSinkTask.http sends it.
inline kafka::CreateSinkTaskRequest kafkaObsSinkSeed(const std::string& connectorId = "55b78880-9077-4c74-ad5a-6868555f76a4") {
  using namespace delivery::kafka;
  ObsDestinationDescriptor d;
  d.setConsumerStrategy(ConsumerStrategy::EARLIEST)
      .setDestinationFileType(DestinationFileType::TEXT)
      .setAccessKey("XXXXXXXXXXXXXXXXXXXX")
      .setSecretKey("XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
      .setObsBucketName("6666")
      .setObsPath("obsTransfer-1122976956")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(RecordDelimiter::NEWLINE)
      .setDeliverTimeInterval(300)
      .setTopics("topic-test");
  return CreateSinkTaskRequest(connectorId, "obsTransfer-1122976956", d);
}

}  // namespace delivery::test
