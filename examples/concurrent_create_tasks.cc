// Creates 100 Tablestore delivery tasks concurrently from one thread, then deletes them the same
// way: every create is in flight at once (no thread per call), each ends as the blocking call would
// (same validation, retries and errors).
//
//   concurrent_create_tasks
//
// Environment: see example_support.h. Optional: TABLESTORE_TABLE (sampleTable), TASK_COUNT (100),
// OSS_BUCKET, OSS_ENDPOINT, OSS_ROLE_ARN as in create_delivery_task. The tasks are named
// concurrent-task-<n>.

#include <atomic>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include "example_support.h"

int main() {
  using namespace delivery::tablestore;
  auto client = example::clientFromEnvironment();
  if (!client) {
    std::cerr << "concurrent_create_tasks: cannot create the client: " << client.error() << '\n';
    return 1;
  }
  const std::string table = example::env("TABLESTORE_TABLE", "sampleTable");
  const int count = std::stoi(example::env("TASK_COUNT", "100"));

  OSSTaskConfig config;
  config.setOssPrefix("concurrent/$yyyy/$MM")
      .setOssBucket(example::env("OSS_BUCKET", "datadeliverytest"))
      .setOssEndpoint(example::env("OSS_ENDPOINT", "oss-cn-hangzhou.aliyuncs.com"))
      .setOssStsRole(example::env("OSS_ROLE_ARN", "acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery"))
      .addParquetSchema(ParquetSchema("PK1", "PK1", DataType::UTF8));

  // 1. Start every create; each returns at once with an AsyncCall (a future of the Result).
  std::vector<delivery::AsyncCall<CreateDeliveryTaskResponse>> creates;
  for (int i = 0; i < count; ++i) {
    CreateDeliveryTaskRequest request;
    request.setTableName(table).setTaskName("concurrent-task-" + std::to_string(i)).setTaskConfig(config)
        .setTaskType(DeliveryTaskType::BASE_INC);
    creates.push_back(client->createDeliveryTaskAsync(request));
  }
  // 2. Collect the results.
  int created = 0;
  for (int i = 0; i < count; ++i) {
    auto result = creates[i].get();
    if (result) {
      ++created;
    } else {
      std::cerr << "concurrent-task-" << i << ": " << result.error() << '\n';
    }
  }
  std::cout << "created " << created << " of " << count << " tasks concurrently from one thread\n";

  // 3. The callback form: each callback runs on the transport's event thread when its call ends.
  std::atomic<int> deleted{0}, pending{count};
  std::promise<void> allDone;
  for (int i = 0; i < count; ++i) {
    (void)client->deleteDeliveryTaskAsync(
        DeleteDeliveryTaskRequest(table, "concurrent-task-" + std::to_string(i)),
        [&](delivery::Result<DeleteDeliveryTaskResponse> result) {
          if (result) ++deleted;
          if (--pending == 0) allDone.set_value();
        });
  }
  allDone.get_future().wait();
  std::cout << "deleted " << deleted << " of " << count << " tasks concurrently\n";
  return created == count && deleted == count ? 0 : 1;
}
