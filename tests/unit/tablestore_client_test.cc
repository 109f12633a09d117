// DeliveryClient through MockTransport and a fake clock: the exact request sent, response checks,
// error mapping, retries and idempotency, and logging without secrets.

#include <catch2/catch.hpp>
#include <atomic>
#include <optional>
#include <mutex>
#include <thread>

#include "core/crypto.h"
#include "delivery/tablestore/client.h"
#include "support/samples.h"
#include "delivery/testing/fake_clock.h"
#include "support/capturing_logger.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "emulator/tablestore/responses.h"
#include "emulator/tablestore/wire.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

using namespace delivery;
using namespace delivery::tablestore;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::testing::RecordingSleeper;
namespace mock = delivery::testing::tablestore;
namespace td = delivery::tablestore::detail;

namespace {

const Credentials kCreds("testaccesskeyid", "testsecret");

struct Fixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  std::shared_ptr<FakeClock> clock = FakeClock::at("2024-01-02T03:04:05.000Z");
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>(clock);
  DeliveryClientConfig config;

  Fixture() {
    config.transport = transport;
    config.clock = clock;
    config.sleeper = sleeper;
  }

  DeliveryClient client(Credentials creds = kCreds, const std::string& endpoint = "https://myinstance.cn-hangzhou.ots.aliyuncs.com") {
    return DeliveryClient::create(endpoint, "myinstance", std::move(creds), config).value();
  }
};




}  // namespace

TEST_CASE("createDeliveryTask sends the signed protobuf request the Java SDK sends", "[tablestore][client]") {
  Fixture f;
  f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds, "rid-create"));
  auto response = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
  REQUIRE(response);
  CHECK(response->getRequestId() == "rid-create");

  const HttpRequest sent = f.transport->lastRequest();
  CHECK(sent.method == HttpMethod::Post);
  CHECK(sent.url() == "https://myinstance.cn-hangzhou.ots.aliyuncs.com/CreateDeliveryTask");
  CHECK(sent.body == td::encode(delivery::test::javaSampleCreate()));
  const Headers& h = sent.headers;
  CHECK(h.get("x-ots-date") == "2024-01-02T03:04:05.000Z");
  CHECK(h.get("x-ots-apiversion") == "2015-12-31");
  CHECK(h.get("x-ots-accesskeyid") == "testaccesskeyid");
  CHECK(h.get("x-ots-instancename") == "myinstance");
  CHECK(h.get("x-ots-contentmd5") == delivery::detail::base64Encode(delivery::detail::md5(sent.body)));
  CHECK_FALSE(h.contains("x-ots-ststoken"));
  CHECK(h.get("x-ots-sdk-traceid").size() == 36);
  CHECK(response->getTraceId() == h.get("x-ots-sdk-traceid"));
  CHECK(h.get("User-Agent").rfind("delivery-cpp-sdk/", 0) == 0);
  CHECK(h.get("x-ots-signature") == td::signV2("testsecret", td::canonicalString("CreateDeliveryTask", h)));
  CHECK_FALSE(h.contains("Content-Type"));
}

TEST_CASE("an invalid request is rejected before anything is sent", "[tablestore][client]") {
  Fixture f;
  auto request = delivery::test::javaSampleCreate();
  request.setTaskName("Bad_Name");
  auto response = f.client().createDeliveryTask(request);
  REQUIRE_FALSE(response);
  CHECK(response.error().kind == ErrorKind::InvalidArgument);
  REQUIRE_FALSE(response.error().violations.empty());
  CHECK(response.error().violations[0].field == "taskName");
  CHECK(f.transport->requestCount() == 0);
}

