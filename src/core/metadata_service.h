#pragma once
// What the two clouds' instance-metadata credential sources share (internal): where the service is,
// how it is reached, and when it counts as not there at all.

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>

#include "delivery/core/curl_transport.h"
#include "delivery/core/http.h"
#include "delivery/core/result.h"

namespace delivery::detail {

/// The service's address: `option` when set, else the variable `testVariable` (documented as for
/// tests), else `fixedAddress`. A malformed one is an InvalidArgument error naming where it came from.
inline Result<Endpoint> metadataEndpoint(const std::string& option, const char* optionName, const char* testVariable,
                                         const char* fixedAddress) {
  std::string url = option;
  std::string from = optionName;
  if (url.empty()) {
    if (const char* v = std::getenv(testVariable)) url = v;
    from = testVariable;
  }
  if (url.empty()) url = fixedAddress;
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

}  // namespace delivery::detail
