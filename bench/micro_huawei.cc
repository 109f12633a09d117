// delivery_bench_micro, Huawei half: the CPU cost of the client-side work done for one DIS
// CreateTransferTask and one DMS Kafka CreateSinkTask call before anything reaches the network --
// validation, the JSON body and the SDK-HMAC-SHA256 signature -- against a bare loop that does the
// least any implementation must do for the same bytes (a rapidjson::Writer and raw OpenSSL calls),
// and the cost of decoding list responses.
//
// Inputs are fixed (the seed requests of tests/support/samples.h, one signing time), so every
// iteration does the same work. Before any benchmark runs, the SDK side and the raw side are checked
// to produce the same body and the same Authorization value: the raw loop does exactly the work the
// SDK does, no more and no less.

// The raw side uses OpenSSL's SHA-256 functions directly, as a hand-written loop would.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <benchmark/benchmark.h>
#include <openssl/sha.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "core/operation.h"
#include "delivery/core/http.h"
#include "delivery/dis/client.h"
#include "delivery/dis/model.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/kafka/client.h"
#include "delivery/kafka/model.h"
#include "dis/codec.h"
#include "huawei/service.h"
#include "huawei/signer.h"
#include "kafka/codec.h"
#include "support/samples.h"

namespace {

namespace dd = delivery::dis::detail;
namespace kd = delivery::kafka::detail;
namespace hd = delivery::huawei::detail;

constexpr const char* kAccessKey = "bench-access-key-id";
constexpr const char* kSecretKey = "bench-secret-access-key";
constexpr const char* kProjectId = "77b6a44cba5143ab91d13ab9a8ff44fd";
constexpr const char* kStream = "stream-test";
constexpr const char* kConnectorId = "55b78880-9077-4c74-ad5a-6868555f76a4";

// 2024-05-06T07:08:09Z: any fixed instant will do; it only has to be the same every iteration.
std::chrono::system_clock::time_point fixedNow() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1714979289LL));
}

[[noreturn]] void fail(const std::string& why) {
  std::cerr << "delivery_bench_micro: " << why << '\n';
  std::exit(1);
}

// The protocol object DisClient and KafkaClient hold (endpoint, path prefix, keyed secret, user agent).
hd::Protocol makeProtocol(const char* service) {
  delivery::huawei::HuaweiClientConfig config;
  config.region = "cn-north-4";
  auto p = hd::Protocol::create(delivery::huawei::HuaweiCredentials::withAkSk(kAccessKey, kSecretKey, kProjectId),
                                config, service, "UNUSED_ENDPOINT_VARIABLE");
  if (!p) fail(std::string("cannot create the ") + service + " protocol: " + p.error().toString());
  return std::move(p).value();
}

// ---- the SDK side: what invoke() does for one call, up to and including the first signature ------

// As delivery::detail::invoke and the two clients' operation tables do it, on one request reused
// from call to call (as the per-thread request lease is).
struct DisCall {
  hd::Protocol protocol = makeProtocol("dis");
  dd::EncodeOptions options;  // DisClientConfig's defaults

  void run(const delivery::dis::CreateTransferTaskRequest& request, delivery::HttpRequest& http,
           std::chrono::system_clock::time_point now) const {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
    http.method = delivery::HttpMethod::Post;
    http.query.clear();
    http.body.clear();
    dd::encodeTaskBodyInto(request.getDescriptor(), options, http.body);
    hd::Protocol::CallState state;
    protocol.start("CreateTransferTask", http, state);
    delivery::detail::operations::appendPath(http.path, "/streams/",
                                             delivery::detail::operations::Param{request.getStreamName()},
                                             "/transfer-tasks");
    delivery::Result<void> signedOk = protocol.sign(http, state, now);
    benchmark::DoNotOptimize(signedOk);
  }
};

struct KafkaCall {
  hd::Protocol protocol = makeProtocol("dms");

