// delivery_bench_throughput: sequential create calls over keep-alive HTTP on loopback, for each
// family -- Tablestore CreateDeliveryTask (DeliveryClient), DIS CreateTransferTask (DisClient) and
// DMS Kafka CreateSinkTask (KafkaClient), each with its default CurlTransport -- against a bare
// libcurl loop sending the same bytes.
//
// One in-process cpp-httplib server answers both clients of a family identically with a fixed
// success response (it never checks request signatures, so its cost per request does not depend
// on which client is calling). Both clients run on the main thread, one request at a time, taking
// turns in blocks within each round; the medians of the rounds are reported, family by family.
//
//   delivery_bench_throughput [--family tablestore|dis|kafka|all] [--requests N] [--rounds R]
//                             [--block B] [--warmup W] [--cpu K | --cpus C,S | --no-pin]
//                             [--only sdk|raw] [--sdk-side client|transport]
//
// --sdk-side transport replaces the SDK's client with its CurlTransport alone, sending the request
// the client would send (built and signed once, as the raw side's): the SDK side's gap to the raw
// side then splits into the transport's share and the client layer's (validation, body, signature,
// retry pipeline, response decoding).
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
#include "delivery/core/curl_transport.h"
#include "delivery/core/http.h"
#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/tablestore/model.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "delivery/version.h"
#include "raw_curl.h"
#include "support/samples.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

