// delivery_bench_throughput: sequential CreateDeliveryTask calls over keep-alive HTTP on loopback,
// DeliveryClient (default CurlTransport) against a bare libcurl loop sending the same bytes.
//
// One in-process cpp-httplib server answers both clients identically: 200, empty body and a fixed,
// pre-signed header set (it never checks request signatures, so its cost per request does not
// depend on which client is calling). Both clients run on the main thread, one request at a time,
// taking turns in blocks within each round; the medians of the rounds are reported.
//
//   delivery_bench_throughput [--requests N] [--rounds R] [--block B] [--warmup W]
//                             [--cpu K | --cpus C,S | --no-pin] [--only sdk|raw]
//
// Exits 1 when any request fails (the reason is printed), 2 on a bad command line. The figures are
// printed, never judged: performance is not asserted anywhere.

#include <curl/curl.h>
#include <httplib.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/text.h"
#include "delivery/core/http.h"
#include "delivery/tablestore/client.h"
#include "delivery/tablestore/model.h"
#include "delivery/testing/tablestore_responses.h"
#include "delivery/version.h"
#include "support/samples.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

namespace {

namespace ts = delivery::tablestore;
namespace td = delivery::tablestore::detail;

constexpr const char* kAction = "CreateDeliveryTask";
constexpr const char* kInstance = "bench";
const delivery::Credentials kCredentials("bench-access-key-id", "bench-access-key-secret");

// ---- command line ---------------------------------------------------------------------------------

struct Options {
  long requests = 2000;
  long rounds = 5;
  long block = 50;  // requests per side before switching to the other side
  long warmup = 200;
  std::string only;  // "", "sdk" or "raw": run one side alone (for profiling)
  long cpu = -1;        // >= 0: pin the whole process (client and server threads) to this CPU
  long clientCpu = -1;  // --cpus C,S: the client thread on C, the server's threads on S
  long serverCpu = -1;
  bool noPin = false;   // --no-pin: leave thread placement to the scheduler
};

bool parsePositive(const char* text, long& out) {
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < 1) return false;
  out = v;
  return true;
}

std::optional<Options> parseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    long* target = arg == "--requests" ? &o.requests
                   : arg == "--rounds"  ? &o.rounds
                   : arg == "--warmup"  ? &o.warmup
                   : arg == "--block"   ? &o.block
                                        : nullptr;
    if (arg == "--cpu" && i + 1 < argc) {
      long cpu = 0;
      if (std::strcmp(argv[i + 1], "0") == 0 || parsePositive(argv[i + 1], cpu)) {
        o.cpu = cpu;
        ++i;
        continue;
      }
    }
    if (arg == "--cpus" && i + 1 < argc) {
      const std::string v = argv[i + 1];
      const auto comma = v.find(',');
      long c = 0, sv = 0;
      const std::string first = v.substr(0, comma), second = comma == std::string::npos ? "" : v.substr(comma + 1);
      if (comma != std::string::npos && (first == "0" || parsePositive(first.c_str(), c)) &&
          (second == "0" || parsePositive(second.c_str(), sv))) {
        o.clientCpu = c;
        o.serverCpu = sv;
        ++i;
        continue;
      }
    }
    if (arg == "--no-pin") {
      o.noPin = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << "usage: " << argv[0]
                << " [--requests N (2000)] [--rounds R (5)] [--block B (50)] [--warmup W (200)]\n"
                << "       [--cpu K | --cpus C,S | --no-pin] [--only sdk|raw]\n"
                << "  --block B   within a round, the sides take turns every B requests\n"
                << "  --cpu K     pin the client and the server threads to CPU K\n"
                << "  --cpus C,S  pin the client thread to CPU C and the server's threads to CPU S\n"
                << "              (default: the first two CPUs this process may use, when there are two)\n"
                << "  --no-pin    leave thread placement to the scheduler\n"
                << "  --only S    run one side alone, e.g. under a profiler\n";
      std::exit(0);
    }
    if (arg == "--only" && i + 1 < argc && (std::strcmp(argv[i + 1], "sdk") == 0 || std::strcmp(argv[i + 1], "raw") == 0)) {
      o.only = argv[++i];
      continue;
    }
    if (target == nullptr || i + 1 >= argc || !parsePositive(argv[i + 1], *target)) {
      std::cerr << argv[0] << ": bad argument '" << arg << "' (expected --requests N, --rounds R, --block B or --warmup W, "
                << "each a positive integer, --cpu K, --cpus C,S, --no-pin or --only sdk|raw)\n";
      return std::nullopt;
    }
    ++i;
  }
  return o;
}

