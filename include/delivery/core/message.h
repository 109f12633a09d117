#pragma once

#include "delivery/export.h"
// One table per message: each field is named once, and that line gives its accessors, its member,
// its wire name and its simple rules. The SDK's JSON writer and reader and its validation walk the
// same table, so a field cannot be written in one place and forgotten in another.
//
//   #define DELIVERY_EXAMPLE_FIELDS(X)
//     X(VALUE, std::string, TaskName, "task_name", , ::delivery::field::text(1, 64))
//     X(VALUE, int, Interval, "deliver_time_interval", = 300, ::delivery::field::range(30, 900))
//     X(OPTIONAL, std::string, AgencyName, "agency_name", , ::delivery::field::text(0, 64))
//   (each line but the last ends with a backslash)
//   class Example {
//     DELIVERY_MESSAGE(Example, DELIVERY_EXAMPLE_FIELDS)
//   };
//
// Entry: X(KIND, Type, Name, "wire name", initializer, rule).
//   KIND      VALUE: getName() / setName(v);  OPTIONAL: std::optional<Type>, plus clearName();
//             READ: getName() only (responses);  READ_OPTIONAL: the same for an optional.
//   rule      a delivery::field::Rule: required, length or count, range, allowed characters,
//             secret. Rules that tie fields together are written by hand beside the table.
// Setters return the message itself, so calls chain.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

DELIVERY_NAMESPACE_BEGIN

struct FieldViolation;

namespace detail {
struct FieldAccess;  // the SDK's walker over a message's fields (internal)
class Path;          // a lazily built field path (internal)
}

namespace field {

/// A set of ASCII characters as 128 bits, built at compile time from a string of them.
struct CharSet {
  std::uint64_t bits[2] = {0, 0};  ///< bit c is set when ASCII character c is in the set
  constexpr CharSet() = default;
  /// The set of the characters of `chars` (a NUL-terminated string); non-ASCII bytes are ignored.
  constexpr explicit CharSet(const char* chars) {
    for (; *chars != '\0'; ++chars) {
      const auto c = static_cast<unsigned char>(*chars);
      if (c < 128) bits[c >> 6] |= std::uint64_t{1} << (c & 63);
    }
  }
  /// Whether `c` is in the set (never for a byte >= 128).
  constexpr bool contains(unsigned char c) const { return c < 128 && (bits[c >> 6] >> (c & 63) & 1) != 0; }
  /// Whether the set holds no character (the rule then allows any UTF-8).
  constexpr bool empty() const { return bits[0] == 0 && bits[1] == 0; }
};

/// The simple rules of one field. Built with the helpers below, e.g. text(1, 64).chars(kName, "...").
struct Rule {
  bool required = false;   ///< a VALUE string must not be empty; an OPTIONAL must be set
  std::size_t minSize = 0;  ///< bytes of a string, items of a list
  std::size_t maxSize = 65536;  ///< bytes of a string, items of a list
  std::int64_t minValue = std::numeric_limits<std::int64_t>::min();  ///< the smallest integer allowed
  std::int64_t maxValue = std::numeric_limits<std::int64_t>::max();  ///< the largest integer allowed
  CharSet allowed;  ///< the only ASCII characters a string may hold; empty: any UTF-8
  const char* says = nullptr;     ///< the violation text for a bad size, character, number or enum value, when given
  const char* sizeSays = nullptr; ///< the violation text for a bad size only, when it differs from `says`
  const char* missing = nullptr;  ///< the violation text for a required value left out ("is required" otherwise)
  bool secret = false;            ///< never printed (toString, logs, errors)
  /// A hand-written check of a present (non-empty) string, run in table order in place of the
  /// length, character and UTF-8 rules: for shapes a set of characters cannot say (an ARN, a
  /// host name). It adds its own violations at `path`.
  using TextCheck = void (*)(const std::string& value, const detail::Path& path, std::vector<FieldViolation>& out);
  TextCheck check = nullptr;  ///< the hand-written check, or none
  bool wireText = false;          ///< a number or boolean the wire carries as a JSON string; on a
                                  ///< string: the wire may carry a number, read as its decimal text
  bool inUrl = false;             ///< a URL path or query parameter: validated, never in the JSON body
  bool emptyWhenUnset = false;    ///< an unset optional is sent as its empty value, which reads back unset

