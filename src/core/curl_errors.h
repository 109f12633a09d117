#pragma once
// How a libcurl failure maps to an ErrorKind (internal; kept apart so that the table can be tested
// code by code).

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// The kind of a failed transfer's CURLcode. `requestStarted` says whether libcurl had begun to
/// send the request (its pre-request callback ran). Before that, the request certainly did not
/// leave: InvalidArgument, Connect, Tls or Internal. After it, the request may have reached the
/// server: never InvalidArgument or Connect, but Timeout, InvalidResponse (the server's reply was
/// not HTTP that libcurl accepts) or Network.
ErrorKind curlErrorKind(int code, bool requestStarted) noexcept;

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
