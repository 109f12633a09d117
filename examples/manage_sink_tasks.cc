// Lists the dumping tasks of a DMS Kafka connector, shows each with its topic offsets, then deletes
// the example's task.
//
//   manage_sink_tasks [CONNECTOR_ID] [--keep]
//
// The task deleted is KAFKA_TASK_NAME (default "obsTransfer-1122976956", the one create_obs_sink_task
// adds). Environment: see huawei_example_support.h.

#include <delivery/kafka/client.h>

#include <cstring>
#include <iostream>

#include "huawei_example_support.h"

int main(int argc, char** argv) {
  using namespace delivery::kafka;
  std::string connectorId = example::env("DMS_CONNECTOR_ID", "emulator-connector");
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else {
      connectorId = argv[i];
    }
  }
  const std::string target = example::env("KAFKA_TASK_NAME", "obsTransfer-1122976956");

  auto credentials = delivery::huawei::HuaweiCredentials::fromEnvironment();
  if (!credentials) {
    std::cerr << "manage_sink_tasks: " << credentials.error() << '\n';
    return 1;
  }
  KafkaClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DMS_ENDPOINT");
  auto client = KafkaClient::create(credentials.value(), config);
  if (!client) {
    std::cerr << "manage_sink_tasks: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  auto listed = client->listSinkTasks(ListSinkTasksRequest(connectorId));
  if (!listed) {
    std::cerr << "manage_sink_tasks: list failed: " << listed.error() << '\n';
    return 1;
  }
  std::cout << "connector " << connectorId << ": " << listed->getTotalNumber() << " dumping task(s) (quota "
            << listed->getQuotaTasks() << ")\n";
  std::string targetId;
  for (const auto& task : listed->getTasks()) {
    auto shown = client->showSinkTask(ShowSinkTaskRequest(connectorId, task.getTaskId()).setTopicInfo(true));
    if (!shown) {
      std::cerr << "manage_sink_tasks: show " << task.getTaskId() << " failed: " << shown.error() << '\n';
      return 1;
    }
    std::cout << "  " << task.getTaskName() << " (id " << task.getTaskId() << "): " << shown->getTask().getStatus()
              << ", topics " << shown->getTask().getTopics() << '\n';
    if (const auto& d = shown->getObsDestinationDescriptor()) {
      std::cout << "    OBS " << d->getObsBucketName() << "/" << d->getObsPath() << ", partitions "
                << d->getPartitionFormat() << ", every " << d->getDeliverTimeInterval() << " s\n";
    }
    for (const auto& info : shown->getTopicsInfo()) {
      for (const auto& p : info.getPartitions()) {
        std::cout << "    " << info.getTopic() << "[" << p.getPartitionId() << "]: offset " << p.getLastTransferOffset()
                  << " of " << p.getLogEndOffset() << ", lag " << p.getLag() << '\n';
      }
    }
    if (task.getTaskName() == target) targetId = task.getTaskId();
  }
  if (keep) return 0;
  if (targetId.empty()) {
    std::cout << "no task named " << target << " to delete\n";
    return 0;
  }
  auto deleted = client->deleteSinkTask(DeleteSinkTaskRequest(connectorId, targetId));
  if (!deleted) {
    std::cerr << "manage_sink_tasks: delete failed: " << deleted.error() << '\n';
    return 1;
  }
  std::cout << "deleted " << target << " (HTTP " << deleted->getHttpStatus() << ")\n";
  return 0;
}
