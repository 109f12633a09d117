// DisClient through MockTransport: each operation's method, path, headers and body, responses,
// errors, retries, authentication modes, endpoints and logging without secrets.

#include <catch2/catch.hpp>
#include <mutex>

#include "delivery/dis/client.h"
#include "delivery/testing/fake_clock.h"
#include "support/capturing_logger.h"
#include "support/huawei_signature.h"
#include "support/scoped_env.h"
#include "delivery/testing/mock_transport.h"
#include "dis/codec.h"
#include "huawei/signer.h"

using namespace delivery;
using namespace delivery::dis;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::testing::RecordingSleeper;
namespace hd = delivery::huawei::detail;

namespace {

struct Fixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  std::shared_ptr<FakeClock> clock = FakeClock::at("2024-01-02T03:04:05Z");
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>(clock);
  DisClientConfig config;
  HuaweiCredentials creds = HuaweiCredentials::withAkSk("AK", "SK-SECRET", "proj123");

  Fixture() {
    config.transport = transport;
    config.clock = clock;
    config.sleeper = sleeper;
    config.region = "cn-north-4";
  }
  DisClient client() { return DisClient::create(creds, config).value(); }
  void reply(int status, std::string body = {}, std::string requestId = "req-1") {
    Headers h;
    h.add("X-Request-Id", std::move(requestId));
    if (!body.empty()) h.add("Content-Type", "application/json");
    transport->enqueueResponse(status, h, std::move(body));
  }
};

