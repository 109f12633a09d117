// The instance-metadata credential sources of both vendors against a fake metadata server on
// 127.0.0.1 (cpp-httplib): Alibaba's ECS RAM role (specs/credentials.md §A.4) and Huawei's ECS
// security key (§B.4), each reached over the SDK's CurlTransport; then a ChainProvider renewing from
// the fake server under a FakeClock, and a DeliveryClient whose default chain ends at the fake
// server. No test reaches a real metadata address or reads the real home directory.

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "delivery/huawei/metadata_credentials.h"
#include "delivery/tablestore/client.h"
#include "delivery/tablestore/credentials.h"
#include "delivery/tablestore/ecs_ram_role.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/credentials_env.h"
#include "support/scoped_env.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::test::ScopedEnv;
using delivery::testing::FakeClock;
using TimePoint = std::chrono::system_clock::time_point;

using delivery::test::CleanAlibabaEnv;

namespace {

// What the fake server was asked.
struct Seen {
  std::string method;
  std::string path;    // decoded
  std::string target;  // as sent
  std::map<std::string, std::string> headers;  // names lower-cased
  bool has(const std::string& name) const { return headers.count(name) != 0; }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// An httplib server on an ephemeral loopback port that records every request and answers through
// `handle` (called under the server's lock, so handlers may touch the test's state freely).
class FakeMetadataServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  explicit FakeMetadataServer(Handler handle) : handle_(std::move(handle)) {
    auto all = [this](const httplib::Request& q, httplib::Response& r) {
      std::lock_guard<std::mutex> lock(mutex_);
      Seen s{q.method, q.path, q.target, {}};
      for (const auto& [name, value] : q.headers) s.headers[lower(name)] = value;
      seen_.push_back(std::move(s));
      handle_(q, r);
    };
    server_.Get(".*", all);
    server_.Put(".*", all);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~FakeMetadataServer() {
    server_.stop();
    thread_.join();
  }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Runs `f` under the lock the handlers run under: the test's knobs and counters are shared with
  /// the server's threads (the sockets order them, but ThreadSanitizer cannot see that).
  template <typename F>
  auto locked(F f) {
    std::lock_guard<std::mutex> lock(mutex_);
    return f();
  }
  std::vector<Seen> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }
  std::size_t count(const std::string& method) {
    std::size_t n = 0;
    for (const Seen& s : seen()) n += s.method == method ? 1 : 0;
    return n;
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    seen_.clear();
  }

 private:
  Handler handle_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<Seen> seen_;
};

// A loopback port that nobody listens on: bound (so nobody else gets it) but not listening, so
// connecting is refused.
class DeadPort {
 public:
  DeadPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~DeadPort() { ::close(fd_); }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = 0;
};

TimePoint at(const char* iso) { return FakeClock::at(iso)->now(); }

// ---- Alibaba: the ECS metadata service, as §A.4 describes it ------------------------------------

constexpr const char* kRoles = "/latest/meta-data/ram/security-credentials/";

struct AlibabaImds {
  // Knobs (set by the tests; read under the server's lock).
  int tokenStatus = 200;        // the answer to PUT /latest/api/token
  bool hardenedOnly = true;     // GETs need a token this server issued
  int roleListStatus = 200;
  std::string role = "EcsRole";
  std::string code = "Success";
  std::string bodyOverride;     // when set, the credentials answer
  std::function<std::string(int)> expiration = [](int) { return std::string("2026-01-01T01:00:00Z"); };
  // State.
  int tokensIssued = 0;
  int generation = 0;

