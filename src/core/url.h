#pragma once
// Writing endpoints and request URLs into a caller's buffer (internal): the transport rebuilds
// the URL of every request into one reused string.

#include <string>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// Appends "host" or "host:port", an IPv6 host in brackets (Endpoint::authority()).
void appendAuthority(const Endpoint& endpoint, std::string& out);
/// Appends the full URL with the query percent-encoded (HttpRequest::url()).
void appendUrl(const HttpRequest& request, std::string& out);

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
