#pragma once
// RapidJSON helpers for the Huawei families (internal): compact writing in a fixed field order,
// and lenient reading that names the field when a value has the wrong type.

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/result.h"

namespace delivery::huawei::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

inline void key(JsonWriter& w, std::string_view k) { w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
inline void str(JsonWriter& w, std::string_view v) { w.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); }
inline void field(JsonWriter& w, std::string_view k, std::string_view v) {
  key(w, k);
  str(w, v);
}
inline void field(JsonWriter& w, std::string_view k, std::int64_t v) {
  key(w, k);
  w.Int64(v);
}
inline void optionalField(JsonWriter& w, std::string_view k, const std::optional<std::string>& v) {
  if (v) field(w, k, *v);
}

/// The text written to `buffer`.
inline std::string toText(const rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

/// Parses `body` as a JSON object (an empty body counts as {}); InvalidResponse otherwise.
Result<rapidjson::Document> parseObject(std::string_view body);

/// Readers: absent or null -> nullopt; present with the wrong type -> a violation at `path`.
class Reader {
 public:
  explicit Reader(std::vector<FieldViolation>& problems) : problems_(problems) {}
  std::optional<std::string> string(const rapidjson::Value& obj, const char* name, const std::string& path);
  /// Accepts a JSON integer or a string of digits (Huawei models type some integers as strings).
  std::optional<std::int64_t> integer(const rapidjson::Value& obj, const char* name, const std::string& path);
  const rapidjson::Value* object(const rapidjson::Value& obj, const char* name, const std::string& path);
  const rapidjson::Value* array(const rapidjson::Value& obj, const char* name, const std::string& path);
  void problem(std::string path, std::string message) { problems_.push_back({std::move(path), std::move(message)}); }

 private:
  std::vector<FieldViolation>& problems_;
};

/// The enumerator of E (values 0 to N-1) whose toString() is `text`.
template <typename E, int N>
std::optional<E> fromWire(std::string_view text) {
  for (int i = 0; i < N; ++i) {
    if (text == toString(static_cast<E>(i))) return static_cast<E>(i);
  }
  return std::nullopt;
}

/// A string member read as an enum of E; an unknown value is a problem at `path`.
template <typename E, int N>
std::optional<E> readEnum(Reader& r, const rapidjson::Value& obj, const char* name, const std::string& path) {
  auto s = r.string(obj, name, path);
  if (!s) return std::nullopt;
  auto e = fromWire<E, N>(*s);
  if (!e) r.problem(path, "unknown value \"" + *s + "\"");
  return e;
}

/// InvalidResponse "unexpected <what> response body", carrying the problems found.
Error unreadable(std::vector<FieldViolation> problems, const char* what);

}  // namespace delivery::huawei::detail
