// The Huawei Cloud credentials chain: the environment and credentials-file sources on temporary
// files and variables, the chain's order, and DisClient / KafkaClient signing each attempt with
// the provider's current generation (checked with the emulator's gateway code), alone and under
// 8 threads while the generation is renewed. No test reads the real home directory.

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

#include "delivery/dis/client.h"
#include "delivery/huawei/credentials_chain.h"
#include "delivery/kafka/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "support/huawei_signature.h"
#include "support/credentials_env.h"
#include "support/scoped_env.h"

using namespace delivery;
using namespace std::chrono_literals;
using delivery::huawei::HuaweiCredentials;
using delivery::test::ScopedEnv;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using Generation = std::shared_ptr<const Timed<HuaweiCredentials>>;

using delivery::test::TempDir;

namespace {


// Every Huawei variable the chain reads, unset for the test.
// The Huawei variables unset, and the metadata step pointed at a port where nothing listens (no
// test may reach a real metadata address).
struct CleanHuaweiEnv {
  ScopedEnv metadata{"DELIVERY_TEST_HUAWEI_METADATA_ENDPOINT", "http://127.0.0.1:1"};
  ScopedEnv vars[7] = {{"HUAWEICLOUD_SDK_AK", nullptr},         {"HUAWEICLOUD_SDK_SK", nullptr},
                       {"HUAWEICLOUD_SDK_SECURITY_TOKEN", nullptr}, {"HUAWEICLOUD_SDK_PROJECT_ID", nullptr},
                       {"HUAWEICLOUD_SDK_IDP_ID", nullptr},     {"HUAWEICLOUD_SDK_ID_TOKEN_FILE", nullptr},
                       {"HUAWEICLOUD_SDK_CREDENTIALS_FILE", nullptr}};
};

std::string akOf(const Result<Generation>& r) {
  if (!r) FAIL(r.error().message);
  return (*r)->credentials.accessKey;
}

Generation generation(HuaweiCredentials c, std::string source = "test") {
  return std::make_shared<const Timed<HuaweiCredentials>>(Timed<HuaweiCredentials>{std::move(c), std::nullopt, std::move(source)});
}

// A provider whose generation the test switches; counts how often it is asked.
struct Switching final : huawei::HuaweiCredentialsProvider {
  std::mutex mutex;
  Generation now = generation(HuaweiCredentials::withAkSk("gen-1", "secret-1", "proj", "tok-1"));
  std::optional<Error> failure;
  std::atomic<int> asked{0};
  Result<Generation> current() override {
    ++asked;
    std::lock_guard<std::mutex> lock(mutex);
    if (failure) return *failure;
    return now;
  }
  void set(HuaweiCredentials c) {
    std::lock_guard<std::mutex> lock(mutex);
    now = generation(std::move(c));
  }
};

template <typename Config>
Config configFor(const std::shared_ptr<MockTransport>& transport, const std::shared_ptr<FakeClock>& clock) {
  Config config;
  config.transport = transport;
  config.clock = clock;
  config.sleeper = std::make_shared<delivery::testing::RecordingSleeper>(clock);
  config.region = "cn-north-4";
  return config;
}

// The AK the request was signed with, after checking the signature with that AK's secret.
std::string checkSigned(const HttpRequest& r, const std::map<std::string, std::string>& secrets) {
  const std::string ak = test::checkHuaweiSignature(r, "").accessKey;
  auto it = secrets.find(ak);
  if (it == secrets.end()) return "unknown AK " + ak;
  if (!test::checkHuaweiSignature(r, it->second).valid) return "bad signature for " + ak;
  return ak;
}

}  // namespace

