#pragma once
// What the two clouds' instance-metadata credential sources share (internal): where the service is,
// how it is reached, and when it counts as not there at all.

#include <chrono>
#include <cstdlib>
#include <memory>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "delivery/core/credentials_provider.h"
#include "delivery/core/curl_transport.h"
#include "delivery/core/http.h"
#include "core/text.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// One cloud's metadata service: where it is and how its session token travels.
struct MetadataService {
  const char* fixedAddress;    ///< where it always is on an instance of that cloud
  const char* testVariable;    ///< the environment variable that points the source elsewhere (documented as for tests)
  const char* tokenPath;       ///< PUT here for a session token
  const char* tokenTtlHeader;  ///< the header that asks for the token's lifetime, in seconds, on that PUT
  const char* tokenHeader;     ///< the header that carries the token on every GET
  int tokenTtlSeconds;         ///< the lifetime asked for
};

/// The service's address: `option` when set, else the service's test variable, else its fixed
/// address. A malformed one is an InvalidArgument error naming where it came from.
inline Result<Endpoint> metadataEndpoint(const std::string& option, const char* optionName, const MetadataService& service) {
  std::string url = option;
  std::string from = optionName;
  if (url.empty()) {
    if (const char* v = std::getenv(service.testVariable)) url = v;
    from = service.testVariable;
  }
  if (url.empty()) url = service.fixedAddress;
  auto endpoint = Endpoint::parse(url);
  if (!endpoint) return Error(ErrorKind::InvalidArgument, from + ": " + endpoint.error().message);
  return endpoint;
}

/// A transport for it: a CurlTransport with these limits that never goes through a proxy (the
/// address is link-local, reachable only from the instance itself).
inline std::shared_ptr<Transport> metadataTransport(std::chrono::milliseconds connect, std::chrono::milliseconds total,
                                                    std::chrono::milliseconds stall) {
  CurlTransportOptions o;
  o.connectTimeout = connect;
  o.requestTimeout = total;
  o.stallTimeout = stall;
  o.proxy = std::string();
  o.maxIdleHandles = 2;
  return std::make_shared<CurlTransport>(std::move(o));
}

/// Whether a transport error means the service could not be reached at all (refused, or no answer
/// in time): off the cloud's instances, the source does not apply.
inline bool metadataUnreachable(const Error& e) { return e.kind == ErrorKind::Connect || e.kind == ErrorKind::Timeout; }

/// A member of the credentials the service sent: its name in the body and its value.
using MetadataMember = std::pair<const char*, const std::string*>;

/// Checks the credentials the service sent, under `where`: "<where>.<name> is required" for each
/// empty member of `required` and for an empty `expiration`, then "is not a UTC time like
/// <example>" for an expiration that does not read. Returns the expiry (the epoch when it did not read).
inline std::chrono::system_clock::time_point checkCredentialMembers(std::vector<FieldViolation>& problems,
                                                                    const std::string& where,
                                                                    std::initializer_list<MetadataMember> required,
                                                                    MetadataMember expiration, const char* example) {
  auto requireValue = [&](const MetadataMember& m) {
    if (m.second->empty()) problems.push_back({where + "." + m.first, "is required"});
  };
  for (const MetadataMember& m : required) requireValue(m);
  requireValue(expiration);
  std::chrono::system_clock::time_point expires{};
  if (!expiration.second->empty() && !parseIso8601(*expiration.second, expires)) {
    problems.push_back({where + "." + expiration.first, std::string("is not a UTC time like ") + example});
  }
  return expires;
}

/// One fetch's exchange with the service: every request goes to one address through one transport,
/// and a transport failure counts as "the source does not apply" only while the service has
/// answered nothing during this fetch.
class MetadataExchange {
 public:
  MetadataExchange(const MetadataService& service, Endpoint endpoint, std::shared_ptr<Transport> transport)
      : service_(service),
        endpoint_(std::move(endpoint)),
        transport_(std::move(transport)),
        at_("the metadata service at " + endpoint_.toString()) {}

  /// "the metadata service at <address>", for messages.
  const std::string& at() const noexcept { return at_; }

  /// The PUT for a session token.
  Result<HttpResponse> requestToken() {
    return send(HttpMethod::Put, service_.tokenPath, service_.tokenTtlHeader, std::to_string(service_.tokenTtlSeconds));
  }
  /// A GET of `path`, with the session token when there is one.
  Result<HttpResponse> get(const std::string& path, const std::string& token) {
    return send(HttpMethod::Get, path, service_.tokenHeader, token);
  }

  /// A transport failure of the request for `what`: the source is absent when the service could not
  /// be reached and has answered nothing during this fetch; an error otherwise.
  template <typename T>
  Result<SourceResult<T>> failed(const Error& e, const std::string& what) const {
    if (unreachable(e)) return SourceResult<T>::absent(at_ + " cannot be reached: " + e.message);
    return Error(e.kind, at_ + ": " + what + ": " + e.message);
  }

  /// Whether `e` means the service is not there (see metadataUnreachable) and nothing has answered yet.
  bool unreachable(const Error& e) const { return !answered_ && metadataUnreachable(e); }

 private:
  Result<HttpResponse> send(HttpMethod method, const std::string& path, const char* header, const std::string& value) {
    HttpRequest r;
    r.method = method;
    r.endpoint = endpoint_;
    r.path = path;
    r.idempotent = true;
    if (!value.empty()) r.headers.set(header, value);
    Result<HttpResponse> response = transport_->send(r);
    if (response) answered_ = true;
    return response;
  }

  const MetadataService& service_;
  Endpoint endpoint_;
  std::shared_ptr<Transport> transport_;
  std::string at_;
  bool answered_ = false;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
