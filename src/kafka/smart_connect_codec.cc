// The Smart Connect bodies, written and read through the field tables of
// include/delivery/kafka/smart_connect.h. Kept apart from src/kafka/codec.cc (the sink-task API).

#include "kafka/smart_connect_codec.h"

#include "huawei/json.h"
#include "huawei/json_fields.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {
namespace {

using delivery::detail::Path;
using delivery::huawei::detail::FieldReader;
using delivery::huawei::detail::JsonWriter;
using delivery::huawei::detail::parseObject;
using delivery::huawei::detail::toText;
using delivery::huawei::detail::unreadable;
using delivery::huawei::detail::WriteOptions;
using delivery::huawei::detail::writeObject;

// A task entity at the top level of the body (create and show answer the task itself).
template <typename Response>
Result<Response> decodeTask(std::string_view body, const char* what, bool needId) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Response out;
  FieldReader(problems).readObject(*doc, Path(), static_cast<SmartConnectTaskEntity&>(out));
  // The id is what every later call addresses the task by.
  if (needId && out.getId().empty()) problems.push_back({"id", "is missing"});
  if (!problems.empty()) return unreadable(std::move(problems), what);
  return out;
}

}  // namespace

std::string encodeCreateConnectorTask(const CreateConnectorTaskRequest& r, bool redactSecrets) {
  WriteOptions options;
  options.redactSecrets = redactSecrets;
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  writeObject(w, r, options);
  return toText(b);
}

Result<CreateConnectorTaskResponse> decodeCreateConnectorTaskResponse(std::string_view body) {
  return decodeTask<CreateConnectorTaskResponse>(body, "create connector task", true);
}

Result<ShowConnectorTaskResponse> decodeShowConnectorTaskResponse(std::string_view body) {
  return decodeTask<ShowConnectorTaskResponse>(body, "show connector task", false);
}

Result<ListConnectorTasksResponse> decodeListConnectorTasksResponse(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  ListConnectorTasksResponse out;
  FieldReader(problems).readObject(*doc, Path(), out);
  if (!problems.empty()) return unreadable(std::move(problems), "list connector tasks");
  return out;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail

DELIVERY_NAMESPACE_BEGIN namespace kafka {

std::string CreateConnectorTaskRequest::toString() const {
  return "instance " + getInstanceId() + ": " + detail::encodeCreateConnectorTask(*this, true);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