  /// The builders below each return a copy of this rule with one setting changed.
  /// This one: the field is required.
  constexpr Rule require() const { Rule r = *this; r.required = true; return r; }
  /// A string of min..max bytes, a list of min..max items.
  constexpr Rule size(std::size_t min, std::size_t max) const { Rule r = *this; r.minSize = min; r.maxSize = max; return r; }
  /// Only the ASCII characters of `set`; `description` is the violation text.
  constexpr Rule chars(const char* set, const char* description) const {
    Rule r = *this; r.allowed = CharSet(set); r.says = description; return r;
  }
  /// The violation text for any broken simple rule.
  constexpr Rule message(const char* text) const { Rule r = *this; r.says = text; return r; }
  /// The violation text for a bad size only.
  constexpr Rule sizeMessage(const char* text) const { Rule r = *this; r.sizeSays = text; return r; }
  /// The violation text for a required value left out.
  constexpr Rule whenMissing(const char* text) const { Rule r = *this; r.missing = text; return r; }
  /// A secret: redacted in toString(), logs, errors and JSON.
  constexpr Rule hidden() const { Rule r = *this; r.secret = true; return r; }
  /// A number or boolean the wire carries as a JSON string.
  constexpr Rule asText() const { Rule r = *this; r.wireText = true; return r; }
  /// Checks a present string with `f` instead of the length, character and UTF-8 rules.
  constexpr Rule checkedBy(TextCheck f) const { Rule r = *this; r.check = f; return r; }
  /// A URL parameter (path or query): its violation path is its API name; the JSON body skips it.
  constexpr Rule urlParameter() const { Rule r = *this; r.inUrl = true; return r; }
  /// An OPTIONAL always on the wire: unset is sent as "" (or 0...), and "" reads back as unset.
  constexpr Rule sentEmptyWhenUnset() const { Rule r = *this; r.emptyWhenUnset = true; return r; }
};

/// No rule beyond the type's own (strings: valid UTF-8 of at most 65536 bytes; enums: known).
constexpr Rule any() { return Rule{}; }
/// A string of min..max bytes; min > 0 makes it required.
constexpr Rule text(std::size_t min, std::size_t max) {
  Rule r;
  r.required = min > 0;
  r.minSize = min;
  r.maxSize = max;
  return r;
}
/// An integer in min..max.
constexpr Rule range(std::int64_t min, std::int64_t max) {
  Rule r;
  r.minValue = min;
  r.maxValue = max;
  return r;
}
/// A field that must be present (OPTIONAL) or non-empty (VALUE).
constexpr Rule required() { return Rule{}.require(); }
/// The rule of a field's as-sent copy (DELIVERY_AS_SENT_MESSAGE): none but "a number or a
/// boolean may stand where text is expected", and a secret stays a secret.
constexpr Rule asSent(const Rule& source) {
  Rule r = any().asText();
  r.secret = source.secret;
  return r;
}

/// ASCII letters and digits, for Rule::chars.
inline constexpr const char kLettersDigits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/// ASCII letters, digits, '-' and '_', for Rule::chars.
inline constexpr const char kNameChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

/// What a table says about one field, as the SDK's walkers see it.
struct Info {
  const char* wire;  ///< the name on the wire (and in violation paths)
  const char* name;  ///< the accessor name, e.g. "TaskName"
  Rule rule;  ///< the field's simple rules
  std::size_t wireSize = 0;  ///< strlen(wire) when known (the tables give it), else 0

  /// The wire name as a view (no strlen when the table gave its size).
  constexpr std::string_view wireName() const noexcept {
    return wireSize != 0 ? std::string_view(wire, wireSize) : std::string_view(wire);
  }
};

/// The type a field has in an "as sent" copy of its message (DELIVERY_AS_SENT_MESSAGE): text for
/// enums and booleans (so a value the SDK's enum does not know stays readable), 64-bit integers,
/// the as-sent copy of a nested message, lists of those.
template <typename T, typename = void>
struct AsSent {
  /// The as-sent type.
  using type = std::conditional_t<std::is_enum_v<T> || std::is_same_v<T, bool>, std::string,
                                  std::conditional_t<std::is_integral_v<T>, std::int64_t, T>>;
};
/// A nested message: its own as-sent copy.
template <typename T>
struct AsSent<T, std::void_t<decltype(deliveryAsSentOf_(std::declval<const T&>()))>> {
  /// The as-sent type.
  using type = decltype(deliveryAsSentOf_(std::declval<const T&>()));
};
/// A list: a list of the items' as-sent type.
template <typename T>
struct AsSent<std::vector<T>> {
  /// The as-sent type.
  using type = std::vector<typename AsSent<T>::type>;
};
/// Shorthand for AsSent<T>::type.
template <typename T>
using AsSentType = typename AsSent<T>::type;

}  // namespace field
DELIVERY_NAMESPACE_END

// ---- expansion (not for direct use) ----------------------------------------------------------------

#define DELIVERY_ACCESSORS_VALUE_(Type, Name)                    \
  const Type& get##Name() const noexcept { return Name##_; }    \
  Self& set##Name(Type v) {                                      \
    Name##_ = std::move(v);                                      \
    return static_cast<Self&>(*this);                            \
  }
