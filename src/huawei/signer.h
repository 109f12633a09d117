#pragma once
// Huawei Cloud SDK-HMAC-SHA256 request signing (internal). Algorithm: specs/huawei-dump-tasks.md §3.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "delivery/core/http.h"
#include "delivery/huawei/credentials.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

inline constexpr std::string_view kAlgorithm = "SDK-HMAC-SHA256";

/// The path with every segment percent-encoded (after decoding) and a trailing '/'.
std::string canonicalUri(std::string_view path);
/// Query pairs percent-encoded, sorted by key then value, joined with '&'.
std::string canonicalQueryString(const std::vector<std::pair<std::string, std::string>>& query);
/// The headers this SDK signs when present: host, x-sdk-date, x-project-id, x-security-token
/// (lower-case, sorted).
std::vector<std::string> signedHeaderNames(const Headers& headers);
/// Method, canonical URI, query, "name:value\n" lines for `signedHeaders` (values trimmed), the
/// ';'-joined names, and the body hash (X-Sdk-Content-Sha256 when present, else hex SHA-256).
/// A signed header absent from `headers` takes an empty value ("host" falls back to the endpoint).
std::string canonicalRequest(const HttpRequest& request, const std::vector<std::string>& signedHeaders);
/// "SDK-HMAC-SHA256\n<date>\n<hex sha256(canonical request)>"
std::string stringToSign(std::string_view sdkDate, std::string_view canonicalRequest);
/// Lower-case hex HMAC-SHA256(secret key, string to sign).
std::string signature(std::string_view secretKey, std::string_view stringToSign);
/// "SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<a;b>, Signature=<hex>"
std::string authorizationHeader(std::string_view accessKey, const std::vector<std::string>& signedHeaders,
                                std::string_view signature);

/// Signs `request` in place for `now`: sets Host, X-Sdk-Date, X-Project-Id, X-Security-Token (when
/// present) and Authorization. With an IAM token, sets X-Auth-Token and X-Project-Id and no signature.
/// `secretKey`, when given, is the HMAC-SHA256 key of credentials.secretKey prepared once (a client
/// signs every request with it); without it the key is derived for this call.
void authenticate(HttpRequest& request, const HuaweiCredentials& credentials, std::chrono::system_clock::time_point now,
                  const delivery::detail::HmacKey* secretKey = nullptr);

/// The AK/SK signature alone, for a request whose headers the caller laid out ahead of time
/// (Protocol::start): X-Project-Id = credentials.projectId, Host = `host`, no security token, and
/// whose X-Sdk-Date and Authorization values are `date` and `authorization`. Writes those two in
/// place, so signing again (each attempt, each call on a reused request) reuses their storage. The
/// same text as authenticate() for such a request.
void signInPlace(const HttpRequest& request, const HuaweiCredentials& credentials, std::string_view host,
                 std::chrono::system_clock::time_point now, const delivery::detail::HmacKey& secretKey, std::string& date,
                 std::string& authorization);

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
