#include "emulator/emulator.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

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

constexpr auto kMaxClockSkew = std::chrono::minutes(15);
constexpr const char* kStateHeader = "delivery-emulator-state v1";

struct Task {
  ts::OSSTaskConfig config;
  ts::DeliveryTaskType type = ts::DeliveryTaskType::BASE_INC;
  std::int64_t createdNanos = 0;
};

struct Reply {
  int status = 200;
  std::string body;
  std::string code;  // set for errors
};

Reply error(int status, std::string code, std::string message) {
  return Reply{status, td::encodeError(code, message), std::move(code)};
}

std::string fromHex(std::string_view hex, bool& ok) {
  std::string out;
  ok = hex.size() % 2 == 0;
  auto nibble = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    ok = false;
    return 0;
  };
  for (std::size_t i = 0; ok && i + 1 < hex.size(); i += 2) out += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  return out;
}

}  // namespace

struct Emulator::Impl {
  EmulatorOptions options;
  httplib::Server server;
  std::thread serverThread;
  std::thread idleThread;
  int port = 0;
  std::atomic<bool> running{false};

  mutable std::mutex mutex;  // guards everything below
  std::map<std::string, std::map<std::string, Task>> tasks;  // table -> task name -> task
  std::set<int> clientPorts;
  std::uint64_t requests = 0;
  std::chrono::steady_clock::time_point lastRequest = std::chrono::steady_clock::now();
  std::condition_variable stopped;
  bool stopRequested = false;

  // ---- authentication -------------------------------------------------------------------------
  std::string authenticate(const std::string& action, const delivery::Headers& h, const std::string& body) const {
    for (const char* name : {"x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename",
                             "x-ots-contentmd5"}) {
      if (!h.contains(name)) return std::string("missing header ") + name;
    }
    if (h.get("x-ots-apiversion") != td::kApiVersion) return "unsupported x-ots-apiversion " + h.get("x-ots-apiversion");
    if (h.get("x-ots-accesskeyid") != options.credentials.accessKeyId) return "unknown access key id";
    if (!options.credentials.securityToken.empty() && h.get("x-ots-ststoken") != options.credentials.securityToken) {
      return "invalid or missing x-ots-ststoken";
    }
    if (h.get("x-ots-contentmd5") != base64Encode(md5(body))) return "x-ots-contentmd5 does not match the body";
    std::chrono::system_clock::time_point date{};
    if (!delivery::detail::parseIso8601(h.get("x-ots-date"), date)) return "malformed x-ots-date";
    const auto now = std::chrono::system_clock::now();
    if (date > now + kMaxClockSkew || date < now - kMaxClockSkew) {
      return "x-ots-date is more than 15 minutes away from the server's clock";
    }
    const std::string canonical = td::canonicalString(action, h);
    const std::string& secret = options.credentials.accessKeySecret;
    if (h.contains("x-ots-signaturev4")) {
      const std::string signDate = h.get("x-ots-signdate");
      const std::string region = h.get("x-ots-signregion");
      if (signDate.empty() || region.empty()) return "V4 signing needs x-ots-signdate and x-ots-signregion";
      const std::string expected = td::signV4(td::v4SigningKey(secret, signDate, region), canonical);
      if (!delivery::detail::constantTimeEquals(h.get("x-ots-signaturev4"), expected)) {
        return "x-ots-signaturev4 does not match";
      }
      return {};
    }
    if (!h.contains("x-ots-signature")) return "missing header x-ots-signature";
    if (!delivery::detail::constantTimeEquals(h.get("x-ots-signature"), td::signV2(secret, canonical))) {
      return "x-ots-signature does not match";
    }
    return {};
  }

  // ---- actions (called with the mutex held) ----------------------------------------------------
  static Reply invalid(const Error& e) {
    std::string message = e.message;
    for (const auto& v : e.violations) message += "; " + v.field + ": " + v.message;
    return error(400, "OTSParameterInvalid", message);
  }

