#include "emulator/emulator.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <httplib.h>
#include <netinet/in.h>
#include <pthread.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#include "emulator/huawei_backend.h"
#include "emulator/tablestore_backend.h"

namespace delivery::emulator {
namespace {
// v3 added each task's lifecycle (lifecycle.h) at the end of its line; v2 files are still read.
constexpr const char* kStateHeader = "delivery-emulator-state v3";
constexpr const char* kStateHeaderV2 = "delivery-emulator-state v2";

// A client that went away (a timed-out request, a dropped connection) makes the server's next send
// fail with EPIPE, and raise SIGPIPE, which would end the process the emulator is embedded in.
// Blocked on the server's threads, the signal stays pending there and the send just fails.
void blockSigpipe() {
  sigset_t pipe;
  sigemptyset(&pipe);
  sigaddset(&pipe, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
}

// httplib keeps a connection on one task (and so one thread) until the peer closes it or it has
// been idle for the keep-alive timeout. With a fixed pool, as many idle clients as threads lock
// everyone else out; this queue starts a thread whenever no started one is free, up to `limit`.
class ConnectionThreads final : public httplib::TaskQueue {
 public:
  explicit ConnectionThreads(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}
  ~ConnectionThreads() override { shutdown(); }

  void enqueue(std::function<void()> fn) override {
    std::unique_lock<std::mutex> lock(mutex_);
    if (idle_ <= jobs_.size() && threads_.size() < limit_) {
      try {
        threads_.emplace_back([this] { work(); });
      } catch (const std::system_error&) {
        if (threads_.empty()) {  // no thread at all: serve it on the accepting thread
          lock.unlock();
          fn();
          return;
        }
      }
    }
    jobs_.push_back(std::move(fn));
    lock.unlock();
    ready_.notify_one();
  }

  // Called by httplib on the accepting thread once it stops accepting; queued connections still run.
  void shutdown() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

 private:
  void work() {
    blockSigpipe();
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ++idle_;
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty()) return;
      std::function<void()> fn = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      fn();
      lock.lock();
    }
  }

  const std::size_t limit_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;  // only the accepting thread adds and joins
  std::size_t idle_ = 0;              // started threads waiting for a connection
  bool stopping_ = false;
};

// A Content-Length httplib would otherwise act on: it reads "-1" as 2^64-1 and then waits for
// that many bytes, and it reads "12abc" as 12. Only digits are accepted, and all copies must agree.
enum class LengthCheck { Ok, Malformed, TooLarge };
LengthCheck checkContentLength(const httplib::Request& req, std::size_t maxBody) {
  const std::size_t count = req.get_header_value_count("Content-Length");
  std::string first;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string value = req.get_header_value("Content-Length", i);
    if (value.empty() || value.size() > 19 || value.find_first_not_of("0123456789") != std::string::npos) {
      return LengthCheck::Malformed;
    }
    if (i == 0) {
      first = value;
    } else if (value != first) {
      return LengthCheck::Malformed;
    }
  }
  if (count > 0 && std::stoull(first) > maxBody) return LengthCheck::TooLarge;
  return LengthCheck::Ok;
}

int portOf(const sockaddr_storage& a) {
  if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
  if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
  return -1;
}

// The server's socket of the connection a request came on. httplib 0.11 does not hand it to
// handlers, so it is found among the process's descriptors: the socket whose own port is the one
// the request arrived at and whose peer port is the client's. (A client in this same process has
// the two the other way round.)
int connectionSocket(const httplib::Request& req) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr) return -1;
  int found = -1;
  while (const dirent* entry = ::readdir(dir)) {
    char* end = nullptr;
    const long fd = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || fd == ::dirfd(dir)) continue;
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t localLen = sizeof local;
    socklen_t peerLen = sizeof peer;
    if (::getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&local), &localLen) != 0 ||
        ::getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&peer), &peerLen) != 0) {
      continue;
    }
    if (portOf(local) != req.local_port || portOf(peer) != req.remote_port) continue;
    char text[INET6_ADDRSTRLEN] = {};
    const void* addr = peer.ss_family == AF_INET
                           ? static_cast<const void*>(&reinterpret_cast<const sockaddr_in&>(peer).sin_addr)
                           : static_cast<const void*>(&reinterpret_cast<const sockaddr_in6&>(peer).sin6_addr);
    if (::inet_ntop(peer.ss_family, addr, text, sizeof text) != nullptr && req.remote_addr != text) continue;
    found = static_cast<int>(fd);
    break;
  }
  ::closedir(dir);
  return found;
}

