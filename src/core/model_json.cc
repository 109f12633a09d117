#include "core/model_json.h"

#include <rapidjson/error/en.h>
#include <rapidjson/pointer.h>

#include <algorithm>

DELIVERY_NAMESPACE_BEGIN namespace detail {

Result<std::unique_ptr<JsonText>> JsonText::parse(std::string_view text, const JsonReadOptions& options) {
  if (text.size() > options.maxBytes) {
    return Error(ErrorKind::InvalidArgument, "the JSON text is " + std::to_string(text.size()) +
                                                 " bytes, more than the limit of " + std::to_string(options.maxBytes));
  }
  if (text.find('\0') != std::string_view::npos) {
    return Error(ErrorKind::InvalidArgument, "the JSON text contains a NUL byte");
  }
  auto out = std::unique_ptr<JsonText>(new JsonText());
  out->buffer_.assign(text.data(), text.size());
  out->lineStarts_.push_back(0);
  for (std::size_t i = 0; i < out->buffer_.size(); ++i) {
    if (out->buffer_[i] == '\n') out->lineStarts_.push_back(i + 1);
  }
  // In situ: strings stay inside the buffer (so lineOf() can place them); iterative: no recursion
  // on deep nesting. Anything after the value but white space is an error.
  out->document_.ParseInsitu<rapidjson::kParseIterativeFlag>(out->buffer_.data());
  if (out->document_.HasParseError()) {
    const std::size_t offset = out->document_.GetErrorOffset();
    const auto it = std::upper_bound(out->lineStarts_.begin(), out->lineStarts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - out->lineStarts_.begin());
    const std::size_t column = offset - out->lineStarts_[line - 1] + 1;
    Error e(ErrorKind::InvalidArgument, std::string("not valid JSON: ") +
                                            rapidjson::GetParseError_En(out->document_.GetParseError()) + " (line " +
                                            std::to_string(line) + ", column " + std::to_string(column) + ")");
    e.violations.push_back({options.pathPrefix, withLine(rapidjson::GetParseError_En(out->document_.GetParseError()), line)});
    return e;
  }
  out->root_ = &out->document_;
  if (!options.pointer.empty()) {
    rapidjson::Pointer pointer(options.pointer.c_str(), options.pointer.size());
    const rapidjson::Value* v = pointer.IsValid() ? pointer.Get(out->document_) : nullptr;
    if (v == nullptr) return Error(ErrorKind::InvalidArgument, "the JSON text has nothing at " + options.pointer);
    out->root_ = v;
  }
  return out;
}

std::size_t JsonText::lineOf(const char* p) const {
  if (p == nullptr || buffer_.empty() || p < buffer_.data() || p >= buffer_.data() + buffer_.size()) return 0;
  const auto offset = static_cast<std::size_t>(p - buffer_.data());
  const auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<std::size_t>(it - lineStarts_.begin());
}

Error jsonProblems(std::vector<FieldViolation> problems, std::string_view what) {
  Error e(ErrorKind::InvalidArgument, "the JSON of " + std::string(what) + " has " + std::to_string(problems.size()) +
                                          (problems.size() == 1 ? " problem" : " problems"));
  e.violations = std::move(problems);
  return e;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
