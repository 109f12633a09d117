#include "emulator/tablestore_backend.h"

#include <optional>
#include <ostream>
#include <sstream>

#include "core/crypto.h"
#include "core/text.h"
#include "emulator/tablestore/responses.h"
#include "emulator/tablestore/rules.h"
#include "emulator/tablestore/signing.h"

namespace delivery::emulator {
namespace {

using delivery::detail::base64Encode;
using delivery::detail::md5;

constexpr std::int64_t kInc = 1;       // DeliveryTaskType INC
constexpr std::int64_t kPhaseInit = 0;  // TaskSyncPhase INIT
constexpr std::int64_t kPhaseFull = 1;  // TaskSyncPhase FULL
constexpr std::int64_t kPhaseIncr = 2;  // TaskSyncPhase INCR
constexpr std::int64_t kInvalidOssBucket = 2;  // ErrorType INVALID_OSS_BUCKET

const char* phaseName(std::int64_t phase) {
  return phase == kPhaseIncr ? "INCR" : phase == kPhaseFull ? "FULL" : "INIT";
}

// The phase after `steps` steps (lifecycle.h): BASE_INC and BASE INIT, FULL, INCR; INC INIT, INCR.
std::int64_t phaseAfter(std::int64_t taskType, std::int64_t steps) {
  if (steps <= 0) return kPhaseInit;
  if (taskType == kInc || steps >= 2) return kPhaseIncr;
  return kPhaseFull;
}

Reply error(int status, std::string code, const std::string& message) {
  Reply r;
  r.status = status;
  r.body = ots::encodeError(code, message);
  r.code = std::move(code);
  return r;
}

Reply ok(std::string body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

Reply invalid(const std::string& message) { return error(400, "OTSParameterInvalid", message); }

Reply notFound(const std::string& task) {
  return error(404, "OTSObjectNotExist", "delivery task " + task + " does not exist");
}

std::string joined(const std::string& head, const std::vector<std::string>& violations) {
  std::string out = head;
  for (std::size_t i = 0; i < violations.size(); ++i) out += (i == 0 ? ": " : "; ") + violations[i];
  return out;
}

std::int64_t nanosSinceEpoch(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

Result<ots::Message> TablestoreBackend::read(const ots::MessageType& type, const HttpRequest& request,
                                             std::vector<std::string> (*check)(const ots::Message&)) const {
  auto decoded = ots::decode(type, request.body);
  if (!decoded) return Error(ErrorKind::InvalidArgument, "invalid " + std::string(type.name) + ": " + decoded.error().message);
  if (beforeValidate_) beforeValidate_(request.path);
  if (auto violations = check(*decoded); !violations.empty()) {
    return Error(ErrorKind::InvalidArgument, joined("invalid " + std::string(type.name), violations));
  }
  return decoded;
}

ots::Message TablestoreBackend::createRequest(const std::string& table, const std::string& name, const Task& task) {
  ots::Message m(ots::kCreateDeliveryTaskRequest);
  m.setString("tableName", table).setString("taskName", name).addMessage("taskConfig", task.config);
  m.setNumber("taskType", task.taskType);
  return m;
}

// Each action decodes and checks its body first; only the lookup or change of tasks_ runs in
// `locked`, and replies are encoded after the lock is released.
Reply TablestoreBackend::dispatch(const std::string& action, const HttpRequest& request, const Locked& locked) {
  if (action == "CreateDeliveryTask") {
    auto r = read(ots::kCreateDeliveryTaskRequest, request, ots::checkCreate);
    if (!r) return invalid(r.error().message);
    const std::string table = *r->string("tableName");
    const std::string name = *r->string("taskName");
    Task task{*r->message("taskConfig"), *r->number("taskType"), createdNanosNow(), {}};
    return locked([&] {
      auto& byName = tasks_[table];
      if (byName.count(name) != 0) {
        return error(409, "OTSObjectAlreadyExist", "delivery task " + name + " already exists");
      }
      if (auto failed = takeTaskError(action)) task.error = std::move(*failed);
      byName.emplace(name, std::move(task));
      markDirty();
      return ok(ots::encodeEmptyResponse());
    });
  }
  if (action == "DescribeDeliveryTask") {
    auto r = read(ots::kDescribeDeliveryTaskRequest, request, ots::checkTableAndTask);
    if (!r) return invalid(r.error().message);
    const std::string& table = *r->string("tableName");
    const std::string& name = *r->string("taskName");
    std::optional<Task> found;
    Reply reply = locked([&] {
      auto t = tasks_.find(table);
      if (t == tasks_.end() || t->second.count(name) == 0) return notFound(name);
      found = t->second.at(name);
      return ok(std::string());
    });
    if (!found) return reply;
    return ok(ots::encodeDescribeResponse(found->config, found->taskType, syncStat(*found)));
  }
  if (action == "ListDeliveryTask") {
    auto r = read(ots::kListDeliveryTaskRequest, request, ots::checkList);
    if (!r) return invalid(r.error().message);
    const std::string& table = *r->string("tableName");
    std::vector<ots::TaskInfo> infos;
    locked([&] {
      if (auto t = tasks_.find(table); t != tasks_.end()) {
        for (const auto& [name, task] : t->second) infos.push_back({table, name, task.taskType});
      }
      return ok(std::string());
    });
    return ok(ots::encodeListResponse(infos));
  }
  if (action == "DeleteDeliveryTask") {
    auto r = read(ots::kDeleteDeliveryTaskRequest, request, ots::checkTableAndTask);
    if (!r) return invalid(r.error().message);
    const std::string& table = *r->string("tableName");
    const std::string& name = *r->string("taskName");
    return locked([&] {
      auto t = tasks_.find(table);
      if (t == tasks_.end() || t->second.erase(name) == 0) return notFound(name);
      if (t->second.empty()) tasks_.erase(t);
      markDirty();
      return ok(ots::encodeEmptyResponse());
    });
  }
  if (action == "UpdateDeliveryTask") {
    auto r = read(ots::kUpdateDeliveryTaskRequest, request, ots::checkUpdate);
    if (!r) return invalid(r.error().message);
    const std::string& table = *r->string("table");
    const std::string& name = *r->string("taskName");
    ots::Message config = *r->message("taskConfig");
    return locked([&] {
      auto t = tasks_.find(table);
      if (t == tasks_.end() || t->second.count(name) == 0) return notFound(name);
      t->second.at(name).config = std::move(config);
      markDirty();
      return ok(ots::encodeEmptyResponse());
    });
  }
  return invalid("unsupported action " + action);
}

Reply TablestoreBackend::errorReply(int status, const std::string& code, const std::string& message) const {
  Reply reply = error(status, code, message);
  addResponseHeaders(reply);
  reply.headers.add("Content-Type", "application/x-protobuf");
  return reply;
}

// The headers every answer carries (a 200 is signed on top of these).
void TablestoreBackend::addResponseHeaders(Reply& reply) const {
  Headers& out = reply.headers;
  out.add("x-ots-contentmd5", base64Encode(md5(reply.body)));
  out.add("x-ots-contenttype", "protocol buffer");
  out.add("x-ots-date", delivery::detail::formatIso8601Millis(now()));
  out.add("x-ots-requestid", delivery::detail::randomUuid());
}

Reply TablestoreBackend::handle(const HttpRequest& request, const Locked& locked) {
  const std::string action = request.path.size() > 1 ? request.path.substr(1) : std::string();
  Reply reply;
  if (request.method != HttpMethod::Post) {
    reply = error(405, "OTSMethodNotAllowed", "only POST is supported");
  } else if (std::string why = ots::verifyRequest(action, request, credentials_, now()); !why.empty()) {
    reply = error(403, "OTSAuthFailed", why);
  } else {
    reply = dispatch(action, request, locked);
  }
  Headers& out = reply.headers;
  addResponseHeaders(reply);
  if (reply.status == 200) {
    // Spec 4.1: the answer to a V4-signed request is signed with the day's V4 signing key (its
    // Base64 text as the HMAC-SHA1 key), which is what the Java SDK checks it with; V2 with the secret.
    const bool v4 = request.headers.contains("x-ots-signaturev4");
    const std::string key =
        v4 ? ots::v4SigningKey(credentials_.accessKeySecret, delivery::detail::trimView(request.headers.get("x-ots-signdate")),
                               delivery::detail::trimView(request.headers.get("x-ots-signregion")))
           : credentials_.accessKeySecret;
    out.add("authorization", ots::responseAuthorization(credentials_.accessKeyId, key, action, out));
  }
  out.add("Content-Type", "application/x-protobuf");
  return reply;
}

std::string TablestoreBackend::operation(const HttpRequest& request) const {
  static constexpr const char* kActions[] = {"CreateDeliveryTask", "UpdateDeliveryTask", "DescribeDeliveryTask",
                                             "DeleteDeliveryTask", "ListDeliveryTask"};
  if (request.method != HttpMethod::Post) return {};
  for (const char* action : kActions) {
    if (request.path.size() > 1 && request.path.compare(1, std::string::npos, action) == 0) return action;
  }
  return {};
}

std::int64_t TablestoreBackend::createdNanosNow() const {
  return lifecycle().hasClock() ? lifecycle().nowNanos() : nanosSinceEpoch(now());
}

ots::SyncStat TablestoreBackend::syncStat(const Task& task) const {
  const Lifecycle& life = lifecycle();
  const std::int64_t steps = life.steps(task.createdNanos / 1000000);
  ots::SyncStat stat;
  if (task.error.showsAt(steps)) {
    // Held where it failed: the phase it had, no progress past the create time.
    stat.phase = task.error.phase;
    stat.timestampNanos = stat.phase == kPhaseIncr ? task.createdNanos : 0;
    stat.errorType = kInvalidOssBucket;
    stat.detail = task.error.detail;
  } else if (life.pace().count() <= 0) {
    // Static, as the emulator always answered: FULL (INCR for INC), stamped with the create time.
    stat.phase = task.taskType == kInc ? kPhaseIncr : kPhaseFull;
    stat.timestampNanos = task.createdNanos;
  } else {
    stat.phase = phaseAfter(task.taskType, steps);
    stat.timestampNanos = stat.phase == kPhaseIncr ? life.nowNanos() : 0;
  }
  return stat;
}

std::vector<StoredTask> TablestoreBackend::tasks() const {
  std::vector<StoredTask> out;
  const bool moving = lifecycle().pace().count() > 0;
  for (const auto& [table, byName] : tasks_) {
    for (const auto& [name, task] : byName) {
      const ots::SyncStat stat = syncStat(task);
      const bool failed = stat.errorType != 0;
      out.push_back(StoredTask{"tablestore", table, name, {}, moving || failed ? phaseName(stat.phase) : "",
                               task.createdNanos / 1000000, ots::toJson(createRequest(table, name, task)),
                               failed ? stat.detail : std::string()});
    }
  }
  return out;
}

Result<void> TablestoreBackend::failTask(const std::string& scope, const std::string& name, const std::string& detail) {
  auto t = tasks_.find(scope);
  if (t == tasks_.end() || t->second.count(name) == 0) return taskNotFound("delivery task " + scope + "/" + name);
  Task& task = t->second.at(name);
  const std::int64_t phase = syncStat(task).phase;  // where it is now (held if it had failed already)
  task.error = TaskError{0, phase, detail.empty() ? std::string(kDefaultTaskErrorDetail) : detail};
  markDirty();
  return {};
}

Result<void> TablestoreBackend::seed(const StoredTask& stored) {
  auto parsed = ots::fromJson(ots::kCreateDeliveryTaskRequest, stored.json);
  if (!parsed) return Error(ErrorKind::InvalidArgument, "invalid CreateDeliveryTaskRequest: " + parsed.error().message);
  ots::Message& request = *parsed;
  // tableName and taskName come from the scope and name when the JSON leaves them out.
  auto fill = [&](const char* key, const std::string& given, const char* what) -> std::optional<Error> {
    const std::string* inJson = request.string(key);
    if (inJson == nullptr) {
      request.setString(key, given);
    } else if (!given.empty() && *inJson != given) {
      return Error(ErrorKind::InvalidArgument,
                   std::string(key) + " \"" + *inJson + "\" differs from the task's " + what + " \"" + given + "\"");
    }
    return std::nullopt;
  };
  if (auto e = fill("tableName", stored.scope, "scope")) return *e;
  if (auto e = fill("taskName", stored.name, "name")) return *e;
  if (auto violations = ots::checkCreate(request); !violations.empty()) {
    return Error(ErrorKind::InvalidArgument, joined("invalid CreateDeliveryTaskRequest", violations));
  }
  const std::int64_t created = stored.createTime != 0 ? stored.createTime * 1000000 : createdNanosNow();
  tasks_[*request.string("tableName")][*request.string("taskName")] =
      Task{*request.message("taskConfig"), *request.number("taskType"), created, {}};
  markDirty();
  return {};
}

void TablestoreBackend::save(std::ostream& out) const {
  for (const auto& [table, byName] : tasks_) {
    for (const auto& [name, task] : byName) {
      out << "ots " << task.createdNanos << ' ' << delivery::detail::hexEncode(ots::encode(createRequest(table, name, task)))
          << ' ' << saveTaskError(task.error) << '\n';
    }
  }
}

bool TablestoreBackend::load(const std::string& tag, const std::string& rest) {
  if (tag != "ots") return false;
  std::istringstream fields(rest);
  std::int64_t created = 0;
  std::string hex;
  std::string errorToken = "-";  // absent on the lines of a v2 file
  std::string extra;
  if (!(fields >> created >> hex)) return false;
  if (!(fields >> errorToken)) errorToken = "-";
  TaskError taskError;
  if (!loadTaskError(errorToken, taskError) || (fields >> extra)) return false;
  std::string bytes;
  if (!delivery::detail::hexDecode(hex, bytes)) return false;
  auto request = ots::decode(ots::kCreateDeliveryTaskRequest, bytes);
  if (!request || !ots::checkCreate(*request).empty()) return false;
  tasks_[*request->string("tableName")][*request->string("taskName")] =
      Task{*request->message("taskConfig"), *request->number("taskType"), created, std::move(taskError)};
  return true;
}

std::size_t TablestoreBackend::taskCount() const {
  std::size_t n = 0;
  for (const auto& [table, byName] : tasks_) n += byName.size();
  return n;
}

}  // namespace delivery::emulator
