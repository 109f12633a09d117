#pragma once
// What DisClient and KafkaClient share (internal): endpoint resolution, JSON REST calls through
// the core pipeline with SDK-HMAC-SHA256 or IAM-token authentication, and Huawei error bodies.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/fields.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "delivery/core/http.h"
#include "delivery/huawei/client_config.h"
#include "delivery/huawei/credentials.h"

namespace delivery::huawei::detail {

/// Turns a response with status >= 400 into an Error: code and message from `error_code` /
/// `error_msg`, else `code` / `message`, else the first nested object carrying either pair, else
/// the raw body; request id from X-Request-Id (or a `request_id` body field).
Error errorFromResponse(const HttpResponse& response, bool idempotent);

struct Call {
  std::string_view operation;
  HttpMethod method = HttpMethod::Get;
  std::string path;  ///< after /v2/{project_id}, each segment already percent-encoded
  std::vector<std::pair<std::string, std::string>> query;
  std::string body;  ///< JSON, or empty
  bool idempotent = false;
};

class Service {
 public:
  /// `service` is the host label ("dis", "dms"); `endpointVariable` the environment variable read
  /// when the config names neither an endpoint nor a region.
  static Result<Service> create(HuaweiCredentials credentials, const HuaweiClientConfig& config,
                                const char* service, const char* endpointVariable);

  /// Sends the call; success is any 2xx response (returned for the caller to parse).
  Result<HttpResponse> call(const Call& call) const;

  const std::string& endpointText() const noexcept { return endpointText_; }

 private:
  Endpoint endpoint_;
  std::string endpointText_;
  HuaweiCredentials credentials_;
  delivery::detail::HmacKey secretKey_;  ///< keyed once; empty with an IAM token
  delivery::detail::Runtime runtime_;
};

/// Sends the call and reads a 2xx body with `decode` (std::string_view -> Result<Response>); the
/// response gets the X-Request-Id and the HTTP status. A body that cannot be read is an error
/// carrying both too.
template <typename Response, typename Decode>
Result<Response> callAndDecode(const Service& service, const Call& call, Decode decode) {
  auto http = service.call(call);
  if (!http) return http.error();
  Result<Response> decoded = decode(std::string_view(http->body));
  std::string requestId = delivery::detail::safeText(http->headers.get("X-Request-Id"), Error::kMaxRequestIdBytes);
  if (!decoded) {
    Error e = decoded.error();
    e.httpStatus = http->status;
    e.requestId = std::move(requestId);
    delivery::detail::makeOutsideTextSafe(e);
    return e;
  }
  delivery::detail::ResponseAccess::stamp(*decoded, std::move(requestId), http->status);
  return decoded;
}

/// For responses without a body to read.
template <typename Response>
Result<Response> ignoreBody(std::string_view) {
  return Response();
}

/// Percent-encodes one path segment.
std::string segment(std::string_view value);

}  // namespace delivery::huawei::detail
