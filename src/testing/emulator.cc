// delivery::testing::Emulator: the public face of the emulator in tools/emulator, whose code is
// compiled into this library (see tools/CMakeLists.txt).

#include "delivery/testing/emulator.h"

#include <utility>

#include "emulator/emulator.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {

namespace em = delivery::emulator;

struct Emulator::Impl {
  EmulatorOptions options;
  em::Emulator server;

  static em::EmulatorOptions serverOptions(const EmulatorOptions& o) {
    em::EmulatorOptions s;
    s.host = "127.0.0.1";
    s.port = o.port;
    s.credentials = o.tablestore;
    s.huawei.accessKey = o.huaweiAccessKey;
    s.huawei.secretKey = o.huaweiSecretKey;
    s.huawei.projectId = o.huaweiProjectId;
    s.huawei.authToken = o.huaweiIamToken;
    s.huawei.defaultConnectorId = o.kafkaConnectorId;
    s.verbose = o.verbose;
    s.stateFile = o.stateFile;
    s.taskPace = o.taskPace;
    s.disListPageWithoutLimit = o.disListPageWithoutLimit;
    s.clock = o.clock;
    return s;
  }

  explicit Impl(EmulatorOptions o) : options(std::move(o)), server(serverOptions(options)) {}

  void add(em::Fault f) { server.addFault(std::move(f)); }
};

namespace {

EmulatorTask toPublic(const em::StoredTask& t) {
  return EmulatorTask{t.family, t.scope, t.name, t.id, t.state, t.createTime, t.json, t.error};
}

em::Fault fault(const std::string& operation, em::FaultKind kind, int count) {
  em::Fault f;
  f.operation = operation.empty() ? std::string(Emulator::kAnyOperation) : operation;
  f.kind = kind;
  f.count = count <= 0 ? em::Fault::kEvery : count;
  return f;
}

}  // namespace

Emulator::Emulator() : Emulator(EmulatorOptions{}) {}
Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Emulator::~Emulator() { stop(); }

Result<void> Emulator::start() {
  Result<int> port = impl_->server.start();
  if (!port) return port.error();
  return {};
}

void Emulator::stop() { impl_->server.stop(); }
bool Emulator::running() const { return impl_->server.running(); }
std::string Emulator::endpoint() const { return impl_->server.endpoint(); }
int Emulator::port() const { return impl_->server.port(); }

Credentials Emulator::tablestoreCredentials() const { return impl_->options.tablestore; }

huawei::HuaweiCredentials Emulator::huaweiCredentials() const {
  return huawei::HuaweiCredentials::withAkSk(impl_->options.huaweiAccessKey, impl_->options.huaweiSecretKey,
                                             impl_->options.huaweiProjectId);
}

huawei::HuaweiCredentials Emulator::huaweiTokenCredentials() const {
  return huawei::HuaweiCredentials::withToken(impl_->options.huaweiIamToken, impl_->options.huaweiProjectId);
}

std::string Emulator::kafkaConnectorId() const { return impl_->options.kafkaConnectorId; }

std::vector<EmulatorTask> Emulator::tasks() const {
  std::vector<EmulatorTask> out;
  for (const em::StoredTask& t : impl_->server.tasks()) out.push_back(toPublic(t));
  return out;
}

std::vector<EmulatorTask> Emulator::tasks(const std::string& family) const {
  std::vector<EmulatorTask> out;
  for (const em::StoredTask& t : impl_->server.tasks()) {
    if (t.family == family) out.push_back(toPublic(t));
  }
  return out;
}

Result<void> Emulator::seed(const EmulatorTask& task) {
  return impl_->server.seed(em::StoredTask{task.family, task.scope, task.name, task.id, task.state, task.createTime, task.json});
}

void Emulator::failNext(const std::string& operation, int count, int httpStatus, const std::string& code,
                        const std::string& message) {
  em::Fault f = fault(operation, em::FaultKind::Fail, count);
  f.status = httpStatus;
  f.code = code;
  f.message = message;
  impl_->add(std::move(f));
}

void Emulator::throttleNext(const std::string& operation, int count, std::chrono::seconds retryAfter) {
  em::Fault f = fault(operation, em::FaultKind::Throttle, count);
  f.retryAfter = retryAfter;
  impl_->add(std::move(f));
}

void Emulator::dropAfterExecuting(const std::string& operation, int count) {
  impl_->add(fault(operation, em::FaultKind::DropAfterExecute, count));
}

void Emulator::stallNext(const std::string& operation, std::chrono::milliseconds duration, int count) {
  em::Fault f = fault(operation, em::FaultKind::Stall, count);
  f.duration = duration;
  impl_->add(std::move(f));
}

void Emulator::addLatency(const std::string& operation, std::chrono::milliseconds latency, int count) {
  em::Fault f = fault(operation, em::FaultKind::Latency, count);
  f.duration = latency;
  impl_->add(std::move(f));
}

Result<void> Emulator::failTask(const std::string& family, const std::string& scope, const std::string& name,
                                const std::string& detail) {
  return impl_->server.failTask(family, scope, name, detail);
}

void Emulator::taskErrorNext(const std::string& createOperation, int count, const std::string& detail) {
  const std::string operation = createOperation.empty() ? std::string(kAnyOperation) : createOperation;
  if (operation != kAnyOperation && !em::isCreateOperation(operation)) {
    throw Exception(Error(ErrorKind::InvalidArgument,
                          "taskErrorNext: " + operation +
                              " is not a create (CreateDeliveryTask, CreateTransferTask, CreateSinkTask or *)"));
  }
  em::Fault f = fault(operation, em::FaultKind::TaskError, count);
  f.message = detail;
  impl_->add(std::move(f));
}

void Emulator::clearFaults() { impl_->server.clearFaults(); }

std::vector<std::string> Emulator::faults() const {
  std::vector<std::string> out;
  for (const em::Fault& f : impl_->server.faults()) out.push_back(em::format(f));
  return out;
}

std::uint64_t Emulator::executions(const std::string& operation) const {
  const auto counts = impl_->server.counts();
  const auto it = counts.find(operation);
  return it == counts.end() ? 0 : it->second.executions;
}

std::uint64_t Emulator::requests(const std::string& operation) const {
  const auto counts = impl_->server.counts();
  const auto it = counts.find(operation);
  return it == counts.end() ? 0 : it->second.requests;
}

std::map<std::string, OperationCount> Emulator::counts() const {
  std::map<std::string, OperationCount> out;
  for (const auto& [op, c] : impl_->server.counts()) out[op] = OperationCount{c.requests, c.executions};
  return out;
}

void Emulator::resetCounts() { impl_->server.resetCounts(); }

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
