// The emulator's Tablestore backend, driven directly (no sockets), against independent data: the
// golden request files (tests/data/golden/tablestore, hand-encoded from the vendor documents) and
// the signing vectors (tests/data/tablestore-signing.json).

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <sstream>

#include "core/crypto.h"
#include "core/text.h"
#include "emulator/tablestore/signing.h"
#include "emulator/tablestore/wire.h"
#include "emulator/tablestore_backend.h"
#include "support/golden.h"
#include "support/vectors.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

using namespace delivery;
using delivery::emulator::Locked;
using delivery::emulator::Reply;
using delivery::emulator::StoredTask;
using delivery::emulator::TablestoreBackend;
namespace ots = delivery::emulator::ots;

namespace {

const Credentials kCreds("emulator-access-key-id", "emulator-access-key-secret");

const Locked kRun = [](const std::function<Reply()>& step) { return step(); };

// ---- a minimal protobuf reader of the test's own, to pick fields out of golden bytes ----------

std::uint64_t readVarint(std::string_view s, std::size_t& i) {
  std::uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    REQUIRE(i < s.size());
    const auto b = static_cast<std::uint8_t>(s[i++]);
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return v;
  }
}

// The payload of the first LEN field `number` of a message (golden messages only use VARINT and LEN).
std::string lenField(std::string_view message, std::uint64_t number) {
  std::size_t i = 0;
  while (i < message.size()) {
    const std::uint64_t key = readVarint(message, i);
    if ((key & 7) == 0) {
      readVarint(message, i);
      continue;
    }
    REQUIRE((key & 7) == 2);
    const std::size_t length = static_cast<std::size_t>(readVarint(message, i));
    if ((key >> 3) == number) return std::string(message.substr(i, length));
    i += length;
  }
  FAIL("field " << number << " not found");
  return {};
}

std::string fromHex(std::string_view hex) {
  std::string out;
  REQUIRE(delivery::detail::hexDecode(hex, out));
  return out;
}

// ---- requests ------------------------------------------------------------------------------------

// Signed with the SDK's signer (a separate implementation of the same spec), now.
HttpRequest signedRequest(const std::string& action, std::string body, const Credentials& creds = kCreds) {
  HttpRequest http;
  http.method = HttpMethod::Post;
  http.path = "/" + action;
  http.body = std::move(body);
  tablestore::detail::SigningContext ctx;
  ctx.credentials = creds;
  ctx.instanceName = "emulator";
  ctx.userAgent = "test";
  tablestore::detail::signRequest(http, action, ctx, std::chrono::system_clock::now(),
                                  delivery::detail::base64Encode(delivery::detail::md5(http.body)), "trace");
  return http;
}

HttpRequest goldenRequest(const std::string& file) {
  const auto g = test::readGolden(file);
  REQUIRE(g.method == "POST");
  REQUIRE_FALSE(g.contentType);
  return signedRequest(g.target.substr(1), g.body);
}

std::string goldenBody(const std::string& file) { return test::readGolden(file).body; }

std::string errorCode(const Reply& r) {
  std::string code, message;
  REQUIRE(tablestore::detail::decodeError(r.body, code, message));
  CHECK(code == r.code);
  return code;
}

std::string errorMessage(const Reply& r) {
  std::string code, message;
  REQUIRE(tablestore::detail::decodeError(r.body, code, message));
  return message;
}

// A 400 OTSParameterInvalid whose message names `field`.
void checkRejected(TablestoreBackend& backend, const std::string& action, const std::string& body,
                   const std::string& field) {
  INFO(action << " expecting a rejection naming " << field);
  const Reply r = backend.handle(signedRequest(action, body), kRun);
  CHECK(r.status == 400);
  CHECK(errorCode(r) == "OTSParameterInvalid");
  const std::string message = errorMessage(r);
  INFO("message: " << message);
  CHECK(message.find(field) != std::string::npos);
}

// The golden Java create, decoded by the emulator, to derive variants from.
ots::Message goldenCreate() {
  auto m = ots::decode(ots::kCreateDeliveryTaskRequest, goldenBody("tablestore/CreateDeliveryTask.txt"));
  REQUIRE(m);
  return *m;
}

ots::Message& configOf(ots::Message& create) {
  for (auto& e : create.entries) {
    if (e.field->name == "taskConfig") return e.messages.front();
  }
  FAIL("no taskConfig");
  throw 0;
}

}  // namespace

