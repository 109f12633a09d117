// KafkaClient::listAllConnectorTasks through MockTransport: the offset and limit each page sends,
// a walk that ends on every answer a service may give (total_number reached, an empty page, pages
// shorter than asked, no total_number) and refuses the answers that would make it loop (a service
// that ignores offset or repeats its last page, a task without an id).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "delivery/kafka/client.h"
#include "support/paging_fixture.h"

using namespace delivery;
using namespace delivery::kafka;
using delivery::test::taskNames;

namespace {

struct Fixture : delivery::test::PagingFixture<KafkaClient, KafkaClientConfig> {
  Fixture() : PagingFixture("proj") {}
  // One page: tasks named `names` (id "id-<name>", none for an empty name), and total_number when >= 0.
  void page(const std::vector<std::string>& names, long total = -1) {
    std::string body = R"({"tasks":[)";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) body += ",";
      body += R"({"task_name":")" + names[i] + R"(","id":")" + (names[i].empty() ? "" : "id-" + names[i]) +
              R"(","status":"RUNNING","source_type":"NONE","sink_type":"OBS_SINK","create_time":1})";
    }
    body += "]";
    if (total >= 0) body += R"(,"total_number":)" + std::to_string(total);
    body += R"(,"max_tasks":18,"quota_tasks":18})";
    answer(body);
  }
};

const std::string kTasks = "/v2/proj/instances/i1/connector/tasks";

}  // namespace

TEST_CASE("listAllConnectorTasks moves the offset on by each page's tasks", "[kafka][smart-connect][paging]") {
  Fixture f;
  SECTION("the largest page when the request sets none; ends when the offset reaches total_number") {
    f.page({"a", "b", "c"}, 3);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1"));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(f.transport->requestCount() == 1);
    CHECK(f.sentTarget(0) == kTasks + "?offset=0&limit=50");
  }
  SECTION("a page shorter than asked does not end the walk while total_number says more follow") {
    f.page({"a", "b"}, 5);
    f.page({"c"}, 5);
    f.page({"d", "e"}, 5);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c", "d", "e"});
    REQUIRE(f.transport->requestCount() == 3);
    CHECK(f.sentTarget(0) == kTasks + "?offset=0&limit=2");
    CHECK(f.sentTarget(1) == kTasks + "?offset=2&limit=2");
    CHECK(f.sentTarget(2) == kTasks + "?offset=3&limit=2");
  }
  SECTION("pages that run out before total_number end on the empty page") {
    f.page({"a", "b"}, 100);
    f.page({"c"}, 100);
    f.page({}, 100);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c"});
    CHECK(f.transport->requestCount() == 3);
  }
  SECTION("without total_number, on to the empty page") {
    f.page({"a", "b"});
    f.page({"c"});
    f.page({});
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c"});
    CHECK(f.transport->requestCount() == 3);
  }
  SECTION("the request's offset starts the walk") {
    f.page({"e", "f"}, 6);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setOffset(4).setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"e", "f"});
    REQUIRE(f.transport->requestCount() == 1);
    CHECK(f.sentTarget(0) == kTasks + "?offset=4&limit=2");
  }
  SECTION("a task that comes back on the next page (one created during the walk) is kept once") {
    f.page({"a", "b"}, 4);
    f.page({"b", "c"}, 4);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c"});
  }
  SECTION("an instance without tasks") {
    f.page({}, 0);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1"));
    REQUIRE(all);
    CHECK(all->empty());
    CHECK(f.transport->requestCount() == 1);
  }
}

TEST_CASE("listAllConnectorTasks refuses answers that would loop", "[kafka][smart-connect][paging]") {
  Fixture f;
  SECTION("a service that ignores offset answers the first page again") {
    f.page({"a", "b"}, 6);
    f.page({"a", "b"}, 6);
    f.page({"a", "b"}, 6);  // never asked for
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("instance i1") && Catch::Contains("offset 2 holds only tasks already read"));
    CHECK(all.error().requestId == "page-1");
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a total that never comes, the last page answered again") {
    f.page({"a", "b"}, 100);
    f.page({"c"}, 100);
    f.page({"c"}, 100);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("offset 3"));
    CHECK(f.transport->requestCount() == 3);
  }
  SECTION("without total_number, the same full page again") {
    f.page({"a", "b"});
    f.page({"a", "b"});
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
  }
  SECTION("a task without an id cannot be told from one already read") {
    f.page({"a", ""}, 4);
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("without an id"));
  }
  SECTION("an error on a later page ends the walk with that error") {
    f.page({"a", "b"}, 4);
    Headers h;
    h.add("X-Request-Id", "err");
    f.transport->enqueueResponse(404, h, R"({"error_code":"DMS.00404022","error_msg":"Smart Connect is not enabled"})");
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind != ErrorKind::InvalidResponse);
    CHECK(all.error().code == "DMS.00404022");
    CHECK(all.error().requestId == "err");
  }
  SECTION("a bad request is refused before anything is sent") {
    auto all = f.client().listAllConnectorTasks(ListConnectorTasksRequest("i1").setLimit(kMaxConnectorTasksLimit + 1));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidArgument);
    CHECK(f.transport->requestCount() == 0);
  }
}
