#pragma once
// What the examples share: a DeliveryClient built from environment variables.
//
//   TABLESTORE_ENDPOINT   e.g. https://myinstance.cn-hangzhou.ots.aliyuncs.com (or the emulator's URL)
//   TABLESTORE_INSTANCE   the instance name, e.g. myinstance
//   ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN (optional)
//   DELIVERY_LOG          optional: trace, debug, info, warn or error, to log requests to stderr

#include <delivery/tablestore/client.h>

#include <string>

#include "example_env.h"

namespace example {

inline delivery::Result<delivery::tablestore::DeliveryClient> clientFromEnvironment() {
  const std::string endpoint = env("TABLESTORE_ENDPOINT");
  const std::string instance = env("TABLESTORE_INSTANCE");
  delivery::Error missing(delivery::ErrorKind::InvalidArgument, "set the environment variables below");
  if (endpoint.empty()) missing.violations.push_back({"TABLESTORE_ENDPOINT", "is not set"});
  if (instance.empty()) missing.violations.push_back({"TABLESTORE_INSTANCE", "is not set"});
  auto credentials = delivery::Credentials::fromAlibabaCloudEnvironment();
  if (!credentials) {
    for (const auto& v : credentials.error().violations) missing.violations.push_back(v);
  }
  if (!missing.violations.empty()) return missing;

  delivery::tablestore::DeliveryClientConfig config;
  config.logger = delivery::loggerFromEnvironment();
  return delivery::tablestore::DeliveryClient::create(endpoint, instance, credentials.value(), config);
}

}  // namespace example
