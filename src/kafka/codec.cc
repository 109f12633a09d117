#include "kafka/codec.h"

#include <optional>

#include "huawei/json.h"
#include "huawei/json_fields.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {
namespace hd = delivery::huawei::detail;
using delivery::detail::Path;
using rapidjson::Value;

// The tables give the whole body: source_type and destination_type are fixed READ fields,
// connector_id is a URL parameter, and topics is sent as "" when unset (what the Go v3 model sends).
std::string encodeCreate(const CreateSinkTaskRequest& r, bool redactSecrets) {
  hd::WriteOptions options;
  options.redactSecrets = redactSecrets;
  return hd::encodeMessage(r, options);
}

void encodeCreateInto(const CreateSinkTaskRequest& r, std::string& out) {
  hd::writeJsonInto(out, [&](hd::JsonWriter& w) { hd::writeObject(w, r, hd::WriteOptions{}); });
}

std::string encodeCreateConnector(const CreateConnectorRequest& r) { return hd::encodeMessage(r); }

Result<CreateSinkTaskResponse> decodeCreateSinkTaskResponse(std::string_view body) {
  return hd::decodeBody<CreateSinkTaskResponse>(
      body, "create sink task", [](const Value& doc, hd::FieldReader& reader, CreateSinkTaskResponse& out) {
        reader.readObject(doc, Path(), out);
        if (out.getTaskId().empty()) reader.problem(Path("task_id"), "is missing");
      });
}

Result<ListSinkTasksResponse> decodeList(std::string_view body) {
  return hd::decodeMessage<ListSinkTasksResponse>(body, "list sink tasks");
}

// The task's fields sit at the top level, beside the descriptor and the topic info.
Result<ShowSinkTaskResponse> decodeShow(std::string_view body) {
  return hd::decodeBody<ShowSinkTaskResponse>(
      body, "show sink task", [](const Value& doc, hd::FieldReader& reader, ShowSinkTaskResponse& out) {
        reader.readObject(doc, Path(), static_cast<SinkTask&>(out));
        reader.readObject(doc, Path(), out);
      });
}

Result<CreateConnectorResponse> decodeCreateConnectorResponse(std::string_view body) {
  return hd::decodeMessage<CreateConnectorResponse>(body, "create connector");
}

Result<DeleteConnectorResponse> decodeDeleteConnectorResponse(std::string_view body) {
  return hd::decodeMessage<DeleteConnectorResponse>(body, "delete connector");
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail
