#include "kafka/codec.h"

#include "huawei/json.h"

namespace delivery::kafka::detail {
namespace {

using delivery::huawei::detail::field;
using delivery::huawei::detail::JsonWriter;
using delivery::huawei::detail::key;
using delivery::huawei::detail::optionalField;
using delivery::huawei::detail::parseObject;
using delivery::huawei::detail::readEnum;
using delivery::huawei::detail::toText;
using delivery::huawei::detail::unreadable;
using delivery::huawei::detail::Reader;
using rapidjson::Value;

SinkTask readTask(Reader& r, const Value& o, const std::string& p) {
  SinkTask t;
  auto s = [&](const char* name) { return r.string(o, name, p + name).value_or(""); };
  t.taskId = s("task_id");
  t.taskName = s("task_name");
  t.destinationType = s("destination_type");
  t.createTime = r.integer(o, "create_time", p + "create_time").value_or(0);
  t.status = s("status");
  t.topics = s("topics");
  return t;
}

void writeTask(JsonWriter& w, const SinkTask& t, bool withId) {
  if (withId) field(w, "task_id", t.taskId);
  field(w, "task_name", t.taskName);
  field(w, "destination_type", t.destinationType);
  field(w, "create_time", t.createTime);
  field(w, "status", t.status);
  field(w, "topics", t.topics);
}

}  // namespace

std::string encodeCreate(const CreateSinkTaskRequest& r, bool redactSecrets) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  const ObsDestinationDescriptor& d = r.getObsDestinationDescriptor();
  w.StartObject();
  field(w, "source_type", CreateSinkTaskRequest::kSourceType);
  field(w, "task_name", r.getTaskName());
  field(w, "destination_type", CreateSinkTaskRequest::kDestinationType);
  key(w, "obs_destination_descriptor");
  w.StartObject();
  // The Go v3 model always writes topics (a plain string field), so a regex-only task sends "".
  field(w, "topics", d.getTopics() ? std::string_view(*d.getTopics()) : std::string_view());
  optionalField(w, "topics_regex", d.getTopicsRegex());
  field(w, "consumer_strategy", toString(d.getConsumerStrategy()));
  field(w, "destination_file_type", toString(d.getDestinationFileType()));
  field(w, "access_key", redactSecrets ? std::string("<redacted>") : d.getAccessKey());
  field(w, "secret_key", redactSecrets ? std::string("<redacted>") : d.getSecretKey());
  field(w, "obs_bucket_name", d.getObsBucketName());
  optionalField(w, "obs_path", d.getObsPath());
  if (d.getPartitionFormat()) field(w, "partition_format", toString(*d.getPartitionFormat()));
  if (d.getRecordDelimiter()) field(w, "record_delimiter", toString(*d.getRecordDelimiter()));
  field(w, "deliver_time_interval", static_cast<std::int64_t>(d.getDeliverTimeInterval()));
  w.EndObject();
  w.EndObject();
  return toText(b);
}

std::string encodeCreateConnector(const CreateConnectorRequest& r) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  if (r.getSpecification()) field(w, "specification", toString(*r.getSpecification()));
  if (r.getNodeCnt()) field(w, "node_cnt", std::to_string(*r.getNodeCnt()));
  optionalField(w, "spec_code", r.getSpecCode());
  w.EndObject();
  return toText(b);
}

