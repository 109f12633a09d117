#include "emulator/emulator.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "emulator/huawei_backend.h"
#include "emulator/tablestore_backend.h"

namespace delivery::emulator {
namespace {
constexpr const char* kStateHeader = "delivery-emulator-state v2";

}  // namespace

struct Emulator::Impl {
  EmulatorOptions options;
  httplib::Server server;
  std::thread serverThread;
  std::thread idleThread;
  int port = 0;
  std::atomic<bool> running{false};

  mutable std::mutex mutex;  // guards everything below
  std::unique_ptr<TablestoreBackend> tablestore;
  std::unique_ptr<HuaweiBackend> huawei;
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
      tablestore->save(out);
      huawei->save(out);
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
      const bool ok = tag == "ots" ? tablestore->load(tag, rest) : huawei->load(tag, rest);
      if (!ok) {
        return Error(ErrorKind::InvalidArgument,
                     "state file " + options.stateFile + ": line " + std::to_string(lineNo) + " is corrupt");
      }
    }
    return {};
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    Exchange ex;
    ex.method = req.method;
    ex.path = req.path;
    for (const auto& [k, v] : req.params) ex.query.emplace_back(k, v);
    for (const auto& [name, value] : req.headers) ex.headers.add(name, value);
    ex.body = req.body;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++requests;
      clientPorts.insert(req.remote_port);
      lastRequest = std::chrono::steady_clock::now();
    }
    Backend& backend = req.path.rfind("/v2/", 0) == 0 ? static_cast<Backend&>(*huawei) : *tablestore;
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
  impl_->tablestore = std::make_unique<TablestoreBackend>(impl_->options.credentials, impl_->options.beforeValidate);
  impl_->huawei = std::make_unique<HuaweiBackend>(impl_->options.huawei, impl_->options.beforeValidate);
}

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


std::string Emulator::endpoint() const { return "http://" + impl_->options.host + ":" + std::to_string(impl_->port); }

EmulatorStats Emulator::stats() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return EmulatorStats{impl_->requests, impl_->clientPorts.size()};
}

std::size_t Emulator::taskCount() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->tablestore->taskCount() + impl_->huawei->taskCount();
}

}  // namespace delivery::emulator
