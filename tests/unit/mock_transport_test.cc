#include <catch2/catch.hpp>

#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"

using namespace delivery;
using delivery::testing::MockTransport;

TEST_CASE("MockTransport replays queued items in order and records requests", "[testing]") {
  MockTransport mock;
  mock.enqueueResponse(200, {}, "first").enqueueError(Error(ErrorKind::Timeout, "slow")).enqueueResponse(500);
  CHECK(mock.pendingCount() == 3);
  HttpRequest req;
  req.path = "/a";
  auto r1 = mock.send(req);
  REQUIRE(r1);
  CHECK(r1->body == "first");
  req.path = "/b";
  auto r2 = mock.send(req);
  REQUIRE_FALSE(r2);
  CHECK(r2.error().kind == ErrorKind::Timeout);
  auto r3 = mock.send(req);
  REQUIRE(r3);
  CHECK(r3->status == 500);
  CHECK(mock.requestCount() == 3);
  CHECK(mock.requests()[0].path == "/a");
  CHECK(mock.lastRequest().path == "/b");
}

TEST_CASE("MockTransport fails clearly when it runs out", "[testing]") {
  MockTransport mock;
  CHECK_THROWS_AS(mock.lastRequest(), std::logic_error);
  HttpRequest req;
  req.path = "/CreateDeliveryTask";
  auto r = mock.send(req);
  REQUIRE_FALSE(r);
  CHECK(r.error().kind == ErrorKind::Internal);
  CHECK(r.error().message.find("no response queued") != std::string::npos);
  CHECK(r.error().message.find("/CreateDeliveryTask") != std::string::npos);
}

TEST_CASE("MockTransport handler answers once the queue is empty", "[testing]") {
  MockTransport mock;
  mock.enqueueResponse(201);
  mock.setHandler([](const HttpRequest& r) -> Result<HttpResponse> {
    HttpResponse resp;
    resp.status = 200;
    resp.body = r.path;
    return resp;
  });
  HttpRequest req;
  req.path = "/x";
  CHECK(mock.send(req)->status == 201);
  CHECK(mock.send(req)->body == "/x");
}

TEST_CASE("FakeClock and RecordingSleeper", "[testing]") {
  auto clock = delivery::testing::FakeClock::at("2024-01-02T03:04:05.000Z");
  delivery::testing::RecordingSleeper sleeper(clock);
  const auto t0 = clock->now();
  sleeper.sleepFor(std::chrono::milliseconds(25));
  sleeper.sleepFor(std::chrono::milliseconds(5));
  CHECK(clock->now() - t0 == std::chrono::milliseconds(30));
  CHECK(sleeper.sleeps() == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(25), std::chrono::milliseconds(5)});
  CHECK_THROWS_AS(delivery::testing::FakeClock::at("yesterday"), std::invalid_argument);
}
