#pragma once

#include "delivery/export.h"
// Settings shared by the Huawei Cloud clients (DisClient, KafkaClient).

#include <string>

#include "delivery/core/client_config.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {

/// Settings of the DIS and Kafka clients: ClientConfig plus where the service is (region or
/// endpoint) and the credentials to sign with.
struct HuaweiClientConfig : ClientConfig {
  /// Region id, e.g. "cn-north-4": the endpoint becomes `https://<service>.<region>.myhuaweicloud.com`.
  std::string region;
  /// An explicit endpoint URL (http(s)://host[:port]); wins over `region`. When both are empty the
  /// client reads the service's endpoint variable (HUAWEICLOUD_DIS_ENDPOINT / HUAWEICLOUD_DMS_ENDPOINT).
  std::string endpoint;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
