// ECS RAM-role credentials from the Alibaba Cloud instance metadata service (see
// delivery/tablestore/ecs_ram_role.h). Facts follow specs/credentials.md §A.4 (aliyun/credentials-go
// providers/ecs_ram_role.go, credentials-java ECSMetadataServiceCredentialsFetcher, the Java
// Tablestore SDK's InstanceProfileCredentialsFetcher); the choices follow §C "IMDS Alibaba" and
// "Not-applicable vs error".

#include <rapidjson/document.h>

#include <cstdlib>
#include <mutex>
#include <utility>
#include <vector>

#include "core/text.h"
#include "core/metadata_service.h"
#include "tablestore/ecs_ram_role_fetcher.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {
namespace detail {
namespace {

using Found = SourceResult<Credentials>;

// §A.4: the fixed address, paths and header names (credentials-go, -java, -python).
constexpr delivery::detail::MetadataService kService{
    "http://100.100.100.200", "DELIVERY_TEST_ALIBABA_METADATA_ENDPOINT", "/latest/api/token",
    "X-aliyun-ecs-metadata-token-ttl-seconds", "X-aliyun-ecs-metadata-token", 21600};
constexpr const char* kRolesPath = "/latest/meta-data/ram/security-credentials/";
// §C: the token is kept until 600 s before its TTL ends (the Java Tablestore SDK's rule), so that
// a renewal costs no PUT.
constexpr std::chrono::seconds kTokenKept{kService.tokenTtlSeconds - 600};

using delivery::detail::envTrue;

std::string member(const rapidjson::Value& o, const char* key) {
  auto m = o.FindMember(key);
  return m != o.MemberEnd() && m->value.IsString() ? std::string(m->value.GetString(), m->value.GetStringLength())
                                                   : std::string();
}

}  // namespace

struct EcsRamRoleFetcher::Impl {
  EcsRamRoleOptions options;
  std::shared_ptr<Clock> clock;

  std::mutex mutex;  // guards the members below
  std::shared_ptr<Transport> transport;
  std::string token;  // the metadata token, empty when none is held
  std::chrono::system_clock::time_point tokenUntil{};

