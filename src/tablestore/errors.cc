#include "tablestore/errors.h"

#include "core/crypto.h"
#include "core/text.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {
namespace {

bool oneOf(std::string_view code, std::initializer_list<std::string_view> codes) {
  for (auto c : codes) {
    if (code == c) return true;
  }
  return false;
}

ErrorKind kindOf(std::string_view code, int httpStatus) {
  if (httpStatus == 429) return ErrorKind::Throttled;
  if (code == "OTSAuthFailed") return ErrorKind::Auth;
  if (oneOf(code, {"OTSServerBusy", "OTSStorageServerBusy", "OTSQuotaExhausted", "OTSNotEnoughCapacityUnit"})) {
    return ErrorKind::Throttled;
  }
  return ErrorKind::Service;
}

Error invalid(std::string message, const HttpResponse& response, bool retryable) {
  Error e(ErrorKind::InvalidResponse, std::move(message));
  e.httpStatus = response.status;
  e.requestId = response.headers.get("x-ots-requestid");
  e.retryable = retryable;
  return e;
}

}  // namespace

bool retryableServiceError(std::string_view code, std::string_view message, int httpStatus, bool idempotent) {
  // Retried for any action: the service reports that it did not execute the request.
  if (oneOf(code, {"OTSRowOperationConflict", "OTSNotEnoughCapacityUnit", "OTSTableNotReady",
                   "OTSPartitionUnavailable", "OTSServerBusy", "OTSStorageServerBusy"})) {
    return true;
  }
  if (code == "OTSQuotaExhausted" && message == "Too frequent table operations.") return true;
  // 429 Too Many Requests: the call was turned away before it was executed (as the Huawei clients
  // treat it too).
  if (httpStatus == 429) return true;
  // The request may have executed: only idempotent actions are repeated.
  if (!idempotent) return false;
  if (oneOf(code, {"OTSTimeout", "OTSInternalServerError", "OTSServerUnavailable", "OTSTunnelServerUnavailable"})) {
    return true;
  }
  return httpStatus >= 500 && httpStatus <= 599;
}

Result<void> checkResponse(std::string_view action, bool idempotent, const HttpResponse& response,
                           const ResponseChecks& checks) {
  const Headers& h = response.headers;
  const bool success = response.status >= 200 && response.status < 300;
  if (!success) {
    if (response.status == 301) {
      Error e(ErrorKind::Service, "Tablestore redirected the request to " +
                                      delivery::detail::safeText(h.get("location"), 256) + "; use that endpoint");
      e.httpStatus = 301;
      return e;
    }
    if (!h.contains("x-ots-requestid")) {
      // The answer did not come from Tablestore (a proxy or load balancer in between).
      Error e(ErrorKind::Service, "Tablestore returned HTTP " + std::to_string(response.status) +
                                      " without x-ots-requestid (not an answer from Tablestore): " +
                                      delivery::detail::safeText(response.body, 200));
      e.httpStatus = response.status;
      e.retryable = idempotent || response.status == 429;
      if (response.status == 429) e.kind = ErrorKind::Throttled;
      return e;
    }
    Error e;
    e.httpStatus = response.status;
    e.requestId = h.get("x-ots-requestid");
    if (!decodeError(response.body, e.code, e.message)) {
      // As the Go SDK does for a body that is not an Error message.
      e.code = response.status >= 500 ? "OTSServerUnavailable" : "OTSClientUnknownError";
      e.message = delivery::detail::safeText(response.body, 512);
    }
    e.kind = kindOf(e.code, response.status);
    e.retryable = retryableServiceError(e.code, e.message, response.status, idempotent);
    return e;
  }

  if (!h.contains("x-ots-requestid")) {
    return invalid("response lacks the x-ots-requestid header", response, idempotent);
  }
  if (h.contains("x-ots-response-compress-type")) {
    return invalid("response is compressed, which this client never asks for", response, idempotent);
  }
  if (checks.verifyAuthorization) {
    std::string why = checkResponseAuthorization(action, h, checks.secretKey);
    if (!why.empty()) {
      Error e = invalid(std::move(why), response, idempotent);
      e.kind = ErrorKind::Auth;
      return e;
    }
  }
  if (checks.verifyContentMd5) {
    if (const std::string* md5 = h.find("x-ots-contentmd5")) {
      char digestText[delivery::detail::kBase64Md5Length];
      delivery::detail::base64Md5Into(response.body, digestText);
      const std::string_view actual(digestText, sizeof digestText);
      if (*md5 != actual) {
        return invalid("response body does not match its x-ots-contentmd5 (expected " +
                           delivery::detail::safeText(*md5, 64) + ", body hashes to " + std::string(actual) + ")",
                       response, idempotent);
      }
    }
  }
  return {};
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