TEST_CASE("describe, list and delete parse their responses", "[tablestore][client]") {
  Fixture f;
  const TaskSyncStat stat(TaskSyncPhase::FULL, 1704164645000000000LL, DeliveryErrorType::OK, "ok");
  f.transport->enqueueResponse(mock::describeOk(kCreds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE_INC, stat, "rid-d"));
  f.transport->enqueueResponse(mock::listOk(kCreds, {{"sampleTable", "sampledeliverytask", DeliveryTaskType::INC}}));
  f.transport->enqueueResponse(mock::emptyOk("DeleteDeliveryTask", kCreds, "rid-del"));
  f.transport->enqueueResponse(mock::emptyOk("UpdateDeliveryTask", kCreds, "rid-up"));
  auto client = f.client();

  auto d = client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
  REQUIRE(d);
  CHECK(d->getRequestId() == "rid-d");
  CHECK(d->getTaskConfig() == delivery::test::javaSampleConfig());
  CHECK(d->getTaskSyncStat() == stat);
  CHECK(d->getTaskType() == DeliveryTaskType::BASE_INC);
  CHECK(f.transport->lastRequest().path == "/DescribeDeliveryTask");
  CHECK(f.transport->lastRequest().body == td::encode(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask")));

  auto l = client.listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
  REQUIRE(l);
  REQUIRE(l->getTaskInfos().size() == 1);
  CHECK(l->getTaskInfos()[0].getTaskType() == DeliveryTaskType::INC);
  CHECK(f.transport->lastRequest().path == "/ListDeliveryTask");

  auto del = client.deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
  REQUIRE(del);
  CHECK(del->getRequestId() == "rid-del");
  CHECK(f.transport->lastRequest().path == "/DeleteDeliveryTask");

  auto up = client.updateDeliveryTask(UpdateDeliveryTaskRequest("sampleTable", "sampledeliverytask", delivery::test::javaSampleConfig()));
  REQUIRE(up);
  CHECK(f.transport->lastRequest().path == "/UpdateDeliveryTask");
}

TEST_CASE("service errors map to Error fields", "[tablestore][client][errors]") {
  Fixture f;
  SECTION("404 object not exist") {
    f.transport->enqueueResponse(mock::errorResponse(404, "OTSObjectNotExist", "task not found", "rid-404"));
    auto r = f.client().describeDeliveryTask(DescribeDeliveryTaskRequest("t", "k"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Service);
    CHECK(r.error().httpStatus == 404);
    CHECK(r.error().code == "OTSObjectNotExist");
    CHECK(r.error().message == "task not found");
    CHECK(r.error().requestId == "rid-404");
    CHECK_FALSE(r.error().retryable);
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("403 auth failed") {
    f.transport->enqueueResponse(mock::errorResponse(403, "OTSAuthFailed", "signature mismatch"));
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Auth);
    CHECK(r.error().code == "OTSAuthFailed");
  }
  SECTION("a body that is not an Error message") {
    HttpResponse resp;
    resp.status = 502;
    resp.headers.add("x-ots-requestid", "rid-502");
    resp.body = "<html>bad gateway</html>";
    f.transport->enqueueResponse(resp);
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "OTSServerUnavailable");
    CHECK(r.error().message == "<html>bad gateway</html>");
    CHECK(f.transport->requestCount() == 1);  // create is not retried on 5xx
  }
  SECTION("no x-ots-requestid: a proxy answered") {
    f.transport->enqueueResponse(503, {}, "Service Unavailable");
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().httpStatus == 503);
    CHECK(r.error().message.find("without x-ots-requestid") != std::string::npos);
  }
  SECTION("301 names the new location") {
    Headers h;
    h.add("location", "https://elsewhere.example");
    f.transport->enqueueResponse(301, h);
    auto r = f.client().listDeliveryTask(ListDeliveryTaskRequest("t"));
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("https://elsewhere.example") != std::string::npos);
    CHECK(f.transport->requestCount() == 1);
  }
}

TEST_CASE("create is retried only on errors the service did not execute", "[tablestore][client][retry]") {
  Fixture f;
  SECTION("OTSServerBusy then success: retried, same trace id, fresh date and signature") {
    f.transport->enqueueResponse(mock::errorResponse(503, "OTSServerBusy", "busy"));
    f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE(r);
    const auto reqs = f.transport->requests();
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[0].headers.get("x-ots-sdk-traceid") == reqs[1].headers.get("x-ots-sdk-traceid"));
    const auto sleeps = f.sleeper->sleeps();
    REQUIRE(sleeps.size() == 1);
    // Throttling backs off from RetryPolicy::initialThrottleBackoff (200 ms): [100, 200] ms.
    CHECK(sleeps[0].count() >= 100);
    CHECK(sleeps[0].count() <= 200);
    CHECK(reqs[1].headers.get("x-ots-date") != reqs[0].headers.get("x-ots-date"));
    CHECK(reqs[1].headers.get("x-ots-signature") ==
          td::signV2("testsecret", td::canonicalString("CreateDeliveryTask", reqs[1].headers)));
  }
  SECTION("OTSQuotaExhausted is retried only with the 'too frequent' message") {
    f.transport->enqueueResponse(mock::errorResponse(403, "OTSQuotaExhausted", "Too frequent table operations."));
    f.transport->enqueueResponse(mock::errorResponse(403, "OTSQuotaExhausted", "Quota exhausted."));
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "Quota exhausted.");
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a connect failure is retried: the request never left") {
    f.transport->enqueueError(Error(ErrorKind::Connect, "connection refused"));
    f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
    CHECK(f.client().createDeliveryTask(delivery::test::javaSampleCreate()).ok());
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a read timeout is not retried: the task may exist") {
    f.transport->enqueueError(Error(ErrorKind::Timeout, "operation timed out"));
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Timeout);
    CHECK_FALSE(r.error().retryable);
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("OTSInternalServerError and 500 are not retried for create or delete") {
    f.transport->enqueueResponse(mock::errorResponse(500, "OTSInternalServerError", "oops"));
    f.transport->enqueueResponse(mock::errorResponse(500, "OTSTimeout", "oops"));
    CHECK_FALSE(f.client().createDeliveryTask(delivery::test::javaSampleCreate()).ok());
    CHECK_FALSE(f.client().deleteDeliveryTask(DeleteDeliveryTaskRequest("t", "k")).ok());
    CHECK(f.transport->requestCount() == 2);
  }
}

