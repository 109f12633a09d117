#pragma once
// JSON for any message with a field table (internal): one writer and one reader walk the table,
// in table order. Unset optionals are omitted; secrets can be redacted; paths in problems are
// built only when a problem is found.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.h"
#include "huawei/json.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

using delivery::detail::FieldAccess;
using delivery::detail::Path;

struct WriteOptions {
  bool redactSecrets = false;  ///< secret fields are written as "<redacted>" (for toString())
  /// Integers whose rule says Rule::wireText are always sent as text; this sends every integer
  /// field named here as text too (DIS retry_duration, see DisClientConfig).
  std::string_view integerAsText;
};

template <typename T>
void writeObject(JsonWriter& w, const T& message, const WriteOptions& options);

template <typename T>
void writeValue(JsonWriter& w, const field::Info& info, const T& value, const WriteOptions& options) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (info.rule.secret && options.redactSecrets) {
      str(w, "<redacted>");
    } else {
      str(w, value);
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (info.rule.wireText) {
      str(w, value ? "true" : "false");
    } else {
      w.Bool(value);
    }
  } else if constexpr (std::is_integral_v<T>) {
    if (info.rule.wireText || (!options.integerAsText.empty() && options.integerAsText == info.wireName())) {
      str(w, std::to_string(value));
    } else {
      w.Int64(static_cast<std::int64_t>(value));
    }
  } else if constexpr (std::is_enum_v<T>) {
    str(w, toString(value));
  } else if constexpr (delivery::detail::IsVector<T>::value) {
    w.StartArray();
    for (const auto& item : value) writeValue(w, info, item, options);
    w.EndArray();
  } else {
    writeObject(w, value, options);
  }
}

/// One member: its key (with its length from the table: no strlen), then its value.
template <typename T>
void writeMember(JsonWriter& w, const field::Info& info, const T& value, const WriteOptions& options) {
  key(w, info.wireName());
  writeValue(w, info, value, options);
}

/// The members of `message` (without the surrounding braces).
template <typename T>
void writeMembers(JsonWriter& w, const T& message, const WriteOptions& options) {
  FieldAccess::visit(message, [&](const field::Info& info, const auto& value) {
    using V = std::decay_t<decltype(value)>;
    if (info.rule.inUrl) return;
    if constexpr (delivery::detail::IsOptional<V>::value) {
      if (!value) {
        if (info.rule.emptyWhenUnset) writeMember(w, info, typename V::value_type{}, options);
        return;
      }
      writeMember(w, info, *value, options);
    } else {
      writeMember(w, info, value, options);
    }
  });
}

template <typename T>
void writeObject(JsonWriter& w, const T& message, const WriteOptions& options) {
  w.StartObject();
  writeMembers(w, message, options);
  w.EndObject();
}

/// Reads into messages, collecting a problem (with its path) for each value of the wrong type.
class FieldReader {
 public:
  explicit FieldReader(std::vector<FieldViolation>& problems) : problems_(problems) {}

  void problem(const Path& path, std::string message) { problems_.push_back({path.str(), std::move(message)}); }

  /// Reads the members of `object` that `message`'s table names; absent and null ones are left as they are.
  template <typename T>
  void readObject(const rapidjson::Value& object, const Path& path, T& message) {
    FieldAccess::visit(message, [&](const field::Info& info, auto& value) {
      if (info.rule.inUrl) return;
      auto it = object.FindMember(info.wire);
      if (it == object.MemberEnd() || it->value.IsNull()) return;
      readField(it->value, Path(path, info.wireName()), info.rule, value);
    });
  }

