// Bad input at the edges (issue 8, item 8): control bytes and unbounded lengths in credentials,
// names and endpoints. Each is refused before anything is sent, with a violation naming the field.

#include <catch2/catch.hpp>
#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "support/samples.h"
#include "support/scoped_env.h"

using namespace delivery;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::MockTransport;

namespace {

const std::string kTenMegabytes(10 * 1024 * 1024, 'A');

std::vector<std::string> fieldsOf(const Error& e) {
  std::vector<std::string> out;
  for (const auto& v : e.violations) out.push_back(v.field);
  return out;
}

struct TablestoreSetup {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  tablestore::DeliveryClientConfig config;
  TablestoreSetup() { config.transport = transport; }
  Result<tablestore::DeliveryClient> create(const std::string& endpoint, const std::string& instance, Credentials c) {
    return tablestore::DeliveryClient::create(endpoint, instance, std::move(c), config);
  }
};

}  // namespace

TEST_CASE("Tablestore credentials with any control byte are refused, naming the field", "[edge][tablestore]") {
  TablestoreSetup s;
  const std::string endpoint = "https://inst.cn-hangzhou.ots.aliyuncs.com";
  REQUIRE(s.create(endpoint, "inst", Credentials("id", "secret", "token")));
  for (const std::string& bad : {std::string("ab\0cd", 5), std::string("a\tb"), std::string("a\x1b[2J"),
                                std::string("a\x7f"), std::string("a\rb")}) {
    INFO("value " << bad.size() << " bytes");
    auto id = s.create(endpoint, "inst", Credentials(bad, "secret"));
    REQUIRE_FALSE(id);
    CHECK(fieldsOf(id.error()) == std::vector<std::string>{"credentials.accessKeyId"});
    auto secret = s.create(endpoint, "inst", Credentials("id", bad));
    REQUIRE_FALSE(secret);
    CHECK(fieldsOf(secret.error()) == std::vector<std::string>{"credentials.accessKeySecret"});
    auto token = s.create(endpoint, "inst", Credentials("id", "secret", bad));
    REQUIRE_FALSE(token);
    CHECK(fieldsOf(token.error()) == std::vector<std::string>{"credentials.securityToken"});
  }
  // The same rule for credentials read from the environment, and for the User-Agent suffix.
  {
    test::ScopedEnv id("EDGE_TEST_ID", "id\x1b[2J");
    test::ScopedEnv secret("EDGE_TEST_SECRET", "secret");
    auto env = Credentials::fromEnvironment("EDGE_TEST_ID", "EDGE_TEST_SECRET", "");
    REQUIRE_FALSE(env);
    CHECK(fieldsOf(env.error()) == std::vector<std::string>{"credentials.accessKeyId"});
  }
  s.config.userAgentSuffix = "app/1.0\x1b[2J";
  auto agent = s.create(endpoint, "inst", Credentials("id", "secret"));
  REQUIRE_FALSE(agent);
  CHECK(fieldsOf(agent.error()) == std::vector<std::string>{"config.userAgentSuffix"});
  CHECK(s.transport->requestCount() == 0);
}

TEST_CASE("Tablestore: 10 MB keys, tokens, instance names and hosts are refused", "[edge][tablestore]") {
  TablestoreSetup s;
  const std::string endpoint = "https://inst.cn-hangzhou.ots.aliyuncs.com";
  auto check = [&](Result<tablestore::DeliveryClient> r, const std::string& field) {
    REQUIRE_FALSE(r);
    CHECK(fieldsOf(r.error()) == std::vector<std::string>{field});
    // The error stays readable: it does not carry the 10 MB value.
    CHECK(r.error().toString().size() < 4096);
  };
  check(s.create(endpoint, "inst", Credentials(kTenMegabytes, "secret")), "credentials.accessKeyId");
  check(s.create(endpoint, "inst", Credentials("id", kTenMegabytes)), "credentials.accessKeySecret");
  check(s.create(endpoint, "inst", Credentials("id", "secret", kTenMegabytes)), "credentials.securityToken");
  check(s.create(endpoint, kTenMegabytes, Credentials("id", "secret")), "instanceName");
  check(s.create("https://" + kTenMegabytes, "inst", Credentials("id", "secret")), "endpoint");
  // At the bounds: a host of 253 characters (RFC 1035), an instance name of 63 (one DNS label).
  const std::string label(63, 'h');
  const std::string host253 = label + "." + label + "." + label + "." + std::string(61, 'h');
  CHECK(s.create("https://" + host253, "inst", Credentials("id", "secret")));
  CHECK_FALSE(s.create("https://" + host253 + "h", "inst", Credentials("id", "secret")));
  CHECK(s.create(endpoint, std::string(63, 'i'), Credentials("id", "secret")));
  CHECK_FALSE(s.create(endpoint, std::string(64, 'i'), Credentials("id", "secret")));
  CHECK(s.transport->requestCount() == 0);
}

TEST_CASE("Huawei credentials and client settings: control bytes and 10 MB values are refused", "[edge][huawei]") {
  auto transport = std::make_shared<MockTransport>();
  kafka::KafkaClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto create = [&](HuaweiCredentials c) { return kafka::KafkaClient::create(std::move(c), config); };
  REQUIRE(create(HuaweiCredentials::withAkSk("AK", "SK", "proj", "token")));
  const std::string nul("a\0b", 3);
  struct Case {
    HuaweiCredentials credentials;
    std::string field;
  };
  const std::vector<Case> cases = {
      {HuaweiCredentials::withAkSk(nul, "SK", "proj"), "credentials.accessKey"},
      {HuaweiCredentials::withAkSk("AK", nul, "proj"), "credentials.secretKey"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", "a\x1b"), "credentials.securityToken"},
      {HuaweiCredentials::withToken("tok\x7f", "proj"), "credentials.authToken"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", "a\tb"), "credentials.securityToken"},
      {HuaweiCredentials::withAkSk(kTenMegabytes, "SK", "proj"), "credentials.accessKey"},
      {HuaweiCredentials::withAkSk("AK", kTenMegabytes, "proj"), "credentials.secretKey"},
      {HuaweiCredentials::withAkSk("AK", "SK", "proj", kTenMegabytes), "credentials.securityToken"},
      {HuaweiCredentials::withToken(kTenMegabytes, "proj"), "credentials.authToken"},
      {HuaweiCredentials::withAkSk("AK", "SK", kTenMegabytes), "credentials.projectId"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    auto r = create(cases[i].credentials);
    REQUIRE_FALSE(r);
    CHECK(fieldsOf(r.error()) == std::vector<std::string>{cases[i].field});
    CHECK(r.error().toString().size() < 4096);
  }
  const auto creds = HuaweiCredentials::withAkSk("AK", "SK", "proj");
  config.region = kTenMegabytes;
  auto region = create(creds);
  REQUIRE_FALSE(region);
  CHECK(fieldsOf(region.error()) == std::vector<std::string>{"config.region"});
  CHECK(region.error().toString().size() < 4096);
  config.region.clear();
  config.endpoint = "https://" + kTenMegabytes;
  auto endpoint = create(creds);
  REQUIRE_FALSE(endpoint);
  CHECK(fieldsOf(endpoint.error()) == std::vector<std::string>{"config.endpoint"});
  CHECK(endpoint.error().toString().size() < 4096);
  CHECK(transport->requestCount() == 0);
}
