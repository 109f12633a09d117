#pragma once
// Tablestore request signing (V2 HMAC-SHA1, V4 HMAC-SHA256) and the response authorization check
// (internal). Algorithms: specs/tablestore-delivery.md sections 3 and 4.1.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "delivery/core/credentials.h"
#include "delivery/core/http.h"
#include "delivery/tablestore/client.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {

inline constexpr const char* kApiVersion = "2015-12-31";

struct SigningContext {
  Credentials credentials;
  std::string instanceName;
  SignatureVersion version = SignatureVersion::V2;
  std::string region;  ///< V4 only
  std::string userAgent;
  /// x-ots-trace-threshold (DeliveryClientConfig::timeThresholdOfServerTracer as decimal text);
  /// empty: the header is not sent.
  std::string traceThreshold;

  /// Precomputes the keyed HMAC state of the secret (and, for V4, caches the derived key of the
  /// current day), so that signing a request or checking a response hashes only the message.
  /// Optional: without it every call derives the keys again. Call after setting the fields above.
  void prepare();

  delivery::detail::HmacKey secretKey;  ///< HMAC-SHA1 keyed with the secret (V2, responses)
  struct V4Cache {
    std::mutex mutex;
    std::string date;
    delivery::detail::HmacKey key;          ///< HMAC-SHA256 keyed with the day's Base64 signing key
    delivery::detail::HmacKey responseKey;  ///< HMAC-SHA1 keyed with the same text (responses)
  };
  std::shared_ptr<V4Cache> v4;
};

/// The key that checks the `authorization` of a response to a V4-signed request of UTC day `day`
/// ("yyyyMMdd"): HMAC-SHA1 keyed with the Base64 text of that day's derived V4 signing key, not
/// with the secret. The Java SDK (5.17) does this: OTSValidationResponseHandler signs with
/// credentials.getAccessKeySecret(), which V4Credentials answers with the derived key.
delivery::detail::HmacKey v4ResponseKey(const SigningContext& context, std::string_view day);


/// What a V4 signature leaves for checking its response: the UTC day it was signed on
/// ("yyyyMMdd") and that day's response key (see v4ResponseKey), taken with the signing key.
struct V4Signed {
  char day[8];
  delivery::detail::HmacKey responseKey;
};

/// Sets every header a request carries (x-ots-date from `now`, apiversion, accesskeyid,
/// instancename, contentmd5, ststoken when present, sdk-traceid, trace-threshold when the context
/// has one, User-Agent) and the signature,
/// replacing every header of an earlier attempt (in place: re-signing allocates nothing).
/// `contentMd5` is Base64(MD5(body)); neither view may point into `request`. With V4 and a
/// non-null `v4`, also fills `v4` (without formatting the date or taking the key cache twice).
void signRequest(HttpRequest& request, std::string_view action, const SigningContext& context,
                 std::chrono::system_clock::time_point now, std::string_view contentMd5, std::string_view traceId,
                 V4Signed* v4 = nullptr);

/// "/" + action + "\nPOST\n\n" + the sorted, trimmed "name:value\n" lines of every x-ots-* header
/// except the signatures.
std::string canonicalString(std::string_view action, const Headers& headers);
/// Base64(HMAC-SHA1(secret, stringToSign)).
std::string signV2(std::string_view secret, std::string_view stringToSign);
/// The Base64 text of the V4 derived key for a UTC date "yyyyMMdd" and a region.
std::string v4SigningKey(std::string_view secret, std::string_view date, std::string_view region);
/// Base64(HMAC-SHA256(signingKey text, stringToSign + "ots")).
std::string signV4(std::string_view signingKey, std::string_view stringToSign);

/// The string a response's `authorization` signs: its x-ots-* headers "name:value\n", sorted,
/// then "/" + action (no newline).
std::string responseCanonicalString(std::string_view action, const Headers& headers);
/// Empty when the headers carry a valid authorization for `action`; otherwise why not.
std::string checkResponseAuthorization(std::string_view action, const Headers& headers, std::string_view secret);
/// The same with a precomputed key (SigningContext::secretKey).
std::string checkResponseAuthorization(std::string_view action, const Headers& headers,
                                       const delivery::detail::HmacKey& secretKey);

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