// Ends the connection of `req` without a byte of answer: the client reads end-of-file (curl: "Empty
// reply from server"). httplib's own write of the answer that follows fails (EPIPE; SIGPIPE is
// blocked on the connection threads) and it closes the socket.
bool dropConnection(const httplib::Request& req, httplib::Response& res) {
  const int fd = connectionSocket(req);
  if (fd < 0) return false;
  ::shutdown(fd, SHUT_RDWR);
  res.status = 500;
  res.set_header("Connection", "close");
  return true;
}

bool loopback(const std::string& addr) { return addr.rfind("127.", 0) == 0 || addr == "::1" || addr == "::ffff:127.0.0.1"; }

bool matches(const Fault& f, const std::string& operation) { return f.operation == "*" || f.operation == operation; }

std::string jsonText(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  v.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A fault from the admin endpoint: a spec string, or an object with the same parts by name.
Result<Fault> faultFromJson(const rapidjson::Value& v) {
  if (v.IsString()) return parseFault(std::string(v.GetString(), v.GetStringLength()));
  if (!v.IsObject()) return Error(ErrorKind::InvalidArgument, "a fault is a spec string or an object");
  if (v.HasMember("spec")) {
    if (!v["spec"].IsString() || v.MemberCount() != 1) return Error(ErrorKind::InvalidArgument, "\"spec\" must be a string, alone");
    return parseFault(v["spec"].GetString());
  }
  // Builds the spec text from the members, so both forms are read (and checked) the same way.
  auto text = [&](const char* name, const std::string& fallback) -> Result<std::string> {
    if (!v.HasMember(name)) return fallback;
    const rapidjson::Value& m = v[name];
    if (m.IsString()) return std::string(m.GetString(), m.GetStringLength());
    if (m.IsInt64()) return std::to_string(m.GetInt64());
    return Error(ErrorKind::InvalidArgument, std::string("\"") + name + "\" must be a string or an integer");
  };
  static const char* const kMembers[] = {"operation", "kind", "count", "status", "code", "message", "duration_ms", "retry_after"};
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    bool known = false;
    for (const char* m : kMembers) known |= std::string(it->name.GetString()) == m;
    if (!known) return Error(ErrorKind::InvalidArgument, std::string("unknown member \"") + it->name.GetString() + "\"");
  }
  Result<std::string> op = text("operation", "*");
  Result<std::string> kind = text("kind", "");
  Result<std::string> count = text("count", "");
  Result<std::string> status = text("status", "");
  Result<std::string> code = text("code", "");
  Result<std::string> message = text("message", "");
  Result<std::string> duration = text("duration_ms", "");
  Result<std::string> retryAfter = text("retry_after", "");
  for (const auto* r : {&op, &kind, &count, &status, &code, &message, &duration, &retryAfter}) {
    if (!*r) return r->error();
  }
  std::string spec = *op + ":" + *kind;
  if (*kind == "fail") {
    spec += ":" + (count->empty() ? "1" : *count) + ":" + *status + ":" + *code;
    if (!message->empty()) spec += ":" + *message;
  } else if (*kind == "throttle") {
    spec += ":" + (count->empty() ? "1" : *count);
    if (!retryAfter->empty()) spec += ":" + *retryAfter;
  } else if (*kind == "latency" || *kind == "stall") {
    spec += ":" + *duration;
    if (!count->empty()) spec += ":" + *count;
  } else if (*kind == "task-error") {
    spec += ":" + (count->empty() ? "1" : *count);
    if (!message->empty()) spec += ":" + *message;
  } else if (!count->empty()) {
    spec += ":" + *count;
  }
  if (code->find(':') != std::string::npos) return Error(ErrorKind::InvalidArgument, "\"code\" must not contain ':'");
  Result<Fault> fault = parseFault(spec);
  if (fault && fault->kind == FaultKind::Throttle) {
    // Only the object form can change the throttling answer's status and code.
    if (!status->empty()) {
      if (status->size() != 3 || status->find_first_not_of("0123456789") != std::string::npos || (*status)[0] < '1' ||
          (*status)[0] > '5') {
        return Error(ErrorKind::InvalidArgument, "\"status\" must be 100 to 599");
      }
      fault->status = std::stoi(*status);
    }
    fault->code = *code;
    fault->message = *message;
  }
  return fault;
}
}  // namespace

