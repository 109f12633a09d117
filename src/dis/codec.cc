#include "dis/codec.h"

#include "huawei/json.h"

namespace delivery::dis::detail {
namespace {

using delivery::huawei::detail::field;
using delivery::huawei::detail::fromWire;
using delivery::huawei::detail::readEnum;
using delivery::huawei::detail::toText;
using delivery::huawei::detail::unreadable;
using delivery::huawei::detail::JsonWriter;
using delivery::huawei::detail::key;
using delivery::huawei::detail::optionalField;
using delivery::huawei::detail::Reader;
using rapidjson::Value;

constexpr const char* kDescriptorKeys[] = {"obs_destination_descriptor", "mrs_destination_descriptor",
                                           "dli_destination_descriptor", "dws_destination_descriptor",
                                           "cloudtable_destination_descriptor"};

// DestinationDescriptor's alternative for a destination type (the enum and the variant differ in order).
std::size_t variantIndexOf(DestinationType type) {
  switch (type) {
    case DestinationType::OBS: return 0;
    case DestinationType::MRS: return 1;
    case DestinationType::DLI: return 2;
    case DestinationType::DWS: return 3;
    case DestinationType::CLOUDTABLE: return 4;
  }
  return 0;
}

// ---- writing --------------------------------------------------------------------------------------

struct Out {
  JsonWriter& w;
  const EncodeOptions& o;

  template <typename E>
  void optEnum(std::string_view k, const std::optional<E>& v) {
    if (v) field(w, k, toString(*v));
  }
  void retry(const std::optional<int>& v) {
    if (!v) return;
    if (o.retryDurationAsString) {
      field(w, "retry_duration", std::to_string(*v));
    } else {
      field(w, "retry_duration", static_cast<std::int64_t>(*v));
    }
  }
  template <typename D>
  void common(const D& d) {
    field(w, "task_name", d.getTaskName());
    optionalField(w, "agency_name", d.getAgencyName());
    field(w, "deliver_time_interval", static_cast<std::int64_t>(d.getDeliverTimeInterval()));
    optEnum("consumer_strategy", d.getConsumerStrategy());
  }

  void write(const ObsDestinationDescriptor& d) {
    common(d);
    optionalField(w, "file_prefix", d.getFilePrefix());
    optEnum("partition_format", d.getPartitionFormat());
    field(w, "obs_bucket_path", d.getObsBucketPath());
    optEnum("destination_file_type", d.getDestinationFileType());
    if (const auto& p = d.getProcessingSchema()) {
      key(w, "processing_schema");
      w.StartObject();
      field(w, "timestamp_name", p->getTimestampName());
      field(w, "timestamp_type", toString(p->getTimestampType()));
      optEnum("timestamp_format", p->getTimestampFormat());
      w.EndObject();
    }
    optEnum("record_delimiter", d.getRecordDelimiter());
  }

  void write(const MrsDestinationDescriptor& d) {
    common(d);
    field(w, "mrs_cluster_name", d.getMrsClusterName());
    field(w, "mrs_cluster_id", d.getMrsClusterId());
    field(w, "mrs_hdfs_path", d.getMrsHdfsPath());
    optionalField(w, "file_prefix", d.getFilePrefix());
    optionalField(w, "hdfs_prefix_folder", d.getHdfsPrefixFolder());
    field(w, "obs_bucket_path", d.getObsBucketPath());
    retry(d.getRetryDuration());
  }

  void write(const DliDestinationDescriptor& d) {
    common(d);
    field(w, "dli_database_name", d.getDliDatabaseName());
    field(w, "dli_table_name", d.getDliTableName());
    field(w, "obs_bucket_path", d.getObsBucketPath());
    optionalField(w, "file_prefix", d.getFilePrefix());
    retry(d.getRetryDuration());
  }

