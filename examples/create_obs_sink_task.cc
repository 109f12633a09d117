// Creates a DMS Kafka -> OBS dumping task with the values of the "Creating a Dumping Task" example
// request, and prints its task id.
//
//   create_obs_sink_task [--wait] [CONNECTOR_ID]   (connector: the argument, DMS_CONNECTOR_ID, or "emulator-connector")
//
// With --wait it then shows the task until it is RUNNING, printing each status (example_wait.h).
//
// Environment: see huawei_example_support.h. The connector writes OBS with OBS_ACCESS_KEY /
// OBS_SECRET_KEY (default: HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK); they are never printed.
// OBS_BUCKET (default "6666", the example's) and KAFKA_TOPICS ("topic-test") can be changed.

#include <delivery/kafka/client.h>

#include <iostream>

#include "example_wait.h"
#include "huawei_example_support.h"

int main(int argc, char** argv) {
  using namespace delivery::kafka;
  const example::Arguments args(argc, argv);
  const std::string connectorId = args.at(0, example::env("DMS_CONNECTOR_ID", "emulator-connector"));

  auto credentials = delivery::huawei::HuaweiCredentials::fromEnvironment();
  if (!credentials) {
    std::cerr << "create_obs_sink_task: " << credentials.error() << '\n';
    return 1;
  }
  KafkaClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DMS_ENDPOINT");
  auto client = KafkaClient::create(credentials.value(), config);
  if (!client) {
    std::cerr << "create_obs_sink_task: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  ObsDestinationDescriptor descriptor;
  descriptor.setConsumerStrategy(ConsumerStrategy::EARLIEST)
      .setDestinationFileType(DestinationFileType::TEXT)
      .setAccessKey(example::env("OBS_ACCESS_KEY", credentials->accessKey.c_str()))
      .setSecretKey(example::env("OBS_SECRET_KEY", credentials->secretKey.c_str()))
      .setObsBucketName(example::env("OBS_BUCKET", "6666"))
      .setObsPath("obsTransfer-1122976956")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(RecordDelimiter::NEWLINE)
      .setDeliverTimeInterval(300)
      .setTopics(example::env("KAFKA_TOPICS", "topic-test"));
  CreateSinkTaskRequest request(connectorId, "obsTransfer-1122976956", descriptor);

  std::cout << "sending " << request.toString() << '\n';  // access_key and secret_key show as <redacted>
  auto response = client->createSinkTask(request);
  if (!response) {
    std::cerr << "create_obs_sink_task: " << response.error() << '\n';
    return 1;
  }
  std::cout << "task_id: " << response->getTaskId() << '\n';
  std::cout << "created dumping task obsTransfer-1122976956 on connector " << connectorId << " (request id "
            << response->getRequestId() << ")\n";
  if (!args.wait) return 0;

  auto waited = client->waitUntilSinkTaskRunning(ShowSinkTaskRequest(connectorId, response->getTaskId()),
                                                 example::printingWaitOptions("obsTransfer-1122976956"));
  return example::reportWait("obsTransfer-1122976956", waited);
}
