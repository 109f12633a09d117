#pragma once
// What DisClient and KafkaClient share (internal): endpoint resolution, the protocol of their JSON
// REST calls (SDK-HMAC-SHA256 or IAM-token authentication), and Huawei error bodies.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/fields.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "delivery/core/http.h"
#include "delivery/core/response.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"
#include "delivery/huawei/credentials_chain.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

/// Turns a response with status >= 400 into an Error: code and message from `error_code` /
/// `error_msg`, else `code` / `message`, else the first nested object carrying either pair, else
/// the raw body; request id from X-Request-Id (or a `request_id` body field).
Error errorFromResponse(const HttpResponse& response, bool idempotent);

/// The error a walk over list pages (listAllTransferTasks, listAllConnectorTasks) ends with when an
/// answer would make it skip or repeat tasks: InvalidResponse, "`what`: `why`", with the HTTP
/// status and request id of the page that was refused.
Error pageWalkError(const std::string& what, const std::string& why, const ResponseMetadata& page);

/// How every DIS and DMS Kafka call is addressed, signed and judged (see core/operation.h): the
/// path starts with /v2/{project_id}; SDK-HMAC-SHA256 or X-Auth-Token; any 2xx is success.
///
/// Fixed credentials sign with what create() was given; with an AK/SK and no security token,
/// start() lays out the signature's headers and sign() fills them in place (the fast path). With a
/// provider, sign() asks it before every attempt and signs with that generation (authenticate()).
class Protocol {
 public:
  struct CallState {
    /// Where start() laid out the X-Sdk-Date and Authorization fields that sign() fills in place
    /// (AK/SK without a security token); 0 when sign() sets the headers itself.
    std::size_t dateField = 0;
  };

  /// `service` is the host label ("dis", "dms"); `endpointVariable` the environment variable read
  /// when the config names neither an endpoint nor a region.
  static Result<Protocol> create(HuaweiCredentials credentials, const HuaweiClientConfig& config,
                                 const char* service, const char* endpointVariable);
  /// With a provider: asks it once now (as the Huawei SDKs build credentials when a client is
  /// built, specs/credentials.md §B.1), so a chain that finds nothing fails here with its list of
  /// sources; the project id of that first generation goes into every path, and later generations
  /// must carry the same one.
  static Result<Protocol> create(std::shared_ptr<HuaweiCredentialsProvider> provider, const HuaweiClientConfig& config,
                                 const char* service, const char* endpointVariable);

  const delivery::detail::Runtime& runtime() const noexcept { return runtime_; }
  static const char* requestIdHeader() noexcept { return "X-Request-Id"; }
  void start(std::string_view operation, HttpRequest& http, CallState& state) const;
  Result<void> sign(HttpRequest& http, CallState& state, std::chrono::system_clock::time_point now) const;
  Result<void> judge(std::string_view operation, bool idempotent, const HttpResponse& response,
                     CallState& state) const;
  static std::string traceId(const CallState&) { return {}; }

  const std::string& endpointText() const noexcept { return endpointText_; }

 private:
  Endpoint endpoint_;
  std::string endpointText_;
  std::string pathPrefix_;  ///< "/v2/" + the encoded project id
  std::string host_;        ///< the Host header: the endpoint's authority
  HuaweiCredentials credentials_;  ///< with a provider: its first generation (whose project id is the client's)
  delivery::detail::HmacKey secretKey_;  ///< keyed once; empty with an IAM token
  /// start() lays out the signature's headers: fixed credentials, AK/SK, no security token.
  bool layOutSignature_ = false;
  delivery::detail::Runtime runtime_;

  /// A provider's generation with its signing key, prepared once per generation.
  struct Generation {
    std::shared_ptr<const Timed<HuaweiCredentials>> credentials;
    delivery::detail::HmacKey secretKey;  ///< empty with an IAM token
  };
  struct Provided {
    std::shared_ptr<HuaweiCredentialsProvider> provider;
    std::mutex mutex;                               // guards `last`
    std::shared_ptr<const Generation> last;         // the latest generation validated and keyed
  };
  std::shared_ptr<Provided> provided_;  ///< null with fixed credentials
  Result<std::shared_ptr<const Generation>> currentGeneration() const;
};

/// A client's state from either form of its create() (fixed credentials or a provider): the
/// protocol Protocol::create builds and checks, then Impl(protocol, config), the client's state
/// (derived from Protocol; it takes what the family's config adds).
template <typename Impl, typename Credentials, typename Config>
Result<std::shared_ptr<Impl>> createClientState(Credentials credentials, const Config& config, const char* service,
                                                const char* endpointVariable) {
  auto base = Protocol::create(std::move(credentials), config, service, endpointVariable);
  if (!base) return base.error();
  return std::make_shared<Impl>(std::move(base).value(), config);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail

/// Defines a Huawei client's two create() overloads (fixed credentials, a provider), which differ
/// only in what they hand to createClientState. Client's state type is Client::Impl.
#define DELIVERY_HUAWEI_CLIENT_CREATE(Client, Config, service, endpointVariable)                                   \
  DELIVERY_HUAWEI_CLIENT_CREATE_ONE_(Client, Config, ::delivery::huawei::HuaweiCredentials, service, endpointVariable) \
  DELIVERY_HUAWEI_CLIENT_CREATE_ONE_(Client, Config, std::shared_ptr<::delivery::huawei::HuaweiCredentialsProvider>,   \
                                     service, endpointVariable)
#define DELIVERY_HUAWEI_CLIENT_CREATE_ONE_(Client, Config, Credentials, service, endpointVariable)               \
  Result<Client> Client::create(Credentials credentials, Config config) {                                       \
    auto impl = ::delivery::huawei::detail::createClientState<Impl>(std::move(credentials), config, service,    \
                                                                   endpointVariable);                          \
    if (!impl) return impl.error();                                                                             \
    return Client(std::move(impl).value());                                                                     \
  }
