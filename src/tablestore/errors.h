#pragma once
// How Tablestore responses become success or an Error, and which errors are retried (internal).

#include <string>
#include <string_view>

#include "core/crypto.h"
#include "delivery/core/http.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {

struct ResponseChecks {
  const delivery::detail::HmacKey& secretKey;  ///< the client's precomputed key (SigningContext::secretKey)
  bool verifyAuthorization = true;
  bool verifyContentMd5 = true;
};

/// Success for a 2xx response that passes the integrity checks (x-ots-requestid present, body MD5
/// when x-ots-contentmd5 is sent, authorization when enabled); otherwise the Error, with
/// `retryable` decided by the rules in client.h.
Result<void> checkResponse(std::string_view action, bool idempotent, const HttpResponse& response,
                           const ResponseChecks& checks);

/// The Java SDK's DefaultRetryStrategy: is an error with this code/message/status worth retrying?
bool retryableServiceError(std::string_view code, std::string_view message, int httpStatus, bool idempotent);

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
