// KafkaClient's Smart Connect tasks over CurlTransport against the emulator: the lifecycle
// (create, list with paging, show, pause, resume, start a waiting task, delete), the service's
// refusals, and secrets that never come back.

#include <catch2/catch.hpp>

#include <set>

#include "delivery/kafka/client.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"

using namespace delivery;
using namespace delivery::kafka;
using delivery::emulator::Emulator;
using delivery::huawei::HuaweiCredentials;

namespace {

// Bounded waits: a regression fails within seconds instead of waiting the default 30 minutes.
WaitOptions quickWait() {
  WaitOptions o;
  o.timeout = std::chrono::seconds(30);
  o.pollInterval = std::chrono::milliseconds(10);
  return o;
}

KafkaClient clientFor(const Emulator& emu) {
  KafkaClientConfig config;
  config.endpoint = emu.endpoint();
  config.retry = RetryPolicy::noRetry();
  return KafkaClient::create(HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"), config).value();
}

CreateConnectorTaskRequest obsTask(const std::string& instance, const std::string& name) {
  SmartConnectTaskReqSinkConfig sink;
  sink.setConsumerStrategy(ConsumerStrategy::EARLIEST)
      .setAccessKey("obs-ak-secret")
      .setSecretKey("obs-sk-secret")
      .setObsBucketName("mybucket")
      .setObsPath("kafka/dump")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD_HH)
      .setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE)
      .setStoreKeys(true);
  auto r = CreateConnectorTaskRequest::obsSink(instance, sink);
  r.setTaskName(name).setTopics("topic-a");
  return r;
}

}  // namespace

