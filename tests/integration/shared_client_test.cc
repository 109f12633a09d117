// Eight threads share one client of each family (one CurlTransport, its pooled connections) and
// call every operation at once against the emulator over loopback. Every call must succeed, and
// the emulator must have seen exactly one request per call: no retry, no lost or doubled request.
// scripts/deep-check.sh runs this under ThreadSanitizer; the normal suite runs it too.

#include <catch2/catch.hpp>
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "emulator/emulator.h"
#include "support/emulator_options.h"
#include "support/samples.h"

using namespace delivery;
using delivery::emulator::Emulator;
using delivery::huawei::HuaweiCredentials;

namespace {

constexpr int kThreads = 8;
constexpr int kRounds = 4;  // per thread; each round calls every operation once

const HuaweiCredentials kHuaweiCreds = HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project");

// Runs body(thread, round) on kThreads threads, kRounds times each, all released together.
// Returns the failures, as text, so that the assertions run on the test's own thread.
std::vector<std::string> runShared(const std::function<std::vector<std::string>(int, int)>& body) {
  std::mutex mutex;
  std::vector<std::string> failures;
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int round = 0; round < kRounds; ++round) {
        std::vector<std::string> f = body(t, round);
        if (!f.empty()) {
          std::lock_guard<std::mutex> lock(mutex);
          failures.insert(failures.end(), f.begin(), f.end());
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  return failures;
}

// Records "what: error" when `r` failed.
template <typename R>
void expectOk(std::vector<std::string>& failures, const std::string& what, const R& r) {
  if (!r) failures.push_back(what + ": " + r.error().toString());
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + '\n';
  return out;
}

}  // namespace

TEST_CASE("8 threads share one Tablestore client", "[integration][concurrency]") {
  using namespace delivery::tablestore;
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  DeliveryClientConfig config;
  config.retry = RetryPolicy::noRetry();
  const DeliveryClient client =
      DeliveryClient::create(emu.endpoint(), "emulator",
                             Credentials("emulator-access-key-id", "emulator-access-key-secret"), config)
          .value();

  constexpr int kCallsPerRound = 5;
  const auto failures = runShared([&](int t, int round) {
    std::vector<std::string> f;
    const std::string table = "table" + std::to_string(t);
    const std::string task = "task-" + std::to_string(round);
    expectOk(f, table + "/" + task + " create",
             client.createDeliveryTask(CreateDeliveryTaskRequest(table, task, test::javaSampleConfig())));
    auto described = client.describeDeliveryTask(DescribeDeliveryTaskRequest(table, task));
    expectOk(f, table + "/" + task + " describe", described);
    if (described && !(described->getTaskConfig() == test::javaSampleConfig())) {
      f.push_back(table + "/" + task + " describe: another task's config");
    }
    auto listed = client.listDeliveryTask(ListDeliveryTaskRequest(table));
    expectOk(f, table + " list", listed);
    if (listed && (listed->getTaskInfos().size() != 1 || listed->getTaskInfos()[0].getTaskName() != task)) {
      f.push_back(table + " list: expected only " + task);
    }
    OSSTaskConfig changed = test::javaSampleConfig();
    changed.setOssPrefix("changed/" + table + "/$yyyy");
    expectOk(f, table + "/" + task + " update", client.updateDeliveryTask(UpdateDeliveryTaskRequest(table, task, changed)));
    expectOk(f, table + "/" + task + " delete", client.deleteDeliveryTask(DeleteDeliveryTaskRequest(table, task)));
    return f;
  });
  INFO(joined(failures));
  CHECK(failures.empty());
  CHECK(emu.stats().requests == std::uint64_t{kThreads} * kRounds * kCallsPerRound);
  CHECK(emu.taskCount() == 0);
}

TEST_CASE("8 threads share one DIS client", "[integration][concurrency]") {
  using namespace delivery::dis;
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  DisClientConfig config;
  config.endpoint = emu.endpoint();
  config.retry = RetryPolicy::noRetry();
  const DisClient client = DisClient::create(kHuaweiCreds, config).value();

  constexpr int kCallsPerRound = 6;
  const auto failures = runShared([&](int t, int round) {
    std::vector<std::string> f;
    const std::string stream = "stream" + std::to_string(t);
    const std::string task = "task" + std::to_string(round);
    DliDestinationDescriptor d;
    d.setTaskName(task).setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
    d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
    expectOk(f, stream + "/" + task + " create", client.createTransferTask(CreateTransferTaskRequest(stream, d)));
    auto shown = client.showTransferTask(ShowTransferTaskRequest(stream, task));
    expectOk(f, stream + "/" + task + " show", shown);
    auto listed = client.listTransferTasks(ListTransferTasksRequest(stream));
    expectOk(f, stream + " list", listed);
    std::string id;
    if (listed && listed->getTasks().size() == 1 && listed->getTasks()[0].getTaskName() == task) {
      id = listed->getTasks()[0].getTaskId();
    } else if (listed) {
      f.push_back(stream + " list: expected only " + task);
    }
    expectOk(f, stream + "/" + task + " stop", client.batchStopTransferTask(BatchStopTransferTaskRequest(stream, {id})));
    expectOk(f, stream + "/" + task + " start",
             client.batchStartTransferTask(BatchStartTransferTaskRequest(stream, {id})));
    expectOk(f, stream + "/" + task + " delete", client.deleteTransferTask(DeleteTransferTaskRequest(stream, task)));
    return f;
  });
  INFO(joined(failures));
  CHECK(failures.empty());
  CHECK(emu.stats().requests == std::uint64_t{kThreads} * kRounds * kCallsPerRound);
  CHECK(emu.taskCount() == 0);
}

TEST_CASE("8 threads share one Kafka client", "[integration][concurrency]") {
  using namespace delivery::kafka;
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  KafkaClientConfig config;
  config.endpoint = emu.endpoint();
  config.retry = RetryPolicy::noRetry();
  const KafkaClient client = KafkaClient::create(kHuaweiCreds, config).value();
  const std::string connector = "emulator-connector";  // the emulator's default

  constexpr int kCallsPerRound = 4;
  const auto failures = runShared([&](int t, int round) {
    std::vector<std::string> f;
    const std::string name = "dump-" + std::to_string(t) + "-" + std::to_string(round);
    ObsDestinationDescriptor d;
    d.setTopics("topic-" + std::to_string(t)).setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket")
        .setObsPath("kafka/dump").setPartitionFormat(PartitionFormat::YYYY_MM_DD).setDeliverTimeInterval(300);
    auto created = client.createSinkTask(CreateSinkTaskRequest(connector, name, d));
    expectOk(f, name + " create", created);
    const std::string id = created ? created->getTaskId() : std::string("missing");
    auto shown = client.showSinkTask(ShowSinkTaskRequest(connector, id));
    expectOk(f, name + " show", shown);
    if (shown && shown->getTask().getTaskName() != name) f.push_back(name + " show: another task");
    auto listed = client.listSinkTasks(ListSinkTasksRequest(connector));
    expectOk(f, name + " list", listed);
    bool found = false;
    if (listed) {
      for (const auto& task : listed->getTasks()) found |= task.getTaskId() == id;
      if (!found) f.push_back(name + " list: own task missing");
    }
    expectOk(f, name + " delete", client.deleteSinkTask(DeleteSinkTaskRequest(connector, id)));
    return f;
  });
  INFO(joined(failures));
  CHECK(failures.empty());
  CHECK(emu.stats().requests == std::uint64_t{kThreads} * kRounds * kCallsPerRound);
  CHECK(emu.taskCount() == 0);
}
