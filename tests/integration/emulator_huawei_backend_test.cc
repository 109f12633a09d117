// The DIS and Kafka backends of the emulator driven directly (no sockets), checked against data
// written independently of them: the golden requests (tests/data/golden/dis, kafka), the seed
// request bodies (tests/data/*-seed-request.json) and the official SDK-HMAC-SHA256 vectors
// (tests/data/huawei-sdk-hmac-sha256.json).

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/crypto.h"
#include "delivery/huawei/credentials.h"
#include "emulator/huawei_backend.h"
#include "huawei/signer.h"
#include "support/golden.h"
#include "support/vectors.h"

using namespace delivery;
using namespace delivery::emulator;
namespace gw = delivery::emulator::huawei_gateway;

namespace {

// The golden files' project and ids (their comments say where each comes from).
constexpr char kProject[] = "77b6a44cba5143ab91d13ab9a8ff44fd";
constexpr char kConnector[] = "55b78880-9077-4c74-ad5a-6868555f76a4";
constexpr char kSinkTaskId[] = "2962882a-386c-4c9d-bb59-3b4f55d82961";
constexpr char kDisTaskId[] = "9dSu1wfCytSk1aOLxvF";
constexpr char kToken[] = "emulator-iam-token";

HuaweiEmulatorCredentials credentials() {
  HuaweiEmulatorCredentials c;
  c.projectId = kProject;
  c.defaultConnectorId = kConnector;
  return c;
}

const Locked kRun = [](const std::function<Reply()>& step) { return step(); };

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

std::string toJson(const rapidjson::Value& v) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  v.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The request of a golden file, authenticated with the IAM token.
HttpRequest fromGolden(const test::GoldenRequest& g) {
  HttpRequest r;
  r.method = g.method == "GET" ? HttpMethod::Get : g.method == "PUT" ? HttpMethod::Put
             : g.method == "DELETE" ? HttpMethod::Delete : HttpMethod::Post;
  const auto q = g.target.find('?');
  r.path = g.target.substr(0, q);
  if (q != std::string::npos) {
    std::stringstream query(g.target.substr(q + 1));
    for (std::string pair; std::getline(query, pair, '&');) {
      const auto eq = pair.find('=');
      r.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
    }
  }
  if (g.contentType) r.headers.add("Content-Type", *g.contentType);
  r.headers.add("X-Auth-Token", kToken);
  r.headers.add("X-Project-Id", kProject);
  r.body = g.body;
  return r;
}

HttpRequest request(HttpMethod method, const std::string& path, std::string body = {}) {
  HttpRequest r;
  r.method = method;
  r.path = path;
  r.headers.add("X-Auth-Token", kToken);
  if (!body.empty()) r.headers.add("Content-Type", "application/json");
  r.body = std::move(body);
  return r;
}

std::string disTasksPath(const std::string& stream = "stream-test") {
  return std::string("/v2/") + kProject + "/streams/" + stream + "/transfer-tasks";
}
std::string sinkTasksPath(const std::string& connector = kConnector) {
  return std::string("/v2/") + kProject + "/connectors/" + connector + "/sink-tasks";
}

std::string errorCode(const Reply& r) {
  auto d = parse(r.body);
  REQUIRE(d.HasMember("error_code"));
  REQUIRE(d.HasMember("error_msg"));
  return d["error_code"].GetString();
}
std::string errorMessage(const Reply& r) { return parse(r.body)["error_msg"].GetString(); }

// The golden body with one change made to its parsed form.
std::string edited(const std::string& golden, const std::function<void(rapidjson::Document&)>& change) {
  auto d = parse(test::readGolden(golden).body);
  change(d);
  return toJson(d);
}

void setString(rapidjson::Document& d, rapidjson::Value& object, const char* key, const std::string& value) {
  rapidjson::Value v(value.c_str(), static_cast<rapidjson::SizeType>(value.size()), d.GetAllocator());
  if (object.HasMember(key)) {
    object[key] = v;
  } else {
    object.AddMember(rapidjson::Value(key, d.GetAllocator()), v, d.GetAllocator());
  }
}

}  // namespace

// ---- the API gateway ------------------------------------------------------------------------------

