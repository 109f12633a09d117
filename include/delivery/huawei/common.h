#pragma once

#include "delivery/export.h"
// Types the DIS and DMS Kafka families share.

#include "delivery/core/enum.h"
#include "delivery/core/response.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {

/// Time directories under an OBS path: "yyyy" ... "yyyy/MM/dd/HH/mm" (both services use the same set).
#define DELIVERY_HUAWEI_PARTITION_FORMAT(X) \
  X(YYYY, "yyyy")                           \
  X(YYYY_MM, "yyyy/MM")                     \
  X(YYYY_MM_DD, "yyyy/MM/dd")               \
  X(YYYY_MM_DD_HH, "yyyy/MM/dd/HH")         \
  X(YYYY_MM_DD_HH_MM, "yyyy/MM/dd/HH/mm")
/// Time directories of dumped objects, from "yyyy" to "yyyy/MM/dd/HH/mm" (DIS and Kafka).
DELIVERY_ENUM(PartitionFormat, DELIVERY_HUAWEI_PARTITION_FORMAT)

/// What every Huawei Cloud response carries: X-Request-Id and the HTTP status (no trace id).
using HuaweiResponse = ResponseMetadata;

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