  void run(const delivery::kafka::CreateSinkTaskRequest& request, delivery::HttpRequest& http,
           std::chrono::system_clock::time_point now) const {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
    http.method = delivery::HttpMethod::Post;
    http.query.clear();
    http.body.clear();
    kd::encodeCreateInto(request, http.body);
    hd::Protocol::CallState state;
    protocol.start("CreateSinkTask", http, state);
    delivery::detail::operations::appendPath(http.path, "/connectors/",
                                             delivery::detail::operations::Param{request.getConnectorId()},
                                             "/sink-tasks");
    delivery::Result<void> signedOk = protocol.sign(http, state, now);
    benchmark::DoNotOptimize(signedOk);
  }
};

// ---- the raw side: a bare rapidjson::Writer and raw OpenSSL calls --------------------------------

/// HMAC-SHA256 with the key's ipad and opad blocks absorbed once (RFC 2104).
class RawHmacSha256 {
 public:
  explicit RawHmacSha256(std::string_view key) {
    unsigned char k[64] = {0};
    if (key.size() > sizeof k) {
      SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), k);
    } else {
      std::memcpy(k, key.data(), key.size());
    }
    unsigned char ipad[64], opad[64];
    for (std::size_t i = 0; i < 64; ++i) {
      ipad[i] = static_cast<unsigned char>(k[i] ^ 0x36);
      opad[i] = static_cast<unsigned char>(k[i] ^ 0x5c);
    }
    SHA256_Init(&inner_);
    SHA256_Update(&inner_, ipad, 64);
    SHA256_Init(&outer_);
    SHA256_Update(&outer_, opad, 64);
  }
  void mac(const void* data, std::size_t n, unsigned char out[32]) const {
    unsigned char innerDigest[32];
    SHA256_CTX c = inner_;
    SHA256_Update(&c, data, n);
    SHA256_Final(innerDigest, &c);
    c = outer_;
    SHA256_Update(&c, innerDigest, 32);
    SHA256_Final(out, &c);
  }

 private:
  SHA256_CTX inner_{}, outer_{};
};

void rawHex(const unsigned char* bytes, std::size_t n, char* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 15];
  }
}

/// "20240506T070809Z" (UTC); the civil-from-days algorithm, with no lock and no locale.
void rawSdkDate(std::chrono::system_clock::time_point t, char out[16]) {
  const std::int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  std::int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  auto put = [](char* p, std::int64_t v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
  };
  put(out, year, 4);
  put(out + 4, month, 2);
  put(out + 6, day, 2);
  out[8] = 'T';
  put(out + 9, rem / 3600, 2);
  put(out + 11, rem / 60 % 60, 2);
  put(out + 13, rem % 60, 2);
  out[15] = 'Z';
}

/// The least work an SDK-HMAC-SHA256 signature of a JSON POST takes: SHA-256 of the body, the
/// canonical request in a reused buffer (the path's segments need no escaping here), SHA-256 of it,
/// the string to sign, the HMAC with the prepared key and the Authorization value.
struct RawSigner {
  RawHmacSha256 key{kSecretKey};
  std::string host;     // "dis.cn-north-4.myhuaweicloud.com"
  std::string path;     // "/v2/{project}/streams/{stream}/transfer-tasks", no trailing '/'
  std::string canonical;
  std::string authorization;

  void sign(std::string_view body, std::chrono::system_clock::time_point now) {
    char date[16];
    rawSdkDate(now, date);
    unsigned char digest[32];
    char bodyHex[64];
    SHA256_CTX c;
    SHA256_Init(&c);
    SHA256_Update(&c, body.data(), body.size());
    SHA256_Final(digest, &c);
    rawHex(digest, 32, bodyHex);
    canonical.clear();
    canonical.append("POST\n").append(path).append("/\n\nhost:").append(host);
    canonical.append("\nx-project-id:").append(kProjectId).append("\nx-sdk-date:").append(date, 16);
    canonical.append("\n\nhost;x-project-id;x-sdk-date\n").append(bodyHex, 64);
    char sts[16 + 16 + 1 + 64];
    std::memcpy(sts, "SDK-HMAC-SHA256\n", 16);
    std::memcpy(sts + 16, date, 16);
    sts[32] = '\n';
    SHA256_Init(&c);
    SHA256_Update(&c, canonical.data(), canonical.size());
    SHA256_Final(digest, &c);
    rawHex(digest, 32, sts + 33);
    unsigned char mac[32];
    key.mac(sts, sizeof sts, mac);
    char signature[64];
    rawHex(mac, 32, signature);
    authorization.assign("SDK-HMAC-SHA256 Access=").append(kAccessKey);
    authorization.append(", SignedHeaders=host;x-project-id;x-sdk-date, Signature=").append(signature, 64);
  }
};

using RawWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put(RawWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void put(RawWriter& w, const char* key, int value) {
  w.Key(key);
  w.Int(value);
}

/// Seed 004's DWS task as a hand-written program would hold it: plain strings, no model.
struct RawDwsTask {
  std::string taskName = "dwstask", agencyName = "dis_admin_agency", consumerStrategy = "LATEST";
  int deliverTimeInterval = 60;
  std::string clusterName = "dwscluster", clusterId = "f82dc227-3691-47eb-bca7-e7851f509b2a";
  std::string database = "postgres", schema = "dbadmin", table = "dwstablename", delimiter = ",";
  std::string userName = "dbadmin", userPassword = "userpassword", kmsKeyName = "kmskey";
  std::string kmsKeyId = "1e759f06-9188-4d21-afab-a75e57c04d2b", obsBucketPath = "obsbucket", filePrefix;
  int retryDuration = 1800;
  std::string fillMissingFields = "false", ignoreExtraData = "false", compatibleIllegalChars = "false";

  void write(RawWriter& w) const {
    w.StartObject();
    w.Key("destination_type");
    w.String("DWS");
    w.Key("dws_destination_descriptor");
    w.StartObject();
    put(w, "task_name", taskName);
    put(w, "agency_name", agencyName);
    put(w, "deliver_time_interval", deliverTimeInterval);
    put(w, "consumer_strategy", consumerStrategy);
    put(w, "dws_cluster_name", clusterName);
    put(w, "dws_cluster_id", clusterId);
    put(w, "dws_database_name", database);
    put(w, "dws_schema", schema);
    put(w, "dws_table_name", table);
    put(w, "dws_delimiter", delimiter);
    put(w, "user_name", userName);
    put(w, "user_password", userPassword);
    put(w, "kms_user_key_name", kmsKeyName);
    put(w, "kms_user_key_id", kmsKeyId);
    put(w, "obs_bucket_path", obsBucketPath);
    put(w, "file_prefix", filePrefix);
    put(w, "retry_duration", retryDuration);
    w.Key("options");
    w.StartObject();
    put(w, "fill_missing_fields", fillMissingFields);
    put(w, "ignore_extra_data", ignoreExtraData);
    put(w, "compatible_illegal_chars", compatibleIllegalChars);
    w.EndObject();
    w.EndObject();
    w.EndObject();
  }
};

/// Seed 003's OBS sink task, the same way.
struct RawSinkTask {
  std::string taskName = "obsTransfer-1122976956", topics = "topic-test", consumerStrategy = "earliest";
  std::string fileType = "TEXT", accessKey = "XXXXXXXXXXXXXXXXXXXX";
  std::string secretKey = "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", bucket = "6666";
  std::string obsPath = "obsTransfer-1122976956", partitionFormat = "yyyy/MM/dd/HH/mm", recordDelimiter = "\n";
  int deliverTimeInterval = 300;

  void write(RawWriter& w) const {
    w.StartObject();
    w.Key("source_type");
    w.String("BLOB");
    put(w, "task_name", taskName);
    w.Key("destination_type");
    w.String("OBS");
    w.Key("obs_destination_descriptor");
    w.StartObject();
    put(w, "topics", topics);
    put(w, "consumer_strategy", consumerStrategy);
    put(w, "destination_file_type", fileType);
    put(w, "access_key", accessKey);
    put(w, "secret_key", secretKey);
    put(w, "obs_bucket_name", bucket);
    put(w, "obs_path", obsPath);
    put(w, "partition_format", partitionFormat);
    put(w, "record_delimiter", recordDelimiter);
    put(w, "deliver_time_interval", deliverTimeInterval);
    w.EndObject();
    w.EndObject();
  }
};

/// One raw request loop: the body written into a reused buffer by a reused writer, then signed.
template <typename Task>
struct RawCall {
  Task task;
  rapidjson::StringBuffer body;
  RawWriter writer{body};
  RawSigner signer;

  RawCall(std::string host, std::string path) {
    signer.host = std::move(host);
    signer.path = std::move(path);
  }
  void run(std::chrono::system_clock::time_point now) {
    body.Clear();
    writer.Reset(body);
    task.write(writer);
    signer.sign(std::string_view(body.GetString(), body.GetSize()), now);
  }
};

RawCall<RawDwsTask> rawDisCall() {
  return RawCall<RawDwsTask>("dis.cn-north-4.myhuaweicloud.com",
                             std::string("/v2/") + kProjectId + "/streams/" + kStream + "/transfer-tasks");
}
RawCall<RawSinkTask> rawKafkaCall() {
  return RawCall<RawSinkTask>("dms.cn-north-4.myhuaweicloud.com",
                              std::string("/v2/") + kProjectId + "/connectors/" + kConnectorId + "/sink-tasks");
}

/// Aborts unless the SDK request and the raw loop carry the same body and the same Authorization.
template <typename Raw>
void requireSameWork(const delivery::HttpRequest& sdk, Raw& raw, const char* what) {
  raw.run(fixedNow());
  const std::string rawBody(raw.body.GetString(), raw.body.GetSize());
  if (sdk.body != rawBody) fail(std::string(what) + ": the raw body differs from the SDK's:\n  " + sdk.body + "\n  " + rawBody);
  if (sdk.headers.get("Authorization") != raw.signer.authorization) {
    fail(std::string(what) + ": the raw Authorization differs from the SDK's:\n  " + sdk.headers.get("Authorization") +
         "\n  " + raw.signer.authorization);
  }
}

const delivery::dis::CreateTransferTaskRequest& disRequest() {
  static const delivery::dis::CreateTransferTaskRequest r = [] {
    auto request = delivery::test::disDwsSeedCreate(kStream);
    if (auto valid = request.validate(); !valid) fail("the DIS seed request fails validation: " + valid.error().toString());
    return request;
  }();
  return r;
}

const delivery::kafka::CreateSinkTaskRequest& kafkaRequest() {
  static const delivery::kafka::CreateSinkTaskRequest r = [] {
    auto request = delivery::test::kafkaObsSinkSeed(kConnectorId);
    if (auto valid = request.validate(); !valid) fail("the Kafka seed request fails validation: " + valid.error().toString());
    return request;
  }();
  return r;
}

// ---- whole calls ---------------------------------------------------------------------------------

// The SDK's validate+serialize+sign of `request`, after checking that the raw loop does the same
// work (same body, same Authorization).
template <typename Call, typename Request, typename MakeRaw>
void wholeCall(benchmark::State& state, const Request& request, MakeRaw makeRaw, const char* what) {
  const Call call;
  const auto now = fixedNow();
  delivery::HttpRequest http;
  call.run(request, http, now);
  auto raw = makeRaw();
  requireSameWork(http, raw, what);
  for (auto _ : state) {
    call.run(request, http, now);
    benchmark::DoNotOptimize(http);
    benchmark::ClobberMemory();
  }
  state.counters["body_bytes"] = static_cast<double>(http.body.size());
}

// The raw RapidJSON + OpenSSL loop.
template <typename MakeRaw>
void rawCall(benchmark::State& state, MakeRaw makeRaw) {
  auto raw = makeRaw();
  for (auto _ : state) {
    raw.run(fixedNow());
    benchmark::DoNotOptimize(raw.signer.authorization);
    benchmark::ClobberMemory();
  }
  state.counters["body_bytes"] = static_cast<double>(raw.body.GetSize());
}

void BM_DisValidateSerializeSign(benchmark::State& state) {
  wholeCall<DisCall>(state, disRequest(), rawDisCall, "DIS");
}
BENCHMARK(BM_DisValidateSerializeSign);

void BM_RawRapidJsonHmacDis(benchmark::State& state) { rawCall(state, rawDisCall); }
BENCHMARK(BM_RawRapidJsonHmacDis);

void BM_KafkaValidateSerializeSign(benchmark::State& state) {
  wholeCall<KafkaCall>(state, kafkaRequest(), rawKafkaCall, "Kafka");
}
BENCHMARK(BM_KafkaValidateSerializeSign);

void BM_RawRapidJsonHmacKafka(benchmark::State& state) { rawCall(state, rawKafkaCall); }
BENCHMARK(BM_RawRapidJsonHmacKafka);

// ---- the steps one by one ------------------------------------------------------------------------

void BM_DisValidate(benchmark::State& state) {
  const auto& request = disRequest();
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_DisValidate);

void BM_DisEncode(benchmark::State& state) {
  const auto& request = disRequest();
  const dd::EncodeOptions options;
  std::string body;
  for (auto _ : state) {
    dd::encodeTaskBodyInto(request.getDescriptor(), options, body);  // as the client encodes into its body
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_DisEncode);

void BM_RawDisJson(benchmark::State& state) {
  auto raw = rawDisCall();
  for (auto _ : state) {
    raw.body.Clear();
    raw.writer.Reset(raw.body);
    raw.task.write(raw.writer);
    benchmark::DoNotOptimize(raw.body.GetString());
  }
}
BENCHMARK(BM_RawDisJson);

void BM_KafkaValidate(benchmark::State& state) {
  const auto& request = kafkaRequest();
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_KafkaValidate);

void BM_KafkaEncode(benchmark::State& state) {
  const auto& request = kafkaRequest();
  std::string body;
  for (auto _ : state) {
    kd::encodeCreateInto(request, body);  // as the client encodes into its body
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_KafkaEncode);

// The signature alone: Protocol::sign (huawei::detail::authenticate with the prepared key) on the
// DIS request, its headers reset to what start() leaves, as on every call.
void BM_HuaweiSign(benchmark::State& state) {
  const DisCall call;
  const auto now = fixedNow();
  delivery::HttpRequest http;
  call.run(disRequest(), http, now);
  hd::Protocol::CallState callState;
  for (auto _ : state) {
    call.protocol.start("CreateTransferTask", http, callState);
    http.path += "/streams/stream-test/transfer-tasks";
    delivery::Result<void> signedOk = call.protocol.sign(http, callState, now);
    benchmark::DoNotOptimize(signedOk);
    benchmark::DoNotOptimize(http);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_HuaweiSign);

void BM_RawHmacSign(benchmark::State& state) {
  auto raw = rawDisCall();
  raw.run(fixedNow());
  const std::string body(raw.body.GetString(), raw.body.GetSize());
  for (auto _ : state) {
    raw.signer.sign(body, fixedNow());
    benchmark::DoNotOptimize(raw.signer.authorization);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_RawHmacSign);

// ---- list responses ------------------------------------------------------------------------------

// A ListTransferTasks body with `n` tasks, shaped as the API reference's example response.
std::string disListBody(int n) {
  std::string b = "{\"total_number\":" + std::to_string(n) + ",\"tasks\":[";
  for (int i = 0; i < n; ++i) {
    if (i != 0) b += ',';
    b += R"({"task_id":"As805BudhcH1lDs6gbn)" + std::to_string(i) + R"(","destination_type":"OBS","task_name":"newtask)" +
         std::to_string(i) + R"(","create_time":1606554932552,"state":"RUNNING","last_transfer_timestamp":1606984428612})";
  }
  return b + "]}";
}

// A ListSinkTasks body with `n` tasks, shaped as the API reference's example response.
std::string kafkaListBody(int n) {
  std::string b = "{\"tasks\":[";
  for (int i = 0; i < n; ++i) {
    if (i != 0) b += ',';
    b += R"({"task_id":"2e148bed-3038-4617-8ade-b52e84a33e)" + std::to_string(10 + i % 90) +
         R"(","task_name":"obsTransfer-11229769)" + std::to_string(10 + i % 90) +
         R"(","destination_type":"OBS","create_time":1592309487621,"status":"RUNNING","topics":"topic-test"})";
  }
  return b + "],\"total_number\":" + std::to_string(n) + ",\"max_tasks\":" + std::to_string(n + 9) +
         ",\"quota_tasks\":" + std::to_string(n + 10) + "}";
}