TEST_CASE("describe and list retry on 5xx, timeouts and network errors", "[tablestore][client][retry]") {
  Fixture f;
  f.transport->enqueueResponse(mock::errorResponse(500, "OTSInternalServerError", "oops"));
  f.transport->enqueueError(Error(ErrorKind::Timeout, "timed out"));
  f.transport->enqueueError(Error(ErrorKind::Network, "reset"));
  f.transport->enqueueResponse(mock::errorResponse(503, "OTSServerUnavailable", "later"));
  f.transport->enqueueResponse(mock::listOk(kCreds, {}));
  auto r = f.client().listDeliveryTask(ListDeliveryTaskRequest("t"));
  REQUIRE(r);
  CHECK(f.transport->requestCount() == 5);
  const auto sleeps = f.sleeper->sleeps();
  REQUIRE(sleeps.size() == 4);
  // Full jitter under a doubling ceiling: 10, 20, 40, 80 ms.
  for (std::size_t i = 0; i < sleeps.size(); ++i) {
    CHECK(sleeps[i].count() >= 1);
    CHECK(sleeps[i].count() <= (10LL << i));
  }
}

TEST_CASE("retries stop at maxAttempts and at maxElapsed", "[tablestore][client][retry]") {
  Fixture f;
  f.transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> {
    return mock::errorResponse(503, "OTSServerBusy", "busy");
  });
  SECTION("attempt bound") {
    f.config.retry.maxAttempts = 4;
    f.config.retry.maxElapsed = std::chrono::hours(1);
    auto r = f.client().describeDeliveryTask(DescribeDeliveryTaskRequest("t", "k"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "OTSServerBusy");
    CHECK(r.error().kind == ErrorKind::Throttled);
    CHECK(r.error().message.find("gave up after 4 attempts") != std::string::npos);
    CHECK(f.transport->requestCount() == 4);
    CHECK(r.error().attempts == 4);
    for (auto s : f.sleeper->sleeps()) CHECK(s.count() <= 3200);
  }
  SECTION("time bound") {
    f.config.retry.maxAttempts = 1000;
    f.config.retry.maxElapsed = std::chrono::milliseconds(2000);
    f.config.retry.initialThrottleBackoff = std::chrono::milliseconds(300);
    f.config.retry.maxThrottleBackoff = std::chrono::milliseconds(300);
    const auto start = f.clock->now();
    auto r = f.client().describeDeliveryTask(DescribeDeliveryTaskRequest("t", "k"));
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("retry time limit") != std::string::npos);
    CHECK(f.clock->now() - start <= std::chrono::milliseconds(2000));
    CHECK(f.transport->requestCount() >= 7);  // 2000 ms / at most 300 ms per pause
    CHECK(f.transport->requestCount() < 1000);
  }
  SECTION("noRetry") {
    f.config.retry = RetryPolicy::noRetry();
    CHECK_FALSE(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
    CHECK(f.transport->requestCount() == 1);
    CHECK(f.sleeper->sleeps().empty());
  }
}