#define DELIVERY_ACCESSORS_OPTIONAL_(Type, Name)                                \
  const std::optional<Type>& get##Name() const noexcept { return Name##_; }    \
  Self& set##Name(Type v) {                                                     \
    Name##_ = std::move(v);                                                     \
    return static_cast<Self&>(*this);                                           \
  }                                                                             \
  Self& clear##Name() {                                                         \
    Name##_.reset();                                                            \
    return static_cast<Self&>(*this);                                           \
  }
#define DELIVERY_ACCESSORS_READ_(Type, Name) \
  const Type& get##Name() const noexcept { return Name##_; }
#define DELIVERY_ACCESSORS_READ_OPTIONAL_(Type, Name) \
  const std::optional<Type>& get##Name() const noexcept { return Name##_; }

#define DELIVERY_MEMBER_VALUE_(Type, Name, init) Type Name##_ init;
#define DELIVERY_MEMBER_READ_(Type, Name, init) Type Name##_ init;
#define DELIVERY_MEMBER_OPTIONAL_(Type, Name, init) std::optional<Type> Name##_ init;
#define DELIVERY_MEMBER_READ_OPTIONAL_(Type, Name, init) std::optional<Type> Name##_ init;

#define DELIVERY_FIELD_ACCESSORS_(KIND, Type, Name, wire, init, rule) DELIVERY_ACCESSORS_##KIND##_(Type, Name)
#define DELIVERY_FIELD_MEMBER_(KIND, Type, Name, wire, init, rule) DELIVERY_MEMBER_##KIND##_(Type, Name, init)
// The field's Info is a constant: walks do not rebuild each field's rule on every call.
#define DELIVERY_FIELD_VISIT_(KIND, Type, Name, wire, init, rule)                 \
  {                                                                               \
    static constexpr ::delivery::field::Info info##Name##_{wire, #Name, rule, sizeof(wire) - 1}; \
    visit(info##Name##_, self.Name##_);                                           \
  }

// A message body: its accessors, its field walk and its members, each expanded by one of three
// per-field macros.
#define DELIVERY_MESSAGE_BODY_(Class, LIST, ACCESSORS, VISIT, MEMBER) \
 public:                                                               \
  using Self = Class;                                                  \
  LIST(ACCESSORS)                                                      \
                                                                       \
 private:                                                              \
  friend struct ::delivery::detail::FieldAccess;                       \
  template <typename S, typename V>                                    \
  static void visitFields_(S& self, V&& visit) {                       \
    LIST(VISIT)                                                        \
  }                                                                    \
  LIST(MEMBER)

/// The accessors, members and field walk of a message whose fields LIST(X) lists. Leaves the
/// class body in `public:`.
#define DELIVERY_MESSAGE(Class, LIST)                                                                \
  DELIVERY_MESSAGE_BODY_(Class, LIST, DELIVERY_FIELD_ACCESSORS_, DELIVERY_FIELD_VISIT_, DELIVERY_FIELD_MEMBER_) \
                                                                                                     \
 public:

// An as-sent copy's fields: every field READ_OPTIONAL, typed by AsSent, ruled by field::asSent.
#define DELIVERY_AS_SENT_ACCESSORS_(KIND, Type, Name, wire, init, rule) \
  DELIVERY_ACCESSORS_READ_OPTIONAL_(::delivery::field::AsSentType<Type>, Name)
#define DELIVERY_AS_SENT_MEMBER_(KIND, Type, Name, wire, init, rule) \
  DELIVERY_MEMBER_READ_OPTIONAL_(::delivery::field::AsSentType<Type>, Name, )
#define DELIVERY_AS_SENT_VISIT_(KIND, Type, Name, wire, init, rule) \
  DELIVERY_FIELD_VISIT_(READ_OPTIONAL, , Name, wire, , ::delivery::field::asSent(rule))

/// A read-only copy of the message Source whose fields LIST(X) lists, as a response carries it:
/// each field optional (absent: unset, nothing defaulted), enums and booleans as their wire text.
/// Declares `class Class` in the current namespace; a field of type Source in another as-sent
/// message becomes a Class there. The table is not repeated: the copy follows Source's.
#define DELIVERY_AS_SENT_MESSAGE(Class, Source, LIST)                                                 \
  class Class {                                                                                       \
    DELIVERY_MESSAGE_BODY_(Class, LIST, DELIVERY_AS_SENT_ACCESSORS_, DELIVERY_AS_SENT_VISIT_,           \
                           DELIVERY_AS_SENT_MEMBER_)                                                  \
  };                                                                                                  \
  Class deliveryAsSentOf_(const Source&)
