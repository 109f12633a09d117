// delivery_bench_async: many creates in flight from one thread, against the same keep-alive
// loopback server, in one run:
//
//   wrk        wrk -t1 -c64 (one thread, 64 connections) POSTing the SDK's own request bytes: the
//              server's ceiling for this request (skipped, with a message, when wrk is absent)
//   async      one thread keeping 64 DeliveryClient::createDeliveryTaskAsync calls in flight
//              (a ring of 64 AsyncCalls: wait for the oldest, start the next)
//   blocking   8 threads, each calling createDeliveryTask in a loop (one shared client)
//
// The server (cpp-httplib, a thread per connection, a fixed signed success answer, no signature
// check) runs in a child process, so that the client's CPU per request is the process's own CPU
// time (getrusage) over the requests it completed; the server's CPU per request is read from
// /proc/<pid>/stat of the child. Each mode runs --seconds per round, --rounds rounds taking turns;
// medians are printed. The figures are printed, never judged.
//
//   delivery_bench_async [--seconds S] [--rounds R] [--in-flight N] [--threads T]
//                        [--modes wrk,curl,async,chained,async2,chained2,blocking]   (the modes to run; all by default)
//
// Exits 1 when a request fails (the reason is printed), 2 on a bad command line.

// cpp-httplib listens with a backlog of 5: 64 connections opened at once would see dropped SYNs
// and one-second retransmits, which measure the backlog, not the client.
#define CPPHTTPLIB_LISTEN_BACKLOG 256
#include <curl/curl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "raw_curl.h"
#include "support/samples.h"

