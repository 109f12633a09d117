#pragma once
// The Java SDK sample's delivery task (seed 000), shared by the Tablestore tests. Only the role
// ARN differs: the seed masks its account id, which no ARN check could accept.

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

}  // namespace delivery::test