struct Emulator::Impl {
  explicit Impl(std::vector<Fault> initialFaults) : faults(std::move(initialFaults)) {}

  EmulatorOptions options;
  httplib::Server server;
  std::thread serverThread;
  std::thread idleThread;
  int port = 0;
  int listenSocket = -1;  // recorded when httplib creates it, to raise its backlog
  std::atomic<bool> running{false};

  mutable std::mutex mutex;  // guards everything below
  std::vector<std::unique_ptr<Backend>> backends;  // asked in turn which claims a request
  std::set<int> clientPorts;
  std::uint64_t requests = 0;
  std::chrono::steady_clock::time_point lastRequest = std::chrono::steady_clock::now();
  std::condition_variable stopped;
  bool stopRequested = false;
  std::vector<Fault> faults;                       // in the order added
  std::map<std::string, OperationCounts> counts;  // by operation name
  bool stopping = false;                          // stop() has begun: stalls and latencies end
  std::condition_variable wake;                   // signalled when `stopping` is set

  // One use of the first fault in force that matches (lock held).
  std::optional<Fault> take(const std::string& operation, std::initializer_list<FaultKind> kinds) {
    for (auto it = faults.begin(); it != faults.end(); ++it) {
      bool kindMatches = false;
      for (const FaultKind k : kinds) kindMatches |= it->kind == k;
      if (!kindMatches || !matches(*it, operation)) continue;
      Fault f = *it;
      if (it->count != Fault::kEvery && --it->count <= 0) faults.erase(it);
      return f;
    }
    return std::nullopt;
  }