void BM_DisListDecode(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string body = disListBody(n);
  {
    auto check = dd::decodeList(body);
    if (!check || check->getTasks().size() != static_cast<std::size_t>(n)) fail("the DIS list body does not decode");
  }
  for (auto _ : state) {
    auto decoded = dd::decodeList(body);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["body_bytes"] = static_cast<double>(body.size());
}
BENCHMARK(BM_DisListDecode)->Arg(1)->Arg(10)->Arg(100);

void BM_KafkaListDecode(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::string body = kafkaListBody(n);
  {
    auto check = kd::decodeList(body);
    if (!check || check->getTasks().size() != static_cast<std::size_t>(n)) fail("the Kafka list body does not decode");
  }
  for (auto _ : state) {
    auto decoded = kd::decodeList(body);
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["body_bytes"] = static_cast<double>(body.size());
}
BENCHMARK(BM_KafkaListDecode)->Arg(1)->Arg(10)->Arg(100);

// The least a list decoder does: parse, and copy each task's fields into plain structs.
struct RawTask {
  std::string id, name, destinationType, state, topics;
  std::int64_t createTime = 0, lastTransfer = 0;
};

std::string rawString(const rapidjson::Value& o, const char* name) {
  auto it = o.FindMember(name);
  return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength())
                                                     : std::string();
}
std::int64_t rawInteger(const rapidjson::Value& o, const char* name) {
  auto it = o.FindMember(name);
  return it != o.MemberEnd() && it->value.IsInt64() ? it->value.GetInt64() : 0;
}

void rawListDecode(benchmark::State& state, const std::string& body, bool kafka) {
  for (auto _ : state) {
    rapidjson::Document d;
    d.Parse(body.data(), body.size());
    std::vector<RawTask> tasks;
    const rapidjson::Value& list = d["tasks"];
    tasks.reserve(list.Size());
    for (const auto& t : list.GetArray()) {
      RawTask r;
      r.id = rawString(t, "task_id");
      r.name = rawString(t, "task_name");
      r.destinationType = rawString(t, "destination_type");
      r.createTime = rawInteger(t, "create_time");
      if (kafka) {
        r.state = rawString(t, "status");
        r.topics = rawString(t, "topics");
      } else {
        r.state = rawString(t, "state");
        r.lastTransfer = rawInteger(t, "last_transfer_timestamp");
      }
      tasks.push_back(std::move(r));
    }
    benchmark::DoNotOptimize(tasks);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_RawRapidJsonDisList(benchmark::State& state) {
  rawListDecode(state, disListBody(static_cast<int>(state.range(0))), false);
}
BENCHMARK(BM_RawRapidJsonDisList)->Arg(1)->Arg(10)->Arg(100);

void BM_RawRapidJsonKafkaList(benchmark::State& state) {
  rawListDecode(state, kafkaListBody(static_cast<int>(state.range(0))), true);
}
BENCHMARK(BM_RawRapidJsonKafkaList)->Arg(1)->Arg(10)->Arg(100);

// ---- whole client calls on a transport that answers at once --------------------------------------

// Answers every request with one canned response, in the calling thread: what remains of a client
// call's cost is the SDK's own (validation, body, signature, the retry pipeline, the response).
class InstantTransport : public delivery::Transport {
 public:
  InstantTransport(int status, std::string body) {
    response_.status = status;
    response_.headers.add("X-Request-Id", "0f8f8f8f-1111-2222-3333-444455556666");
    if (!body.empty()) response_.headers.add("Content-Type", "application/json");
    response_.body = std::move(body);
  }
  delivery::Result<delivery::HttpResponse> send(const delivery::HttpRequest& request) override {
    benchmark::DoNotOptimize(request.body.data());
    return response_;
  }

 private:
  delivery::HttpResponse response_;
};

template <typename Client, typename Config, typename Send>
void clientCall(benchmark::State& state, int status, std::string body, Send send) {
  Config config;
  config.region = "cn-north-4";
  config.transport = std::make_shared<InstantTransport>(status, std::move(body));
  auto client = Client::create(delivery::huawei::HuaweiCredentials::withAkSk(kAccessKey, kSecretKey, kProjectId), config);
  if (!client) fail("cannot create the client: " + client.error().toString());
  for (auto _ : state) {
    auto r = send(*client);
    if (!r) fail("the call failed: " + r.error().toString());
    benchmark::DoNotOptimize(r);
  }
}

// DisClient::createTransferTask of the DWS seed, whole: what the throughput benchmark's SDK side
// spends beyond its raw side, without the network.
void BM_DisClientCreateCall(benchmark::State& state) {
  clientCall<delivery::dis::DisClient, delivery::dis::DisClientConfig>(
      state, 201, "", [](const delivery::dis::DisClient& c) { return c.createTransferTask(disRequest()); });
}
BENCHMARK(BM_DisClientCreateCall);

// Writes 8 MiB (one byte per cache line), untimed, so that the next timed call starts with cold caches.
struct ColdCaches {
  std::vector<char> sweep = std::vector<char>(8u << 20);
  char value = 0;
  void evict(benchmark::State& state) {
    state.PauseTiming();
    for (std::size_t i = 0; i < sweep.size(); i += 64) sweep[i] = ++value;
    benchmark::ClobberMemory();
    state.ResumeTiming();
  }
};

// The same call with the caches cold, as in a network loop where the kernel's work between two
// requests evicts the SDK's code and data: between iterations (untimed) 8 MiB is written.
void BM_DisClientCreateCallColdCache(benchmark::State& state) {
  ColdCaches cold;
  delivery::dis::DisClientConfig config;
  config.region = "cn-north-4";
  config.transport = std::make_shared<InstantTransport>(201, "");
  auto client = delivery::dis::DisClient::create(
      delivery::huawei::HuaweiCredentials::withAkSk(kAccessKey, kSecretKey, kProjectId), config);
  if (!client) fail("cannot create the client: " + client.error().toString());
  for (auto _ : state) {
    cold.evict(state);
    auto r = client->createTransferTask(disRequest());
    if (!r) fail("the call failed: " + r.error().toString());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_DisClientCreateCallColdCache);

// The raw RapidJSON + HMAC loop with the same cold caches: what a raw client pays per request.
void BM_RawRapidJsonHmacDisColdCache(benchmark::State& state) {
  ColdCaches cold;
  auto raw = rawDisCall();
  for (auto _ : state) {
    cold.evict(state);
    raw.run(fixedNow());
    benchmark::DoNotOptimize(raw.signer.authorization);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_RawRapidJsonHmacDisColdCache);

// Only the untimed sweep and the timer's pause and resume: what the two above carry besides their call.
void BM_ColdCacheOverhead(benchmark::State& state) {
  ColdCaches cold;
  for (auto _ : state) {
    cold.evict(state);
  }
}
BENCHMARK(BM_ColdCacheOverhead);

void BM_KafkaClientCreateCall(benchmark::State& state) {
  clientCall<delivery::kafka::KafkaClient, delivery::kafka::KafkaClientConfig>(
      state, 200, std::string(R"({"task_id":"a5e2b9e8-0c4f-4d1b-9a57-2f6d3c1e8b40"})"),
      [](const delivery::kafka::KafkaClient& c) { return c.createSinkTask(kafkaRequest()); });
}
BENCHMARK(BM_KafkaClientCreateCall);

}  // namespace
