// Adds a DIS -> DLI dump task ("Adding DLI Dump Tasks": POST /v2/{project_id}/streams/{stream_name}/transfer-tasks).
//
//   create_dli_transfer_task [--wait] [STREAM]   (stream: the argument, DIS_STREAM_NAME, or "mystream")
//
// With --wait it then shows the task until it is RUNNING, printing each state (example_wait.h).
//
// Environment: see huawei_example_support.h. The DLI database, table and OBS bucket are the
// example's: DLI_DATABASE (dis_db), DLI_TABLE (dis_table), OBS_BUCKET (obsbucket).

#include <delivery/dis/client.h>

#include <iostream>

#include "example_wait.h"
#include "huawei_example_support.h"

int main(int argc, char** argv) {
  using namespace delivery::dis;
  const example::Arguments args(argc, argv);
  const std::string stream = args.at(0, example::env("DIS_STREAM_NAME", "mystream"));

  auto credentials = delivery::huawei::HuaweiCredentials::fromEnvironment();
  if (!credentials) {
    std::cerr << "create_dli_transfer_task: " << credentials.error() << '\n';
    return 1;
  }
  DisClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DIS_ENDPOINT");
  auto client = DisClient::create(credentials.value(), config);
  if (!client) {
    std::cerr << "create_dli_transfer_task: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  DliDestinationDescriptor descriptor;
  descriptor.setTaskName("dlitask")
      .setAgencyName("dis_admin_agency")
      .setDeliverTimeInterval(300)
      .setConsumerStrategy(ConsumerStrategy::LATEST);
  descriptor.setDliDatabaseName(example::env("DLI_DATABASE", "dis_db"))
      .setDliTableName(example::env("DLI_TABLE", "dis_table"))
      .setObsBucketPath(example::env("OBS_BUCKET", "obsbucket"))
      .setFilePrefix("dli_tmp")
      .setRetryDuration(1800);

  CreateTransferTaskRequest request(stream, descriptor);
  std::cout << "sending " << request.toString() << '\n';
  auto response = client->createTransferTask(request);
  if (!response) {
    std::cerr << "create_dli_transfer_task: " << response.error() << '\n';
    return 1;
  }
  std::cout << "created DLI transfer task dlitask on stream " << stream << " (HTTP " << response->getHttpStatus()
            << ", request id " << response->getRequestId() << ")\n";
  if (!args.wait) return 0;

  auto waited = client->waitUntilTransferTaskRunning(ShowTransferTaskRequest(stream, "dlitask"),
                                                     example::printingWaitOptions("dlitask"));
  return example::reportWait("dlitask", waited);
}
