#include "huawei/service.h"

#include <cstdlib>

#include "core/http_internal.h"
#include "core/text.h"
#include "delivery/version.h"
#include "huawei/json.h"
#include "huawei/signer.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {
namespace {

// Looks for an (error_code, error_msg) or (code, message) pair in `v`, then in nested objects.
bool findErrorPair(const rapidjson::Value& v, std::string& code, std::string& message, int depth) {
  if (!v.IsObject() || depth > 4) return false;
  auto text = [](const rapidjson::Value& x) -> std::string {
    if (x.IsString()) return std::string(x.GetString(), x.GetStringLength());
    if (x.IsInt64()) return std::to_string(x.GetInt64());
    return {};
  };
  for (const auto& [codeKey, messageKey] : {std::pair{"error_code", "error_msg"}, std::pair{"code", "message"}}) {
    auto c = v.FindMember(codeKey);
    auto m = v.FindMember(messageKey);
    if (c != v.MemberEnd() && (c->value.IsString() || c->value.IsInt64())) {
      code = text(c->value);
      message = m != v.MemberEnd() ? text(m->value) : std::string();
      return true;
    }
  }
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    if (findErrorPair(it->value, code, message, depth + 1)) return true;
  }
  return false;
}

ErrorKind kindFor(int status) {
  if (status == 401 || status == 403) return ErrorKind::Auth;
  if (status == 429) return ErrorKind::Throttled;
  return ErrorKind::Service;
}

}  // namespace

Error pageWalkError(const std::string& what, const std::string& why, const ResponseMetadata& page) {
  Error e(ErrorKind::InvalidResponse, what + ": " + why);
  e.httpStatus = page.getHttpStatus();
  e.requestId = page.getRequestId();
  return e;
}

Error errorFromResponse(const HttpResponse& response, bool idempotent) {
  Error e;
  e.httpStatus = response.status;
  e.kind = kindFor(response.status);
  e.requestId = response.headers.get("X-Request-Id");
  auto doc = parseObject(response.body);
  bool found = false;
  if (doc) {
    found = findErrorPair(*doc, e.code, e.message, 0);
    if (e.requestId.empty()) {
      auto rid = doc->FindMember("request_id");
      if (rid != doc->MemberEnd() && rid->value.IsString()) e.requestId = rid->value.GetString();
    }
  }
  if (!found) e.message = delivery::detail::safeText(response.body, 512);
  if (e.message.empty()) e.message = "HTTP " + std::to_string(response.status) + " with an empty body";
  // 429: the gateway throttled the call before it reached the service. 5xx: the call may have
  // executed, so only idempotent reads are repeated.
  e.retryable = response.status == 429 || (idempotent && response.status >= 500);
  return e;
}

Result<Protocol> Protocol::create(HuaweiCredentials credentials, const HuaweiClientConfig& config, const char* service,
                                const char* endpointVariable) {
  Error err(ErrorKind::InvalidArgument, std::string("cannot create the ") + service + " client");
  for (auto& v : credentials.validate("credentials")) err.violations.push_back(std::move(v));
  // Where the URL comes from, in this order: config.endpoint, config.region, the environment.
  enum class Source { Endpoint, Region, Environment };
  std::string url = config.endpoint;
  Source source = Source::Endpoint;
  if (url.empty() && !config.region.empty()) {
    source = Source::Region;
    // Region ids are short ("cn-north-4"); 64 characters is a generous bound.
    const bool regionOk = config.region.size() <= 64 &&
                          config.region.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    if (regionOk) {
      url = std::string("https://") + service + "." + config.region + ".myhuaweicloud.com";
    } else {
      err.violations.push_back({"config.region", "must look like cn-north-4 (at most 64 characters)"});
    }
  } else if (url.empty()) {
    source = Source::Environment;
    if (const char* v = std::getenv(endpointVariable)) url = v;
    if (url.empty()) {
      err.violations.push_back({"config.region", std::string("set a region, an endpoint, or ") + endpointVariable});
    }
  }
  Endpoint endpoint;
  if (!url.empty()) {
    if (auto parsed = Endpoint::parse(url); !parsed) {
      err.violations.push_back({source == Source::Endpoint ? "config.endpoint" : source == Source::Region ? "config.region"
                                                                                                          : endpointVariable,
                                parsed.error().message});
    } else {
      endpoint = parsed.value();
    }
  }
  auto runtime = delivery::detail::Runtime::fromConfig(config, std::string("delivery-cpp-sdk/") + kVersion);
  if (!runtime) {
    for (const auto& v : runtime.error().violations) err.violations.push_back({"config." + v.field, v.message});
  }
  if (!err.violations.empty()) return err;
  Protocol s;
  s.endpoint_ = endpoint;
  s.pathPrefix_ = "/v2/" + delivery::detail::percentEncode(credentials.projectId);
  s.endpointText_ = endpoint.toString();
  s.host_ = endpoint.authority();
  s.credentials_ = std::move(credentials);
  if (!s.credentials_.usesToken()) {
    s.secretKey_ = delivery::detail::HmacKey(delivery::detail::HmacKey::Algorithm::Sha256, s.credentials_.secretKey);
  }
  s.layOutSignature_ = !s.credentials_.usesToken() && s.credentials_.securityToken.empty();
  s.runtime_ = std::move(runtime).value();
  return s;
}

