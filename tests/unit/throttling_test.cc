// Throttled calls: Retry-After (seconds and HTTP dates) is honoured within the retry budget,
// throttling backs off from its own larger base, and Error says how many attempts were made and
// what the service asked for.

#include <catch2/catch.hpp>
#include <chrono>
#include <numeric>

#include "core/pipeline.h"
#include "core/text.h"
#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/samples.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::testing::RecordingSleeper;
namespace mock = delivery::testing::tablestore;

namespace {

const Credentials kCreds("testaccesskeyid", "testsecret");

struct Fixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  std::shared_ptr<FakeClock> clock = FakeClock::at("2024-01-02T03:04:05.000Z");
  std::shared_ptr<RecordingSleeper> sleeper = std::make_shared<RecordingSleeper>(clock);
  tablestore::DeliveryClientConfig config;
  Fixture() {
    config.transport = transport;
    config.clock = clock;
    config.sleeper = sleeper;
  }
  tablestore::DeliveryClient client() {
    return tablestore::DeliveryClient::create("https://myinstance.cn-hangzhou.ots.aliyuncs.com", "myinstance", kCreds,
                                              config)
        .value();
  }
};

HttpResponse busy(const char* retryAfter = nullptr) {
  HttpResponse r = mock::errorResponse(503, "OTSServerBusy", "busy");
  if (retryAfter != nullptr) r.headers.add("Retry-After", retryAfter);
  return r;
}

std::chrono::milliseconds total(const std::vector<std::chrono::milliseconds>& v) {
  return std::accumulate(v.begin(), v.end(), std::chrono::milliseconds(0));
}

}  // namespace

TEST_CASE("Retry-After in seconds is waited for", "[retry][throttling]") {
  Fixture f;
  f.transport->enqueueResponse(busy("2"));
  f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
  REQUIRE(f.client().createDeliveryTask(test::javaSampleCreate()));
  REQUIRE(f.sleeper->sleeps() == std::vector<std::chrono::milliseconds>{2000ms});
}

TEST_CASE("Retry-After as an HTTP date is waited for, against the client's clock", "[retry][throttling]") {
  Fixture f;
  // The fake clock reads 03:04:05.000; the service asks to come back at 03:04:08.
  f.transport->enqueueResponse(busy("Tue, 02 Jan 2024 03:04:08 GMT"));
  f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
  REQUIRE(f.client().createDeliveryTask(test::javaSampleCreate()));
  REQUIRE(f.sleeper->sleeps() == std::vector<std::chrono::milliseconds>{3000ms});
}

TEST_CASE("a Retry-After beyond the retry budget returns at once, with the wait in the Error", "[retry][throttling]") {
  Fixture f;
  f.transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> { return busy("30"); });
  auto r = f.client().createDeliveryTask(test::javaSampleCreate());
  REQUIRE_FALSE(r);
  CHECK(f.transport->requestCount() == 1);
  CHECK(f.sleeper->sleeps().empty());  // does not sleep out the 10 s budget for nothing
  CHECK(r.error().kind == ErrorKind::Throttled);
  CHECK(r.error().attempts == 1);
  REQUIRE(r.error().retryAfter.has_value());
  CHECK(*r.error().retryAfter == 30000ms);
  CHECK(r.error().message.find("retry after 30000 ms") != std::string::npos);
}

TEST_CASE("throttling spreads its attempts over the retry budget", "[retry][throttling]") {
  // Before: ten OTSServerBusy answers used up all attempts in about a second (10..320 ms pauses).
  for (int run = 0; run < 20; ++run) {
    Fixture f;
    f.transport->setHandler([](const HttpRequest&) -> Result<HttpResponse> { return busy(); });
    auto r = f.client().describeDeliveryTask(tablestore::DescribeDeliveryTaskRequest("t", "k"));
    REQUIRE_FALSE(r);
    const auto sleeps = f.sleeper->sleeps();
    INFO("run " << run << ": " << sleeps.size() << " pauses, " << total(sleeps).count() << " ms");
    CHECK(r.error().attempts == static_cast<int>(sleeps.size()) + 1);
    CHECK_FALSE(r.error().retryAfter.has_value());
    // Pause n lies in [c/2, c], c = min(3200, 200 * 2^(n-1)).
    for (std::size_t i = 0; i < sleeps.size(); ++i) {
      const long long c = std::min<long long>(3200, 200LL << i);
      CHECK(sleeps[i].count() >= c / 2);
      CHECK(sleeps[i].count() <= c);
    }
    // Either the 10 attempts or the 10 s budget end it; the smallest total either way is 6.8 s.
    CHECK(total(sleeps) >= 6800ms);
    CHECK(total(sleeps) <= 10000ms);
    CHECK(r.error().message.find("gave up after " + std::to_string(r.error().attempts) + " attempts") !=
          std::string::npos);
  }
}

TEST_CASE("Retry-After is reported on errors that are not retried, and can be ignored", "[retry][throttling]") {
  SECTION("a create's 503 is not retried, but the caller learns the wait") {
    Fixture f;
    HttpResponse r = mock::errorResponse(503, "OTSServerUnavailable", "down");
    r.headers.add("Retry-After", "120");
    f.transport->enqueueResponse(r);
    auto created = f.client().createDeliveryTask(test::javaSampleCreate());
    REQUIRE_FALSE(created);
    CHECK_FALSE(created.error().retryable);
    REQUIRE(created.error().retryAfter.has_value());
    CHECK(*created.error().retryAfter == 120000ms);
  }
  SECTION("honourRetryAfter = false keeps the computed backoff") {
    Fixture f;
    f.config.retry.honourRetryAfter = false;
    f.transport->enqueueResponse(busy("5"));
    f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
    REQUIRE(f.client().createDeliveryTask(test::javaSampleCreate()));
    REQUIRE(f.sleeper->sleeps().size() == 1);
    CHECK(f.sleeper->sleeps()[0] <= 200ms);
  }
}

