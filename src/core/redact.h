#pragma once
// What may appear in logs and dumps (internal).

#include <string>
#include <string_view>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

inline constexpr const char* kRedacted = "<redacted>";

/// True for headers whose values are safe to log. Everything else, Authorization, signatures and
/// tokens included, is logged as <redacted>: an allow-list, so that a new secret header is safe
/// by default.
bool isLoggableHeader(std::string_view name) noexcept;

/// "name: value" lines, one per field, non-loggable values replaced.
std::string redactedHeaders(const Headers& headers);

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
