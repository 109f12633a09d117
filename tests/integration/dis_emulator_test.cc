// DisClient over CurlTransport against the emulator: the whole lifecycle, authentication failures.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "core/crypto.h"
#include "delivery/core/curl_transport.h"
#include "delivery/dis/client.h"
#include "delivery/testing/fake_clock.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"

using namespace delivery;
using namespace delivery::dis;
using delivery::emulator::Emulator;
using delivery::emulator::EmulatorOptions;
using delivery::huawei::HuaweiCredentials;

namespace {

const HuaweiCredentials kCreds = HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project");


DisClient clientFor(const Emulator& emu, HuaweiCredentials creds = kCreds, DisClientConfig config = {}) {
  config.endpoint = emu.endpoint();
  return DisClient::create(std::move(creds), std::move(config)).value();
}

DliDestinationDescriptor dli(const std::string& name = "dlitask") {
  DliDestinationDescriptor d;
  d.setTaskName(name).setAgencyName("dis_admin_agency").setDeliverTimeInterval(300).setConsumerStrategy(ConsumerStrategy::LATEST);
  d.setDliDatabaseName("dis_db").setDliTableName("dis_table").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

DWSDestinationDescriptor dws() {
  DWSDestinationDescriptor d;
  d.setTaskName("dwstask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(60);
  d.setDwsClusterName("dwscluster").setDwsClusterId("f82dc227-3691-47eb-bca7-e7851f509b2a").setDwsDatabaseName("postgres")
      .setDwsSchema("dbadmin").setDwsTableName("dwstablename").setDwsDelimiter(DwsDelimiter::COMMA)
      .setUserName("dbadmin").setUserPassword("userpassword").setKmsUserKeyName("kmskey")
      .setKmsUserKeyId("1e759f06-9188-4d21-afab-a75e57c04d2b").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

const TransferTask* findTask(const ListTransferTasksResponse& list, const std::string& name) {
  for (const auto& t : list.getTasks()) {
    if (t.getTaskName() == name) return &t;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("DIS lifecycle through CurlTransport", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const DisClient client = clientFor(emu);

  auto created = client.createTransferTask(CreateTransferTaskRequest("mystream", dli()));
  REQUIRE(created);
  CHECK(created->getHttpStatus() == 201);
  CHECK_FALSE(created->getRequestId().empty());
  REQUIRE(client.createTransferTask(CreateTransferTaskRequest("mystream", dws())));

  auto again = client.createTransferTask(CreateTransferTaskRequest("mystream", dli()));
  REQUIRE_FALSE(again);
  CHECK(again.error().httpStatus == 400);
  CHECK(again.error().code == "DIS.4301");

  auto list = client.listTransferTasks(ListTransferTasksRequest("mystream"));
  REQUIRE(list);
  CHECK(list->getTotalNumber() == 2);
  const TransferTask* t = findTask(*list, "dlitask");
  REQUIRE(t != nullptr);
  CHECK(t->getState() == TransferTaskState::RUNNING);
  CHECK(t->getDestinationType() == "DLI");
  const std::string id = t->getTaskId();
  CHECK(id.size() == 19);

  auto show = client.showTransferTask(ShowTransferTaskRequest("mystream", "dwstask"));
  REQUIRE(show);
  CHECK(show->getTask().getDestinationType() == "DWS");
  CHECK(show->getStreamName() == "mystream");
  REQUIRE(show->getPartitions().size() == 1);
  REQUIRE(show->getDescription());  // read from the misspelled dws_destination_descripton
  const auto& described = std::get<DWSDestinationDescriptor>(*show->getDescription());
  CHECK(described.getDwsClusterName() == "dwscluster");
  CHECK(described.getUserPassword() != "userpassword");  // the service does not echo secrets

  REQUIRE(client.batchStopTransferTask(BatchStopTransferTaskRequest("mystream", {id})));
  CHECK(findTask(*client.listTransferTasks(ListTransferTasksRequest("mystream")), "dlitask")->getState() ==
        TransferTaskState::PAUSED);
  REQUIRE(client.batchStartTransferTask(BatchStartTransferTaskRequest("mystream", {id})));
  CHECK(findTask(*client.listTransferTasks(ListTransferTasksRequest("mystream")), "dlitask")->getState() ==
        TransferTaskState::RUNNING);
  auto unknownId = client.batchStopTransferTask(BatchStopTransferTaskRequest("mystream", {"nope"}));
  REQUIRE_FALSE(unknownId);
  CHECK(unknownId.error().httpStatus == 400);

  auto changed = dli();
  changed.setDeliverTimeInterval(600);
  REQUIRE(client.updateTransferTask(UpdateTransferTaskRequest("mystream", changed)));
  auto shown = client.showTransferTask(ShowTransferTaskRequest("mystream", "dlitask"));
  CHECK(std::get<DliDestinationDescriptor>(*shown->getDescription()).getDeliverTimeInterval() == 600);

  auto deleted = client.deleteTransferTask(DeleteTransferTaskRequest("mystream", "dlitask"));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);
  auto gone = client.showTransferTask(ShowTransferTaskRequest("mystream", "dlitask"));
  REQUIRE_FALSE(gone);
  CHECK(gone.error().httpStatus == 404);
  CHECK(client.listTransferTasks(ListTransferTasksRequest("mystream"))->getTotalNumber() == 1);
  CHECK(emu.stats().connections == 1);  // keep-alive across every call
}

TEST_CASE("DIS authentication failures", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  DisClientConfig noRetry;
  noRetry.retry = RetryPolicy::noRetry();

  SECTION("a known IAM token works") {
    CHECK(clientFor(emu, HuaweiCredentials::withToken("emulator-iam-token", "emulator-project"), noRetry)
              .listTransferTasks(ListTransferTasksRequest("s"))
              .ok());
  }
  SECTION("a wrong token") {
    auto r = clientFor(emu, HuaweiCredentials::withToken("forged", "emulator-project"), noRetry)
                 .listTransferTasks(ListTransferTasksRequest("s"));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 401);
    CHECK(r.error().kind == ErrorKind::Auth);
    CHECK(r.error().code == "APIGW.0301");
    CHECK(r.error().message.find("forged") == std::string::npos);
  }
  SECTION("a wrong secret key") {
    auto r = clientFor(emu, HuaweiCredentials::withAkSk("emulator-ak", "wrong-sk", "emulator-project"), noRetry)
                 .createTransferTask(CreateTransferTaskRequest("s", dli()));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 401);
    CHECK(r.error().message.find("signature") != std::string::npos);
    CHECK(emu.taskCount() == 0);
  }
  SECTION("a stale X-Sdk-Date") {
    DisClientConfig stale = noRetry;
    stale.clock = std::make_shared<delivery::testing::FakeClock>(std::chrono::system_clock::now() - std::chrono::minutes(16));
    auto r = clientFor(emu, kCreds, stale).listTransferTasks(ListTransferTasksRequest("s"));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 401);
    CHECK(r.error().message.find("15 minutes") != std::string::npos);
  }
  SECTION("another project") {
    auto r = clientFor(emu, HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "other-project"), noRetry)
                 .listTransferTasks(ListTransferTasksRequest("s"));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 401);
  }
}

