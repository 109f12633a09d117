#pragma once

#include "delivery/export.h"
// delivery::testing::Emulator: a local stand-in for the Tablestore delivery-task API, the Huawei
// Cloud DIS transfer-task API and the DMS Kafka sink-task API, for your integration tests. It runs
// in your test process, on an ephemeral port of 127.0.0.1, speaks the services' wire formats and
// checks their signatures, so the SDK's real clients (CurlTransport, retries and all) talk to it as
// they would to the cloud:
//
//   delivery::testing::Emulator emulator;
//   REQUIRE(emulator.start());
//   auto client = delivery::tablestore::DeliveryClient::create(
//       emulator.endpoint(), "instance", emulator.tablestoreCredentials()).value();
//   emulator.dropAfterExecuting("CreateDeliveryTask");   // executes, then closes without an answer
//   auto created = client.createDeliveryTask(request);   // fails: ErrorKind::Network, not retried
//   CHECK(emulator.executions("CreateDeliveryTask") == 1);
//
// Operations are named as the vendors name them: Tablestore CreateDeliveryTask, UpdateDeliveryTask,
// DescribeDeliveryTask, DeleteDeliveryTask, ListDeliveryTask; DIS CreateTransferTask,
// UpdateTransferTask, ShowTransferTask, ListTransferTasks, DeleteTransferTask,
// BatchTransferTaskAction; Kafka CreateSinkTask, ShowSinkTask, ListSinkTasks, DeleteSinkTask,
// CreateConnector, DeleteConnector. Emulator::kAnyOperation ("*") matches every request.
//
// Task states move on over time when EmulatorOptions::taskPace is set, so that code waiting for a
// task to run can be tested end to end; with a FakeClock as EmulatorOptions::clock, a test moves
// them deterministically:
//
//   auto clock = std::make_shared<delivery::testing::FakeClock>(std::chrono::system_clock::now());
//   delivery::testing::EmulatorOptions options;
//   options.taskPace = std::chrono::seconds(5);
//   options.clock = clock;
//   ...create a DIS task: showTransferTask says STARTING...
//   clock->advance(std::chrono::seconds(5));            // ...now RUNNING
//
// Each step takes one pace:
//   Tablestore (task_sync_stat)  BASE_INC, BASE: INIT, FULL after one pace, INCR after two;
//                                INC: INIT, then INCR. current_sync_timestamp is 0 before INCR,
//                                the clock's now in INCR.
//   DIS                          STARTING, then RUNNING (also after a start of a PAUSED task);
//                                stop: PAUSED at once.
//   Kafka sink tasks             CREATING, then RUNNING (the old sink-task API documents no status
//                                enum: these names, and ERROR below, are unconfirmed choices).
// With taskPace 0 (the default) states are static: FULL (INCR for INC tasks), RUNNING.
// taskErrorNext() and failTask() put a task into its error state: Tablestore error_code
// INVALID_OSS_BUCKET with the detail (the phase held), DIS "ERROR", Kafka "ERROR".
//
// Thread safety: every member function may be called from any thread, also while requests are
// being served (faults and counts are guarded by the emulator's lock). A fault added while a request
// is in flight applies from the next request on.
// Lifetime: start() once; stop() (or the destructor) ends serving promptly, also while a request
// is held by stallNext()/addLatency() (that request's connection is then closed unanswered), and
// waits for the serving threads. Tasks, faults and counts live as long as the object; stop() does
// not clear them. An Emulator cannot be started again after stop(): make a new one.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "delivery/core/clock.h"
#include "delivery/core/credentials.h"
#include "delivery/core/result.h"
#include "delivery/huawei/credentials.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {

