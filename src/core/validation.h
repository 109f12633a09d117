#pragma once
// What every validate() ends with (internal).

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// Whether `s` contains an ASCII control character (below 0x20, or DEL).
inline bool hasControl(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

/// Bound for body strings whose vendor documents give no length (names, ids, free text): generous,
/// far above any real value, and small enough that a request stays a sensible size. In bytes.
inline constexpr std::size_t kMaxTextBytes = 65536;
/// Bounds for values that travel in HTTP headers or sign requests (see README "Input bounds").
inline constexpr std::size_t kMaxKeyBytes = 256;       ///< access key ids and secrets
inline constexpr std::size_t kMaxTokenBytes = 32768;   ///< STS security tokens and IAM tokens

/// A body string: valid UTF-8 (JSON and protobuf strings are UTF-8) of at most `maxBytes` bytes.
/// Adds one violation at `field` and returns false otherwise. The value is never quoted.
inline bool checkText(std::vector<FieldViolation>& out, const std::string& field, std::string_view value,
                      std::size_t maxBytes = kMaxTextBytes) {
  if (value.size() > maxBytes) {
    out.push_back({field, "must be at most " + std::to_string(maxBytes) + " bytes"});
    return false;
  }
  if (!isValidUtf8(value)) {
    out.push_back({field, "must be valid UTF-8"});
    return false;
  }
  return true;
}

/// A value that goes into a header or a signature: no control character (C0 or DEL: a NUL cuts
/// the header short, CR/LF split it) and at most `maxBytes` bytes. Adds one violation at `field`
/// and returns false otherwise. The value is never quoted: it may be a secret.
inline bool checkHeaderValue(std::vector<FieldViolation>& out, const std::string& field, std::string_view value,
                             std::size_t maxBytes) {
  if (value.size() > maxBytes) {
    out.push_back({field, "must be at most " + std::to_string(maxBytes) + " bytes"});
    return false;
  }
  if (hasControl(value)) {
    out.push_back({field, "must not contain control characters (NUL, CR, LF, ESC, DEL...)"});
    return false;
  }
  return true;
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

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
