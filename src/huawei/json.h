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

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

/// rapidjson's compact writer, plus text(): a key or string value written as Writer::String writes
/// it (the same escapes, byte for byte), but with the runs that need no escape copied in one piece.
/// Writer::String moves its output pointer through memory for every character; the bodies the SDK
/// sends are mostly such runs, and writing them dominated encoding a request.
class JsonWriter : public rapidjson::Writer<rapidjson::StringBuffer> {
 public:
  using Writer::Writer;

  /// A key or a string value, with rapidjson's escapes: '"', '\\', \b \f \n \r \t, other control
  /// characters as \u00XX; every other byte (DEL, UTF-8 sequences) as it is.
  void text(std::string_view s) {
    Prefix(rapidjson::kStringType);
    writeQuoted(s);
    EndValue(true);
  }

 private:
  void writeQuoted(std::string_view s);
};

inline void key(JsonWriter& w, std::string_view k) { w.text(k); }
inline void str(JsonWriter& w, std::string_view v) { w.text(v); }
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
/// between calls, so encoding a request allocates nothing once they have grown. A `write` that
/// itself calls writeJsonInto gets a writer and buffer of its own for that inner call.
template <typename Write>
void writeJsonInto(std::string& out, Write&& write) {
  thread_local rapidjson::StringBuffer buffer;
  thread_local JsonWriter writer(buffer);
  thread_local bool inUse = false;
  if (inUse) {
    rapidjson::StringBuffer inner;
    JsonWriter innerWriter(inner);
    write(innerWriter);
    out.assign(inner.GetString(), inner.GetSize());
    return;
  }
  struct Release {
    bool& flag;
    ~Release() { flag = false; }
  } release{inUse};
  inUse = true;
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

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
