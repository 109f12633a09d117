// The Smart Connect bodies, written and read through the field tables of
// include/delivery/kafka/smart_connect.h. Kept apart from src/kafka/codec.cc (the sink-task API).

#include "kafka/smart_connect_codec.h"

#include "huawei/json.h"
#include "huawei/json_fields.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {
namespace {

namespace hd = delivery::huawei::detail;
using delivery::detail::Path;

// A task entity at the top level of the body (create and show answer the task itself).
template <typename Response>
Result<Response> decodeTask(std::string_view body, const char* what, bool needId) {
  return hd::decodeBody<Response>(body, what, [needId](const rapidjson::Value& doc, hd::FieldReader& reader, Response& out) {
    reader.readObject(doc, Path(), static_cast<SmartConnectTaskEntity&>(out));
    // The id is what every later call addresses the task by.
    if (needId && out.getId().empty()) reader.problem(Path("id"), "is missing");
  });
}

}  // namespace

std::string encodeCreateConnectorTask(const CreateConnectorTaskRequest& r, bool redactSecrets) {
  hd::WriteOptions options;
  options.redactSecrets = redactSecrets;
  return hd::encodeMessage(r, options);
}

Result<CreateConnectorTaskResponse> decodeCreateConnectorTaskResponse(std::string_view body) {
  return decodeTask<CreateConnectorTaskResponse>(body, "create connector task", true);
}

Result<ShowConnectorTaskResponse> decodeShowConnectorTaskResponse(std::string_view body) {
  return decodeTask<ShowConnectorTaskResponse>(body, "show connector task", false);
}

Result<ListConnectorTasksResponse> decodeListConnectorTasksResponse(std::string_view body) {
  return hd::decodeMessage<ListConnectorTasksResponse>(body, "list connector tasks");
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail

DELIVERY_NAMESPACE_BEGIN namespace kafka {

std::string CreateConnectorTaskRequest::toString() const {
  return "instance " + getInstanceId() + ": " + detail::encodeCreateConnectorTask(*this, true);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
