#pragma once
// Tablestore request authentication and response signing as the service does them, written from
// the Tablestore delivery-task specification section 3 (request: V2, V4, date, Content-MD5, STS) and
// 4.1 (response authorization). Only core crypto and text utilities are used; the SDK's signer is
// not: the emulator checks the SDK's signatures with its own reading of the spec.

#include <chrono>
#include <string>
#include <string_view>

#include "delivery/core/credentials.h"
#include "delivery/core/http.h"

namespace delivery::emulator::ots {

/// x-ots-apiversion (spec 3.1).
inline constexpr std::string_view kApiVersion = "2015-12-31";

/// The request string to sign (spec 3.2 step 5): "/" + action, "\nPOST\n", an empty query line,
/// then one "name:value\n" line per x-ots-* header except x-ots-signature and x-ots-signaturev4,
/// names in lower case, values trimmed, sorted by name. False, with `why`, when an x-ots-* header
/// appears more than once (the string would be ambiguous).
bool requestStringToSign(std::string_view action, const Headers& headers, std::string& out, std::string& why);

/// V2 (spec 3.2 step 6): Base64(HMAC-SHA1(key, text)).
std::string signV2(std::string_view key, std::string_view text);
/// V4 derived key (spec 3.6 step 2): Base64 of HMAC-SHA256 chained over "aliyun_v4" + secret, the
/// day (yyyyMMdd), the region, "ots" and "aliyun_v4_request".
std::string v4SigningKey(std::string_view secret, std::string_view day, std::string_view region);
/// V4 signature (spec 3.6 steps 4-5): Base64(HMAC-SHA256(key = the Base64 key text, text + "ots")).
std::string signV4(std::string_view signingKey, std::string_view text);

/// The response string to sign (spec 4.1 step 4): "name:value\n" for every x-ots-* response header
/// (lower-case names, values as they are, sorted by name), then "/" + action, no final newline.
std::string responseStringToSign(std::string_view action, const Headers& headers);
/// The `authorization` header of a response: "OTS <access key id>:<signV2(key, string)>". `key` is
/// the secret, or for an answer to a V4-signed request the V4 signing key (spec 4.1, V4 caveat).
std::string responseAuthorization(std::string_view accessKeyId, std::string_view key, std::string_view action,
                                  const Headers& headers);

/// Checks a request as the service does (spec 3): the required headers, the API version, the
/// access key id, the STS token when `credentials` has one, Content-MD5 against the body, the
/// date (ISO 8601 UTC, at most 15 minutes from `now`) and the V2 or V4 signature. Returns why it
/// fails (never a secret), or an empty string when the request is authentic.
std::string verifyRequest(std::string_view action, const HttpRequest& request, const Credentials& credentials,
                          std::chrono::system_clock::time_point now);

}  // namespace delivery::emulator::ots