namespace {

struct Vector {
  std::string id;
  HttpRequest request;
  std::vector<std::string> signedHeaders;
  std::string date;
  std::string signature;
};

std::vector<Vector> vectors() {
  const auto doc = parse(test::readDataFile("huawei-sdk-hmac-sha256.json"));
  std::vector<Vector> out;
  for (const auto& v : doc["vectors"].GetArray()) {
    Vector x;
    x.id = v["id"].GetString();
    std::string url = v["url"].GetString();
    url = url.substr(url.find("://") + 3);
    const auto slash = url.find('/');
    const std::string host = url.substr(0, slash);
    std::string target = slash == std::string::npos ? "" : url.substr(slash);
    const auto q = target.find('?');
    x.request.path = target.substr(0, q);
    if (q != std::string::npos) {
      std::stringstream query(target.substr(q + 1));
      for (std::string pair; std::getline(query, pair, '&');) {
        const auto eq = pair.find('=');
        x.request.query.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
      }
    }
    const std::string method = v["method"].GetString();
    x.request.method = method == "GET" ? HttpMethod::Get : HttpMethod::Post;
    for (const auto& h : v["headers"].GetObject()) x.request.headers.add(h.name.GetString(), h.value.GetString());
    if (!x.request.headers.contains("Host")) x.request.headers.add("Host", host);
    x.request.body = v["body"].GetString();
    for (const auto& h : v["signed_headers"].GetArray()) x.signedHeaders.emplace_back(h.GetString());
    x.date = x.request.headers.get("X-Sdk-Date");
    const std::string authorization = v["authorization"].GetString();
    gw::SignedAuthorization parsed;
    REQUIRE(gw::parseAuthorization(authorization, parsed));
    CHECK(parsed.accessKey == "AccessKey");
    CHECK(parsed.signedHeaders == x.signedHeaders);
    x.signature = parsed.signature;
    if (v.HasMember("canonical_request")) {
      CHECK(gw::canonicalRequest(x.request, x.signedHeaders) == v["canonical_request"].GetString());
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

TEST_CASE("the gateway's SDK-HMAC-SHA256 verification reproduces the official vectors", "[emulator][huawei]") {
  const auto all = vectors();
  REQUIRE(all.size() >= 6);
  for (auto v : all) {
    INFO(v.id);
    CHECK(gw::signature("SecretKey", v.date, gw::canonicalRequest(v.request, v.signedHeaders)) == v.signature);
    // One byte changed (the body, or the path when there is none) and it no longer verifies.
    if (!v.request.body.empty()) {
      v.request.body[1] ^= 1;
    } else {
      v.request.path += "x";
    }
    CHECK(gw::signature("SecretKey", v.date, gw::canonicalRequest(v.request, v.signedHeaders)) != v.signature);
  }
}

TEST_CASE("the gateway parses only well-formed SDK-HMAC-SHA256 Authorization values", "[emulator][huawei]") {
  gw::SignedAuthorization a;
  const std::string sig(64, 'a');
  CHECK(gw::parseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=" + sig, a));
  CHECK(a.signedHeaders == std::vector<std::string>{"host", "x-sdk-date"});
  CHECK_FALSE(gw::parseAuthorization("SDK-HMAC-SM3 Access=AK, SignedHeaders=x-sdk-date, Signature=" + sig, a));
  CHECK_FALSE(gw::parseAuthorization("SDK-HMAC-SHA256 Access=AK,SignedHeaders=x-sdk-date, Signature=" + sig, a));
  CHECK_FALSE(gw::parseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=X-Sdk-Date, Signature=" + sig, a));
  CHECK_FALSE(gw::parseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=abc", a));
}

TEST_CASE("authentication failures are 401 APIGW.0301 with the Huawei error body", "[emulator][huawei]") {
  DisBackend dis(credentials(), nullptr);
  KafkaBackend kafka(credentials(), nullptr);
  const auto now = std::chrono::system_clock::now();
  const auto signedWith = [&](const std::string& sk, std::chrono::system_clock::time_point when, std::string project = kProject) {
    HttpRequest r;
    r.method = HttpMethod::Get;
    r.endpoint = Endpoint::parse("https://dis.cn-north-4.myhuaweicloud.com").value();
    r.path = "/v2/" + project + "/streams/s/transfer-tasks";
    huawei::detail::authenticate(r, huawei::HuaweiCredentials::withAkSk("emulator-ak", sk, project), when);
    return r;
  };
  const auto expect401 = [&](Backend& backend, const HttpRequest& r, const std::string& why) {
    const Reply reply = backend.handle(r, kRun);
    CHECK(reply.status == 401);
    CHECK(errorCode(reply) == "APIGW.0301");
    CHECK_THAT(errorMessage(reply), Catch::Contains(why));
    CHECK_FALSE(reply.headers.get("X-Request-Id").empty());
  };

  SECTION("a request signed by the SDK with the right key passes") {
    CHECK(dis.handle(signedWith("emulator-sk", now), kRun).status == 200);
  }
  SECTION("a query, keys out of order and needing encoding, is signed over its canonical form") {
    HttpRequest r;
    r.method = HttpMethod::Get;
    r.endpoint = Endpoint::parse("https://dis.cn-north-4.myhuaweicloud.com").value();
    r.path = std::string("/v2/") + kProject + "/streams/s/transfer-tasks";
    r.query = {{"start_task_name", "a b/c"}, {"limit", "10"}};
    huawei::detail::authenticate(r, huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", kProject), now);
    CHECK(dis.handle(r, kRun).status == 200);
  }
  SECTION("a wrong secret key") { expect401(dis, signedWith("wrong", now), "signature"); }
  SECTION("a body changed after signing") {
    HttpRequest r = signedWith("emulator-sk", now);
    r.body = "{}";
    expect401(dis, r, "signature");
  }
  SECTION("a query added after signing") {
    HttpRequest r = signedWith("emulator-sk", now);
    r.query.emplace_back("limit", "1");
    expect401(dis, r, "signature");
  }
  SECTION("X-Sdk-Date 16 minutes old, or 16 minutes ahead") {
    expect401(dis, signedWith("emulator-sk", now - std::chrono::minutes(16)), "15 minutes");
    expect401(dis, signedWith("emulator-sk", now + std::chrono::minutes(16)), "15 minutes");
  }
  SECTION("a signed header that is not sent") {
    HttpRequest r = signedWith("emulator-sk", now);
    r.headers.remove("Host");
    expect401(dis, r, "host");
  }
  SECTION("no credentials at all") {
    HttpRequest r;
    r.path = disTasksPath();
    expect401(dis, r, "no Authorization");
  }
  SECTION("a wrong token, for either service") {
    HttpRequest r = request(HttpMethod::Get, disTasksPath());
    r.headers.set("X-Auth-Token", "forged");
    expect401(dis, r, "token");
    HttpRequest k = request(HttpMethod::Get, sinkTasksPath());
    k.headers.set("X-Auth-Token", "forged");
    expect401(kafka, k, "token");
  }
  SECTION("another project in the path, or in X-Project-Id") {
    expect401(dis, signedWith("emulator-sk", now, "other-project"), "project");
    HttpRequest r = request(HttpMethod::Get, disTasksPath());
    r.headers.add("X-Project-Id", "other-project");
    expect401(dis, r, "X-Project-Id");
  }
}

// ---- DIS ------------------------------------------------------------------------------------------

TEST_CASE("DIS: every golden create request is accepted and stored as sent, without the password", "[emulator][dis]") {
  const std::vector<std::pair<std::string, std::string>> creates = {
      {"dis/CreateTransferTask-OBS.http", "obs_destination_description"},
      {"dis/CreateTransferTask-MRS.http", "mrs_destination_description"},
      {"dis/CreateTransferTask-DLI.http", "dli_destination_description"},
      {"dis/CreateTransferTask-DWS.http", "dws_destination_descripton"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http", "cloudtable_destination_descripton"},
      {"dis/CreateTransferTask-CLOUDTABLE-OpenTSDB.http", "cloudtable_destination_descripton"},
  };
  for (const auto& [file, descriptionKey] : creates) {
    INFO(file);
    DisBackend dis(credentials(), nullptr);
    const auto golden = test::readGolden(file);
    CHECK(dis.operation(fromGolden(golden)) == "CreateTransferTask");
    const Reply created = dis.handle(fromGolden(golden), kRun);
    REQUIRE(created.status == 201);
    CHECK(created.body.empty());
    CHECK_FALSE(created.headers.get("X-Request-Id").empty());

    auto sent = parse(golden.body);
    const std::string type = sent["destination_type"].GetString();
    std::string descriptorKey;
    for (auto m = sent.MemberBegin(); m != sent.MemberEnd(); ++m) {
      if (m->value.IsObject()) descriptorKey = m->name.GetString();
    }
    auto& descriptor = sent[descriptorKey.c_str()];
    const std::string name = descriptor["task_name"].GetString();
    descriptor.RemoveMember("user_password");  // the one secret (DWS)

    const auto stored = dis.tasks();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].family == "dis");
    CHECK(stored[0].scope == "stream-test");
    CHECK(stored[0].name == name);
    CHECK(stored[0].id.size() == 19);
    CHECK(stored[0].state == "RUNNING");
    CHECK(parse(stored[0].json) == sent);
    CHECK(stored[0].json.find("userpassword") == std::string::npos);

    const Reply shown = dis.handle(request(HttpMethod::Get, disTasksPath() + "/" + name), kRun);
    REQUIRE(shown.status == 200);
    auto show = parse(shown.body);
    CHECK(std::string(show["task_name"].GetString()) == name);
    CHECK(std::string(show["task_id"].GetString()) == stored[0].id);
    CHECK(std::string(show["destination_type"].GetString()) == type);
    CHECK(std::string(show["stream_name"].GetString()) == "stream-test");
    CHECK(show["partitions"].Size() == 1);
    REQUIRE(show.HasMember(descriptionKey.c_str()));
    CHECK(show[descriptionKey.c_str()] == descriptor);  // as sent, less the password
  }
}

TEST_CASE("DIS: the golden list, show, update, batch stop/start and delete requests", "[emulator][dis]") {
  DisBackend dis(credentials(), nullptr);
  // The batch files name the documented example's task id: seed a task with it.
  StoredTask seeded;
  seeded.scope = "stream-test";
  seeded.id = kDisTaskId;
  seeded.json = test::readGolden("dis/CreateTransferTask-OBS.http").body;
  REQUIRE(dis.seed(seeded));

  const auto list = fromGolden(test::readGolden("dis/ListTransferTasks.http"));
  CHECK(dis.operation(list) == "ListTransferTasks");
  auto listed = parse(dis.handle(list, kRun).body);
  CHECK(listed["total_number"].GetInt() == 1);
  CHECK(listed.HasMember("quota"));
  CHECK(std::string(listed["tasks"][0]["task_id"].GetString()) == kDisTaskId);
  CHECK(std::string(listed["tasks"][0]["task_name"].GetString()) == "newtask");
  CHECK(std::string(listed["tasks"][0]["state"].GetString()) == "RUNNING");
  CHECK(std::string(listed["tasks"][0]["destination_type"].GetString()) == "OBS");
  CHECK(listed["tasks"][0].HasMember("create_time"));
  CHECK(listed["tasks"][0].HasMember("last_transfer_timestamp"));

  const auto update = fromGolden(test::readGolden("dis/UpdateTransferTask.http"));
  CHECK(dis.operation(update) == "UpdateTransferTask");
  CHECK(dis.handle(update, kRun).status == 200);
  const auto show = fromGolden(test::readGolden("dis/ShowTransferTask.http"));
  CHECK(dis.operation(show) == "ShowTransferTask");
  auto shown = parse(dis.handle(show, kRun).body);
  CHECK(std::string(shown["obs_destination_description"]["destination_file_type"].GetString()) == "parquet");

  const auto stop = fromGolden(test::readGolden("dis/BatchStopTransferTask.http"));
  CHECK(dis.operation(stop) == "BatchTransferTaskAction");
  CHECK(dis.handle(stop, kRun).status == 200);
  CHECK(dis.tasks().at(0).state == "PAUSED");
  CHECK(dis.handle(fromGolden(test::readGolden("dis/BatchStartTransferTask.http")), kRun).status == 200);
  CHECK(dis.tasks().at(0).state == "RUNNING");

  const auto del = fromGolden(test::readGolden("dis/DeleteTransferTask.http"));
  CHECK(dis.operation(del) == "DeleteTransferTask");
  CHECK(dis.handle(del, kRun).status == 204);
  CHECK(dis.taskCount() == 0);
  const Reply gone = dis.handle(show, kRun);
  CHECK(gone.status == 404);
  CHECK(errorCode(gone) == "DIS.4336");
  CHECK(dis.handle(del, kRun).status == 404);
  // Updating a task that does not exist.
  CHECK(dis.handle(update, kRun).status == 404);
}

TEST_CASE("DIS: the documented DWS seed request is accepted; the password is never kept", "[emulator][dis]") {
  const std::string body = test::readDataFile("dis-dws-seed-request.json");
  SECTION("as a create request: its dws_delimiter \"\" is what the page's own table forbids") {
    DisBackend dis(credentials(), nullptr);
    const Reply refused = dis.handle(request(HttpMethod::Post, disTasksPath(), body), kRun);
    CHECK(refused.status == 400);
    CHECK(errorMessage(refused) == "Invalid request; dws_destination_descriptor.dws_delimiter: must be one of \",\", \";\" or \"|\"");
    const std::string fixed = edited("dis/CreateTransferTask-DWS.http", [](rapidjson::Document&) {});
    REQUIRE(dis.handle(request(HttpMethod::Post, disTasksPath(), fixed), kRun).status == 201);
    CHECK(dis.tasks().at(0).json.find("user_password") == std::string::npos);
  }
  SECTION("seeded; and the seeded task's JSON seeds again (without the password)") {
    DisBackend dis(credentials(), nullptr);
    StoredTask task;
    task.scope = "stream-test";
    task.json = body;
    task.state = "PAUSED";
    REQUIRE(dis.seed(task));
    const StoredTask stored = dis.tasks().at(0);
    CHECK(stored.name == "dwstask");
    CHECK(stored.state == "PAUSED");
    auto expected = parse(body);
    expected["dws_destination_descriptor"].RemoveMember("user_password");
    CHECK(parse(stored.json) == expected);
    DisBackend other(credentials(), nullptr);
    REQUIRE(other.seed(stored));
    CHECK(other.tasks().at(0).json == stored.json);
    // The show answer of such a task has no user_password at all.
    auto shown = parse(other.handle(request(HttpMethod::Get, disTasksPath() + "/dwstask"), kRun).body);
    CHECK_FALSE(shown["dws_destination_descripton"].HasMember("user_password"));
    CHECK(std::string(shown["dws_destination_descripton"]["dws_delimiter"].GetString()).empty());
  }
  SECTION("seeding checks the body as a create request") {
    DisBackend dis(credentials(), nullptr);
    StoredTask task;
    task.scope = "stream-test";
    task.json = R"({"destination_type":"DWS","dws_destination_descriptor":{"task_name":"x"}})";
    const auto r = dis.seed(task);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK_THAT(r.error().message, Catch::Contains("dws_destination_descriptor.dws_cluster_name"));
    task.json = body;
    task.scope.clear();
    CHECK_FALSE(dis.seed(task));
  }
}

namespace {

// A body the golden file `file` has, changed by `change`, must be refused with 400 `code` naming `field`.
void expectRefused(Backend& backend, const std::string& path, const std::string& body, const std::string& code,
                   const std::string& field) {
  INFO(body);
  const std::size_t before = backend.taskCount();
  const Reply r = backend.handle(request(HttpMethod::Post, path, body), kRun);
  CHECK(r.status == 400);
  CHECK(errorCode(r) == code);
  CHECK_THAT(errorMessage(r), Catch::Contains(field + ":"));
  CHECK(backend.taskCount() == before);
}

using Change = std::function<void(rapidjson::Document&)>;

Change setIn(const char* object, const char* key, const std::string& value) {
  return [=](rapidjson::Document& d) { setString(d, d[object], key, value); };
}
Change setIntIn(const char* object, const char* key, int value) {
  return [=](rapidjson::Document& d) {
    if (d[object].HasMember(key)) d[object].RemoveMember(key);
    d[object].AddMember(rapidjson::Value(key, d.GetAllocator()), rapidjson::Value(value), d.GetAllocator());
  };
}
Change removeIn(const char* object, const char* key) {
  return [=](rapidjson::Document& d) { d[object].RemoveMember(key); };
}
Change renameIn(const char* object, const char* from, const char* to) {
  return [=](rapidjson::Document& d) {
    auto& o = d[object];
    rapidjson::Value v(o[from], d.GetAllocator());
    o.RemoveMember(from);
    o.AddMember(rapidjson::Value(to, d.GetAllocator()), v, d.GetAllocator());
  };
}

}  // namespace

TEST_CASE("DIS: each documented rule refuses a bad body with 400 DIS.4200 naming the field", "[emulator][dis]") {
  DisBackend dis(credentials(), nullptr);
  const std::string path = disTasksPath();
  const char* const dwsFile = "dis/CreateTransferTask-DWS.http";
  const char* const dws = "dws_destination_descriptor";
  const std::string d = std::string(dws) + ".";
  struct Case {
    const char* file;
    Change change;
    std::string field;
  };
  const std::vector<Case> cases = {
      // required
      {dwsFile, removeIn(dws, "task_name"), d + "task_name"},
      {dwsFile, removeIn(dws, "deliver_time_interval"), d + "deliver_time_interval"},
      {dwsFile, removeIn(dws, "user_password"), d + "user_password"},
      {dwsFile, removeIn(dws, "dws_delimiter"), d + "dws_delimiter"},
      {dwsFile, removeIn(dws, "kms_user_key_id"), d + "kms_user_key_id"},
      {"dis/CreateTransferTask-MRS.http", removeIn("mrs_destination_descriptor", "mrs_hdfs_path"),
       "mrs_destination_descriptor.mrs_hdfs_path"},
      {"dis/CreateTransferTask-DLI.http", removeIn("dli_destination_descriptor", "dli_table_name"),
       "dli_destination_descriptor.dli_table_name"},
      {"dis/CreateTransferTask-OBS.http", removeIn("obs_destination_descriptor", "obs_bucket_path"),
       "obs_destination_descriptor.obs_bucket_path"},
      // lengths, characters, ranges, types
      {dwsFile, setIn(dws, "task_name", std::string(65, 'a')), d + "task_name"},
      {dwsFile, setIn(dws, "task_name", "dws task"), d + "task_name"},
      {dwsFile, setIn(dws, "agency_name", std::string(65, 'a')), d + "agency_name"},
      {dwsFile, setIntIn(dws, "deliver_time_interval", 29), d + "deliver_time_interval"},
      {dwsFile, setIntIn(dws, "deliver_time_interval", 901), d + "deliver_time_interval"},
      {dwsFile, setIn(dws, "deliver_time_interval", "60"), d + "deliver_time_interval"},
      {dwsFile, setIntIn(dws, "retry_duration", 7201), d + "retry_duration"},
      {dwsFile, setIn(dws, "file_prefix", "/abs"), d + "file_prefix"},
      {dwsFile, setIn(dws, "file_prefix", "a-b"), d + "file_prefix"},
      {dwsFile, setIn(dws, "file_prefix", std::string(51, 'a')), d + "file_prefix"},
      {"dis/CreateTransferTask-MRS.http", setIn("mrs_destination_descriptor", "hdfs_prefix_folder", std::string(51, 'a')),
       "mrs_destination_descriptor.hdfs_prefix_folder"},
      // enum wire strings
      {dwsFile, setIn(dws, "consumer_strategy", "latest"), d + "consumer_strategy"},
      {dwsFile, setIn(dws, "dws_delimiter", "\t"), d + "dws_delimiter"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x["dws_destination_descriptor"]["options"], "fill_missing_fields", "false/off"); },
       d + "options.fill_missing_fields"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x["dws_destination_descriptor"]["options"], "reject_limit", "many"); },
       d + "options.reject_limit"},
      {"dis/CreateTransferTask-OBS.http", setIn("obs_destination_descriptor", "destination_file_type", "TEXT"),
       "obs_destination_descriptor.destination_file_type"},
      {"dis/CreateTransferTask-OBS.http", setIn("obs_destination_descriptor", "partition_format", "yyyy-MM-dd"),
       "obs_destination_descriptor.partition_format"},
      {"dis/CreateTransferTask-OBS.http", setIn("obs_destination_descriptor", "record_delimiter", "\t"),
       "obs_destination_descriptor.record_delimiter"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http",
       [](rapidjson::Document& x) { setString(x, x["cloudtable_destination_descriptor"]["cloudtable_schema"]["columns"][0], "type", "string"); },
       "cloudtable_destination_descriptor.cloudtable_schema.columns[0].type"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http",
       [](rapidjson::Document& x) { setString(x, x["cloudtable_destination_descriptor"]["cloudtable_schema"]["columns"][1], "column_name", "a-b"); },
       "cloudtable_destination_descriptor.cloudtable_schema.columns[1].column_name"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http",
       [](rapidjson::Document& x) { x["cloudtable_destination_descriptor"]["cloudtable_schema"]["row_key"].Clear(); },
       "cloudtable_destination_descriptor.cloudtable_schema.row_key"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http", setIn("cloudtable_destination_descriptor", "cloudtable_row_key_delimiter", "#"),
       "cloudtable_destination_descriptor.cloudtable_row_key_delimiter"},
      {"dis/CreateTransferTask-CLOUDTABLE-OpenTSDB.http",
       [](rapidjson::Document& x) { setString(x, x["cloudtable_destination_descriptor"]["opentsdb_schema"][0]["metric"][0], "type", "constant"); },
       "cloudtable_destination_descriptor.opentsdb_schema[0].metric[0].type"},
      // cross-field rules
      {"dis/CreateTransferTask-CLOUDTABLE-OpenTSDB.http",
       [](rapidjson::Document& x) { x["cloudtable_destination_descriptor"]["opentsdb_schema"][0]["timestamp"].RemoveMember("format"); },
       "cloudtable_destination_descriptor.opentsdb_schema[0].timestamp.format"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http", removeIn("cloudtable_destination_descriptor", "cloudtable_table_name"),
       "cloudtable_destination_descriptor.cloudtable_table_name"},
      {"dis/CreateTransferTask-CLOUDTABLE-HBase.http", removeIn("cloudtable_destination_descriptor", "cloudtable_schema"),
       "cloudtable_destination_descriptor.cloudtable_schema"},
      {"dis/CreateTransferTask-OBS.http",
       [](rapidjson::Document& x) {
         rapidjson::Value schema(rapidjson::kObjectType);
         schema.AddMember("timestamp_name", "ts", x.GetAllocator());
         schema.AddMember("timestamp_type", "String", x.GetAllocator());
         x["obs_destination_descriptor"].AddMember("processing_schema", schema, x.GetAllocator());
       },
       "obs_destination_descriptor.processing_schema.timestamp_format"},
      // top level: destination_type and its descriptor
      {dwsFile, [](rapidjson::Document& x) { setString(x, x, "destination_type", "dws"); }, "destination_type"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x, "destination_type", "DLI"); }, "dli_destination_descriptor"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x, "destination_type", "DLI"); }, "dws_destination_descriptor"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x, "stream_name", "another"); }, "stream_name"},
      // misspelled / unknown keys
      {dwsFile, renameIn(dws, "dws_cluster_name", "dws_cluster_nmae"), d + "dws_cluster_nmae"},
      {dwsFile, renameIn(dws, "dws_cluster_name", "dws_cluster_nmae"), d + "dws_cluster_name"},
      {dwsFile, [](rapidjson::Document& x) { setString(x, x, "destination", "DWS"); }, "destination"},
      {"dis/CreateTransferTask-OBS.http", renameIn("obs_destination_descriptor", "obs_bucket_path", "obs_bucket"),
       "obs_destination_descriptor.obs_bucket"},
  };
  for (const auto& c : cases) {
    expectRefused(dis, path, edited(c.file, c.change), "DIS.4200", c.field);
  }
  expectRefused(dis, path, "not json", "DIS.4200", "body");
  expectRefused(dis, path, "[]", "DIS.4200", "body");
  CHECK(dis.taskCount() == 0);
}

