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

/// Parses `body` as a JSON object (an empty body counts as {}); InvalidResponse otherwise.
Result<rapidjson::Document> parseObject(std::string_view body);

/// Readers: absent or null -> nullopt; present with the wrong type -> a violation at `path`.
class Reader {
 public:
  explicit Reader(std::vector<FieldViolation>& problems) : problems_(problems) {}
  std::optional<std::string> string(const rapidjson::Value& obj, const char* name, const std::string& path);
  /// Accepts a JSON integer or a string of digits (Huawei models type some integers as strings).
  std::optional<std::int64_t> integer(const rapidjson::Value& obj, const char* name, const std::string& path);
  std::optional<bool> boolean(const rapidjson::Value& obj, const char* name, const std::string& path);
  const rapidjson::Value* object(const rapidjson::Value& obj, const char* name, const std::string& path);
  const rapidjson::Value* array(const rapidjson::Value& obj, const char* name, const std::string& path);
  void problem(std::string path, std::string message) { problems_.push_back({std::move(path), std::move(message)}); }

 private:
  std::vector<FieldViolation>& problems_;
};

}  // namespace delivery::huawei::detail