TEST_CASE("response integrity checks", "[tablestore][client][response]") {
  Fixture f;
  f.config.retry = RetryPolicy::noRetry();
  SECTION("authorization signed with another secret") {
    f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", Credentials("testaccesskeyid", "other")));
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Auth);
    CHECK(r.error().message.find("authorization") != std::string::npos);
  }
  SECTION("authorization for another action") {
    f.transport->enqueueResponse(mock::emptyOk("DeleteDeliveryTask", kCreds));
    CHECK_FALSE(f.client().createDeliveryTask(delivery::test::javaSampleCreate()).ok());
  }
  SECTION("the check can be turned off") {
    f.config.verifyResponseAuthorization = false;
    HttpResponse resp;
    resp.status = 200;
    resp.headers.add("x-ots-requestid", "rid");
    f.transport->enqueueResponse(resp);
    CHECK(f.client().createDeliveryTask(delivery::test::javaSampleCreate()).ok());
  }
  SECTION("missing authorization header") {
    HttpResponse resp = mock::emptyOk("CreateDeliveryTask", kCreds);
    resp.headers.remove("authorization");
    f.transport->enqueueResponse(resp);
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "response lacks the authorization header");
  }
  SECTION("body altered after signing: MD5 mismatch") {
    HttpResponse resp = mock::listOk(kCreds, {{"t", "a", DeliveryTaskType::BASE}});
    resp.body[resp.body.size() - 1] ^= 1;
    f.transport->enqueueResponse(resp);
    auto r = f.client().listDeliveryTask(ListDeliveryTaskRequest("t"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
    CHECK(r.error().message.find("x-ots-contentmd5") != std::string::npos);
  }
  SECTION("missing x-ots-requestid on success") {
    HttpResponse resp;
    resp.status = 200;
    f.transport->enqueueResponse(resp);
    auto r = f.client().createDeliveryTask(delivery::test::javaSampleCreate());
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
  }
  SECTION("garbage body with valid headers") {
    f.transport->enqueueResponse(mock::signedResponse("DescribeDeliveryTask", kCreds, 200, std::string("\x0a\xff\x01", 3)));
    auto r = f.client().describeDeliveryTask(DescribeDeliveryTaskRequest("t", "k"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
    CHECK(r.error().requestId == mock::kMockRequestId);
  }
  SECTION("a compressed response is refused") {
    HttpResponse resp = mock::emptyOk("CreateDeliveryTask", kCreds);
    resp.headers.add("x-ots-response-compress-type", "deflate");
    f.transport->enqueueResponse(resp);
    CHECK_FALSE(f.client().createDeliveryTask(delivery::test::javaSampleCreate()).ok());
  }
}

TEST_CASE("STS token is sent and signed", "[tablestore][client]") {
  Fixture f;
  const Credentials sts("stsid", "stssecret", "the-security-token");
  f.transport->enqueueResponse(mock::listOk(sts, {}));
  REQUIRE(f.client(sts).listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
  const Headers h = f.transport->lastRequest().headers;
  CHECK(h.get("x-ots-ststoken") == "the-security-token");
  CHECK(td::canonicalString("ListDeliveryTask", h).find("x-ots-ststoken:the-security-token\n") != std::string::npos);
  CHECK(h.get("x-ots-signature") == td::signV2("stssecret", td::canonicalString("ListDeliveryTask", h)));
}

namespace {
// The derived V4 key of secret "testsecret", day 20240102, region cn-hangzhou, from the spec's
// vectors (specs/tablestore-delivery.md 3.7), not from the SDK's own derivation.
constexpr const char* kV4KeyText = "ytaYVQf4sduCec6WEA4ZccLVPDwA1ChFD7R5xHfaYG0=";

// A signed list answer whose authorization is HMAC-SHA1 keyed with `keyText`.
HttpResponse listOkSignedWith(const std::string& keyText) {
  HttpResponse r = mock::listOk(kCreds, {});
  r.headers.remove("authorization");
  const std::string mac = delivery::detail::hmacSha1(keyText, td::responseCanonicalString("ListDeliveryTask", r.headers));
  r.headers.add("authorization", "OTS testaccesskeyid:" + delivery::detail::base64Encode(mac));
  return r;
}
}  // namespace

TEST_CASE("V4: responses are checked with the derived V4 key, as the Java SDK checks them", "[tablestore][client][v4]") {
  Fixture f;
  f.config.signatureVersion = SignatureVersion::V4;
  f.config.retry = RetryPolicy::noRetry();
  SECTION("signed with the derived key: accepted") {
    f.transport->enqueueResponse(listOkSignedWith(kV4KeyText));
    auto r = f.client().listDeliveryTask(ListDeliveryTaskRequest("t"));
    INFO((r ? std::string() : r.error().toString()));
    CHECK(r.ok());
  }
  SECTION("signed with the plain secret: rejected") {
    f.transport->enqueueResponse(listOkSignedWith("testsecret"));
    auto r = f.client().listDeliveryTask(ListDeliveryTaskRequest("t"));
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Auth);
  }
  SECTION("the key follows the day the request was signed on") {
    f.clock->set(FakeClock::at("2024-01-03T00:00:01.000Z")->now());
    f.transport->enqueueResponse(listOkSignedWith(kV4KeyText));  // the 20240102 key
    CHECK_FALSE(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
    f.transport->enqueueResponse(listOkSignedWith(td::v4SigningKey("testsecret", "20240103", "cn-hangzhou")));
    CHECK(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
  }
  SECTION("the mock helper for V4 clients signs as the service does") {
    f.transport->enqueueResponse(
        mock::signedResponseV4("ListDeliveryTask", kCreds, "cn-hangzhou", "20240102", 200, std::string()));
    CHECK(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
  }
  SECTION("V2 clients keep checking with the secret") {
    f.config.signatureVersion = SignatureVersion::V2;
    f.transport->enqueueResponse(listOkSignedWith(kV4KeyText));
    CHECK_FALSE(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
    f.transport->enqueueResponse(listOkSignedWith("testsecret"));
    CHECK(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
  }
}

TEST_CASE("V4 signing takes the region from the endpoint or the config", "[tablestore][client]") {
  Fixture f;
  f.config.signatureVersion = SignatureVersion::V4;
  f.transport->enqueueResponse(listOkSignedWith(kV4KeyText));
  REQUIRE(f.client().listDeliveryTask(ListDeliveryTaskRequest("t")).ok());
  const Headers h = f.transport->lastRequest().headers;
  CHECK(h.get("x-ots-signregion") == "cn-hangzhou");
  CHECK(h.get("x-ots-signdate") == "20240102");
  CHECK_FALSE(h.contains("x-ots-signature"));
  CHECK(h.get("x-ots-signaturev4") ==
        td::signV4(td::v4SigningKey("testsecret", "20240102", "cn-hangzhou"), td::canonicalString("ListDeliveryTask", h)));

  auto noRegion = DeliveryClient::create("http://127.0.0.1:1234", "inst", kCreds, f.config);
  REQUIRE_FALSE(noRegion);
  CHECK(noRegion.error().violations.at(0).field == "config.region");
  f.config.region = "cn-shanghai";
  CHECK(DeliveryClient::create("http://127.0.0.1:1234", "inst", kCreds, f.config).ok());
}

TEST_CASE("DeliveryClient::create reports every problem at once", "[tablestore][client]") {
  DeliveryClientConfig config;
  config.transport = std::make_shared<MockTransport>();
  config.retry.maxAttempts = 0;
  auto r = DeliveryClient::create("ftp://x/y", "bad name!", Credentials("", ""), config);
  REQUIRE_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& v : r.error().violations) fields.push_back(v.field);
  CHECK(fields == std::vector<std::string>{"endpoint", "instanceName", "credentials.accessKeyId",
                                           "credentials.accessKeySecret", "config.retry.maxAttempts"});
  CHECK(endpointFor("inst", "cn-hangzhou") == "https://inst.cn-hangzhou.ots.aliyuncs.com");
  CHECK(endpointFor("inst", "cn-hangzhou", EndpointType::Vpc) == "https://inst.cn-hangzhou.vpc.tablestore.aliyuncs.com");
  CHECK(endpointFor("inst", "cn-hangzhou", EndpointType::Classic) == "https://inst.cn-hangzhou.ots-internal.aliyuncs.com");
  CHECK(endpointFor("inst", "cn-hangzhou", EndpointType::DualStack) == "https://inst.cn-hangzhou.tablestore.aliyuncs.com");
  auto good = DeliveryClient::create("https://inst.cn-hangzhou.ots.aliyuncs.com/", "inst", kCreds, DeliveryClientConfig{});
  REQUIRE(good);
  CHECK(good->getInstanceName() == "inst");
}

TEST_CASE("logs carry no secrets, signatures or tokens", "[tablestore][client][logging]") {
  Fixture f;
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  f.config.logger = logger;
  const Credentials sts("visible-key-id", "SECRET-VALUE-123", "TOKEN-VALUE-456");
  f.transport->enqueueResponse(mock::errorResponse(503, "OTSServerBusy", "busy"));
  f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", sts));
  auto client = f.client(sts);
  REQUIRE(client.createDeliveryTask(delivery::test::javaSampleCreate()).ok());
  const auto reqs = f.transport->requests();
  const std::string log = logger->text();
  CHECK(log.find("CreateDeliveryTask") != std::string::npos);
  CHECK(log.find("retrying") != std::string::npos);
  CHECK(log.find("visible-key-id") != std::string::npos);
  CHECK(log.find("SECRET-VALUE-123") == std::string::npos);
  CHECK(log.find("TOKEN-VALUE-456") == std::string::npos);
  for (const auto& r : reqs) CHECK(log.find(r.headers.get("x-ots-signature")) == std::string::npos);
}

TEST_CASE("a client is safe to share across threads", "[tablestore][client]") {
  Fixture f;
  f.transport->setHandler([](const HttpRequest& r) -> Result<HttpResponse> {
    return mock::emptyOk(r.path.substr(1), kCreds);
  });
  const DeliveryClient client = f.client();
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) ok += client.deleteDeliveryTask(DeleteDeliveryTaskRequest("t", "k")).ok() ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  CHECK(ok == 200);
  CHECK(f.transport->requestCount() == 200);
}

TEST_CASE("consecutive calls on one thread each send exactly their own request", "[tablestore][client]") {
  // The client reuses one request object per thread; nothing of a previous call may leak into the
  // next: body, headers (an STS token from another client), path.
  Fixture f;
  f.transport->setHandler([](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.path == "/ListDeliveryTask") return mock::listOk(kCreds, {});
    return mock::emptyOk(r.path.substr(1), kCreds);
  });
  const DeliveryClient withToken = f.client(Credentials("testaccesskeyid", "testsecret", "sts-token"));
  const DeliveryClient plain = f.client();
  REQUIRE(withToken.createDeliveryTask(delivery::test::javaSampleCreate()));
  REQUIRE(plain.listDeliveryTask(ListDeliveryTaskRequest("tableB")));
  REQUIRE(plain.deleteDeliveryTask(DeleteDeliveryTaskRequest("tableC", "taskc")));

  const auto requests = f.transport->requests();
  REQUIRE(requests.size() == 3);
  CHECK(requests[0].path == "/CreateDeliveryTask");
  CHECK(requests[0].headers.get("x-ots-ststoken") == "sts-token");
  CHECK(requests[0].body == td::encode(delivery::test::javaSampleCreate()));

  CHECK(requests[1].path == "/ListDeliveryTask");
  CHECK_FALSE(requests[1].headers.contains("x-ots-ststoken"));
  CHECK(requests[1].body == td::encode(ListDeliveryTaskRequest("tableB")));
  CHECK(requests[1].headers.size() == 8);  // 6 x-ots-* (no token), the signature and User-Agent

  CHECK(requests[2].path == "/DeleteDeliveryTask");
  CHECK(requests[2].body == td::encode(DeleteDeliveryTaskRequest("tableC", "taskc")));
  for (const auto& r : requests) {
    INFO(r.path);
    CHECK(r.headers.get("x-ots-contentmd5") == delivery::detail::base64Encode(delivery::detail::md5(r.body)));
    // Each request carries its own, valid signature.
    const std::string canonical = td::canonicalString(r.path.substr(1), r.headers);
    CHECK(r.headers.get("x-ots-signature") == td::signV2("testsecret", canonical));
  }
  CHECK(requests[0].headers.get("x-ots-sdk-traceid") != requests[1].headers.get("x-ots-sdk-traceid"));
}

TEST_CASE("a call made from inside the transport does not disturb the outer call", "[tablestore][client]") {
  // A transport (or logger) may call the SDK again on the same thread; the inner call must get its
  // own request rather than overwrite the one the outer call is sending.
  Fixture f;
  std::optional<DeliveryClient> client;
  int depth = 0;
  std::string innerBody;
  f.transport->setHandler([&](const HttpRequest& r) -> Result<HttpResponse> {
    if (depth++ == 0) {
      const std::string outerBody = r.body;
      const std::string outerSignature = r.headers.get("x-ots-signature");
      auto inner = client->describeDeliveryTask(DescribeDeliveryTaskRequest("innertable", "innertask"));
      if (!inner) return Error(ErrorKind::Internal, "inner call failed: " + inner.error().toString());
      // The outer request is untouched by the inner call.
      if (r.body != outerBody || r.headers.get("x-ots-signature") != outerSignature || r.path != "/CreateDeliveryTask") {
        return Error(ErrorKind::Internal, "the inner call changed the outer request");
      }
      return mock::emptyOk("CreateDeliveryTask", kCreds);
    }
    innerBody = r.body;
    OSSTaskConfig config = delivery::test::javaSampleConfig();
    return mock::describeOk(kCreds, config, DeliveryTaskType::BASE_INC, TaskSyncStat());
  });
  client.emplace(f.client());
  auto outer = client->createDeliveryTask(delivery::test::javaSampleCreate());
  REQUIRE(outer);
  CHECK(innerBody == td::encode(DescribeDeliveryTaskRequest("innertable", "innertask")));
  CHECK(f.transport->requestCount() == 2);
}

TEST_CASE("a chosen trace id is sent as x-ots-sdk-traceid, signed, kept on retries and returned",
          "[tablestore][client][trace]") {
  Fixture f;
  f.transport->enqueueResponse(mock::errorResponse(503, "OTSServerBusy", "busy"));
  f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
  CreateDeliveryTaskRequest request = delivery::test::javaSampleCreate();
  request.setTraceId("order-42/attempt");
  auto r = f.client().createDeliveryTask(request);
  REQUIRE(r);
  CHECK(r->getTraceId() == "order-42/attempt");
  const auto reqs = f.transport->requests();
  REQUIRE(reqs.size() == 2);
  for (const auto& sent : reqs) {
    CHECK(sent.headers.get("x-ots-sdk-traceid") == "order-42/attempt");
    CHECK(sent.headers.get("x-ots-signature") ==
          td::signV2("testsecret", td::canonicalString("CreateDeliveryTask", sent.headers)));
    CHECK(sent.body == td::encode(delivery::test::javaSampleCreate()));  // the body does not carry it
  }

  // Every operation takes one; the next call without one gets a fresh UUID again.
  f.transport->enqueueResponse(mock::describeOk(kCreds, delivery::test::javaSampleConfig(), DeliveryTaskType::BASE,
                                                TaskSyncStat()));
  auto d = f.client().describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "t").setTraceId("d-1"));
  REQUIRE(d);
  CHECK(d->getTraceId() == "d-1");
  CHECK(f.transport->lastRequest().headers.get("x-ots-sdk-traceid") == "d-1");
  f.transport->enqueueResponse(mock::listOk(kCreds, {}));
  auto l = f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable").setTraceId("l-1"));
  REQUIRE(l);
  CHECK(f.transport->lastRequest().headers.get("x-ots-sdk-traceid") == "l-1");
  f.transport->enqueueResponse(mock::emptyOk("DeleteDeliveryTask", kCreds));
  REQUIRE(f.client().deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "t").setTraceId("x-1")));
  CHECK(f.transport->lastRequest().headers.get("x-ots-sdk-traceid") == "x-1");
  f.transport->enqueueResponse(mock::emptyOk("UpdateDeliveryTask", kCreds));
  REQUIRE(f.client().updateDeliveryTask(
      UpdateDeliveryTaskRequest("sampleTable", "t", delivery::test::javaSampleConfig()).setTraceId("u-1")));
  CHECK(f.transport->lastRequest().headers.get("x-ots-sdk-traceid") == "u-1");

  f.transport->enqueueResponse(mock::listOk(kCreds, {}));
  auto plain = f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable").setTraceId(""));  // "" = unset
  REQUIRE(plain);
  CHECK(plain->getTraceId().size() == 36);
  CHECK(plain->getTraceId() != "l-1");
  CHECK(f.transport->lastRequest().headers.get("x-ots-sdk-traceid") == plain->getTraceId());
}

TEST_CASE("an invalid trace id is refused before anything is sent, and does not leak into the next call",
          "[tablestore][client][trace]") {
  Fixture f;
  auto bad = f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable").setTraceId("a\r\nx-ots-evil: 1"));
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == ErrorKind::InvalidArgument);
  REQUIRE(bad.error().violations.size() == 1);
  CHECK(bad.error().violations[0].field == "traceId");
  CHECK(f.transport->requestCount() == 0);
  f.transport->enqueueResponse(mock::listOk(kCreds, {}));
  auto next = f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
  REQUIRE(next);
  CHECK(next->getTraceId().size() == 36);
}