  /// Reads one member as its rule says: a string field with Rule::wireText also takes a JSON
  /// integer (as its decimal text); an optional with Rule::emptyWhenUnset reads its empty value as unset.
  template <typename T>
  bool readField(const rapidjson::Value& json, const Path& path, const field::Rule& rule, T& out) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::optional<std::string>>) {
      if (rule.wireText && json.IsInt64()) {
        out = std::to_string(json.GetInt64());
        return true;
      }
      if (rule.wireText && json.IsBool()) {
        out = json.GetBool() ? "true" : "false";
        return true;
      }
    }
    if constexpr (delivery::detail::IsOptional<T>::value) {
      if constexpr (std::is_same_v<typename T::value_type, std::string> || std::is_arithmetic_v<typename T::value_type>) {
        if (!rule.emptyWhenUnset) return readValue(json, path, out);
        typename T::value_type inner{};
        if (!readValue(json, path, inner)) return false;
        if (inner == typename T::value_type{}) {
          out.reset();
        } else {
          out = std::move(inner);
        }
        return true;
      }
    }
    return readValue(json, path, out);
  }

  /// Reads `json` into `out`; false (and a problem) when it has the wrong type.
  template <typename T>
  bool readValue(const rapidjson::Value& json, const Path& path, T& out) {
    if constexpr (delivery::detail::IsOptional<T>::value) {
      typename T::value_type inner{};
      if (!readValue(json, path, inner)) return false;
      out = std::move(inner);
      return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (!json.IsString()) return fail(path, "must be a string");
      out.assign(json.GetString(), json.GetStringLength());
      return true;
    } else if constexpr (std::is_same_v<T, bool>) {
      if (json.IsBool()) {
        out = json.GetBool();
        return true;
      }
      if (json.IsString()) {
        const std::string_view s(json.GetString(), json.GetStringLength());
        if (s == "true" || s == "on") return out = true, true;
        if (s == "false" || s == "off") return out = false, true;
      }
      return fail(path, "must be true or false");
    } else if constexpr (std::is_integral_v<T>) {
      std::int64_t v = 0;
      if (!integer(json, v) || v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          v > static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
        return fail(path, "must be an integer");
      }
      out = static_cast<T>(v);
      return true;
    } else if constexpr (std::is_enum_v<T>) {
      if (!json.IsString()) return fail(path, "must be a string");
      const std::string_view s(json.GetString(), json.GetStringLength());
      auto e = enumFromText<T>(s);
      if (!e) return fail(path, "unknown value \"" + std::string(s) + "\"");
      out = *e;
      return true;
    } else if constexpr (delivery::detail::IsVector<T>::value) {
      if (!json.IsArray()) return fail(path, "must be an array");
      out.clear();
      out.reserve(json.Size());
      for (rapidjson::SizeType i = 0; i < json.Size(); ++i) {
        typename T::value_type item{};
        if (readValue(json[i], Path(path, static_cast<std::size_t>(i)), item)) out.push_back(std::move(item));
      }
      return true;
    } else {
      if (!json.IsObject()) return fail(path, "must be an object");
      readObject(json, path, out);
      return true;
    }
  }

 private:
  bool fail(const Path& path, std::string message) {
    problem(path, std::move(message));
    return false;
  }
  // A JSON integer, or a string of digits (Huawei models type some integers as strings).
  static bool integer(const rapidjson::Value& json, std::int64_t& out) {
    if (json.IsInt64()) {
      out = json.GetInt64();
      return true;
    }
    if (!json.IsString()) return false;
    const std::string_view s(json.GetString(), json.GetStringLength());
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    out = v;
    return true;
  }

  std::vector<FieldViolation>& problems_;
};

/// One message as JSON text.
template <typename T>
std::string encodeMessage(const T& message, const WriteOptions& options = {}) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  writeObject(w, message, options);
  return toText(b);
}

/// A response body read into a Response by `fill(document, reader, response)`; InvalidResponse
/// naming every problem `fill` found (`what` names the call).
template <typename Response, typename Fill>
Result<Response> decodeBody(std::string_view body, const char* what, Fill&& fill) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  FieldReader reader(problems);
  Response out;
  fill(*doc, reader, out);
  if (!problems.empty()) return unreadable(std::move(problems), what);
  return out;
}

/// A response whose fields all stand at the top level of the body, read through its table.
template <typename Response>
Result<Response> decodeMessage(std::string_view body, const char* what) {
  return decodeBody<Response>(body, what, [](const rapidjson::Value& doc, FieldReader& reader, Response& out) {
    reader.readObject(doc, Path(), out);
  });
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
