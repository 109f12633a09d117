#pragma once
// Rewriting a request's headers in place (internal): what the signers do on every attempt.

#include <string_view>
#include <utility>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

struct HeadersAccess {
  using FieldView = std::pair<std::string_view, std::string_view>;

  /// Replaces every field of `headers` with copies of [first, last), in that order. The storage of
  /// the fields it replaces is reused, so setting the same names again (re-signing a request) does
  /// not allocate. The views must not point into `headers`.
  static void assign(Headers& headers, const FieldView* first, const FieldView* last) {
    headers.fields_.resize(static_cast<std::size_t>(last - first));
    for (Headers::Field& f : headers.fields_) {
      f.first.assign(first->first);
      f.second.assign(first->second);
      ++first;
    }
  }

  /// The value of the field at `index` (< headers.size()), to be written in place.
  static std::string& valueAt(Headers& headers, std::size_t index) { return headers.fields_[index].second; }
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
