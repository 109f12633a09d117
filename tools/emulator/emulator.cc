#include "emulator/emulator.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#include "emulator/huawei_backend.h"
#include "emulator/tablestore_backend.h"

namespace delivery::emulator {
namespace {
constexpr const char* kStateHeader = "delivery-emulator-state v2";

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
}  // namespace

struct Emulator::Impl {
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
    if (!std::getline(in, line) || line != kStateHeader) {
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
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++requests;
      clientPorts.insert(req.remote_port);
      lastRequest = std::chrono::steady_clock::now();
    }
    Backend* claimed = nullptr;
    for (const auto& b : backends) {
      if (b->claims(ex)) {
        claimed = b.get();
        break;
      }
    }
    Backend& backend = claimed != nullptr ? *claimed : *backends.front();
    const Locked locked = [this, &backend](const std::function<Reply()>& step) {
      std::lock_guard<std::mutex> lock(mutex);
      Reply changed = step();
      if (backend.takeDirty()) saveLocked();
      return changed;
    };
    const Reply reply = backend.handle(ex, locked);
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

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->backends.push_back(std::make_unique<DisBackend>(impl_->options.huawei, impl_->options.beforeValidate));
  impl_->backends.push_back(std::make_unique<KafkaBackend>(impl_->options.huawei, impl_->options.beforeValidate));
  impl_->backends.push_back(std::make_unique<TablestoreBackend>(impl_->options.credentials, impl_->options.beforeValidate));
}

Emulator::~Emulator() { stop(); }

Result<int> Emulator::start() {
  Impl& s = *impl_;
  if (s.running) return s.port;
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


std::string Emulator::endpoint() const { return "http://" + impl_->options.host + ":" + std::to_string(impl_->port); }

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