namespace {

namespace ts = delivery::tablestore;
namespace td = delivery::tablestore::detail;

constexpr const char* kAction = "CreateDeliveryTask";
constexpr const char* kInstance = "bench";
const delivery::Credentials kCredentials("bench-access-key-id", "bench-access-key-secret");

// The Huawei families: the project id, stream and connector of the golden request files.
constexpr const char* kProjectId = "77b6a44cba5143ab91d13ab9a8ff44fd";
constexpr const char* kStream = "stream-test";
constexpr const char* kConnectorId = "55b78880-9077-4c74-ad5a-6868555f76a4";
constexpr const char* kSinkTaskId = "2962882a-386c-4c9d-bb59-3b4f55d82961";
constexpr const char* kHuaweiRequestId = "0a6f2c3e9b8d4e5f8a1b2c3d4e5f6a7b";
const delivery::huawei::HuaweiCredentials kHuaweiCredentials =
    delivery::huawei::HuaweiCredentials::withAkSk("bench-access-key-id", "bench-secret-access-key", kProjectId);

constexpr const char* kFamilies[] = {"tablestore", "dis", "kafka"};

// ---- command line ---------------------------------------------------------------------------------

struct Options {
  long requests = 2000;
  long rounds = 5;
  long block = 50;  // requests per side before switching to the other side
  long warmup = 200;
  std::string only;  // "", "sdk" or "raw": run one side alone (for profiling)
  bool transportOnly = false;  // --sdk-side transport: the SDK side is CurlTransport::send alone
  std::string family = "all";  // "tablestore", "dis", "kafka" or "all"
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
    if (arg == "--family" && i + 1 < argc) {
      const std::string v = argv[i + 1];
      if (v == "all" || std::find(std::begin(kFamilies), std::end(kFamilies), v) != std::end(kFamilies)) {
        o.family = v;
        ++i;
        continue;
      }
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << "usage: " << argv[0]
                << " [--family tablestore|dis|kafka|all (all)]\n"
                << "       [--requests N (2000)] [--rounds R (5)] [--block B (50)] [--warmup W (200)]\n"
                << "       [--cpu K | --cpus C,S | --no-pin] [--only sdk|raw] [--sdk-side client|transport]\n"
                << "  --family F  measure one family (default: all three, one after the other)\n"
                << "  --block B   within a round, the sides take turns every B requests\n"
                << "  --cpu K     pin the client and the server threads to CPU K\n"
                << "  --cpus C,S  pin the client thread to CPU C and the server's threads to CPU S\n"
                << "              (default: the first two CPUs this process may use, when there are two)\n"
                << "  --no-pin    leave thread placement to the scheduler\n"
                << "  --only S    run one side alone, e.g. under a profiler\n"
                << "  --sdk-side transport\n"
                << "              the SDK side sends the prepared request through a CurlTransport, without\n"
                << "              the client: what the transport alone costs against the raw side\n";
      std::exit(0);
    }
    if (arg == "--sdk-side" && i + 1 < argc &&
        (std::strcmp(argv[i + 1], "client") == 0 || std::strcmp(argv[i + 1], "transport") == 0)) {
      o.transportOnly = std::strcmp(argv[++i], "transport") == 0;
      continue;
    }
    if (arg == "--only" && i + 1 < argc && (std::strcmp(argv[i + 1], "sdk") == 0 || std::strcmp(argv[i + 1], "raw") == 0)) {
      o.only = argv[++i];
      continue;
    }
    if (target == nullptr || i + 1 >= argc || !parsePositive(argv[i + 1], *target)) {
      std::cerr << argv[0] << ": bad argument '" << arg << "' (expected --requests N, --rounds R, --block B or --warmup W, "
                << "each a positive integer, --family tablestore|dis|kafka|all, --cpu K, --cpus C,S, --no-pin or "
                << "--only sdk|raw, --sdk-side client|transport)\n";
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
    // Tablestore: the service's success headers for an empty body, signed once for the action.
    const delivery::HttpResponse ok =
        delivery::testing::tablestore::emptyOk(kAction, kCredentials, "6b1f3c2a-9d4e-4f70-8a15-2c3b4d5e6f70");
    for (const auto& field : ok.headers) headers_.push_back(field);
    kafkaCreated_ = std::string(R"({"task_id":")") + kSinkTaskId + "\"}";

    server_.set_keep_alive_max_count(1000000);
    server_.set_keep_alive_timeout(60);
    server_.set_tcp_nodelay(true);
    server_.Post(std::string("/") + kAction, [this](const httplib::Request& req, httplib::Response& res) {
      count(req);
      res.status = 200;
      for (const auto& [name, value] : headers_) res.set_header(name.c_str(), value);
    });
    // DIS CreateTransferTask: 201 with an empty body.
    server_.Post(std::string("/v2/") + kProjectId + "/streams/[^/]+/transfer-tasks",
                 [this](const httplib::Request& req, httplib::Response& res) {
                   count(req);
                   res.status = 201;
                   res.set_header("X-Request-Id", kHuaweiRequestId);
                 });
    // DMS Kafka CreateSinkTask: 200 with the new task's id.
    server_.Post(std::string("/v2/") + kProjectId + "/connectors/[^/]+/sink-tasks",
                 [this](const httplib::Request& req, httplib::Response& res) {
                   count(req);
                   res.status = 200;
                   res.set_header("X-Request-Id", kHuaweiRequestId);
                   res.set_content(kafkaCreated_, "application/json");
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

  struct Seen {
    std::set<int> ports;          // the client ports
    std::uint64_t requests = 0;
    std::uint64_t requestBytes = 0;  // request line, header fields and body, as parsed
  };
  /// What the server saw since the previous call, then forgets it.
  Seen take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Seen out = std::move(seen_);
    seen_ = Seen{};
    return out;
  }

 private:
  void count(const httplib::Request& req) {
    // cpp-httplib adds the peer's and its own address as pseudo header fields; they are not sent.
    std::uint64_t bytes = req.method.size() + req.target.size() + req.version.size() + 4 + req.body.size();
    for (const auto& [name, value] : req.headers) {
      if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT") {
        bytes += name.size() + value.size() + 4;
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    seen_.ports.insert(req.remote_port);
    ++seen_.requests;
    seen_.requestBytes += bytes;
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::string kafkaCreated_;
  std::mutex mutex_;
  Seen seen_;
};

// ---- the two clients ------------------------------------------------------------------------------

/// One request; an empty string on success, otherwise why it failed.
using SendOnce = std::function<std::string()>;

/// A single reused easy handle with every option, the header list and the body of one POST
/// prepared once; `status` is the success status the service answers with.
class RawCurl {
 public:
  RawCurl(const std::string& url, std::string body, const delivery::Headers& headers, long status = 200)
      : body_(std::move(body)), status_(status), list_(bench::rawHeaderList(headers)) {
    handle_ = curl_easy_init();
    if (handle_ == nullptr) return;
    bench::setUpRawPost(handle_, url, body_, list_);
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
    if (status != status_) return "HTTP status " + std::to_string(status);
    return {};
  }

 private:
  std::string body_;
  long status_ = 200;
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
  std::uint64_t serverBytes = 0;  // request bytes the server parsed for this side
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
  LoopbackServer::Seen seen = server.take();
  side.ports.insert(seen.ports.begin(), seen.ports.end());
  side.serverCount += seen.requests;
  side.serverBytes += seen.requestBytes;
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

// ---- one family's pair of clients ---------------------------------------------------------------

/// One family's SDK client and the raw loop sending the bytes that client sends.
struct Family {
  std::string name;       // "tablestore", "dis", "kafka"
  std::string operation;  // "CreateDeliveryTask", ...
  std::size_t bodyBytes = 0;
  std::unique_ptr<RawCurl> raw;
  delivery::HttpRequest prepared;  // what the raw side sends: the SDK's request, built and signed once
  // The SDK client, behind a send function; reset() closes its connection.
  std::function<std::string()> sdkSend;
  std::function<void()> closeSdk;
};

std::string failedCall(const delivery::Error& e) { return e.toString(); }

std::optional<Family> tablestoreFamily(const std::string& endpoint, std::string& why) {
  Family f;
  f.name = "tablestore";
  f.operation = kAction;
  // (a) the SDK, as an application would create it (default CurlTransport, default settings).
  delivery::Result<ts::DeliveryClient> created =
      ts::DeliveryClient::create(endpoint, kInstance, kCredentials, ts::DeliveryClientConfig{});
  if (!created) {
    why = "DeliveryClient::create failed: " + created.error().toString();
    return std::nullopt;
  }
  auto client = std::make_shared<std::optional<ts::DeliveryClient>>(std::move(created).value());
  auto request = std::make_shared<ts::CreateDeliveryTaskRequest>(sampleRequest());

  // (b) one request exactly as the SDK would send it, built and signed once.
  delivery::HttpRequest prepared;
  prepared.method = delivery::HttpMethod::Post;
  prepared.endpoint = delivery::Endpoint::parse(endpoint).value();
  prepared.path = std::string("/") + kAction;
  prepared.body = td::encode(*request);
  td::SigningContext signing;
  signing.credentials = kCredentials;
  signing.instanceName = kInstance;
  signing.version = ts::SignatureVersion::V2;
  signing.userAgent = std::string("delivery-cpp-sdk/") + delivery::kVersion;
  td::signRequest(prepared, kAction, signing, std::chrono::system_clock::now(),
                  delivery::detail::base64Encode(delivery::detail::md5(prepared.body)), delivery::detail::randomUuid());
  f.bodyBytes = prepared.body.size();
  f.raw = std::make_unique<RawCurl>(prepared.url(), prepared.body, prepared.headers);
  f.prepared = prepared;
  f.sdkSend = [client, request]() -> std::string {
    delivery::Result<ts::CreateDeliveryTaskResponse> r = (*client)->createDeliveryTask(*request);
    return r ? std::string() : failedCall(r.error());
  };
  f.closeSdk = [client] { client->reset(); };
  return f;
}

/// The request `send` makes through a client created by `create` on a MockTransport: what that
/// client sends, byte for byte, when it is created on the default transport instead.
template <typename Config, typename Create, typename Send>
std::optional<delivery::HttpRequest> capture(const std::string& endpoint, int status, std::string body, Create create,
                                             Send send, std::string& why) {
  auto mock = std::make_shared<delivery::testing::MockTransport>();
  delivery::Headers headers;
  headers.add("X-Request-Id", kHuaweiRequestId);
  if (!body.empty()) headers.add("Content-Type", "application/json");
  mock->enqueueResponse(status, headers, std::move(body));
  Config config;
  config.endpoint = endpoint;
  config.transport = mock;
  auto client = create(kHuaweiCredentials, config);
  if (!client) {
    why = "cannot create the client: " + client.error().toString();
    return std::nullopt;
  }
  if (auto r = send(*client); !r) {
    why = "the captured call failed: " + r.error().toString();
    return std::nullopt;
  }
  return mock->lastRequest();
}

template <typename Client, typename Config, typename Request, typename Call>
std::optional<Family> huaweiFamily(std::string name, std::string operation, const std::string& endpoint, int status,
                                   std::string responseBody, Request request, Call call, std::string& why) {
  auto create = [](const delivery::huawei::HuaweiCredentials& c, const Config& config) { return Client::create(c, config); };
  auto shared = std::make_shared<Request>(std::move(request));
  auto send = [shared, call](const Client& client) { return call(client, *shared); };
  // (b) the raw side: the bytes one SDK call sends, captured once.
  std::optional<delivery::HttpRequest> sent = capture<Config>(endpoint, status, responseBody, create, send, why);
  if (!sent) return std::nullopt;
  // (a) the SDK, as an application would create it (default CurlTransport, default settings).
  Config config;
  config.endpoint = endpoint;
  auto created = Client::create(kHuaweiCredentials, config);
  if (!created) {
    why = "cannot create the client: " + created.error().toString();
    return std::nullopt;
  }
  auto client = std::make_shared<std::optional<Client>>(std::move(created).value());
  Family f;
  f.name = std::move(name);
  f.operation = std::move(operation);
  f.bodyBytes = sent->body.size();
  f.raw = std::make_unique<RawCurl>(sent->url(), sent->body, sent->headers, status);
  f.prepared = *sent;
  f.sdkSend = [client, send]() -> std::string {
    auto r = send(**client);
    return r ? std::string() : failedCall(r.error());
  };
  f.closeSdk = [client] { client->reset(); };
  return f;
}

std::optional<Family> disFamily(const std::string& endpoint, std::string& why) {
  return huaweiFamily<delivery::dis::DisClient, delivery::dis::DisClientConfig>(
      "dis", "CreateTransferTask", endpoint, 201, "", delivery::test::disDwsSeedCreate(kStream),
      [](const delivery::dis::DisClient& c, const delivery::dis::CreateTransferTaskRequest& r) {
        return c.createTransferTask(r);
      },
      why);
}

std::optional<Family> kafkaFamily(const std::string& endpoint, std::string& why) {
  return huaweiFamily<delivery::kafka::KafkaClient, delivery::kafka::KafkaClientConfig>(
      "kafka", "CreateSinkTask", endpoint, 200, std::string(R"({"task_id":")") + kSinkTaskId + "\"}",
      delivery::test::kafkaObsSinkSeed(kConnectorId),
      [](const delivery::kafka::KafkaClient& c, const delivery::kafka::CreateSinkTaskRequest& r) {
        return c.createSinkTask(r);
      },
      why);
}

// ---- one family's measurement ------------------------------------------------------------------

/// Runs the warm-up and the rounds of one family and prints its figures; the median of the rounds'
/// SDK/raw ratios (0 with one side), or nullopt when a request failed (printed).
std::optional<double> measure(Family& family, LoopbackServer& server, const Options& opt, const std::string& endpoint) {
  Side sdk{"SDK", family.sdkSend};
  if (opt.transportOnly) {
    // The SDK's transport alone, with its default options, sending the raw side's request.
    auto transport = std::make_shared<delivery::CurlTransport>();
    auto request = std::make_shared<const delivery::HttpRequest>(family.prepared);
    sdk.name = "SDK transport";
    sdk.send = [transport, request]() -> std::string {
      delivery::Result<delivery::HttpResponse> r = transport->send(*request);
      if (!r) return failedCall(r.error());
      return r->status / 100 == 2 ? std::string() : "HTTP " + std::to_string(r->status);
    };
  }
  Side bare{"raw libcurl", [&family]() { return family.raw->send(); }};
  std::vector<Side*> sides;
  if (opt.only != "raw") sides.push_back(&sdk);
  if (opt.only != "sdk") sides.push_back(&bare);

  std::cout << "delivery_bench_throughput: sequential " << family.operation << " (" << family.bodyBytes
            << "-byte body), one client thread, keep-alive HTTP to " << endpoint << " (in-process server)\n"
            << opt.rounds << " rounds x " << opt.requests << " requests per side, after " << opt.warmup
            << " warm-up requests each; within a round the sides take turns every " << opt.block << " requests\n";
  std::cout << (opt.cpu >= 0         ? "client and server threads pinned to CPU " + std::to_string(opt.cpu)
                : opt.clientCpu >= 0 ? "client thread pinned to CPU " + std::to_string(opt.clientCpu) +
                                           ", server threads to CPU " + std::to_string(opt.serverCpu)
                                     : std::string("threads not pinned (see --cpu, --cpus and --no-pin)"))
            << '\n';
  if (sides.size() == 1) std::cout << "only the " << sides[0]->name << " side runs (--only)\n";
  if (opt.transportOnly) {
    std::cout << "the SDK side is its CurlTransport alone, sending the raw side's request (--sdk-side transport)\n";
  }
  std::cout << '\n';

  std::string failure;
  for (Side* side : sides) {
    run(*side, server, opt.warmup, failure);
    if (!failure.empty()) {
      std::cerr << family.name << ": warm-up failed: " << failure << '\n';
      return std::nullopt;
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
          std::cerr << family.name << ": " << failure << '\n';
          return std::nullopt;
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
      std::cerr << family.name << ": " << side->name << ": sent " << side->sent << " requests but the server saw "
                << side->serverCount << '\n';
      return std::nullopt;
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
    auto perCall = [](const Side& s) { return fixed(static_cast<double>(s.serverBytes) / static_cast<double>(s.sent), 0); };
    std::cout << "\nSDK/raw requests/s:          " << fixed(ratio, 3) << "x (median of the rounds' ratios: " << perRound
              << ")\n"
              << "SDK extra client thread CPU: " << fixed(a.threadUs - b.threadUs, 1) << " us/request\n"
              << "connections (all " << sdk.sent << " SDK / " << bare.sent << " raw requests, warm-up included): "
              << a.connections << " / " << b.connections << '\n'
              << "request bytes per call as the server parsed them, SDK / raw: " << perCall(sdk) << " / " << perCall(bare)
              << '\n';
  }

  if (busyBefore >= 0 && busyAfter >= 0) {
    const double others = std::max(0.0, (busyAfter - busyBefore) - (cpuAfter - cpuBefore));
    const double share = others / wallRounds;
    std::cout << "other processes on this machine during the rounds: " << fixed(others, 2) << " CPU-s in "
              << fixed(wallRounds, 2) << " s (" << fixed(share, 2) << " cores busy)"
              << (share > 0.25 ? ": the figures above are disturbed, run again on a quiet machine" : "") << '\n';
  }
  if (sides.size() == 2 && !opt.transportOnly) {  // (the bars are about the whole SDK)
    const std::size_t connections = sdk.ports.size();
    std::cout << "\nproject bars (informational, not a test):\n"
              << "  SDK >= 0.95x raw requests/s:           " << (ratio >= 0.95 ? "met" : "NOT MET") << " ("
              << fixed(ratio, 3) << "x)\n"
              << "  one TCP connection for all SDK calls:  " << (connections == 1 ? "met" : "NOT MET") << " ("
              << connections << ")\n";
  }
  return ratio;
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

  std::vector<Family> families;
  auto finish = [&](int code) {
    // Close the clients' connections first so that the server's workers can exit.
    for (Family& f : families) {
      if (f.closeSdk) f.closeSdk();
      f.raw.reset();
    }
    server.stop();
    return code;
  };
  for (const char* name : kFamilies) {
    if (opt.family != "all" && opt.family != name) continue;
    std::string why;
    std::optional<Family> f = std::string(name) == "tablestore" ? tablestoreFamily(endpoint, why)
                              : std::string(name) == "dis"      ? disFamily(endpoint, why)
                                                                : kafkaFamily(endpoint, why);
    if (!f) {
      std::cerr << name << ": " << why << '\n';
      return finish(1);
    }
    if (!f->raw->ok()) {
      std::cerr << name << ": cannot set up the raw libcurl handle\n";
      return finish(1);
    }
    families.push_back(std::move(*f));
  }

  std::vector<std::pair<std::string, double>> ratios;
  for (std::size_t k = 0; k < families.size(); ++k) {
    if (families.size() > 1) std::cout << (k == 0 ? "" : "\n") << "==== " << families[k].name << " ====\n";
    std::optional<double> ratio = measure(families[k], server, opt, endpoint);
    if (!ratio) return finish(1);
    ratios.emplace_back(families[k].name, *ratio);
  }
  if (families.size() > 1 && opt.only.empty()) {
    std::cout << (opt.transportOnly ? "\nSDK transport/raw requests/s by family (median of each family's rounds):\n"
                                    : "\nSDK/raw requests/s by family (median of each family's rounds; bar >= 0.95):\n");
    for (const auto& [name, ratio] : ratios) {
      const bool judged = !opt.transportOnly && ratio < 0.95;
      std::cout << "  " << pad(name, 11, true) << fixed(ratio, 3) << "x" << (judged ? "  NOT MET" : "") << '\n';
    }
  }
  return finish(0);
}