TEST_CASE("DIS: duplicates, batch bodies and unknown routes", "[emulator][dis]") {
  DisBackend dis(credentials(), nullptr);
  const std::string body = test::readGolden("dis/CreateTransferTask-OBS.http").body;
  REQUIRE(dis.handle(request(HttpMethod::Post, disTasksPath(), body), kRun).status == 201);
  const Reply again = dis.handle(request(HttpMethod::Post, disTasksPath(), body), kRun);
  CHECK(again.status == 400);
  CHECK(errorCode(again) == "DIS.4301");
  // The same name on another stream is another task.
  CHECK(dis.handle(request(HttpMethod::Post, disTasksPath("other"), body), kRun).status == 201);

  const std::string action = disTasksPath() + "/action";
  const auto batch = [&](const std::string& b) { return dis.handle(request(HttpMethod::Post, action, b), kRun); };
  Reply r = batch(R"({"action":"pause","tasks":[{"id":"x"}]})");
  CHECK(r.status == 400);
  CHECK_THAT(errorMessage(r), Catch::Contains("action:"));
  r = batch(R"({"action":"stop","tasks":[]})");
  CHECK_THAT(errorMessage(r), Catch::Contains("tasks:"));
  r = batch(R"({"action":"stop","tasks":[{"task_id":"x"}]})");
  CHECK_THAT(errorMessage(r), Catch::Contains("tasks[0].id:"));
  CHECK_THAT(errorMessage(r), Catch::Contains("tasks[0].task_id:"));
  r = batch(R"({"action":"stop","tasks":[{"id":"unknown"}]})");
  CHECK(r.status == 400);
  CHECK(dis.tasks().at(0).state == "RUNNING");

  const Reply nowhere = dis.handle(request(HttpMethod::Get, std::string("/v2/") + kProject + "/streams/s/other"), kRun);
  CHECK(nowhere.status == 404);
  CHECK(errorCode(nowhere) == "APIGW.0101");
  CHECK_FALSE(nowhere.headers.get("X-Request-Id").empty());
  CHECK(dis.operation(request(HttpMethod::Get, std::string("/v2/") + kProject + "/streams/s/other")).empty());
}

