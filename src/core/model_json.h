#pragma once
// The user-facing JSON form of the models (internal): one writer and one strict reader walk a
// message's field table, as the wire codecs do, but
//   - URL parameters are members too (the JSON describes the whole request, not only its body);
//   - every integer is a JSON number and every boolean a JSON boolean (wire text is accepted back);
//   - the reader refuses unknown and duplicated keys and values of the wrong type, naming each by
//     its path and by the line of the text it is on, and carries on to report every one.
// A family changes key names or writes extra members (a variant, a map) through a Policy:
//   struct Policy {
//     static std::string_view key(const field::Info&);              // the JSON key of a field
//     static const NumberEnum* numberEnum(const field::Info&);      // an int field written as enum text
//     template <class W, class T> static void writeExtra(W&, const T&, const JsonWriteOptions&);
//     template <class T> static bool readExtra(ModelReader<Policy>&, std::string_view key,
//                                              const rapidjson::Value&, const Path&, std::size_t line, T&);
//     template <class T> static void readAfter(ModelReader<Policy>&, const rapidjson::Value& root,
//                                              const Path&, std::size_t line, T&);  // checks across members
//     template <class T> static const auto& written(const T&);  // what toJson() walks for a model
//   };
// PlainJsonPolicy gives them all; a family's json.cc names its policy JsonPolicy and defines
// its toJson() and fromJson() with DELIVERY_JSON_DEFINE_WRITERS / DELIVERY_JSON_DEFINE_READERS.

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/fields.h"
#include "delivery/core/json.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// An int32 field whose values are an enum's numbers (Tablestore's protobuf enums), written as text.
struct NumberEnum {
  const char* (*text)(std::int32_t);                       ///< "" for an unknown number
  std::optional<std::int32_t> (*number)(std::string_view);  ///< nullopt for an unknown text
  const char* name;                                         ///< the enum's name, for messages
};

/// The parsed text a reader walks: in-situ, so that every key points into the buffer and its line
/// can be found.
class JsonText {
 public:
  /// Parses `text`; InvalidArgument (with the line and column) when it is not JSON, too long, or
  /// when `options.pointer` names nothing.
  static Result<std::unique_ptr<JsonText>> parse(std::string_view text, const JsonReadOptions& options);

  const rapidjson::Value& root() const { return *root_; }
  /// The 1-based line of a position inside the buffer (a key's or a string's characters); 0 otherwise.
  std::size_t lineOf(const char* p) const;

 private:
  std::string buffer_;
  rapidjson::Document document_;
  const rapidjson::Value* root_ = nullptr;
  std::vector<std::size_t> lineStarts_;
};

/// `message` with " (line N)" appended, the form every JSON problem takes; as it is when line is 0.
inline std::string withLine(std::string message, std::size_t line) {
  if (line != 0) message += " (line " + std::to_string(line) + ")";
  return message;
}

/// The line of the first key of `v` when it is a non-empty object, else `fallback`.
inline std::size_t lineOfValue(const JsonText& text, const rapidjson::Value& v, std::size_t fallback) {
  if (v.IsObject() && v.MemberCount() > 0) {
    const std::size_t l = text.lineOf(v.MemberBegin()->name.GetString());
    if (l != 0) return l;
  }
  if (v.IsString()) {
    const std::size_t l = text.lineOf(v.GetString());
    if (l != 0) return l;
  }
  return fallback;
}

/// The key and value names of the tables, nothing written or read beyond them.
struct PlainJsonPolicy {
  static std::string_view key(const field::Info& info) { return info.wireName(); }
  static const NumberEnum* numberEnum(const field::Info&) { return nullptr; }
  template <class W, class T>
  static void writeExtra(W&, const T&, const JsonWriteOptions&) {}
  template <class R, class T>
  static bool readExtra(R&, std::string_view, const rapidjson::Value&, const Path&, std::size_t, T&) {
    return false;
  }
  template <class R, class T>
  static void readAfter(R&, const rapidjson::Value&, const Path&, std::size_t, T&) {}
  template <class T>
  static const T& written(const T& message) {
    return message;
  }
};

// ---- writing -----------------------------------------------------------------------------------

template <class Policy, class W, class T>
void writeModelObject(W& w, const T& message, const JsonWriteOptions& options);

