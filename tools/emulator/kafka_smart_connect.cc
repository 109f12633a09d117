// The emulator's Smart Connect task routes (KafkaBackend, declared in kafka_backend.h), written from
// huawei-more.md §1.1 (K3..K9), §1.4-§1.8 and §3:
// - create answers 200 with the task entity; the task is CREATING for one step of the pace
//   (EmulatorOptions::taskPace; none by default), then RUNNING, or WAITING with start_later true;
// - pause: RUNNING -> PAUSED; resume: PAUSED -> RUNNING; restart: WAITING, PAUSED or RUNNING ->
//   RESTARTING for one step, then RUNNING (the transitions Terraform polls, §3); each answers 204
//   with no body; delete answers 204;
// - list pages with offset (an item index, default 0) and limit (1..50, default 10);
// - the instance must have dumping enabled (CreateConnector): otherwise 404 DMS.00404022;
//   an unknown task is 404 DMS.00404023 (codes of our own: the service documents none for Smart
//   Connect, §1.10).
// Bodies are checked against this file's key tables: 400 DMS.00400000 naming the field. AK/SK and
// the peer password are never stored nor echoed (the service never returns them).

#include <optional>
#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/text.h"
#include "emulator/json_schema.h"
#include "emulator/kafka_backend.h"

namespace delivery::emulator {
namespace {

namespace gw = huawei_gateway;
using schema::Object;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr char kObsPathChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-/";
constexpr char kTaskNameChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

// §1.5 SmartConnectTaskReqSinkConfig. record_delimiter: the reference's example sends the two
// characters "\n"; a real line feed is taken too (which one the service wants is unconfirmed).
const Object& sinkConfig() {
  static const Object o{{
      schema::str("consumer_strategy").oneOf({"latest", "earliest"}),
      schema::str("destination_file_type").oneOf({"TEXT"}),
      schema::integer("deliver_time_interval").range(1, 2147483647),
      schema::str("access_key").req().hidden().size(1, 256, "must not be empty"),
      schema::str("secret_key").req().hidden().size(1, 256, "must not be empty"),
      schema::str("obs_bucket_name").req().size(1, 63, "must be 1 to 63 characters"),
      schema::str("obs_path").req().size(1, 64, "must be 1 to 64 characters").only(kObsPathChars, "may contain only letters, digits, '_', '-' and '/'"),
      schema::str("partition_format").oneOf({"yyyy", "yyyy/MM", "yyyy/MM/dd", "yyyy/MM/dd/HH", "yyyy/MM/dd/HH/mm"}),
      schema::str("record_delimiter").oneOf({",", ";", "|", "\\n", "\n", "NULL"}),
      schema::boolean("store_keys"),
  }};
  return o;
}

// §1.6 SmartConnectTaskReqSourceConfig.
const Object& sourceConfig() {
  static const Object o{{
      schema::str("current_cluster_name").req(),
      schema::str("cluster_name").req(),
      schema::str("user_name"),
      schema::str("password").hidden(),
      schema::str("sasl_mechanism").oneOf({"PLAIN", "SCRAM-SHA-512"}),
      schema::str("instance_id"),
      schema::str("bootstrap_servers"),
      schema::str("security_protocol").oneOf({"SASL_SSL", "PLAINTEXT", "SASL_PLAINTEXT"}),
      schema::str("direction").req().oneOf({"pull", "push", "two-way"}),
      schema::boolean("sync_consumer_offsets_enabled"),
      schema::integer("replication_factor").range(1, 2147483647),
      schema::integer("task_num").range(1, 2147483647),
      schema::boolean("rename_topic_enabled"),
      schema::boolean("provenance_header_enabled"),
      schema::str("consumer_strategy").oneOf({"latest", "earliest"}),
      schema::str("compression_type").oneOf({"none", "gzip", "snappy", "lz4", "zstd"}),
      schema::str("topics_mapping"),
  }};
  return o;
}

// §1.4 CreateSmartConnectTaskReq.
const Object& createTask() {
  static const Object o{{
      schema::str("task_name").size(4, 64, "must be 4 to 64 characters").only(kTaskNameChars, "may contain only letters, digits, '-' and '_'"),
      schema::boolean("start_later"),
      schema::str("topics"),
      schema::str("topics_regex"),
      schema::str("source_type").oneOf({"KAFKA_REPLICATOR_SOURCE", "NONE"}),
      schema::object("source_task", sourceConfig()),
      schema::str("sink_type").oneOf({"OBS_SINK", "NONE"}),
      schema::object("sink_task", sinkConfig()),
  }};
  return o;
}

using schema::member;
using schema::text;

Reply invalid(const std::vector<schema::Problem>& problems) {
  std::string message = "Invalid request";
  for (const auto& p : problems) message += "; " + p.field + ": " + p.message;
  return gw::errorReply(400, "DMS.00400000", message);
}

// The rules across keys (huawei-more.md §1.4-§1.6).
void crossRules(const rapidjson::Document& doc, std::vector<schema::Problem>& problems) {
  const std::string sinkType = text(member(doc, "sink_type"));
  const std::string sourceType = text(member(doc, "source_type"));
  const bool obs = sinkType == "OBS_SINK";
  const bool replicator = sourceType == "KAFKA_REPLICATOR_SOURCE";
  if (obs != (member(doc, "sink_task") != nullptr)) problems.push_back({"sink_task", "goes with sink_type OBS_SINK"});
  if (replicator != (member(doc, "source_task") != nullptr)) {
    problems.push_back({"source_task", "goes with source_type KAFKA_REPLICATOR_SOURCE"});
  }
  if (!obs && !replicator) problems.push_back({"sink_type", "the task needs an OBS_SINK or a KAFKA_REPLICATOR_SOURCE"});
  const bool topics = !text(member(doc, "topics")).empty();
  const bool regex = !text(member(doc, "topics_regex")).empty();
  if (obs && topics == regex) problems.push_back({"topics", "exactly one of topics and topics_regex must be set"});
  if (const rapidjson::Value* s = member(doc, "source_task"); s != nullptr && s->IsObject()) {
    if (text(member(*s, "instance_id")).empty() == text(member(*s, "bootstrap_servers")).empty()) {
      problems.push_back({"source_task.instance_id", "exactly one of instance_id and bootstrap_servers must be set"});
    }
  }
}

void put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

// Copies `from` (an object of the stored body) into the writer, then the service's own settings.
void copyObject(Writer& w, const rapidjson::Value& from) { from.Accept(w); }

// §1.7 the task entity: the stored body's fields, the sink with the service's settings added.
void writeTask(Writer& w, const std::string& id, const std::string& status, std::int64_t createTime,
               const std::string& body) {
  rapidjson::Document stored;
  stored.Parse(body.data(), body.size());
  w.StartObject();
  put(w, "task_name", text(member(stored, "task_name")));
  put(w, "topics", text(member(stored, "topics")));
  put(w, "topics_regex", text(member(stored, "topics_regex")));
  put(w, "source_type", text(member(stored, "source_type")).empty() ? "NONE" : text(member(stored, "source_type")));
  w.Key("source_task");
  if (const rapidjson::Value* s = member(stored, "source_task")) {
    copyObject(w, *s);
  } else {
    w.Null();
  }
  put(w, "sink_type", text(member(stored, "sink_type")).empty() ? "NONE" : text(member(stored, "sink_type")));
  w.Key("sink_task");
  if (const rapidjson::Value* s = member(stored, "sink_task"); s != nullptr && s->IsObject()) {
    w.StartObject();
    for (auto m = s->MemberBegin(); m != s->MemberEnd(); ++m) {
      w.Key(m->name.GetString(), m->name.GetStringLength());
      m->value.Accept(w);
    }
    if (member(*s, "deliver_time_interval") == nullptr) {
      w.Key("deliver_time_interval");
      w.Int(300);
    }
    w.Key("obs_part_size");
    w.Int(5242880);
    w.Key("flush_size");
    w.Int(1000000);
    put(w, "timezone", "Asia/Chongqing");
    put(w, "schema_generator_class", "io.confluent.connect.storage.hive.schema.DefaultSchemaGenerator");
    put(w, "partitioner_class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner");
    put(w, "value_converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    put(w, "key_converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
    put(w, "kv_delimiter", ":");
    w.EndObject();
  } else {
    w.Null();
  }
  put(w, "id", id);
  put(w, "status", status);
  w.Key("create_time");
  w.Int64(createTime);
  w.EndObject();
}

std::string done(const rapidjson::StringBuffer& b) { return std::string(b.GetString(), b.GetSize()); }

// A query parameter as a number in [lo, hi]; `otherwise` when absent; nullopt when bad.
std::optional<std::int64_t> queryNumber(const HttpRequest& request, const char* name, std::int64_t otherwise,
                                        std::int64_t lo, std::int64_t hi) {
  for (const auto& [k, v] : request.query) {
    if (k != name) continue;
    if (v.empty() || v.size() > 10 || v.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const std::int64_t n = std::stoll(v);
    if (n < lo || n > hi) return std::nullopt;
    return n;
  }
  return otherwise;
}

}  // namespace

// /v2/{p}/instances/{id}/connector/tasks[/{task}[/pause|/resume]] and
// /v2/{p}/kafka/instances/{id}/connector/tasks/{task}/restart.
bool KafkaBackend::isSmartConnectPath(const std::vector<std::string>& p) {
  if (p.size() >= 6 && p[0] == "v2" && p[2] == "instances" && p[4] == "connector" && p[5] == "tasks") {
    return p.size() <= 8 && !p[3].empty();
  }
  return p.size() == 9 && p[0] == "v2" && p[2] == "kafka" && p[3] == "instances" && p[5] == "connector" &&
         p[6] == "tasks" && p[8] == "restart";
}

std::string KafkaBackend::smartConnectOperation(const std::vector<std::string>& p, HttpMethod m) {
  const std::size_t n = p.size();
  if (p[2] == "kafka") return m == HttpMethod::Put ? "RestartConnectorTask" : "";
  if (n == 6 && m == HttpMethod::Post) return "CreateConnectorTask";
  if (n == 6 && m == HttpMethod::Get) return "ListConnectorTasks";
  if (n == 7 && m == HttpMethod::Get) return "ShowConnectorTask";
  if (n == 7 && m == HttpMethod::Delete) return "DeleteConnectorTask";
  if (n == 8 && m == HttpMethod::Put && p[7] == "pause") return "PauseConnectorTask";
  if (n == 8 && m == HttpMethod::Put && p[7] == "resume") return "ResumeConnectorTask";
  return {};
}

Reply KafkaBackend::smartConnect(const HttpRequest& request, const std::vector<std::string>& p, const Locked& locked) {
  const std::string operation = smartConnectOperation(p, request.method);
  if (operation.empty()) return gw::errorReply(404, "APIGW.0101", "the API does not exist");
  const bool restart = p[2] == "kafka";
  const std::string instanceId = restart ? p[4] : p[3];
  const std::string taskId = restart ? p[7] : (p.size() >= 7 ? p[6] : std::string());
  const auto notEnabled = [&] {
    return gw::errorReply(404, "DMS.00404022", "Smart Connect is not enabled on instance " + instanceId);
  };
  const auto enabled = [&] {
    for (const auto& [id, c] : connectors_) {
      if (!c.instanceId.empty() && c.instanceId == instanceId) return true;
    }
    return false;
  };

  if (operation == "CreateConnectorTask") {
    rapidjson::Document doc;
    doc.Parse(request.body.data(), request.body.size());
    beforeValidate(request);
    std::vector<schema::Problem> problems;
    if (doc.HasParseError() || !doc.IsObject()) {
      problems.push_back({"body", "must be a JSON object"});
    } else {
      schema::check(doc, createTask(), "", schema::Options{}, problems);
      if (problems.empty()) crossRules(doc, problems);
    }
    if (!problems.empty()) return invalid(problems);
    const bool later = member(doc, "start_later") != nullptr && doc["start_later"].GetBool();
    schema::removeSecrets(doc, createTask());
    const std::int64_t now = lifecycle().nowMillis();
    SmartConnectTask task{text(member(doc, "task_name")), later ? "WAITING" : "RUNNING", now, schema::toJson(doc),
                          "CREATING", now};
    const std::string id = delivery::detail::randomUuid();
    return locked([&] {
      if (!enabled()) return notEnabled();
      auto& tasks = smartConnectTasks_[instanceId];
      for (const auto& [other, t] : tasks) {
        if (!task.name.empty() && t.name == task.name) {
          return gw::errorReply(400, "DMS.00400850", "Smart Connect task " + t.name + " already exists");
        }
      }
      rapidjson::StringBuffer b;
      Writer w(b);
      writeTask(w, id, statusOf(task), task.createTime, task.body);
      tasks.emplace(id, std::move(task));
      markDirty();
      return gw::jsonReply(200, done(b));
    });
  }

  if (operation == "ListConnectorTasks") {
    const auto offset = queryNumber(request, "offset", 0, 0, 2147483647);
    const auto limit = queryNumber(request, "limit", 10, 1, 50);
    if (!offset) return invalid({{"offset", "must be an integer of at least 0"}});
    if (!limit) return invalid({{"limit", "must be an integer from 1 to 50"}});
    return locked([&] {
      if (!enabled()) return notEnabled();
      const auto& tasks = smartConnectTasks_[instanceId];
      rapidjson::StringBuffer b;
      Writer w(b);
      w.StartObject();
      w.Key("tasks");
      w.StartArray();
      std::int64_t index = 0;
      for (const auto& [id, t] : tasks) {
        if (index >= *offset && index < *offset + *limit) writeTask(w, id, statusOf(t), t.createTime, t.body);
        ++index;
      }
      w.EndArray();
      w.Key("total_number");
      w.Int64(static_cast<std::int64_t>(tasks.size()));
      w.Key("max_tasks");
      w.Int(18);
      w.Key("quota_tasks");
      w.Int(18);
      w.EndObject();
      return gw::jsonReply(200, done(b));
    });
  }

  return locked([&] {
    if (!enabled()) return notEnabled();
    auto& tasks = smartConnectTasks_[instanceId];
    auto it = tasks.find(taskId);
    if (it == tasks.end()) return gw::errorReply(404, "DMS.00404023", "Smart Connect task " + taskId + " does not exist");
    SmartConnectTask& task = it->second;
    if (operation == "ShowConnectorTask") {
      rapidjson::StringBuffer b;
      Writer w(b);
      writeTask(w, it->first, statusOf(task), task.createTime, task.body);
      return gw::jsonReply(200, done(b));
    }
    const std::string current = statusOf(task);
    if (operation == "DeleteConnectorTask") {
      tasks.erase(it);
    } else if (operation == "PauseConnectorTask") {
      if (current != "RUNNING") return gw::errorReply(400, "DMS.00400026", "the task is " + current + ", not RUNNING");
      task.status = "PAUSED";
      task.passing.clear();
    } else if (operation == "ResumeConnectorTask") {
      if (current != "PAUSED") return gw::errorReply(400, "DMS.00400026", "the task is " + current + ", not PAUSED");
      task.status = "RUNNING";
      task.passing.clear();
    } else {  // RestartConnectorTask: starts a WAITING task, restarts a PAUSED or RUNNING one
      task.status = "RUNNING";
      task.passing = "RESTARTING";
      task.since = lifecycle().nowMillis();
    }
    markDirty();
    return gw::jsonReply(204, "");
  });
}

std::string KafkaBackend::statusOf(const SmartConnectTask& task) const {
  return !task.passing.empty() && lifecycle().steps(task.since) == 0 ? task.passing : task.status;
}

}  // namespace delivery::emulator
