// DeliveryClient over CurlTransport against the emulator on an ephemeral loopback port.

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "core/crypto.h"
#include "delivery/core/curl_transport.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/fake_clock.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"
#include "support/samples.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

using namespace delivery;
using namespace delivery::tablestore;
using delivery::emulator::Emulator;
using delivery::emulator::EmulatorOptions;

namespace {

const Credentials kCreds("emulator-access-key-id", "emulator-access-key-secret");


CreateDeliveryTaskRequest sampleCreate(const std::string& task = "sampledeliverytask") {
  return CreateDeliveryTaskRequest("sampleTable", task, delivery::test::javaSampleConfig());
}

DeliveryClient clientFor(const Emulator& emu, Credentials creds = kCreds, DeliveryClientConfig config = {}) {
  return DeliveryClient::create(emu.endpoint(), "emulator", std::move(creds), std::move(config)).value();
}


}  // namespace

TEST_CASE("full lifecycle through CurlTransport", "[integration][emulator]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const DeliveryClient client = clientFor(emu);

  auto created = client.createDeliveryTask(sampleCreate());
  REQUIRE(created);
  CHECK(created->getRequestId().size() == 36);
  CHECK(created->getTraceId().size() == 36);

  auto listed = client.listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
  REQUIRE(listed);
  REQUIRE(listed->getTaskInfos().size() == 1);
  CHECK(listed->getTaskInfos()[0] == DeliveryTaskInfo("sampleTable", "sampledeliverytask", DeliveryTaskType::BASE_INC));

  auto described = client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
  REQUIRE(described);
  CHECK(described->getTaskConfig() == delivery::test::javaSampleConfig());
  CHECK(described->getTaskType() == DeliveryTaskType::BASE_INC);
  CHECK(described->getTaskSyncStat().getErrorType() == DeliveryErrorType::OK);

  OSSTaskConfig changed = delivery::test::javaSampleConfig();
  changed.setOssPrefix("changed/$yyyy");
  REQUIRE(client.updateDeliveryTask(UpdateDeliveryTaskRequest("sampleTable", "sampledeliverytask", changed)));
  CHECK(client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"))
            ->getTaskConfig()
            .getOssPrefix() == "changed/$yyyy");

  auto again = client.createDeliveryTask(sampleCreate());
  REQUIRE_FALSE(again);
  CHECK(again.error().httpStatus == 409);
  CHECK(again.error().code == "OTSObjectAlreadyExist");
  CHECK(again.error().requestId.size() == 36);

  REQUIRE(client.deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
  auto gone = client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
  REQUIRE_FALSE(gone);
  CHECK(gone.error().code == "OTSObjectNotExist");
  CHECK(gone.error().httpStatus == 404);
  auto del = client.deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
  REQUIRE_FALSE(del);
  CHECK(del.error().code == "OTSObjectNotExist");
  CHECK(client.listDeliveryTask(ListDeliveryTaskRequest("sampleTable"))->getTaskInfos().empty());
  CHECK(emu.taskCount() == 0);
}

TEST_CASE("formatter, ossDirtyPrefix, a chosen trace id and x-ots-trace-threshold against the emulator",
          "[integration][emulator][tablestore]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  DeliveryClientConfig config;
  config.timeThresholdOfServerTracer = 500;  // signed like every x-ots-* header; the emulator checks it
  for (SignatureVersion version : {SignatureVersion::V2, SignatureVersion::V4}) {
    INFO("V4: " << (version == SignatureVersion::V4));
    config.signatureVersion = version;
    config.region = "cn-hangzhou";
    const DeliveryClient client = clientFor(emu, kCreds, config);
    OSSTaskConfig withExtras = delivery::test::javaSampleConfig();
    withExtras.setTimeFormatter(TimeFormatter::YDMFormatter).setOssDirtyPrefix("dirty/sampledeliverytask/");
    CreateDeliveryTaskRequest create("sampleTable", "sampledeliverytask", withExtras);
    create.setTraceId("emulator-trace-1");
    auto created = client.createDeliveryTask(create);
    REQUIRE(created);
    CHECK(created->getTraceId() == "emulator-trace-1");

    auto described = client.describeDeliveryTask(
        DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask").setTraceId("emulator-trace-2"));
    REQUIRE(described);
    CHECK(described->getTraceId() == "emulator-trace-2");
    CHECK(described->getTaskConfig() == withExtras);
    CHECK(described->getTaskConfig().getTimeFormatter() == TimeFormatter::YDMFormatter);
    CHECK(described->getTaskConfig().getOssDirtyPrefix() == std::optional<std::string>("dirty/sampledeliverytask/"));
    REQUIRE(client.deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
  }
}

TEST_CASE("one TCP connection serves all sequential calls", "[integration][emulator]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const DeliveryClient client = clientFor(emu);
  for (int i = 0; i < 10; ++i) {
    REQUIRE(client.createDeliveryTask(sampleCreate("task-" + std::to_string(i))));
    REQUIRE(client.listDeliveryTask(ListDeliveryTaskRequest("sampleTable")));
  }
  CHECK(emu.stats().requests == 20);
  CHECK(emu.stats().connections == 1);
}

TEST_CASE("the emulator rejects bad signatures, unknown keys, tokens and stale dates", "[integration][emulator]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  DeliveryClientConfig noRetry;
  noRetry.retry = RetryPolicy::noRetry();

  SECTION("wrong secret") {
    auto r = clientFor(emu, Credentials(kCreds.accessKeyId, "wrong-secret"), noRetry)
                 .listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 403);
    CHECK(r.error().code == "OTSAuthFailed");
    CHECK(r.error().kind == ErrorKind::Auth);
    CHECK(r.error().message.find("wrong-secret") == std::string::npos);
  }
  SECTION("unknown access key id") {
    auto r = clientFor(emu, Credentials("someone-else", kCreds.accessKeySecret), noRetry)
                 .createDeliveryTask(sampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "OTSAuthFailed");
    CHECK(emu.taskCount() == 0);
  }
  SECTION("date more than 15 minutes off") {
    DeliveryClientConfig stale = noRetry;
    stale.clock = std::make_shared<delivery::testing::FakeClock>(std::chrono::system_clock::now() - std::chrono::minutes(20));
    auto r = clientFor(emu, kCreds, stale).listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "OTSAuthFailed");
    CHECK(r.error().message.find("15 minutes") != std::string::npos);
  }
  SECTION("V4 signing is verified too") {
    DeliveryClientConfig v4 = noRetry;
    v4.signatureVersion = SignatureVersion::V4;
    v4.region = "cn-hangzhou";
    CHECK(clientFor(emu, kCreds, v4).createDeliveryTask(sampleCreate()).ok());
    auto bad = clientFor(emu, Credentials(kCreds.accessKeyId, "nope"), v4).listDeliveryTask(ListDeliveryTaskRequest("t"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "OTSAuthFailed");
  }
}

TEST_CASE("STS tokens are checked when the emulator is given one", "[integration][emulator]") {
  EmulatorOptions o = test::emulatorOptions();
  o.credentials.securityToken = "sts-token";
  Emulator emu(o);
  REQUIRE(emu.start());
  DeliveryClientConfig noRetry;
  noRetry.retry = RetryPolicy::noRetry();
  CHECK(clientFor(emu, Credentials(kCreds.accessKeyId, kCreds.accessKeySecret, "sts-token"), noRetry)
            .listDeliveryTask(ListDeliveryTaskRequest("t"))
            .ok());
  auto r = clientFor(emu, kCreds, noRetry).listDeliveryTask(ListDeliveryTaskRequest("t"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "OTSAuthFailed");
}

TEST_CASE("the emulator validates requests like the service (OTSParameterInvalid)", "[integration][emulator]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  // Bypass the client's own validation: sign an invalid request by hand.
  CreateDeliveryTaskRequest bad("sampleTable", "Bad_Task", delivery::test::javaSampleConfig());
  HttpRequest http;
  http.endpoint = Endpoint::parse(emu.endpoint()).value();
  http.path = "/CreateDeliveryTask";
  http.body = tablestore::detail::encode(bad);
  tablestore::detail::SigningContext ctx;
  ctx.credentials = kCreds;
  ctx.instanceName = "emulator";
  ctx.userAgent = "test";
  tablestore::detail::signRequest(http, "CreateDeliveryTask", ctx, std::chrono::system_clock::now(),
                                  delivery::detail::base64Encode(delivery::detail::md5(http.body)), "trace");
  CurlTransport transport;
  auto resp = transport.send(http);
  REQUIRE(resp);
  CHECK(resp->status == 400);
  CHECK_FALSE(resp->headers.get("x-ots-requestid").empty());
  std::string code, message;
  REQUIRE(tablestore::detail::decodeError(resp->body, code, message));
  CHECK(code == "OTSParameterInvalid");
  CHECK(message.find("taskName") != std::string::npos);

  // A body that is not protobuf at all.
  http.body = "not a protobuf \xff\xff";
  tablestore::detail::signRequest(http, "CreateDeliveryTask", ctx, std::chrono::system_clock::now(),
                                  delivery::detail::base64Encode(delivery::detail::md5(http.body)), "trace");
  resp = transport.send(http);
  REQUIRE(resp);
  CHECK(resp->status == 400);
  CHECK(emu.taskCount() == 0);
}

TEST_CASE("tasks survive a restart with a state file", "[integration][emulator]") {
  const auto path = std::filesystem::temp_directory_path() / ("delivery-emulator-state-" + std::to_string(::getpid()));
  std::filesystem::remove(path);
  EmulatorOptions o = test::emulatorOptions();
  o.stateFile = path.string();
  {
    Emulator emu(o);
    REQUIRE(emu.start());
    REQUIRE(clientFor(emu).createDeliveryTask(sampleCreate()));
  }
  {
    Emulator emu(o);
    REQUIRE(emu.start());
    CHECK(emu.taskCount() == 1);
    auto d = clientFor(emu).describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
    REQUIRE(d);
    CHECK(d->getTaskConfig() == delivery::test::javaSampleConfig());
  }
  {
    std::FILE* f = std::fopen(path.c_str(), "a");
    std::fputs("123 zz-not-hex\n", f);
    std::fclose(f);
    Emulator emu(o);
    auto started = emu.start();
    REQUIRE_FALSE(started);
    CHECK(started.error().message.find("corrupt") != std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST_CASE("the emulator stops by itself when idle", "[integration][emulator]") {
  EmulatorOptions o;
  o.idleTimeout = std::chrono::seconds(1);
  Emulator emu(o);
  REQUIRE(emu.start());
  emu.wait();  // returns once the idle timeout has stopped the server
  DeliveryClientConfig noRetry;
  noRetry.retry = RetryPolicy::noRetry();
  auto r = clientFor(emu, kCreds, noRetry).listDeliveryTask(ListDeliveryTaskRequest("t"));
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::Connect);
}