Result<Protocol> Protocol::create(std::shared_ptr<HuaweiCredentialsProvider> provider, const HuaweiClientConfig& config,
                                  const char* service, const char* endpointVariable) {
  if (provider == nullptr) {
    Error err(ErrorKind::InvalidArgument, std::string("cannot create the ") + service + " client");
    err.violations.push_back({"credentials", "is a null provider"});
    return err;
  }
  // Asked once now: a chain that finds nothing fails the create with its list of sources (the
  // Huawei SDKs run their chain when a client is built, specs/credentials.md §B.1).
  Result<std::shared_ptr<const Timed<HuaweiCredentials>>> first = provider->current();
  if (!first) {
    return Error(first.error().kind,
                 std::string("cannot create the ") + service + " client: " + first.error().message);
  }
  // Checked like fixed credentials (violations at "credentials.*"); its project id is the client's.
  Result<Protocol> s = create((*first)->credentials, config, service, endpointVariable);
  if (!s) return s;
  s->layOutSignature_ = false;  // sign() sets the headers of each attempt's generation
  s->provided_ = std::make_shared<Provided>();
  s->provided_->provider = std::move(provider);
  auto generation = std::make_shared<Generation>();
  generation->credentials = std::move(first).value();
  generation->secretKey = s->secretKey_;
  s->provided_->last = std::move(generation);
  return s;
}

Result<std::shared_ptr<const Protocol::Generation>> Protocol::currentGeneration() const {
  Result<std::shared_ptr<const Timed<HuaweiCredentials>>> current = provided_->provider->current();
  if (!current) return Error(current.error().kind, "no credentials to sign with: " + current.error().message);
  std::lock_guard<std::mutex> lock(provided_->mutex);
  if (current->get() == provided_->last->credentials.get()) return provided_->last;
  const HuaweiCredentials& c = (*current)->credentials;
  // A new generation: checked like credentials given to create() (its values go into headers),
  // and for the project this client's paths were built for.
  if (auto problems = c.validate("credentials"); !problems.empty()) {
    Error e(ErrorKind::InvalidArgument, "the credentials from " + (*current)->source + " are invalid");
    e.violations = std::move(problems);
    return e;
  }
  if (c.projectId != credentials_.projectId) {
    return Error(ErrorKind::InvalidArgument, "the credentials from " + (*current)->source + " are for project " +
                                                 c.projectId + ", but this client was created for project " +
                                                 credentials_.projectId + "; create a new client for another project");
  }
  auto generation = std::make_shared<Generation>();
  generation->credentials = std::move(current).value();
  if (!c.usesToken()) {
    generation->secretKey = delivery::detail::HmacKey(delivery::detail::HmacKey::Algorithm::Sha256, c.secretKey);
  }
  provided_->last = generation;
  return std::shared_ptr<const Generation>(std::move(generation));
}

void Protocol::start(std::string_view, HttpRequest& http, CallState& state) const {
  http.endpoint = endpoint_;
  http.path = pathPrefix_;
  // Replaces the headers of the thread's previous call in place (their storage is reused). With an
  // AK/SK and no security token, the headers the signature adds are laid out too, in the order
  // authenticate() would add them, and sign() fills the last two in place.
  using FieldView = delivery::detail::HeadersAccess::FieldView;
  FieldView fields[6];
  std::size_t n = 0;
  fields[n++] = {"User-Agent", runtime_.userAgent};
  if (!http.body.empty()) fields[n++] = {"Content-Type", "application/json"};
  if (layOutSignature_) {
    fields[n++] = {"X-Project-Id", credentials_.projectId};
    fields[n++] = {"Host", host_};
    state.dateField = n;
    fields[n++] = {"X-Sdk-Date", {}};
    fields[n++] = {"Authorization", {}};
  }
  delivery::detail::HeadersAccess::assign(http.headers, fields, fields + n);
}

Result<void> Protocol::sign(HttpRequest& http, CallState& state, std::chrono::system_clock::time_point now) const {
  if (state.dateField != 0) {
    using delivery::detail::HeadersAccess;
    signInPlace(http, credentials_, host_, now, secretKey_, HeadersAccess::valueAt(http.headers, state.dateField),
                HeadersAccess::valueAt(http.headers, state.dateField + 1));
    return {};
  }
  if (provided_) {
    Result<std::shared_ptr<const Generation>> generation = currentGeneration();
    if (!generation) return generation.error();
    // Another attempt of this call may have been signed with another generation: its
    // authentication headers go, so that neither its token nor its signature is carried over.
    for (const char* name : {"X-Security-Token", "X-Auth-Token", "Authorization", "X-Sdk-Date"}) http.headers.remove(name);
    const Generation& g = **generation;
    authenticate(http, g.credentials->credentials, now, g.secretKey.empty() ? nullptr : &g.secretKey);
    return {};
  }
  authenticate(http, credentials_, now, secretKey_.empty() ? nullptr : &secretKey_);
  return {};
}

Result<void> Protocol::judge(std::string_view, bool idempotent, const HttpResponse& response, CallState&) const {
  if (response.status >= 200 && response.status < 300) return {};
  return errorFromResponse(response, idempotent);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
