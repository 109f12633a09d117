#include "delivery/huawei/common.h"

namespace delivery::huawei {

const char* toString(PartitionFormat v) noexcept {
  switch (v) {
    case PartitionFormat::YYYY: return "yyyy";
    case PartitionFormat::YYYY_MM: return "yyyy/MM";
    case PartitionFormat::YYYY_MM_DD: return "yyyy/MM/dd";
    case PartitionFormat::YYYY_MM_DD_HH: return "yyyy/MM/dd/HH";
    case PartitionFormat::YYYY_MM_DD_HH_MM: return "yyyy/MM/dd/HH/mm";
  }
  return "";
}

}  // namespace delivery::huawei
