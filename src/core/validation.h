#pragma once
// What every validate() ends with (internal).

#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/result.h"

namespace delivery::detail {

/// Whether `s` contains an ASCII control character (below 0x20, or DEL).
inline bool hasControl(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

/// Success when `violations` is empty; otherwise one InvalidArgument error, "<what> is invalid
/// (N problems)", carrying them all.
inline Result<void> toValidationResult(std::vector<FieldViolation> violations, std::string_view what) {
  if (violations.empty()) return {};
  Error e(ErrorKind::InvalidArgument, std::string(what) + " is invalid (" + std::to_string(violations.size()) +
                                          (violations.size() == 1 ? " problem)" : " problems)"));
  e.violations = std::move(violations);
  return e;
}

}  // namespace delivery::detail
