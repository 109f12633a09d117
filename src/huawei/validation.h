#pragma once
// Rules the DIS and DMS Kafka requests share (internal).

#include <algorithm>
#include <string>
#include <vector>

#include "delivery/core/result.h"

namespace delivery::huawei::detail {

/// OBS bucket naming: 3 to 63 characters of lowercase letters, digits, '-' and '.'.
inline void checkObsBucket(std::vector<FieldViolation>& out, const std::string& field, const std::string& bucket) {
  if (bucket.empty()) {
    out.push_back({field, "is required"});
    return;
  }
  if (bucket.size() < 3 || bucket.size() > 63) out.push_back({field, "must be 3 to 63 characters long"});
  if (!std::all_of(bucket.begin(), bucket.end(),
                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; })) {
    out.push_back({field, "may contain only lowercase letters, digits, '-' and '.'"});
  }
}

}  // namespace delivery::huawei::detail
