#pragma once
// RapidJSON helpers for the Huawei families (internal): compact writing, parsing a body, and the
// error for an unreadable one. Messages are written and read by their tables (json_fields.h).

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

/// Runs `write(JsonWriter&)` with this thread's writer and buffer, then copies the text into `out`.
/// The buffer, the writer's nesting stack and `out` (a request's reused body) keep their capacity
/// between calls, so encoding a request allocates nothing once they have grown. Not reentrant:
/// `write` must not call writeJsonInto.
template <typename Write>
void writeJsonInto(std::string& out, Write&& write) {
  thread_local rapidjson::StringBuffer buffer;
  thread_local JsonWriter writer(buffer);
  buffer.Clear();
  writer.Reset(buffer);
  write(writer);
  out.assign(buffer.GetString(), buffer.GetSize());
}

/// The text written to `buffer`.
inline std::string toText(const rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

/// Parses `body` as a JSON object (an empty body counts as {}); InvalidResponse otherwise.
Result<rapidjson::Document> parseObject(std::string_view body);

/// InvalidResponse "unexpected <what> response body", carrying the problems found.
Error unreadable(std::vector<FieldViolation> problems, const char* what);

}  // namespace delivery::huawei::detail