template <class W>
void writeKey(W& w, std::string_view k) {
  w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
}
template <class W>
void writeString(W& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <class Policy, class W, class T>
void writeModelValue(W& w, const field::Info& info, const T& value, const JsonWriteOptions& options) {
  if constexpr (std::is_same_v<T, std::string>) {
    writeString(w, info.rule.secret && !options.revealSecrets ? std::string_view(kRedacted) : std::string_view(value));
  } else if constexpr (std::is_same_v<T, bool>) {
    w.Bool(value);
  } else if constexpr (std::is_integral_v<T>) {
    if constexpr (std::is_same_v<T, std::int32_t>) {
      if (const NumberEnum* e = Policy::numberEnum(info)) {
        const char* text = e->text(value);
        if (text[0] != '\0') {
          writeString(w, text);
          return;
        }
      }
    }
    w.Int64(static_cast<std::int64_t>(value));
  } else if constexpr (std::is_enum_v<T>) {
    writeString(w, toString(value));
  } else if constexpr (IsVector<T>::value) {
    w.StartArray();
    for (const auto& item : value) writeModelValue<Policy>(w, info, item, options);
    w.EndArray();
  } else {
    writeModelObject<Policy>(w, value, options);
  }
}

template <class Policy, class W, class T>
void writeModelMembers(W& w, const T& message, const JsonWriteOptions& options) {
  FieldAccess::visit(message, [&](const field::Info& info, const auto& value) {
    using V = std::decay_t<decltype(value)>;
    if constexpr (IsOptional<V>::value) {
      if (!value) return;
      writeKey(w, Policy::key(info));
      writeModelValue<Policy>(w, info, *value, options);
    } else {
      writeKey(w, Policy::key(info));
      writeModelValue<Policy>(w, info, value, options);
    }
  });
  Policy::writeExtra(w, message, options);
}

template <class Policy, class W, class T>
void writeModelObject(W& w, const T& message, const JsonWriteOptions& options) {
  w.StartObject();
  writeModelMembers<Policy>(w, message, options);
  w.EndObject();
}

/// Runs `write(W&)` with a pretty or a compact writer, as the options say, and returns the text.
template <class Write>
std::string writeJsonText(const JsonWriteOptions& options, Write&& write) {
  rapidjson::StringBuffer buffer;
  if (options.pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    write(w);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    write(w);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

template <class Policy, class T>
std::string modelToJson(const T& message, const JsonWriteOptions& options) {
  return writeJsonText(options, [&](auto& w) { writeModelObject<Policy>(w, message, options); });
}

// ---- reading -----------------------------------------------------------------------------------

/// Reads JSON into messages strictly, collecting every problem with its path and line.
template <class Policy>
class ModelReader {
 public:
  ModelReader(const JsonText& text, std::vector<FieldViolation>& problems) : text_(text), problems_(problems) {}

  const JsonText& text() const { return text_; }

  void problem(const Path& path, std::size_t line, std::string message) {
    problems_.push_back({path.str(), withLine(std::move(message), line)});
  }

  /// Every member of `object` must be a field of `message` (or an extra the policy reads).
  template <typename T>
  void readObject(const rapidjson::Value& object, const Path& path, std::size_t line, T& message) {
    std::vector<std::string_view> seen;
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
      const std::string_view key(m->name.GetString(), m->name.GetStringLength());
      const std::size_t keyLine = text_.lineOf(m->name.GetString()) != 0 ? text_.lineOf(m->name.GetString()) : line;
      const Path here(path, key);
      bool duplicate = false;
      for (auto s : seen) duplicate |= s == key;
      if (duplicate) {
        problem(here, keyLine, "is given twice");
        continue;
      }
      seen.push_back(key);
      bool found = false;
      FieldAccess::visit(message, [&](const field::Info& info, auto& value) {
        if (found || Policy::key(info) != key) return;
        found = true;
        if (m->value.IsNull()) return;
        readField(m->value, here, keyLine, info, value);
      });
      if (found) continue;
      if (Policy::readExtra(*this, key, m->value, path, keyLine, message)) continue;
      problem(here, keyLine, "is not a known field");
    }
  }

  template <typename T>
  bool readField(const rapidjson::Value& json, const Path& path, std::size_t line, const field::Info& info, T& out) {
    if constexpr (IsOptional<T>::value) {
      typename T::value_type inner{};
      if (!readField(json, path, line, info, inner)) return false;
      if constexpr (std::is_same_v<typename T::value_type, std::string> || std::is_arithmetic_v<typename T::value_type>) {
        if (info.rule.emptyWhenUnset && inner == typename T::value_type{}) {
          out.reset();
          return true;
        }
      }
      out = std::move(inner);
      return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (info.rule.wireText && json.IsInt64()) {
        out = std::to_string(json.GetInt64());
        return true;
      }
      if (!json.IsString()) return fail(path, line, "must be a string");
      out.assign(json.GetString(), json.GetStringLength());
      if (info.rule.secret && out == kRedacted) {
        return fail(path, line, "is \"<redacted>\": give the secret itself");
      }
      return true;
    } else if constexpr (std::is_same_v<T, bool>) {
      if (json.IsBool()) {
        out = json.GetBool();
        return true;
      }
      if (info.rule.wireText && json.IsString()) {
        const std::string_view s(json.GetString(), json.GetStringLength());
        if (s == "true") return out = true, true;
        if (s == "false") return out = false, true;
      }
      return fail(path, line, "must be true or false");
    } else if constexpr (std::is_integral_v<T>) {
      if constexpr (std::is_same_v<T, std::int32_t>) {
        if (const NumberEnum* e = Policy::numberEnum(info)) {
          if (!json.IsString()) return fail(path, line, std::string("must be a ") + e->name + " name (a string)");
          const std::string_view s(json.GetString(), json.GetStringLength());
          auto n = e->number(s);
          if (!n) return fail(path, line, "is not a known " + std::string(e->name) + ": \"" + std::string(s) + "\"");
          out = *n;
          return true;
        }
      }
      std::int64_t v = 0;
      bool ok = false;
      if (json.IsInt64()) {
        v = json.GetInt64();
        ok = true;
      } else if (info.rule.wireText && json.IsString()) {
        const std::string_view s(json.GetString(), json.GetStringLength());
        ok = !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string_view::npos;
        for (char c : s) v = v * 10 + (c - '0');
      }
      if (!ok || v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          v > static_cast<std::int64_t>(std::numeric_limits<T>::max())) {
        return fail(path, line, "must be an integer");
      }
      out = static_cast<T>(v);
      return true;
    } else if constexpr (std::is_enum_v<T>) {
      if (!json.IsString()) return fail(path, line, "must be a string");
      const std::string_view s(json.GetString(), json.GetStringLength());
      auto e = enumFromText<T>(s);
      if (!e) return fail(path, line, "is not a known " + std::string(EnumTableOf<T>::name) + ": \"" + std::string(s) + "\"");
      out = *e;
      return true;
    } else if constexpr (IsVector<T>::value) {
      if (!json.IsArray()) return fail(path, line, "must be an array");
      out.clear();
      for (rapidjson::SizeType i = 0; i < json.Size(); ++i) {
        typename T::value_type item{};
        const std::size_t itemLine = lineOfValue(text_, json[i], line);
        if (readField(json[i], Path(path, static_cast<std::size_t>(i)), itemLine, info, item)) {
          out.push_back(std::move(item));
        }
      }
      return true;
    } else {
      if (!json.IsObject()) return fail(path, line, "must be an object");
      readObject(json, path, line, out);
      return true;
    }
  }

 private:
  bool fail(const Path& path, std::size_t line, std::string message) {
    problem(path, line, std::move(message));
    return false;
  }

  const JsonText& text_;
  std::vector<FieldViolation>& problems_;
};

/// The error fromJson() returns for the problems found.
Error jsonProblems(std::vector<FieldViolation> problems, std::string_view what);

/// Reads a whole message from `json` (the object options.pointer names); then, when the root is an
/// object, calls Policy::readAfter(reader, root, path, line, message) for checks across members.
/// Problems are an InvalidArgument naming `what` ("a DIS request").
template <class Policy, class T>
Result<T> modelFromJson(std::string_view json, const JsonReadOptions& options, std::string_view what) {
  auto text = JsonText::parse(json, options);
  if (!text) return text.error();
  const rapidjson::Value& root = (*text)->root();
  std::vector<FieldViolation> problems;
  const Path prefix(options.pathPrefix);
  const std::size_t line = lineOfValue(**text, root, 1);
  T message{};
  if (!root.IsObject()) {
    problems.push_back({options.pathPrefix, withLine("must be an object", line)});
  } else {
    ModelReader<Policy> reader(**text, problems);
    reader.readObject(root, prefix, line, message);
    Policy::readAfter(reader, root, prefix, line, message);
  }
  if (!problems.empty()) return jsonProblems(std::move(problems), what);
  return message;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail

// A family's json.cc defines what its json.h declares from the same lists (LIST(X): X(Type) each),
// in the family's namespace, with its policy named JsonPolicy:
//   DELIVERY_JSON_DEFINE_WRITERS(LIST)  toJson() of each
//   DELIVERY_JSON_DEFINE_READERS(LIST, what)  the template fromJson(), built for each; `what`
//                                             names the model in errors (T is the type read)
#define DELIVERY_JSON_DEFINE_WRITER_(Type)                                                       \
  std::string toJson(const Type& message, const JsonWriteOptions& options) {                     \
    return ::delivery::detail::modelToJson<JsonPolicy>(JsonPolicy::written(message), options);  \
  }
#define DELIVERY_JSON_INSTANTIATE_READER_(Type) template Result<Type> fromJson(std::string_view, const JsonReadOptions&);
#define DELIVERY_JSON_DEFINE_WRITERS(LIST) LIST(DELIVERY_JSON_DEFINE_WRITER_)
#define DELIVERY_JSON_DEFINE_READERS(LIST, what)                               \
  template <typename T>                                                        \
  Result<T> fromJson(std::string_view json, const JsonReadOptions& options) {  \
    return ::delivery::detail::modelFromJson<JsonPolicy, T>(json, options, what); \
  }                                                                            \
  LIST(DELIVERY_JSON_INSTANTIATE_READER_)