TEST_CASE("DIS: the BeforeValidate hook runs after decoding, before the checks", "[emulator][dis]") {
  std::vector<std::string> seen;
  DisBackend dis(credentials(), [&](const std::string& path) { seen.push_back(path); });
  dis.handle(request(HttpMethod::Post, disTasksPath(), "{}"), kRun);
  CHECK(seen == std::vector<std::string>{disTasksPath()});
}

// ---- Kafka ----------------------------------------------------------------------------------------

TEST_CASE("Kafka: the golden requests, from enabling dumping to deleting the connector", "[emulator][kafka]") {
  SECTION("create connector: both documented bodies") {
    for (const char* file : {"kafka/CreateConnector.http", "kafka/CreateConnector-new-flavor.http"}) {
      KafkaBackend kafka(credentials(), nullptr);
      const auto r = fromGolden(test::readGolden(file));
      CHECK(kafka.operation(r) == "CreateConnector");
      const Reply created = kafka.handle(r, kRun);
      REQUIRE(created.status == 200);
      auto body = parse(created.body);
      const std::string connector = body["connector_id"].GetString();
      CHECK_FALSE(std::string(body["job_id"].GetString()).empty());
      const Reply twice = kafka.handle(r, kRun);
      CHECK(twice.status == 400);
      CHECK(errorCode(twice) == "DMS.00400069");
      // The new connector takes sink tasks.
      CHECK(kafka.handle(request(HttpMethod::Get, sinkTasksPath(connector)), kRun).status == 200);
      const auto del = fromGolden(test::readGolden("kafka/DeleteConnector.http"));
      CHECK(kafka.operation(del) == "DeleteConnector");
      const Reply deleted = kafka.handle(del, kRun);
      CHECK(deleted.status == 200);
      CHECK(parse(deleted.body).HasMember("job_id"));
      CHECK(kafka.handle(request(HttpMethod::Get, sinkTasksPath(connector)), kRun).status == 404);
      const Reply again = kafka.handle(del, kRun);
      CHECK(again.status == 404);
      CHECK(errorCode(again) == "DMS.00404022");
    }
  }
  SECTION("create, list, show (with topic-info) and delete sink tasks") {
    KafkaBackend kafka(credentials(), nullptr);
    const auto golden = test::readGolden("kafka/CreateSinkTask.http");
    const auto create = fromGolden(golden);
    CHECK(kafka.operation(create) == "CreateSinkTask");
    const Reply created = kafka.handle(create, kRun);
    REQUIRE(created.status == 200);
    const std::string id = parse(created.body)["task_id"].GetString();
    CHECK(id.size() == 36);
    const Reply duplicate = kafka.handle(create, kRun);
    CHECK(duplicate.status == 400);
    CHECK(errorCode(duplicate) == "DMS.00400850");

    auto expected = parse(golden.body);
    expected["obs_destination_descriptor"].RemoveMember("access_key");
    expected["obs_destination_descriptor"].RemoveMember("secret_key");
    const auto stored = kafka.tasks();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].family == "kafka");
    CHECK(stored[0].scope == kConnector);
    CHECK(stored[0].name == "obsTransfer-1122976956");
    CHECK(stored[0].id == id);
    CHECK(parse(stored[0].json) == expected);

    // The show and delete files name the documented task id: seed that task too.
    StoredTask seeded = stored[0];
    seeded.id = kSinkTaskId;
    seeded.name.clear();
    KafkaBackend documented(credentials(), nullptr);
    REQUIRE(documented.seed(seeded));

    const auto list = fromGolden(test::readGolden("kafka/ListSinkTasks.http"));
    CHECK(documented.operation(list) == "ListSinkTasks");
    auto listed = parse(documented.handle(list, kRun).body);
    CHECK(listed["total_number"].GetInt() == 1);
    CHECK(listed.HasMember("max_tasks"));
    CHECK(listed.HasMember("quota_tasks"));
    CHECK(std::string(listed["tasks"][0]["task_id"].GetString()) == kSinkTaskId);
    CHECK(std::string(listed["tasks"][0]["topics"].GetString()) == "topic-test");
    CHECK(std::string(listed["tasks"][0]["destination_type"].GetString()) == "OBS");

    const auto show = fromGolden(test::readGolden("kafka/ShowSinkTask.http"));
    CHECK(documented.operation(show) == "ShowSinkTask");
    auto shown = parse(documented.handle(show, kRun).body);
    CHECK(std::string(shown["task_name"].GetString()) == "obsTransfer-1122976956");
    CHECK_FALSE(shown.HasMember("topics_info"));
    const auto& d = shown["obs_destination_descriptor"];
    CHECK(std::string(d["consumer_strategy"].GetString()) == "earliest");
    CHECK(std::string(d["destination_file_type"].GetString()) == "TEXT");
    CHECK(std::string(d["obs_bucket_name"].GetString()) == "6666");
    CHECK(std::string(d["obs_path"].GetString()) == "obsTransfer-1122976956");
    CHECK(std::string(d["partition_format"].GetString()) == "yyyy/MM/dd/HH/mm");
    CHECK(std::string(d["record_delimiter"].GetString()) == "\n");
    CHECK(d["deliver_time_interval"].GetInt() == 300);
    CHECK(d["obs_part_size"].GetInt64() == 5242880);
    CHECK_FALSE(d.HasMember("access_key"));
    CHECK_FALSE(d.HasMember("secret_key"));
    auto detailed = parse(documented.handle(fromGolden(test::readGolden("kafka/ShowSinkTask-topic-info.http")), kRun).body);
    REQUIRE(detailed["topics_info"].Size() == 1);
    CHECK(std::string(detailed["topics_info"][0]["topic"].GetString()) == "topic-test");
    CHECK(std::string(detailed["topics_info"][0]["partitions"][0]["lag"].GetString()) == "0");

    const auto del = fromGolden(test::readGolden("kafka/DeleteSinkTask.http"));
    CHECK(documented.operation(del) == "DeleteSinkTask");
    CHECK(documented.handle(del, kRun).status == 204);
    const Reply gone = documented.handle(show, kRun);
    CHECK(gone.status == 404);
    CHECK(errorCode(gone) == "DMS.00404023");
  }
}

