// Adds a DIS -> DWS dump task with the values of the "Adding DWS Dump Tasks" example request.
//
//   create_dws_transfer_task [--wait] [STREAM]   (stream: the argument, DIS_STREAM_NAME, or "mystream")
//
// With --wait it then shows the task until it is RUNNING, printing each state (example_wait.h).
//
// One value differs from the published example: it sends "dws_delimiter" : "", which the same
// page's table forbids (the delimiter must be ',', ';' or '|'). This example sends ','.
// The database password comes from DWS_PASSWORD when set; it is never printed.

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
    std::cerr << "create_dws_transfer_task: " << credentials.error() << '\n';
    return 1;
  }
  DisClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DIS_ENDPOINT");
  auto client = DisClient::create(credentials.value(), config);
  if (!client) {
    std::cerr << "create_dws_transfer_task: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  DWSDestinationDescriptor descriptor;
  descriptor.setTaskName("dwstask")
      .setConsumerStrategy(ConsumerStrategy::LATEST)
      .setAgencyName("dis_admin_agency")
      .setDeliverTimeInterval(60);
  descriptor.setDwsClusterName("dwscluster")
      .setDwsClusterId("f82dc227-3691-47eb-bca7-e7851f509b2a")
      .setDwsDatabaseName("postgres")
      .setDwsSchema("dbadmin")
      .setDwsTableName("dwstablename")
      .setDwsDelimiter(DwsDelimiter::COMMA)  // the published example's "" is not a valid delimiter
      .setUserName("dbadmin")
      .setUserPassword(example::env("DWS_PASSWORD", "userpassword"))
      .setKmsUserKeyName("kmskey")
      .setKmsUserKeyId("1e759f06-9188-4d21-afab-a75e57c04d2b")
      .setObsBucketPath("obsbucket")
      .setFilePrefix("")
      .setRetryDuration(1800)
      .setOptions(Options().setFillMissingFields(false).setIgnoreExtraData(false).setCompatibleIllegalChars(false));

  CreateTransferTaskRequest request(stream, descriptor);
  std::cout << "sending " << request.toString() << '\n';  // user_password shows as <redacted>
  auto response = client->createTransferTask(request);
  if (!response) {
    std::cerr << "create_dws_transfer_task: " << response.error() << '\n';
    return 1;
  }
  std::cout << "created DWS transfer task dwstask on stream " << stream << " (HTTP " << response->getHttpStatus()
            << ", request id " << response->getRequestId() << ")\n";
  if (!args.wait) return 0;

  auto waited = client->waitUntilTransferTaskRunning(ShowTransferTaskRequest(stream, "dwstask"),
                                                     example::printingWaitOptions("dwstask"));
  return example::reportWait("dwstask", waited);
}