  void write(const DWSDestinationDescriptor& d) {
    common(d);
    field(w, "dws_cluster_name", d.getDwsClusterName());
    field(w, "dws_cluster_id", d.getDwsClusterId());
    field(w, "dws_database_name", d.getDwsDatabaseName());
    field(w, "dws_schema", d.getDwsSchema());
    field(w, "dws_table_name", d.getDwsTableName());
    optEnum("dws_delimiter", d.getDwsDelimiter());
    field(w, "user_name", d.getUserName());
    field(w, "user_password", o.redactSecrets ? std::string("<redacted>") : d.getUserPassword());
    field(w, "kms_user_key_name", d.getKmsUserKeyName());
    field(w, "kms_user_key_id", d.getKmsUserKeyId());
    field(w, "obs_bucket_path", d.getObsBucketPath());
    optionalField(w, "file_prefix", d.getFilePrefix());
    retry(d.getRetryDuration());
    optionalField(w, "dws_table_columns", d.getDwsTableColumns());
    if (const auto& opt = d.getOptions()) {
      key(w, "options");
      w.StartObject();
      auto flag = [&](const char* k, const std::optional<bool>& v) {
        if (v) field(w, k, *v ? "true" : "false");
      };
      flag("fill_missing_fields", opt->getFillMissingFields());
      flag("ignore_extra_data", opt->getIgnoreExtraData());
      flag("compatible_illegal_chars", opt->getCompatibleIllegalChars());
      optionalField(w, "reject_limit", opt->getRejectLimit());
      optionalField(w, "error_table_name", opt->getErrorTableName());
      w.EndObject();
    }
  }

