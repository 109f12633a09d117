// Huawei Cloud agency credentials from the ECS metadata service (see
// delivery/huawei/metadata_credentials.h). Facts follow specs/credentials.md §B.4
// (huaweicloud-sdk-go-v3 core/auth/internal/metadata_accessor.go and iam_model.go,
// huaweicloud-sdk-java-v3 MetadataCredentialProvider); the choices follow §C "IMDS Huawei"
// ("exactly §B.4") and "Not-applicable vs error".

#include "delivery/huawei/metadata_credentials.h"

#include <rapidjson/document.h>

#include <cstdlib>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "core/text.h"
#include "core/metadata_service.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {
namespace {

using Found = SourceResult<HuaweiCredentials>;

// §B.4: the fixed address, paths and header names.
constexpr delivery::detail::MetadataService kService{
    "http://169.254.169.254", "DELIVERY_TEST_HUAWEI_METADATA_ENDPOINT", "/meta-data/latest/api/token",
    "X-Metadata-Token-Ttl-Seconds", "X-Metadata-Token", 21600};
constexpr const char* kSecurityKeyPath = "/openstack/latest/securitykey";
constexpr const char* kNoAgency = "Please configure Cloud Service Agency first";
// A service that answered the token PUT with 404, 405 or 503 is not asked again for this long.
constexpr std::chrono::hours kNoTokenFor{24};

// The credential's members, under the Go SDK's names, else the Java SDK's aliases.
std::string member(const rapidjson::Value& o, const char* key, const char* alias) {
  for (const char* k : {key, alias}) {
    auto m = o.FindMember(k);
    if (m != o.MemberEnd() && m->value.IsString()) return std::string(m->value.GetString(), m->value.GetStringLength());
  }
  return std::string();
}

struct State {
  HuaweiMetadataOptions options;
  std::shared_ptr<Clock> clock;

  std::mutex mutex;  // guards the members below
  std::shared_ptr<Transport> transport;
  std::string token;                                        // empty when none is held
  std::optional<std::chrono::system_clock::time_point> noTokenSince;  // the last 404/405/503 to the PUT

  std::shared_ptr<Transport> getTransport() {
    std::lock_guard<std::mutex> lock(mutex);
    if (!transport) transport = delivery::detail::metadataTransport(options.timeout, options.timeout, options.timeout);
    return transport;
  }