TEST_CASE("Kafka: the documented seed request is accepted; the OBS AK/SK are never kept", "[emulator][kafka]") {
  const std::string body = test::readDataFile("kafka-obs-sink-seed-request.json");
  KafkaBackend kafka(credentials(), nullptr);
  REQUIRE(kafka.handle(request(HttpMethod::Post, sinkTasksPath(), body), kRun).status == 200);
  StoredTask task;
  task.scope = "seeded-connector";
  task.json = body;
  REQUIRE(kafka.seed(task));
  CHECK(kafka.taskCount() == 2);
  for (const auto& t : kafka.tasks()) {
    CHECK(t.json.find("access_key") == std::string::npos);
    CHECK(t.json.find("secret_key") == std::string::npos);
    CHECK(t.name == "obsTransfer-1122976956");
  }
  // A seeded connector is a connector.
  CHECK(kafka.handle(request(HttpMethod::Get, sinkTasksPath("seeded-connector")), kRun).status == 200);
  task.json = R"({"source_type":"BLOB"})";
  const auto bad = kafka.seed(task);
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().message, Catch::Contains("obs_destination_descriptor"));
}

TEST_CASE("Kafka: each documented rule refuses a bad body with 400 DMS.00400000 naming the field", "[emulator][kafka]") {
  KafkaBackend kafka(credentials(), nullptr);
  const char* const file = "kafka/CreateSinkTask.http";
  const char* const obs = "obs_destination_descriptor";
  const std::string d = std::string(obs) + ".";
  const auto top = [](const char* key, const std::string& value) {
    return Change([=](rapidjson::Document& x) { setString(x, x, key, value); });
  };
  const std::vector<std::pair<Change, std::string>> cases = {
      {top("source_type", "blob"), "source_type"},
      {top("destination_type", "obs"), "destination_type"},
      {top("task_name", ""), "task_name"},
      {[](rapidjson::Document& x) { x.RemoveMember("task_name"); }, "task_name"},
      {[](rapidjson::Document& x) { x.RemoveMember("obs_destination_descriptor"); }, "obs_destination_descriptor"},
      {setIn(obs, "consumer_strategy", "LATEST"), d + "consumer_strategy"},
      {setIn(obs, "destination_file_type", "text"), d + "destination_file_type"},
      {setIn(obs, "partition_format", "yyyy/MM/dd/HH/mm/ss"), d + "partition_format"},
      {setIn(obs, "record_delimiter", "\t"), d + "record_delimiter"},
      {setIntIn(obs, "deliver_time_interval", 20), d + "deliver_time_interval"},
      {setIntIn(obs, "deliver_time_interval", 901), d + "deliver_time_interval"},
      {removeIn(obs, "deliver_time_interval"), d + "deliver_time_interval"},
      {removeIn(obs, "secret_key"), d + "secret_key"},
      {setIn(obs, "access_key", ""), d + "access_key"},
      {removeIn(obs, "obs_bucket_name"), d + "obs_bucket_name"},
      {setIn(obs, "obs_path", std::string(65, 'a')), d + "obs_path"},
      {setIn(obs, "obs_path", "a b"), d + "obs_path"},
      {setIn(obs, "topics", ""), d + "topics"},
      {setIn(obs, "topics_regex", "topic-.*"), d + "topics"},
      {[](rapidjson::Document& x) {
         setString(x, x["obs_destination_descriptor"], "topics", "");
         setString(x, x["obs_destination_descriptor"], "topics_regex", ".*");
       },
       d + "topics_regex"},
      {renameIn(obs, "obs_bucket_name", "obs_bucket"), d + "obs_bucket"},
      {top("topics", "t"), "topics"},
  };
  for (const auto& [change, field] : cases) expectRefused(kafka, sinkTasksPath(), edited(file, change), "DMS.00400000", field);
  expectRefused(kafka, sinkTasksPath(), "", "DMS.00400000", "body");
  // topics_regex alone (topics sent empty, as the Go SDK does) is fine.
  const std::string regexOnly = edited(file, [](rapidjson::Document& x) {
    setString(x, x["obs_destination_descriptor"], "topics", "");
    setString(x, x["obs_destination_descriptor"], "topics_regex", "topic-.*");
  });
  CHECK(kafka.handle(request(HttpMethod::Post, sinkTasksPath(), regexOnly), kRun).status == 200);

  const std::string connector = std::string("/v2/") + kProject + "/instances/i-1/connector";
  expectRefused(kafka, connector, R"({"node_cnt":"1"})", "DMS.00400000", "node_cnt");
  expectRefused(kafka, connector, R"({"node_cnt":17})", "DMS.00400000", "node_cnt");
  expectRefused(kafka, connector, R"({"specification":"200MB"})", "DMS.00400000", "specification");
  expectRefused(kafka, connector, R"({"node_count":"2"})", "DMS.00400000", "node_count");
  CHECK(kafka.handle(request(HttpMethod::Post, connector, R"({"node_cnt":2})"), kRun).status == 200);
  const Reply emptyDelete =
      kafka.handle(request(HttpMethod::Post, std::string("/v2/") + kProject + "/kafka/instances/i-1/delete-connector"), kRun);
  CHECK(emptyDelete.status == 400);
}

