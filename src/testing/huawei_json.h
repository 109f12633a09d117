#pragma once
// Internal to delivery_testing: the few JSON writing steps the canned Huawei responses share.

#include <cstdint>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::huawei_json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

inline void put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
inline void put(Writer& w, const char* key, std::int64_t value) {
  w.Key(key);
  w.Int64(value);
}

/// A response with the service's headers: X-Request-Id, and Content-Type when there is a body.
inline HttpResponse response(int status, std::string body, std::string requestId) {
  HttpResponse r;
  r.status = status;
  if (!body.empty()) r.headers.add("Content-Type", "application/json");
  r.headers.add("X-Request-Id", std::move(requestId));
  r.body = std::move(body);
  return r;
}

inline HttpResponse json(int status, const rapidjson::StringBuffer& buffer, std::string requestId) {
  return response(status, std::string(buffer.GetString(), buffer.GetSize()), std::move(requestId));
}

/// `key`: an array with one object per item, its members written by `members(writer, item)`.
template <typename Items, typename Members>
void objects(Writer& w, const char* key, const Items& items, Members members) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    members(w, item);
    w.EndObject();
  }
  w.EndArray();
}

/// A response whose body is one JSON object, its members written by `members(writer)`.
template <typename Members>
HttpResponse object(int status, std::string requestId, Members members) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  members(w);
  w.EndObject();
  return json(status, buffer, std::move(requestId));
}

/// {"error_code","error_msg"} (specs/huawei-dump-tasks.md §5).
inline HttpResponse error(int status, const std::string& code, const std::string& message, int retryAfterSeconds,
                          std::string requestId) {
  HttpResponse r = object(status, std::move(requestId), [&](Writer& w) {
    put(w, "error_code", code);
    put(w, "error_msg", message);
  });
  if (retryAfterSeconds >= 0) r.headers.add("Retry-After", std::to_string(retryAfterSeconds));
  return r;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::huawei_json