  FakeMetadataServer::Handler handler() {
    return [this](const httplib::Request& q, httplib::Response& r) {
      if (q.method == "PUT" && q.path == "/latest/api/token") {
        if (tokenStatus != 200) {
          r.status = tokenStatus;
          return;
        }
        r.set_content("md-token-" + std::to_string(++tokensIssued), "text/plain");
        return;
      }
      if (q.method != "GET") {
        r.status = 405;
        return;
      }
      if (hardenedOnly) {
        const std::string token = q.get_header_value("X-aliyun-ecs-metadata-token");
        if (token.rfind("md-token-", 0) != 0 || std::stoi(token.substr(9)) > tokensIssued) {
          r.status = 401;
          return;
        }
      }
      if (q.path == kRoles) {
        r.status = roleListStatus;
        if (roleListStatus == 200) r.set_content(role + "\n", "text/plain");
        return;
      }
      if (q.path == kRoles + role) {
        if (!bodyOverride.empty()) {
          r.set_content(bodyOverride, "text/plain");
          return;
        }
        const int n = ++generation;
        const std::string g = std::to_string(n);
        r.set_content(R"({"AccessKeyId":"STS.gen-)" + g + R"(","AccessKeySecret":"secret-)" + g +
                          R"(","Expiration":")" + expiration(n) + R"(","SecurityToken":"sts-token-)" + g +
                          R"(","Code":")" + code + R"(","LastUpdated":"2026-01-01T00:00:00Z"})",
                      "text/plain");
        return;
      }
      r.status = 404;
    };
  }
};


tablestore::EcsRamRoleOptions alibabaOptions(const std::string& endpoint, std::shared_ptr<FakeClock> clock = nullptr) {
  tablestore::EcsRamRoleOptions o;
  o.endpoint = endpoint;
  o.clock = clock ? clock : FakeClock::at("2026-01-01T00:00:00Z");
  return o;
}

// No secret, no token (metadata or STS) in `text`.
void checkNoSecrets(const std::string& text) {
  INFO(text);
  CHECK(text.find("secret-") == std::string::npos);
  CHECK(text.find("sts-token-") == std::string::npos);
  CHECK(text.find("md-token-") == std::string::npos);
  CHECK(text.find("hw-secret") == std::string::npos);
  CHECK(text.find("hw-sts") == std::string::npos);
}

}  // namespace

TEST_CASE("Alibaba IMDS: hardened mode, the token on every GET, kept until 10 minutes before its TTL",
          "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  FakeMetadataServer server(imds.handler());
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto source = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint(), clock));
  auto r = source.fetch();
  REQUIRE(r);
  REQUIRE(r->value);
  CHECK(r->value->credentials.accessKeyId == "STS.gen-1");
  CHECK(r->value->credentials.accessKeySecret == "secret-1");
  CHECK(r->value->credentials.securityToken == "sts-token-1");
  CHECK(r->value->expiration == at("2026-01-01T01:00:00Z"));
  CHECK(r->value->source == "ECS RAM role EcsRole (" + server.endpoint() + ")");

  auto seen = server.seen();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].method == "PUT");
  CHECK(seen[0].path == "/latest/api/token");
  CHECK(seen[0].header("x-aliyun-ecs-metadata-token-ttl-seconds") == "21600");
  CHECK(seen[1].method == "GET");
  CHECK(seen[1].path == kRoles);  // no role configured: discovered
  CHECK(seen[1].header("x-aliyun-ecs-metadata-token") == "md-token-1");
  CHECK(seen[2].path == std::string(kRoles) + "EcsRole");
  CHECK(seen[2].header("x-aliyun-ecs-metadata-token") == "md-token-1");

  // The token is kept: a renewal costs no PUT...
  clock->advance(5h + 49min);
  REQUIRE(source.fetch()->value->credentials.accessKeyId == "STS.gen-2");
  CHECK(server.count("PUT") == 1);
  CHECK(server.seen().back().header("x-aliyun-ecs-metadata-token") == "md-token-1");
  // ... until 600 s before its 21600 s are up.
  clock->advance(2min);
  REQUIRE(source.fetch()->value->credentials.accessKeyId == "STS.gen-3");
  CHECK(server.count("PUT") == 2);
  CHECK(server.seen().back().header("x-aliyun-ecs-metadata-token") == "md-token-2");

  SECTION("a kept token the service no longer knows is replaced once") {
    server.locked([&] { imds.tokensIssued = 0; });  // the service forgot its tokens (restarted)
    server.clear();
    REQUIRE(source.fetch()->value->credentials.accessKeyId == "STS.gen-4");
    seen = server.seen();
    REQUIRE(seen.size() == 4);  // GET roles (401), PUT, GET roles, GET credentials
    CHECK(seen[0].header("x-aliyun-ecs-metadata-token") == "md-token-2");  // refused with 401
    CHECK(seen[1].method == "PUT");
    CHECK(seen[2].header("x-aliyun-ecs-metadata-token") == "md-token-1");
    CHECK(seen[3].header("x-aliyun-ecs-metadata-token") == "md-token-1");
  }
}