  // Waits `d`; false when the emulator began stopping meanwhile.
  bool pause(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mutex);
    return !wake.wait_for(lock, d, [this] { return stopping; });
  }

  Reply faultReply(const Backend& backend, const HttpRequest& ex, const Fault& f) const {
    if (f.kind == FaultKind::Fail) {
      return backend.errorReply(f.status, f.code, f.message.empty() ? "injected fault: " + f.code : f.message);
    }
    // Throttling as each service answers it: Tablestore 503 OTSServerBusy; Huawei's gateways 429,
    // with DIS's traffic-control code or DMS's flow-control code (the team specification huawei-more.md).
    int status = f.status;
    std::string code = f.code;
    std::string message = f.message;
    if (std::string(backend.family()) == "tablestore") {
      if (status == 0) status = 503;
      if (code.empty()) code = "OTSServerBusy";
      if (message.empty()) message = "Server is busy.";
    } else if (ex.path.find("/streams/") != std::string::npos) {
      if (status == 0) status = 429;
      if (code.empty()) code = "DIS.4303";
      if (message.empty()) message = "Traffic control limit exceeded.";
    } else {
      if (status == 0) status = 429;
      if (code.empty()) code = "DMS.10240407";
      if (message.empty()) message = "Request too frequent, flow control.";
    }
    Reply reply = backend.errorReply(status, code, message);
    reply.headers.add("Retry-After", std::to_string(f.retryAfter.count()));
    return reply;
  }

  Backend* backendFor(const std::string& family) const {
    for (const auto& b : backends) {
      if (family == b->family()) return b.get();
    }
    return nullptr;
  }

  void admin(const httplib::Request& req, httplib::Response& res);
  Result<void> seedTask(const StoredTask& task);
  Result<void> failTask(const std::string& family, const std::string& scope, const std::string& name,
                        const std::string& detail);

  void saveLocked() const {
    if (options.stateFile.empty()) return;
    const std::string tmp = options.stateFile + ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << kStateHeader << '\n';
      for (const auto& backend : backends) backend->save(out);
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
    if (!std::getline(in, line) || (line != kStateHeader && line != kStateHeaderV2)) {
      return Error(ErrorKind::InvalidArgument, "state file " + options.stateFile + " is not a delivery-emulator state file");
    }
    int lineNo = 1;
    while (std::getline(in, line)) {
      ++lineNo;
      if (line.empty()) continue;
      const auto space = line.find(' ');
      const std::string tag = line.substr(0, space);
      const std::string rest = space == std::string::npos ? std::string() : line.substr(space + 1);
      bool ok = false;
      for (const auto& backend : backends) {
        if (backend->ownsTag(tag)) {
          ok = backend->load(tag, rest);
          break;
        }
      }
      if (!ok) {
        return Error(ErrorKind::InvalidArgument,
                     "state file " + options.stateFile + ": line " + std::to_string(lineNo) + " is corrupt");
      }
    }
    return {};
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    if (options.adminEndpoint && req.path.rfind("/__emulator/", 0) == 0) {
      admin(req, res);
      return;
    }
    HttpRequest ex;
    ex.method = req.method == "GET" ? HttpMethod::Get
                : req.method == "PUT" ? HttpMethod::Put
                : req.method == "DELETE" ? HttpMethod::Delete
                                         : HttpMethod::Post;
    // The path as sent (httplib's `path` is decoded; the signatures cover the encoded form).
    ex.path = req.target.substr(0, req.target.find('?'));
    for (const auto& [k, v] : req.params) ex.query.emplace_back(k, v);
    for (const auto& [name, value] : req.headers) ex.headers.add(name, value);
    ex.body = req.body;
    Backend* claimed = nullptr;
    for (const auto& b : backends) {
      if (b->claims(ex)) {
        claimed = b.get();
        break;
      }
    }
    Backend& backend = claimed != nullptr ? *claimed : *backends.front();
    const std::string operation = backend.operation(ex);
    std::optional<Fault> latency, stall, failure, drop;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++requests;
      clientPorts.insert(req.remote_port);
      lastRequest = std::chrono::steady_clock::now();
      if (!operation.empty()) ++counts[operation].requests;
      latency = take(operation, {FaultKind::Latency});
      stall = take(operation, {FaultKind::Stall});
      failure = take(operation, {FaultKind::Fail, FaultKind::Throttle});
      if (!failure) drop = take(operation, {FaultKind::DropAfterExecute});
    }
    // Stopping ends a wait at once; the request is then dropped, not executed.
    if ((latency && !pause(latency->duration)) || (stall && !pause(stall->duration))) {
      dropConnection(req, res);
      return;
    }
    const Locked locked = [this, &backend](const std::function<Reply()>& step) {
      std::lock_guard<std::mutex> lock(mutex);
      Reply changed = step();
      if (backend.takeDirty()) saveLocked();
      return changed;
    };
    const Reply reply = failure ? faultReply(backend, ex, *failure) : backend.handle(ex, locked);
    if (!failure && reply.status / 100 == 2 && !operation.empty()) {
      std::lock_guard<std::mutex> lock(mutex);
      ++counts[operation].executions;
    }
    if (drop) {
      const bool dropped = dropConnection(req, res);
      if (dropped && options.verbose) {
        std::cerr << "delivery-emulator: " << req.method << ' ' << req.path << " -> " << reply.status
                  << ", connection dropped (fault)\n";
      }
      if (dropped) return;
      // Not silently: a test relying on the fault would otherwise fail without a clue.
      std::cerr << "delivery-emulator: could not find the connection of " << req.method << ' ' << req.path
                << " to drop it (is /proc mounted?); answering instead\n";
    }
    std::string contentType = "application/octet-stream";
    for (const auto& [name, value] : reply.headers) {
      if (delivery::Headers::namesEqual(name, "Content-Type")) {
        contentType = value;
      } else {
        res.set_header(name.c_str(), value);
      }
    }
    res.status = reply.status;
    if (!reply.body.empty() || reply.status != 204) res.set_content(reply.body, contentType.c_str());
    if (options.verbose) {
      std::cerr << "delivery-emulator: " << req.method << ' ' << req.path << " -> " << reply.status
                << (reply.code.empty() ? "" : " " + reply.code) << '\n';
    }
  }
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(options.faults)) {
  impl_->options = std::move(options);
  impl_->backends.push_back(std::make_unique<DisBackend>(impl_->options.huawei, impl_->options.beforeValidate,
                                                             impl_->options.disListPageWithoutLimit));
  impl_->backends.push_back(std::make_unique<KafkaBackend>(impl_->options.huawei, impl_->options.beforeValidate));
  impl_->backends.push_back(std::make_unique<TablestoreBackend>(impl_->options.credentials, impl_->options.beforeValidate));
  const Lifecycle lifecycle(impl_->options.taskPace, impl_->options.clock);
  Impl* impl = impl_.get();
  for (auto& backend : impl_->backends) {
    backend->setLifecycle(lifecycle);
    // Called from a create's locked step: the emulator's lock is held, as take() needs.
    backend->setTaskErrors([impl](const std::string& operation) -> std::optional<std::string> {
      std::optional<Fault> f = impl->take(operation, {FaultKind::TaskError});
      if (!f) return std::nullopt;
      return f->message;
    });
  }
}

