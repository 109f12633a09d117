#include "emulator/kafka_backend.h"

#include <optional>
#include <ostream>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/crypto.h"
#include "core/text.h"
#include "emulator/json_schema.h"

namespace delivery::emulator {
namespace {

namespace gw = huawei_gateway;
using schema::Key;
using schema::Object;

constexpr char kObsPathChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-/";
constexpr std::int64_t kPartSize = 5242880;  // obs_part_size default (§2.4)

Key nonEmpty(const char* name) { return schema::str(name).req().size(1, 1 << 20, "must not be empty"); }

// §2.3 the Kafka ObsDestinationDescriptor (huawei-more.md §4 for the required split).
// - topics: always sent (GO emits "" with topics_regex); exactly one of topics / topics_regex is set.
// - destination_file_type: the doc table says "text", the doc example and the Go enum send "TEXT";
//   the emulator takes the wire value the example sends, "TEXT".
// - obs_path: at most 64 characters with '-' (CN doc, model) rather than 50 without (EN doc).
// - partition_format: optional (EN doc and every Go release but 0.1.84).
const Object& obsDescriptor() {
  static const Object o{{
      schema::str("topics").req(),
      schema::str("topics_regex"),
      schema::str("consumer_strategy").req().oneOf({"latest", "earliest"}),
      schema::str("destination_file_type").req().oneOf({"TEXT"}),
      nonEmpty("access_key").hidden(),
      nonEmpty("secret_key").hidden(),
      nonEmpty("obs_bucket_name"),
      schema::str("obs_path").size(1, 64, "must be 1 to 64 characters").only(kObsPathChars, "may contain only letters, digits, '_', '-' and '/'"),
      schema::str("partition_format").oneOf({"yyyy", "yyyy/MM", "yyyy/MM/dd", "yyyy/MM/dd/HH", "yyyy/MM/dd/HH/mm"}),
      schema::str("record_delimiter").oneOf({",", ";", "|", "\n", "NULL"}),
      schema::integer("deliver_time_interval").req().range(30, 900),
  }};
  return o;
}

// §2.2 CreateSinkTaskReq.
const Object& createRequest() {
  static const Object o{{
      schema::str("source_type").req().oneOf({"BLOB"}),
      nonEmpty("task_name"),
      schema::str("destination_type").req().oneOf({"OBS"}),
      schema::object("obs_destination_descriptor", obsDescriptor()).req(),
  }};
  return o;
}

// huawei-more.md §1.2 CreateConnectorReq: all optional; node_cnt a string in the models, a number in
// the doc example (both taken), 2 to 16 (the instance model's connector_node_num range).
const Object& connectorRequest() {
  static const Object o{{
      schema::str("specification").oneOf({"100MB", "300MB", "600MB", "1200MB"}),
      schema::integerOrText("node_cnt").range(2, 16),
      schema::str("spec_code").size(1, 1 << 20, "must not be empty"),
  }};
  return o;
}

using schema::member;
using schema::text;

Reply invalid(const std::vector<std::pair<std::string, std::string>>& problems) {
  std::string message = "Invalid request";
  for (const auto& [field, why] : problems) message += "; " + field + ": " + why;
  return gw::errorReply(400, "DMS.00400000", message);
}

std::vector<std::pair<std::string, std::string>> pairs(std::vector<schema::Problem>& problems) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& p : problems) out.emplace_back(std::move(p.field), std::move(p.message));
  return out;
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
void put(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
void put(Writer& w, const char* key, std::int64_t value) {
  w.Key(key);
  w.Int64(value);
}
std::string done(const rapidjson::StringBuffer& buffer) { return std::string(buffer.GetString(), buffer.GetSize()); }

}  // namespace

KafkaBackend::Checked KafkaBackend::checkCreate(rapidjson::Document& doc, bool secretsMayBeAbsent) {
  Checked out;
  if (doc.HasParseError() || !doc.IsObject()) {
    out.problems.emplace_back("body", "must be a JSON object");
    return out;
  }
  std::vector<schema::Problem> problems;
  schema::Options options;
  options.secretsMayBeAbsent = secretsMayBeAbsent;
  schema::check(doc, createRequest(), "", options, problems);
  const rapidjson::Value* d = member(doc, "obs_destination_descriptor");
  if (d != nullptr && d->IsObject()) {
    const std::string topics = text(member(*d, "topics"));
    const rapidjson::Value* regex = member(*d, "topics_regex");
    if (topics.empty() == (regex == nullptr || text(regex).empty())) {
      problems.push_back({"obs_destination_descriptor.topics", "exactly one of topics and topics_regex must be set"});
    }
    if (text(regex) == ".*") problems.push_back({"obs_destination_descriptor.topics_regex", "must not be .*"});
    out.topics = topics.empty() ? text(regex) : topics;
  }
  out.problems = pairs(problems);
  if (!out.problems.empty()) return out;
  out.name = text(member(doc, "task_name"));
  schema::removeSecrets(doc, createRequest());
  out.stored = schema::toJson(doc);
  return out;
}

bool KafkaBackend::claims(const HttpRequest& request) const {
  const auto p = gw::splitPath(request.path);
  if (p.size() < 3 || p[0] != "v2") return false;
  if (p[2] == "connectors") return true;
  if (isSmartConnectPath(p)) return true;
  if (p.size() == 5 && p[2] == "instances" && p[4] == "connector") return true;
  return p.size() == 6 && p[2] == "kafka" && p[3] == "instances" && p[5] == "delete-connector";
}

std::string KafkaBackend::operation(const HttpRequest& request) const {
  const auto p = gw::splitPath(request.path);
  const std::size_t n = p.size();
  const HttpMethod m = request.method;
  if (n < 3 || p[0] != "v2") return {};
  if (isSmartConnectPath(p)) return smartConnectOperation(p, m);
  if (n >= 5 && p[2] == "connectors" && p[4] == "sink-tasks") {
    if (n == 5 && m == HttpMethod::Post) return "CreateSinkTask";
    if (n == 5 && m == HttpMethod::Get) return "ListSinkTasks";
    if (n == 6 && m == HttpMethod::Get) return "ShowSinkTask";
    if (n == 6 && m == HttpMethod::Delete) return "DeleteSinkTask";
    return {};
  }
  if (n == 5 && p[2] == "instances" && p[4] == "connector" && m == HttpMethod::Post) return "CreateConnector";
  if (n == 6 && p[2] == "kafka" && p[3] == "instances" && p[5] == "delete-connector" && m == HttpMethod::Post) {
    return "DeleteConnector";
  }
  return {};
}

Reply KafkaBackend::handle(const HttpRequest& request, const Locked& locked) {
  const auto p = gw::splitPath(request.path);
  Reply reply;
  if (p.size() < 3 || p[0] != "v2") {
    reply = gw::errorReply(404, "APIGW.0101", "the API does not exist");
  } else if (std::string why = gw::authenticate(request, credentials_, p[1]); !why.empty()) {
    reply = gw::errorReply(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
  } else if (isSmartConnectPath(p)) {
    reply = smartConnect(request, p, locked);
  } else if (p.size() >= 5 && p[2] == "connectors" && p[4] == "sink-tasks" && !p[3].empty()) {
    reply = sinkTasks(request, p[3], std::vector<std::string>(p.begin() + 5, p.end()), locked);
  } else if (p.size() == 5 && p[2] == "instances" && p[4] == "connector" && !p[3].empty() &&
             request.method == HttpMethod::Post) {
    reply = enableConnector(request, p[3], locked);
  } else if (p.size() == 6 && p[2] == "kafka" && p[3] == "instances" && p[5] == "delete-connector" && !p[4].empty() &&
             request.method == HttpMethod::Post) {
    reply = disableConnector(request, p[4], locked);
  } else {
    reply = gw::errorReply(404, "APIGW.0101", "the API does not exist");
  }
  gw::addRequestId(reply);
  return reply;
}

Reply KafkaBackend::enableConnector(const HttpRequest& request, const std::string& instanceId, const Locked& locked) {
  rapidjson::Document doc;
  if (request.body.empty()) {
    doc.SetObject();  // every field is optional; an empty body asks for the defaults
  } else {
    doc.Parse(request.body.data(), request.body.size());
  }
  beforeValidate(request);
  std::vector<schema::Problem> problems;
  if (doc.HasParseError() || !doc.IsObject()) {
    problems.push_back({"body", "must be a JSON object"});
  } else {
    schema::check(doc, connectorRequest(), "", schema::Options{}, problems);
  }
  if (!problems.empty()) return invalid(pairs(problems));
  const std::string connectorId = delivery::detail::randomUuid();
  const std::string jobId = delivery::detail::randomUuid();
  return locked([&] {
    for (const auto& [id, c] : connectors_) {
      if (c.instanceId == instanceId) {
        return gw::errorReply(400, "DMS.00400069", "dumping is already enabled on instance " + instanceId);
      }
    }
    connectors_[connectorId] = Connector{instanceId, jobId, {}};
    markDirty();
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    put(w, "job_id", jobId);
    put(w, "connector_id", connectorId);
    w.EndObject();
    return gw::jsonReply(200, done(buffer));
  });
}

// huawei-more.md §1.3: no request field is defined, but an empty body is refused; "{}" (or any
// object: Terraform sends {"instance_id":...}) is taken. The connector and its tasks go at once
// (the service does it in a background job, whose id it returns).
Reply KafkaBackend::disableConnector(const HttpRequest& request, const std::string& instanceId, const Locked& locked) {
  rapidjson::Document doc;
  doc.Parse(request.body.data(), request.body.size());
  if (request.body.empty() || doc.HasParseError() || !doc.IsObject()) {
    return invalid({{"body", "must be a JSON object (send {})"}});
  }
  beforeValidate(request);
  const std::string jobId = delivery::detail::randomUuid();
  return locked([&] {
    for (auto it = connectors_.begin(); it != connectors_.end(); ++it) {
      if (!instanceId.empty() && it->second.instanceId == instanceId) {
        connectors_.erase(it);
        smartConnectTasks_.erase(instanceId);  // the connector's Smart Connect tasks go with it
        markDirty();
        return gw::jsonReply(200, R"({"job_id":")" + jobId + R"("})");
      }
    }
    return gw::errorReply(404, "DMS.00404022", "dumping is not enabled on instance " + instanceId);
  });
}

Reply KafkaBackend::sinkTasks(const HttpRequest& request, const std::string& connectorId,
                              const std::vector<std::string>& rest, const Locked& locked) {
  const auto noConnector = [&] { return gw::errorReply(404, "DMS.00404022", "connector " + connectorId + " does not exist"); };
  // An unknown connector is a 404 whatever the body says, as before validation.
  bool known = false;
  locked([&] {
    known = connectors_.count(connectorId) != 0;
    return Reply{};
  });
  if (!known) return noConnector();
  if (rest.empty() && request.method == HttpMethod::Post) {
    rapidjson::Document doc;
    doc.Parse(request.body.data(), request.body.size());
    beforeValidate(request);
    Checked checked = checkCreate(doc, false);
    if (!checked.problems.empty()) return invalid(checked.problems);
    const std::string id = delivery::detail::randomUuid();
    SinkTask task{checked.name, checked.topics, lifecycle().nowMillis(), std::move(checked.stored), {}};
    return locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      for (const auto& [other, t] : c->second.tasks) {
        if (t.name == task.name) return gw::errorReply(400, "DMS.00400850", "sink task " + t.name + " already exists");
      }
      if (auto failed = takeTaskError("CreateSinkTask")) task.error = std::move(*failed);
      c->second.tasks.emplace(id, std::move(task));
      markDirty();
      return gw::jsonReply(200, R"({"task_id":")" + id + R"("})");
    });
  }
  // §2.4: the task fields of the list and show answers.
  const auto summary = [this](Writer& w, const std::string& id, const SinkTask& t) {
    put(w, "task_id", id);
    put(w, "task_name", t.name);
    put(w, "destination_type", std::string("OBS"));
    put(w, "create_time", t.createTime);
    put(w, "status", statusOf(t));
    put(w, "topics", t.topics);
  };
  if (rest.empty() && request.method == HttpMethod::Get) {
    std::vector<std::pair<std::string, SinkTask>> found;
    Reply reply = locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      found.assign(c->second.tasks.begin(), c->second.tasks.end());
      return Reply{};
    });
    if (reply.status != 200) return reply;
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("tasks");
    w.StartArray();
    for (const auto& [id, t] : found) {
      w.StartObject();
      summary(w, id, t);
      w.EndObject();
    }
    w.EndArray();
    put(w, "total_number", static_cast<std::int64_t>(found.size()));
    put(w, "max_tasks", std::int64_t{18});
    put(w, "quota_tasks", std::int64_t{18});
    w.EndObject();
    return gw::jsonReply(200, done(buffer));
  }
  if (rest.size() == 1 && (request.method == HttpMethod::Get || request.method == HttpMethod::Delete)) {
    std::optional<SinkTask> found;
    Reply reply = locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      auto it = c->second.tasks.find(rest[0]);
      if (it == c->second.tasks.end()) return gw::errorReply(404, "DMS.00404023", "sink task " + rest[0] + " does not exist");
      if (request.method == HttpMethod::Delete) {
        c->second.tasks.erase(it);
        markDirty();
        return gw::jsonReply(204, "");
      }
      found = it->second;
      return Reply{};
    });
    if (!found) return reply;
    rapidjson::Document stored;
    stored.Parse(found->body.data(), found->body.size());
    const rapidjson::Value* d = member(stored, "obs_destination_descriptor");
    const auto field = [&](const char* key, const char* otherwise) {
      const std::string value = d != nullptr ? text(member(*d, key)) : std::string();
      return value.empty() ? std::string(otherwise) : value;
    };
    std::int64_t interval = 300;
    if (const auto* v = d != nullptr ? member(*d, "deliver_time_interval") : nullptr; v != nullptr && v->IsInt64()) {
      interval = v->GetInt64();
    }
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    summary(w, rest[0], *found);
    // The descriptor as the service shows it: no access_key / secret_key; "N/A" for no time
    // directories; "\n" the default delimiter; obs_part_size its default.
    w.Key("obs_destination_descriptor");
    w.StartObject();
    put(w, "consumer_strategy", field("consumer_strategy", "latest"));
    put(w, "destination_file_type", field("destination_file_type", "TEXT"));
    put(w, "obs_bucket_name", field("obs_bucket_name", ""));
    put(w, "obs_path", field("obs_path", ""));
    put(w, "partition_format", field("partition_format", "N/A"));
    put(w, "record_delimiter", field("record_delimiter", "\n"));
    put(w, "deliver_time_interval", interval);
    put(w, "obs_part_size", kPartSize);
    w.EndObject();
    bool topicInfo = false;
    for (const auto& [k, v] : request.query) topicInfo |= k == "topic-info" && v == "true";
    if (topicInfo) {
      w.Key("topics_info");
      w.StartArray();
      std::stringstream topics(found->topics);
      for (std::string topic; std::getline(topics, topic, ',');) {
        w.StartObject();
        put(w, "topic", topic);
        w.Key("partitions");
        w.StartArray();
        w.StartObject();
        put(w, "partition_id", std::string("0"));
        put(w, "status", std::string("RUNNING"));
        put(w, "last_transfer_offset", std::string("0"));
        put(w, "log_end_offset", std::string("0"));
        put(w, "lag", std::string("0"));
        w.EndObject();
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    return gw::jsonReply(200, done(buffer));
  }
  return gw::errorReply(404, "APIGW.0101", "the API does not exist");
}