TEST_CASE("the emulator validates DIS bodies itself", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  // A body the client would refuse, sent through a raw CurlTransport with a token.
  HttpRequest r;
  r.method = HttpMethod::Post;
  r.endpoint = Endpoint::parse(emu.endpoint()).value();
  r.path = "/v2/emulator-project/streams/s/transfer-tasks";
  r.headers.add("X-Auth-Token", "emulator-iam-token");
  r.headers.add("Content-Type", "application/json");
  r.body = R"({"destination_type":"DWS","dws_destination_descriptor":{"task_name":"t","agency_name":"a",)"
           R"("deliver_time_interval":5,"dws_delimiter":""}})";
  CurlTransport transport;
  auto resp = transport.send(r);
  REQUIRE(resp);
  CHECK(resp->status == 400);
  CHECK(resp->body.find("DIS.4200") != std::string::npos);
  CHECK(resp->body.find("deliver_time_interval") != std::string::npos);
  CHECK(resp->body.find("dws_delimiter") != std::string::npos);
  CHECK_FALSE(resp->headers.get("X-Request-Id").empty());
  CHECK(emu.taskCount() == 0);
}

TEST_CASE("DIS tasks survive a restart without keeping passwords", "[integration][dis]") {
  const auto path = std::filesystem::temp_directory_path() / ("delivery-dis-state-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  EmulatorOptions o = test::emulatorOptions();
  o.stateFile = path.string();
  std::string id;
  {
    Emulator emu(o);
    REQUIRE(emu.start());
    REQUIRE(clientFor(emu).createTransferTask(CreateTransferTaskRequest("s", dws())));
    id = clientFor(emu).listTransferTasks(ListTransferTasksRequest("s"))->getTasks().at(0).getTaskId();
    REQUIRE(clientFor(emu).batchStopTransferTask(BatchStopTransferTaskRequest("s", {id})));
  }
  {
    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    CHECK_FALSE(content.str().empty());
    CHECK(content.str().find(delivery::detail::hexEncode("userpassword")) == std::string::npos);
  }
  {
    Emulator emu(o);
    REQUIRE(emu.start());
    auto list = clientFor(emu).listTransferTasks(ListTransferTasksRequest("s"));
    REQUIRE(list);
    REQUIRE(list->getTasks().size() == 1);
    CHECK(list->getTasks()[0].getTaskId() == id);
    CHECK(list->getTasks()[0].getState() == TransferTaskState::PAUSED);
  }
  std::filesystem::remove(path);
}
