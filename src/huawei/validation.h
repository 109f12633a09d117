#pragma once
// Rules the DIS and DMS Kafka requests share (internal).

#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

/// Whether every character of `s` is an ASCII letter, a digit or one of `extra`.
inline bool allOf(std::string_view s, std::string_view extra) {
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           extra.find(c) != std::string_view::npos;
  });
}

/// OBS bucket naming: 3 to 63 characters of lowercase letters, digits, '-' and '.'.
/// OBS bucket naming: 3 to 63 lowercase letters, digits, '-' and '.'. The field's path is
/// built only when there is a violation (`field` is a Path, or a string).
template <typename Field>
void checkObsBucket(std::vector<FieldViolation>& out, const Field& field, const std::string& bucket) {
  auto name = [&]() -> std::string {
    if constexpr (std::is_convertible_v<const Field&, std::string>) {
      return field;
    } else {
      return field.str();
    }
  };
  if (bucket.empty()) {
    out.push_back({name(), "is required"});
    return;
  }
  if (bucket.size() < 3 || bucket.size() > 63) out.push_back({name(), "must be 3 to 63 characters long"});
  if (!std::all_of(bucket.begin(), bucket.end(),
                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; })) {
    out.push_back({name(), "may contain only lowercase letters, digits, '-' and '.'"});
  }
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