TEST_CASE("Alibaba IMDS: token-less only when the token PUT fails and IMDSv1 is allowed", "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  imds.hardenedOnly = false;
  FakeMetadataServer server(imds.handler());
  auto source = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint()));
  const int status = GENERATE(404, 403, 500);
  server.locked([&] { imds.tokenStatus = status; });
  auto r = source.fetch();
  REQUIRE(r);
  REQUIRE(r->value);
  CHECK(r->value->credentials.accessKeyId == "STS.gen-1");
  auto seen = server.seen();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].method == "PUT");
  CHECK_FALSE(seen[1].has("x-aliyun-ecs-metadata-token"));
  CHECK_FALSE(seen[2].has("x-aliyun-ecs-metadata-token"));

  // Hardened only: that failure is an error, and no GET goes out.
  ScopedEnv v1("ALIBABA_CLOUD_IMDSV1_DISABLED", "True");
  server.clear();
  auto refused = source.fetch();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message == "the metadata service at " + server.endpoint() + ": the metadata token request failed (HTTP " +
                                       std::to_string(status) + ") and ALIBABA_CLOUD_IMDSV1_DISABLED is true");
  CHECK(server.count("GET") == 0);
}

TEST_CASE("Alibaba IMDS: a token that was obtained is always sent; a failed GET is not repeated without it",
          "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  imds.code = "Failed";
  FakeMetadataServer server(imds.handler());
  auto r = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint())).fetch();
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "the metadata service at " + server.endpoint() +
                                 ": the credentials of RAM role \"EcsRole\" came with Code \"Failed\" instead of \"Success\"");
  checkNoSecrets(r.error().message);
  for (const Seen& s : server.seen()) {
    if (s.method == "GET") CHECK(s.header("x-aliyun-ecs-metadata-token") == "md-token-1");
  }
  CHECK(server.count("GET") == 2);
}

TEST_CASE("Alibaba IMDS: the role from the options or ALIBABA_CLOUD_ECS_METADATA, else discovered",
          "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  FakeMetadataServer server(imds.handler());
  auto options = alibabaOptions(server.endpoint());

  SECTION("from the variable: no discovery") {
    ScopedEnv role("ALIBABA_CLOUD_ECS_METADATA", "EcsRole");
    REQUIRE(tablestore::ecsRamRoleSource(options).fetch()->value);
    CHECK(server.count("GET") == 1);
    CHECK(server.seen().back().path == std::string(kRoles) + "EcsRole");
  }
  SECTION("from the options, over the variable; a named role the service does not have is an error") {
    ScopedEnv role("ALIBABA_CLOUD_ECS_METADATA", "EcsRole");
    options.roleName = "Other Role";
    auto r = tablestore::ecsRamRoleSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "the metadata service at " + server.endpoint() + " has no RAM role \"Other Role\" (HTTP 404)");
    CHECK(server.seen().back().target == std::string(kRoles) + "Other%20Role");
  }
  SECTION("no role attached to the instance: the source does not apply") {
    server.locked([&] { imds.roleListStatus = 404; });
    auto r = tablestore::ecsRamRoleSource(options).fetch();
    REQUIRE(r);
    REQUIRE_FALSE(r->value);
    CHECK(r->whyAbsent == "no RAM role is attached to this instance (the metadata service at " + server.endpoint() +
                              " answered 404)");
  }
  SECTION("the role list failing otherwise is an error") {
    server.locked([&] { imds.roleListStatus = 500; });
    auto r = tablestore::ecsRamRoleSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("answered HTTP 500 when listing the RAM role") != std::string::npos);
  }
}

