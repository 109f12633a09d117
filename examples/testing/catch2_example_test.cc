// An application's integration test, written with Catch2, against delivery::testing::Emulator:
// the application's code (ensureExportTask below) talks to a real DeliveryClient over real sockets;
// the emulator plays Tablestore and injects the failures the test is about.
//
// Build: link delivery::delivery, delivery::testing and Catch2::Catch2 (examples/testing/CMakeLists.txt).

#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <delivery/tablestore/client.h>
#include <delivery/testing/emulator.h>

using namespace delivery;
using namespace delivery::tablestore;

// ---- the application's code under test ----------------------------------------------------------

// The OSS export task `task` of `table`.
CreateDeliveryTaskRequest exportRequest(const std::string& table, const std::string& task) {
  OSSTaskConfig config;
  config.setOssBucket("exports")
      .setOssEndpoint("oss-cn-hangzhou.aliyuncs.com")
      .setOssPrefix(table + "/$yyyy/$MM/$dd")
      .setOssStsRole("acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery")
      .addParquetSchema(ParquetSchema("id", "id", DataType::UTF8));
  return CreateDeliveryTaskRequest(table, task, config);
}

// Creates the export task of `table`, once. A create whose outcome is unknown (the connection died
// after the request went out: ErrorKind::Network or Timeout) is not blindly repeated, because the
// SDK does not know whether the service executed it; the task is looked up instead.
Result<void> ensureExportTask(const DeliveryClient& client, const std::string& table) {
  auto created = client.createDeliveryTask(exportRequest(table, "export"));
  if (created) return {};
  const Error& e = created.error();
  if (e.code == "OTSObjectAlreadyExist") return {};
  if (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout) {
    if (client.describeDeliveryTask(DescribeDeliveryTaskRequest(table, "export"))) return {};
  }
  return e;
}

// ---- the tests ------------------------------------------------------------------------------------

namespace {

DeliveryClient clientOf(const testing::Emulator& emulator) {
  DeliveryClientConfig config;
  config.retry.initialThrottleBackoff = std::chrono::milliseconds(10);  // keeps the test quick
  return DeliveryClient::create(emulator.endpoint(), "my-instance", emulator.tablestoreCredentials(), config).value();
}

}  // namespace

TEST_CASE("a create executed by the service whose answer is lost: no second create, the task is found") {
  testing::Emulator emulator;
  REQUIRE(emulator.start());
  const DeliveryClient client = clientOf(emulator);

  emulator.dropAfterExecuting("CreateDeliveryTask");

  // What the SDK itself reports: a network error, after one attempt (a create is not retried).
  auto created = client.createDeliveryTask(exportRequest("orders", "probe"));
  REQUIRE_FALSE(created);
  CHECK(created.error().kind == ErrorKind::Network);
  CHECK(created.error().attempts == 1);
  CHECK(emulator.executions("CreateDeliveryTask") == 1);

  // The application's code on the same fault: it recovers by looking the task up.
  emulator.resetCounts();
  emulator.dropAfterExecuting("CreateDeliveryTask");
  REQUIRE(ensureExportTask(client, "orders"));
  CHECK(emulator.executions("CreateDeliveryTask") == 1);  // exactly once
  CHECK(emulator.executions("DescribeDeliveryTask") == 1);
  CHECK(emulator.tasks("tablestore").size() == 2);
}

TEST_CASE("a throttled create is retried by the SDK and succeeds, created once") {
  testing::Emulator emulator;
  REQUIRE(emulator.start());
  emulator.throttleNext("CreateDeliveryTask", 2);  // 503 OTSServerBusy twice, Retry-After: 0

  REQUIRE(ensureExportTask(clientOf(emulator), "orders"));
  CHECK(emulator.requests("CreateDeliveryTask") == 3);
  CHECK(emulator.executions("CreateDeliveryTask") == 1);
}

TEST_CASE("a service error the application cannot recover from is reported") {
  testing::Emulator emulator;
  REQUIRE(emulator.start());
  emulator.failNext("CreateDeliveryTask", 1, 403, "OTSAuthFailed", "The user has no permission.");

  auto ensured = ensureExportTask(clientOf(emulator), "orders");
  REQUIRE_FALSE(ensured);
  CHECK(ensured.error().code == "OTSAuthFailed");
  CHECK(emulator.executions("CreateDeliveryTask") == 0);
  CHECK(emulator.tasks().empty());
}
