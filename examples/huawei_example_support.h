#pragma once
// What the Huawei Cloud examples share: credentials and client settings from the environment.
//
//   HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK      access key pair (SDK-HMAC-SHA256 signing)
//   HUAWEICLOUD_SDK_SECURITY_TOKEN              optional, with temporary keys
//   HUAWEICLOUD_SDK_PROJECT_ID                  the region's project id
//   HUAWEICLOUD_DIS_ENDPOINT / HUAWEICLOUD_DMS_ENDPOINT   an explicit endpoint (e.g. the emulator's)
//   HUAWEICLOUD_SDK_REGION                      otherwise the region (default cn-north-4)
//   DELIVERY_LOG                                optional: trace, debug, info, warn or error

#include <delivery/core/logging.h>
#include <delivery/huawei/client_config.h>
#include <delivery/huawei/credentials.h>

#include <string>

#include "example_env.h"

namespace example {

/// Fills the region unless the service's endpoint variable is set (the client reads that itself).
inline void configureHuawei(delivery::huawei::HuaweiClientConfig& config, const char* endpointVariable) {
  if (env(endpointVariable).empty()) config.region = env("HUAWEICLOUD_SDK_REGION", "cn-north-4");
  config.logger = delivery::loggerFromEnvironment();
}

}  // namespace example
