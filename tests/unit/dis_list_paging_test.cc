// listTransferTasks paging (limit, start_task_name) and DisClient::listAllTransferTasks through
// MockTransport: the query sent, the rules on both parameters, and a walk that ends on every answer a
// service may give (short page, total reached, limit ignored) and refuses the answers that would make
// it loop (a repeated page, the same start marker twice, a task without a name).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "delivery/dis/client.h"
#include "support/paging_fixture.h"

using namespace delivery;
using namespace delivery::dis;
using delivery::test::taskNames;

namespace {

struct Fixture : delivery::test::PagingFixture<DisClient, DisClientConfig> {
  Fixture() : PagingFixture("proj123") {}
  // One page: the named tasks, and total_number when >= 0.
  void page(const std::vector<std::string>& names, long total = -1) {
    std::string body = "{";
    if (total >= 0) body += R"("total_number":)" + std::to_string(total) + ",";
    body += R"("quota":5,"tasks":[)";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) body += ",";
      body += R"({"task_id":"id-)" + names[i] + R"(","task_name":")" + names[i] + R"(","state":"RUNNING","destination_type":"OBS"})";
    }
    body += "]}";
    answer(body);
  }
};

}  // namespace

TEST_CASE("list: limit and start_task_name travel as query parameters, only when set", "[dis][paging]") {
  Fixture f;
  f.page({});
  f.page({});
  f.page({});
  REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s1")));
  REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s1").setLimit(3)));
  REQUIRE(f.client().listTransferTasks(ListTransferTasksRequest("s1").setLimit(10).setStartTaskName("task_b-2")));
  CHECK(f.sentTarget(0) == "/v2/proj123/streams/s1/transfer-tasks");
  CHECK(f.sentTarget(1) == "/v2/proj123/streams/s1/transfer-tasks?limit=3");
  CHECK(f.sentTarget(2) == "/v2/proj123/streams/s1/transfer-tasks?limit=10&start_task_name=task_b-2");
  CHECK(f.transport->requests().at(2).body.empty());
}

TEST_CASE("list: limit is 1..10 and start_task_name a task name, named by field", "[dis][paging][validation]") {
  const auto problems = [](const ListTransferTasksRequest& r) {
    auto v = r.validate();
    REQUIRE_FALSE(v);
    CHECK(v.error().kind == ErrorKind::InvalidArgument);
    std::string out;
    for (const auto& p : v.error().violations) out += p.field + ": " + p.message + "\n";
    return out;
  };
  CHECK(ListTransferTasksRequest("s").setLimit(1).validate());
  CHECK(ListTransferTasksRequest("s").setLimit(10).validate());
  CHECK_THAT(problems(ListTransferTasksRequest("s").setLimit(0)), Catch::Contains("limit: must be between 1 and 10"));
  CHECK_THAT(problems(ListTransferTasksRequest("s").setLimit(11)), Catch::Contains("limit: must be between 1 and 10"));
  CHECK_THAT(problems(ListTransferTasksRequest("s").setLimit(-5)), Catch::Contains("limit"));
  CHECK_THAT(problems(ListTransferTasksRequest("s").setStartTaskName("")), Catch::Contains("start_task_name: must not be empty"));
  CHECK_THAT(problems(ListTransferTasksRequest("s").setStartTaskName("bad/name")),
             Catch::Contains("start_task_name: may contain only letters, digits, '-' and '_'"));
  CHECK_THAT(problems(ListTransferTasksRequest("s").setStartTaskName(std::string(65, 'a'))),
             Catch::Contains("start_task_name: must be at most 64 characters"));
  // Both at once, and nothing is sent.
  Fixture f;
  auto r = f.client().listTransferTasks(ListTransferTasksRequest("s").setLimit(11).setStartTaskName("a b"));
  REQUIRE_FALSE(r);
  REQUIRE(r.error().violations.size() == 2);
  CHECK(r.error().violations[0].field == "limit");
  CHECK(r.error().violations[1].field == "start_task_name");
  CHECK(f.transport->requestCount() == 0);
}

