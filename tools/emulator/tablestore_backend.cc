#include "emulator/tablestore_backend.h"

#include <ostream>
#include <sstream>

#include "core/crypto.h"
#include "core/text.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

namespace delivery::emulator {
namespace {

namespace ts = delivery::tablestore;
namespace td = delivery::tablestore::detail;
using delivery::detail::base64Encode;
using delivery::detail::md5;

Reply error(int status, std::string code, const std::string& message) {
  Reply r;
  r.status = status;
  r.body = td::encodeError(code, message);
  r.code = std::move(code);
  return r;
}

Reply ok(std::string body) {
  Reply r;
  r.body = std::move(body);
  return r;
}

Reply invalid(const Error& e) {
  std::string message = e.message;
  for (const auto& v : e.violations) message += "; " + v.field + ": " + v.message;
  return error(400, "OTSParameterInvalid", message);
}

// The headers every answer carries (a 200 is signed on top of these).
void addResponseHeaders(Reply& reply) {
  Headers& out = reply.headers;
  out.add("x-ots-contentmd5", base64Encode(md5(reply.body)));
  out.add("x-ots-contenttype", "protocol buffer");
  out.add("x-ots-date", delivery::detail::formatIso8601Millis(std::chrono::system_clock::now()));
  out.add("x-ots-requestid", delivery::detail::randomUuid());
}

Reply notFound(const std::string& task) {
  return error(404, "OTSObjectNotExist", "delivery task " + task + " does not exist");
}

}  // namespace

std::string TablestoreBackend::authenticate(const std::string& action, const Headers& h, const std::string& body) const {
  for (const char* name : {"x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename",
                           "x-ots-contentmd5"}) {
    if (!h.contains(name)) return std::string("missing header ") + name;
  }
  if (h.get("x-ots-apiversion") != td::kApiVersion) return "unsupported x-ots-apiversion";
  if (h.get("x-ots-accesskeyid") != credentials_.accessKeyId) return "unknown access key id";
  if (!credentials_.securityToken.empty() && h.get("x-ots-ststoken") != credentials_.securityToken) {
    return "invalid or missing x-ots-ststoken";
  }
  if (h.get("x-ots-contentmd5") != base64Encode(md5(body))) return "x-ots-contentmd5 does not match the body";
  std::chrono::system_clock::time_point date{};
  if (!delivery::detail::parseIso8601(h.get("x-ots-date"), date)) return "malformed x-ots-date";
  if (!withinClockSkew(date)) return "x-ots-date is more than 15 minutes away from the server's clock";
  const std::string canonical = td::canonicalString(action, h);
  const std::string& secret = credentials_.accessKeySecret;
  if (h.contains("x-ots-signaturev4")) {
    const std::string signDate = h.get("x-ots-signdate");
    const std::string region = h.get("x-ots-signregion");
    if (signDate.empty() || region.empty()) return "V4 signing needs x-ots-signdate and x-ots-signregion";
    const std::string expected = td::signV4(td::v4SigningKey(secret, signDate, region), canonical);
    if (!delivery::detail::constantTimeEquals(h.get("x-ots-signaturev4"), expected)) return "x-ots-signaturev4 does not match";
    return {};
  }
  if (!h.contains("x-ots-signature")) return "missing header x-ots-signature";
  if (!delivery::detail::constantTimeEquals(h.get("x-ots-signature"), td::signV2(secret, canonical))) {
    return "x-ots-signature does not match";
  }
  return {};
}

TablestoreBackend::Task* TablestoreBackend::find(const std::string& table, const std::string& task) {
  auto t = tasks_.find(table);
  if (t == tasks_.end()) return nullptr;
  auto k = t->second.find(task);
  return k == t->second.end() ? nullptr : &k->second;
}

template <typename Request>
std::optional<Reply> TablestoreBackend::rejectInvalid(const Request& request, const HttpRequest& ex) const {
  if (beforeValidate_) beforeValidate_(ex.path);
  if (auto v = request.validate(); !v) return invalid(v.error());
  return std::nullopt;
}

// Each action decodes and validates its body first; only the lookup or change of tasks_ runs in
// `locked`, and replies are encoded after the lock is released.
Reply TablestoreBackend::dispatch(const std::string& action, const HttpRequest& ex, const Locked& locked) {
  const std::string& body = ex.body;
  if (action == "CreateDeliveryTask") {
    auto r = td::decodeCreateRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto rejected = rejectInvalid(*r, ex)) return std::move(*rejected);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    Task task{*r->getTaskConfig(), r->getTaskType(), std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()};
    return locked([&] {
      auto& table = tasks_[r->getTableName()];
      if (table.count(r->getTaskName()) != 0) {
        return error(409, "OTSObjectAlreadyExist", "delivery task " + r->getTaskName() + " already exists");
      }
      table.emplace(r->getTaskName(), std::move(task));
      markDirty();
      return ok(td::encodeEmptyResponse());
    });
  }
  if (action == "DescribeDeliveryTask") {
    auto r = td::decodeDescribeRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto rejected = rejectInvalid(*r, ex)) return std::move(*rejected);
    std::optional<Task> found;
    Reply reply = locked([&] {
      const Task* task = find(r->getTableName(), r->getTaskName());
      if (task == nullptr) return notFound(r->getTaskName());
      found = *task;
      return ok(std::string());
    });
    if (!found) return reply;
    const ts::TaskSyncStat stat(
        found->type == ts::DeliveryTaskType::INC ? ts::TaskSyncPhase::INCR : ts::TaskSyncPhase::FULL,
        found->createdNanos, ts::DeliveryErrorType::OK);
    return ok(td::encodeDescribeResponse(found->config, found->type, stat));
  }
  if (action == "ListDeliveryTask") {
    auto r = td::decodeListRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto rejected = rejectInvalid(*r, ex)) return std::move(*rejected);
    std::vector<ts::DeliveryTaskInfo> infos;
    locked([&] {
      if (auto t = tasks_.find(r->getTableName()); t != tasks_.end()) {
        for (const auto& [name, task] : t->second) infos.emplace_back(r->getTableName(), name, task.type);
      }
      return ok(std::string());
    });
    return ok(td::encodeListResponse(infos));
  }
  if (action == "DeleteDeliveryTask") {
    auto r = td::decodeDeleteRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto rejected = rejectInvalid(*r, ex)) return std::move(*rejected);
    return locked([&] {
      auto t = tasks_.find(r->getTableName());
      if (t == tasks_.end() || t->second.erase(r->getTaskName()) == 0) return notFound(r->getTaskName());
      if (t->second.empty()) tasks_.erase(t);
      markDirty();
      return ok(td::encodeEmptyResponse());
    });
  }
  if (action == "UpdateDeliveryTask") {
    auto r = td::decodeUpdateRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto rejected = rejectInvalid(*r, ex)) return std::move(*rejected);
    ts::OSSTaskConfig config = *r->getTaskConfig();
    return locked([&] {
      Task* task = find(r->getTableName(), r->getTaskName());
      if (task == nullptr) return notFound(r->getTaskName());
      task->config = std::move(config);
      markDirty();
      return ok(td::encodeEmptyResponse());
    });
  }
  return error(400, "OTSParameterInvalid", "unsupported action " + action);
}