TEST_CASE("Alibaba IMDS: answers that cannot be used are errors that quote no secret", "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  FakeMetadataServer server(imds.handler());
  auto source = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint()));
  const std::string what = "the metadata service at " + server.endpoint() + ": the credentials of RAM role \"EcsRole\"";

  SECTION("not JSON") {
    server.locked([&] { imds.bodyOverride = R"({"AccessKeyId":"STS.x","AccessKeySecret":"secret-x")"; });
    auto r = source.fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidResponse);
    CHECK(r.error().message == what + " are not a JSON object");
    checkNoSecrets(r.error().message);
  }
  SECTION("no Code") {
    server.locked([&] { imds.bodyOverride = R"({"AccessKeyId":"STS.x","AccessKeySecret":"secret-x","SecurityToken":"sts-token-x","Expiration":"2026-01-01T01:00:00Z"})"; });
    auto r = source.fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == what + " came with Code \"\" instead of \"Success\"");
  }
  SECTION("a missing token, an expiration that is not a time") {
    server.locked([&] { imds.bodyOverride = R"({"Code":"Success","AccessKeyId":"STS.x","AccessKeySecret":"secret-x","Expiration":"tomorrow"})"; });
    auto r = source.fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == what + " cannot be used");
    REQUIRE(r.error().violations.size() == 2);
    CHECK(r.error().violations[0] == FieldViolation{"metadata response.SecurityToken", "is required"});
    CHECK(r.error().violations[1].field == "metadata response.Expiration");
    checkNoSecrets(r.error().toString());
  }
  SECTION("a control character in the secret") {
    server.locked([&] { imds.bodyOverride = R"({"Code":"Success","AccessKeyId":"STS.x","AccessKeySecret":"secret\r\nx","SecurityToken":"t","Expiration":"2026-01-01T01:00:00Z"})"; });
    auto r = source.fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().violations.at(0).field == "metadata response.accessKeySecret");
    checkNoSecrets(r.error().toString());
  }
}

TEST_CASE("Alibaba IMDS: the expiration is the server's, with or without a fraction", "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  FakeMetadataServer server(imds.handler());
  auto source = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint()));
  server.locked([&] { imds.expiration = [](int) { return std::string("2021-10-20T04:27:09Z"); }; });
  CHECK(source.fetch()->value->expiration == at("2021-10-20T04:27:09Z"));
  server.locked([&] { imds.expiration = [](int) { return std::string("2021-10-20T04:27:09.250Z"); }; });
  CHECK(source.fetch()->value->expiration == at("2021-10-20T04:27:09Z") + 250ms);
}

TEST_CASE("Alibaba IMDS: not applicable when disabled or when the address cannot be connected to",
          "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  DeadPort dead;
  SECTION("connection refused, with or without IMDSv1") {
    const bool v1Disabled = GENERATE(false, true);
    ScopedEnv v1("ALIBABA_CLOUD_IMDSV1_DISABLED", v1Disabled ? "true" : nullptr);
    auto r = tablestore::ecsRamRoleSource(alibabaOptions(dead.endpoint())).fetch();
    REQUIRE(r);
    REQUIRE_FALSE(r->value);
    CHECK(r->whyAbsent.rfind("the metadata service at " + dead.endpoint() + " cannot be reached: ", 0) == 0);
  }
  SECTION("the address from the variable for tests") {
    ScopedEnv endpoint("DELIVERY_TEST_ALIBABA_METADATA_ENDPOINT", dead.endpoint().c_str());
    auto r = tablestore::ecsRamRoleSource().fetch();
    REQUIRE(r);
    REQUIRE_FALSE(r->value);
    CHECK(r->whyAbsent.find(dead.endpoint()) != std::string::npos);
  }
  SECTION("ALIBABA_CLOUD_ECS_METADATA_DISABLED: nothing is sent") {
    AlibabaImds imds;
    FakeMetadataServer server(imds.handler());
    ScopedEnv off("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true");
    auto r = tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint())).fetch();
    REQUIRE(r);
    CHECK(r->whyAbsent == "ALIBABA_CLOUD_ECS_METADATA_DISABLED is true");
    CHECK(server.seen().empty());
  }
  SECTION("once the service has answered, a failure to reach it is an error") {
    auto transport = std::make_shared<delivery::testing::MockTransport>();
    transport->enqueueResponse(200, {}, "a-token");
    transport->enqueueError(Error(ErrorKind::Connect, "connection refused"));
    auto options = alibabaOptions(dead.endpoint());
    options.transport = transport;
    auto r = tablestore::ecsRamRoleSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Connect);
    CHECK(r.error().message.find("listing the RAM role failed") != std::string::npos);
  }
  SECTION("a bad address is an error") {
    auto r = tablestore::ecsRamRoleSource(alibabaOptions("http://127.0.0.1:1/latest")).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message.rfind("EcsRamRoleOptions::endpoint: ", 0) == 0);
  }
}