Emulator::~Emulator() { stop(); }

void Emulator::Impl::admin(const httplib::Request& req, httplib::Response& res) {
  auto reply = [&res](int status, const rapidjson::Value& body) {
    res.status = status;
    res.set_content(jsonText(body) + "\n", "application/json");
  };
  auto fail = [&](int status, const std::string& message) {
    rapidjson::Document d(rapidjson::kObjectType);
    d.AddMember("error", rapidjson::Value(message.c_str(), d.GetAllocator()), d.GetAllocator());
    reply(status, d);
  };
  if (!loopback(req.remote_addr)) return fail(403, "the admin endpoint answers 127.0.0.1 only");
  const std::string what = req.path.substr(std::string("/__emulator/").size());
  rapidjson::Document d(rapidjson::kObjectType);
  auto& a = d.GetAllocator();
  auto faultList = [&] {
    rapidjson::Value list(rapidjson::kArrayType);
    std::lock_guard<std::mutex> lock(mutex);
    for (const Fault& f : faults) list.PushBack(rapidjson::Value(format(f).c_str(), a), a);
    d.AddMember("faults", list, a);
  };
  if (what == "faults" && req.method == "GET") {
    faultList();
    return reply(200, d);
  }
  if (what == "faults" && req.method == "DELETE") {
    {
      std::lock_guard<std::mutex> lock(mutex);
      faults.clear();
    }
    faultList();
    return reply(200, d);
  }
  if (what == "faults" && req.method == "POST") {
    rapidjson::Document body;
    if (body.Parse(req.body.c_str(), req.body.size()).HasParseError()) return fail(400, "the body is not JSON");
    std::vector<Fault> added;
    auto addOne = [&](const rapidjson::Value& v) -> bool {
      Result<Fault> f = faultFromJson(v);
      if (!f) {
        fail(400, f.error().message);
        return false;
      }
      added.push_back(*f);
      return true;
    };
    if (body.IsObject() && body.HasMember("faults") && body.MemberCount() == 1 && body["faults"].IsArray()) {
      for (const auto& v : body["faults"].GetArray()) {
        if (!addOne(v)) return;
      }
    } else if (body.IsArray()) {
      for (const auto& v : body.GetArray()) {
        if (!addOne(v)) return;
      }
    } else if (!addOne(body)) {
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex);
      faults.insert(faults.end(), added.begin(), added.end());
    }
    faultList();
    return reply(200, d);
  }
  if (what == "executions" && (req.method == "GET" || req.method == "DELETE")) {
    rapidjson::Value executions(rapidjson::kObjectType);
    rapidjson::Value seen(rapidjson::kObjectType);
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (req.method == "DELETE") counts.clear();
      for (const auto& [op, c] : counts) {
        executions.AddMember(rapidjson::Value(op.c_str(), a), rapidjson::Value(static_cast<std::uint64_t>(c.executions)), a);
        seen.AddMember(rapidjson::Value(op.c_str(), a), rapidjson::Value(static_cast<std::uint64_t>(c.requests)), a);
      }
    }
    d.AddMember("executions", executions, a);
    d.AddMember("requests", seen, a);
    return reply(200, d);
  }
  if (what == "tasks" && req.method == "GET") {
    rapidjson::Value list(rapidjson::kArrayType);
    std::vector<StoredTask> all;
    {
      std::lock_guard<std::mutex> lock(mutex);
      for (const auto& b : backends) {
        for (StoredTask& t : b->tasks()) all.push_back(std::move(t));
      }
    }
    for (const StoredTask& t : all) {
      rapidjson::Value o(rapidjson::kObjectType);
      o.AddMember("family", rapidjson::Value(t.family.c_str(), a), a);
      o.AddMember("scope", rapidjson::Value(t.scope.c_str(), a), a);
      o.AddMember("name", rapidjson::Value(t.name.c_str(), a), a);
      o.AddMember("id", rapidjson::Value(t.id.c_str(), a), a);
      o.AddMember("state", rapidjson::Value(t.state.c_str(), a), a);
      o.AddMember("create_time", rapidjson::Value(static_cast<std::int64_t>(t.createTime)), a);
      if (!t.error.empty()) o.AddMember("error", rapidjson::Value(t.error.c_str(), a), a);
      rapidjson::Document task(&a);
      if (t.json.empty() || task.Parse(t.json.c_str(), t.json.size()).HasParseError()) {
        o.AddMember("task", rapidjson::Value(t.json.c_str(), a), a);  // not JSON: as text
      } else {
        o.AddMember("task", rapidjson::Value(task, a), a);
      }
      list.PushBack(o, a);
    }
    d.AddMember("tasks", list, a);
    return reply(200, d);
  }
  if (what == "tasks" && req.method == "POST") {
    rapidjson::Document body;
    if (body.Parse(req.body.c_str(), req.body.size()).HasParseError() || !body.IsObject()) {
      return fail(400, "the body is not a JSON object");
    }
    StoredTask t;
    for (auto it = body.MemberBegin(); it != body.MemberEnd(); ++it) {
      const std::string name = it->name.GetString();
      const rapidjson::Value& v = it->value;
      if (name == "create_time" && v.IsInt64()) {
        t.createTime = v.GetInt64();
      } else if (name == "task" && (v.IsObject() || v.IsString())) {
        t.json = v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : jsonText(v);
      } else if (v.IsString() && (name == "family" || name == "scope" || name == "name" || name == "id" || name == "state")) {
        std::string& field = name == "family" ? t.family : name == "scope" ? t.scope : name == "name" ? t.name
                                                          : name == "id"   ? t.id
                                                                           : t.state;
        field.assign(v.GetString(), v.GetStringLength());
      } else {
        return fail(400, "unknown or mistyped member \"" + name + "\"");
      }
    }
    Result<void> seeded = seedTask(t);
    if (!seeded) return fail(400, seeded.error().message);
    d.AddMember("seeded", rapidjson::Value(t.name.c_str(), a), a);
    return reply(201, d);
  }
  if (what == "tasks/fail" && req.method == "POST") {
    rapidjson::Document body;
    if (body.Parse(req.body.c_str(), req.body.size()).HasParseError() || !body.IsObject()) {
      return fail(400, "the body is not a JSON object");
    }
    std::string family, scope, name, detail;
    for (auto it = body.MemberBegin(); it != body.MemberEnd(); ++it) {
      const std::string member = it->name.GetString();
      std::string* field = member == "family" ? &family : member == "scope" ? &scope : member == "name" ? &name
                                                        : member == "detail"  ? &detail
                                                                              : nullptr;
      if (field == nullptr || !it->value.IsString()) return fail(400, "unknown or mistyped member \"" + member + "\"");
      field->assign(it->value.GetString(), it->value.GetStringLength());
    }
    Result<void> failed = failTask(family, scope, name, detail);
    if (!failed) return fail(failed.error().httpStatus == 404 ? 404 : 400, failed.error().message);
    d.AddMember("failed", rapidjson::Value(name.c_str(), a), a);
    return reply(200, d);
  }
  fail(404, "no admin route " + req.method + " " + req.path + " (faults, executions, tasks, tasks/fail)");
}