Reply TablestoreBackend::errorReply(int status, const std::string& code, const std::string& message) const {
  Reply reply = error(status, code, message);
  addResponseHeaders(reply);
  reply.headers.add("Content-Type", "application/x-protobuf");
  return reply;
}

Reply TablestoreBackend::handle(const HttpRequest& ex, const Locked& locked) {
  const std::string action = ex.path.size() > 1 ? ex.path.substr(1) : std::string();
  Reply reply;
  if (ex.method != HttpMethod::Post) {
    reply = error(405, "OTSMethodNotAllowed", "only POST is supported");
  } else if (std::string why = authenticate(action, ex.headers, ex.body); !why.empty()) {
    reply = error(403, "OTSAuthFailed", why);
  } else {
    reply = dispatch(action, ex, locked);
  }
  Headers& out = reply.headers;
  addResponseHeaders(reply);
  if (reply.status == 200) {
    // Tablestore signs the answer to a V4-signed request with the day's derived V4 key (its Base64
    // text as the HMAC-SHA1 key), which is what the Java SDK checks it with; V2 with the secret.
    const bool v4 = ex.headers.contains("x-ots-signaturev4");
    const std::string key = v4 ? td::v4SigningKey(credentials_.accessKeySecret, ex.headers.get("x-ots-signdate"),
                                                  ex.headers.get("x-ots-signregion"))
                               : credentials_.accessKeySecret;
    out.add("authorization", "OTS " + credentials_.accessKeyId + ":" +
                                 td::signV2(key, td::responseCanonicalString(action, out)));
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

std::vector<StoredTask> TablestoreBackend::tasks() const {
  std::vector<StoredTask> out;
  for (const auto& [table, byName] : tasks_) {
    for (const auto& [name, task] : byName) {
      out.push_back(StoredTask{"tablestore", table, name, {}, {}, task.createdNanos / 1000000, {}});
    }
  }
  return out;
}

Result<void> TablestoreBackend::seed(const StoredTask&) {
  // The backend written from the vendor schema takes over seeding (issue 10).
  return Error(ErrorKind::InvalidArgument, "seeding tasks is not supported by this backend yet");
}

void TablestoreBackend::save(std::ostream& out) const {
  for (const auto& [table, byName] : tasks_) {
    for (const auto& [name, task] : byName) {
      ts::CreateDeliveryTaskRequest r(table, name, task.config);
      r.setTaskType(task.type);
      out << "ots " << task.createdNanos << ' ' << delivery::detail::hexEncode(td::encode(r)) << '\n';
    }
  }
}

bool TablestoreBackend::load(const std::string& tag, const std::string& rest) {
  if (tag != "ots") return false;
  std::istringstream fields(rest);
  std::int64_t created = 0;
  std::string hex;
  if (!(fields >> created >> hex) || hex.size() % 2 != 0) return false;
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = std::isxdigit(static_cast<unsigned char>(hex[i])) ? std::stoi(hex.substr(i, 1), nullptr, 16) : -1;
    const int lo = std::isxdigit(static_cast<unsigned char>(hex[i + 1])) ? std::stoi(hex.substr(i + 1, 1), nullptr, 16) : -1;
    if (hi < 0 || lo < 0) return false;
    bytes += static_cast<char>(hi * 16 + lo);
  }
  auto r = td::decodeCreateRequest(bytes);
  if (!r || !r->getTaskConfig()) return false;
  tasks_[r->getTableName()][r->getTaskName()] = Task{*r->getTaskConfig(), r->getTaskType(), created};
  return true;
}

std::size_t TablestoreBackend::taskCount() const {
  std::size_t n = 0;
  for (const auto& [table, byName] : tasks_) n += byName.size();
  return n;
}

}  // namespace delivery::emulator
