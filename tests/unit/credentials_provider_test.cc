// Credentials providers: the refresh engine (ChainProvider) under an injected clock and 8 threads,
// the Alibaba Cloud sources on temporary files and variables, and DeliveryClient signing each
// attempt with the provider's current generation. No test reads the real home directory.

#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "delivery/tablestore/client.h"
#include "delivery/tablestore/credentials.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/capturing_logger.h"
#include "support/credentials_env.h"
#include "support/scoped_env.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::test::ScopedEnv;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using Clock = std::chrono::system_clock;

using delivery::test::TempDir;
using delivery::test::CleanAlibabaEnv;

namespace {

// A source that counts its fetches and hands out generation N with an expiry `lifetime` after
// the clock's now; `fail` makes fetches fail, `gate` holds them until opened.
struct CountingSource {
  std::shared_ptr<FakeClock> clock;
  std::chrono::seconds lifetime{3600};
  std::atomic<int> fetches{0};
  std::atomic<int> entered{0};  // fetches started (counted before the gate)
  std::atomic<bool> fail{false};
  std::mutex mutex;
  std::condition_variable opened;
  bool closed = false;

  CredentialsSource<Credentials> source(std::string name = "counting") {
    return {std::move(name), [this]() -> Result<SourceResult<Credentials>> {
              ++entered;
              {
                std::unique_lock<std::mutex> lock(mutex);
                opened.wait(lock, [&] { return !closed; });
              }
              const int n = ++fetches;
              if (fail) return Error(ErrorKind::Connect, "metadata unreachable");
              Timed<Credentials> t{Credentials("id-" + std::to_string(n), "secret-" + std::to_string(n), "token"),
                                   clock->now() + lifetime, ""};
              return SourceResult<Credentials>::found(std::move(t));
            }};
  }
  void close() {
    std::lock_guard<std::mutex> lock(mutex);
    closed = true;
  }
  void open() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      closed = false;
    }
    opened.notify_all();
  }
};

std::string idOf(Result<std::shared_ptr<const Timed<Credentials>>> r) {
  REQUIRE(r);
  return (*r)->credentials.accessKeyId;
}

// The same without Catch's macros, which must not run on other threads: "error: ..." on failure.
std::string idOrError(Result<std::shared_ptr<const Timed<Credentials>>> r) {
  return r ? (*r)->credentials.accessKeyId : "error: " + r.error().message;
}



// A MockTransport answering as the ECS metadata service: a token, then role `role`'s credentials.
std::shared_ptr<MockTransport> metadataAnswers() {
  auto mock = std::make_shared<MockTransport>();
  mock->enqueueResponse(200, {}, "md-token");
  mock->enqueueResponse(200, {},
                        R"({"Code":"Success","AccessKeyId":"STS.role","AccessKeySecret":"role-secret",)"
                        R"("SecurityToken":"role-token","Expiration":"2026-01-01T06:00:00Z"})");
  return mock;
}

}  // namespace

TEST_CASE("fixed credentials are read once and never renewed", "[credentials][refresh]") {
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  std::atomic<int> reads{0};
  ChainProvider<Credentials> chain({{"fixed", [&]() -> Result<SourceResult<Credentials>> {
                                       ++reads;
                                       return SourceResult<Credentials>::found({Credentials("a", "b"), std::nullopt, ""});
                                     }}},
                                   RefreshOptions{15min, 60s, clock, nullptr, nullptr});
  CHECK(idOf(chain.current()) == "a");
  clock->advance(std::chrono::hours(24 * 365));
  CHECK(idOf(chain.current()) == "a");
  CHECK(reads == 1);
  CHECK(chain.sourceInUse() == "fixed");
  CHECK((*chain.current())->source == "fixed");
}

