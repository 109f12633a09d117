#pragma once
// What Huawei Cloud's API gateway does in front of DIS and DMS (Kafka), written from
// the Huawei dump-task specification §3-§5: SDK-HMAC-SHA256 verification (§3.2-§3.5),
// X-Sdk-Date within 15 minutes, the X-Auth-Token alternative (§4), the project id in the path and in
// X-Project-Id (§3.6, §6), the error body {"error_code","error_msg"} and X-Request-Id (§5).
// Uses only core/crypto.h, core/text.h and RapidJSON; nothing of the SDK's Huawei code.

#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/http.h"
#include "emulator/backend.h"

namespace delivery::emulator {

struct HuaweiEmulatorCredentials {
  std::string accessKey = "emulator-ak";
  std::string secretKey = "emulator-sk";
  std::string projectId = "emulator-project";
  std::string authToken = "emulator-iam-token";  ///< the IAM token accepted as X-Auth-Token
  std::string defaultConnectorId = "emulator-connector";
};

namespace huawei_gateway {

/// `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>` (§3.3).
struct SignedAuthorization {
  std::string accessKey;
  std::vector<std::string> signedHeaders;  ///< as listed (lower case, ';'-separated on the wire)
  std::string signature;                   ///< lower-case hex
};

/// False when the value is not of the form above.
bool parseAuthorization(std::string_view value, SignedAuthorization& out);

/// §3.2: method, canonical URI (each segment of the path as sent decoded and re-encoded, a trailing
/// '/'), canonical query (encoded, sorted by key then value), the listed headers ("name:value\n",
/// value trimmed), the signed-header list, the hex SHA-256 of the body (or X-Sdk-Content-Sha256).
/// `missing` receives the first signed header the request does not carry.
std::string canonicalRequest(const HttpRequest& request, const std::vector<std::string>& signedHeaders,
                             std::string* missing = nullptr);

/// §3.3: lower-case hex HMAC-SHA256(SK, "SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256(canonical)>").
std::string signature(const std::string& secretKey, const std::string& sdkDate, const std::string& canonical);

/// Empty when the request may proceed, else why not (for a 401 APIGW.0301 message; never echoes a
/// token or a secret). `pathProject` is the {project_id} segment of the path.
std::string authenticate(const HttpRequest& request, const HuaweiEmulatorCredentials& credentials,
                         const std::string& pathProject);

/// The path's segments after the leading '/': "/v2/p/streams" -> {"v2", "p", "streams"}.
std::vector<std::string> splitPath(const std::string& path);

/// A JSON reply (Content-Type application/json when there is a body).
Reply jsonReply(int status, std::string body);
/// The Huawei error body {"error_code":code,"error_msg":message} (§5).
Reply errorReply(int status, const std::string& code, const std::string& message);
/// Adds the X-Request-Id header every reply carries (§5): 32 hex digits.
void addRequestId(Reply& reply);

/// Milliseconds since the epoch, now.
std::int64_t nowMillis();

}  // namespace huawei_gateway
}  // namespace delivery::emulator
