// The emulator under many clients at once: a slow request must not hold up the others.
// Time limits here are generous upper bounds: starving means waiting 30 to 60 s.

#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "delivery/core/curl_transport.h"
#include "delivery/dis/client.h"
#include "delivery/tablestore/client.h"
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

// A client that gives up after `limit` and never retries, so that a starved request fails the test
// in bounded time instead of hanging it.
DeliveryClient boundedClient(const Emulator& emu, std::chrono::seconds limit) {
  DeliveryClientConfig config;
  config.retry = RetryPolicy::noRetry();
  config.curl.requestTimeout = limit;
  return DeliveryClient::create(emu.endpoint(), "emulator", kCreds, std::move(config)).value();
}

// A one-shot signal between the test and a request parked in the emulator.
class Signal {
 public:
  void raise() {
    std::lock_guard<std::mutex> lock(mutex_);
    raised_ = true;
    cv_.notify_all();
  }
  bool waitFor(std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, limit, [this] { return raised_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool raised_ = false;
};

// A create with `columns` Parquet columns, signed and sent as-is (the client's own validation is
// skipped: only the emulator's is of interest here).
Result<HttpResponse> sendLargeCreate(const std::string& endpoint, int columns) {
  OSSTaskConfig config = delivery::test::javaSampleConfig();
  std::vector<ParquetSchema> schema;
  schema.reserve(static_cast<std::size_t>(columns));
  schema.emplace_back("PK1", "PK1", DataType::UTF8);
  for (int i = 1; i < columns; ++i) schema.emplace_back("column_" + std::to_string(i), DataType::UTF8);
  config.setParquetSchemaList(std::move(schema));
  CreateDeliveryTaskRequest request("sampleTable", "largetask", config);

  HttpRequest http;
  http.endpoint = Endpoint::parse(endpoint).value();
  http.path = "/CreateDeliveryTask";
  http.body = tablestore::detail::encode(request);
  tablestore::detail::SigningContext ctx;
  ctx.credentials = kCreds;
  ctx.instanceName = "emulator";
  ctx.userAgent = "test";
  tablestore::detail::signRequest(http, "CreateDeliveryTask", ctx, std::chrono::system_clock::now(),
                                  delivery::detail::base64Encode(delivery::detail::md5(http.body)), "trace");
  CurlTransportOptions options;
  options.requestTimeout = std::chrono::seconds(60);
  return CurlTransport(options).send(http);
}

}  // namespace

TEST_CASE("a create being validated does not hold up other clients", "[integration][emulator][concurrency]") {
  // The large create parks in the validation hook (the point where the emulator checks its 40,000
  // columns) until the test has had a small request answered.
  auto parked = std::make_shared<Signal>();
  auto release = std::make_shared<Signal>();
  EmulatorOptions options = test::emulatorOptions();
  options.beforeValidate = [parked, release](const std::string& path) {
    if (path != "/CreateDeliveryTask") return;
    parked->raise();
    release->waitFor(std::chrono::seconds(30));
  };
  Emulator emu(options);
  REQUIRE(emu.start());

  auto large = std::async(std::launch::async, [&emu] { return sendLargeCreate(emu.endpoint(), 40000); });
  const bool wasParked = parked->waitFor(std::chrono::seconds(30));
  bool smallServed = false;
  if (wasParked) {
    smallServed = boundedClient(emu, std::chrono::seconds(5)).listDeliveryTask(ListDeliveryTaskRequest("otherTable")).ok();
  }
  release->raise();
  auto created = large.get();
  REQUIRE(wasParked);
  CHECK(smallServed);
  REQUIRE(created);
  CHECK(created->status == 200);
  CHECK(emu.taskCount() == 1);
}

TEST_CASE("a DIS create being validated does not hold up other clients", "[integration][emulator][concurrency]") {
  auto parked = std::make_shared<Signal>();
  auto release = std::make_shared<Signal>();
  EmulatorOptions options = test::emulatorOptions();
  options.beforeValidate = [parked, release](const std::string& path) {
    if (path.find("/streams/slow/") == std::string::npos) return;
    parked->raise();
    release->waitFor(std::chrono::seconds(30));
  };
  Emulator emu(options);
  REQUIRE(emu.start());

  auto disClient = [&emu](std::chrono::seconds limit) {
    dis::DisClientConfig config;
    config.endpoint = emu.endpoint();
    config.retry = RetryPolicy::noRetry();
    config.curl.requestTimeout = limit;
    return dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"),
                                  std::move(config))
        .value();
  };
  auto create = std::async(std::launch::async, [&] {
    dis::DliDestinationDescriptor d;
    d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
    d.setDliDatabaseName("dis_db").setDliTableName("dis_table").setObsBucketPath("obsbucket").setRetryDuration(1800);
    return disClient(std::chrono::seconds(60)).createTransferTask(dis::CreateTransferTaskRequest("slow", d));
  });
  const bool wasParked = parked->waitFor(std::chrono::seconds(30));
  bool smallServed = false;
  if (wasParked) smallServed = disClient(std::chrono::seconds(5)).listTransferTasks(dis::ListTransferTasksRequest("fast")).ok();
  release->raise();
  auto created = create.get();
  REQUIRE(wasParked);
  CHECK(smallServed);
  CHECK(created.ok());
  CHECK(emu.taskCount() == 1);
}
