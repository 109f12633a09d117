#include "kafka/codec.h"

#include <optional>

#include "huawei/json.h"
#include "huawei/json_fields.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {
namespace {

using delivery::detail::Path;
using delivery::huawei::detail::FieldReader;
using delivery::huawei::detail::JsonWriter;
using delivery::huawei::detail::key;
using delivery::huawei::detail::parseObject;
using delivery::huawei::detail::toText;
using delivery::huawei::detail::unreadable;
using delivery::huawei::detail::WriteOptions;
using delivery::huawei::detail::writeObject;
using rapidjson::Value;

template <typename T>
std::string json(const T& message, const WriteOptions& options = {}) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  writeObject(w, message, options);
  return toText(b);
}

// A response body read through its table; InvalidResponse naming every problem.
template <typename T>
Result<T> decodeResponse(std::string_view body, const char* what) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  T out;
  FieldReader(problems).readObject(*doc, Path(), out);
  if (!problems.empty()) return unreadable(std::move(problems), what);
  return out;
}

}  // namespace

// The tables give the whole body: source_type and destination_type are fixed READ fields,
// connector_id is a URL parameter, and topics is sent as "" when unset (what the Go v3 model sends).
std::string encodeCreate(const CreateSinkTaskRequest& r, bool redactSecrets) {
  WriteOptions options;
  options.redactSecrets = redactSecrets;
  return json(r, options);
}

void encodeCreateInto(const CreateSinkTaskRequest& r, std::string& out) {
  delivery::huawei::detail::writeJsonInto(out, [&](JsonWriter& w) { writeObject(w, r, WriteOptions{}); });
}

std::string encodeCreateConnector(const CreateConnectorRequest& r) { return json(r); }

Result<CreateSinkTaskResponse> decodeCreateSinkTaskResponse(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  CreateSinkTaskResponse out;
  FieldReader(problems).readObject(*doc, Path(), out);
  if (out.getTaskId().empty()) problems.push_back({"task_id", "is missing"});
  if (!problems.empty()) return unreadable(std::move(problems), "create sink task");
  return out;
}

Result<ListSinkTasksResponse> decodeList(std::string_view body) {
  return decodeResponse<ListSinkTasksResponse>(body, "list sink tasks");
}

// The task's fields sit at the top level, beside the descriptor and the topic info.
Result<ShowSinkTaskResponse> decodeShow(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  FieldReader reader(problems);
  ShowSinkTaskResponse out;
  reader.readObject(*doc, Path(), static_cast<SinkTask&>(out));
  reader.readObject(*doc, Path(), out);
  if (!problems.empty()) return unreadable(std::move(problems), "show sink task");
  return out;
}

Result<CreateConnectorResponse> decodeCreateConnectorResponse(std::string_view body) {
  return decodeResponse<CreateConnectorResponse>(body, "create connector");
}

Result<DeleteConnectorResponse> decodeDeleteConnectorResponse(std::string_view body) {
  return decodeResponse<DeleteConnectorResponse>(body, "delete connector");
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail
