// delivery_bench_micro: CPU cost of the client-side work done for one CreateDeliveryTask call
// before anything reaches the network -- validation, protobuf encoding, the body MD5 and the
// request signature -- as a whole and step by step. The DIS and Kafka cases, with their raw
// baselines, are in micro_huawei.cc; main() prints the SDK/raw ratios at the end.
//
// Inputs are fixed (the Java SDK's sample request, one signing time, one trace id), so every
// iteration does exactly the same work and results are comparable between runs.

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
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

constexpr std::string_view kAction = "CreateDeliveryTask";
const std::string kTraceId = "0d5cfa3e-6f7b-4c1e-9a51-3b2f0c7d9e84";

// 2024-05-06T07:08:09.123Z: any fixed instant will do; it only has to be the same every iteration.
std::chrono::system_clock::time_point fixedNow() {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(1714979289123LL));
}

// The Java SDK's sample task, the same the tests use.
ts::CreateDeliveryTaskRequest sampleRequest() { return delivery::test::javaSampleCreate(); }

td::SigningContext signingContext(ts::SignatureVersion version) {
  td::SigningContext ctx;
  ctx.credentials = delivery::Credentials("bench-access-key-id", "bench-access-key-secret");
  ctx.instanceName = "bench";
  ctx.version = version;
  ctx.region = "cn-hangzhou";
  ctx.userAgent = std::string("delivery-cpp-sdk/") + delivery::kVersion;
  ctx.prepare();  // as DeliveryClient::create does
  return ctx;
}

delivery::Endpoint benchEndpoint() {
  delivery::Endpoint e;
  e.scheme = "https";
  e.host = "bench.cn-hangzhou.ots.aliyuncs.com";
  return e;
}

// The HttpRequest as DeliveryClient prepares it before signing.
delivery::HttpRequest unsignedRequest(const delivery::Endpoint& endpoint, std::string body) {
  delivery::HttpRequest http;
  http.method = delivery::HttpMethod::Post;
  http.endpoint = endpoint;
  http.path = "/";
  http.path += kAction;
  http.body = std::move(body);
  return http;
}

// Aborts the run when the sample does not validate: timing an early-exit path would be meaningless.
void requireValid(const ts::CreateDeliveryTaskRequest& request) {
  if (delivery::Result<void> r = request.validate(); !r) {
    std::cerr << "the sample request fails validation: " << r.error() << '\n';
    std::exit(1);
  }
}

// ---- the whole client-side preparation of one request ------------------------------------------

// As DeliveryClient does it: one request object per thread, reused from call to call (its strings
// keep their capacity), the body encoded into it, the digest and the signature in stack buffers.
void runPipeline(benchmark::State& state, ts::SignatureVersion version) {
  const ts::CreateDeliveryTaskRequest request = sampleRequest();
  requireValid(request);
  const td::SigningContext ctx = signingContext(version);
  const delivery::Endpoint endpoint = benchEndpoint();
  const auto now = fixedNow();
  delivery::HttpRequest http;
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
    http.method = delivery::HttpMethod::Post;
    http.endpoint = endpoint;
    http.path.assign(1, '/');
    http.path += kAction;
    td::encodeInto(request, http.body);
    unsigned char digest[16];
    delivery::detail::md5Into(http.body, digest);
    char contentMd5[delivery::detail::base64Length(sizeof digest)];
    delivery::detail::base64Into(std::string_view(reinterpret_cast<char*>(digest), sizeof digest), contentMd5);
    td::signRequest(http, kAction, ctx, now, std::string_view(contentMd5, sizeof contentMd5), kTraceId);
    benchmark::DoNotOptimize(http);
    benchmark::ClobberMemory();
  }
  state.counters["body_bytes"] = static_cast<double>(http.body.size());
}

void BM_ValidateSerializeSign(benchmark::State& state) { runPipeline(state, ts::SignatureVersion::V2); }
BENCHMARK(BM_ValidateSerializeSign);

void BM_ValidateSerializeSignV4(benchmark::State& state) { runPipeline(state, ts::SignatureVersion::V4); }
BENCHMARK(BM_ValidateSerializeSignV4);

// ---- the steps one by one ----------------------------------------------------------------------

void BM_Validate(benchmark::State& state) {
  const ts::CreateDeliveryTaskRequest request = sampleRequest();
  requireValid(request);
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_Validate);

// Validation of a schema of 40,000 Parquet columns: every rule, the duplicate-name rule among them,
// must stay linear in the number of columns (one hash-set lookup per column, not a comparison
// with every earlier column).
void BM_ValidateWideSchema(benchmark::State& state) {
  ts::CreateDeliveryTaskRequest request = sampleRequest();
  ts::OSSTaskConfig config = *request.getTaskConfig();
  for (int i = 0; i < 40000 - 3; ++i) {
    config.addParquetSchema(ts::ParquetSchema("column" + std::to_string(i), ts::DataType::INT64));
  }
  request.setTaskConfig(config);
  requireValid(request);
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_ValidateWideSchema)->Unit(benchmark::kMillisecond);

void BM_Encode(benchmark::State& state) {
  const ts::CreateDeliveryTaskRequest request = sampleRequest();
  std::string body;
  for (auto _ : state) {
    td::encodeInto(request, body);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_Encode);

void BM_ContentMd5(benchmark::State& state) {
  const std::string body = td::encode(sampleRequest());
  for (auto _ : state) {
    unsigned char digest[16];
    delivery::detail::md5Into(body, digest);
    char text[delivery::detail::base64Length(sizeof digest)];
    delivery::detail::base64Into(std::string_view(reinterpret_cast<char*>(digest), sizeof digest), text);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_ContentMd5);

void runSign(benchmark::State& state, ts::SignatureVersion version) {
  const td::SigningContext ctx = signingContext(version);
  const std::string body = td::encode(sampleRequest());
  const std::string contentMd5 = delivery::detail::base64Encode(delivery::detail::md5(body));
  delivery::HttpRequest http = unsignedRequest(benchEndpoint(), body);
  const auto now = fixedNow();
  for (auto _ : state) {
    // signRequest replaces every header it sets, so the same request can be signed again.
    td::signRequest(http, kAction, ctx, now, contentMd5, kTraceId);
    benchmark::DoNotOptimize(http);
    benchmark::ClobberMemory();
  }
}

void BM_SignV2(benchmark::State& state) { runSign(state, ts::SignatureVersion::V2); }
BENCHMARK(BM_SignV2);

void BM_SignV4(benchmark::State& state) { runSign(state, ts::SignatureVersion::V4); }
BENCHMARK(BM_SignV4);

// ---- other per-call work DeliveryClient does around the above ----------------------------------

// A fresh trace id is generated for every call (not part of the fixed-input pipeline above).
void BM_TraceId(benchmark::State& state) {
  for (auto _ : state) {
    char id[delivery::detail::kUuidLength];
    delivery::detail::randomUuidInto(id);
    benchmark::DoNotOptimize(id);
  }
}
BENCHMARK(BM_TraceId);

// The checks run on every successful response: authorization (HMAC-SHA1) and body MD5.
void BM_CheckResponseAuthorization(benchmark::State& state) {
  const delivery::Credentials creds("bench-access-key-id", "bench-access-key-secret");
  const delivery::Headers h =
      delivery::testing::tablestore::emptyOk(kAction, creds, "5f0c7a1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b").headers;
  if (!td::checkResponseAuthorization(kAction, h, creds.accessKeySecret).empty()) {
    std::cerr << "the prepared response fails its own authorization check\n";
    std::exit(1);
  }
  // DeliveryClient checks with the key state it precomputed once.
  const delivery::detail::HmacKey key(delivery::detail::HmacKey::Algorithm::Sha1, creds.accessKeySecret);
  for (auto _ : state) {
    std::string why = td::checkResponseAuthorization(kAction, h, key);
    benchmark::DoNotOptimize(why);
  }
}
BENCHMARK(BM_CheckResponseAuthorization);

// ---- ratios ------------------------------------------------------------------------------------

/// The console output, plus each benchmark's CPU time per iteration (the median of its
/// repetitions), kept for the ratios printed at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  using benchmark::ConsoleReporter::ConsoleReporter;

  void ReportRuns(const std::vector<Run>& runs) override {
    benchmark::ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      const std::string name = run.run_name.str();
      if (run.run_type == Run::RT_Aggregate) {
        if (run.aggregate_name == "median") medians_[name] = run.GetAdjustedCPUTime();
      } else {
        samples_[name].push_back(run.GetAdjustedCPUTime());
      }
    }
  }

  /// CPU time per iteration of `name`, in the benchmark's unit; negative when it did not run.
  double time(const std::string& name) const {
    if (auto m = medians_.find(name); m != medians_.end()) return m->second;
    auto s = samples_.find(name);
    if (s == samples_.end() || s->second.empty()) return -1;
    std::vector<double> v = s->second;
    std::sort(v.begin(), v.end());
    const std::size_t mid = v.size() / 2;
    return v.size() % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

 private:
  std::map<std::string, double> medians_;
  std::map<std::string, std::vector<double>> samples_;
};

// SDK benchmark, its raw baseline, and the bar the issue sets (0 for none).
struct Ratio {
  const char* sdk;
  const char* raw;
  double bar;
};
constexpr Ratio kRatios[] = {
    {"BM_DisValidateSerializeSign", "BM_RawRapidJsonHmacDis", 1.3},
    {"BM_KafkaValidateSerializeSign", "BM_RawRapidJsonHmacKafka", 1.3},
    {"BM_HuaweiSign", "BM_RawHmacSign", 0},
    {"BM_DisEncode", "BM_RawDisJson", 0},
    {"BM_DisListDecode/1", "BM_RawRapidJsonDisList/1", 0},
    {"BM_DisListDecode/10", "BM_RawRapidJsonDisList/10", 0},
    {"BM_DisListDecode/100", "BM_RawRapidJsonDisList/100", 0},
    {"BM_KafkaListDecode/1", "BM_RawRapidJsonKafkaList/1", 0},
    {"BM_KafkaListDecode/10", "BM_RawRapidJsonKafkaList/10", 0},
    {"BM_KafkaListDecode/100", "BM_RawRapidJsonKafkaList/100", 0},
};

void printRatios(const RatioReporter& reporter) {
  bool header = false;
  for (const Ratio& r : kRatios) {
    const double sdk = reporter.time(r.sdk), raw = reporter.time(r.raw);
    if (sdk <= 0 || raw <= 0) continue;  // filtered out
    if (!header) {
      std::cout << "\nSDK/raw (CPU time per iteration; medians when repeated):\n";
      header = true;
    }
    char line[200];
    std::snprintf(line, sizeof line, "  %-30s / %-28s %6.2fx", r.sdk, r.raw, sdk / raw);
    std::cout << line;
    if (r.bar > 0) std::cout << (sdk / raw <= r.bar ? "  (bar <= " : "  (NOT within the bar <= ") << r.bar << "x)";
    std::cout << '\n';
  }
}

}  // namespace

// BENCHMARK_MAIN, with the ratios of the SDK benchmarks to their raw baselines printed at the end.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter(isatty(STDOUT_FILENO) != 0 ? benchmark::ConsoleReporter::OO_ColorTabular
                                                    : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  printRatios(reporter);
  benchmark::Shutdown();
  return 0;
}