TEST_CASE("temporary credentials are renewed once the margin is reached, by one caller", "[credentials][refresh]") {
  CountingSource src;
  src.clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  ChainProvider<Credentials> chain({src.source()}, RefreshOptions{15min, 60s, src.clock, nullptr, logger});
  CHECK(idOf(chain.current()) == "id-1");
  src.clock->advance(44min);
  CHECK(idOf(chain.current()) == "id-1");
  CHECK(src.fetches == 1);
  src.clock->advance(2min);  // 14 minutes left: due
  CHECK(idOf(chain.current()) == "id-2");
  CHECK(src.fetches == 2);
  CHECK(logger->text().find("credentials renewed from counting") != std::string::npos);
  CHECK(logger->text().find("secret-") == std::string::npos);

  SECTION("while one caller renews, 8 others keep signing with the current generation") {
    src.clock->advance(46min);  // id-2 is due
    src.close();
    std::string renewed;
    std::thread renewer([&] { renewed = idOrError(chain.current()); });
    // Until the renewer is inside the source (held by the gate).
    while (src.entered.load() < 3) std::this_thread::yield();
    std::vector<std::thread> others;
    std::atomic<int> current{0};
    for (int i = 0; i < 8; ++i) {
      others.emplace_back([&] {
        if (idOrError(chain.current()) == "id-2") ++current;
      });
    }
    for (auto& t : others) t.join();
    CHECK(current == 8);  // none waited for the renewal, none started another
    src.open();
    renewer.join();
    CHECK(renewed == "id-3");
    CHECK(src.fetches == 3);
  }
}

TEST_CASE("8 threads with nothing valid to sign with wait for a single fetch", "[credentials][refresh]") {
  CountingSource src;
  src.clock = FakeClock::at("2026-01-01T00:00:00Z");
  ChainProvider<Credentials> chain({src.source()}, RefreshOptions{15min, 60s, src.clock, nullptr, nullptr});
  SECTION("nothing cached yet") {}
  SECTION("less than mustRefreshBefore left") {
    CHECK(idOf(chain.current()) == "id-1");
    src.clock->advance(59min + 30s);
  }
  const int before = src.fetches;
  src.close();
  std::vector<std::thread> threads;
  std::vector<std::string> ids(8);
  for (int i = 0; i < 8; ++i) threads.emplace_back([&, i] { ids[static_cast<std::size_t>(i)] = idOrError(chain.current()); });
  std::this_thread::sleep_for(50ms);
  src.open();
  for (auto& t : threads) t.join();
  CHECK(src.fetches == before + 1);
  for (const auto& id : ids) CHECK(id == "id-" + std::to_string(before + 1));
}

TEST_CASE("a failed renewal keeps the current generation until it expires, then fails", "[credentials][refresh]") {
  CountingSource src;
  src.clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  ChainProvider<Credentials> chain({src.source("metadata")}, RefreshOptions{15min, 60s, src.clock, nullptr, logger});
  CHECK(idOf(chain.current()) == "id-1");
  src.fail = true;
  src.clock->advance(50min);
  CHECK(idOf(chain.current()) == "id-1");  // the renewal failed: still valid, kept
  CHECK(src.fetches == 2);
  CHECK(logger->text().find("renewing credentials failed: metadata: metadata unreachable") != std::string::npos);
  CHECK(idOf(chain.current()) == "id-1");  // within the pause after a failure: not asked again
  CHECK(src.fetches == 2);
  src.clock->advance(2s);
  CHECK(idOf(chain.current()) == "id-1");
  CHECK(src.fetches == 3);
  src.clock->advance(10min);  // expired
  auto expired = chain.current();
  REQUIRE_FALSE(expired);
  CHECK(expired.error().message.find("metadata unreachable") != std::string::npos);
  src.fail = false;
  src.clock->advance(11s);
  const std::string renewed = idOf(chain.current());
  CHECK(renewed == "id-" + std::to_string(src.fetches.load()));
}

TEST_CASE("a chain skips sources that do not apply, stops at a broken one, and keeps to the one that worked",
          "[credentials][chain]") {
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  std::vector<std::string> asked;
  auto absent = [&](std::string name) {
    return CredentialsSource<Credentials>{name, [&asked, name]() -> Result<SourceResult<Credentials>> {
                                            asked.push_back(name);
                                            return SourceResult<Credentials>::absent(name + " is not set up");
                                          }};
  };
  auto broken = CredentialsSource<Credentials>{"file", [&]() -> Result<SourceResult<Credentials>> {
                                                 asked.push_back("file");
                                                 return Error(ErrorKind::InvalidArgument, "[default] has no access_key_secret");
                                               }};
  SECTION("nothing applies: every source is listed") {
    ChainProvider<Credentials> chain({absent("environment"), absent("config")}, RefreshOptions{15min, 60s, clock, nullptr, nullptr});
    auto r = chain.current();
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "no credentials found; tried environment: environment is not set up; config: config is not set up");
  }
  SECTION("a broken source stops the chain") {
    ChainProvider<Credentials> chain({absent("environment"), broken, absent("metadata")}, RefreshOptions{15min, 60s, clock, nullptr, nullptr});
    auto r = chain.current();
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "credentials: file: [default] has no access_key_secret (tried before it: environment: environment is not set up)");
    CHECK(asked == std::vector<std::string>{"environment", "file"});
  }
  SECTION("renewals go to the source that worked") {
    CountingSource src;
    src.clock = clock;
    ChainProvider<Credentials> chain({absent("environment"), src.source("metadata")}, RefreshOptions{15min, 60s, clock, nullptr, nullptr});
    CHECK(idOf(chain.current()) == "id-1");
    clock->advance(50min);
    CHECK(idOf(chain.current()) == "id-2");
    CHECK(asked == std::vector<std::string>{"environment"});
    CHECK(chain.sourceInUse() == "metadata");
  }
}