// ---- the request ----------------------------------------------------------------------------------

// The Java SDK's sample task, the same the tests use.
ts::CreateDeliveryTaskRequest sampleRequest() { return delivery::test::javaSampleCreate(); }

/// Restricts the calling thread (and threads it starts later) to one CPU; false when that fails.
bool pinCallingThread(long cpu) {
  if (cpu < 0 || cpu >= CPU_SETSIZE) return false;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(static_cast<int>(cpu), &set);
  return sched_setaffinity(0, sizeof set, &set) == 0;
}

// ---- the loopback server --------------------------------------------------------------------------

class LoopbackServer {
 public:
  LoopbackServer() {
    // The service's success headers for an empty body, signed once for the action.
    const delivery::HttpResponse ok =
        delivery::testing::tablestore::emptyOk(kAction, kCredentials, "6b1f3c2a-9d4e-4f70-8a15-2c3b4d5e6f70");
    for (const auto& field : ok.headers) headers_.push_back(field);

    server_.set_keep_alive_max_count(1000000);
    server_.set_keep_alive_timeout(60);
    server_.set_tcp_nodelay(true);
    server_.Post(std::string("/") + kAction, [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ports_.insert(req.remote_port);
        ++requests_;
      }
      res.status = 200;
      for (const auto& [name, value] : headers_) res.set_header(name.c_str(), value);
    });
  }

  ~LoopbackServer() { stop(); }

  /// Binds an ephemeral port on 127.0.0.1 and serves on a background thread (and the worker threads
  /// it starts, all on CPU `cpu` when that is not negative); the port, or -1.
  int start(long cpu) {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) return -1;
    thread_ = std::thread([this, cpu] {
      // Set before the worker pool exists (cpp-httplib creates it in listen): the workers inherit it.
      if (cpu >= 0) pinCallingThread(cpu);
      server_.listen_after_bind();
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server_.is_running()) {
      if (std::chrono::steady_clock::now() > deadline) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return port_;
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  /// The client ports and the request count seen since the previous call, then resets both.
  std::pair<std::set<int>, std::uint64_t> take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::pair<std::set<int>, std::uint64_t> out(std::move(ports_), requests_);
    ports_.clear();
    requests_ = 0;
    return out;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::mutex mutex_;
  std::set<int> ports_;
  std::uint64_t requests_ = 0;
};

// ---- the two clients ------------------------------------------------------------------------------

/// One request; an empty string on success, otherwise why it failed.
using SendOnce = std::function<std::string()>;

/// A single reused easy handle with every option, the header list and the body prepared once.
class RawCurl {
 public:
  RawCurl(const std::string& url, std::string body, const delivery::Headers& headers) : body_(std::move(body)) {
    for (const auto& [name, value] : headers) appendHeader(value.empty() ? name + ";" : name + ": " + value);
    appendHeader("Expect:");
    appendHeader("Content-Type:");
    handle_ = curl_easy_init();
    if (handle_ == nullptr) return;
    curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle_, CURLOPT_POST, 1L);
    curl_easy_setopt(handle_, CURLOPT_POSTFIELDS, body_.data());
    curl_easy_setopt(handle_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
    curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, list_);
    curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &discard);
    curl_easy_setopt(handle_, CURLOPT_ERRORBUFFER, error_);
  }
  ~RawCurl() {
    if (handle_ != nullptr) curl_easy_cleanup(handle_);
    curl_slist_free_all(list_);
  }
  RawCurl(const RawCurl&) = delete;
  RawCurl& operator=(const RawCurl&) = delete;

  bool ok() const { return handle_ != nullptr && list_ != nullptr; }

  std::string send() {
    error_[0] = '\0';
    const CURLcode rc = curl_easy_perform(handle_);
    if (rc != CURLE_OK) return std::string("libcurl: ") + curl_easy_strerror(rc) + (error_[0] ? ": " : "") + error_;
    long status = 0;
    curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) return "HTTP status " + std::to_string(status);
    return {};
  }

 private:
  static std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

  void appendHeader(const std::string& line) {
    if (curl_slist* next = curl_slist_append(list_, line.c_str())) list_ = next;
  }

  std::string body_;
  curl_slist* list_ = nullptr;
  CURL* handle_ = nullptr;
  char error_[CURL_ERROR_SIZE] = {0};
};

// ---- measurement ----------------------------------------------------------------------------------

