// KafkaClient over CurlTransport against the emulator: connector, sink-task lifecycle, failures.

#include <catch2/catch.hpp>

#include "delivery/kafka/client.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"

using namespace delivery;
using namespace delivery::kafka;
using delivery::emulator::Emulator;
using delivery::emulator::EmulatorOptions;
using delivery::huawei::HuaweiCredentials;

namespace {

KafkaClient clientFor(const Emulator& emu, HuaweiCredentials creds = HuaweiCredentials::withAkSk(
                                               "emulator-ak", "emulator-sk", "emulator-project")) {
  KafkaClientConfig config;
  config.endpoint = emu.endpoint();
  config.retry = RetryPolicy::noRetry();
  return KafkaClient::create(std::move(creds), config).value();
}

ObsDestinationDescriptor descriptor(const std::string& topics) {
  ObsDestinationDescriptor d;
  d.setTopics(topics).setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket").setObsPath("kafka/dump")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD).setDeliverTimeInterval(300);
  return d;
}


}  // namespace

TEST_CASE("sink-task lifecycle on a newly enabled connector", "[integration][kafka]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const KafkaClient client = clientFor(emu);

  auto enabled = client.createConnector(CreateConnectorRequest("instance-1"));
  REQUIRE(enabled);
  const std::string connector = enabled->getConnectorId();
  CHECK(connector.size() == 36);
  CHECK_FALSE(enabled->getJobId().empty());
  auto twice = client.createConnector(CreateConnectorRequest("instance-1"));
  REQUIRE_FALSE(twice);
  CHECK(twice.error().httpStatus == 400);

  auto created = client.createSinkTask(CreateSinkTaskRequest(connector, "dump-1", descriptor("topic-a,topic-b")));
  REQUIRE(created);
  const std::string id = created->getTaskId();
  CHECK(id.size() == 36);
  auto duplicate = client.createSinkTask(CreateSinkTaskRequest(connector, "dump-1", descriptor("x")));
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error().httpStatus == 400);

  auto list = client.listSinkTasks(ListSinkTasksRequest(connector));
  REQUIRE(list);
  REQUIRE(list->getTasks().size() == 1);
  CHECK(list->getTasks()[0].getTaskId() == id);
  CHECK(list->getTasks()[0].getTopics() == "topic-a,topic-b");

  auto plain = client.showSinkTask(ShowSinkTaskRequest(connector, id));
  REQUIRE(plain);
  CHECK(plain->getTopicsInfo().empty());
  REQUIRE(plain->getObsDestinationDescriptor());
  CHECK(plain->getObsDestinationDescriptor()->getObsBucketName() == "mybucket");
  CHECK(plain->getObsDestinationDescriptor()->getPartitionFormat() == "yyyy/MM/dd");
  auto detailed = client.showSinkTask(ShowSinkTaskRequest(connector, id).setTopicInfo(true));
  REQUIRE(detailed);
  REQUIRE(detailed->getTopicsInfo().size() == 2);
  CHECK(detailed->getTopicsInfo()[1].getTopic() == "topic-b");

  auto deleted = client.deleteSinkTask(DeleteSinkTaskRequest(connector, id));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);
  auto gone = client.showSinkTask(ShowSinkTaskRequest(connector, id));
  REQUIRE_FALSE(gone);
  CHECK(gone.error().httpStatus == 404);
  CHECK(client.listSinkTasks(ListSinkTasksRequest(connector))->getTasks().empty());
  CHECK(emu.stats().connections == 1);
}

TEST_CASE("deleting a connector takes its tasks with it, and it can be enabled again", "[integration][kafka]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const KafkaClient client = clientFor(emu);

  auto enabled = client.createConnector(CreateConnectorRequest("instance-2"));
  REQUIRE(enabled);
  const std::string connector = enabled->getConnectorId();
  REQUIRE(client.createSinkTask(CreateSinkTaskRequest(connector, "dump-1", descriptor("topic-a"))));

  auto deleted = client.deleteConnector(DeleteConnectorRequest("instance-2"));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 200);
  CHECK(deleted->getJobId().size() == 36);
  CHECK_FALSE(deleted->getRequestId().empty());
  auto tasks = client.listSinkTasks(ListSinkTasksRequest(connector));
  REQUIRE_FALSE(tasks);
  CHECK(tasks.error().httpStatus == 404);

  auto again = client.deleteConnector(DeleteConnectorRequest("instance-2"));
  REQUIRE_FALSE(again);
  CHECK(again.error().httpStatus == 404);
  CHECK(again.error().code == "DMS.00404022");
  CHECK(client.createConnector(CreateConnectorRequest("instance-2")));

  auto invalid = client.deleteConnector(DeleteConnectorRequest(""));
  REQUIRE_FALSE(invalid);
  CHECK(invalid.error().kind == ErrorKind::InvalidArgument);
  REQUIRE(invalid.error().violations.size() == 1);
  CHECK(invalid.error().violations[0].field == "instance_id");
}

TEST_CASE("the default connector, unknown connectors and authentication", "[integration][kafka]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  CHECK(clientFor(emu).createSinkTask(CreateSinkTaskRequest("emulator-connector", "t", descriptor("x"))).ok());
  auto unknown = clientFor(emu).listSinkTasks(ListSinkTasksRequest("no-such-connector"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().httpStatus == 404);
  CHECK(unknown.error().code == "DMS.00404022");
  auto forged = clientFor(emu, HuaweiCredentials::withAkSk("emulator-ak", "bad-sk", "emulator-project"))
                    .listSinkTasks(ListSinkTasksRequest("emulator-connector"));
  REQUIRE_FALSE(forged);
  CHECK(forged.error().httpStatus == 401);
  CHECK(clientFor(emu, HuaweiCredentials::withToken("emulator-iam-token", "emulator-project"))
            .listSinkTasks(ListSinkTasksRequest("emulator-connector"))
            ->getTasks()
            .size() == 1);
}