TEST_CASE("Smart Connect task lifecycle against the emulator", "[integration][kafka][smart-connect]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const KafkaClient client = clientFor(emu);

  // Smart Connect must be enabled on the instance first.
  auto notYet = client.createConnectorTask(obsTask("instance-1", "dump-1"));
  REQUIRE_FALSE(notYet);
  CHECK(notYet.error().httpStatus == 404);
  REQUIRE(client.createConnector(CreateConnectorRequest("instance-1")));

  auto created = client.createConnectorTask(obsTask("instance-1", "dump-1"));
  REQUIRE(created);
  const std::string id = created->getId();
  CHECK(id.size() == 36);
  CHECK(created->getStatus() == "RUNNING");
  CHECK(created->getSinkType() == "OBS_SINK");
  REQUIRE(created->getSinkTask());
  CHECK(created->getSinkTask()->getObsBucketName() == "mybucket");
  CHECK(created->getSinkTask()->getRecordDelimiter() == "\\n");
  CHECK(created->getSinkTask()->getStoreKeys() == true);
  CHECK(created->getSinkTask()->getObsPartSize() == 5242880);
  CHECK_FALSE(created->getSourceTask());
  auto duplicate = client.createConnectorTask(obsTask("instance-1", "dump-1"));
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error().httpStatus == 400);

  // A task created with start_later waits until restartConnectorTask starts it.
  auto laterRequest = obsTask("instance-1", "dump-2");
  laterRequest.setStartLater(true);
  auto later = client.createConnectorTask(laterRequest);
  REQUIRE(later);
  CHECK(later->getStatus() == "WAITING");
  auto waited = client.waitUntilSmartConnectTaskRunning(ShowConnectorTaskRequest("instance-1", later->getId()), quickWait());
  CHECK(waited.outcome == WaitOutcome::Failed);
  CHECK(waited.state == "WAITING");
  REQUIRE(client.restartConnectorTask(RestartConnectorTaskRequest("instance-1", later->getId())));
  CHECK(client.waitUntilSmartConnectTaskRunning(ShowConnectorTaskRequest("instance-1", later->getId()), quickWait()).reached());

  // A replicator from another instance.
  SmartConnectTaskReqSourceConfig source;
  source.setCurrentClusterName("A").setClusterName("B").setBootstrapServers("10.0.0.1:9092")
      .setSecurityProtocol(SecurityProtocol::SASL_SSL).setUserName("u").setPassword("peer-password-secret")
      .setSaslMechanism(SaslMechanism::SCRAM_SHA_512).setDirection(ReplicationDirection::PULL).setTaskNum(2);
  CreateConnectorTaskRequest replicator("instance-1");
  replicator.setTaskName("replicate-1").setSourceType(SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE).setSourceTask(source);
  auto replicating = client.createConnectorTask(replicator);
  REQUIRE(replicating);
  REQUIRE(replicating->getSourceTask());
  CHECK(replicating->getSourceTask()->getBootstrapServers() == "10.0.0.1:9092");
  CHECK(replicating->getSourceTask()->getTaskNum() == 2);

  // Paging: three tasks, two per page.
  std::set<std::string> ids;
  auto page1 = client.listConnectorTasks(ListConnectorTasksRequest("instance-1").setOffset(0).setLimit(2));
  REQUIRE(page1);
  CHECK(page1->getTotalNumber() == 3);
  CHECK(page1->getTasks().size() == 2);
  auto page2 = client.listConnectorTasks(ListConnectorTasksRequest("instance-1").setOffset(2).setLimit(2));
  REQUIRE(page2);
  CHECK(page2->getTasks().size() == 1);
  for (const auto* page : {&*page1, &*page2}) {
    for (const auto& t : page->getTasks()) ids.insert(t.getId());
  }
  CHECK(ids == std::set<std::string>{id, later->getId(), replicating->getId()});

  // Pause, resume; pausing a paused task is refused.
  REQUIRE(client.pauseConnectorTask(PauseConnectorTaskRequest("instance-1", id)));
  auto shown = client.showConnectorTask(ShowConnectorTaskRequest("instance-1", id));
  REQUIRE(shown);
  CHECK(shown->getStatus() == "PAUSED");
  auto again = client.pauseConnectorTask(PauseConnectorTaskRequest("instance-1", id));
  REQUIRE_FALSE(again);
  CHECK(again.error().httpStatus == 400);
  auto paused = client.waitUntilSmartConnectTaskRunning(ShowConnectorTaskRequest("instance-1", id), quickWait());
  CHECK(paused.state == "PAUSED");
  CHECK(paused.outcome == WaitOutcome::Failed);
  REQUIRE(client.resumeConnectorTask(ResumeConnectorTaskRequest("instance-1", id)));
  CHECK(client.showConnectorTask(ShowConnectorTaskRequest("instance-1", id))->getStatus() == "RUNNING");

  // Delete: then it is gone.
  auto deleted = client.deleteConnectorTask(DeleteConnectorTaskRequest("instance-1", id));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);
  auto gone = client.showConnectorTask(ShowConnectorTaskRequest("instance-1", id));
  REQUIRE_FALSE(gone);
  CHECK(gone.error().httpStatus == 404);

  // Disabling Smart Connect takes the tasks with it.
  REQUIRE(client.deleteConnector(DeleteConnectorRequest("instance-1")));
  REQUIRE(client.createConnector(CreateConnectorRequest("instance-1")));
  auto empty = client.listConnectorTasks(ListConnectorTasksRequest("instance-1"));
  REQUIRE(empty);
  CHECK(empty->getTotalNumber() == 0);
}

TEST_CASE("the emulator refuses what the service refuses, naming the field", "[integration][kafka][smart-connect]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const KafkaClient client = clientFor(emu);
  REQUIRE(client.createConnector(CreateConnectorRequest("instance-2")));
  auto missing = client.showConnectorTask(ShowConnectorTaskRequest("instance-2", "no-such-task"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().httpStatus == 404);
  auto resumeRunning = [&] {
    auto created = client.createConnectorTask(obsTask("instance-2", "dump-9"));
    REQUIRE(created);
    return client.resumeConnectorTask(ResumeConnectorTaskRequest("instance-2", created->getId()));
  }();
  REQUIRE_FALSE(resumeRunning);
  CHECK(resumeRunning.error().httpStatus == 400);
}
