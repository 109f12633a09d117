#pragma once
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

#include "delivery/core/credentials.h"
#include "delivery/core/result.h"
#include "delivery/huawei/credentials.h"

namespace delivery::testing {

/// One task as the emulator keeps it.
struct EmulatorTask {
  std::string family;  ///< "tablestore", "dis" or "kafka"
  std::string scope;   ///< the table (Tablestore), stream (DIS) or connector id (Kafka)
  std::string name;    ///< the task name
  std::string id;      ///< the service's task id (DIS and Kafka); empty for Tablestore
  std::string state;   ///< e.g. "RUNNING", "PAUSED"; empty when the service has none
  std::int64_t createTime = 0;  ///< milliseconds since the epoch
  /// The task as JSON: for DIS and Kafka the create request body as the service takes it, for
  /// Tablestore the task config with the vendor schema's field names. Never holds secrets.
  std::string json;
};

/// Requests the emulator saw for one operation, and how many it executed.
struct OperationCount {
  std::uint64_t requests = 0;    ///< every request, faulted ones included
  std::uint64_t executions = 0;  ///< requests that reached the service logic and got a 2xx answer
                                 ///< (also when the answer was then dropped by a fault)
};

struct EmulatorOptions {
  /// 0 picks a free port.
  int port = 0;
  /// What the Tablestore side accepts: requests signed with this key (and carrying this STS token
  /// in x-ots-ststoken when it is not empty).
  Credentials tablestore{"emulator-access-key-id", "emulator-access-key-secret"};
  /// What the Huawei side accepts: SDK-HMAC-SHA256 signatures with this AK/SK, or X-Auth-Token
  /// equal to this IAM token, for this project id.
  std::string huaweiAccessKey = "emulator-ak";
  std::string huaweiSecretKey = "emulator-sk";
  std::string huaweiProjectId = "emulator-project";
  std::string huaweiIamToken = "emulator-iam-token";
  /// The DMS Kafka dump connector that exists from the start.
  std::string kafkaConnectorId = "emulator-connector";
  /// Print one line per request to stderr.
  bool verbose = false;
};

class Emulator {
 public:
  /// Matches every operation in the fault functions.
  static constexpr const char* kAnyOperation = "*";
  /// As a count: every matching request, until clearFaults().
  static constexpr int kEvery = -1;

  Emulator();
  explicit Emulator(EmulatorOptions options);
  ~Emulator();  ///< stop()
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds 127.0.0.1 (port from the options) and starts serving on background threads.
  Result<void> start();
  /// Ends serving and joins the threads. Prompt, also during a stall. Idempotent.
  void stop();
  bool running() const;
  /// "http://127.0.0.1:<port>" (valid after start()).
  std::string endpoint() const;
  int port() const;

  // ---- credentials the emulator accepts, for building clients --------------------------------
  Credentials tablestoreCredentials() const;
  /// AK/SK signing with the emulator's project id.
  huawei::HuaweiCredentials huaweiCredentials() const;
  /// The IAM token (X-Auth-Token) with the emulator's project id.
  huawei::HuaweiCredentials huaweiTokenCredentials() const;
  /// The Kafka connector id that exists from the start.
  std::string kafkaConnectorId() const;

  // ---- stored tasks ----------------------------------------------------------------------------
  std::vector<EmulatorTask> tasks() const;
  /// The tasks of one family ("tablestore", "dis", "kafka").
  std::vector<EmulatorTask> tasks(const std::string& family) const;
  /// Adds a task (or replaces the one with the same scope and name) as if it had been created;
  /// `task.json` is checked as the service checks a create request. InvalidArgument says why not.
  Result<void> seed(const EmulatorTask& task);

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
  /// Removes every fault still in force.
  void clearFaults();
  /// The faults still in force, in the emulator program's --fault text form.
  std::vector<std::string> faults() const;

  // ---- counts -----------------------------------------------------------------------------------
  /// Requests of `operation` executed with a 2xx answer since the start or resetCounts().
  std::uint64_t executions(const std::string& operation) const;
  /// Requests of `operation` seen (faulted or not).
  std::uint64_t requests(const std::string& operation) const;
  std::map<std::string, OperationCount> counts() const;
  void resetCounts();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace delivery::testing