TEST_CASE("transient errors keep the short backoff", "[retry][throttling]") {
  Fixture f;
  f.transport->enqueueResponse(mock::errorResponse(500, "OTSInternalServerError", "oops"));
  f.transport->enqueueResponse(mock::listOk(kCreds, {}));
  REQUIRE(f.client().listDeliveryTask(tablestore::ListDeliveryTaskRequest("t")));
  REQUIRE(f.sleeper->sleeps().size() == 1);
  CHECK(f.sleeper->sleeps()[0] <= 10ms);
}

TEST_CASE("HTTP 429 is throttling for every family", "[retry][throttling]") {
  SECTION("Tablestore, even without a Tablestore request id (a gateway's answer), even for a create") {
    Fixture f;
    HttpResponse r429;
    r429.status = 429;
    r429.headers.add("Retry-After", "1");
    f.transport->enqueueResponse(r429);
    f.transport->enqueueResponse(mock::emptyOk("CreateDeliveryTask", kCreds));
    REQUIRE(f.client().createDeliveryTask(test::javaSampleCreate()));
    CHECK(f.sleeper->sleeps() == std::vector<std::chrono::milliseconds>{1000ms});
  }
  SECTION("DIS") {
    auto transport = std::make_shared<MockTransport>();
    auto clock = FakeClock::at("2024-01-02T03:04:05.000Z");
    auto sleeper = std::make_shared<RecordingSleeper>(clock);
    Headers h;
    h.add("Retry-After", "4");
    transport->enqueueResponse(429, h, R"({"error_code":"APIGW.0308","error_msg":"throttled"})");
    transport->enqueueResponse(200, {}, R"({"total_number":0,"tasks":[]})");
    dis::DisClientConfig config;
    config.transport = transport;
    config.clock = clock;
    config.sleeper = sleeper;
    config.region = "cn-north-4";
    auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
    REQUIRE(client.listTransferTasks(dis::ListTransferTasksRequest("s")));
    CHECK(sleeper->sleeps() == std::vector<std::chrono::milliseconds>{4000ms});
  }
  SECTION("Kafka: attempts and retryAfter on the final error") {
    auto transport = std::make_shared<MockTransport>();
    auto clock = FakeClock::at("2024-01-02T03:04:05.000Z");
    auto sleeper = std::make_shared<RecordingSleeper>(clock);
    Headers h;
    h.add("Retry-After", "3");
    transport->setHandler([h](const HttpRequest&) -> Result<HttpResponse> {
      HttpResponse r;
      r.status = 429;
      r.headers = h;
      r.body = R"({"error_code":"APIGW.0308","error_msg":"throttled"})";
      return r;
    });
    kafka::KafkaClientConfig config;
    config.transport = transport;
    config.clock = clock;
    config.sleeper = sleeper;
    config.region = "cn-north-4";
    auto client = kafka::KafkaClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "proj"), config).value();
    auto r = client.listSinkTasks(kafka::ListSinkTasksRequest("c"));
    REQUIRE_FALSE(r);
    // 3 s pauses in a 10 s budget: attempts at 0, 3, 6 and 9 s.
    CHECK(r.error().attempts == 4);
    CHECK(transport->requestCount() == 4);
    REQUIRE(r.error().retryAfter.has_value());
    CHECK(*r.error().retryAfter == 3000ms);
  }
}

TEST_CASE("Retry-After parsing", "[retry][throttling]") {
  const auto now = FakeClock::at("2024-01-02T03:04:05.000Z")->now();
  auto parse = [&](const char* v) {
    Headers h;
    h.add("Retry-After", v);
    return detail::retryAfter(h, now);
  };
  CHECK(parse("0") == 0ms);
  CHECK(parse(" 7 ") == 7000ms);
  CHECK(parse("99999999999999999999999") == std::chrono::milliseconds(7LL * 24 * 3600 * 1000));  // capped
  CHECK(parse("Tue, 02 Jan 2024 03:05:05 GMT") == 60000ms);
  CHECK(parse("Tuesday, 02-Jan-24 03:05:05 GMT") == 60000ms);  // RFC 850
  CHECK(parse("Tue Jan  2 03:05:05 2024") == 60000ms);         // asctime
  CHECK(parse("Mon, 01 Jan 2024 00:00:00 GMT") == 0ms);        // in the past
  CHECK_FALSE(parse("soon").has_value());
  CHECK_FALSE(parse("-5").has_value());
  CHECK_FALSE(parse("1.5").has_value());
  CHECK_FALSE(parse("Tue, 32 Jan 2024 03:05:05 GMT").has_value());
  CHECK_FALSE(detail::retryAfter(Headers(), now).has_value());
}

TEST_CASE("the throttling backoff bounds are validated", "[retry][throttling]") {
  tablestore::DeliveryClientConfig config;
  config.transport = std::make_shared<MockTransport>();
  config.retry.initialThrottleBackoff = 0ms;
  config.retry.maxThrottleBackoff = -1ms;
  auto r = tablestore::DeliveryClient::create("https://i.cn-hangzhou.ots.aliyuncs.com", "i", kCreds, config);
  REQUIRE_FALSE(r);
  std::vector<std::string> fields;
  for (const auto& v : r.error().violations) fields.push_back(v.field);
  CHECK(fields == std::vector<std::string>{"config.retry.initialThrottleBackoff", "config.retry.maxThrottleBackoff"});
}