TEST_CASE("Alibaba IMDS in a ChainProvider: renewed from the metadata service before expiry", "[credentials][metadata][alibaba]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  // Generation N expires N hours after the fake clock's start.
  imds.expiration = [](int n) { return "2026-01-01T0" + std::to_string(n) + ":00:00Z"; };
  FakeMetadataServer server(imds.handler());
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  ChainProvider<Credentials> chain({tablestore::ecsRamRoleSource(alibabaOptions(server.endpoint(), clock))},
                                   RefreshOptions{15min, 60s, clock, nullptr, nullptr});
  auto id = [&] {
    auto r = chain.current();
    REQUIRE(r);
    return (*r)->credentials.accessKeyId;
  };
  CHECK(id() == "STS.gen-1");
  clock->advance(44min);
  CHECK(id() == "STS.gen-1");
  CHECK(server.locked([&] { return imds.generation; }) == 1);
  clock->advance(2min);  // 14 minutes left
  CHECK(id() == "STS.gen-2");
  CHECK((*chain.current())->expiration == at("2026-01-01T02:00:00Z"));
  CHECK((*chain.current())->credentials.securityToken == "sts-token-2");
  clock->advance(50min);
  CHECK(id() == "STS.gen-2");
  clock->advance(20min);  // 4 minutes left
  CHECK(id() == "STS.gen-3");
  CHECK(server.count("PUT") == 1);  // one metadata token for all three
  CHECK(chain.sourceInUse() == "ECS RAM role");
}

TEST_CASE("a DeliveryClient on the default Alibaba chain signs with the ECS RAM role's credentials",
          "[credentials][metadata][alibaba][client]") {
  CleanAlibabaEnv clean(false);
  AlibabaImds imds;
  imds.expiration = [](int) { return std::string("2026-01-01T06:00:00Z"); };
  FakeMetadataServer server(imds.handler());
  ScopedEnv endpoint("DELIVERY_TEST_ALIBABA_METADATA_ENDPOINT", server.endpoint().c_str());
  char tmpl[] = "/tmp/delivery-metadata-home-XXXXXX";
  REQUIRE(::mkdtemp(tmpl) != nullptr);
  const std::string home = tmpl;  // empty: no CLI config, no credentials file

  tablestore::AlibabaCredentialsOptions options;
  options.homeDirectory = home;
  options.refresh.clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto chain = tablestore::defaultCredentialsChain(options);

  auto transport = std::make_shared<delivery::testing::MockTransport>();
  tablestore::DeliveryClientConfig config;
  config.transport = transport;
  config.clock = options.refresh.clock;
  auto client = tablestore::DeliveryClient::create("https://inst.cn-hangzhou.ots.aliyuncs.com", "inst", chain, config);
  REQUIRE(client);
  transport->enqueueResponse(delivery::testing::tablestore::listOk(Credentials("STS.gen-1", "secret-1"), {}));
  auto listed = client->listDeliveryTask(tablestore::ListDeliveryTaskRequest("table"));
  ::rmdir(home.c_str());
  REQUIRE(listed);
  CHECK(transport->lastRequest().headers.get("x-ots-accesskeyid") == "STS.gen-1");
  CHECK(transport->lastRequest().headers.get("x-ots-ststoken") == "sts-token-1");
  CHECK(chain->sourceInUse() == "ECS RAM role");
  CHECK(server.count("PUT") == 1);
}

// ---- Huawei: the ECS metadata security key, as §B.4 describes it -------------------------------

namespace {

struct HuaweiImds {
  int tokenStatus = 200;     // the answer to PUT /meta-data/latest/api/token
  int minValidToken = 1;     // GETs with an older token are refused with 401
  bool tokenRequired = true; // GETs without a token are refused with 401
  bool noAgency = false;
  std::string bodyOverride;
  std::string expiresAt = "2026-01-01T01:00:00.574000Z";
  int tokensIssued = 0;
  int generation = 0;