std::string KafkaBackend::statusOf(const SinkTask& task) const {
  const std::int64_t steps = lifecycle().steps(task.createTime);
  if (task.error.showsAt(steps)) return kKafkaError;
  return steps == 0 ? kKafkaCreating : kKafkaRunning;
}

std::vector<StoredTask> KafkaBackend::tasks() const {
  std::vector<StoredTask> out;
  for (const auto& [connectorId, c] : connectors_) {
    for (const auto& [id, t] : c.tasks) {
      const std::string status = statusOf(t);
      out.push_back(StoredTask{"kafka", connectorId, t.name, id, status, t.createTime, t.body,
                               status == kKafkaError ? t.error.detail : std::string()});
    }
  }
  return out;
}

Result<void> KafkaBackend::failTask(const std::string& scope, const std::string& name, const std::string& detail) {
  if (auto c = connectors_.find(scope); c != connectors_.end()) {
    for (auto& [id, t] : c->second.tasks) {
      if (t.name != name && id != name) continue;
      t.error = TaskError{0, 0, detail.empty() ? std::string(kDefaultTaskErrorDetail) : detail};
      markDirty();
      return {};
    }
  }
  return taskNotFound("sink task " + scope + "/" + name);
}

std::size_t KafkaBackend::taskCount() const {
  std::size_t n = 0;
  for (const auto& [id, c] : connectors_) n += c.tasks.size();
  return n;
}

