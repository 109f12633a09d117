#pragma once
// delivery-emulator: a local stand-in for the services this SDK talks to, on 127.0.0.1, on one port.
// One backend per family, each written from the vendor's specification with its own wire tables
// and signature checks (nothing of the SDK's codecs, validators or signers):
//
// - TablestoreBackend (POST /<Action>): the x-ots-* headers, the content MD5, the V2 or V4
//   signature (403 OTSAuthFailed), the request clock (15 minutes of skew), the protobuf body read
//   with the vendor schema and the documented rules (400 OTSParameterInvalid); tasks per table (409
//   OTSObjectAlreadyExist, 404 OTSObjectNotExist); signed responses (`authorization`).
// - DisBackend (/v2/{project_id}/streams/{stream}/transfer-tasks...) and KafkaBackend (sink tasks
//   and connectors): SDK-HMAC-SHA256 over the request's own SignedHeaders or an X-Auth-Token (401
//   with a Huawei error body), X-Sdk-Date within 15 minutes, the JSON bodies checked key by key (400
//   naming the path), tasks with their state; 201/200/204 as the services answer.
//
// Faults (fail, throttle, latency, stall, execute-then-drop) and per-operation counts sit in front of
// the backends (faults.h); a task-error fault is taken by the create that makes the task. Task
// states move on over time at EmulatorOptions::taskPace (lifecycle.h). Requests are decoded, authenticated and validated in parallel; one lock
// is held only while the task maps are read or changed (and the state file is written). The state
// file never holds a secret.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "delivery/core/clock.h"
#include "delivery/core/credentials.h"
#include "delivery/core/result.h"
#include "emulator/faults.h"
#include "emulator/huawei_backend.h"

namespace delivery::emulator {

struct EmulatorOptions {
  std::string host = "127.0.0.1";
  int port = 0;  ///< 0: pick a free port
  Credentials credentials{"emulator-access-key-id", "emulator-access-key-secret"};  ///< Tablestore
  HuaweiEmulatorCredentials huawei;
  /// When set, tasks are loaded from and saved to this file, so they survive a restart.
  std::string stateFile;
  /// Stop after this long without a request (0 = never). The program defaults to 10 minutes.
  std::chrono::seconds idleTimeout{0};
  /// Print one line per request to stderr.
  bool verbose = false;
  /// Connections served at the same time. Each has a thread of its own, started when a connection
  /// arrives and no started thread is free (threads are kept for reuse); a connection beyond this
  /// waits until another one closes.
  std::size_t maxConnections = 256;
  /// A keep-alive connection that sends nothing for this long is closed.
  std::chrono::seconds keepAliveTimeout{5};
  /// The largest request body accepted. A request declaring more gets 413 at once, and a
  /// Content-Length that is not a plain decimal number gets 400; both before any body is read.
  std::size_t maxBodyBytes = 8u * 1024u * 1024u;
  /// For tests: called on the request's thread once its body has been decoded and before it is
  /// validated, with no lock held (see BeforeValidate in backend.h).
  std::function<void(const std::string& path)> beforeValidate;
  /// Faults in force from the start (the program's --fault flags).
  std::vector<Fault> faults;
  /// Serve /__emulator/... (faults, counts, tasks) to clients on the loopback interface.
  bool adminEndpoint = true;
  /// How long each step of a task's lifecycle takes (lifecycle.h): Tablestore INIT -> FULL -> INCR,
  /// DIS STARTING -> RUNNING, Kafka CREATING -> RUNNING. 0 (the default): states are static, as
  /// they always were (FULL/INCR, RUNNING). Negative is refused by start().
  std::chrono::milliseconds taskPace{0};
  /// How many tasks a DIS list answers when the request sends no `limit` (see
  /// delivery::testing::EmulatorOptions::disListPageWithoutLimit); 0: every task.
  std::size_t disListPageWithoutLimit = 0;
  /// The clock the lifecycle and the create times read (null: the system clock); a test drives the
  /// states with a delivery::testing::FakeClock. Request dates and signatures are always checked
  /// against the system clock.
  std::shared_ptr<Clock> clock;
};

/// Per vendor operation name: requests seen (faulted ones included) and executions (requests that
/// reached the backend and got a 2xx answer, whether or not the answer was delivered).
struct OperationCounts {
  std::uint64_t requests = 0;
  std::uint64_t executions = 0;
};

struct EmulatorStats {
  std::uint64_t requests = 0;
  std::uint64_t connections = 0;  ///< distinct client connections seen (by remote port)
};

class Emulator {
 public:
  explicit Emulator(EmulatorOptions options);
  ~Emulator();  // stops the server
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds, loads the state file and starts serving on a background thread; returns the port. Once
  /// stopped, an emulator cannot be started again.
  Result<int> start();
  /// Stops serving and joins the thread. Idempotent.
  void stop();
  /// Blocks until the server stops (stop(), the idle timeout, or a fatal error).
  void wait();

  /// "http://127.0.0.1:<port>"
  std::string endpoint() const;
  int port() const;
  bool running() const;
  EmulatorStats stats() const;
  std::size_t taskCount() const;

  /// Adds a fault for requests that arrive from now on. Thread-safe, like everything below.
  void addFault(Fault fault);
  void clearFaults();
  /// The faults still in force (counts as left).
  std::vector<Fault> faults() const;
  /// By operation name; operations never requested are absent.
  std::map<std::string, OperationCounts> counts() const;
  void resetCounts();
  /// Every task of every backend.
  std::vector<StoredTask> tasks() const;
  /// Adds or replaces a task in the backend of `task.family` (see Backend::seed).
  Result<void> seed(const StoredTask& task);
  /// Puts an existing task into its error state now (see Backend::failTask): family, then scope
  /// and name as tasks() gives them. InvalidArgument for an unknown family; a Service error with
  /// HTTP status 404 when there is no such task.
  Result<void> failTask(const std::string& family, const std::string& scope, const std::string& name,
                        const std::string& detail = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace delivery::emulator