DliDestinationDescriptor dli() {
  DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

DWSDestinationDescriptor dws(const std::string& password) {
  DWSDestinationDescriptor d;
  d.setTaskName("dwstask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(60);
  d.setDwsClusterName("c").setDwsClusterId("id").setDwsDatabaseName("postgres").setDwsSchema("dbadmin")
      .setDwsTableName("t").setDwsDelimiter(DwsDelimiter::PIPE).setUserName("dbadmin").setUserPassword(password)
      .setKmsUserKeyName("k").setKmsUserKeyId("kid").setObsBucketPath("obsbucket");
  return d;
}

// Recomputes the signature over the request's own SignedHeaders, as the service does.
bool signatureValid(const HttpRequest& r, const std::string& sk) { return test::checkHuaweiSignature(r, sk).valid; }


}  // namespace

TEST_CASE("createTransferTask posts the signed JSON body", "[dis][client]") {
  Fixture f;
  f.reply(201, {}, "rid-create");
  auto r = f.client().createTransferTask(CreateTransferTaskRequest("mystream", dli()));
  REQUIRE(r);
  CHECK(r->getRequestId() == "rid-create");
  CHECK(r->getHttpStatus() == 201);
  const HttpRequest sent = f.transport->lastRequest();
  CHECK(sent.method == HttpMethod::Post);
  CHECK(sent.url() == "https://dis.cn-north-4.myhuaweicloud.com/v2/proj123/streams/mystream/transfer-tasks");
  CHECK(sent.body == dis::detail::encodeCreate(CreateTransferTaskRequest("mystream", dli())));
  CHECK(sent.headers.get("Content-Type") == "application/json");
  CHECK(sent.headers.get("X-Project-Id") == "proj123");
  CHECK(sent.headers.get("Host") == "dis.cn-north-4.myhuaweicloud.com");
  CHECK(sent.headers.get("X-Sdk-Date") == "20240102T030405Z");
  CHECK(sent.headers.get("User-Agent").rfind("delivery-cpp-sdk/", 0) == 0);
  CHECK(sent.headers.get("Authorization").rfind(
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-project-id;x-sdk-date, Signature=", 0) == 0);
  CHECK(signatureValid(sent, "SK-SECRET"));
  CHECK_FALSE(signatureValid(sent, "other"));
}

TEST_CASE("every DIS operation uses its method and path", "[dis][client]") {
  Fixture f;
  auto client = f.client();
  f.reply(200);
  REQUIRE(client.updateTransferTask(UpdateTransferTaskRequest("s", dli())));
  CHECK(f.transport->lastRequest().method == HttpMethod::Put);
  CHECK(f.transport->lastRequest().path == "/v2/proj123/streams/s/transfer-tasks");

  f.reply(200, R"({"total_number":1,"quota":5,"tasks":[{"task_id":"tid","task_name":"dlitask","state":"RUNNING","destination_type":"DLI","create_time":1,"last_transfer_timestamp":2}]})");
  auto list = client.listTransferTasks(ListTransferTasksRequest("s"));
  REQUIRE(list);
  CHECK(list->getTasks().at(0).getTaskId() == "tid");
  CHECK(f.transport->lastRequest().method == HttpMethod::Get);
  CHECK(f.transport->lastRequest().body.empty());
  CHECK_FALSE(f.transport->lastRequest().headers.contains("Content-Type"));

  f.reply(200, R"({"stream_name":"s","task_name":"dlitask","task_id":"tid","state":"RUNNING","destination_type":"DLI","dli_destination_description":{"task_name":"dlitask","dli_database_name":"db"}})");
  auto show = client.showTransferTask(ShowTransferTaskRequest("s", "dlitask"));
  REQUIRE(show);
  CHECK(f.transport->lastRequest().path == "/v2/proj123/streams/s/transfer-tasks/dlitask");
  CHECK(std::get<DliDestinationDescriptor>(*show->getDescription()).getDliDatabaseName() == "db");

  f.reply(204);
  auto del = client.deleteTransferTask(DeleteTransferTaskRequest("s", "dlitask"));
  REQUIRE(del);
  CHECK(del->getHttpStatus() == 204);
  CHECK(f.transport->lastRequest().method == HttpMethod::Delete);
  CHECK(f.transport->lastRequest().path == "/v2/proj123/streams/s/transfer-tasks/dlitask");

  f.reply(200);
  REQUIRE(client.batchStartTransferTask(BatchStartTransferTaskRequest("s", {"tid"})));
  CHECK(f.transport->lastRequest().path == "/v2/proj123/streams/s/transfer-tasks/action");
  CHECK(f.transport->lastRequest().body == R"({"action":"start","tasks":[{"id":"tid"}]})");
  f.reply(200, "some opaque body");
  REQUIRE(client.batchStopTransferTask(BatchStopTransferTaskRequest("s", {"tid"})));
  CHECK(f.transport->lastRequest().body == R"({"action":"stop","tasks":[{"id":"tid"}]})");
}

TEST_CASE("IAM token authentication", "[dis][client]") {
  Fixture f;
  f.creds = HuaweiCredentials::withToken("MIIT-token-value", "proj123");
  f.reply(200, R"({"tasks":[]})");
  REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s")));
  const HttpRequest sent = f.transport->lastRequest();
  CHECK(sent.headers.get("X-Auth-Token") == "MIIT-token-value");
  CHECK_FALSE(sent.headers.contains("Authorization"));
  CHECK_FALSE(sent.headers.contains("X-Sdk-Date"));
}

TEST_CASE("STS credentials add a signed X-Security-Token", "[dis][client]") {
  Fixture f;
  f.creds.securityToken = "sts-token";
  f.reply(201);
  REQUIRE(f.client().createTransferTask(CreateTransferTaskRequest("s", dli())));
  const HttpRequest sent = f.transport->lastRequest();
  CHECK(sent.headers.get("X-Security-Token") == "sts-token");
  CHECK(sent.headers.get("Authorization").find("SignedHeaders=host;x-project-id;x-sdk-date;x-security-token") !=
        std::string::npos);
  CHECK(signatureValid(sent, "SK-SECRET"));
}

TEST_CASE("DIS errors and retries", "[dis][client][retry]") {
  Fixture f;
  SECTION("a service error is mapped and not retried") {
    f.reply(400, R"({"error_code":"DIS.4301","error_msg":"The task already exists."})", "rid-400");
    auto r = f.client().createTransferTask(CreateTransferTaskRequest("s", dli()));
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 400);
    CHECK(r.error().code == "DIS.4301");
    CHECK(r.error().message == "The task already exists.");
    CHECK(r.error().requestId == "rid-400");
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("create is not repeated after a 500") {
    f.reply(500, R"({"error_code":"DIS.5000","error_msg":"oops"})");
    CHECK_FALSE(f.client().createTransferTask(CreateTransferTaskRequest("s", dli())));
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("429 is retried even for create, with a fresh date and signature") {
    // Each exchange takes two seconds of (fake) time, so the second attempt carries a later date.
    int calls = 0;
    f.transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> {
      f.clock->advance(std::chrono::seconds(2));
      HttpResponse resp;
      resp.status = ++calls == 1 ? 429 : 201;
      resp.body = calls == 1 ? R"({"error_code":"APIGW.0308","error_msg":"throttled"})" : "";
      return resp;
    });
    REQUIRE(f.client().createTransferTask(CreateTransferTaskRequest("s", dli())));
    const auto reqs = f.transport->requests();
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[0].headers.get("X-Sdk-Date") != reqs[1].headers.get("X-Sdk-Date"));
    CHECK(signatureValid(reqs[1], "SK-SECRET"));
  }
  SECTION("list retries 5xx and timeouts") {
    f.reply(503, "Service Unavailable");
    f.transport->enqueueError(Error(ErrorKind::Timeout, "timed out"));
    f.reply(200, R"({"tasks":[]})");
    REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s")));
    CHECK(f.transport->requestCount() == 3);
  }
  SECTION("a malformed success body is an InvalidResponse error; a read retries it like any other") {
    f.config.retry.maxAttempts = 2;
    f.reply(200, "{\"tasks\": [", "req-1");
    f.reply(200, "{\"tasks\": [", "req-2");
    auto r = f.client().listTransferTasks(ListTransferTasksRequest("s"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
    CHECK(r.error().httpStatus == 200);
    CHECK(r.error().requestId == "req-2");
    CHECK(r.error().retryable);
    CHECK(r.error().attempts == 2);
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a read whose first success body is malformed succeeds on the next attempt") {
    f.reply(200, "{\"tasks\": [");
    f.reply(200, R"({"total_number":0,"tasks":[]})");
    REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s")));
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("an invalid request never leaves") {
    auto bad = dli();
    bad.setDeliverTimeInterval(10);
    auto r = f.client().createTransferTask(CreateTransferTaskRequest("s", bad));
    REQUIRE_FALSE(r);
    CHECK(r.error().violations.at(0).field == "dli_destination_descriptor.deliver_time_interval");
    CHECK(f.transport->requestCount() == 0);
  }
}

TEST_CASE("retry_duration as a string when configured", "[dis][client]") {
  Fixture f;
  f.config.retryDurationAsString = true;
  f.reply(201);
  REQUIRE(f.client().createTransferTask(CreateTransferTaskRequest("s", dli())));
  CHECK(f.transport->lastRequest().body.find(R"("retry_duration":"1800")") != std::string::npos);
}

TEST_CASE("endpoint resolution and creation errors", "[dis][client]") {
  DisClientConfig config;
  config.transport = std::make_shared<MockTransport>();
  const auto creds = HuaweiCredentials::withAkSk("AK", "SK", "proj");
  config.region = "ap-southeast-1";
  CHECK(DisClient::create(creds, config)->getEndpoint() == "https://dis.ap-southeast-1.myhuaweicloud.com");
  config.endpoint = "http://127.0.0.1:8080";
  CHECK(DisClient::create(creds, config)->getEndpoint() == "http://127.0.0.1:8080");
  config.endpoint.clear();
  config.region.clear();
  test::ScopedEnv endpoint("HUAWEICLOUD_DIS_ENDPOINT", "https://dis.example.test");
  CHECK(DisClient::create(creds, config)->getEndpoint() == "https://dis.example.test");
  endpoint.set(nullptr);
  auto none = DisClient::create(creds, config);
  REQUIRE_FALSE(none);
  CHECK(none.error().violations.at(0).field == "config.region");
  config.endpoint = "dis.example.test";
  auto bad = DisClient::create(HuaweiCredentials::withAkSk("", "", ""), config);
  REQUIRE_FALSE(bad);
  std::vector<std::string> fields;
  for (const auto& v : bad.error().violations) fields.push_back(v.field);
  CHECK(fields == std::vector<std::string>{"credentials.accessKey", "credentials.secretKey", "credentials.projectId",
                                           "config.endpoint"});
}

TEST_CASE("DIS logs carry no password, secret key or token", "[dis][client][logging]") {
  Fixture f;
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  f.config.logger = logger;
  f.creds.securityToken = "STS-TOKEN-VALUE";
  f.reply(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})");
  f.reply(201);
  REQUIRE(f.client().createTransferTask(CreateTransferTaskRequest("s", dws("DB-PASSWORD-VALUE"))));
  CHECK(logger->text().find("CreateTransferTask") != std::string::npos);
  for (const char* secret : {"DB-PASSWORD-VALUE", "SK-SECRET", "STS-TOKEN-VALUE"}) {
    INFO(secret);
    CHECK(logger->text().find(secret) == std::string::npos);
  }
  const std::string sig = f.transport->lastRequest().headers.get("Authorization");
  CHECK(logger->text().find(sig.substr(sig.rfind('=') + 1)) == std::string::npos);
}

// The client lays the signature's headers out when a call starts and fills them in place on each
// attempt (src/huawei/service.cc); authenticate() sets them on any request. Both must send the
// same fields, in the same order, with the same values.
TEST_CASE("signing in place sends exactly the headers authenticate() sets", "[dis][client][signing]") {
  auto sameAsAuthenticate = [](const HttpRequest& sent, const HuaweiCredentials& creds,
                               std::chrono::system_clock::time_point at) {
    HttpRequest expected = sent;
    expected.headers = Headers();
    expected.headers.add("User-Agent", sent.headers.get("User-Agent"));
    if (!sent.body.empty()) expected.headers.add("Content-Type", "application/json");
    hd::authenticate(expected, creds, at);
    std::vector<Headers::Field> a(sent.headers.begin(), sent.headers.end());
    std::vector<Headers::Field> b(expected.headers.begin(), expected.headers.end());
    CHECK(a == b);
  };
  for (const char* token : {"", "STS-TOKEN"}) {
    INFO("security token: " << token);
    Fixture f;
    f.creds.securityToken = token;
    auto client = f.client();
    // A create (body, Content-Type), retried once after a 429 with the clock moved on, then a read
    // (no body) and a second create on the same thread, which reuses the first call's header storage.
    int calls = 0;
    std::vector<std::chrono::system_clock::time_point> at;
    f.transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> {
      at.push_back(f.clock->now());
      f.clock->advance(std::chrono::seconds(3));
      HttpResponse resp;
      resp.status = ++calls == 1 ? 429 : 200;
      resp.body = calls == 1 ? R"({"error_code":"APIGW.0308","error_msg":"throttled"})" : calls == 3 ? R"({"tasks":[]})" : "";
      return resp;
    });
    REQUIRE(client.createTransferTask(CreateTransferTaskRequest("s", dli())));
    REQUIRE(client.listTransferTasks(ListTransferTasksRequest("other-stream")));
    REQUIRE(client.createTransferTask(CreateTransferTaskRequest("s2", dws("pw"))));
    const auto reqs = f.transport->requests();
    REQUIRE(reqs.size() == 4);
    for (std::size_t i = 0; i < reqs.size(); ++i) {
      INFO("request " << i);
      sameAsAuthenticate(reqs[i], f.creds, at[i]);
      CHECK(signatureValid(reqs[i], "SK-SECRET"));
    }
    CHECK(reqs[0].headers.get("X-Sdk-Date") != reqs[1].headers.get("X-Sdk-Date"));
  }
}