TEST_CASE("Alibaba environment source: ALIBABA_CLOUD_* first, then TABLESTORE_*", "[credentials][alibaba]") {
  CleanAlibabaEnv clean;
  auto source = tablestore::environmentSource();
  auto none = source.fetch();
  REQUIRE(none);
  CHECK_FALSE(none->value);
  ScopedEnv tsId("TABLESTORE_ACCESS_KEY_ID", " ts-id ");
  ScopedEnv tsSecret("TABLESTORE_ACCESS_KEY_SECRET", "ts-secret");
  ScopedEnv tsToken("TABLESTORE_SESSION_TOKEN", "ts-token");
  auto ts = source.fetch();
  REQUIRE(ts);
  REQUIRE(ts->value);
  CHECK(ts->value->credentials.accessKeyId == "ts-id");  // trimmed, as the Java Tablestore SDK does
  CHECK(ts->value->credentials.securityToken == "ts-token");
  CHECK(ts->value->source == "environment (TABLESTORE_ACCESS_KEY_ID)");
  ScopedEnv id("ALIBABA_CLOUD_ACCESS_KEY_ID", "ali-id");
  auto half = source.fetch();
  REQUIRE_FALSE(half);  // an id without its secret is a mistake, not "not set"
  CHECK(half.error().message == "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set, but ALIBABA_CLOUD_ACCESS_KEY_ID is");
  ScopedEnv secret("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ali-secret");
  auto ali = source.fetch();
  REQUIRE(ali);
  CHECK(ali->value->credentials.accessKeyId == "ali-id");
  CHECK(ali->value->credentials.securityToken.empty());
  ScopedEnv bad("ALIBABA_CLOUD_SECURITY_TOKEN", "line\nbreak");
  auto injected = source.fetch();
  REQUIRE_FALSE(injected);
  CHECK(injected.error().violations.at(0).field == "the environment.securityToken");
}

