#include "huawei/json.h"

#include <rapidjson/error/en.h>

#include "core/text.h"

namespace delivery::huawei::detail {

Result<rapidjson::Document> parseObject(std::string_view body) {
  rapidjson::Document d;
  if (delivery::detail::trimView(body).empty()) {
    d.SetObject();
    return d;
  }
  // kParseStopWhenDoneFlag is not used: trailing garbage is an error. Depth is bounded by
  // RapidJSON's iterative parser, so hostile nesting cannot exhaust the stack.
  d.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (d.HasParseError()) {
    return Error(ErrorKind::InvalidResponse, std::string("malformed JSON at offset ") +
                                                 std::to_string(d.GetErrorOffset()) + ": " +
                                                 rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) return Error(ErrorKind::InvalidResponse, "the JSON body is not an object");
  return d;
}

std::optional<std::string> Reader::string(const rapidjson::Value& obj, const char* name, const std::string& path) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (!it->value.IsString()) {
    problem(path, "must be a string");
    return std::nullopt;
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::optional<std::int64_t> Reader::integer(const rapidjson::Value& obj, const char* name, const std::string& path) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
  if (it->value.IsInt64()) return it->value.GetInt64();
  if (it->value.IsString()) {
    const std::string s(it->value.GetString(), it->value.GetStringLength());
    if (!s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string::npos) return std::stoll(s);
  }
  problem(path, "must be an integer");
  return std::nullopt;
}

const rapidjson::Value* Reader::object(const rapidjson::Value& obj, const char* name, const std::string& path) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
  if (!it->value.IsObject()) {
    problem(path, "must be an object");
    return nullptr;
  }
  return &it->value;
}

const rapidjson::Value* Reader::array(const rapidjson::Value& obj, const char* name, const std::string& path) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd() || it->value.IsNull()) return nullptr;
  if (!it->value.IsArray()) {
    problem(path, "must be an array");
    return nullptr;
  }
  return &it->value;
}

Error unreadable(std::vector<FieldViolation> problems, const char* what) {
  Error e(ErrorKind::InvalidResponse, std::string("unexpected ") + what + " response body");
  e.violations = std::move(problems);
  return e;
}

}  // namespace delivery::huawei::detail