TEST_CASE("Kafka: unknown connectors and routes", "[emulator][kafka]") {
  KafkaBackend kafka(credentials(), nullptr);
  const Reply unknown = kafka.handle(request(HttpMethod::Post, sinkTasksPath("nope"), "{}"), kRun);
  CHECK(unknown.status == 404);
  CHECK(errorCode(unknown) == "DMS.00404022");
  CHECK(kafka.handle(request(HttpMethod::Get, sinkTasksPath() + "/x"), kRun).status == 404);
  const Reply nowhere = kafka.handle(request(HttpMethod::Put, sinkTasksPath()), kRun);
  CHECK(nowhere.status == 404);
  CHECK(errorCode(nowhere) == "APIGW.0101");
  CHECK_FALSE(kafka.claims(request(HttpMethod::Get, disTasksPath())));
  CHECK(kafka.claims(request(HttpMethod::Get, sinkTasksPath())));
  DisBackend dis(credentials(), nullptr);
  CHECK_FALSE(dis.claims(request(HttpMethod::Get, sinkTasksPath())));
  CHECK(dis.claims(request(HttpMethod::Get, disTasksPath())));
  CHECK(std::string(dis.family()) == "dis");
  CHECK(std::string(kafka.family()) == "kafka");
}

// ---- state file -----------------------------------------------------------------------------------