TEST_CASE("Alibaba credentials file: both default names, profiles, enable and types", "[credentials][alibaba]") {
  CleanAlibabaEnv clean;
  TempDir home;
  tablestore::AlibabaCredentialsOptions options;
  options.homeDirectory = home.path;
  auto absent = tablestore::credentialsFileSource(options).fetch();
  REQUIRE(absent);
  CHECK_FALSE(absent->value);
  CHECK(absent->whyAbsent == home.path + "/.alibabacloud/credentials and " + home.path +
                                 "/.alibabacloud/credentials.ini do not exist");

  home.write(".alibabacloud/credentials.ini",
             "# comment\n[default]\ntype = access_key\naccess_key_id = ini-id\naccess_key_secret = s#cret;x\n\n"
             "[off]\nenable = false\ntype = access_key\naccess_key_id = x\naccess_key_secret = y\n"
             "[role]\ntype = ecs_ram_role\nrole_name = r\n[broken]\ntype = access_key\naccess_key_id = only-id\n");
  auto ini = tablestore::credentialsFileSource(options).fetch();
  REQUIRE(ini);
  REQUIRE(ini->value);
  CHECK(ini->value->credentials.accessKeyId == "ini-id");
  CHECK(ini->value->credentials.accessKeySecret == "s#cret;x");  // no inline comments in values
  CHECK(ini->value->source == home.path + "/.alibabacloud/credentials.ini [default]");

  options.profile = "off";
  auto off = tablestore::credentialsFileSource(options).fetch();
  REQUIRE(off);
  CHECK_FALSE(off->value);
  options.profile = "missing";
  CHECK_FALSE(tablestore::credentialsFileSource(options).fetch()->value);
  options.profile = "role";
  auto role = tablestore::credentialsFileSource(options).fetch();
  REQUIRE_FALSE(role);  // the profile applies: a metadata service that is off is an error
  CHECK(role.error().message == home.path + "/.alibabacloud/credentials.ini [role] names an ECS RAM role, but "
                                "ALIBABA_CLOUD_ECS_METADATA_DISABLED is true");
  {
    ScopedEnv on("ALIBABA_CLOUD_ECS_METADATA_DISABLED", nullptr);
    options.ecsRamRole.transport = metadataAnswers();
    auto fromRole = tablestore::credentialsFileSource(options).fetch();
    REQUIRE(fromRole);
    REQUIRE(fromRole->value);
    CHECK(fromRole->value->credentials.accessKeyId == "STS.role");
    CHECK(fromRole->value->credentials.securityToken == "role-token");
    CHECK(fromRole->value->expiration.has_value());
    auto asked = std::static_pointer_cast<MockTransport>(options.ecsRamRole.transport)->requests();
    REQUIRE(asked.size() == 2);
    CHECK(asked[1].path == "/latest/meta-data/ram/security-credentials/r");  // role_name: no discovery
    CHECK(asked[1].endpoint.toString() == "http://100.100.100.200");
    CHECK(asked[1].headers.get("X-aliyun-ecs-metadata-token") == "md-token");
    options.ecsRamRole.transport = std::make_shared<MockTransport>();
    std::static_pointer_cast<MockTransport>(options.ecsRamRole.transport)
        ->enqueueError(Error(ErrorKind::Connect, "connection refused"));
    auto unreachable = tablestore::credentialsFileSource(options).fetch();
    REQUIRE_FALSE(unreachable);
    CHECK(unreachable.error().message.find("[role] names an ECS RAM role, but the metadata service at "
                                           "http://100.100.100.200 cannot be reached") != std::string::npos);
    options.ecsRamRole.transport.reset();
  }
  options.profile = "typo";
  home.write("typo.ini", "[typo]\ntype = ecs_ram\n");
  options.credentialsFile = home.path + "/typo.ini";
  auto typo = tablestore::credentialsFileSource(options).fetch();
  REQUIRE_FALSE(typo);
  CHECK(typo.error().message.find("type \"ecs_ram\" is not supported (access_key and ecs_ram_role are)") != std::string::npos);
  options.credentialsFile.clear();
  options.profile = "broken";
  auto broken = tablestore::credentialsFileSource(options).fetch();
  REQUIRE_FALSE(broken);
  CHECK(broken.error().violations.at(0).message == "is required");

  // The Go library's name wins over the Java one; ALIBABA_CLOUD_PROFILE picks the section.
  options.profile.clear();
  home.write(".alibabacloud/credentials", "[work]\ntype = access_key\naccess_key_id = go-id\naccess_key_secret = z\n");
  ScopedEnv profile("ALIBABA_CLOUD_PROFILE", "work");
  auto go = tablestore::credentialsFileSource(options).fetch();
  REQUIRE(go);
  REQUIRE(go->value);
  CHECK(go->value->credentials.accessKeyId == "go-id");

  const std::string elsewhere = home.write("elsewhere.ini", "[work]\ntype = access_key\naccess_key_id = env-file\naccess_key_secret = z\n");
  ScopedEnv file("ALIBABA_CLOUD_CREDENTIALS_FILE", elsewhere.c_str());
  CHECK(tablestore::credentialsFileSource(options).fetch()->value->credentials.accessKeyId == "env-file");
  home.write("bad.ini", "key = before any section\n");
  options.credentialsFile = home.path + "/bad.ini";
  auto bad = tablestore::credentialsFileSource(options).fetch();
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == home.path + "/bad.ini: line 1 comes before any [section]");
}

TEST_CASE("Alibaba CLI config: current profile, modes AK and StsToken", "[credentials][alibaba]") {
  CleanAlibabaEnv clean;
  TempDir home;
  tablestore::AlibabaCredentialsOptions options;
  options.homeDirectory = home.path;
  CHECK_FALSE(tablestore::cliConfigSource(options).fetch()->value);
  home.write(".aliyun/config.json",
             R"({"current":"sts","profiles":[{"name":"ak","mode":"AK","access_key_id":"cli-ak","access_key_secret":"s"},)"
             R"({"name":"sts","mode":"StsToken","access_key_id":"STS.cli","access_key_secret":"s","sts_token":"tok"},)"
             R"({"name":"sso","mode":"CloudSSO"},{"name":"ecs","mode":"EcsRamRole","ram_role_name":"CliRole"}]})");
  auto sts = tablestore::cliConfigSource(options).fetch();
  REQUIRE(sts);
  REQUIRE(sts->value);
  CHECK(sts->value->credentials.accessKeyId == "STS.cli");
  CHECK(sts->value->credentials.securityToken == "tok");
  {
    ScopedEnv profile("ALIBABA_CLOUD_PROFILE", "ak");
    CHECK(tablestore::cliConfigSource(options).fetch()->value->credentials.securityToken.empty());
    ScopedEnv off("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "TRUE");
    CHECK_FALSE(tablestore::cliConfigSource(options).fetch()->value);
  }
  options.profile = "sso";
  auto sso = tablestore::cliConfigSource(options).fetch();
  REQUIRE_FALSE(sso);
  CHECK(sso.error().message.find("mode \"CloudSSO\" is not supported (AK, StsToken and EcsRamRole are)") != std::string::npos);

  options.profile = "ecs";
  auto off = tablestore::cliConfigSource(options).fetch();
  REQUIRE_FALSE(off);
  CHECK(off.error().message.find("profile ecs names an ECS RAM role, but ALIBABA_CLOUD_ECS_METADATA_DISABLED is true") !=
        std::string::npos);
  ScopedEnv on("ALIBABA_CLOUD_ECS_METADATA_DISABLED", nullptr);
  auto mock = metadataAnswers();
  options.ecsRamRole.transport = mock;
  auto ecs = tablestore::cliConfigSource(options).fetch();
  REQUIRE(ecs);
  REQUIRE(ecs->value);
  CHECK(ecs->value->credentials.accessKeyId == "STS.role");
  CHECK(ecs->value->source == home.path + "/.aliyun/config.json profile ecs (ECS RAM role CliRole (http://100.100.100.200))");
  CHECK(mock->lastRequest().path == "/latest/meta-data/ram/security-credentials/CliRole");
}

TEST_CASE("the default Alibaba chain: explicit, environment, CLI config, credentials file, ECS RAM role", "[credentials][alibaba]") {
  CleanAlibabaEnv clean;
  TempDir home;
  tablestore::AlibabaCredentialsOptions options;
  options.homeDirectory = home.path;
  auto none = tablestore::defaultCredentialsChain(options)->current();
  REQUIRE_FALSE(none);
  CHECK(none.error().message.find("tried environment:") != std::string::npos);
  CHECK(none.error().message.find("Alibaba Cloud CLI config: " + home.path + "/.aliyun/config.json does not exist") !=
        std::string::npos);
  CHECK(none.error().message.find("credentials file: ") != std::string::npos);
  CHECK(none.error().message.find("ECS RAM role") == std::string::npos);  // disabled: left out
  {
    ScopedEnv on("ALIBABA_CLOUD_ECS_METADATA_DISABLED", nullptr);
    auto mock = std::make_shared<MockTransport>();
    mock->enqueueError(Error(ErrorKind::Connect, "connect timeout"));
    options.ecsRamRole.transport = mock;
    auto offEcs = tablestore::defaultCredentialsChain(options)->current();
    REQUIRE_FALSE(offEcs);
    CHECK(offEcs.error().message.find("; ECS RAM role: the metadata service at http://100.100.100.200 cannot be reached: "
                                      "connect timeout") != std::string::npos);
    options.ecsRamRole.transport = metadataAnswers();
    options.ecsRamRole.roleName = "Role";
    options.refresh.clock = FakeClock::at("2026-01-01T00:00:00Z");
    auto chain = tablestore::defaultCredentialsChain(options);
    CHECK(idOf(chain->current()) == "STS.role");
    CHECK(chain->sourceInUse() == "ECS RAM role");
    options.ecsRamRole = {};
    options.refresh.clock.reset();
  }

  home.write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = file-id\n");
  auto broken = tablestore::defaultCredentialsChain(options)->current();
  REQUIRE_FALSE(broken);  // the chain keeps the source's violations (field names only)
  REQUIRE(broken.error().violations.size() == 1);
  CHECK(broken.error().violations[0].field == home.path + "/.alibabacloud/credentials [default].accessKeySecret");
  home.write(".alibabacloud/credentials", "[default]\ntype = access_key\naccess_key_id = file-id\naccess_key_secret = z\n");
  CHECK(idOf(tablestore::defaultCredentialsChain(options)->current()) == "file-id");
  home.write(".aliyun/config.json", R"({"current":"p","profiles":[{"name":"p","mode":"AK","access_key_id":"cli-id","access_key_secret":"s"}]})");
  CHECK(idOf(tablestore::defaultCredentialsChain(options)->current()) == "cli-id");
  ScopedEnv id("ALIBABA_CLOUD_ACCESS_KEY_ID", "env-id");
  ScopedEnv secret("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret");
  CHECK(idOf(tablestore::defaultCredentialsChain(options)->current()) == "env-id");
  options.explicitCredentials = Credentials("explicit-id", "x");
  auto chain = tablestore::defaultCredentialsChain(options);
  CHECK(idOf(chain->current()) == "explicit-id");
  CHECK(chain->sourceInUse() == "explicit credentials");
}

TEST_CASE("DeliveryClient signs each attempt with the provider's current generation", "[credentials][tablestore][client]") {
  // A provider whose generation the test switches.
  struct Switching final : tablestore::CredentialsProvider {
    std::mutex mutex;
    std::shared_ptr<const Timed<Credentials>> now =
        std::make_shared<const Timed<Credentials>>(Timed<Credentials>{Credentials("gen-1", "secret-1", "tok-1"), {}, "test"});
    std::optional<Error> failure;
    Result<std::shared_ptr<const Timed<Credentials>>> current() override {
      std::lock_guard<std::mutex> lock(mutex);
      if (failure) return *failure;
      return now;
    }
  };
  auto provider = std::make_shared<Switching>();
  auto transport = std::make_shared<MockTransport>();
  tablestore::DeliveryClientConfig config;
  config.transport = transport;
  config.clock = FakeClock::at("2026-01-01T00:00:00Z");
  config.retry.maxAttempts = 1;  // each answer below is for one attempt
  auto client = tablestore::DeliveryClient::create("https://inst.cn-hangzhou.ots.aliyuncs.com", "inst", provider, config);
  REQUIRE(client);
  tablestore::ListDeliveryTaskRequest list("table");
  // The response is signed with the same generation's secret: checking it with another would fail.
  transport->enqueueResponse(delivery::testing::tablestore::listOk(Credentials("gen-1", "secret-1"), {}));
  REQUIRE(client->listDeliveryTask(list));
  CHECK(transport->lastRequest().headers.get("x-ots-accesskeyid") == "gen-1");
  CHECK(transport->lastRequest().headers.get("x-ots-ststoken") == "tok-1");

  provider->now = std::make_shared<const Timed<Credentials>>(Timed<Credentials>{Credentials("gen-2", "secret-2"), {}, "test"});
  transport->enqueueResponse(delivery::testing::tablestore::listOk(Credentials("gen-2", "secret-2"), {}));
  REQUIRE(client->listDeliveryTask(list));
  CHECK(transport->lastRequest().headers.get("x-ots-accesskeyid") == "gen-2");
  CHECK_FALSE(transport->lastRequest().headers.contains("x-ots-ststoken"));

  // A response signed with the previous generation's secret is refused.
  transport->enqueueResponse(delivery::testing::tablestore::listOk(Credentials("gen-1", "secret-1"), {}));
  auto stale = client->listDeliveryTask(list);
  REQUIRE_FALSE(stale);
  INFO(stale.error().message);
  CHECK(stale.error().kind == ErrorKind::Auth);

  provider->failure = Error(ErrorKind::Connect, "metadata unreachable");
  const std::size_t sent = transport->requestCount();
  auto none = client->listDeliveryTask(list);
  REQUIRE_FALSE(none);
  CHECK(none.error().message == "no credentials to sign with: metadata unreachable");
  CHECK(transport->requestCount() == sent);  // nothing was sent

  provider->failure.reset();
  provider->now = std::make_shared<const Timed<Credentials>>(Timed<Credentials>{Credentials("gen-3", "bad\r\nsecret"), {}, "test"});
  auto injected = client->listDeliveryTask(list);
  REQUIRE_FALSE(injected);
  CHECK(injected.error().violations.at(0).field == "credentials.accessKeySecret");
  CHECK(transport->requestCount() == sent);

  CHECK_FALSE(tablestore::DeliveryClient::create("https://inst.cn-hangzhou.ots.aliyuncs.com", "inst",
                                                 std::shared_ptr<tablestore::CredentialsProvider>(), config));
}