TEST_CASE("a call from inside the transport does not take the outer call's trace id", "[tablestore][client][trace]") {
  Fixture f;
  std::optional<DeliveryClient> client;
  int depth = 0;
  std::string innerTraceId;
  f.transport->setHandler([&](const HttpRequest& r) -> Result<HttpResponse> {
    if (depth++ == 0) {
      auto inner = client->listDeliveryTask(ListDeliveryTaskRequest("innertable"));
      if (!inner) return Error(ErrorKind::Internal, "inner call failed: " + inner.error().toString());
      innerTraceId = inner->getTraceId();
      if (r.headers.get("x-ots-sdk-traceid") != "outer-id") return Error(ErrorKind::Internal, "outer id changed");
      return mock::emptyOk("DeleteDeliveryTask", kCreds);
    }
    return mock::listOk(kCreds, {});
  });
  client.emplace(f.client());
  auto outer = client->deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "t").setTraceId("outer-id"));
  REQUIRE(outer);
  CHECK(outer->getTraceId() == "outer-id");
  CHECK(innerTraceId.size() == 36);
}

TEST_CASE("x-ots-trace-threshold is sent and signed only when configured", "[tablestore][client][trace]") {
  Fixture f;
  SECTION("unset (the default): not sent") {
    f.transport->enqueueResponse(mock::listOk(kCreds, {}));
    REQUIRE(f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable")));
    CHECK_FALSE(f.transport->lastRequest().headers.contains("x-ots-trace-threshold"));
  }
  SECTION("set: sent as decimal milliseconds, part of the V2 and V4 signatures") {
    f.config.timeThresholdOfServerTracer = 500;
    f.transport->enqueueResponse(mock::listOk(kCreds, {}));
    REQUIRE(f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable")));
    const Headers& h = f.transport->lastRequest().headers;
    CHECK(h.get("x-ots-trace-threshold") == "500");
    const std::string canonical = td::canonicalString("ListDeliveryTask", h);
    CHECK(canonical.find("x-ots-trace-threshold:500\n") != std::string::npos);
    CHECK(h.get("x-ots-signature") == td::signV2("testsecret", canonical));

    f.config.signatureVersion = SignatureVersion::V4;
    f.transport->enqueueResponse(mock::signedResponseV4("ListDeliveryTask", kCreds, "cn-hangzhou", "20240102", 200,
                                                        "", "rid"));
    REQUIRE(f.client().listDeliveryTask(ListDeliveryTaskRequest("sampleTable")));
    const Headers& h4 = f.transport->lastRequest().headers;
    CHECK(h4.get("x-ots-trace-threshold") == "500");
    CHECK(h4.get("x-ots-signaturev4") ==
          td::signV4(td::v4SigningKey("testsecret", "20240102", "cn-hangzhou"), td::canonicalString("ListDeliveryTask", h4)));
  }
  SECTION("out of range: refused by create") {
    for (std::int64_t bad : {std::int64_t{0}, std::int64_t{-5}, std::int64_t{2147483648LL}}) {
      f.config.timeThresholdOfServerTracer = bad;
      auto c = DeliveryClient::create("https://myinstance.cn-hangzhou.ots.aliyuncs.com", "myinstance", kCreds, f.config);
      REQUIRE_FALSE(c);
      REQUIRE(c.error().violations.size() == 1);
      CHECK(c.error().violations[0].field == "config.timeThresholdOfServerTracer");
    }
    f.config.timeThresholdOfServerTracer = 2147483647;
    CHECK(DeliveryClient::create("https://myinstance.cn-hangzhou.ots.aliyuncs.com", "myinstance", kCreds, f.config));
  }
}

TEST_CASE("waiting treats an unknown phase as pending and an unknown error type as a failure",
          "[tablestore][client][waiter]") {
  Fixture f;
  // Phase 3 (none this SDK knows), then INCR; then error_code 9.
  namespace ots = delivery::emulator::ots;
  const auto describe = [&](std::int64_t phase, std::int64_t error) {
    ots::Message config(ots::kOSSTaskConfig);
    config.setString("ossPrefix", "p");
    return mock::signedResponse("DescribeDeliveryTask", kCreds, 200,
                                ots::encodeDescribeResponse(config, 2, ots::SyncStat{phase, 0, error, "detail"}));
  };
  WaitOptions options;
  options.pollInterval = std::chrono::milliseconds(10);
  std::vector<std::string> states;
  options.onStateChange = [&](const WaitProgress& p) { states.push_back(p.state); };
  f.transport->enqueueResponse(describe(3, 0));
  f.transport->enqueueResponse(describe(2, 0));
  auto reached = f.client().waitUntilTaskSyncPhase(DescribeDeliveryTaskRequest("t", "task"), TaskSyncPhase::FULL, options);
  CHECK(reached.reached());
  CHECK(states == std::vector<std::string>{"UNKNOWN (3)", "INCR"});

  f.transport->enqueueResponse(describe(1, 9));
  auto failed = f.client().waitUntilTaskSyncPhase(DescribeDeliveryTaskRequest("t", "task"), TaskSyncPhase::INCR, options);
  CHECK(failed.outcome == WaitOutcome::Failed);
  CHECK(failed.state == "UNKNOWN (9)");
  CHECK(failed.detail == "detail");

  auto refused = f.client().waitUntilTaskSyncPhase(DescribeDeliveryTaskRequest("t", "task"), TaskSyncPhase::UNKNOWN);
  CHECK(refused.outcome == WaitOutcome::Failed);
  REQUIRE(refused.error);
  CHECK(refused.error->kind == ErrorKind::InvalidArgument);
}