namespace {

void reload(const Backend& from, Backend& to) {
  std::ostringstream out;
  from.save(out);
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    const auto space = line.find(' ');
    const std::string tag = line.substr(0, space);
    REQUIRE(to.ownsTag(tag));
    REQUIRE(to.load(tag, line.substr(space + 1)));
  }
}

}  // namespace

TEST_CASE("a state file round trip keeps the tasks and no secret", "[emulator][dis][kafka]") {
  DisBackend dis(credentials(), nullptr);
  REQUIRE(dis.handle(request(HttpMethod::Post, disTasksPath(), test::readGolden("dis/CreateTransferTask-DWS.http").body), kRun)
              .status == 201);
  REQUIRE(dis.handle(request(HttpMethod::Post, disTasksPath(), test::readGolden("dis/CreateTransferTask-OBS.http").body), kRun)
              .status == 201);
  const std::string id = dis.tasks().at(0).id;
  REQUIRE(dis.handle(request(HttpMethod::Post, disTasksPath() + "/action",
                             R"({"action":"stop","tasks":[{"id":")" + id + R"("}]})"), kRun)
              .status == 200);
  KafkaBackend kafka(credentials(), nullptr);
  REQUIRE(kafka.handle(request(HttpMethod::Post, sinkTasksPath(), test::readGolden("kafka/CreateSinkTask.http").body), kRun)
              .status == 200);
  REQUIRE(kafka.handle(request(HttpMethod::Post, std::string("/v2/") + kProject + "/instances/i-9/connector", "{}"), kRun)
              .status == 200);

  std::ostringstream saved;
  dis.save(saved);
  kafka.save(saved);
  const std::string text = saved.str();
  for (const std::string secret : {"userpassword", "XXXXXXXXXXXXXXXXXXXX"}) {
    CHECK(text.find(secret) == std::string::npos);
    CHECK(text.find(delivery::detail::hexEncode(secret)) == std::string::npos);
  }

  DisBackend disAgain(credentials(), nullptr);
  HuaweiEmulatorCredentials otherDefault = credentials();
  otherDefault.defaultConnectorId = "another-default";
  KafkaBackend kafkaAgain(otherDefault, nullptr);
  reload(dis, disAgain);
  reload(kafka, kafkaAgain);
  const auto same = [](const std::vector<StoredTask>& a, const std::vector<StoredTask>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].scope == b[i].scope);
      CHECK(a[i].name == b[i].name);
      CHECK(a[i].id == b[i].id);
      CHECK(a[i].state == b[i].state);
      CHECK(a[i].createTime == b[i].createTime);
      CHECK(a[i].json == b[i].json);
    }
  };
  same(dis.tasks(), disAgain.tasks());
  same(kafka.tasks(), kafkaAgain.tasks());
  CHECK(kafkaAgain.handle(request(HttpMethod::Get, sinkTasksPath("another-default")), kRun).status == 200);
  CHECK(disAgain.tasks().at(0).state == "PAUSED");
  // The connector enabled on i-9 survived too: enabling it again is refused.
  CHECK(kafkaAgain.handle(request(HttpMethod::Post, std::string("/v2/") + kProject + "/instances/i-9/connector", "{}"), kRun)
            .status == 400);

  CHECK_FALSE(disAgain.load("dis", "s id RUNNING 1 zz"));
  CHECK_FALSE(disAgain.load("dis", "s id RUNNING 1 " + delivery::detail::hexEncode("{}")));
  CHECK_FALSE(kafkaAgain.load("kafka", "c id 1"));
}