TEST_CASE("Huawei environment source: AK/SK, token and project id", "[credentials][huawei]") {
  CleanHuaweiEnv clean;
  auto source = huawei::environmentSource();
  auto none = source.fetch();
  REQUIRE(none);
  CHECK_FALSE(none->value);
  CHECK(none->whyAbsent == "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set");

  SECTION("an AK without its SK, or the reverse, is an error") {
    {
      ScopedEnv ak("HUAWEICLOUD_SDK_AK", "env-ak");
      auto half = source.fetch();
      REQUIRE_FALSE(half);
      CHECK(half.error().message == "HUAWEICLOUD_SDK_SK is not set, but HUAWEICLOUD_SDK_AK is");
    }
    ScopedEnv sk("HUAWEICLOUD_SDK_SK", "env-sk");
    auto half = source.fetch();
    REQUIRE_FALSE(half);
    CHECK(half.error().message == "HUAWEICLOUD_SDK_AK is not set, but HUAWEICLOUD_SDK_SK is");
    CHECK(half.error().message.find("env-sk") == std::string::npos);
  }
  SECTION("the pair without a project id is an error naming the variable") {
    ScopedEnv ak("HUAWEICLOUD_SDK_AK", "env-ak");
    ScopedEnv sk("HUAWEICLOUD_SDK_SK", "env-sk");
    auto r = source.fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message.rfind("HUAWEICLOUD_SDK_PROJECT_ID is not set", 0) == 0);
  }
  SECTION("all set, with a security token") {
    ScopedEnv ak("HUAWEICLOUD_SDK_AK", "env-ak");
    ScopedEnv sk("HUAWEICLOUD_SDK_SK", "env-sk");
    ScopedEnv project("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
    auto plain = source.fetch();
    REQUIRE(plain);
    REQUIRE(plain->value);
    CHECK(plain->value->credentials.accessKey == "env-ak");
    CHECK(plain->value->credentials.secretKey == "env-sk");
    CHECK(plain->value->credentials.projectId == "env-project");
    CHECK(plain->value->credentials.securityToken.empty());
    CHECK_FALSE(plain->value->expiration);
    CHECK(plain->value->source == "environment (HUAWEICLOUD_SDK_AK)");
    ScopedEnv token("HUAWEICLOUD_SDK_SECURITY_TOKEN", "env-token");
    CHECK(source.fetch()->value->credentials.securityToken == "env-token");
    token.set("line\nbreak");
    auto injected = source.fetch();
    REQUIRE_FALSE(injected);
    CHECK(injected.error().violations.at(0).field == "the environment.securityToken");
    CHECK(injected.error().message.find("line") == std::string::npos);
  }
  SECTION("the ID-token pair is not supported: skipped alone, an error beside an AK/SK") {
    ScopedEnv idp("HUAWEICLOUD_SDK_IDP_ID", "idp");
    ScopedEnv file("HUAWEICLOUD_SDK_ID_TOKEN_FILE", "/nonexistent/token");
    auto alone = source.fetch();
    REQUIRE(alone);
    CHECK_FALSE(alone->value);
    CHECK(alone->whyAbsent.find("ID-token flow is not supported") != std::string::npos);
    ScopedEnv ak("HUAWEICLOUD_SDK_AK", "env-ak");
    auto both = source.fetch();
    REQUIRE_FALSE(both);
    CHECK(both.error().message.find("would use the ID token") != std::string::npos);
  }
}