  FakeMetadataServer::Handler handler() {
    return [this](const httplib::Request& q, httplib::Response& r) {
      if (q.method == "PUT" && q.path == "/meta-data/latest/api/token") {
        if (tokenStatus != 200) {
          r.status = tokenStatus;
          return;
        }
        r.set_content("hw-md-" + std::to_string(++tokensIssued), "text/plain");
        return;
      }
      if (q.method != "GET" || q.path != "/openstack/latest/securitykey") {
        r.status = 404;
        return;
      }
      if (noAgency) {
        r.status = 401;
        r.set_content(R"({"error":"Please configure Cloud Service Agency first"})", "application/json");
        return;
      }
      const std::string token = q.get_header_value("X-Metadata-Token");
      const bool valid = token.rfind("hw-md-", 0) == 0 && std::stoi(token.substr(6)) >= minValidToken &&
                         std::stoi(token.substr(6)) <= tokensIssued;
      if ((tokenRequired || !token.empty()) && !valid) {
        r.status = 401;
        r.set_content(R"({"error":"token expired"})", "application/json");
        return;
      }
      if (!bodyOverride.empty()) {
        r.set_content(bodyOverride, "application/json");
        return;
      }
      const std::string g = std::to_string(++generation);
      r.set_content(R"({"credential":{"access":"HWTEMP-)" + g + R"(","secret":"hw-secret-)" + g +
                        R"(","securitytoken":"hw-sts-)" + g + R"(","expires_at":")" + expiresAt + R"("}})",
                    "application/json");
    };
  }
};

constexpr const char* kProject = "0123456789abcdef0123456789abcdef";

huawei::HuaweiMetadataOptions huaweiOptions(const std::string& endpoint, std::shared_ptr<FakeClock> clock = nullptr) {
  huawei::HuaweiMetadataOptions o;
  o.projectId = kProject;
  o.endpoint = endpoint;
  o.clock = clock ? clock : FakeClock::at("2026-01-01T00:00:00Z");
  return o;
}

}  // namespace

TEST_CASE("Huawei metadata: the token on the GET, kept, renewed on a 401 with one more try", "[credentials][metadata][huawei]") {
  ScopedEnv noEndpoint("DELIVERY_TEST_HUAWEI_METADATA_ENDPOINT", nullptr);
  HuaweiImds imds;
  FakeMetadataServer server(imds.handler());
  auto source = huawei::metadataSource(huaweiOptions(server.endpoint()));
  auto r = source.fetch();
  REQUIRE(r);
  REQUIRE(r->value);
  const huawei::HuaweiCredentials& c = r->value->credentials;
  CHECK(c.accessKey == "HWTEMP-1");
  CHECK(c.secretKey == "hw-secret-1");
  CHECK(c.securityToken == "hw-sts-1");
  CHECK(c.projectId == kProject);
  CHECK(r->value->expiration == at("2026-01-01T01:00:00Z") + 574ms);
  CHECK(r->value->source == "ECS metadata security key (" + server.endpoint() + ")");
  auto seen = server.seen();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].method == "PUT");
  CHECK(seen[0].path == "/meta-data/latest/api/token");
  CHECK(seen[0].header("x-metadata-token-ttl-seconds") == "21600");
  CHECK(seen[1].method == "GET");
  CHECK(seen[1].path == "/openstack/latest/securitykey");
  CHECK(seen[1].header("x-metadata-token") == "hw-md-1");

  // Kept for the next fetch.
  REQUIRE(source.fetch()->value->credentials.accessKey == "HWTEMP-2");
  CHECK(server.count("PUT") == 1);

  // Refused with 401 (not the agency text): a new token, and the GET once more.
  server.locked([&] { imds.minValidToken = 2; });
  server.clear();
  REQUIRE(source.fetch()->value->credentials.accessKey == "HWTEMP-3");
  seen = server.seen();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].header("x-metadata-token") == "hw-md-1");
  CHECK(seen[1].method == "PUT");
  CHECK(seen[2].header("x-metadata-token") == "hw-md-2");

  // Only once: a second 401 is an error.
  server.locked([&] { imds.minValidToken = 100; });
  server.clear();
  auto refused = source.fetch();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == ErrorKind::Auth);
  CHECK(refused.error().message == "the metadata service at " + server.endpoint() +
                                       " answered the security key request with HTTP 401");
  CHECK(server.count("GET") == 2);
  checkNoSecrets(refused.error().message);
}