TEST_CASE("tablestore backend: every golden request is accepted and its fields are stored as sent",
          "[integration][emulator][tablestore][golden]") {
  std::vector<std::string> files;
  for (const auto& f : test::listGoldenFiles()) {
    if (f.rfind("tablestore/", 0) == 0) files.push_back(f);
  }
  // Each file below is used; a new golden file must be added here too.
  CHECK(files == std::vector<std::string>{"tablestore/CreateDeliveryTask-formatter-dirty-prefix.txt",
                                          "tablestore/CreateDeliveryTask-go-sample.txt",
                                          "tablestore/CreateDeliveryTask.txt", "tablestore/DeleteDeliveryTask.txt",
                                          "tablestore/DescribeDeliveryTask.txt", "tablestore/ListDeliveryTask.txt",
                                          "tablestore/UpdateDeliveryTask.txt"});

  TablestoreBackend backend(kCreds, nullptr);
  const std::string javaCreate = goldenBody("tablestore/CreateDeliveryTask.txt");
  const std::string describeBody = goldenBody("tablestore/DescribeDeliveryTask.txt");

  Reply r = backend.handle(goldenRequest("tablestore/CreateDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(r.body.empty());
  CHECK(backend.taskCount() == 1);

  // Describe: the config comes back as the very bytes the create carried (field 3 of the create,
  // field 1 of the answer), the task type is BASE_INC (field 3 = 2).
  r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(lenField(r.body, 1) == lenField(javaCreate, 3));
  CHECK(r.body.substr(r.body.size() - 2) == std::string("\x18\x02", 2));
  // ... and the SDK's decoder reads the same values.
  auto described = tablestore::detail::decodeDescribeResponse(r.body);
  REQUIRE(described);
  const auto& config = described->getTaskConfig();
  CHECK(config.getOssBucket() == "datadeliverytest");
  CHECK(config.getOssPrefix() == "sampledeliverytask/year=$yyyy/month=$MM");
  CHECK(config.getOssStsRole() == "acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery");
  REQUIRE(config.getEventTimeColumn());
  CHECK(config.getEventTimeColumn()->getColumnName() == "PK1");
  CHECK(config.getEventTimeColumn()->getEventTimeFormat() == tablestore::EventTimeFormat::RFC1123);
  REQUIRE(config.getParquetSchemaList().size() == 3);
  CHECK(config.getParquetSchemaList()[1].getColumnName() == "PK2");
  CHECK(config.getParquetSchemaList()[1].getType() == tablestore::DataType::BOOL);
  CHECK(described->getTaskType() == tablestore::DeliveryTaskType::BASE_INC);
  CHECK(described->getTaskSyncStat().getTaskSyncPhase() == tablestore::TaskSyncPhase::FULL);

  // List: one DeliveryTaskInfo = the describe request's two fields, then taskType 2.
  r = backend.handle(goldenRequest("tablestore/ListDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  const std::string info = describeBody + std::string("\x18\x02", 2);
  CHECK(r.body == std::string(1, '\x0a') + static_cast<char>(info.size()) + info);

  // tasks(): the stored config, by the vendor schema's names.
  auto stored = backend.tasks();
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].family == "tablestore");
  CHECK(stored[0].scope == "sampleTable");
  CHECK(stored[0].name == "sampledeliverytask");
  CHECK(stored[0].id.empty());
  CHECK(stored[0].state.empty());
  CHECK(stored[0].json.find("\"ossBucket\":\"datadeliverytest\"") != std::string::npos);
  CHECK(stored[0].json.find("\"eventTimeColumn\":{\"columnName\":\"PK1\",\"timeFormat\":\"RFC1123\"}") != std::string::npos);
  CHECK(stored[0].json.find("{\"columnName\":\"PK2\",\"ossColumnName\":\"PK2\",\"type\":\"BOOL\",\"encode\":\"PLAIN\"}") !=
        std::string::npos);
  CHECK(stored[0].json.find("\"taskType\":\"BASE_INC\"") != std::string::npos);

  // Create again: 409.
  r = backend.handle(goldenRequest("tablestore/CreateDeliveryTask.txt"), kRun);
  CHECK(r.status == 409);
  CHECK(errorCode(r) == "OTSObjectAlreadyExist");

  // Update (config at field 5 of the request): stored as carried.
  r = backend.handle(goldenRequest("tablestore/UpdateDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(lenField(r.body, 1) == lenField(goldenBody("tablestore/UpdateDeliveryTask.txt"), 5));

  r = backend.handle(goldenRequest("tablestore/DeleteDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(backend.taskCount() == 0);
  r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  CHECK(r.status == 404);
  CHECK(errorCode(r) == "OTSObjectNotExist");
  r = backend.handle(goldenRequest("tablestore/DeleteDeliveryTask.txt"), kRun);
  CHECK(r.status == 404);
  r = backend.handle(goldenRequest("tablestore/UpdateDeliveryTask.txt"), kRun);
  CHECK(r.status == 404);

  // The Go sample (no event column, other types): stored as carried too.
  r = backend.handle(goldenRequest("tablestore/CreateDeliveryTask-go-sample.txt"), kRun);
  REQUIRE(r.status == 200);
  r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(lenField(r.body, 1) == lenField(goldenBody("tablestore/CreateDeliveryTask-go-sample.txt"), 3));
  described = tablestore::detail::decodeDescribeResponse(r.body);
  REQUIRE(described);
  CHECK_FALSE(described->getTaskConfig().getEventTimeColumn());
  REQUIRE(described->getTaskConfig().getParquetSchemaList().size() == 3);
  CHECK(described->getTaskConfig().getParquetSchemaList()[0].getType() == tablestore::DataType::INT64);
  CHECK(described->getTaskConfig().getParquetSchemaList()[2].getType() == tablestore::DataType::DOUBLE);
  CHECK_FALSE(described->getTaskConfig().getTimeFormatter());
  CHECK_FALSE(described->getTaskConfig().getOssDirtyPrefix());

  // formatter (field 2) and ossDirtyPrefix (field 3): accepted, stored and described as carried.
  r = backend.handle(goldenRequest("tablestore/DeleteDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  r = backend.handle(goldenRequest("tablestore/CreateDeliveryTask-formatter-dirty-prefix.txt"), kRun);
  REQUIRE(r.status == 200);
  r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  CHECK(lenField(r.body, 1) == lenField(goldenBody("tablestore/CreateDeliveryTask-formatter-dirty-prefix.txt"), 3));
  described = tablestore::detail::decodeDescribeResponse(r.body);
  REQUIRE(described);
  CHECK(described->getTaskConfig().getTimeFormatter() == tablestore::TimeFormatter::YDMFormatter);
  CHECK(described->getTaskConfig().getOssDirtyPrefix() == std::optional<std::string>("dirty/"));
  stored = backend.tasks();
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].json.find("\"formatter\":\"YDMFormatter\",\"ossDirtyPrefix\":\"dirty/\"") != std::string::npos);
}

TEST_CASE("tablestore backend: the signing vectors are accepted, and one changed byte is refused",
          "[integration][emulator][tablestore][signing]") {
  rapidjson::Document doc;
  doc.Parse(test::readDataFile("tablestore-signing.json").c_str());
  REQUIRE(doc.IsObject());
  std::map<std::string, std::string> payloads;
  for (const auto& p : doc["payloads"].GetArray()) payloads[p["id"].GetString()] = fromHex(p["hex"].GetString());

  std::chrono::system_clock::time_point vectorTime{};
  REQUIRE(delivery::detail::parseIso8601("2024-01-02T03:04:05.000Z", vectorTime));

  for (const auto& v : doc["requests"].GetArray()) {
    const std::string id = v["id"].GetString();
    INFO("vector " << id);
    const bool v4 = v.HasMember("kind") && std::string(v["kind"].GetString()) == "V4";
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.path = std::string("/") + v["action"].GetString();
    request.body = payloads.at(v["body_payload"].GetString());
    for (const auto& h : v["headers"].GetObject()) request.headers.add(h.name.GetString(), h.value.GetString());
    const char* signatureHeader = v4 ? "x-ots-signaturev4" : "x-ots-signature";
    request.headers.add(signatureHeader, v[signatureHeader].GetString());
    const Credentials creds(request.headers.get("x-ots-accesskeyid"), v["secret"].GetString());

    if (v.HasMember("string_to_sign")) {
      std::string text, why;
      REQUIRE(ots::requestStringToSign(v["action"].GetString(), request.headers, text, why));
      CHECK(text == v["string_to_sign"].GetString());
    }
    if (v4) CHECK(ots::v4SigningKey(creds.accessKeySecret, v["sign_date"].GetString(), v["region"].GetString()) ==
                  v["signing_key"].GetString());

    auto fresh = [&](Credentials c, std::chrono::system_clock::time_point at) {
      auto b = std::make_unique<TablestoreBackend>(std::move(c), nullptr);
      b->setClock([at] { return at; });
      return b;
    };
    {
      auto backend = fresh(creds, vectorTime + std::chrono::minutes(14));
      const Reply ok = backend->handle(request, kRun);
      INFO(ok.code << " " << (ok.status == 200 ? std::string() : errorMessage(ok)));
      CHECK(ok.status == 200);
      // The answer is signed as spec 4.1 says, checked with the SDK's response signer.
      const std::string key = v4 ? tablestore::detail::v4SigningKey(creds.accessKeySecret, v["sign_date"].GetString(),
                                                                    v["region"].GetString())
                                 : creds.accessKeySecret;
      CHECK(ok.headers.get("authorization") ==
            "OTS " + creds.accessKeyId + ":" +
                tablestore::detail::signV2(key, tablestore::detail::responseCanonicalString(v["action"].GetString(), ok.headers)));
    }
    auto refused = [&](const HttpRequest& changed, const std::string& why, Credentials c) {
      INFO(why);
      auto backend = fresh(std::move(c), vectorTime);
      const Reply r = backend->handle(changed, kRun);
      CHECK(r.status == 403);
      CHECK(errorCode(r) == "OTSAuthFailed");
      CHECK(r.headers.get("authorization").empty());
      CHECK(errorMessage(r).find(creds.accessKeySecret) == std::string::npos);
      CHECK(backend->taskCount() == 0);
    };
    // One byte of the signature, the body, a signed header value, the secret.
    HttpRequest changed = request;
    std::string sig = request.headers.get(signatureHeader);
    sig[3] = sig[3] == 'A' ? 'B' : 'A';
    changed.headers.set(signatureHeader, sig);
    refused(changed, "signature changed", creds);
    changed = request;
    changed.body.back() = static_cast<char>(changed.body.back() ^ 1);
    refused(changed, "body changed", creds);
    changed = request;
    changed.headers.set("x-ots-instancename", "myinstancf");
    refused(changed, "instance name changed", creds);
    changed = request;
    changed.headers.set("x-ots-date", "2024-01-02T03:04:06.000Z");
    refused(changed, "date changed", creds);
    refused(request, "secret changed", Credentials(creds.accessKeyId, "testsecreT"));
    refused(request, "other access key id", Credentials("testaccesskeyiD", creds.accessKeySecret));
    refused(request, "an STS token is expected", Credentials(creds.accessKeyId, creds.accessKeySecret, "teststs2"));
    changed = request;
    changed.headers.set("x-ots-apiversion", "2015-12-30");
    refused(changed, "other api version", creds);
    changed = request;
    changed.headers.add("x-ots-extra", "1");
    refused(changed, "an unsigned x-ots header added", creds);
    for (const char* header : {"x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename",
                               "x-ots-contentmd5", signatureHeader}) {
      changed = request;
      changed.headers.remove(header);
      refused(changed, std::string("without ") + header, creds);
    }
    if (v4) {
      changed = request;
      changed.headers.set("x-ots-signregion", "cn-shanghai");
      refused(changed, "other region", creds);
    }
    // The date: at most 15 minutes either way.
    {
      auto late = fresh(creds, vectorTime + std::chrono::minutes(16));
      const Reply r = late->handle(request, kRun);
      CHECK(r.status == 403);
      CHECK(errorMessage(r).find("15 minutes") != std::string::npos);
      auto early = fresh(creds, vectorTime - std::chrono::minutes(16));
      CHECK(early->handle(request, kRun).status == 403);
    }
    // A vector with an STS token is accepted when the emulator expects exactly that token.
    if (request.headers.contains("x-ots-ststoken")) {
      auto backend = fresh(Credentials(creds.accessKeyId, creds.accessKeySecret, "teststs"), vectorTime);
      CHECK(backend->handle(request, kRun).status == 200);
    }
  }

  // Response vectors (spec 3.7): the emulator's response signature.
  for (const auto& v : doc["responses"].GetArray()) {
    if (!v["valid"].GetBool()) continue;
    INFO("vector " << v["id"].GetString());
    Headers headers;
    std::string authorization;
    for (const auto& h : v["headers"].GetObject()) {
      if (std::string(h.name.GetString()) == "authorization") {
        authorization = h.value.GetString();
      } else {
        headers.add(h.name.GetString(), h.value.GetString());
      }
    }
    if (v.HasMember("string_signed")) CHECK(ots::responseStringToSign(v["action"].GetString(), headers) == v["string_signed"].GetString());
    const std::string mine = ots::responseAuthorization("id", v["secret"].GetString(), v["action"].GetString(), headers);
    const std::string signature = mine.substr(mine.find(':') + 1);
    CHECK(authorization.size() > signature.size());
    CHECK(authorization.compare(authorization.size() - signature.size() - 1, std::string::npos, ":" + signature) == 0);
  }
}

TEST_CASE("tablestore backend: each request rule and wire check gives 400 OTSParameterInvalid naming the field",
          "[integration][emulator][tablestore][rules]") {
  TablestoreBackend backend(kCreds, nullptr);
  const std::string javaCreate = goldenBody("tablestore/CreateDeliveryTask.txt");

  auto variant = [](auto change) {
    ots::Message m = goldenCreate();
    change(m, configOf(m));
    return ots::encode(m);
  };
  auto schemaEntry = [](ots::Message& config, std::size_t i) -> ots::Message& {
    for (auto& e : config.entries) {
      if (e.field->name == "schema") return e.messages.at(i);
    }
    throw std::logic_error("no schema");
  };

  SECTION("request rules (spec 1.2, 2.1, 6)") {
    struct Case {
      const char* field;
      std::function<void(ots::Message&, ots::Message&)> change;
    };
    const Case cases[] = {
        {"tableName", [](ots::Message& m, ots::Message&) { m.clear("tableName"); }},
        {"tableName", [](ots::Message& m, ots::Message&) { m.clear("tableName"); m.setString("tableName", ""); }},
        {"taskName", [](ots::Message& m, ots::Message&) { m.clear("taskName"); }},
        {"taskName", [](ots::Message& m, ots::Message&) { m.clear("taskName"); m.setString("taskName", "Bad_Task"); }},
        {"taskName", [](ots::Message& m, ots::Message&) { m.clear("taskName"); m.setString("taskName", "ab"); }},
        {"taskName", [](ots::Message& m, ots::Message&) { m.clear("taskName"); m.setString("taskName", "-abc"); }},
        {"taskName", [](ots::Message& m, ots::Message&) { m.clear("taskName"); m.setString("taskName", std::string(65, 'a')); }},
        {"taskType", [](ots::Message& m, ots::Message&) { m.clear("taskType"); }},
        {"taskConfig", [](ots::Message& m, ots::Message&) { m.clear("taskConfig"); }},
        {"taskConfig.ossPrefix", [](ots::Message&, ots::Message& c) { c.clear("ossPrefix"); }},
        {"taskConfig.ossPrefix", [](ots::Message&, ots::Message& c) { c.clear("ossPrefix"); c.setString("ossPrefix", ""); }},
        {"taskConfig.ossPrefix", [](ots::Message&, ots::Message& c) { c.clear("ossPrefix"); c.setString("ossPrefix", "p/$yy"); }},
        {"taskConfig.ossBucket", [](ots::Message&, ots::Message& c) { c.clear("ossBucket"); }},
        {"taskConfig.ossEndpoint", [](ots::Message&, ots::Message& c) { c.clear("ossEndpoint"); }},
        {"taskConfig.ossStsRole", [](ots::Message&, ots::Message& c) { c.clear("ossStsRole"); }},
        {"taskConfig.ossStsRole", [](ots::Message&, ots::Message& c) { c.clear("ossStsRole"); c.setString("ossStsRole", "aliyunserviceroleforotsdatadelivery"); }},
        {"taskConfig.ossStsRole", [](ots::Message&, ots::Message& c) { c.clear("ossStsRole"); c.setString("ossStsRole", "acs:ram:::role/x"); }},
        {"taskConfig.format", [](ots::Message&, ots::Message& c) { c.clear("format"); }},
        {"taskConfig.ossDirtyPrefix", [](ots::Message&, ots::Message& c) { c.setString("ossDirtyPrefix", ""); }},
        {"taskConfig.schema", [](ots::Message&, ots::Message& c) { c.clear("schema"); }},
        {"taskConfig.eventTimeColumn.timeFormat", [](ots::Message&, ots::Message& c) {
           ots::Message e(ots::kEventColumn);
           e.setString("columnName", "PK1");
           c.clear("eventTimeColumn");
           c.addMessage("eventTimeColumn", e);
         }},
        {"taskConfig.eventTimeColumn.columnName", [](ots::Message&, ots::Message& c) {
           ots::Message e(ots::kEventColumn);
           e.setNumber("timeFormat", 3);
           c.clear("eventTimeColumn");
           c.addMessage("eventTimeColumn", e);
         }},
    };
    for (const Case& c : cases) checkRejected(backend, "CreateDeliveryTask", variant(c.change), c.field);
    checkRejected(backend, "CreateDeliveryTask", variant([&](ots::Message&, ots::Message& c) { schemaEntry(c, 1).clear("type"); }),
                  "taskConfig.schema[1].type");
    checkRejected(backend, "CreateDeliveryTask", variant([&](ots::Message&, ots::Message& c) { schemaEntry(c, 2).clear("encode"); }),
                  "taskConfig.schema[2].encode");
    checkRejected(backend, "CreateDeliveryTask",
                  variant([&](ots::Message&, ots::Message& c) { schemaEntry(c, 0).clear("ossColumnName"); }),
                  "taskConfig.schema[0].ossColumnName");
    checkRejected(backend, "CreateDeliveryTask",
                  variant([&](ots::Message&, ots::Message& c) { schemaEntry(c, 0).clear("columnName"); }),
                  "taskConfig.schema[0].columnName");
    // Update, Describe, Delete, List.
    const std::string update = goldenBody("tablestore/UpdateDeliveryTask.txt");
    checkRejected(backend, "UpdateDeliveryTask", update.substr(13), "table");                    // no field 1
    checkRejected(backend, "UpdateDeliveryTask", update.substr(0, 33), "taskConfig");            // no field 5
    checkRejected(backend, "DescribeDeliveryTask", goldenBody("tablestore/DescribeDeliveryTask.txt").substr(0, 13), "taskName");
    checkRejected(backend, "DeleteDeliveryTask", goldenBody("tablestore/DeleteDeliveryTask.txt").substr(13), "tableName");
    checkRejected(backend, "ListDeliveryTask", "", "tableName");
    checkRejected(backend, "ListDeliveryTask", std::string("\x0a\x00", 2), "tableName");
  }

  SECTION("wire checks: enums, wire types, unknown numbers, truncation, duplicates, UTF-8") {
    // Bytes spliced into the golden create: [0, 33) holds fields 1 and 2, then field 3 (3 + 212
    // bytes), then field 4 "20 02".
    REQUIRE(javaCreate.size() == 33 + 215 + 2);
    const std::string head = javaCreate.substr(0, 33 + 215);
    checkRejected(backend, "CreateDeliveryTask", head + std::string("\x20\x03", 2), "taskType");       // enum 3
    checkRejected(backend, "CreateDeliveryTask", head + std::string("\x22\x01\x02", 3), "taskType");   // LEN
    checkRejected(backend, "CreateDeliveryTask", head + std::string("\x25\x02\0\0\0", 5), "taskType"); // I32
    checkRejected(backend, "CreateDeliveryTask", head + std::string("\x20\x02\x20\x02", 4), "taskType"); // twice
    checkRejected(backend, "CreateDeliveryTask", head + std::string("\x28\x01", 2), "unknown field number 5");
    checkRejected(backend, "CreateDeliveryTask", head + "\x20", "taskType");                            // truncated varint
    checkRejected(backend, "CreateDeliveryTask", javaCreate.substr(0, 100), "taskConfig");              // truncated LEN
    checkRejected(backend, "CreateDeliveryTask", std::string("\x08\x01", 2) + javaCreate.substr(13), "tableName");  // VARINT
    checkRejected(backend, "CreateDeliveryTask", std::string("\x0a\x02\xc3\x28", 4) + javaCreate.substr(13), "tableName");
    checkRejected(backend, "CreateDeliveryTask", std::string("\x00\x00", 2) + javaCreate, "malformed");   // field 0
    checkRejected(backend, "CreateDeliveryTask", std::string("\x0b", 1) + javaCreate, "malformed");       // group
    checkRejected(backend, "CreateDeliveryTask", std::string(11, '\xff') + javaCreate, "malformed");      // long varint
    checkRejected(backend, "CreateDeliveryTask", "not a protobuf \xff\xff", "malformed");
    checkRejected(backend, "CreateDeliveryTask",
                  variant([](ots::Message&, ots::Message& c) { c.clear("format"); c.setNumber("format", 1); }),
                  "taskConfig.format");
    checkRejected(backend, "CreateDeliveryTask",
                  variant([](ots::Message&, ots::Message& c) { c.clear("formatter"); c.setNumber("formatter", 1); }),
                  "taskConfig.formatter");
    checkRejected(backend, "CreateDeliveryTask", variant([&](ots::Message&, ots::Message& c) {
                    schemaEntry(c, 0).clear("type");
                    schemaEntry(c, 0).setNumber("type", 16);
                  }),
                  "taskConfig.schema[0].type");
    checkRejected(backend, "CreateDeliveryTask", variant([&](ots::Message&, ots::Message& c) {
                    schemaEntry(c, 0).clear("encode");
                    schemaEntry(c, 0).setNumber("encode", -1);
                  }),
                  "taskConfig.schema[0].encode");
    checkRejected(backend, "CreateDeliveryTask", variant([](ots::Message&, ots::Message& c) {
                    ots::Message e(ots::kEventColumn);
                    e.setString("columnName", "PK1").setNumber("timeFormat", 0);
                    c.clear("eventTimeColumn");
                    c.addMessage("eventTimeColumn", e);
                  }),
                  "taskConfig.eventTimeColumn.timeFormat");
    // OSSTaskConfig numbers 9 and 10 are unused; UpdateDeliveryTaskRequest numbers 3 and 4 too.
    std::string config = lenField(javaCreate, 3) + std::string("\x4a\x01x", 3);
    checkRejected(backend, "CreateDeliveryTask",
                  javaCreate.substr(0, 33) + "\x1a" + static_cast<char>(config.size()) + "\x01" + config,
                  "unknown field number 9");
    const std::string update = goldenBody("tablestore/UpdateDeliveryTask.txt");
    checkRejected(backend, "UpdateDeliveryTask", update.substr(0, 33) + std::string("\x1a\x00", 2) + update.substr(33),
                  "unknown field number 3");
    // Describe with Create's field 3 (a config) is not a DescribeDeliveryTaskRequest.
    checkRejected(backend, "DescribeDeliveryTask", javaCreate.substr(0, 33 + 215), "unknown field number 3");
  }

  SECTION("method and action") {
    HttpRequest get = signedRequest("ListDeliveryTask", goldenBody("tablestore/ListDeliveryTask.txt"));
    get.method = HttpMethod::Get;
    Reply r = backend.handle(get, kRun);
    CHECK(r.status == 405);
    r = backend.handle(signedRequest("ListDeliveryTasks", goldenBody("tablestore/ListDeliveryTask.txt")), kRun);
    CHECK(r.status == 400);
    CHECK(errorMessage(r).find("ListDeliveryTasks") != std::string::npos);
  }
  CHECK(backend.taskCount() == 0);
}

TEST_CASE("tablestore backend: operation names", "[integration][emulator][tablestore]") {
  TablestoreBackend backend(kCreds, nullptr);
  for (const char* action : {"CreateDeliveryTask", "UpdateDeliveryTask", "DescribeDeliveryTask", "DeleteDeliveryTask",
                             "ListDeliveryTask"}) {
    HttpRequest r;
    r.method = HttpMethod::Post;
    r.path = std::string("/") + action;
    CHECK(backend.operation(r) == action);
    r.method = HttpMethod::Get;
    CHECK(backend.operation(r).empty());
  }
  HttpRequest r;
  r.method = HttpMethod::Post;
  r.path = "/ListDeliveryTasks";
  CHECK(backend.operation(r).empty());
}

TEST_CASE("tablestore backend: the state file keeps every task and nothing secret", "[integration][emulator][tablestore]") {
  const Credentials creds("emulator-access-key-id", "emulator-access-key-secret", "sts-token-value");
  TablestoreBackend backend(creds, nullptr);
  REQUIRE(backend.handle(signedRequest("CreateDeliveryTask", goldenBody("tablestore/CreateDeliveryTask.txt"), creds), kRun).status == 200);
  ots::Message go = *ots::decode(ots::kCreateDeliveryTaskRequest, goldenBody("tablestore/CreateDeliveryTask-go-sample.txt"));
  go.clear("tableName");
  go.setString("tableName", "otherTable");
  go.clear("taskType");
  go.setNumber("taskType", 1);
  REQUIRE(backend.handle(signedRequest("CreateDeliveryTask", ots::encode(go), creds), kRun).status == 200);
  REQUIRE(backend.takeDirty());

  std::ostringstream saved;
  backend.save(saved);
  const std::string text = saved.str();
  CHECK(text.find(creds.accessKeySecret) == std::string::npos);
  CHECK(text.find(creds.securityToken) == std::string::npos);
  CHECK(text.find(delivery::detail::hexEncode(creds.accessKeySecret)) == std::string::npos);
  std::istringstream lines(text);
  std::string line;
  TablestoreBackend reloaded(creds, nullptr);
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    const auto space = line.find(' ');
    REQUIRE(line.substr(0, space) == "ots");
    CHECK(reloaded.ownsTag("ots"));
    REQUIRE(reloaded.load("ots", line.substr(space + 1)));
  }
  CHECK(count == 2);
  const auto before = backend.tasks();
  const auto after = reloaded.tasks();
  REQUIRE(after.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(after[i].scope == before[i].scope);
    CHECK(after[i].name == before[i].name);
    CHECK(after[i].createTime == before[i].createTime);
    CHECK(after[i].json == before[i].json);
  }
  // The reloaded Java sample answers Describe with the golden config bytes.
  Reply r = reloaded.handle(signedRequest("DescribeDeliveryTask", goldenBody("tablestore/DescribeDeliveryTask.txt"), creds), kRun);
  REQUIRE(r.status == 200);
  CHECK(lenField(r.body, 1) == lenField(goldenBody("tablestore/CreateDeliveryTask.txt"), 3));
  CHECK(after[0].json.find("\"taskType\":\"INC\"") != std::string::npos);

  // Corrupt lines are refused.
  TablestoreBackend empty(creds, nullptr);
  CHECK_FALSE(empty.load("ots", "123 zz-not-hex"));
  CHECK_FALSE(empty.load("ots", "123"));
  CHECK_FALSE(empty.load("ots", "x 0a0b"));
  CHECK_FALSE(empty.load("ots", "123 " + delivery::detail::hexEncode(goldenBody("tablestore/CreateDeliveryTask.txt").substr(0, 100))));
  CHECK_FALSE(empty.load("ots", "123 " + delivery::detail::hexEncode(goldenBody("tablestore/DescribeDeliveryTask.txt"))));
  CHECK_FALSE(empty.load("dis", "123 0a"));
  CHECK(empty.taskCount() == 0);
}

TEST_CASE("tablestore backend: seed() takes the vendor-named JSON and checks it as a create", "[integration][emulator][tablestore]") {
  // The Java sample (seed 000), written by hand with the .proto names (spec 1.1).
  const std::string json = R"({"taskConfig":{"ossPrefix":"sampledeliverytask/year=$yyyy/month=$MM",
      "ossBucket":"datadeliverytest","ossEndpoint":"oss-cn-hangzhou.aliyuncs.com",
      "ossStsRole":"acs:ram::1234567890:role/aliyunserviceroleforotsdatadelivery",
      "eventTimeColumn":{"columnName":"PK1","timeFormat":"RFC1123"},"format":"Parquet",
      "schema":[{"columnName":"PK1","ossColumnName":"PK1","type":"UTF8","encode":"PLAIN"},
                {"columnName":"PK2","ossColumnName":"PK2","type":"BOOL","encode":"PLAIN"},
                {"columnName":"Col1","ossColumnName":"Col1","type":"UTF8","encode":"PLAIN"}]},
      "taskType":"BASE_INC"})";
  TablestoreBackend backend(kCreds, nullptr);
  StoredTask task{"tablestore", "sampleTable", "sampledeliverytask", {}, {}, 1700000000123, json};
  REQUIRE(backend.seed(task));
  CHECK(backend.taskCount() == 1);
  Reply r = backend.handle(goldenRequest("tablestore/DescribeDeliveryTask.txt"), kRun);
  REQUIRE(r.status == 200);
  // Seeded from JSON, the config encodes to exactly the golden create's bytes.
  CHECK(lenField(r.body, 1) == lenField(goldenBody("tablestore/CreateDeliveryTask.txt"), 3));
  auto stored = backend.tasks();
  REQUIRE(stored.size() == 1);
  CHECK(stored[0].createTime == 1700000000123);

  // tasks() JSON seeds another backend to the same task.
  TablestoreBackend copy(kCreds, nullptr);
  REQUIRE(copy.seed(stored[0]));
  CHECK(copy.tasks()[0].json == stored[0].json);
  // Seeding the same scope and name replaces the task.
  std::string inc = json;
  inc.replace(inc.find("BASE_INC"), 8, "INC");
  REQUIRE(copy.seed(StoredTask{"tablestore", "sampleTable", "sampledeliverytask", {}, {}, 0, inc}));
  CHECK(copy.taskCount() == 1);
  CHECK(copy.tasks()[0].json.find("\"taskType\":\"INC\"") != std::string::npos);

  auto rejected = [&](const std::string& scope, const std::string& name, const std::string& body, const std::string& field) {
    INFO(body);
    TablestoreBackend b(kCreds, nullptr);
    auto s = b.seed(StoredTask{"tablestore", scope, name, {}, {}, 0, body});
    REQUIRE_FALSE(s);
    CHECK(s.error().kind == ErrorKind::InvalidArgument);
    INFO(s.error().message);
    CHECK(s.error().message.find(field) != std::string::npos);
    CHECK(b.taskCount() == 0);
  };
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string s = json;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  rejected("sampleTable", "Bad_Task", json, "taskName");
  rejected("", "sampledeliverytask", json, "tableName");
  rejected("sampleTable", "sampledeliverytask", replaced("\"ossBucket\"", "\"ossBuckett\""), "ossBuckett");
  rejected("sampleTable", "sampledeliverytask", replaced("\"BASE_INC\"", "\"BaseIncTask\""), "taskType");
  rejected("sampleTable", "sampledeliverytask", replaced("\"BOOL\"", "\"ParquetBool\""), "taskConfig.schema[1].type");
  rejected("sampleTable", "sampledeliverytask", replaced("\"RFC1123\"", "3"), "taskConfig.eventTimeColumn.timeFormat");
  rejected("sampleTable", "sampledeliverytask", replaced("\"format\":\"Parquet\",", ""), "taskConfig.format");
  rejected("sampleTable", "sampledeliverytask", replaced("$yyyy", "$YYYY"), "taskConfig.ossPrefix");
  rejected("sampleTable", "sampledeliverytask", R"({"tableName":"otherTable",)" + json.substr(1), "tableName");
  rejected("sampleTable", "sampledeliverytask", "{not json", "JSON");
}

TEST_CASE("tablestore backend: the test hook runs after decoding and before the rules", "[integration][emulator][tablestore]") {
  std::vector<std::string> seen;
  TablestoreBackend backend(kCreds, [&seen](const std::string& path) { seen.push_back(path); });
  // Not decodable: no hook. Decodable but against the rules: hook, then 400. Valid: hook, then 200.
  CHECK(backend.handle(signedRequest("ListDeliveryTask", std::string("\x08\x01", 2)), kRun).status == 400);
  CHECK(seen.empty());
  CHECK(backend.handle(signedRequest("ListDeliveryTask", ""), kRun).status == 400);
  CHECK(seen == std::vector<std::string>{"/ListDeliveryTask"});
  CHECK(backend.handle(goldenRequest("tablestore/CreateDeliveryTask.txt"), kRun).status == 200);
  CHECK(seen == std::vector<std::string>{"/ListDeliveryTask", "/CreateDeliveryTask"});
}