TEST_CASE("Huawei credentials file: [basic], its keys, and the path override", "[credentials][huawei]") {
  CleanHuaweiEnv clean;
  TempDir home;
  huawei::HuaweiCredentialsOptions options;
  options.homeDirectory = home.path;
  const std::string path = home.path + "/.huaweicloud/credentials";
  auto fetch = [&] { return huawei::credentialsFileSource(options).fetch(); };

  auto absent = fetch();
  REQUIRE(absent);
  CHECK_FALSE(absent->value);
  CHECK(absent->whyAbsent == path + " does not exist");

  SECTION("a file without [basic] does not apply") {
    home.write(".huaweicloud/credentials", "[global]\nak = g\nsk = s\ndomain_id = d\n");
    auto r = fetch();
    REQUIRE(r);
    CHECK_FALSE(r->value);
    CHECK(r->whyAbsent == path + " has no [basic] section");
  }
  SECTION("[basic] with every key, written as the SDKs' docs write it") {
    home.write(".huaweicloud/credentials",
               "[basic]\nak = file-ak\nsk = file-sk\nsecurity_token = file-token\nproject_id = file-project\n"
               "[global]\nak = other\nsk = other\n");
    auto r = fetch();
    REQUIRE(r);
    REQUIRE(r->value);
    CHECK(r->value->credentials.accessKey == "file-ak");
    CHECK(r->value->credentials.secretKey == "file-sk");
    CHECK(r->value->credentials.securityToken == "file-token");
    CHECK(r->value->credentials.projectId == "file-project");
    CHECK(r->value->source == path + " [basic]");
  }
  SECTION("missing keys are errors that name them, never a value") {
    home.write(".huaweicloud/credentials", "[basic]\nak = file-ak\nproject_id = p\n");
    auto noSk = fetch();
    REQUIRE_FALSE(noSk);
    CHECK(noSk.error().message == path + " [basic]: sk is not set, but ak is");
    home.write(".huaweicloud/credentials", "[basic]\nak = file-ak\nsk = file-sk\n");
    auto noProject = fetch();
    REQUIRE_FALSE(noProject);
    CHECK(noProject.error().message.rfind(path + " [basic]: project_id is not set", 0) == 0);
    CHECK(noProject.error().message.find("file-sk") == std::string::npos);
    home.write(".huaweicloud/credentials", "[basic]\nproject_id = p\n");
    auto empty = fetch();
    REQUIRE_FALSE(empty);
    CHECK(empty.error().message == path + " [basic] has neither ak nor sk");
    home.write(".huaweicloud/credentials", "[basic]\nak = a\nsk = s\nproject_id = not/a/project\n");
    auto bad = fetch();
    REQUIRE_FALSE(bad);
    CHECK(bad.error().violations.at(0).field == path + " [basic].projectId");
  }
  SECTION("the ID-token keys are not supported") {
    home.write(".huaweicloud/credentials", "[basic]\nidp_id = i\nid_token_file = /t\nproject_id = p\n");
    auto r = fetch();
    REQUIRE(r);
    CHECK_FALSE(r->value);
    CHECK(r->whyAbsent.find("idp_id and id_token_file") != std::string::npos);
  }
  SECTION("HUAWEICLOUD_SDK_CREDENTIALS_FILE, then the option, override the default path") {
    home.write(".huaweicloud/credentials", "[basic]\nak = home-ak\nsk = s\nproject_id = p\n");
    const std::string elsewhere = home.write("elsewhere", "[basic]\nak = env-file-ak\nsk = s\nproject_id = p\n");
    ScopedEnv file("HUAWEICLOUD_SDK_CREDENTIALS_FILE", elsewhere.c_str());
    auto r = fetch();
    REQUIRE(r);
    REQUIRE(r->value);
    CHECK(r->value->credentials.accessKey == "env-file-ak");
    options.credentialsFile = home.write("option", "[basic]\nak = option-ak\nsk = s\nproject_id = p\n");
    CHECK(fetch()->value->credentials.accessKey == "option-ak");
    options.credentialsFile = home.path + "/missing";
    CHECK(fetch()->whyAbsent == home.path + "/missing does not exist");
  }
  SECTION("a file that is not INI is an error") {
    home.write(".huaweicloud/credentials", "ak = before any section\n");
    auto r = fetch();
    REQUIRE_FALSE(r);
    CHECK(r.error().message == path + ": line 1 comes before any [section]");
  }
}

TEST_CASE("the default Huawei chain: explicit, environment, credentials file", "[credentials][huawei]") {
  CleanHuaweiEnv clean;
  TempDir home;
  huawei::HuaweiCredentialsOptions options;
  options.homeDirectory = home.path;
  CHECK(options.refresh.refreshBefore == std::chrono::minutes(40));

  auto none = huawei::defaultCredentialsChain(options)->current();
  REQUIRE_FALSE(none);
  CHECK(none.error().message.rfind("no credentials found; tried environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK "
                                   "are not set; credentials file: " +
                                       home.path + "/.huaweicloud/credentials does not exist; ECS metadata: ",
                                   0) == 0);
  options.metadata.reset();
  auto withoutMetadata = huawei::defaultCredentialsChain(options)->current();
  REQUIRE_FALSE(withoutMetadata);
  CHECK(withoutMetadata.error().message.find("ECS metadata") == std::string::npos);

  home.write(".huaweicloud/credentials", "[basic]\nak = file-ak\nsk = s\nproject_id = p\n");
  auto fromFile = huawei::defaultCredentialsChain(options);
  CHECK(akOf(fromFile->current()) == "file-ak");
  CHECK(fromFile->sourceInUse() == "credentials file");

  ScopedEnv ak("HUAWEICLOUD_SDK_AK", "env-ak");
  ScopedEnv sk("HUAWEICLOUD_SDK_SK", "env-sk");
  ScopedEnv project("HUAWEICLOUD_SDK_PROJECT_ID", "p");
  CHECK(akOf(huawei::defaultCredentialsChain(options)->current()) == "env-ak");

  options.explicitCredentials = HuaweiCredentials::withToken("iam-token", "p");
  auto chain = huawei::defaultCredentialsChain(options);
  auto explicitOne = chain->current();
  REQUIRE(explicitOne);
  CHECK((*explicitOne)->credentials.authToken == "iam-token");
  CHECK(chain->sourceInUse() == "explicit credentials");

  SECTION("a broken source stops the chain and lists those tried before it") {
    options.explicitCredentials.reset();
    ScopedEnv noProject("HUAWEICLOUD_SDK_PROJECT_ID", nullptr);
    auto broken = huawei::defaultCredentialsChain(options)->current();
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.rfind("credentials: environment: HUAWEICLOUD_SDK_PROJECT_ID is not set", 0) == 0);
  }
  SECTION("invalid explicit credentials are an error") {
    options.explicitCredentials = HuaweiCredentials::withAkSk("a", "", "p");
    auto bad = huawei::defaultCredentialsChain(options)->current();
    REQUIRE_FALSE(bad);
    // The chain's error carries the message, which names the field (never its value).
    CHECK(bad.error().message ==
          "credentials: explicit credentials: the credentials in credentials are invalid: credentials.secretKey is "
          "required (or use an IAM token)");
  }
}

TEST_CASE("DisClient and KafkaClient sign each attempt with the provider's current generation",
          "[credentials][huawei][client]") {
  auto provider = std::make_shared<Switching>();
  auto transport = std::make_shared<MockTransport>();
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  auto config = configFor<dis::DisClientConfig>(transport, clock);
  const std::map<std::string, std::string> secrets{{"gen-1", "secret-1"}, {"gen-2", "secret-2"}, {"gen-3", "secret-3"}};
  auto dis = dis::DisClient::create(provider, config);
  REQUIRE(dis);
  const dis::ListTransferTasksRequest list("stream");

  transport->enqueueResponse(200, {}, R"({"tasks":[]})");
  REQUIRE(dis->listTransferTasks(list));
  HttpRequest sent = transport->lastRequest();
  CHECK(checkSigned(sent, secrets) == "gen-1");
  CHECK(sent.headers.get("X-Security-Token") == "tok-1");
  CHECK(sent.headers.get("X-Project-Id") == "proj");
  CHECK(sent.path == "/v2/proj/streams/stream/transfer-tasks");
  CHECK(test::checkHuaweiSignature(sent, "secret-1").signedHeaders ==
        std::vector<std::string>{"host", "x-project-id", "x-sdk-date", "x-security-token"});

  SECTION("a new generation signs the next call; its token goes, or leaves, with it") {
    provider->set(HuaweiCredentials::withAkSk("gen-2", "secret-2", "proj"));
    transport->enqueueResponse(200, {}, R"({"tasks":[]})");
    REQUIRE(dis->listTransferTasks(list));
    sent = transport->lastRequest();
    CHECK(checkSigned(sent, secrets) == "gen-2");
    CHECK_FALSE(sent.headers.contains("X-Security-Token"));
  }
  SECTION("a retry after 429 asks the provider again and signs with what it gives") {
    int calls = 0;
    transport->setHandler([&](const HttpRequest&) -> Result<HttpResponse> {
      HttpResponse r;
      if (++calls == 1) {
        provider->set(HuaweiCredentials::withAkSk("gen-2", "secret-2", "proj"));
        r.status = 429;
        r.body = R"({"error_code":"APIGW.0308","error_msg":"throttled"})";
      } else {
        r.status = 201;
      }
      return r;
    });
    dis::DliDestinationDescriptor d;
    d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
    d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
    const int before = provider->asked;
    auto created = dis->createTransferTask(dis::CreateTransferTaskRequest("stream", d));
    if (!created) FAIL(created.error().message);
    CHECK(provider->asked == before + 2);
    const auto requests = transport->requests();
    REQUIRE(requests.size() == 3);
    CHECK(checkSigned(requests[1], secrets) == "gen-1");
    CHECK(requests[1].headers.get("X-Security-Token") == "tok-1");
    CHECK(checkSigned(requests[2], secrets) == "gen-2");
    CHECK_FALSE(requests[2].headers.contains("X-Security-Token"));  // not carried over from the first attempt
  }
  SECTION("an IAM-token generation sends X-Auth-Token and no signature") {
    provider->set(HuaweiCredentials::withToken("iam-token", "proj"));
    transport->enqueueResponse(200, {}, R"({"tasks":[]})");
    REQUIRE(dis->listTransferTasks(list));
    sent = transport->lastRequest();
    CHECK(sent.headers.get("X-Auth-Token") == "iam-token");
    CHECK_FALSE(sent.headers.contains("Authorization"));
    CHECK_FALSE(sent.headers.contains("X-Security-Token"));
  }
  SECTION("when the provider fails, nothing is sent") {
    provider->failure = Error(ErrorKind::Connect, "metadata unreachable");
    const std::size_t count = transport->requestCount();
    auto none = dis->listTransferTasks(list);
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "no credentials to sign with: metadata unreachable");
    CHECK(none.error().kind == ErrorKind::Connect);
    CHECK(transport->requestCount() == count);
  }
  SECTION("a generation for another project is an error; an invalid one too") {
    const std::size_t count = transport->requestCount();
    provider->set(HuaweiCredentials::withAkSk("gen-2", "secret-2", "other-project"));
    auto moved = dis->listTransferTasks(list);
    REQUIRE_FALSE(moved);
    CHECK(moved.error().kind == ErrorKind::InvalidArgument);
    CHECK(moved.error().message.find("project other-project") != std::string::npos);
    CHECK(moved.error().message.find("created for project proj") != std::string::npos);
    provider->set(HuaweiCredentials::withAkSk("gen-3", "bad\r\nsecret", "proj"));
    auto injected = dis->listTransferTasks(list);
    REQUIRE_FALSE(injected);
    CHECK(injected.error().violations.at(0).field == "credentials.secretKey");
    CHECK(transport->requestCount() == count);
  }
  SECTION("KafkaClient does the same") {
    auto kafka = kafka::KafkaClient::create(provider, configFor<kafka::KafkaClientConfig>(transport, clock));
    REQUIRE(kafka);
    transport->enqueueResponse(204);
    REQUIRE(kafka->deleteSinkTask(kafka::DeleteSinkTaskRequest("connector", "task")));
    CHECK(checkSigned(transport->lastRequest(), secrets) == "gen-1");
    CHECK(transport->lastRequest().path.rfind("/v2/proj/", 0) == 0);
    provider->set(HuaweiCredentials::withAkSk("gen-3", "secret-3", "proj", "tok-3"));
    transport->enqueueResponse(204);
    REQUIRE(kafka->deleteSinkTask(kafka::DeleteSinkTaskRequest("connector", "task")));
    CHECK(checkSigned(transport->lastRequest(), secrets) == "gen-3");
    CHECK(transport->lastRequest().headers.get("X-Security-Token") == "tok-3");
  }
}

TEST_CASE("a provider whose first generation has no token still signs each call with the current one",
          "[credentials][huawei][client]") {
  // Fixed credentials of that shape take the fast path (headers laid out once); a provider must not.
  auto provider = std::make_shared<Switching>();
  provider->set(HuaweiCredentials::withAkSk("gen-1", "secret-1", "proj"));
  auto transport = std::make_shared<MockTransport>();
  auto client = dis::DisClient::create(provider, configFor<dis::DisClientConfig>(transport, FakeClock::at("2026-01-01T00:00:00Z")));
  REQUIRE(client);
  const std::map<std::string, std::string> secrets{{"gen-1", "secret-1"}, {"gen-2", "secret-2"}};
  transport->enqueueResponse(200, {}, R"({"tasks":[]})");
  REQUIRE(client->listTransferTasks(dis::ListTransferTasksRequest("stream")));
  CHECK(checkSigned(transport->lastRequest(), secrets) == "gen-1");
  provider->set(HuaweiCredentials::withAkSk("gen-2", "secret-2", "proj", "tok-2"));
  transport->enqueueResponse(200, {}, R"({"tasks":[]})");
  REQUIRE(client->listTransferTasks(dis::ListTransferTasksRequest("stream")));
  CHECK(checkSigned(transport->lastRequest(), secrets) == "gen-2");
  CHECK(transport->lastRequest().headers.get("X-Security-Token") == "tok-2");
}