/// One task as the emulator keeps it.
struct EmulatorTask {
  std::string family;  ///< "tablestore", "dis" or "kafka"
  std::string scope;   ///< the table (Tablestore), stream (DIS) or connector id (Kafka)
  std::string name;    ///< the task name
  std::string id;      ///< the service's task id (DIS and Kafka); empty for Tablestore
  /// The current state: DIS and Kafka as their show answers it ("STARTING", "RUNNING", "PAUSED",
  /// "ERROR", ...); Tablestore the sync phase ("INIT", "FULL", "INCR") when a task pace is set or
  /// the task failed, else empty (with pace 0 the service has no task state of its own).
  std::string state;
  std::int64_t createTime = 0;  ///< milliseconds since the epoch
  /// The task as JSON: for DIS and Kafka the create request body as the service takes it, for
  /// Tablestore the task config with the vendor schema's field names. Never holds secrets.
  std::string json;
  /// The error detail while the task is in its error state (taskErrorNext, failTask), else empty.
  /// Only Tablestore's describe answers it (as task_sync_stat.detail); DIS and Kafka have no field.
  std::string error{};
};

/// Requests the emulator saw for one operation, and how many it executed.
struct OperationCount {
  std::uint64_t requests = 0;    ///< every request, faulted ones included
  std::uint64_t executions = 0;  ///< requests that reached the service logic and got a 2xx answer
                                 ///< (also when the answer was then dropped by a fault)
};

/// Settings of an Emulator: the credentials it accepts and its behaviour.
struct EmulatorOptions {
  /// 0 picks a free port.
  int port = 0;
  /// What the Tablestore side accepts: requests signed with this key (and carrying this STS token
  /// in x-ots-ststoken when it is not empty).
  Credentials tablestore{"emulator-access-key-id", "emulator-access-key-secret"};
  /// What the Huawei side accepts: SDK-HMAC-SHA256 signatures with this AK/SK, or X-Auth-Token
  /// equal to this IAM token, for this project id.
  std::string huaweiAccessKey = "emulator-ak";
  /// The SK paired with huaweiAccessKey.
  std::string huaweiSecretKey = "emulator-sk";
  /// The project id Huawei requests must carry.
  std::string huaweiProjectId = "emulator-project";
  /// The IAM token accepted as X-Auth-Token instead of a signature.
  std::string huaweiIamToken = "emulator-iam-token";
  /// The DMS Kafka dump connector that exists from the start.
  std::string kafkaConnectorId = "emulator-connector";
  /// Print one line per request to stderr.
  bool verbose = false;
  /// When set, start() loads the tasks from this file (when it exists) and every change is saved
  /// back to it, so that the tasks outlive the process (deliveryctl --emulator-state uses it).
  /// Secrets are never saved.
  std::string stateFile;
  /// How long each step of a task's lifecycle takes (see the top of this file). 0: static states.
  /// Negative: start() fails.
  std::chrono::milliseconds taskPace{0};
  /// The clock the lifecycle and the create times read; null: the system clock. Request dates and
  /// signatures are always checked against the system clock, so a FakeClock here does not make the
  /// clients' requests look skewed.
  std::shared_ptr<Clock> clock;
  /// How many tasks a DIS list answers when the request sends no `limit`. 0 (the default): every
  /// task, as every documented example shows. Whether the service pages by default is unconfirmed
  /// (the old DIS Java SDK always sends a limit, 10 by default): set 10 to test code against a
  /// service that does.
  std::size_t disListPageWithoutLimit = 0;
};

/// An in-process emulator of the three services on 127.0.0.1 (a port chosen by the OS), for tests.
/// Thread-safe: clients may call it from many threads while a test inspects it.
class DELIVERY_API Emulator {
 public:
  /// Matches every operation in the fault functions.
  static constexpr const char* kAnyOperation = "*";
  /// As a count: every matching request, until clearFaults().
  static constexpr int kEvery = -1;

  Emulator();
  /// An emulator with these settings; not serving until start().
  explicit Emulator(EmulatorOptions options);
  ~Emulator();  ///< stop()
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds 127.0.0.1 (port from the options) and starts serving on background threads.
  Result<void> start();
  /// Ends serving and joins the threads. Prompt, also during a stall. Idempotent.
  void stop();
  /// Whether it is serving.
  bool running() const;
  /// "http://127.0.0.1:<port>" (valid after start()).
  std::string endpoint() const;
  /// The port it listens on (valid after start()).
  int port() const;

