#pragma once

#define DELIVERY_VERSION_MAJOR 0
#define DELIVERY_VERSION_MINOR 1
#define DELIVERY_VERSION_PATCH 0
#define DELIVERY_VERSION_STRING "0.1.0"

namespace delivery {
/// The SDK's version, e.g. "0.1.0"; also sent in the User-Agent header.
inline constexpr const char* kVersion = DELIVERY_VERSION_STRING;
}  // namespace delivery