namespace {

namespace ts = delivery::tablestore;
using Clock = std::chrono::steady_clock;

constexpr const char* kAction = "CreateDeliveryTask";
const delivery::Credentials kCredentials("bench-access-key-id", "bench-access-key-secret");

struct Options {
  double seconds = 3;
  int rounds = 3;
  int inFlight = 64;
  int threads = 8;
  std::string modes = "wrk,curl,async,chained,async2,chained2,blocking";  // which modes run (e.g. to profile one)
  bool runs(const char* mode) const { return ("," + modes + ",").find(std::string(",") + mode + ",") != std::string::npos; }
};

// ---- the server, in a child process ----------------------------------------------------------

// Serves until killed; writes its port to `portPipe`.
[[noreturn]] void serve(int portPipe) {
  const delivery::HttpResponse ok =
      delivery::testing::tablestore::emptyOk(kAction, kCredentials, "6b1f3c2a-9d4e-4f70-8a15-2c3b4d5e6f70");
  httplib::Server server;
  server.set_keep_alive_max_count(100000000);
  server.set_keep_alive_timeout(60);
  server.set_tcp_nodelay(true);
  // A thread per connection: a fixed pool smaller than the connections would starve some of them.
  // (Every mode's connections stay open between rounds: wrk's 64 while it runs, raw libcurl's 64,
  // each client's 64 and the blocking threads' 8.)
  server.new_task_queue = [] { return new httplib::ThreadPool(400); };
  std::vector<std::pair<std::string, std::string>> headers;
  for (const auto& field : ok.headers) headers.push_back(field);
  server.Post(std::string("/") + kAction, [&headers](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    for (const auto& [name, value] : headers) res.set_header(name.c_str(), value);
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (write(portPipe, &port, sizeof port) != static_cast<ssize_t>(sizeof port)) _exit(3);
  close(portPipe);
  server.listen_after_bind();
  _exit(0);
}

double processCpuSeconds(pid_t pid) {  // utime + stime of `pid`, from /proc
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(text.substr(close + 2));
  std::string f;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stoull(f);
    if (i == 15) stime = std::stoull(f);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double ownCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double childrenCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// ---- the modes ---------------------------------------------------------------------------------

struct Sample {
  double requestsPerSecond = 0;
  double clientCpuMicros = 0;  // per request
  double serverCpuMicros = 0;  // per request
};

std::string findWrk() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/wrk";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string luaQuoted(const std::string& s) {
  std::string out = "\"";
  char buf[8];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "\\%03u", c);
    out += buf;
  }
  return out + "\"";
}

// The SDK's own request for one create (headers and body), as a wrk script.
std::string wrkScript(const delivery::HttpRequest& request) {
  std::string lua = "wrk.method = \"POST\"\nwrk.body = " + luaQuoted(request.body) + "\nwrk.headers = {}\n";
  for (const auto& [name, value] : request.headers) {
    if (delivery::Headers::namesEqual(name, "Host") || delivery::Headers::namesEqual(name, "Content-Length")) continue;
    lua += "wrk.headers[" + luaQuoted(name) + "] = " + luaQuoted(value) + "\n";
  }
  return lua;
}

std::optional<Sample> runWrk(const std::string& wrk, const std::string& script, int port, pid_t server,
                             const Options& o) {
  char outPath[] = "/tmp/delivery-bench-wrk-XXXXXX";
  const int outFd = mkstemp(outPath);
  if (outFd < 0) return std::nullopt;
  const double serverBefore = processCpuSeconds(server);
  const double childBefore = childrenCpuSeconds();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(outFd, 1);
    const std::string duration = std::to_string(static_cast<int>(std::max(1.0, o.seconds))) + "s";
    const std::string connections = std::to_string(o.inFlight);
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/" + kAction;
    execl(wrk.c_str(), "wrk", "-t1", ("-c" + connections).c_str(), ("-d" + duration).c_str(), "-s", script.c_str(),
          url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const double wrkCpu = childrenCpuSeconds() - childBefore;
  const double serverCpu = processCpuSeconds(server) - serverBefore;
  close(outFd);
  std::ifstream in(outPath);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  unlink(outPath);
  // "  1234 requests in 3.00s, ..." and "Requests/sec:  411.22"; non-2xx answers are reported too.
  if (text.find("Non-2xx") != std::string::npos) {
    std::cerr << "wrk: the server answered with errors:\n" << text;
    return std::nullopt;
  }
  const auto at = text.find("Requests/sec:");
  const auto total = text.find(" requests in ");
  if (at == std::string::npos || total == std::string::npos) {
    std::cerr << "wrk: unexpected output:\n" << text;
    return std::nullopt;
  }
  const double rps = std::atof(text.c_str() + at + 13);
  std::size_t start = text.rfind('\n', total);
  const double requests = std::atof(text.c_str() + (start == std::string::npos ? 0 : start + 1));
  if (requests <= 0) return std::nullopt;
  return Sample{rps, wrkCpu / requests * 1e6, serverCpu / requests * 1e6};
}

template <typename Body>
Sample measure(pid_t server, long& completed, Body body) {
  const double cpuBefore = ownCpuSeconds();
  const double serverBefore = processCpuSeconds(server);
  const auto start = Clock::now();
  body();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const double cpu = ownCpuSeconds() - cpuBefore;
  const double serverCpu = processCpuSeconds(server) - serverBefore;
  const double n = static_cast<double>(std::max(1L, completed));
  return Sample{n / seconds, cpu / n * 1e6, serverCpu / n * 1e6};
}

// ---- raw libcurl: the ceiling of any client built on a libcurl multi handle --------------------

// One thread keeping `inFlight` POSTs of the SDK's captured request bytes (signed once, sent as
// they are) in flight on one multi handle, driven as the SDK's event loop drives it: epoll,
// curl_multi_socket_action, a handle re-added as soon as it completes. No building, signing,
// checking or hand-off per request: what is left is libcurl's own cost.
class RawCurlMulti {
 public:
  RawCurlMulti(const std::string& url, const delivery::HttpRequest& request, int inFlight)
      : url_(url),
        body_(request.body),
        headers_(bench::rawHeaderList(request.headers)),
        multi_(curl_multi_init()),
        epoll_(epoll_create1(EPOLL_CLOEXEC)) {
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(inFlight + 4));
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &RawCurlMulti::onSocket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &RawCurlMulti::onTimer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    for (int i = 0; i < inFlight; ++i) {
      CURL* h = curl_easy_init();
      bench::setUpRawPost(h, url_, body_, headers_);
      easies_.push_back(h);
    }
  }
  ~RawCurlMulti() {
    for (CURL* h : easies_) curl_easy_cleanup(h);
    curl_multi_cleanup(multi_);
    curl_slist_free_all(headers_);
    close(epoll_);
  }

  // Runs until `end`; the number of requests answered 200, or an error message.
  std::pair<long, std::string> run(Clock::time_point end) {
    for (CURL* h : easies_) curl_multi_add_handle(multi_, h);
    long done = 0;
    std::size_t active = easies_.size();
    int running = 0;
    epoll_event events[64];
    while (active > 0) {
      int wait = 1000;
      if (timer_) wait = std::max<int>(0, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(*timer_ - Clock::now()).count()));
      const int n = epoll_wait(epoll_, events, 64, wait);
      for (int i = 0; i < n; ++i) {
        int flags = 0;
        if ((events[i].events & EPOLLIN) != 0) flags |= CURL_CSELECT_IN;
        if ((events[i].events & EPOLLOUT) != 0) flags |= CURL_CSELECT_OUT;
        if ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0) flags |= CURL_CSELECT_ERR;
        curl_multi_socket_action(multi_, events[i].data.fd, flags, &running);
      }
      if (timer_ && *timer_ <= Clock::now()) {
        timer_.reset();
        curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
      }
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        CURL* h = msg->easy_handle;
        const CURLcode rc = msg->data.result;
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        curl_multi_remove_handle(multi_, h);
        if (rc != CURLE_OK || status != 200) {
          return {done, std::string("raw libcurl: ") + curl_easy_strerror(rc) + ", HTTP " + std::to_string(status)};
        }
        ++done;
        if (Clock::now() < end) {
          curl_multi_add_handle(multi_, h);
        } else {
          --active;
        }
      }
    }
    return {done, {}};
  }

 private:
  static int onSocket(CURL*, curl_socket_t s, int what, void* user, void*) {
    auto* self = static_cast<RawCurlMulti*>(user);
    if (what == CURL_POLL_REMOVE) {
      epoll_ctl(self->epoll_, EPOLL_CTL_DEL, s, nullptr);
      return 0;
    }
    epoll_event ev{};
    ev.events = ((what & CURL_POLL_IN) != 0 ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0u);
    ev.data.fd = s;
    if (epoll_ctl(self->epoll_, EPOLL_CTL_MOD, s, &ev) != 0) epoll_ctl(self->epoll_, EPOLL_CTL_ADD, s, &ev);
    return 0;
  }
  static int onTimer(CURLM*, long ms, void* user) {
    auto* self = static_cast<RawCurlMulti*>(user);
    if (ms < 0) {
      self->timer_.reset();
    } else {
      self->timer_ = Clock::now() + std::chrono::milliseconds(ms);
    }
    return 0;
  }

  std::string url_;
  std::string body_;
  curl_slist* headers_ = nullptr;
  CURLM* multi_;
  int epoll_;
  std::vector<CURL*> easies_;
  std::optional<Clock::time_point> timer_;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--seconds" && (v = next())) {
      o.seconds = std::atof(v);
    } else if (a == "--rounds" && (v = next())) {
      o.rounds = std::atoi(v);
    } else if (a == "--in-flight" && (v = next())) {
      o.inFlight = std::atoi(v);
    } else if (a == "--threads" && (v = next())) {
      o.threads = std::atoi(v);
    } else if (a == "--modes" && (v = next())) {
      o.modes = v;
    } else {
      std::cerr << "usage: delivery_bench_async [--seconds S] [--rounds R] [--in-flight N] [--threads T]\n"
                   "                            [--modes wrk,curl,async,chained,async2,chained2,blocking]\n";
      return 2;
    }
  }
  if (o.seconds <= 0 || o.rounds < 1 || o.inFlight < 1 || o.threads < 1) {
    std::cerr << "delivery_bench_async: every value must be positive\n";
    return 2;
  }

  int fds[2];
  if (pipe(fds) != 0) return 1;
  const pid_t server = fork();  // before any thread exists
  if (server == 0) {
    close(fds[0]);
    serve(fds[1]);
  }
  close(fds[1]);
  int port = -1;
  if (read(fds[0], &port, sizeof port) != static_cast<ssize_t>(sizeof port) || port <= 0) {
    std::cerr << "the loopback server did not start\n";
    kill(server, SIGKILL);
    return 1;
  }
  close(fds[0]);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // listen_after_bind
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);

  ts::DeliveryClientConfig config;
  config.curl.maxInFlight = static_cast<std::size_t>(o.inFlight);
  config.curl.maxIdleHandles = static_cast<std::size_t>(std::max(o.inFlight, o.threads));
  config.retry = delivery::RetryPolicy::noRetry();
  // Each round makes its own client (or libcurl multi handle) and drops it, connections and all, at
  // its end: cpp-httplib's thread for a kept-alive connection wakes every 10 ms to check its idle
  // timeout, so the idle connections of the other modes would take the server's CPU.
  auto newClient = [&](std::size_t eventThreads) {
    ts::DeliveryClientConfig c = config;
    c.curl.eventThreads = eventThreads;
    return ts::DeliveryClient::create(endpoint, "bench", kCredentials, c).value();
  };
  const ts::CreateDeliveryTaskRequest request = delivery::test::javaSampleCreate();

  // The request bytes for wrk: the SDK's own, captured once through a MockTransport.
  auto mock = std::make_shared<delivery::testing::MockTransport>();
  mock->enqueueResponse(delivery::testing::tablestore::emptyOk(kAction, kCredentials));
  ts::DeliveryClientConfig mockConfig;
  mockConfig.transport = mock;
  (void)ts::DeliveryClient::create(endpoint, "bench", kCredentials, mockConfig).value().createDeliveryTask(request);
  const std::string wrk = o.runs("wrk") ? findWrk() : std::string();
  char scriptPath[] = "/tmp/delivery-bench-wrk-script-XXXXXX";
  std::string script;
  if (!wrk.empty()) {
    const int fd = mkstemp(scriptPath);
    const std::string lua = wrkScript(mock->lastRequest());
    if (fd < 0 || write(fd, lua.data(), lua.size()) != static_cast<ssize_t>(lua.size())) return 1;
    close(fd);
    script = scriptPath;
  }

  std::string failure;
  std::mutex failureMutex;
  auto fail = [&](const delivery::Error& e) {
    std::lock_guard<std::mutex> lock(failureMutex);
    if (failure.empty()) failure = e.toString();
  };
  const auto budget = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));

  // One thread keeps `inFlight` calls going: whenever one completes (the callback, on the event
  // thread, only counts), it starts the next.
  auto asyncRound = [&](std::size_t eventThreads) {
    const ts::DeliveryClient client = newClient(eventThreads);
    long completed = 0;
    Sample s = measure(server, completed, [&] {
      std::mutex mutex;
      std::condition_variable changed;
      int running = 0;
      long done = 0;
      auto onDone = [&](delivery::Result<ts::CreateDeliveryTaskResponse> r) {
        if (!r) fail(r.error());
        std::lock_guard<std::mutex> lock(mutex);
        --running;
        ++done;
        changed.notify_one();
      };
      const auto end = Clock::now() + budget;
      std::unique_lock<std::mutex> lock(mutex);
      while (Clock::now() < end && failure.empty()) {
        changed.wait(lock, [&] { return running < o.inFlight; });
        ++running;
        lock.unlock();
        (void)client.createDeliveryTaskAsync(request, onDone);
        lock.lock();
      }
      changed.wait(lock, [&] { return running == 0; });
      completed = done;
    });
    return s;
  };
  // The same load kept by the completions themselves: each callback starts the next call (an
  // event-driven application's way); the caller's thread only starts the first `inFlight`.
  auto chainedRound = [&](std::size_t eventThreads) {
    const ts::DeliveryClient client = newClient(eventThreads);
    long completed = 0;
    Sample s = measure(server, completed, [&] {
      std::mutex mutex;
      std::condition_variable finished;
      int running = o.inFlight;
      std::atomic<long> done{0};
      const auto end = Clock::now() + budget;
      std::function<void(delivery::Result<ts::CreateDeliveryTaskResponse>)> onDone =
          [&](delivery::Result<ts::CreateDeliveryTaskResponse> r) {
            if (!r) fail(r.error());
            ++done;
            if (r && Clock::now() < end) {
              (void)client.createDeliveryTaskAsync(request, onDone);
              return;
            }
            std::lock_guard<std::mutex> lock(mutex);
            if (--running == 0) finished.notify_one();
          };
      for (int i = 0; i < o.inFlight; ++i) (void)client.createDeliveryTaskAsync(request, onDone);
      std::unique_lock<std::mutex> lock(mutex);
      finished.wait(lock, [&] { return running == 0; });
      completed = done.load();
    });
    return s;
  };
  auto curlRound = [&] {
    RawCurlMulti raw(endpoint + "/" + kAction, mock->lastRequest(), o.inFlight);
    long completed = 0;
    Sample s = measure(server, completed, [&] {
      auto [done, error] = raw.run(Clock::now() + budget);
      if (!error.empty()) fail(delivery::Error(delivery::ErrorKind::Network, error));
      completed = done;
    });
    return s;
  };
  auto blockingRound = [&] {
    const ts::DeliveryClient client = newClient(1);
    long completed = 0;
    Sample s = measure(server, completed, [&] {
      std::atomic<long> done{0};
      std::vector<std::thread> threads;
      const auto end = Clock::now() + budget;
      for (int t = 0; t < o.threads; ++t) {
        threads.emplace_back([&] {
          while (Clock::now() < end) {
            auto r = client.createDeliveryTask(request);
            if (!r) {
              fail(r.error());
              return;
            }
            ++done;
          }
        });
      }
      for (auto& t : threads) t.join();
      completed = done.load();
    });
    return s;
  };

  // Warm-up: every mode's connections opened, code paged in.
  if (o.runs("curl")) (void)curlRound();
  if (o.runs("async")) (void)asyncRound(1);
  if (o.runs("chained")) (void)chainedRound(1);
  if (o.runs("async2")) (void)asyncRound(2);
  if (o.runs("chained2")) (void)chainedRound(2);
  if (o.runs("blocking")) (void)blockingRound();

  // One row's samples, a row per mode.
  struct Series {
    std::vector<double> rps, cpu, server;
    void add(const Sample& s) {
      rps.push_back(s.requestsPerSecond);
      cpu.push_back(s.clientCpuMicros);
      server.push_back(s.serverCpuMicros);
    }
  };
  Series wrkRow, rawRow, asyncRow, chainedRow, async2Row, chained2Row, blockingRow;
  for (int round = 0; round < o.rounds && failure.empty(); ++round) {
    if (!wrk.empty()) {
      auto s = runWrk(wrk, script, port, server, o);
      if (!s) {
        failure = "wrk failed";
        break;
      }
      wrkRow.add(*s);
    }
    if (o.runs("curl")) rawRow.add(curlRound());
    if (o.runs("async")) asyncRow.add(asyncRound(1));
    if (o.runs("chained")) chainedRow.add(chainedRound(1));
    if (o.runs("async2")) async2Row.add(asyncRound(2));
    if (o.runs("chained2")) chained2Row.add(chainedRound(2));
    if (o.runs("blocking")) blockingRow.add(blockingRound());
  }
  kill(server, SIGKILL);
  waitpid(server, nullptr, 0);
  if (!script.empty()) unlink(script.c_str());
  if (!failure.empty()) {
    std::cerr << "a request failed: " << failure << '\n';
    return 1;
  }

  std::printf("CreateDeliveryTask (%zu-byte body) to a keep-alive loopback server (cpp-httplib, child process)\n",
              mock->lastRequest().body.size());
  std::printf("%d rounds of %.1f s per mode, medians; CPU per request in microseconds (client = the caller's "
              "process or wrk, server = the server process)\n\n",
              o.rounds, o.seconds);
  std::printf("%-56s %12s %14s %14s\n", "mode", "requests/s", "client CPU/req", "server CPU/req");
  auto row = [](const std::string& mode, const Series& series) {
    if (!series.rps.empty()) {
      std::printf("%-56s %12.0f %14.1f %14.1f\n", mode.c_str(), median(series.rps), median(series.cpu),
                  median(series.server));
    }
  };
  auto ratio = [](const char* label, const Series& x, const Series& y) {
    if (!x.rps.empty() && !y.rps.empty()) std::printf("%-28s %.2fx\n", label, median(x.rps) / median(y.rps));
  };
  if (o.runs("wrk") && wrk.empty()) {
    std::printf("%-56s %12s\n", "wrk -t1 -c64", "skipped: wrk is not installed (apt-get install wrk)");
  }
  const std::string n = std::to_string(o.inFlight);
  row("wrk -t1 -c" + n, wrkRow);
  row("raw libcurl multi: 1 thread, " + n + " in flight", rawRow);
  row("async: 1 thread, " + n + " in flight", asyncRow);
  row("async, chained: " + n + " in flight", chainedRow);
  row("async: 1 thread, " + n + " in flight, 2 ev. threads", async2Row);
  row("async, chained: " + n + " in flight, 2 ev. threads", chained2Row);
  row("blocking: " + std::to_string(o.threads) + " threads", blockingRow);
  std::printf("\n");
  ratio("raw libcurl / wrk:", rawRow, wrkRow);
  ratio("async / wrk:", asyncRow, wrkRow);
  ratio("async / raw libcurl:", asyncRow, rawRow);
  ratio("async / blocking:", asyncRow, blockingRow);
  ratio("chained / wrk:", chainedRow, wrkRow);
  ratio("chained / raw libcurl:", chainedRow, rawRow);
  ratio("chained / blocking:", chainedRow, blockingRow);
  ratio("async 2 ev. / wrk:", async2Row, wrkRow);
  ratio("async 2 ev. / blocking:", async2Row, blockingRow);
  ratio("chained 2 ev. / wrk:", chained2Row, wrkRow);
  ratio("chained 2 ev. / blocking:", chained2Row, blockingRow);
  return 0;
}
