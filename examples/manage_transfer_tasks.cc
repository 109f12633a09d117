// Lists the transfer tasks of a DIS stream, shows each, stops and restarts the example tasks, then
// deletes them.
//
//   manage_transfer_tasks [STREAM] [--keep]
//
// The tasks acted on are DIS_TASKS (comma-separated; default "dlitask,dwstask", the ones the create
// examples add). --keep skips the delete. Environment: see huawei_example_support.h.

#include <delivery/dis/client.h>

#include <cstring>
#include <iostream>
#include <sstream>

#include "huawei_example_support.h"

namespace {

bool fail(const char* what, const delivery::Error& e) {
  std::cerr << "manage_transfer_tasks: " << what << ": " << e << '\n';
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace delivery::dis;
  std::string stream = example::env("DIS_STREAM_NAME", "mystream");
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--keep") == 0) {
      keep = true;
    } else {
      stream = argv[i];
    }
  }
  const std::string taskList = example::env("DIS_TASKS", "dlitask,dwstask");
  std::vector<std::string> names;
  std::stringstream list(taskList);
  for (std::string name; std::getline(list, name, ',');) {
    if (!name.empty()) names.push_back(name);
  }

  auto credentials = delivery::huawei::HuaweiCredentials::fromEnvironment();
  if (!credentials) return fail("credentials", credentials.error()), 1;
  DisClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DIS_ENDPOINT");
  auto client = DisClient::create(credentials.value(), config);
  if (!client) return fail("cannot create the client", client.error()), 1;

  auto listed = client->listTransferTasks(ListTransferTasksRequest(stream));
  if (!listed) return fail("list", listed.error()), 1;
  std::cout << "stream " << stream << ": " << listed->getTotalNumber() << " transfer task(s), quota "
            << listed->getQuota() << '\n';
  std::vector<std::string> ids;
  std::vector<std::string> ours;  // the example's tasks on this stream, by name
  for (const auto& task : listed->getTasks()) {
    auto shown = client->showTransferTask(ShowTransferTaskRequest(stream, task.getTaskName()));
    if (!shown) return fail("show", shown.error()), 1;
    std::cout << "  " << task.getTaskName() << " (id " << task.getTaskId() << "): " << shown->getTask().getDestinationType() << ", "
              << shown->getTask().getStateText() << ", " << shown->getPartitions().size() << " partition(s)\n";
    for (const auto& n : names) {
      if (n == task.getTaskName()) {
        ids.push_back(task.getTaskId());
        ours.push_back(task.getTaskName());
      }
    }
  }
  if (ids.empty()) {
    std::cout << "none of the example tasks (" << taskList << ") is on this stream\n";
    return 0;
  }

  auto stopped = client->batchStopTransferTask(BatchStopTransferTaskRequest(stream, ids));
  if (!stopped) return fail("stop", stopped.error()), 1;
  std::cout << "stopped " << ids.size() << " task(s)\n";
  auto started = client->batchStartTransferTask(BatchStartTransferTaskRequest(stream, ids));
  if (!started) return fail("start", started.error()), 1;
  std::cout << "started " << ids.size() << " task(s)\n";
  if (keep) return 0;

  for (const auto& name : ours) {
    auto deleted = client->deleteTransferTask(DeleteTransferTaskRequest(stream, name));
    if (!deleted) return fail("delete", deleted.error()), 1;
    std::cout << "deleted " << name << " (HTTP " << deleted->getHttpStatus() << ")\n";
  }
  return 0;
}