Result<void> Emulator::Impl::failTask(const std::string& family, const std::string& scope, const std::string& name,
                                      const std::string& detail) {
  std::lock_guard<std::mutex> lock(mutex);
  Backend* backend = backendFor(family);
  if (backend == nullptr) return Error(ErrorKind::InvalidArgument, "no backend serves the family '" + family + "'");
  Result<void> failed = backend->failTask(scope, name, detail);
  if (backend->takeDirty()) saveLocked();
  return failed;
}

Result<void> Emulator::Impl::seedTask(const StoredTask& task) {
  std::lock_guard<std::mutex> lock(mutex);
  Backend* backend = backendFor(task.family);
  if (backend == nullptr) return Error(ErrorKind::InvalidArgument, "no backend serves the family '" + task.family + "'");
  Result<void> seeded = backend->seed(task);
  if (backend->takeDirty()) saveLocked();
  return seeded;
}

void Emulator::addFault(Fault fault) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->faults.push_back(std::move(fault));
}

void Emulator::clearFaults() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->faults.clear();
}

std::vector<Fault> Emulator::faults() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->faults;
}

std::map<std::string, OperationCounts> Emulator::counts() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->counts;
}

void Emulator::resetCounts() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->counts.clear();
}

std::vector<StoredTask> Emulator::tasks() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<StoredTask> all;
  for (const auto& b : impl_->backends) {
    for (StoredTask& t : b->tasks()) all.push_back(std::move(t));
  }
  return all;
}

