#pragma once
// Walking a message's field table (internal): the generic validation every family runs, the
// field paths violations carry, and the access the readers need to fill read-only responses.
//
// Field-path convention (every family): the wire names joined by '.', list items as [i], e.g.
// "obs_destination_descriptor.processing_schema.timestamp_format" or "task_config.parquet_schema[2].oss_column_name".
// URL parameters go by their API names ("stream_name", "connector_id").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/validation.h"
#include "delivery/core/enum.h"
#include "delivery/core/message.h"
#include "delivery/core/response.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

struct FieldAccess {
  /// Calls visit(const field::Info&, member&) for each field of `message`, in table order.
  template <typename T, typename V>
  static void visit(T& message, V&& visit) {
    std::remove_const_t<T>::visitFields_(message, visit);
  }

  template <typename T, typename = void>
  struct IsMessage : std::false_type {};
  template <typename T>
  struct IsMessage<T, std::void_t<decltype(&T::template visitFields_<T, int>)>> : std::true_type {};
};

/// Whether T was declared with DELIVERY_MESSAGE.
template <typename T>
inline constexpr bool isMessage = FieldAccess::IsMessage<T>::value;

template <typename T, typename = void>
struct IsEnumWithTable : std::false_type {};
template <typename T>
struct IsEnumWithTable<T, std::void_t<EnumTableOf<T>>> : std::true_type {};
template <typename T>
inline constexpr bool isTableEnum = std::is_enum_v<T> && IsEnumWithTable<T>::value;

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsVector : std::false_type {};
template <typename T, typename A>
struct IsVector<std::vector<T, A>> : std::true_type {};

/// Sets the ids and status every response carries.
struct ResponseAccess {
  static void stamp(ResponseMetadata& r, std::string requestId, int httpStatus, std::string traceId = {}) {
    r.requestId_ = std::move(requestId);
    r.httpStatus_ = httpStatus;
    r.traceId_ = std::move(traceId);
  }
};

/// A field path that is turned into text only when a violation needs it: a chain of nodes on the
/// stack, each a wire name or a list index.
class Path {
 public:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  Path() = default;
  explicit Path(std::string_view root) : name_(root) {}
  Path(const Path& parent, std::string_view name) : parent_(&parent), name_(name) {}
  Path(const Path& parent, std::size_t index) : parent_(&parent), index_(index) {}

  std::string str() const {
    std::string out = parent_ ? parent_->str() : std::string();
    if (index_ != kNoIndex) {
      out += '[';
      out += std::to_string(index_);
      out += ']';
    } else if (!name_.empty()) {
      if (!out.empty()) out += '.';
      out += name_;
    }
    return out;
  }

 private:
  const Path* parent_ = nullptr;
  std::string_view name_;
  std::size_t index_ = kNoIndex;
};

/// Hand-written rules of a message (fields that depend on each other) are found by
/// argument-dependent lookup: `void checkCrossRules(const T&, const Path&, std::vector<FieldViolation>&)`.
template <typename T, typename = void>
struct HasCrossRules : std::false_type {};
template <typename T>
struct HasCrossRules<T, std::void_t<decltype(checkCrossRules(std::declval<const T&>(), std::declval<const Path&>(),
                                                             std::declval<std::vector<FieldViolation>&>()))>>
    : std::true_type {};

template <typename T>
void checkMessage(const T& message, const Path& path, std::vector<FieldViolation>& out);

// Violations are the rare case: they are built out of line, so the checks of valid values stay small
// enough to inline into each message's walk.
[[gnu::cold, gnu::noinline]] inline void addViolation(const Path& path, const char* message,
                                                      std::vector<FieldViolation>& out) {
  out.push_back({path.str(), message});
}
[[gnu::cold, gnu::noinline]] inline void addSizeViolation(const field::Rule& rule, const Path& path,
                                                          std::vector<FieldViolation>& out) {
  out.push_back({path.str(), rule.sizeSays ? std::string(rule.sizeSays)
                             : rule.says  ? std::string(rule.says)
                                       : rule.minSize > 1 ? "must be " + std::to_string(rule.minSize) + " to " +
                                                                std::to_string(rule.maxSize) + " bytes"
                                                          : "must be at most " + std::to_string(rule.maxSize) + " bytes"});
}
[[gnu::cold, gnu::noinline]] inline void addRangeViolation(const field::Rule& rule, const Path& path,
                                                           std::vector<FieldViolation>& out) {
  out.push_back({path.str(), rule.says ? std::string(rule.says)
                                       : "must be between " + std::to_string(rule.minValue) + " and " +
                                             std::to_string(rule.maxValue)});
}
[[gnu::cold, gnu::noinline]] inline void addCountViolation(const field::Rule& rule, const Path& path,
                                                           std::vector<FieldViolation>& out) {
  out.push_back({path.str(), rule.says ? std::string(rule.says)
                                       : "must have " + std::to_string(rule.minSize) + " to " +
                                             std::to_string(rule.maxSize) + " items"});
}
[[gnu::cold, gnu::noinline]] inline void addEnumViolation(const char* says, const char* enumName, const Path& path,
                                                          std::vector<FieldViolation>& out) {
  out.push_back({path.str(), says != nullptr ? std::string(says) : std::string("is not a known ") + enumName});
}

/// The simple rules of one value. Inlined into the walk, where the field's rule is a constant, so
/// only the checks that rule asks for remain.
template <typename T>
[[gnu::always_inline]] inline void checkValue(const field::Rule& rule, const Path& path, const T& value, std::vector<FieldViolation>& out) {
  if constexpr (IsOptional<T>::value) {
    if (!value) {
      if (rule.required) addViolation(path, rule.missing ? rule.missing : "is required", out);
      return;
    }
    checkValue(rule, path, *value, out);
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (value.empty()) {
      if (rule.required) addViolation(path, rule.missing ? rule.missing : "is required", out);
      return;
    }
    if (rule.check != nullptr) {
      rule.check(value, path, out);
      return;
    }
    if (value.size() < rule.minSize || value.size() > rule.maxSize) {
      addSizeViolation(rule, path, out);
      return;
    }
    if (!rule.allowed.empty()) {
      bool ok = true;
      for (char c : value) ok &= rule.allowed.contains(static_cast<unsigned char>(c));
      if (!ok) {
        addViolation(path, rule.says ? rule.says : "contains a character that is not allowed", out);
      }
      return;
    }
    if (!isValidUtf8(value)) addViolation(path, "must be valid UTF-8", out);
  } else if constexpr (std::is_same_v<T, bool>) {
    (void)rule;
  } else if constexpr (std::is_integral_v<T>) {
    const auto v = static_cast<std::int64_t>(value);
    if (v < rule.minValue || v > rule.maxValue) addRangeViolation(rule, path, out);
  } else if constexpr (std::is_enum_v<T>) {
    if (!isKnownEnum(value)) addEnumViolation(rule.says, EnumTableOf<T>::name, path, out);
  } else if constexpr (IsVector<T>::value) {
    if ((rule.required || !value.empty()) && (value.size() < rule.minSize || value.size() > rule.maxSize)) {
      addCountViolation(rule, path, out);
    }
    for (std::size_t i = 0; i < value.size(); ++i) checkValue(field::any(), Path(path, i), value[i], out);
  } else {
    static_assert(isMessage<T>, "a field of a message must be a string, number, bool, enum, list or message");
    checkMessage(value, path, out);
  }
}

/// Every simple rule of every field of `message`, then its hand-written rules, recursively.
template <typename T>
void checkMessage(const T& message, const Path& path, std::vector<FieldViolation>& out) {
  FieldAccess::visit(message, [&](const field::Info& info, const auto& value) {
    checkValue(info.rule, Path(path, info.wireName()), value, out);
  });
  if constexpr (HasCrossRules<T>::value) checkCrossRules(message, path, out);
}

/// A request's validate(): every violation of its table and of its hand-written rules, as one
/// InvalidArgument error "<what> is invalid (N problems)".
template <typename T>
Result<void> validateMessage(const T& message, std::string_view what) {
  std::vector<FieldViolation> out;
  checkMessage(message, Path(), out);
  return toValidationResult(std::move(out), what);
}

/// The violations of a message nested in a request, with paths under `path`.
template <typename T>
std::vector<FieldViolation> violationsOf(const T& message, const std::string& path) {
  std::vector<FieldViolation> out;
  checkMessage(message, Path(path), out);
  return out;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail

/// Defines `Result<void> Class::validate() const` through the table (see validateMessage).
#define DELIVERY_DEFINE_VALIDATE(Class) \
  Result<void> Class::validate() const { return ::delivery::detail::validateMessage(*this, #Class); }