double clockSeconds(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Sample {
  double wallSeconds = 0;
  double processCpuSeconds = 0;  // client and server threads together
  double threadCpuSeconds = 0;   // the calling thread: the client's own cost
  long requests = 0;

  double requestsPerSecond() const { return static_cast<double>(requests) / wallSeconds; }
  double wallMicrosPerRequest() const { return wallSeconds * 1e6 / static_cast<double>(requests); }
  double threadCpuMicrosPerRequest() const { return threadCpuSeconds * 1e6 / static_cast<double>(requests); }
  double processCpuMicrosPerRequest() const { return processCpuSeconds * 1e6 / static_cast<double>(requests); }

  Sample& operator+=(const Sample& o) {
    wallSeconds += o.wallSeconds;
    processCpuSeconds += o.processCpuSeconds;
    threadCpuSeconds += o.threadCpuSeconds;
    requests += o.requests;
    return *this;
  }
};

struct Side {
  Side(std::string n, SendOnce s) : name(std::move(n)), send(std::move(s)) {}

  std::string name;
  SendOnce send;
  std::vector<Sample> samples;
  std::set<int> ports;           // every client port the server saw for this side
  std::uint64_t serverCount = 0;  // requests the server saw for this side
  long sent = 0;                  // requests this side made
};

/// Runs `n` requests; the first failure is returned in `failure`.
Sample run(Side& side, LoopbackServer& server, long n, std::string& failure) {
  server.take();  // anything before this belongs to nobody
  Sample s;
  const double cpu0 = clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const double thread0 = clockSeconds(CLOCK_THREAD_CPUTIME_ID);
  const auto wall0 = std::chrono::steady_clock::now();
  for (long i = 0; i < n; ++i) {
    failure = side.send();
    if (!failure.empty()) {
      failure = side.name + ": request " + std::to_string(side.sent + i + 1) + " failed: " + failure;
      break;
    }
    ++s.requests;
  }
  const auto wall1 = std::chrono::steady_clock::now();
  s.threadCpuSeconds = clockSeconds(CLOCK_THREAD_CPUTIME_ID) - thread0;
  s.processCpuSeconds = clockSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
  s.wallSeconds = std::chrono::duration<double>(wall1 - wall0).count();
  side.sent += s.requests;
  auto [ports, count] = server.take();
  side.ports.insert(ports.begin(), ports.end());
  side.serverCount += count;
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
}

template <typename F>
double medianOf(const std::vector<Sample>& samples, F field) {
  std::vector<double> v;
  for (const Sample& s : samples) v.push_back(field(s));
  return median(std::move(v));
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string pad(const std::string& s, std::size_t width, bool left = false) {
  if (s.size() >= width) return s;
  return left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
}

void printRow(const std::string& label, const std::string& side, const Sample& s) {
  std::cout << pad(label, 7, true) << pad(side, 12, true) << pad(fixed(s.requestsPerSecond(), 0), 10)
            << pad(fixed(s.wallMicrosPerRequest(), 1), 12) << pad(fixed(s.threadCpuMicrosPerRequest(), 1), 14)
            << pad(fixed(s.processCpuMicrosPerRequest(), 1), 15) << '\n';
}

/// CPU seconds spent busy by the whole machine (all cores, every process) so far, from /proc/stat;
/// negative when unavailable. Compared with this process's own CPU time it shows whether other
/// processes competed for the cores during a run.
double machineBusySeconds() {
  unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  std::FILE* f = std::fopen("/proc/stat", "r");
  if (f == nullptr) return -1;
  const int n = std::fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &user, &nice, &system, &idle, &iowait,
                            &irq, &softirq, &steal);
  std::fclose(f);
  const long tick = sysconf(_SC_CLK_TCK);
  if (n < 4 || tick <= 0) return -1;
  return static_cast<double>(user + nice + system + irq + softirq + steal) / static_cast<double>(tick);
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> options = parseArgs(argc, argv);
  if (!options) return 2;
  if (options->cpu < 0 && options->clientCpu < 0 && !options->noPin) {
    // Default placement: the client on one CPU, the server on another. Left to the scheduler, the
    // two server threads (one per connection, so one per side) land on the client's CPU or not at
    // random, and one side of a run can come out 1.5x faster than the other for that reason alone.
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) >= 2) {
      for (long c = 0; c < CPU_SETSIZE; ++c) {
        if (!CPU_ISSET(static_cast<int>(c), &allowed)) continue;
        if (options->clientCpu < 0) {
          options->clientCpu = c;
        } else {
          options->serverCpu = c;
          break;
        }
      }
    }
  }
  const Options& opt = *options;
  if (opt.cpu >= 0 && !pinCallingThread(opt.cpu)) {
    // Before any thread exists, so that the server's threads inherit the mask.
    std::cerr << "--cpu " << opt.cpu << ": cannot pin to that CPU: " << std::strerror(errno) << '\n';
    return 2;
  }

  LoopbackServer server;
  const int port = server.start(opt.serverCpu);
  if (opt.clientCpu >= 0 && !pinCallingThread(opt.clientCpu)) {
    std::cerr << "--cpus " << opt.clientCpu << "," << opt.serverCpu << ": cannot pin to those CPUs\n";
    return 2;
  }
  if (port <= 0) {
    std::cerr << "cannot start the loopback server on 127.0.0.1\n";
    return 1;
  }
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);
  const ts::CreateDeliveryTaskRequest request = sampleRequest();

  // (a) the SDK, as an application would create it (default CurlTransport, default settings).
  delivery::Result<ts::DeliveryClient> created =
      ts::DeliveryClient::create(endpoint, kInstance, kCredentials, ts::DeliveryClientConfig{});
  if (!created) {
    std::cerr << "DeliveryClient::create failed: " << created.error() << '\n';
    return 1;
  }
  std::optional<ts::DeliveryClient> client(std::move(created).value());

  // (b) one request exactly as the SDK would send it, built and signed once.
  delivery::HttpRequest prepared;
  prepared.method = delivery::HttpMethod::Post;
  prepared.endpoint = delivery::Endpoint::parse(endpoint).value();
  prepared.path = std::string("/") + kAction;
  prepared.body = td::encode(request);
  td::SigningContext signing;
  signing.credentials = kCredentials;
  signing.instanceName = kInstance;
  signing.version = ts::SignatureVersion::V2;
  signing.userAgent = std::string("delivery-cpp-sdk/") + delivery::kVersion;
  td::signRequest(prepared, kAction, signing, std::chrono::system_clock::now(),
                  delivery::detail::base64Encode(delivery::detail::md5(prepared.body)), delivery::detail::randomUuid());
  auto raw = std::make_unique<RawCurl>(prepared.url(), prepared.body, prepared.headers);
  if (!raw->ok()) {
    std::cerr << "cannot set up the raw libcurl handle\n";
    return 1;
  }

  Side sdk{"SDK", [&client, &request]() -> std::string {
             delivery::Result<ts::CreateDeliveryTaskResponse> r = client->createDeliveryTask(request);
             return r ? std::string() : r.error().toString();
           }};
  Side bare{"raw libcurl", [&raw]() { return raw->send(); }};

  std::vector<Side*> sides;
  if (opt.only != "raw") sides.push_back(&sdk);
  if (opt.only != "sdk") sides.push_back(&bare);

  std::cout << "delivery_bench_throughput: sequential CreateDeliveryTask (" << prepared.body.size()
            << "-byte body), one client thread, keep-alive HTTP to " << endpoint << " (in-process server)\n"
            << opt.rounds << " rounds x " << opt.requests << " requests per side, after " << opt.warmup
            << " warm-up requests each; within a round the sides take turns every " << opt.block << " requests\n";
  std::cout << (opt.cpu >= 0         ? "client and server threads pinned to CPU " + std::to_string(opt.cpu)
                : opt.clientCpu >= 0 ? "client thread pinned to CPU " + std::to_string(opt.clientCpu) +
                                           ", server threads to CPU " + std::to_string(opt.serverCpu)
                                     : std::string("threads not pinned (see --cpu, --cpus and --no-pin)"))
            << '\n';
  if (sides.size() == 1) std::cout << "only the " << sides[0]->name << " side runs (--only)\n";
  std::cout << '\n';

  std::string failure;
  auto finish = [&](int code) {
    // Close the clients' connections first so that the server's workers can exit.
    client.reset();
    raw.reset();
    server.stop();
    return code;
  };

  for (Side* side : sides) {
    run(*side, server, opt.warmup, failure);
    if (!failure.empty()) {
      std::cerr << "warm-up failed: " << failure << '\n';
      return finish(1);
    }
  }

  const double busyBefore = machineBusySeconds();
  const double cpuBefore = clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const auto roundsStart = std::chrono::steady_clock::now();
  std::cout << "round  side         req/s   wall us/req  thread CPU us/req  process CPU us/req\n";
  // Within a round the sides take turns every --block requests (the first side alternating from
  // block to block), so that both see the same machine: on a shared virtual machine the speed
  // drifts by several percent within seconds, which would otherwise land on one side only.
  std::vector<double> roundRatios;
  for (long round = 0; round < opt.rounds; ++round) {
    std::vector<Sample> acc(sides.size());
    long block = 0;
    for (long done = 0; done < opt.requests; done += opt.block, ++block) {
      const long n = std::min(opt.block, opt.requests - done);
      for (std::size_t k = 0; k < sides.size(); ++k) {
        const std::size_t index = block % 2 == 0 ? k : sides.size() - 1 - k;
        acc[index] += run(*sides[index], server, n, failure);
        if (!failure.empty()) {
          std::cerr << failure << '\n';
          return finish(1);
        }
      }
    }
    for (std::size_t k = 0; k < sides.size(); ++k) {
      sides[k]->samples.push_back(acc[k]);
      printRow(std::to_string(round + 1), sides[k]->name, acc[k]);
    }
    if (sides.size() == 2) roundRatios.push_back(acc[0].requestsPerSecond() / acc[1].requestsPerSecond());
  }

  const double busyAfter = machineBusySeconds();
  const double cpuAfter = clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
  const double wallRounds = std::chrono::duration<double>(std::chrono::steady_clock::now() - roundsStart).count();

  for (const Side* side : sides) {
    if (side->serverCount != static_cast<std::uint64_t>(side->sent)) {
      std::cerr << side->name << ": sent " << side->sent << " requests but the server saw " << side->serverCount << '\n';
      return finish(1);
    }
  }

  struct Summary {
    double rps, wallUs, threadUs, processUs;
    std::size_t connections;
  };
  auto summarize = [](const Side& s) {
    return Summary{medianOf(s.samples, [](const Sample& x) { return x.requestsPerSecond(); }),
                   medianOf(s.samples, [](const Sample& x) { return x.wallMicrosPerRequest(); }),
                   medianOf(s.samples, [](const Sample& x) { return x.threadCpuMicrosPerRequest(); }),
                   medianOf(s.samples, [](const Sample& x) { return x.processCpuMicrosPerRequest(); }),
                   s.ports.size()};
  };

  std::cout << "\nmedian of " << opt.rounds << " rounds    req/s   wall us/req  thread CPU us/req  process CPU us/req"
            << "  TCP connections\n";
  auto printSummary = [](const char* name, const Summary& s) {
    std::cout << pad(name, 19, true) << pad(fixed(s.rps, 0), 10) << pad(fixed(s.wallUs, 1), 12)
              << pad(fixed(s.threadUs, 1), 14) << pad(fixed(s.processUs, 1), 15) << pad(std::to_string(s.connections), 17)
              << '\n';
  };
  for (const Side* side : sides) printSummary(side->name.c_str(), summarize(*side));
  const double ratio = roundRatios.empty() ? 0.0 : median(roundRatios);
  if (sides.size() == 2) {
    const Summary a = summarize(sdk);
    const Summary b = summarize(bare);
    std::string perRound;
    for (double r : roundRatios) perRound += (perRound.empty() ? "" : " ") + fixed(r, 3);
    std::cout << "\nSDK/raw requests/s:          " << fixed(ratio, 3) << "x (median of the rounds' ratios: " << perRound
              << ")\n"
              << "SDK extra client thread CPU: " << fixed(a.threadUs - b.threadUs, 1) << " us/request\n"
              << "connections (all " << sdk.sent << " SDK / " << bare.sent << " raw requests, warm-up included): "
              << a.connections << " / " << b.connections << '\n';
  }

  if (busyBefore >= 0 && busyAfter >= 0) {
    const double others = std::max(0.0, (busyAfter - busyBefore) - (cpuAfter - cpuBefore));
    const double share = others / wallRounds;
    std::cout << "other processes on this machine during the rounds: " << fixed(others, 2) << " CPU-s in "
              << fixed(wallRounds, 2) << " s (" << fixed(share, 2) << " cores busy)"
              << (share > 0.25 ? ": the figures above are disturbed, run again on a quiet machine" : "") << '\n';
  }
  if (sides.size() == 2) {
    const std::size_t connections = sdk.ports.size();
    std::cout << "\nproject bars (informational, not a test):\n"
              << "  SDK >= 0.9x raw requests/s:            " << (ratio >= 0.9 ? "met" : "NOT MET") << " ("
              << fixed(ratio, 3) << "x)\n"
              << "  one TCP connection for all SDK calls:  " << (connections == 1 ? "met" : "NOT MET") << " ("
              << connections << ")\n";
  }
  return finish(0);
}