Result<void> KafkaBackend::seed(const StoredTask& task) {
  if (task.scope.empty()) return Error(ErrorKind::InvalidArgument, "a Kafka sink task needs its connector id as scope");
  rapidjson::Document doc;
  doc.Parse(task.json.data(), task.json.size());
  Checked checked = checkCreate(doc, true);
  if (!checked.problems.empty()) {
    std::string message = "not a valid CreateSinkTask request";
    for (const auto& [field, why] : checked.problems) message += "; " + field + ": " + why;
    return Error(ErrorKind::InvalidArgument, message);
  }
  if (!task.name.empty() && task.name != checked.name) {
    return Error(ErrorKind::InvalidArgument, "the task name differs from the body's task_name");
  }
  auto& connector = connectors_[task.scope];
  // Same scope and name: replace that task.
  for (auto it = connector.tasks.begin(); it != connector.tasks.end(); ++it) {
    if (it->second.name == checked.name) {
      connector.tasks.erase(it);
      break;
    }
  }
  connector.tasks[task.id.empty() ? delivery::detail::randomUuid() : task.id] =
      SinkTask{checked.name, checked.topics, task.createTime != 0 ? task.createTime : lifecycle().nowMillis(), checked.stored, {}};
  markDirty();
  return {};
}

void KafkaBackend::save(std::ostream& out) const {
  // No access_key / secret_key: they are removed before a task is kept.
  for (const auto& [connectorId, c] : connectors_) {
    out << "kafka-connector " << connectorId << ' ' << (c.instanceId.empty() ? "-" : c.instanceId) << ' '
        << (c.jobId.empty() ? "-" : c.jobId) << '\n';
    for (const auto& [id, t] : c.tasks) {
      out << "kafka " << connectorId << ' ' << id << ' ' << t.createTime << ' ' << delivery::detail::hexEncode(t.body) << ' '
          << saveTaskError(t.error) << '\n';
    }
  }
  // Smart Connect tasks rest in their status; one passing through CREATING/RESTARTING is saved as
  // where it will rest.
  for (const auto& [instanceId, tasks] : smartConnectTasks_) {
    for (const auto& [id, t] : tasks) {
      out << "kafka-smart " << instanceId << ' ' << id << ' ' << t.createTime << ' ' << t.status << ' '
          << (t.name.empty() ? "-" : delivery::detail::hexEncode(t.name)) << ' '
          << (t.body.empty() ? "-" : delivery::detail::hexEncode(t.body)) << '\n';
    }
  }
}