TEST_CASE("listAllTransferTasks walks pages after the last name of each", "[dis][paging]") {
  Fixture f;
  SECTION("pages of the request's limit, ending on a short page") {
    f.page({"a", "b"}, 5);
    f.page({"c", "d"}, 5);
    f.page({"e"}, 5);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b", "c", "d", "e"});
    REQUIRE(f.transport->requestCount() == 3);
    CHECK(f.sentTarget(0) == "/v2/proj123/streams/s1/transfer-tasks?limit=2");
    CHECK(f.sentTarget(1) == "/v2/proj123/streams/s1/transfer-tasks?limit=2&start_task_name=b");
    CHECK(f.sentTarget(2) == "/v2/proj123/streams/s1/transfer-tasks?limit=2&start_task_name=d");
  }
  SECTION("the documented largest page when the request sets none; a full last page ends on total_number") {
    std::vector<std::string> ten;
    for (int i = 0; i < 10; ++i) ten.push_back("t" + std::to_string(i));
    f.page(ten, 10);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1"));
    REQUIRE(all);
    CHECK(all->size() == 10);
    CHECK(f.transport->requestCount() == 1);
    CHECK(f.sentTarget(0) == "/v2/proj123/streams/s1/transfer-tasks?limit=10");
  }
  SECTION("a full page without total_number asks once more and ends on the empty page") {
    f.page({"a", "b"});
    f.page({});
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE(all);
    CHECK(taskNames(*all) == std::vector<std::string>{"a", "b"});
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a service that ignores limit answers everything at once") {
    f.page({"a", "b", "c"}, 3);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE(all);
    CHECK(all->size() == 3);
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("the request's start_task_name starts the walk") {
    f.page({"c"}, 3);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2).setStartTaskName("b"));
    REQUIRE(all);
    CHECK(f.sentTarget(0) == "/v2/proj123/streams/s1/transfer-tasks?limit=2&start_task_name=b");
  }
  SECTION("a stream without tasks") {
    f.page({}, 0);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1"));
    REQUIRE(all);
    CHECK(all->empty());
  }
}

TEST_CASE("listAllTransferTasks refuses answers that would loop or skip", "[dis][paging]") {
  Fixture f;
  SECTION("a service that ignores start_task_name repeats the first page") {
    f.page({"a", "b"}, 4);
    f.page({"a", "b"}, 4);
    f.page({"a", "b"}, 4);  // never asked for
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("task a came back"));
    CHECK(all.error().requestId == "page-1");
    CHECK(f.transport->requestCount() == 2);
  }
  SECTION("a page that overlaps the one before") {
    f.page({"a", "b"}, 4);
    f.page({"b", "c"}, 4);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("task b came back"));
  }
  SECTION("a page whose last name is the marker it was asked to start after") {
    f.page({"b"}, 4);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(1).setStartTaskName("b"));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("start after b again"));
    CHECK(f.transport->requestCount() == 1);
  }
  SECTION("a task without a name cannot start the next page") {
    f.page({"a", ""}, 4);
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidResponse);
    CHECK_THAT(all.error().message, Catch::Contains("without a task_name"));
  }
  SECTION("an error on a later page ends the walk with that error") {
    f.page({"a", "b"}, 4);
    Headers h;
    h.add("X-Request-Id", "err");
    f.transport->enqueueResponse(400, h, R"({"error_code":"DIS.4301","error_msg":"stream does not exist"})");
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(2));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind != ErrorKind::InvalidResponse);
    CHECK(all.error().code == "DIS.4301");
    CHECK(all.error().requestId == "err");
  }
  SECTION("a bad request is refused before anything is sent") {
    auto all = f.client().listAllTransferTasks(ListTransferTasksRequest("s1").setLimit(20));
    REQUIRE_FALSE(all);
    CHECK(all.error().kind == ErrorKind::InvalidArgument);
    CHECK(f.transport->requestCount() == 0);
  }
}