  Reply create(const std::string& body) {
    auto r = td::decodeCreateRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto v = r->validate(); !v) return invalid(v.error());
    auto& table = tasks[r->getTableName()];
    if (table.count(r->getTaskName()) != 0) {
      return error(409, "OTSObjectAlreadyExist", "delivery task " + r->getTaskName() + " already exists");
    }
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    table[r->getTaskName()] =
        Task{*r->getTaskConfig(), r->getTaskType(), std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()};
    saveLocked();
    return Reply{200, td::encodeEmptyResponse(), {}};
  }

  Task* find(const std::string& table, const std::string& task) {
    auto t = tasks.find(table);
    if (t == tasks.end()) return nullptr;
    auto k = t->second.find(task);
    return k == t->second.end() ? nullptr : &k->second;
  }

  static Reply notFound(const std::string& task) {
    return error(404, "OTSObjectNotExist", "delivery task " + task + " does not exist");
  }

  Reply describe(const std::string& body) {
    auto r = td::decodeDescribeRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto v = r->validate(); !v) return invalid(v.error());
    const Task* task = find(r->getTableName(), r->getTaskName());
    if (task == nullptr) return notFound(r->getTaskName());
    ts::TaskSyncStat stat;
    stat.setTaskSyncPhase(task->type == ts::DeliveryTaskType::INC ? ts::TaskSyncPhase::INCR : ts::TaskSyncPhase::FULL)
        .setCurrentSyncTimestampNanos(task->createdNanos)
        .setErrorType(ts::DeliveryErrorType::OK);
    return Reply{200, td::encodeDescribeResponse(task->config, task->type, stat), {}};
  }

  Reply list(const std::string& body) {
    auto r = td::decodeListRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto v = r->validate(); !v) return invalid(v.error());
    std::vector<ts::DeliveryTaskInfo> infos;
    if (auto t = tasks.find(r->getTableName()); t != tasks.end()) {
      for (const auto& [name, task] : t->second) infos.emplace_back(r->getTableName(), name, task.type);
    }
    return Reply{200, td::encodeListResponse(infos), {}};
  }

  Reply remove(const std::string& body) {
    auto r = td::decodeDeleteRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto v = r->validate(); !v) return invalid(v.error());
    if (find(r->getTableName(), r->getTaskName()) == nullptr) return notFound(r->getTaskName());
    auto t = tasks.find(r->getTableName());
    t->second.erase(r->getTaskName());
    if (t->second.empty()) tasks.erase(t);
    saveLocked();
    return Reply{200, td::encodeEmptyResponse(), {}};
  }

  Reply update(const std::string& body) {
    auto r = td::decodeUpdateRequest(body);
    if (!r) return error(400, "OTSParameterInvalid", r.error().message);
    if (auto v = r->validate(); !v) return invalid(v.error());
    Task* task = find(r->getTableName(), r->getTaskName());
    if (task == nullptr) return notFound(r->getTaskName());
    task->config = *r->getTaskConfig();
    saveLocked();
    return Reply{200, td::encodeEmptyResponse(), {}};
  }

  Reply dispatch(const std::string& action, const std::string& body) {
    std::lock_guard<std::mutex> lock(mutex);
    if (action == "CreateDeliveryTask") return create(body);
    if (action == "DescribeDeliveryTask") return describe(body);
    if (action == "ListDeliveryTask") return list(body);
    if (action == "DeleteDeliveryTask") return remove(body);
    if (action == "UpdateDeliveryTask") return update(body);
    return error(400, "OTSParameterInvalid", "unsupported action " + action);
  }

  // ---- state file -------------------------------------------------------------------------------
  void saveLocked() const {
    if (options.stateFile.empty()) return;
    const std::string tmp = options.stateFile + ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << kStateHeader << '\n';
      for (const auto& [table, byName] : tasks) {
        for (const auto& [name, task] : byName) {
          ts::CreateDeliveryTaskRequest r(table, name, task.config);
          r.setTaskType(task.type);
          out << task.createdNanos << ' ' << delivery::detail::hexEncode(td::encode(r)) << '\n';
        }
      }
      if (!out) {
        std::cerr << "delivery-emulator: cannot write " << tmp << '\n';
        return;
      }
    }
    if (std::rename(tmp.c_str(), options.stateFile.c_str()) != 0) {
      std::cerr << "delivery-emulator: cannot replace " << options.stateFile << '\n';
    }
  }

  Result<void> load() {
    if (options.stateFile.empty()) return {};
    std::ifstream in(options.stateFile);
    if (!in) return {};  // no state yet
    std::string line;
    if (!std::getline(in, line) || line != kStateHeader) {
      return Error(ErrorKind::InvalidArgument, "state file " + options.stateFile + " is not a delivery-emulator state file");
    }
    int lineNo = 1;
    while (std::getline(in, line)) {
      ++lineNo;
      if (line.empty()) continue;
      std::istringstream fields(line);
      std::int64_t created = 0;
      std::string hex;
      bool ok = static_cast<bool>(fields >> created >> hex);
      const std::string bytes = ok ? fromHex(hex, ok) : std::string();
      auto r = ok ? td::decodeCreateRequest(bytes) : Result<ts::CreateDeliveryTaskRequest>(Error());
      if (!ok || !r || !r->getTaskConfig()) {
        return Error(ErrorKind::InvalidArgument,
                     "state file " + options.stateFile + ": line " + std::to_string(lineNo) + " is corrupt");
      }
      tasks[r->getTableName()][r->getTaskName()] = Task{*r->getTaskConfig(), r->getTaskType(), created};
    }
    return {};
  }

  // ---- HTTP -----------------------------------------------------------------------------------
  void handle(const httplib::Request& req, httplib::Response& res) {
    const std::string action = req.path.size() > 1 ? req.path.substr(1) : std::string();
    delivery::Headers headers;
    for (const auto& [name, value] : req.headers) headers.add(name, value);
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++requests;
      clientPorts.insert(req.remote_port);
      lastRequest = std::chrono::steady_clock::now();
    }
    Reply reply;
    if (req.method != "POST") {
      reply = error(405, "OTSMethodNotAllowed", "only POST is supported");
    } else if (std::string why = authenticate(action, headers, req.body); !why.empty()) {
      reply = error(403, "OTSAuthFailed", why);
    } else {
      reply = dispatch(action, req.body);
    }

    delivery::Headers out;
    out.add("x-ots-contentmd5", base64Encode(md5(reply.body)));
    out.add("x-ots-contenttype", "protocol buffer");
    out.add("x-ots-date", delivery::detail::formatIso8601Millis(std::chrono::system_clock::now()));
    out.add("x-ots-requestid", delivery::detail::randomUuid());
    if (reply.status == 200) out.add("authorization", td::responseAuthorization(action, out, options.credentials));
    for (const auto& [name, value] : out) res.set_header(name.c_str(), value);
    res.status = reply.status;
    res.set_content(reply.body, "application/x-protobuf");
    if (options.verbose) {
      std::cerr << "delivery-emulator: " << req.method << ' ' << req.path << " -> " << reply.status
                << (reply.code.empty() ? "" : " " + reply.code) << '\n';
    }
  }
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }

Emulator::~Emulator() { stop(); }

Result<int> Emulator::start() {
  Impl& s = *impl_;
  if (s.running) return s.port;
  if (Result<void> loaded = s.load(); !loaded) return loaded.error();
  s.server.set_keep_alive_max_count(1000000);
  s.server.set_keep_alive_timeout(60);
  s.server.set_payload_max_length(8 * 1024 * 1024);
  s.server.set_read_timeout(30, 0);
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); };
  s.server.Post(R"(/.*)", handler);
  s.server.Get(R"(/.*)", handler);
  s.server.Put(R"(/.*)", handler);
  s.server.Delete(R"(/.*)", handler);
  if (s.options.port == 0) {
    s.port = s.server.bind_to_any_port(s.options.host);
  } else {
    s.port = s.server.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    return Error(ErrorKind::Connect, "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port));
  }
  s.running = true;
  s.serverThread = std::thread([this] {
    impl_->server.listen_after_bind();
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopRequested = true;
    impl_->stopped.notify_all();
  });
  if (s.options.idleTimeout.count() > 0) {
    s.idleThread = std::thread([this] {
      Impl& st = *impl_;
      std::unique_lock<std::mutex> lock(st.mutex);
      while (!st.stopRequested) {
        st.stopped.wait_for(lock, std::chrono::milliseconds(250));
        if (std::chrono::steady_clock::now() - st.lastRequest > st.options.idleTimeout) {
          std::cerr << "delivery-emulator: idle for " << st.options.idleTimeout.count() << " s, stopping\n";
          lock.unlock();
          st.server.stop();
          lock.lock();
          break;
        }
      }
    });
  }
  // listen_after_bind() flips is_running() on its thread; until then stop() would be lost.
  for (;;) {
    if (s.server.is_running()) break;
    {
      std::lock_guard<std::mutex> lock(s.mutex);
      if (s.stopRequested) return Error(ErrorKind::Internal, "the emulator's server stopped while starting");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return s.port;
}

void Emulator::stop() {
  Impl& s = *impl_;
  if (!s.running.exchange(false)) return;
  s.server.stop();
  if (s.serverThread.joinable()) s.serverThread.join();
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.stopRequested = true;
    s.stopped.notify_all();
  }
  if (s.idleThread.joinable()) s.idleThread.join();
}

void Emulator::wait() {
  Impl& s = *impl_;
  std::unique_lock<std::mutex> lock(s.mutex);
  s.stopped.wait(lock, [&] { return s.stopRequested; });
}

int Emulator::port() const { return impl_->port; }

std::string Emulator::endpoint() const { return "http://" + impl_->options.host + ":" + std::to_string(impl_->port); }

EmulatorStats Emulator::stats() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return EmulatorStats{impl_->requests, impl_->clientPorts.size()};
}

std::size_t Emulator::taskCount() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::size_t n = 0;
  for (const auto& [table, byName] : impl_->tasks) n += byName.size();
  return n;
}

}  // namespace delivery::emulator
