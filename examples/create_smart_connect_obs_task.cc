// Creates a DMS Kafka Smart Connect task that dumps topics to OBS, with the values of the first
// example request of "Creating a Smart Connect Task", and prints its id and status.
//
//   create_smart_connect_obs_task [--wait] [--enable] [INSTANCE_ID]
//       (instance: the argument, DMS_INSTANCE_ID, or "emulator-instance")
//
// Smart Connect must be enabled on the instance. --enable first enables it (createConnector): on
// Huawei Cloud that is a billed, asynchronous job of the pay-per-use instance (wait for it before
// creating tasks); the emulator enables it at once. With --wait the example then shows the task
// until it is RUNNING, printing each status (example_wait.h).
//
// Environment: see huawei_example_support.h. The connector writes OBS with OBS_ACCESS_KEY /
// OBS_SECRET_KEY (default: HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK); they are never printed.
// OBS_BUCKET (default "obs_bucket", the example's) and KAFKA_TOPICS_REGEX ("topic-obs*") can be changed.

#include <delivery/kafka/client.h>

#include <algorithm>
#include <iostream>

#include "example_wait.h"
#include "huawei_example_support.h"

int main(int argc, char** argv) {
  using namespace delivery::kafka;
  example::Arguments args(argc, argv);
  auto& rest = args.positional;
  const auto enableFlag = std::find(rest.begin(), rest.end(), "--enable");
  const bool enable = enableFlag != rest.end();
  if (enable) rest.erase(enableFlag);
  const std::string instanceId = args.at(0, example::env("DMS_INSTANCE_ID", "emulator-instance"));

  auto credentials = delivery::huawei::HuaweiCredentials::fromEnvironment();
  if (!credentials) {
    std::cerr << "create_smart_connect_obs_task: " << credentials.error() << '\n';
    return 1;
  }
  KafkaClientConfig config;
  example::configureHuawei(config, "HUAWEICLOUD_DMS_ENDPOINT");
  auto client = KafkaClient::create(credentials.value(), config);
  if (!client) {
    std::cerr << "create_smart_connect_obs_task: cannot create the client: " << client.error() << '\n';
    return 1;
  }

  if (enable) {
    auto enabled = client->createConnector(CreateConnectorRequest(instanceId).setNodeCnt(2));
    if (!enabled) {
      std::cerr << "create_smart_connect_obs_task: cannot enable Smart Connect: " << enabled.error() << '\n';
      return 1;
    }
    std::cout << "enabled Smart Connect on instance " << instanceId << " (job " << enabled->getJobId() << ")\n";
  }

  SmartConnectTaskReqSinkConfig sink;
  sink.setConsumerStrategy(ConsumerStrategy::EARLIEST)
      .setDestinationFileType(DestinationFileType::TEXT)
      .setDeliverTimeInterval(300)
      .setAccessKey(example::env("OBS_ACCESS_KEY", credentials->accessKey.c_str()))
      .setSecretKey(example::env("OBS_SECRET_KEY", credentials->secretKey.c_str()))
      .setObsBucketName(example::env("OBS_BUCKET", "obs_bucket"))
      .setObsPath("obsTransfer-1810125534")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE)
      .setStoreKeys(false);
  auto request = CreateConnectorTaskRequest::obsSink(instanceId, sink);
  request.setTaskName("smart-connect-1").setStartLater(false).setTopicsRegex(example::env("KAFKA_TOPICS_REGEX", "topic-obs*"));

  std::cout << "sending " << request.toString() << '\n';  // access_key and secret_key show as <redacted>
  auto response = client->createConnectorTask(request);
  if (!response) {
    std::cerr << "create_smart_connect_obs_task: " << response.error() << '\n';
    return 1;
  }
  std::cout << "id: " << response->getId() << '\n';
  std::cout << "created Smart Connect task smart-connect-1 (" << response->getStatus() << ") on instance " << instanceId
            << " (request id " << response->getRequestId() << ")\n";
  if (!args.wait) return 0;

  auto waited = client->waitUntilSmartConnectTaskRunning(ShowConnectorTaskRequest(instanceId, response->getId()),
                                                         example::printingWaitOptions("smart-connect-1"));
  return example::reportWait("smart-connect-1", waited);
}
