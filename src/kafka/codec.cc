#include "kafka/codec.h"

#include <optional>

#include "huawei/json.h"
#include "huawei/json_fields.h"

namespace delivery::kafka::detail {
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

// A request body (the emulator's side); nullopt, and a problem, when it is not a JSON object.
std::optional<rapidjson::Document> requestBody(std::string_view body, std::vector<FieldViolation>& problems) {
  auto doc = parseObject(body);
  if (!doc) {
    problems.push_back({"body", doc.error().message});
    return std::nullopt;
  }
  return std::move(doc).value();
}

// A request member the emulator requires although the table gives it a default.
void requireMember(const Value& object, const char* name, const char* path, std::vector<FieldViolation>& problems) {
  if (!object.HasMember(name)) problems.push_back({path, "is required"});
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

CreateSinkTaskRequest decodeCreate(std::string_view body, std::vector<FieldViolation>& problems) {
  CreateSinkTaskRequest out;
  auto doc = requestBody(body, problems);
  if (!doc) return out;
  // The fixed values are checked by hand (the service's messages), then left out of the table's read.
  auto fixed = [&](const char* name, const char* value, const char* message) {
    auto it = doc->FindMember(name);
    if (it == doc->MemberEnd() || !it->value.IsString() || std::string_view(it->value.GetString()) != value) {
      problems.push_back({name, message});
    }
    if (it != doc->MemberEnd()) doc->RemoveMember(it);
  };
  fixed("source_type", CreateSinkTaskRequest::kSourceType, "must be BLOB");
  fixed("destination_type", CreateSinkTaskRequest::kDestinationType, "must be OBS");
  FieldReader(problems).readObject(*doc, Path(), out);
  auto o = doc->FindMember("obs_destination_descriptor");
  if (o == doc->MemberEnd() || !o->value.IsObject()) {
    problems.push_back({"obs_destination_descriptor", "is required"});
    return out;
  }
  requireMember(o->value, "consumer_strategy", "obs_destination_descriptor.consumer_strategy", problems);
  requireMember(o->value, "destination_file_type", "obs_destination_descriptor.destination_file_type", problems);
  requireMember(o->value, "deliver_time_interval", "obs_destination_descriptor.deliver_time_interval", problems);
  return out;
}

CreateConnectorRequest decodeCreateConnector(std::string_view body, std::vector<FieldViolation>& problems) {
  CreateConnectorRequest out;
  if (auto doc = requestBody(body, problems)) FieldReader(problems).readObject(*doc, Path(), out);
  return out;
}

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

// ---- the service's side (the emulator) ----------------------------------------------------------

std::string encodeCreateResponse(const std::string& taskId) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  delivery::huawei::detail::field(w, "task_id", taskId);
  w.EndObject();
  return toText(b);
}

std::string encodeList(const ListSinkTasksResponse& response) { return json(response); }

std::string encodeShow(const ShowSinkTaskResponse& response, bool withTopicsInfo) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  const WriteOptions options;
  w.StartObject();
  delivery::huawei::detail::writeMembers(w, response.getTask(), options);
  if (const auto& d = response.getObsDestinationDescriptor()) {
    key(w, "obs_destination_descriptor");
    writeObject(w, *d, options);
  }
  // topics_info only when the request asked for it (topic-info=true), as the service does.
  if (withTopicsInfo) {
    key(w, "topics_info");
    w.StartArray();
    for (const auto& t : response.getTopicsInfo()) writeObject(w, t, options);
    w.EndArray();
  }
  w.EndObject();
  return toText(b);
}

std::string encodeCreateConnectorResponse(const std::string& jobId, const std::string& connectorId) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  delivery::huawei::detail::field(w, "job_id", jobId);
  delivery::huawei::detail::field(w, "connector_id", connectorId);
  w.EndObject();
  return toText(b);
}

}  // namespace delivery::kafka::detail
