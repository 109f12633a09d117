#pragma once

#include "delivery/export.h"
// The one seam between the SDK and the network. Implement it to route requests through your own
// HTTP stack, or use delivery::testing::MockTransport in unit tests.

#include "delivery/core/http.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN

/// Sends one HTTP request and returns the response.
///
/// Contract:
/// - Any HTTP status, 4xx and 5xx included, is a successful send: return the response.
/// - Return an Error only when no complete response was received: ErrorKind::Connect when the
///   request certainly did not leave (DNS failure, refused, connect timeout), ErrorKind::Timeout,
///   ErrorKind::Tls, or ErrorKind::Network for failures after the request may have been sent.
///   The retry logic relies on that distinction to never repeat a create that may have executed.
/// - Never send a request whose `idempotent` is false more than once per call to send(): HTTP
///   stacks that silently resend on a fresh connection when a kept-alive one dies must have that
///   turned off for such requests (CurlTransport does), and report ErrorKind::Network instead.
/// - send() is called concurrently from many threads when a client is shared; make it thread-safe.
class DELIVERY_API Transport {
 public:
  virtual ~Transport() = default;
  virtual Result<HttpResponse> send(const HttpRequest& request) = 0;  ///< Sends once; any HTTP status is a response, errors are transport failures.
};

DELIVERY_NAMESPACE_END
