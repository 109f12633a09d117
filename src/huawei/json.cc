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

Error unreadable(std::vector<FieldViolation> problems, const char* what) {
  Error e(ErrorKind::InvalidResponse, std::string("unexpected ") + what + " response body");
  e.violations = std::move(problems);
  return e;
}

}  // namespace delivery::huawei::detail
