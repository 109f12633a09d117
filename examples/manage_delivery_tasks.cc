// Lists the delivery tasks of a table, describes each, then deletes one.
//
//   manage_delivery_tasks [--keep]
//
// Environment: see example_support.h; TABLESTORE_TABLE (sampleTable) and TABLESTORE_TASK
// (sampledeliverytask, the task to delete). --keep lists and describes without deleting.

#include <cstring>
#include <iostream>

#include "example_support.h"

namespace {

void printTask(const delivery::tablestore::DescribeDeliveryTaskResponse& d) {
  using namespace delivery::tablestore;
  const OSSTaskConfig& c = d.getTaskConfig();
  std::cout << "    type: " << toString(d.getTaskType()) << '\n'
            << "    oss: " << c.getOssBucket() << " at " << c.getOssEndpoint() << ", prefix " << c.getOssPrefix()
            << '\n';
  if (c.getEventTimeColumn()) {
    std::cout << "    event time column: " << c.getEventTimeColumn()->getColumnName() << " ("
              << toString(c.getEventTimeColumn()->getEventTimeFormat()) << ")\n";
  }
  for (const auto& s : c.getParquetSchemaList()) {
    std::cout << "    column " << s.getColumnName() << " -> " << s.getOssColumnName() << " " << toString(s.getType())
              << " " << toString(s.getEncode()) << '\n';
  }
  const TaskSyncStat& stat = d.getTaskSyncStat();
  std::cout << "    sync: phase " << toString(stat.getTaskSyncPhase()) << ", error " << toString(stat.getErrorType())
            << ", synced up to " << stat.getCurrentSyncTimestampNanos() << " ns"
            << (stat.getDetail().empty() ? "" : ", detail: " + stat.getDetail()) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  using namespace delivery::tablestore;
  const bool keep = argc > 1 && std::strcmp(argv[1], "--keep") == 0;
  if (argc > 2 || (argc == 2 && !keep)) {
    std::cerr << "usage: manage_delivery_tasks [--keep]\n";
    return 2;
  }

  auto client = example::clientFromEnvironment();
  if (!client) {
    std::cerr << "manage_delivery_tasks: cannot create the client: " << client.error() << '\n';
    return 1;
  }
  const std::string tableName = example::env("TABLESTORE_TABLE", "sampleTable");
  const std::string taskName = example::env("TABLESTORE_TASK", "sampledeliverytask");

  auto listed = client->listDeliveryTask(ListDeliveryTaskRequest(tableName));
  if (!listed) {
    std::cerr << "manage_delivery_tasks: list failed: " << listed.error() << '\n';
    return 1;
  }
  std::cout << "table " << tableName << " has " << listed->getTaskInfos().size() << " delivery task(s)"
            << " (requestID " << listed->getRequestId() << ")\n";
  for (const auto& info : listed->getTaskInfos()) {
    std::cout << "  " << info.getTaskName() << '\n';
    auto described = client->describeDeliveryTask(DescribeDeliveryTaskRequest(tableName, info.getTaskName()));
    if (!described) {
      std::cerr << "manage_delivery_tasks: describe " << info.getTaskName() << " failed: " << described.error() << '\n';
      return 1;
    }
    printTask(*described);
  }
  if (keep) return 0;

  auto deleted = client->deleteDeliveryTask(DeleteDeliveryTaskRequest(tableName, taskName));
  if (!deleted) {
    std::cerr << "manage_delivery_tasks: delete " << taskName << " failed: " << deleted.error() << '\n';
    return 1;
  }
  std::cout << "deleted " << tableName << "/" << taskName << " (requestID " << deleted->getRequestId() << ")\n";
  return 0;
}
