#pragma once
// The Java SDK sample's delivery task (seed 000), shared by the Tablestore tests. Only the role
// ARN differs: the seed masks its account id, which no ARN check could accept.

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

}  // namespace delivery::test
