#pragma once

#include "delivery/export.h"
// One table per enum: the enumerators, their wire text and their count come from one list.
//
//   #define DELIVERY_DIS_CONSUMER_STRATEGY(X) X(LATEST, "LATEST") X(TRIM_HORIZON, "TRIM_HORIZON")
//   DELIVERY_ENUM(ConsumerStrategy, DELIVERY_DIS_CONSUMER_STRATEGY)
//
// declares `enum class ConsumerStrategy { LATEST, TRIM_HORIZON }`, `toString(ConsumerStrategy)`
// (the wire text) and the table the SDK reads and writes the wire with. Enums whose wire form is a
// number (Tablestore's protobuf enums) use DELIVERY_ENUM_NUMBERED with X(name, number, "text").
// A new enumerator is one new line: counts and parsers follow the table, never a literal.
//
// Enumerator names follow the vendor's Java SDK constants (see include/delivery/README.md).

#include <cstddef>
#include <optional>
#include <string_view>

DELIVERY_NAMESPACE_BEGIN

/// The table DELIVERY_ENUM made for E (found by argument-dependent lookup).
template <typename E>
using EnumTableOf = decltype(enumTable(E{}));

/// How many enumerators E has.
template <typename E>
constexpr std::size_t enumCount() noexcept {
  return EnumTableOf<E>::count;
}

/// The wire text of `v`; "" for a value outside the table (a cast from an unknown number).
template <typename E>
constexpr const char* enumText(E v) noexcept {
  using T = EnumTableOf<E>;
  const auto i = static_cast<std::size_t>(v);
  if (i < T::count && T::values[i] == v) return T::texts[i];  // sequential enums: one lookup
  for (std::size_t k = 0; k < T::count; ++k) {
    if (T::values[k] == v) return T::texts[k];
  }
  return "";
}

/// Whether `v` is one of E's enumerators.
template <typename E>
constexpr bool isKnownEnum(E v) noexcept {
  return enumText(v)[0] != '\0';
}

/// The enumerator whose wire text is `text`.
template <typename E>
constexpr std::optional<E> enumFromText(std::string_view text) noexcept {
  using T = EnumTableOf<E>;
  for (std::size_t k = 0; k < T::count; ++k) {
    if (text == T::texts[k]) return T::values[k];
  }
  return std::nullopt;
}

DELIVERY_NAMESPACE_END

#define DELIVERY_ENUM_ENUMERATOR_(name, text) name,
#define DELIVERY_ENUM_VALUE_(name, text) E_::name,
#define DELIVERY_ENUM_TEXT_(name, text) text,
#define DELIVERY_ENUM_NUMBERED_ENUMERATOR_(name, number, text) name = number,
#define DELIVERY_ENUM_NUMBERED_VALUE_(name, number, text) E_::name,
#define DELIVERY_ENUM_NUMBERED_TEXT_(name, number, text) text,

#define DELIVERY_ENUM_TABLE_(Enum, LIST, VALUE, TEXT)                                 \
  struct Enum##EnumTable {                                                             \
    using E_ = Enum;                                                                   \
    static constexpr const char* name = #Enum;                                         \
    static constexpr Enum values[] = {LIST(VALUE)};                                    \
    static constexpr const char* texts[] = {LIST(TEXT)};                               \
    static constexpr std::size_t count = sizeof(values) / sizeof(values[0]);           \
  };                                                                                   \
  constexpr Enum##EnumTable enumTable(Enum) noexcept { return {}; }                     \
  inline const char* toString(Enum v) noexcept { return ::delivery::enumText(v); }

/// An enum whose enumerators count from 0; LIST(X) gives X(name, "wire text") for each.
#define DELIVERY_ENUM(Enum, LIST)                 \
  enum class Enum { LIST(DELIVERY_ENUM_ENUMERATOR_) }; \
  DELIVERY_ENUM_TABLE_(Enum, LIST, DELIVERY_ENUM_VALUE_, DELIVERY_ENUM_TEXT_)

/// An enum with explicit numbers (its wire form); LIST(X) gives X(name, number, "text") for each.
#define DELIVERY_ENUM_NUMBERED(Enum, LIST)                 \
  enum class Enum { LIST(DELIVERY_ENUM_NUMBERED_ENUMERATOR_) }; \
  DELIVERY_ENUM_TABLE_(Enum, LIST, DELIVERY_ENUM_NUMBERED_VALUE_, DELIVERY_ENUM_NUMBERED_TEXT_)