  // ---- credentials the emulator accepts, for building clients --------------------------------
  /// The Alibaba credentials it accepts.
  Credentials tablestoreCredentials() const;
  /// AK/SK signing with the emulator's project id.
  huawei::HuaweiCredentials huaweiCredentials() const;
  /// The IAM token (X-Auth-Token) with the emulator's project id.
  huawei::HuaweiCredentials huaweiTokenCredentials() const;
  /// The Kafka connector id that exists from the start.
  std::string kafkaConnectorId() const;

  // ---- stored tasks ----------------------------------------------------------------------------
  /// A copy of every stored task, of all three services.
  std::vector<EmulatorTask> tasks() const;
  /// The tasks of one family ("tablestore", "dis", "kafka").
  std::vector<EmulatorTask> tasks(const std::string& family) const;
  /// Adds a task (or replaces the one with the same scope and name) as if it had been created;
  /// `task.json` is checked as the service checks a create request. InvalidArgument says why not.
  Result<void> seed(const EmulatorTask& task);
  /// Puts an existing task into its error state now, with `detail` (empty: a default): `family` and
  /// then `scope` and `name` as tasks() gives them (for Kafka the name may also be the task id).
  /// InvalidArgument for an unknown family; ErrorKind::Service with httpStatus 404 and code
  /// "TaskNotFound" when there is no such task. A DIS start or stop ends the error.
  Result<void> failTask(const std::string& family, const std::string& scope, const std::string& name,
                        const std::string& detail = {});

  // ---- fault injection --------------------------------------------------------------------------
  // Each applies to the next `count` requests of `operation` (or kAnyOperation), in the order the
  // faults were added, then is gone. Faults of different kinds combine: a request can be delayed by
  // a latency, then failed.

  /// Answers with `httpStatus` and the service error `code` in the service's own error format
  /// (Tablestore: a protobuf Error; Huawei: {"error_code","error_msg"}); nothing is executed.
  void failNext(const std::string& operation, int count, int httpStatus, const std::string& code,
                const std::string& message = {});
  /// The service's throttling answer with `Retry-After: <retryAfter>`: Tablestore 503
  /// OTSServerBusy, DIS 429 DIS.4303, Kafka 429 DMS.10240407; nothing is executed. The default
  /// Retry-After of 0 leaves the pause to the client's own backoff, which keeps tests quick.
  void throttleNext(const std::string& operation, int count = 1,
                    std::chrono::seconds retryAfter = std::chrono::seconds(0));
  /// Executes the request (state changes, executions() counts it), then closes the connection
  /// without a byte of answer: the client sees an empty reply (ErrorKind::Network).
  void dropAfterExecuting(const std::string& operation, int count = 1);
  /// Holds the request for `duration` without answering (so client timeouts can be tested), then
  /// handles it as usual: its effect appears after the stall, as a slow service's would.
  void stallNext(const std::string& operation, std::chrono::milliseconds duration, int count = 1);
  /// Waits `latency` before handling each matching request (count: kEvery by default).
  void addLatency(const std::string& operation, std::chrono::milliseconds latency, int count = kEvery);
  /// The tasks made by the next `count` successful creates of `createOperation` (CreateDeliveryTask,
  /// CreateTransferTask, CreateSinkTask, or kAnyOperation for any of them; kEvery for all) go into
  /// their error state at their first lifecycle step (at once with taskPace 0) instead of
  /// progressing, with `detail` (empty: a default saying it was injected). The create itself
  /// succeeds and counts as an execution. Any other operation is a mistake in the test: throws
  /// delivery::Exception (ErrorKind::InvalidArgument, naming the operation), nothing added.
  void taskErrorNext(const std::string& createOperation, int count = 1, const std::string& detail = {});
  /// Removes every fault still in force.
  void clearFaults();
  /// The faults still in force, in the emulator program's --fault text form.
  std::vector<std::string> faults() const;

  // ---- counts -----------------------------------------------------------------------------------
  /// Requests of `operation` executed with a 2xx answer since the start or resetCounts().
  std::uint64_t executions(const std::string& operation) const;
  /// Requests of `operation` seen (faulted or not).
  std::uint64_t requests(const std::string& operation) const;
  /// The request counts of every operation, by operation name.
  std::map<std::string, OperationCount> counts() const;
  /// Sets every count to zero.
  void resetCounts();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