Result<void> Emulator::seed(const StoredTask& task) { return impl_->seedTask(task); }

Result<void> Emulator::failTask(const std::string& family, const std::string& scope, const std::string& name,
                                const std::string& detail) {
  return impl_->failTask(family, scope, name, detail);
}

Result<int> Emulator::start() {
  Impl& s = *impl_;
  if (s.running) return s.port;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (s.stopping) return Error(ErrorKind::InvalidArgument, "this emulator was stopped; make a new one");
  }
  if (s.options.taskPace.count() < 0) return Error(ErrorKind::InvalidArgument, "the task pace must not be negative");
  if (Result<void> loaded = s.load(); !loaded) return loaded.error();
  const std::size_t maxConnections = s.options.maxConnections;
  s.server.new_task_queue = [maxConnections] { return new ConnectionThreads(maxConnections); };
  s.server.set_keep_alive_max_count(1000000);
  s.server.set_keep_alive_timeout(static_cast<time_t>(s.options.keepAliveTimeout.count()));
  s.server.set_payload_max_length(s.options.maxBodyBytes);
  s.server.set_read_timeout(30, 0);
  // Runs once the headers are in and before httplib reads the body.
  s.server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const LengthCheck check = checkContentLength(req, impl_->options.maxBodyBytes);
    if (check == LengthCheck::Ok) return httplib::Server::HandlerResponse::Unhandled;
    const bool tooLarge = check == LengthCheck::TooLarge;
    res.status = tooLarge ? 413 : 400;
    // The body was not read, so this connection cannot carry another request.
    res.set_header("Connection", "close");
    res.set_content(tooLarge ? "the request body is larger than " + std::to_string(impl_->options.maxBodyBytes) + " bytes\n"
                             : std::string("the Content-Length header is not a valid length\n"),
                    "text/plain");
    if (impl_->options.verbose) {
      std::cerr << "delivery-emulator: " << req.method << ' ' << req.path << " -> " << res.status << " Content-Length\n";
    }
    return httplib::Server::HandlerResponse::Handled;
  });
  auto handler = [this](const httplib::Request& req, httplib::Response& res) { impl_->handle(req, res); };
  s.server.Post(R"(/.*)", handler);
  s.server.Get(R"(/.*)", handler);
  s.server.Put(R"(/.*)", handler);
  s.server.Delete(R"(/.*)", handler);
  // httplib (Debian's compiled 0.11) listens with a backlog of 5: in a burst of connections, the
  // kernel drops the SYNs past that and the clients retry after 1, 3, 7, 15 s. Its socket callback
  // runs on the listening socket before bind, so the socket is noted here and listen() is called
  // again with the system's maximum backlog once httplib has bound it (Linux allows raising it).
  s.server.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    impl_->listenSocket = sock;
  });
  if (s.options.port == 0) {
    s.port = s.server.bind_to_any_port(s.options.host);
  } else {
    s.port = s.server.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    return Error(ErrorKind::Connect, "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port));
  }
  if (s.listenSocket >= 0) (void)::listen(s.listenSocket, SOMAXCONN);
  s.running = true;
  s.serverThread = std::thread([this] {
    blockSigpipe();  // it serves a connection itself when no thread can be started
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
          st.stopping = true;
          st.wake.notify_all();
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
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.stopping = true;  // stalls and latencies end now
  }
  s.wake.notify_all();
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


std::string Emulator::endpoint() const { return "http://" + impl_->options.host + ":" + std::to_string(impl_->port); }

int Emulator::port() const { return impl_->port; }

bool Emulator::running() const { return impl_->running; }

EmulatorStats Emulator::stats() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return EmulatorStats{impl_->requests, impl_->clientPorts.size()};
}

std::size_t Emulator::taskCount() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::size_t n = 0;
  for (const auto& backend : impl_->backends) n += backend->taskCount();
  return n;
}

}  // namespace delivery::emulator