  void write(const CloudtableDestinationDescriptor& d) {
    common(d);
    field(w, "cloudtable_cluster_name", d.getCloudtableClusterName());
    field(w, "cloudtable_cluster_id", d.getCloudtableClusterId());
    optionalField(w, "cloudtable_table_name", d.getCloudtableTableName());
    if (const auto& s = d.getCloudtableSchema()) {
      key(w, "cloudtable_schema");
      w.StartObject();
      key(w, "row_key");
      w.StartArray();
      for (const auto& k : s->rowKey) {
        w.StartObject();
        field(w, "value", k.value);
        field(w, "type", toString(k.type));
        w.EndObject();
      }
      w.EndArray();
      key(w, "columns");
      w.StartArray();
      for (const auto& c : s->columns) {
        w.StartObject();
        field(w, "column_family_name", c.columnFamilyName);
        field(w, "column_name", c.columnName);
        field(w, "value", c.value);
        field(w, "type", toString(c.type));
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    if (const auto& list = d.getOpenTsdbSchema()) {
      key(w, "opentsdb_schema");
      w.StartArray();
      for (const auto& s : *list) {
        w.StartObject();
        key(w, "metric");
        w.StartArray();
        for (const auto& m : s.metric) {
          w.StartObject();
          field(w, "type", toString(m.type));
          field(w, "value", m.value);
          w.EndObject();
        }
        w.EndArray();
        key(w, "timestamp");
        w.StartObject();
        field(w, "type", toString(s.timestamp.type));
        field(w, "value", s.timestamp.value);
        optEnum("format", s.timestamp.format);
        w.EndObject();
        key(w, "value");
        w.StartObject();
        field(w, "type", toString(s.value.type));
        field(w, "value", s.value.value);
        w.EndObject();
        key(w, "tags");
        w.StartArray();
        for (const auto& t : s.tags) {
          w.StartObject();
          field(w, "name", t.name);
          field(w, "type", toString(t.type));
          field(w, "value", t.value);
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    }
    optEnum("cloudtable_row_key_delimiter", d.getCloudtableRowKeyDelimiter());
    optionalField(w, "obs_backup_bucket_path", d.getObsBackupBucketPath());
    optionalField(w, "backup_file_prefix", d.getBackupFilePrefix());
    retry(d.getRetryDuration());
  }
};

void writeDescriptor(JsonWriter& w, const DestinationDescriptor& d, const EncodeOptions& o) {
  Out out{w, o};
  w.StartObject();
  std::visit([&](const auto& x) { out.write(x); }, d);
  w.EndObject();
}

// ---- reading --------------------------------------------------------------------------------------

struct In {
  Reader& r;

  std::string req(const Value& o, const char* name, const std::string& path) {
    auto s = r.string(o, name, path + "." + name);
    return s ? *s : std::string();
  }
  std::optional<std::string> opt(const Value& o, const char* name, const std::string& path) {
    return r.string(o, name, path + "." + name);
  }
  std::optional<int> optInt(const Value& o, const char* name, const std::string& path) {
    auto v = r.integer(o, name, path + "." + name);
    if (!v) return std::nullopt;
    if (*v < INT32_MIN || *v > INT32_MAX) {
      r.problem(path + "." + name, "is out of range");
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  template <typename D>
  void common(const Value& o, const std::string& p, D& d) {
    d.setTaskName(req(o, "task_name", p));
    if (auto a = opt(o, "agency_name", p)) d.setAgencyName(*a);
    if (auto i = optInt(o, "deliver_time_interval", p)) d.setDeliverTimeInterval(*i);
    if (auto c = readEnum<ConsumerStrategy, 2>(r, o, "consumer_strategy", p + ".consumer_strategy")) {
      d.setConsumerStrategy(*c);
    }
  }

  ObsDestinationDescriptor obs(const Value& o, const std::string& p) {
    ObsDestinationDescriptor d;
    common(o, p, d);
    if (auto v = opt(o, "file_prefix", p)) d.setFilePrefix(*v);
    if (auto v = readEnum<PartitionFormat, 5>(r, o, "partition_format", p + ".partition_format")) d.setPartitionFormat(*v);
    d.setObsBucketPath(req(o, "obs_bucket_path", p));
    if (auto v = readEnum<DestinationFileType, 3>(r, o, "destination_file_type", p + ".destination_file_type")) {
      d.setDestinationFileType(*v);
    }
    if (const Value* ps = r.object(o, "processing_schema", p + ".processing_schema")) {
      const std::string pp = p + ".processing_schema";
      ProcessingSchema s;
      s.setTimestampName(req(*ps, "timestamp_name", pp));
      if (auto t = readEnum<TimestampType, 2>(r, *ps, "timestamp_type", pp + ".timestamp_type")) s.setTimestampType(*t);
      if (auto f = readEnum<TimestampFormat, 6>(r, *ps, "timestamp_format", pp + ".timestamp_format")) {
        s.setTimestampFormat(*f);
      }
      d.setProcessingSchema(s);
    }
    if (auto v = readEnum<RecordDelimiter, 4>(r, o, "record_delimiter", p + ".record_delimiter")) d.setRecordDelimiter(*v);
    return d;
  }

  MrsDestinationDescriptor mrs(const Value& o, const std::string& p) {
    MrsDestinationDescriptor d;
    common(o, p, d);
    d.setMrsClusterName(req(o, "mrs_cluster_name", p));
    d.setMrsClusterId(req(o, "mrs_cluster_id", p));
    d.setMrsHdfsPath(req(o, "mrs_hdfs_path", p));
    if (auto v = opt(o, "file_prefix", p)) d.setFilePrefix(*v);
    if (auto v = opt(o, "hdfs_prefix_folder", p)) d.setHdfsPrefixFolder(*v);
    d.setObsBucketPath(req(o, "obs_bucket_path", p));
    if (auto v = optInt(o, "retry_duration", p)) d.setRetryDuration(*v);
    return d;
  }

  DliDestinationDescriptor dli(const Value& o, const std::string& p) {
    DliDestinationDescriptor d;
    common(o, p, d);
    d.setDliDatabaseName(req(o, "dli_database_name", p));
    d.setDliTableName(req(o, "dli_table_name", p));
    d.setObsBucketPath(req(o, "obs_bucket_path", p));
    if (auto v = opt(o, "file_prefix", p)) d.setFilePrefix(*v);
    if (auto v = optInt(o, "retry_duration", p)) d.setRetryDuration(*v);
    return d;
  }

  std::optional<bool> flag(const Value& o, const char* name, const std::string& p) {
    auto s = opt(o, name, p);
    if (!s) return std::nullopt;
    if (*s == "true" || *s == "on") return true;
    if (*s == "false" || *s == "off") return false;
    r.problem(p + "." + name, "must be \"true\" or \"false\"");
    return std::nullopt;
  }

  DWSDestinationDescriptor dws(const Value& o, const std::string& p) {
    DWSDestinationDescriptor d;
    common(o, p, d);
    d.setDwsClusterName(req(o, "dws_cluster_name", p));
    d.setDwsClusterId(req(o, "dws_cluster_id", p));
    d.setDwsDatabaseName(req(o, "dws_database_name", p));
    d.setDwsSchema(req(o, "dws_schema", p));
    d.setDwsTableName(req(o, "dws_table_name", p));
    if (auto v = readEnum<DwsDelimiter, 3>(r, o, "dws_delimiter", p + ".dws_delimiter")) d.setDwsDelimiter(*v);
    d.setUserName(req(o, "user_name", p));
    d.setUserPassword(req(o, "user_password", p));
    d.setKmsUserKeyName(req(o, "kms_user_key_name", p));
    d.setKmsUserKeyId(req(o, "kms_user_key_id", p));
    d.setObsBucketPath(req(o, "obs_bucket_path", p));
    if (auto v = opt(o, "file_prefix", p)) d.setFilePrefix(*v);
    if (auto v = optInt(o, "retry_duration", p)) d.setRetryDuration(*v);
    if (auto v = opt(o, "dws_table_columns", p)) d.setDwsTableColumns(*v);
    if (const Value* op = r.object(o, "options", p + ".options")) {
      const std::string pp = p + ".options";
      Options options;
      if (auto f = flag(*op, "fill_missing_fields", pp)) options.setFillMissingFields(*f);
      if (auto f = flag(*op, "ignore_extra_data", pp)) options.setIgnoreExtraData(*f);
      if (auto f = flag(*op, "compatible_illegal_chars", pp)) options.setCompatibleIllegalChars(*f);
      if (auto v = opt(*op, "reject_limit", pp)) options.setRejectLimit(*v);
      if (auto v = opt(*op, "error_table_name", pp)) options.setErrorTableName(*v);
      d.setOptions(options);
    }
    return d;
  }

  CloudtableDataType dataType(const Value& o, const std::string& p) {
    auto t = readEnum<CloudtableDataType, 6>(r, o, "type", p + ".type");
    return t ? *t : CloudtableDataType::String;
  }

  CloudtableDestinationDescriptor cloudtable(const Value& o, const std::string& p) {
    CloudtableDestinationDescriptor d;
    common(o, p, d);
    d.setCloudtableClusterName(req(o, "cloudtable_cluster_name", p));
    d.setCloudtableClusterId(req(o, "cloudtable_cluster_id", p));
    if (auto v = opt(o, "cloudtable_table_name", p)) d.setCloudtableTableName(*v);
    if (const Value* s = r.object(o, "cloudtable_schema", p + ".cloudtable_schema")) {
      const std::string sp = p + ".cloudtable_schema";
      CloudtableSchema schema;
      if (const Value* keys = r.array(*s, "row_key", sp + ".row_key")) {
        for (rapidjson::SizeType i = 0; i < keys->Size(); ++i) {
          const std::string kp = sp + ".row_key[" + std::to_string(i) + "]";
          if (!(*keys)[i].IsObject()) {
            r.problem(kp, "must be an object");
            continue;
          }
          schema.rowKey.push_back(RowKey{req((*keys)[i], "value", kp), dataType((*keys)[i], kp)});
        }
      }
      if (const Value* cols = r.array(*s, "columns", sp + ".columns")) {
        for (rapidjson::SizeType i = 0; i < cols->Size(); ++i) {
          const std::string cp = sp + ".columns[" + std::to_string(i) + "]";
          const Value& c = (*cols)[i];
          if (!c.IsObject()) {
            r.problem(cp, "must be an object");
            continue;
          }
          schema.columns.push_back(
              CloudtableColumn{req(c, "column_family_name", cp), req(c, "column_name", cp), req(c, "value", cp), dataType(c, cp)});
        }
      }
      d.setCloudtableSchema(std::move(schema));
    }
    if (const Value* list = r.array(o, "opentsdb_schema", p + ".opentsdb_schema")) {
      std::vector<OpenTsdbSchema> schemas;
      for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
        const std::string sp = p + ".opentsdb_schema[" + std::to_string(i) + "]";
        const Value& s = (*list)[i];
        if (!s.IsObject()) {
          r.problem(sp, "must be an object");
          continue;
        }
        OpenTsdbSchema schema;
        if (const Value* metrics = r.array(s, "metric", sp + ".metric")) {
          for (rapidjson::SizeType k = 0; k < metrics->Size(); ++k) {
            const std::string mp = sp + ".metric[" + std::to_string(k) + "]";
            if (!(*metrics)[k].IsObject()) {
              r.problem(mp, "must be an object");
              continue;
            }
            auto t = readEnum<OpenTsdbMetricType, 2>(r, (*metrics)[k], "type", mp + ".type");
            schema.metric.push_back(OpenTsdbMetric{t ? *t : OpenTsdbMetricType::Constant, req((*metrics)[k], "value", mp)});
          }
        }
        if (const Value* ts = r.object(s, "timestamp", sp + ".timestamp")) {
          auto t = readEnum<OpenTsdbTimestampType, 2>(r, *ts, "type", sp + ".timestamp.type");
          schema.timestamp.type = t ? *t : OpenTsdbTimestampType::Timestamp;
          schema.timestamp.value = req(*ts, "value", sp + ".timestamp");
          schema.timestamp.format = readEnum<TimestampFormat, 6>(r, *ts, "format", sp + ".timestamp.format");
        }
        if (const Value* v = r.object(s, "value", sp + ".value")) {
          schema.value.type = dataType(*v, sp + ".value");
          schema.value.value = req(*v, "value", sp + ".value");
        }
        if (const Value* tags = r.array(s, "tags", sp + ".tags")) {
          for (rapidjson::SizeType k = 0; k < tags->Size(); ++k) {
            const std::string tp = sp + ".tags[" + std::to_string(k) + "]";
            const Value& t = (*tags)[k];
            if (!t.IsObject()) {
              r.problem(tp, "must be an object");
              continue;
            }
            schema.tags.push_back(OpenTsdbTag{req(t, "name", tp), dataType(t, tp), req(t, "value", tp)});
          }
        }
        schemas.push_back(std::move(schema));
      }
      d.setOpenTsdbSchema(std::move(schemas));
    }
    if (auto v = readEnum<RowKeyDelimiter, 8>(r, o, "cloudtable_row_key_delimiter", p + ".cloudtable_row_key_delimiter")) {
      d.setCloudtableRowKeyDelimiter(*v);
    }
    if (auto v = opt(o, "obs_backup_bucket_path", p)) d.setObsBackupBucketPath(*v);
    if (auto v = opt(o, "backup_file_prefix", p)) d.setBackupFilePrefix(*v);
    if (auto v = optInt(o, "retry_duration", p)) d.setRetryDuration(*v);
    return d;
  }

  std::optional<DestinationDescriptor> descriptor(DestinationType type, const Value& o, const std::string& p) {
    switch (type) {
      case DestinationType::OBS: return DestinationDescriptor(obs(o, p));
      case DestinationType::MRS: return DestinationDescriptor(mrs(o, p));
      case DestinationType::DLI: return DestinationDescriptor(dli(o, p));
      case DestinationType::DWS: return DestinationDescriptor(dws(o, p));
      case DestinationType::CLOUDTABLE: return DestinationDescriptor(cloudtable(o, p));
    }
    return std::nullopt;
  }
};

TransferTask readTask(Reader& r, const Value& o, const std::string& p) {
  TransferTask t;
  auto s = [&](const char* name) {
    auto v = r.string(o, name, p + "." + name);
    return v ? *v : std::string();
  };
  t.taskId = s("task_id");
  t.taskName = s("task_name");
  t.stateText = s("state");
  t.state = parseState(t.stateText);
  t.destinationType = s("destination_type");
  t.createTime = r.integer(o, "create_time", p + ".create_time").value_or(0);
  t.lastTransferTimestamp = r.integer(o, "last_transfer_timestamp", p + ".last_transfer_timestamp").value_or(0);
  return t;
}

void writeTask(JsonWriter& w, const TransferTask& t) {
  if (!t.taskId.empty()) field(w, "task_id", t.taskId);
  field(w, "task_name", t.taskName);
  field(w, "state", t.stateText.empty() ? toString(t.state) : t.stateText);
  field(w, "destination_type", t.destinationType);
  field(w, "create_time", t.createTime);
  field(w, "last_transfer_timestamp", t.lastTransferTimestamp);
}

}  // namespace

const char* descriptorKey(const DestinationDescriptor& descriptor) { return kDescriptorKeys[descriptor.index()]; }

TransferTaskState parseState(std::string_view text) {
  return fromWire<TransferTaskState, 6>(text).value_or(TransferTaskState::Unknown);
}

std::string encodeTaskBody(const std::optional<DestinationDescriptor>& d, const EncodeOptions& options) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  field(w, "destination_type", toString(d ? destinationTypeOf(*d) : DestinationType::OBS));
  if (d) {
    key(w, descriptorKey(*d));
    writeDescriptor(w, *d, options);
  }
  w.EndObject();
  return toText(buffer);
}

std::string encodeBatch(std::string_view action, const std::vector<std::string>& taskIds) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  field(w, "action", action);
  key(w, "tasks");
  w.StartArray();
  for (const auto& id : taskIds) {
    w.StartObject();
    field(w, "id", id);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return toText(buffer);
}

CreateTransferTaskRequest decodeCreate(std::string_view body, std::vector<FieldViolation>& problems) {
  CreateTransferTaskRequest request;
  auto doc = delivery::huawei::detail::parseObject(body);
  if (!doc) {
    problems.push_back({"body", doc.error().message});
    return request;
  }
  Reader r(problems);
  In in{r};
  auto typeText = r.string(*doc, "destination_type", "destination_type");
  // The newest OBS page: "if not set, OBS is used".
  DestinationType type = DestinationType::OBS;
  if (typeText) {
    auto t = fromWire<DestinationType, 5>(*typeText);
    if (!t) {
      r.problem("destination_type", "unknown value \"" + *typeText + "\"");
      return request;
    }
    type = *t;
  }
  const char* descriptorKey = kDescriptorKeys[variantIndexOf(type)];
  const Value* d = r.object(*doc, descriptorKey, descriptorKey);
  if (d == nullptr) {
    r.problem(descriptorKey, std::string("is required for destination_type ") + toString(type));
    return request;
  }
  if (auto desc = in.descriptor(type, *d, descriptorKey)) request.setDescriptor(std::move(*desc));
  return request;
}

bool decodeBatch(std::string_view body, std::string& action, std::vector<std::string>& taskIds,
                 std::vector<FieldViolation>& problems) {
  auto doc = delivery::huawei::detail::parseObject(body);
  if (!doc) {
    problems.push_back({"body", doc.error().message});
    return false;
  }
  Reader r(problems);
  action = r.string(*doc, "action", "action").value_or("");
  if (const Value* tasks = r.array(*doc, "tasks", "tasks")) {
    for (rapidjson::SizeType i = 0; i < tasks->Size(); ++i) {
      const std::string p = "tasks[" + std::to_string(i) + "]";
      if (!(*tasks)[i].IsObject()) {
        r.problem(p, "must be an object");
        continue;
      }
      taskIds.push_back(r.string((*tasks)[i], "id", p + ".id").value_or(""));
    }
  }
  return problems.empty();
}

Result<ListTransferTasksResponse> decodeList(std::string_view body) {
  auto doc = delivery::huawei::detail::parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  ListTransferTasksResponse out;
  out.setTotalNumber(r.integer(*doc, "total_number", "total_number").value_or(0));
  out.setQuota(r.integer(*doc, "quota", "quota").value_or(0));
  std::vector<TransferTask> tasks;
  if (const Value* list = r.array(*doc, "tasks", "tasks")) {
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const std::string p = "tasks[" + std::to_string(i) + "]";
      if (!(*list)[i].IsObject()) {
        r.problem(p, "must be an object");
        continue;
      }
      tasks.push_back(readTask(r, (*list)[i], p));
    }
  }
  if (!problems.empty()) return unreadable(std::move(problems), "list transfer tasks");
  out.setTasks(std::move(tasks));
  return out;
}

Result<ShowTransferTaskResponse> decodeShow(std::string_view body) {
  auto doc = delivery::huawei::detail::parseObject(body);
  if (!doc) return doc.error();
  std::vector<FieldViolation> problems;
  Reader r(problems);
  ShowTransferTaskResponse out;
  out.setTask(readTask(r, *doc, "task"));
  out.setStreamName(r.string(*doc, "stream_name", "stream_name").value_or(""));
  std::vector<PartitionResult> partitions;
  if (const Value* list = r.array(*doc, "partitions", "partitions")) {
    for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
      const std::string p = "partitions[" + std::to_string(i) + "]";
      const Value& v = (*list)[i];
      if (!v.IsObject()) {
        r.problem(p, "must be an object");
        continue;
      }
      PartitionResult pr;
      // Both the model's and the example's names: partition_id / partitionId, status / state.
      pr.partitionId = r.string(v, "partition_id", p).value_or(r.string(v, "partitionId", p).value_or(""));
      pr.status = r.string(v, "status", p).value_or(r.string(v, "state", p).value_or(""));
      pr.hashRange = r.string(v, "hash_range", p).value_or("");
      pr.sequenceNumberRange = r.string(v, "sequence_number_range", p).value_or("");
      pr.parentPartitions = r.string(v, "parent_partitions", p).value_or("");
      pr.discard = r.integer(v, "discard", p + ".discard");
      pr.lastTransferTimestamp = r.integer(v, "last_transfer_timestamp", p + ".last_transfer_timestamp");
      pr.lastTransferOffset = r.integer(v, "last_transfer_offset", p + ".last_transfer_offset");
      partitions.push_back(std::move(pr));
    }
  }
  out.setPartitions(std::move(partitions));
  if (!problems.empty()) return unreadable(std::move(problems), "show transfer task");

  // The description: "<type>_destination_description", or the misspelled "..._descripton".
  static constexpr const char* kNames[] = {"obs", "mrs", "dli", "dws", "cloudtable"};
  static constexpr DestinationType kTypes[] = {DestinationType::OBS, DestinationType::MRS, DestinationType::DLI,
                                               DestinationType::DWS, DestinationType::CLOUDTABLE};
  for (int i = 0; i < 5; ++i) {
    for (const char* suffix : {"_destination_description", "_destination_descripton"}) {
      const std::string name = std::string(kNames[i]) + suffix;
      auto it = doc->FindMember(name.c_str());
      if (it == doc->MemberEnd() || !it->value.IsObject()) continue;
      // Lenient: a description we cannot fully read is left out rather than failing the call.
      std::vector<FieldViolation> ignored;
      Reader lenient(ignored);
      In in{lenient};
      out.setDescription(in.descriptor(kTypes[i], it->value, name));
    }
  }
  return out;
}

std::string encodeList(const ListTransferTasksResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  field(w, "total_number", response.getTotalNumber());
  field(w, "quota", response.getQuota());
  key(w, "tasks");
  w.StartArray();
  for (const auto& t : response.getTasks()) {
    w.StartObject();
    writeTask(w, t);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return toText(buffer);
}

std::string encodeShow(const ShowTransferTaskResponse& response) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  field(w, "stream_name", response.getStreamName());
  writeTask(w, response.getTask());
  key(w, "partitions");
  w.StartArray();
  for (const auto& p : response.getPartitions()) {
    w.StartObject();
    field(w, "partitionId", p.partitionId);
    field(w, "state", p.status);
    if (p.discard) field(w, "discard", *p.discard);
    if (p.lastTransferTimestamp) field(w, "last_transfer_timestamp", *p.lastTransferTimestamp);
    if (p.lastTransferOffset) field(w, "last_transfer_offset", *p.lastTransferOffset);
    w.EndObject();
  }
  w.EndArray();
  if (const auto& d = response.getDescription()) {
    // As the service does, DWS and CloudTable use the misspelled key.
    static constexpr const char* kKeys[] = {"obs_destination_description", "mrs_destination_description",
                                            "dli_destination_description", "dws_destination_descripton",
                                            "cloudtable_destination_descripton"};
    key(w, kKeys[d->index()]);
    EncodeOptions redacted;
    redacted.redactSecrets = true;
    writeDescriptor(w, *d, redacted);
  }
  w.EndObject();
  return toText(buffer);
}

}  // namespace delivery::dis::detail