CreateSinkTaskRequest decodeCreate(std::string_view body, std::vector<FieldViolation>& problems) {
  CreateSinkTaskRequest out;
  auto doc = parseObject(body);
  if (!doc) {
    problems.push_back({"body", doc.error().message});
    return out;
  }
  Reader r(problems);
  const auto source = r.string(*doc, "source_type", "source_type");
  if (source != std::optional<std::string>(CreateSinkTaskRequest::kSourceType)) {
    r.problem("source_type", "must be BLOB");
  }
  const auto destination = r.string(*doc, "destination_type", "destination_type");
  if (destination != std::optional<std::string>(CreateSinkTaskRequest::kDestinationType)) {
    r.problem("destination_type", "must be OBS");
  }
  out.setTaskName(r.string(*doc, "task_name", "task_name").value_or(""));
  const Value* o = r.object(*doc, "obs_destination_descriptor", "obs_destination_descriptor");
  if (o == nullptr) {
    r.problem("obs_destination_descriptor", "is required");
    return out;
  }
  const std::string p = "obs_destination_descriptor.";
  ObsDestinationDescriptor d;
  if (auto v = r.string(*o, "topics", p + "topics"); v && !v->empty()) d.setTopics(*v);
  if (auto v = r.string(*o, "topics_regex", p + "topics_regex")) d.setTopicsRegex(*v);
  if (auto v = readEnum<ConsumerStrategy, 2>(r, *o, "consumer_strategy", p + "consumer_strategy")) {
    d.setConsumerStrategy(*v);
  } else if (!o->HasMember("consumer_strategy")) {
    r.problem(p + "consumer_strategy", "is required");
  }
  if (auto v = readEnum<DestinationFileType, 1>(r, *o, "destination_file_type", p + "destination_file_type")) {
    d.setDestinationFileType(*v);
  } else if (!o->HasMember("destination_file_type")) {
    r.problem(p + "destination_file_type", "is required");
  }
  d.setAccessKey(r.string(*o, "access_key", p + "access_key").value_or(""));
  d.setSecretKey(r.string(*o, "secret_key", p + "secret_key").value_or(""));
  d.setObsBucketName(r.string(*o, "obs_bucket_name", p + "obs_bucket_name").value_or(""));
  if (auto v = r.string(*o, "obs_path", p + "obs_path")) d.setObsPath(*v);
  if (auto v = readEnum<PartitionFormat, 5>(r, *o, "partition_format", p + "partition_format")) d.setPartitionFormat(*v);
  if (auto v = readEnum<RecordDelimiter, 5>(r, *o, "record_delimiter", p + "record_delimiter")) d.setRecordDelimiter(*v);
  if (auto v = r.integer(*o, "deliver_time_interval", p + "deliver_time_interval")) {
    d.setDeliverTimeInterval(static_cast<int>(std::max<std::int64_t>(INT32_MIN, std::min<std::int64_t>(INT32_MAX, *v))));
  } else if (!o->HasMember("deliver_time_interval")) {
    r.problem(p + "deliver_time_interval", "is required");
  }
  out.setObsDestinationDescriptor(std::move(d));
  return out;
}

CreateConnectorRequest decodeCreateConnector(std::string_view body, std::vector<FieldViolation>& problems) {
  CreateConnectorRequest out;
  auto doc = parseObject(body);
  if (!doc) {
    problems.push_back({"body", doc.error().message});
    return out;
  }
  Reader r(problems);
  if (auto v = readEnum<ConnectorSpecification, 4>(r, *doc, "specification", "specification")) out.setSpecification(*v);
  if (auto v = r.integer(*doc, "node_cnt", "node_cnt")) out.setNodeCnt(static_cast<int>(std::min<std::int64_t>(*v, 1000000)));
  if (auto v = r.string(*doc, "spec_code", "spec_code")) out.setSpecCode(*v);
  return out;
}

Result<std::string> decodeCreateResponse(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  auto id = r.string(*doc, "task_id", "task_id");
  if (!id || id->empty()) r.problem("task_id", "is missing");
  if (!problems.empty()) return unreadable(std::move(problems), "create sink task");
  return *id;
}

Result<ListSinkTasksResponse> decodeList(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  ListSinkTasksResponse out;
  std::vector<SinkTask> tasks;
  if (const Value* list = r.array(*doc, "tasks", "tasks")) {
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const std::string p = "tasks[" + std::to_string(i) + "].";
      if (!(*list)[i].IsObject()) {
        r.problem(p, "must be an object");
        continue;
      }
      tasks.push_back(readTask(r, (*list)[i], p));
    }
  }
  out.setTasks(std::move(tasks));
  out.setTotalNumber(r.integer(*doc, "total_number", "total_number").value_or(0));
  out.setMaxTasks(r.integer(*doc, "max_tasks", "max_tasks").value_or(0));
  out.setQuotaTasks(r.integer(*doc, "quota_tasks", "quota_tasks").value_or(0));
  if (!problems.empty()) return unreadable(std::move(problems), "list sink tasks");
  return out;
}