TEST_CASE("creating a client with a provider asks it once and fails early", "[credentials][huawei][client]") {
  CleanHuaweiEnv clean;
  TempDir home;
  auto transport = std::make_shared<MockTransport>();
  auto config = configFor<dis::DisClientConfig>(transport, FakeClock::at("2026-01-01T00:00:00Z"));
  huawei::HuaweiCredentialsOptions options;
  options.homeDirectory = home.path;
  auto failed = dis::DisClient::create(huawei::defaultCredentialsChain(options), config);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message.find("no credentials found; tried environment:") != std::string::npos);
  CHECK(failed.error().message.find("credentials file:") != std::string::npos);

  auto kafkaFailed = kafka::KafkaClient::create(huawei::defaultCredentialsChain(options),
                                                configFor<kafka::KafkaClientConfig>(transport, FakeClock::at("2026-01-01T00:00:00Z")));
  REQUIRE_FALSE(kafkaFailed);
  CHECK(kafkaFailed.error().message.find("no credentials found") != std::string::npos);

  auto null = dis::DisClient::create(std::shared_ptr<huawei::HuaweiCredentialsProvider>(), config);
  REQUIRE_FALSE(null);
  CHECK(null.error().violations.at(0).field == "credentials");

  auto provider = std::make_shared<Switching>();
  provider->set(HuaweiCredentials::withAkSk("gen-1", "secret-1", ""));
  auto noProject = dis::DisClient::create(provider, config);
  REQUIRE_FALSE(noProject);
  CHECK(noProject.error().violations.at(0).field == "credentials.projectId");
  CHECK(transport->requestCount() == 0);
}

TEST_CASE("8 threads share a DisClient while the chain renews its credentials", "[credentials][huawei][client][refresh]") {
  // A source that hands out generation N (AK ak-N, secret sk-N, token tok-N), valid for an hour.
  auto clock = FakeClock::at("2026-01-01T00:00:00Z");
  std::atomic<int> fetches{0};
  std::mutex secretsMutex;
  std::map<std::string, std::string> secrets;
  CredentialsSource<HuaweiCredentials> renewing{"metadata", [&]() -> Result<SourceResult<HuaweiCredentials>> {
                                                  const std::string n = std::to_string(++fetches);
                                                  {
                                                    std::lock_guard<std::mutex> lock(secretsMutex);
                                                    secrets["ak-" + n] = "sk-" + n;
                                                  }
                                                  return SourceResult<HuaweiCredentials>::found(
                                                      {HuaweiCredentials::withAkSk("ak-" + n, "sk-" + n, "proj", "tok-" + n),
                                                       clock->now() + 1h, ""});
                                                }};
  RefreshOptions refresh = huawei::huaweiRefreshOptions();
  refresh.clock = clock;
  auto chain = std::make_shared<ChainProvider<HuaweiCredentials>>(std::vector{renewing}, refresh);

  auto transport = std::make_shared<MockTransport>();
  std::mutex sentMutex;
  std::vector<HttpRequest> sent;
  transport->setHandler([&](const HttpRequest& r) -> Result<HttpResponse> {
    {
      std::lock_guard<std::mutex> lock(sentMutex);
      sent.push_back(r);
    }
    HttpResponse response;
    response.status = 200;
    response.body = R"({"tasks":[]})";
    return response;
  });
  auto client = dis::DisClient::create(chain, configFor<dis::DisClientConfig>(transport, clock));
  REQUIRE(client);
  CHECK(fetches == 1);

  constexpr int kRounds = 4;
  std::atomic<int> failures{0};
  for (int round = 0; round < kRounds; ++round) {
    // 35 minutes left: due for renewal (40-minute margin), still valid for the others meanwhile.
    clock->advance(25min);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 20; ++i) {
          if (!client->listTransferTasks(dis::ListTransferTasksRequest("stream"))) ++failures;
        }
      });
    }
    for (auto& t : threads) t.join();
    CHECK(fetches == round + 2);  // exactly one renewal per due time
  }
  CHECK(failures == 0);
  REQUIRE(sent.size() == 8 * 20 * kRounds);
  std::set<std::string> used;
  for (const HttpRequest& r : sent) {
    const std::string ak = checkSigned(r, secrets);
    REQUIRE(ak.rfind("ak-", 0) == 0);
    CHECK(r.headers.get("X-Security-Token") == "tok-" + ak.substr(3));  // token and key of one generation
    used.insert(ak);
  }
  CHECK(used.count("ak-" + std::to_string(kRounds + 1)) == 1);
}
