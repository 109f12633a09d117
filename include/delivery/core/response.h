#pragma once

#include "delivery/export.h"
// What every response of every family carries, read-only.

#include <string>

DELIVERY_NAMESPACE_BEGIN

namespace detail {
struct ResponseAccess;  // lets the SDK's generic call stamp these (internal)
}

/// The base of every operation's response.
class ResponseMetadata {
 public:
  /// The service's request id (x-ots-requestid for Tablestore, X-Request-Id for Huawei Cloud).
  const std::string& getRequestId() const noexcept { return requestId_; }
  /// The HTTP status of the response that succeeded (200, 201, 204...).
  int getHttpStatus() const noexcept { return httpStatus_; }
  /// The id this SDK sent with the call to trace it, where the service has one (Tablestore's
  /// x-ots-sdk-traceid, the same on every retry); empty otherwise.
  const std::string& getTraceId() const noexcept { return traceId_; }

 private:
  friend struct detail::ResponseAccess;
  std::string requestId_;
  std::string traceId_;
  int httpStatus_ = 0;
};

DELIVERY_NAMESPACE_END