bool KafkaBackend::load(const std::string& tag, const std::string& rest) {
  std::istringstream in(rest);
  std::string extra;
  if (tag == "kafka-connector") {
    std::string connectorId, instanceId, jobId;
    if (!(in >> connectorId >> instanceId >> jobId) || (in >> extra)) return false;
    connectors_[connectorId].instanceId = instanceId == "-" ? "" : instanceId;
    connectors_[connectorId].jobId = jobId == "-" ? "" : jobId;
    return true;
  }
  if (tag == "kafka-smart") {
    std::string instanceId, id, status, nameHex, bodyHex;
    SmartConnectTask task;
    if (!(in >> instanceId >> id >> task.createTime >> status >> nameHex >> bodyHex) || (in >> extra)) return false;
    if (status != "RUNNING" && status != "PAUSED" && status != "WAITING") return false;
    task.status = status;
    if (nameHex != "-" && !delivery::detail::hexDecode(nameHex, task.name)) return false;
    if (bodyHex != "-" && !delivery::detail::hexDecode(bodyHex, task.body)) return false;
    smartConnectTasks_[instanceId][id] = std::move(task);
    return true;
  }
  if (tag != "kafka") return false;
  std::string connectorId, id, hex, body, errorToken;
  std::int64_t created = 0;
  if (!(in >> connectorId >> id >> created >> hex)) return false;
  if (!(in >> errorToken)) errorToken = "-";  // a v2 line ends before the task error
  TaskError taskError;
  if ((in >> extra) || !loadTaskError(errorToken, taskError)) return false;
  if (!delivery::detail::hexDecode(hex, body)) return false;
  const bool ok = static_cast<bool>(seed(StoredTask{"kafka", connectorId, "", id, "RUNNING", created, body}));
  takeDirty();  // loading is not a change to save
  if (ok) connectors_[connectorId].tasks[id].error = std::move(taskError);
  return ok;
}

}  // namespace delivery::emulator