TEST_CASE("Huawei metadata: 404, 405 or 503 to the token PUT means no tokens, not asked again for 24 hours",
          "[credentials][metadata][huawei]") {
  HuaweiImds imds;
  imds.tokenRequired = false;
  imds.tokenStatus = GENERATE(404, 405, 503);
  FakeMetadataServer server(imds.handler());
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto source = huawei::metadataSource(huaweiOptions(server.endpoint(), clock));
  REQUIRE(source.fetch()->value);
  REQUIRE(source.fetch()->value);
  CHECK(server.count("PUT") == 1);
  for (const Seen& s : server.seen()) CHECK_FALSE(s.has("x-metadata-token"));
  clock->advance(24h + 1s);
  REQUIRE(source.fetch()->value);
  CHECK(server.count("PUT") == 2);
}

TEST_CASE("Huawei metadata: errors", "[credentials][metadata][huawei]") {
  HuaweiImds imds;
  FakeMetadataServer server(imds.handler());
  auto options = huaweiOptions(server.endpoint());
  const std::string service = "the metadata service at " + server.endpoint();

  SECTION("another status to the token PUT") {
    server.locked([&] { imds.tokenStatus = 500; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == service + " answered the metadata token request with HTTP 500");
    CHECK(server.count("GET") == 0);
  }
  SECTION("no agency attached: no retry") {
    server.locked([&] { imds.noAgency = true; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::Auth);
    CHECK(r.error().message == service + " says no agency is attached to this instance (\"Please configure Cloud Service Agency first\")");
    CHECK(server.count("GET") == 1);
    CHECK(server.count("PUT") == 1);
  }
  SECTION("not JSON") {
    server.locked([&] { imds.bodyOverride = R"({"credential":{"access":"A","secret":"hw-secret-x")"; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == service + ": the security key is not a JSON object");
    checkNoSecrets(r.error().message);
  }
  SECTION("no credential object") {
    server.locked([&] { imds.bodyOverride = R"({"access":"A"})"; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == service + ": the security key has no \"credential\" object");
  }
  SECTION("missing members, an expiry that is not a time") {
    server.locked([&] { imds.bodyOverride = R"({"credential":{"access":"A","secret":"hw-secret-x","expires_at":"2020-01-08 03:50:07"}})"; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    REQUIRE(r.error().violations.size() == 2);
    CHECK(r.error().violations[0] == FieldViolation{"security key.credential.securitytoken", "is required"});
    CHECK(r.error().violations[1].field == "security key.credential.expires_at");
    checkNoSecrets(r.error().toString());
  }
  SECTION("the Java SDK's member names") {
    server.locked([&] { imds.bodyOverride = R"({"credential":{"accessKeyId":"A","secretAccessKey":"hw-secret-x","securityToken":"hw-sts-x",)"
                          R"("expiration":"2020-01-08T03:50:07Z"}})"; });
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE(r);
    REQUIRE(r->value);
    CHECK(r->value->credentials.accessKey == "A");
    CHECK(r->value->expiration == at("2020-01-08T03:50:07Z"));  // no fraction
  }
  SECTION("no project id in the options") {
    options.projectId.clear();
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("HuaweiMetadataOptions::projectId is empty") != std::string::npos);
    checkNoSecrets(r.error().message);
  }
}

TEST_CASE("Huawei metadata: not applicable when the address cannot be connected to", "[credentials][metadata][huawei]") {
  DeadPort dead;
  SECTION("from the options") {
    auto r = huawei::metadataSource(huaweiOptions(dead.endpoint())).fetch();
    REQUIRE(r);
    REQUIRE_FALSE(r->value);
    CHECK(r->whyAbsent.rfind("the metadata service at " + dead.endpoint() + " cannot be reached: ", 0) == 0);
  }
  SECTION("from the variable for tests") {
    ScopedEnv endpoint("DELIVERY_TEST_HUAWEI_METADATA_ENDPOINT", dead.endpoint().c_str());
    huawei::HuaweiMetadataOptions options;
    options.projectId = kProject;
    auto r = huawei::metadataSource(options).fetch();
    REQUIRE(r);
    REQUIRE_FALSE(r->value);
    CHECK(r->whyAbsent.find(dead.endpoint()) != std::string::npos);
  }
}