// ---- Kafka Smart Connect ---------------------------------------------------------------------------

TEST_CASE("Kafka Smart Connect: the golden requests drive the emulator; bad bodies are named; no secret comes back",
          "[emulator][kafka][smart-connect]") {
  KafkaBackend kafka(credentials(), nullptr);
  const auto create = fromGolden(test::readGolden("kafka/CreateConnectorTask-OBS.http"));
  CHECK(kafka.operation(create) == "CreateConnectorTask");
  // Not enabled on the golden instance yet.
  const Reply refused = kafka.handle(create, kRun);
  CHECK(refused.status == 404);
  CHECK(errorCode(refused) == "DMS.00404022");
  REQUIRE(kafka.handle(fromGolden(test::readGolden("kafka/CreateConnector-new-flavor.http")), kRun).status == 200);

  const Reply created = kafka.handle(create, kRun);
  REQUIRE(created.status == 200);
  CHECK(created.body.find("********") == std::string::npos);  // access_key / secret_key never echoed
  auto entity = parse(created.body);
  const std::string id = entity["id"].GetString();
  CHECK(std::string(entity["status"].GetString()) == "RUNNING");
  CHECK(std::string(entity["sink_task"]["obs_bucket_name"].GetString()) == "obs_bucket");
  CHECK(entity["sink_task"]["obs_part_size"].GetInt() == 5242880);
  CHECK_FALSE(entity["sink_task"].HasMember("access_key"));

  const auto replicate = fromGolden(test::readGolden("kafka/CreateConnectorTask-replicator.http"));
  const Reply replicating = kafka.handle(replicate, kRun);
  REQUIRE(replicating.status == 200);
  auto replicatingTask = parse(replicating.body);
  CHECK_FALSE(replicatingTask["source_task"].HasMember("password"));  // the peer password is not echoed
  CHECK(std::string(replicatingTask["source_task"]["user_name"].GetString()) == "user1");
  CHECK(std::string(replicatingTask["status"].GetString()) == "WAITING");  // start_later

  // Every golden path names its operation; the documented task id is not ours, so it is a 404.
  for (const auto& [file, op] : std::vector<std::pair<const char*, const char*>>{
           {"kafka/ListConnectorTasks.http", "ListConnectorTasks"},
           {"kafka/ListConnectorTasks-no-paging.http", "ListConnectorTasks"},
           {"kafka/ShowConnectorTask.http", "ShowConnectorTask"},
           {"kafka/DeleteConnectorTask.http", "DeleteConnectorTask"},
           {"kafka/PauseConnectorTask.http", "PauseConnectorTask"},
           {"kafka/ResumeConnectorTask.http", "ResumeConnectorTask"},
           {"kafka/RestartConnectorTask.http", "RestartConnectorTask"}}) {
    INFO(file);
    const auto r = fromGolden(test::readGolden(file));
    CHECK(kafka.operation(r) == op);
    const Reply reply = kafka.handle(r, kRun);
    if (std::string(op) == "ListConnectorTasks") {
      REQUIRE(reply.status == 200);
      CHECK(parse(reply.body)["total_number"].GetInt() == 2);
    } else {
      CHECK(reply.status == 404);
      CHECK(errorCode(reply) == "DMS.00404023");
    }
  }

  // The actions on our task: 204 with no body.
  const std::string base = std::string("/v2/") + kProject + "/instances/5a0e4ea0-4b5c-4c1e-9c31-1d2a5c3f0b6e/connector/tasks/" + id;
  const Reply paused = kafka.handle(request(HttpMethod::Put, base + "/pause"), kRun);
  CHECK(paused.status == 204);
  CHECK(paused.body.empty());
  CHECK(std::string(parse(kafka.handle(request(HttpMethod::Get, base), kRun).body)["status"].GetString()) == "PAUSED");
  CHECK(kafka.handle(request(HttpMethod::Put, base + "/resume"), kRun).status == 204);
  CHECK(kafka.handle(request(HttpMethod::Put, std::string("/v2/") + kProject +
                                                  "/kafka/instances/5a0e4ea0-4b5c-4c1e-9c31-1d2a5c3f0b6e/connector/tasks/" +
                                                  id + "/restart"),
                     kRun).status == 204);
  // POST on an action path is not an API.
  CHECK(kafka.handle(request(HttpMethod::Post, base + "/pause"), kRun).status == 404);

  SECTION("bad bodies: 400 naming the field") {
    const auto bad = [&](const std::function<void(rapidjson::Document&)>& change) {
      auto r = create;
      r.body = edited("kafka/CreateConnectorTask-OBS.http", change);
      const Reply reply = kafka.handle(r, kRun);
      CHECK(reply.status == 400);
      return errorMessage(reply);
    };
    CHECK(bad([](rapidjson::Document& d) { d["sink_task"].RemoveMember("access_key"); }).find("sink_task.access_key") !=
          std::string::npos);
    CHECK(bad([](rapidjson::Document& d) { setString(d, d["sink_task"], "partition_format", "dd"); })
              .find("sink_task.partition_format") != std::string::npos);
    CHECK(bad([](rapidjson::Document& d) { setString(d, d, "topics", "a"); }).find("topics") != std::string::npos);
    CHECK(bad([](rapidjson::Document& d) { d.RemoveMember("sink_task"); }).find("sink_task") != std::string::npos);
    CHECK(bad([](rapidjson::Document& d) { d["sink_task"]["store_keys"].SetString("yes"); })
              .find("sink_task.store_keys") != std::string::npos);
    auto list = fromGolden(test::readGolden("kafka/ListConnectorTasks.http"));
    list.query = {{"offset", "0"}, {"limit", "51"}};
    const Reply tooMany = kafka.handle(list, kRun);
    CHECK(tooMany.status == 400);
    CHECK(errorMessage(tooMany).find("limit") != std::string::npos);
  }
}