Result<ShowSinkTaskResponse> decodeShow(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  ShowSinkTaskResponse out;
  out.setTask(readTask(r, *doc, ""));
  if (const Value* o = r.object(*doc, "obs_destination_descriptor", "obs_destination_descriptor")) {
    const std::string p = "obs_destination_descriptor.";
    ObsDestinationDescription d;
    auto s = [&](const char* name) { return r.string(*o, name, p + name).value_or(""); };
    d.consumerStrategy = s("consumer_strategy");
    d.destinationFileType = s("destination_file_type");
    d.obsBucketName = s("obs_bucket_name");
    d.obsPath = s("obs_path");
    d.partitionFormat = s("partition_format");
    d.recordDelimiter = s("record_delimiter");
    d.deliverTimeInterval = r.integer(*o, "deliver_time_interval", p + "deliver_time_interval").value_or(0);
    d.obsPartSize = r.integer(*o, "obs_part_size", p + "obs_part_size").value_or(0);
    out.setObsDestinationDescriptor(d);
  }
  std::vector<TopicInfo> infos;
  if (const Value* list = r.array(*doc, "topics_info", "topics_info")) {
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const std::string p = "topics_info[" + std::to_string(i) + "]";
      const Value& t = (*list)[i];
      if (!t.IsObject()) {
        r.problem(p, "must be an object");
        continue;
      }
      TopicInfo info;
      info.topic = r.string(t, "topic", p + ".topic").value_or("");
      if (const Value* parts = r.array(t, "partitions", p + ".partitions")) {
        for (rapidjson::SizeType k = 0; k < parts->Size(); ++k) {
          const std::string pp = p + ".partitions[" + std::to_string(k) + "].";
          const Value& x = (*parts)[k];
          if (!x.IsObject()) {
            r.problem(pp, "must be an object");
            continue;
          }
          // Documented as strings; numbers are read too.
          auto text = [&](const char* name) -> std::string {
            auto it = x.FindMember(name);
            if (it == x.MemberEnd() || it->value.IsNull()) return "";
            if (it->value.IsString()) return it->value.GetString();
            if (it->value.IsInt64()) return std::to_string(it->value.GetInt64());
            r.problem(pp + name, "must be a string");
            return "";
          };
          info.partitions.push_back(TopicPartitionInfo{text("partition_id"), text("status"), text("last_transfer_offset"),
                                                       text("log_end_offset"), text("lag")});
        }
      }
      infos.push_back(std::move(info));
    }
  }
  out.setTopicsInfo(std::move(infos));
  if (!problems.empty()) return unreadable(std::move(problems), "show sink task");
  return out;
}

Result<CreateConnectorResponse> decodeCreateConnectorResponse(std::string_view body) {
  auto doc = parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  CreateConnectorResponse out;
  out.setJobId(r.string(*doc, "job_id", "job_id").value_or(""));
  out.setConnectorId(r.string(*doc, "connector_id", "connector_id").value_or(""));
  if (!problems.empty()) return unreadable(std::move(problems), "create connector");
  return out;
}

std::string encodeCreateResponse(const std::string& taskId) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  field(w, "task_id", taskId);
  w.EndObject();
  return toText(b);
}

std::string encodeList(const ListSinkTasksResponse& response) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  key(w, "tasks");
  w.StartArray();
  for (const auto& t : response.getTasks()) {
    w.StartObject();
    writeTask(w, t, true);
    w.EndObject();
  }
  w.EndArray();
  field(w, "total_number", response.getTotalNumber());
  field(w, "max_tasks", response.getMaxTasks());
  field(w, "quota_tasks", response.getQuotaTasks());
  w.EndObject();
  return toText(b);
}

std::string encodeShow(const ShowSinkTaskResponse& response, bool withTopicsInfo) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  writeTask(w, response.getTask(), true);
  if (const auto& d = response.getObsDestinationDescriptor()) {
    key(w, "obs_destination_descriptor");
    w.StartObject();
    field(w, "consumer_strategy", d->consumerStrategy);
    field(w, "destination_file_type", d->destinationFileType);
    field(w, "obs_bucket_name", d->obsBucketName);
    field(w, "obs_path", d->obsPath);
    field(w, "partition_format", d->partitionFormat);
    field(w, "record_delimiter", d->recordDelimiter);
    field(w, "deliver_time_interval", d->deliverTimeInterval);
    field(w, "obs_part_size", d->obsPartSize);
    w.EndObject();
  }
  if (withTopicsInfo) {
    key(w, "topics_info");
    w.StartArray();
    for (const auto& t : response.getTopicsInfo()) {
      w.StartObject();
      field(w, "topic", t.topic);
      key(w, "partitions");
      w.StartArray();
      for (const auto& p : t.partitions) {
        w.StartObject();
        field(w, "partition_id", p.partitionId);
        field(w, "status", p.status);
        field(w, "last_transfer_offset", p.lastTransferOffset);
        field(w, "log_end_offset", p.logEndOffset);
        field(w, "lag", p.lag);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return toText(b);
}

std::string encodeCreateConnectorResponse(const std::string& jobId, const std::string& connectorId) {
  rapidjson::StringBuffer b;
  JsonWriter w(b);
  w.StartObject();
  field(w, "job_id", jobId);
  field(w, "connector_id", connectorId);
  w.EndObject();
  return toText(b);
}

}  // namespace delivery::kafka::detail