  Result<SourceResult<HuaweiCredentials>> fetch();
};

Result<SourceResult<HuaweiCredentials>> State::fetch() {
  auto endpoint = delivery::detail::metadataEndpoint(options.endpoint, "HuaweiMetadataOptions::endpoint", kService);
  if (!endpoint) return endpoint.error();
  delivery::detail::MetadataExchange service(kService, *endpoint, getTransport());
  const std::string& at = service.at();
  auto failed = [&](const Error& e, const char* what) { return service.failed<HuaweiCredentials>(e, what); };
  // PUT for a token. `afterUnauthorized`: 404/405/503 are errors too (Go SDK, §B.4).
  auto newToken = [&](bool afterUnauthorized, std::string& into) -> std::optional<Result<Found>> {
    Result<HttpResponse> put = service.requestToken();
    if (!put) return failed(put.error(), "the metadata token request failed");
    const int status = put->status;
    if (status == 200) {
      std::string value(delivery::detail::trimView(put->body));
      if (value.empty() || !delivery::detail::isSafeText(value, 4096)) {
        return Result<Found>(Error(ErrorKind::InvalidResponse, at + " answered the token request with an unusable token"));
      }
      std::lock_guard<std::mutex> lock(mutex);
      token = value;
      noTokenSince.reset();
      into = std::move(value);
      return std::nullopt;
    }
    if (!afterUnauthorized && (status == 404 || status == 405 || status == 503)) {
      std::lock_guard<std::mutex> lock(mutex);
      noTokenSince = clock->now();
      into.clear();
      return std::nullopt;
    }
    return Result<Found>(Error(ErrorKind::Service, at + " answered the metadata token request with HTTP " + std::to_string(status)));
  };

  // Step 1: a token, unless one is held or the service said lately that it has none.
  std::string held;
  bool askForToken = false;
  {
    std::lock_guard<std::mutex> lock(mutex);
    held = token;
    askForToken = held.empty() && (!noTokenSince || clock->now() - *noTokenSince > kNoTokenFor);
  }
  if (askForToken) {
    if (auto stop = newToken(false, held)) return std::move(*stop);
  }

  // Step 2: the security key; a 401 without the agency text gets a new token and one more try.
  Result<HttpResponse> got = service.get(kSecurityKeyPath, held);
  if (!got) return failed(got.error(), "the security key request failed");
  auto noAgency = [&](const HttpResponse& r) { return r.status == 401 && r.body.find(kNoAgency) != std::string::npos; };
  if (got->status == 401 && !noAgency(*got)) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (token == held) token.clear();
    }
    if (auto stop = newToken(true, held)) return std::move(*stop);
    got = service.get(kSecurityKeyPath, held);
    if (!got) return failed(got.error(), "the security key request failed");
  }
  if (noAgency(*got)) {
    return Error(ErrorKind::Auth, at + " says no agency is attached to this instance (\"" + std::string(kNoAgency) + "\")");
  }
  if (got->status != 200) {
    return Error(got->status == 401 || got->status == 403 ? ErrorKind::Auth : ErrorKind::Service,
                 at + " answered the security key request with HTTP " + std::to_string(got->status));
  }

  // The body holds the secret: it is never quoted.
  const std::string what = at + ": the security key";
  rapidjson::Document doc;
  doc.Parse(got->body.data(), got->body.size());
  if (doc.HasParseError() || !doc.IsObject()) return Error(ErrorKind::InvalidResponse, what + " is not a JSON object");
  auto credential = doc.FindMember("credential");
  if (credential == doc.MemberEnd() || !credential->value.IsObject()) {
    return Error(ErrorKind::InvalidResponse, what + " has no \"credential\" object");
  }
  const rapidjson::Value& c = credential->value;
  HuaweiCredentials result = HuaweiCredentials::withAkSk(member(c, "access", "accessKeyId"), member(c, "secret", "secretAccessKey"),
                                                         options.projectId, member(c, "securitytoken", "securityToken"));
  const std::string expiresAt = member(c, "expires_at", "expiration");
  std::vector<FieldViolation> problems;
  // "2020-01-08T03:50:07.574000Z" as the SDKs' tests show, or without a fraction.
  const auto expires = delivery::detail::checkCredentialMembers(
      problems, "security key.credential",
      {{"access", &result.accessKey}, {"secret", &result.secretKey}, {"securitytoken", &result.securityToken}},
      {"expires_at", &expiresAt}, "2020-01-08T03:50:07.574000Z");
  if (!problems.empty()) {
    Error e(ErrorKind::InvalidResponse, what + " cannot be used");
    e.violations = std::move(problems);
    return e;
  }
  if (options.projectId.empty()) {
    return Error(ErrorKind::InvalidArgument,
                 what + " has no project id, and HuaweiMetadataOptions::projectId is empty: set it (DIS and DMS Kafka need one)");
  }
  problems = result.validate("security key");
  if (!problems.empty()) {
    Error e(ErrorKind::InvalidResponse, what + " cannot be used");
    e.violations = std::move(problems);
    return e;
  }
  return Found::found(Timed<HuaweiCredentials>{std::move(result), expires, "ECS metadata security key (" + endpoint->toString() + ")"});
}

}  // namespace

CredentialsSource<HuaweiCredentials> metadataSource(HuaweiMetadataOptions options) {
  auto state = std::make_shared<State>();
  state->clock = options.clock ? options.clock : systemClock();
  state->transport = options.transport;
  state->options = std::move(options);
  return CredentialsSource<HuaweiCredentials>{"ECS metadata", [state]() { return state->fetch(); }};
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
