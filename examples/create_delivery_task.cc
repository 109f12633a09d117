// Creates a Tablestore -> OSS delivery task: the Java SDK sample "createDeliveryTask", in C++.
//
//   create_delivery_task [--wait]
//
// With --wait it then describes the task until it runs: until the FULL phase (delivering the
// table's existing data) or later, printing each phase it sees (example_wait.h). Waiting for
// TaskSyncPhase::INCR instead waits until the existing data has been delivered, which can take
// long on a large table.
//
// Environment: see example_support.h. Optional overrides of the sample's values:
//   TABLESTORE_TABLE (sampleTable), TABLESTORE_TASK (sampledeliverytask),
//   OSS_BUCKET (datadeliverytest), OSS_ENDPOINT (oss-cn-hangzhou.aliyuncs.com),
//   OSS_ROLE_ARN (acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery: use your account id)

#include <iostream>

#include "example_support.h"
#include "example_wait.h"

int main(int argc, char** argv) {
  const example::Arguments args(argc, argv);
  using namespace delivery::tablestore;

  auto client = example::clientFromEnvironment();
  if (!client) {
    std::cerr << "create_delivery_task: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  const std::string tableName = example::env("TABLESTORE_TABLE", "sampleTable");
  const std::string taskName = example::env("TABLESTORE_TASK", "sampledeliverytask");

  OSSTaskConfig taskConfig;
  taskConfig.setOssPrefix("sampledeliverytask/year=$yyyy/month=$MM")
      .setOssBucket(example::env("OSS_BUCKET", "datadeliverytest"))
      .setOssEndpoint(example::env("OSS_ENDPOINT", "oss-cn-hangzhou.aliyuncs.com"))
      .setOssStsRole(example::env("OSS_ROLE_ARN", "acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery"));
  // Optional: partition by the time in column PK1 instead of the time data was written.
  taskConfig.setEventTimeColumn(EventColumn("PK1", EventTimeFormat::RFC1123));
  taskConfig.addParquetSchema(ParquetSchema("PK1", "PK1", DataType::UTF8))
      .addParquetSchema(ParquetSchema("PK2", "PK2", DataType::BOOL))
      .addParquetSchema(ParquetSchema("Col1", "Col1", DataType::UTF8));

  CreateDeliveryTaskRequest request;
  request.setTableName(tableName).setTaskName(taskName).setTaskConfig(taskConfig).setTaskType(
      DeliveryTaskType::BASE_INC);

  auto response = client->createDeliveryTask(request);
  if (!response) {
    std::cerr << "create_delivery_task: " << response.error() << '\n';
    return 1;
  }
  std::cout << "requestID: " << response->getRequestId() << '\n';
  std::cout << "traceID: " << response->getTraceId() << '\n';
  std::cout << "create delivery task success: " << tableName << "/" << taskName << '\n';
  if (!args.wait) return 0;

  auto waited = client->waitUntilTaskSyncPhase(DescribeDeliveryTaskRequest(tableName, taskName), TaskSyncPhase::FULL,
                                               example::printingWaitOptions(taskName));
  return example::reportWait(taskName, waited);
}