  std::shared_ptr<Transport> getTransport() {
    std::lock_guard<std::mutex> lock(mutex);
    if (!transport) {
      transport = delivery::detail::metadataTransport(options.connectTimeout, options.connectTimeout + options.readTimeout,
                                                      options.readTimeout);
    }
    return transport;
  }
  std::string heldToken() {
    std::lock_guard<std::mutex> lock(mutex);
    if (!token.empty() && clock->now() >= tokenUntil) token.clear();
    return token;
  }
  void keepToken(std::string value, std::chrono::system_clock::time_point asked) {
    std::lock_guard<std::mutex> lock(mutex);
    token = std::move(value);
    tokenUntil = asked + kTokenKept;
  }
  void dropToken(const std::string& value) {
    std::lock_guard<std::mutex> lock(mutex);
    if (token == value) token.clear();
  }
};

EcsRamRoleFetcher::EcsRamRoleFetcher(EcsRamRoleOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->clock = options.clock ? options.clock : systemClock();
  impl_->transport = options.transport;
  impl_->options = std::move(options);
}

EcsRamRoleFetcher::~EcsRamRoleFetcher() = default;

Result<SourceResult<Credentials>> EcsRamRoleFetcher::fetch(const std::string& roleOverride) {
  Impl& s = *impl_;
  if (envTrue("ALIBABA_CLOUD_ECS_METADATA_DISABLED")) return Found::absent("ALIBABA_CLOUD_ECS_METADATA_DISABLED is true");
  auto endpoint = delivery::detail::metadataEndpoint(s.options.endpoint, "EcsRamRoleOptions::endpoint", kService);
  if (!endpoint) return endpoint.error();
  const bool tokenRequired = envTrue("ALIBABA_CLOUD_IMDSV1_DISABLED");
  delivery::detail::MetadataExchange service(kService, *endpoint, s.getTransport());
  const std::string& at = service.at();
  auto failed = [&](const Error& e, const std::string& what) { return service.failed<Credentials>(e, what); };

  // Step 1 (§A.4.1): the metadata token. Without one, go on token-less only when the PUT failed
  // and ALIBABA_CLOUD_IMDSV1_DISABLED is not true (§C).
  std::string token = s.heldToken();
  bool tokenIsFresh = false;
  auto newToken = [&]() -> std::optional<Result<Found>> {
    const auto asked = s.clock->now();
    Result<HttpResponse> put = service.requestToken();
    std::string why;
    if (!put) {
      if (service.unreachable(put.error())) return failed(put.error(), "the metadata token request failed");
      why = put.error().message;
    } else if (put->status != 200) {
      why = "HTTP " + std::to_string(put->status);
    } else {
      std::string value(delivery::detail::trimView(put->body));
      if (!value.empty() && delivery::detail::isSafeText(value, 1024)) {
        token = value;
        tokenIsFresh = true;
        s.keepToken(std::move(value), asked);
        return std::nullopt;
      }
      why = "an empty or unreadable token";
    }
    if (tokenRequired) {
      return Result<Found>(Error(ErrorKind::Auth, at + ": the metadata token request failed (" + why +
                                                      ") and ALIBABA_CLOUD_IMDSV1_DISABLED is true"));
    }
    token.clear();
    return std::nullopt;
  };
  if (token.empty()) {
    if (auto stop = newToken()) return std::move(*stop);
  }
  // A GET; a kept token that the service no longer accepts is replaced once.
  auto get = [&](const std::string& path) -> std::optional<Result<HttpResponse>> {
    Result<HttpResponse> r = service.get(path, token);
    if (r && (r->status == 401 || r->status == 403) && !token.empty() && !tokenIsFresh) {
      s.dropToken(token);
      token.clear();
      if (newToken()) return std::nullopt;  // the caller reports the original answer
      r = service.get(path, token);
    }
    return r;
  };

  // Step 2: the role name, unless configured.
  std::string role = roleOverride.empty() ? s.options.roleName : roleOverride;
  if (role.empty()) {
    if (const char* v = std::getenv("ALIBABA_CLOUD_ECS_METADATA")) role = v;
  }
  if (role.empty()) {
    auto r = get(kRolesPath);
    if (!r) return Error(ErrorKind::Auth, at + " refused the metadata token when listing the RAM role");
    if (!*r) return failed(r->error(), "listing the RAM role failed");
    if ((*r)->status == 404) return Found::absent("no RAM role is attached to this instance (" + at + " answered 404)");
    if ((*r)->status != 200) {
      return Error(ErrorKind::Service, at + " answered HTTP " + std::to_string((*r)->status) + " when listing the RAM role");
    }
    std::string_view list = (*r)->body;
    role = std::string(delivery::detail::trimView(list.substr(0, list.find('\n'))));
    if (role.empty()) return Found::absent("no RAM role is attached to this instance (" + at + " lists none)");
  }
  const std::string shownRole = delivery::detail::safeText(role, 128);

  // Step 3: the credentials.
  auto r = get(kRolesPath + delivery::detail::percentEncode(role));
  if (!r) return Error(ErrorKind::Auth, at + " refused the metadata token for RAM role \"" + shownRole + "\"");
  if (!*r) return failed(r->error(), "the credentials of RAM role \"" + shownRole + "\" could not be fetched");
  const HttpResponse& response = **r;
  if (response.status == 404) {
    return Error(ErrorKind::Auth, at + " has no RAM role \"" + shownRole + "\" (HTTP 404)");
  }
  if (response.status != 200) {
    return Error(ErrorKind::Service, at + " answered HTTP " + std::to_string(response.status) + " for RAM role \"" +
                                         shownRole + "\"");
  }
  // §A.4.2. The body holds the secret: it is never quoted.
  const std::string what = at + ": the credentials of RAM role \"" + shownRole + "\"";
  rapidjson::Document doc;
  doc.Parse(response.body.data(), response.body.size());
  if (doc.HasParseError() || !doc.IsObject()) return Error(ErrorKind::InvalidResponse, what + " are not a JSON object");
  const std::string code = member(doc, "Code");
  // "Success"; the Java Tablestore SDK compares without case.
  if (delivery::detail::toLowerAscii(code) != "success") {
    return Error(ErrorKind::Auth, what + " came with Code \"" + delivery::detail::safeText(code, 64) +
                                      "\" instead of \"Success\"");
  }
  std::vector<FieldViolation> missing;
  Credentials credentials(member(doc, "AccessKeyId"), member(doc, "AccessKeySecret"), member(doc, "SecurityToken"));
  const std::string expiration = member(doc, "Expiration");
  const auto expires = delivery::detail::checkCredentialMembers(
      missing, "metadata response",
      {{"AccessKeyId", &credentials.accessKeyId},
       {"AccessKeySecret", &credentials.accessKeySecret},
       {"SecurityToken", &credentials.securityToken}},
      {"Expiration", &expiration}, "2021-10-20T04:27:09Z");
  if (missing.empty()) missing = credentials.validate("metadata response");
  if (!missing.empty()) {
    Error e(ErrorKind::InvalidResponse, what + " cannot be used");
    e.violations = std::move(missing);
    return e;
  }
  return Found::found(Timed<Credentials>{std::move(credentials), expires,
                                         "ECS RAM role " + shownRole + " (" + endpoint->toString() + ")"});
}

}  // namespace detail

CredentialsSource<Credentials> ecsRamRoleSource(EcsRamRoleOptions options) {
  auto fetcher = std::make_shared<detail::EcsRamRoleFetcher>(std::move(options));
  return CredentialsSource<Credentials>{"ECS RAM role", [fetcher]() { return fetcher->fetch(); }};
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
