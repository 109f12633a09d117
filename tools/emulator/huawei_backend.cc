#include "emulator/huawei_backend.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <sstream>
#include <string_view>
#include <type_traits>

#include "core/crypto.h"
#include "core/fields.h"
#include "core/text.h"
#include "dis/codec.h"
#include "huawei/json.h"
#include "huawei/signer.h"
#include "kafka/codec.h"

namespace delivery::emulator {
namespace {

namespace dd = delivery::dis::detail;
namespace hd = delivery::huawei::detail;
namespace kd = delivery::kafka::detail;


Reply json(int status, std::string body) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  if (!r.body.empty()) r.headers.add("Content-Type", "application/json");
  return r;
}

Reply error(int status, const std::string& code, const std::string& message) {
  rapidjson::StringBuffer buffer;
  hd::JsonWriter w(buffer);
  w.StartObject();
  hd::field(w, "error_code", code);
  hd::field(w, "error_msg", message);
  w.EndObject();
  Reply r = json(status, hd::toText(buffer));
  r.code = code;
  return r;
}

void addRequestId(Reply& reply) {
  std::string requestId = delivery::detail::randomUuid();
  requestId.erase(std::remove(requestId.begin(), requestId.end(), '-'), requestId.end());
  reply.headers.add("X-Request-Id", requestId);
}

// 400 "Invalid request; <field>: <message>; ..." with the service's code for a bad request.
Reply invalid(const std::vector<FieldViolation>& problems, const std::string& code) {
  std::string message = "Invalid request";
  for (const auto& p : problems) message += "; " + p.field + ": " + p.message;
  return error(400, code, message);
}

// Adds the rules `validated` broke to what could not be read, once per field.
void addNewViolations(std::vector<FieldViolation>& problems, const Result<void>& validated) {
  if (validated) return;
  for (const auto& violation : validated.error().violations) {
    bool seen = false;
    for (const auto& p : problems) seen |= p.field == violation.field;
    if (!seen) problems.push_back(violation);
  }
}

// Sets the field whose wire name is `wire` in a read-only response: the emulator plays the service.
template <typename M, typename V>
void put(M& message, std::string_view wire, V value) {
  delivery::detail::FieldAccess::visit(message, [&](const field::Info& info, auto& member) {
    using T = std::decay_t<decltype(member)>;
    if constexpr (std::is_same_v<T, V> || std::is_same_v<T, std::optional<V>>) {
      if (wire == info.wire) member = std::move(value);
    }
  });
}

// A stored DIS task's own fields, as the service lists and shows them (TransferTask).
template <typename Task>
void writeTransferTask(hd::JsonWriter& w, const std::string& name, const Task& t) {
  hd::field(w, "task_id", t.id);
  hd::field(w, "task_name", name);
  hd::field(w, "state", dis::toString(t.state));
  hd::field(w, "destination_type", dis::toString(dis::destinationTypeOf(t.descriptor)));
  hd::field(w, "create_time", t.createTime);
  hd::field(w, "last_transfer_timestamp", t.createTime);
}

// GET .../transfer-tasks: {"total_number":N,"quota":50,"tasks":[...]}.
template <typename Tasks>
std::string listBody(const Tasks& tasks) {
  rapidjson::StringBuffer buffer;
  hd::JsonWriter w(buffer);
  w.StartObject();
  hd::field(w, "total_number", static_cast<std::int64_t>(tasks.size()));
  hd::field(w, "quota", std::int64_t{50});
  hd::key(w, "tasks");
  w.StartArray();
  for (const auto& [name, t] : tasks) {
    w.StartObject();
    writeTransferTask(w, name, t);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return hd::toText(buffer);
}

// GET .../transfer-tasks/{task_name}: the task, one partition (with the example's names
// partitionId and state), and the descriptor under the key the service uses (DWS and CloudTable
// misspelled), its secrets left out.
template <typename Task>
std::string showBody(const std::string& stream, const std::string& name, const Task& t) {
  static constexpr const char* kKeys[] = {"obs_destination_description", "mrs_destination_description",
                                          "dli_destination_description", "dws_destination_descripton",
                                          "cloudtable_destination_descripton"};
  rapidjson::StringBuffer buffer;
  hd::JsonWriter w(buffer);
  w.StartObject();
  hd::field(w, "stream_name", stream);
  writeTransferTask(w, name, t);
  hd::key(w, "partitions");
  w.StartArray();
  w.StartObject();
  hd::field(w, "partitionId", "shardId-0000000000");
  hd::field(w, "state", t.state == dis::TransferTaskState::RUNNING ? "RUNNING" : "PAUSED");
  hd::field(w, "discard", std::int64_t{0});
  hd::field(w, "last_transfer_timestamp", t.createTime);
  hd::field(w, "last_transfer_offset", std::int64_t{0});
  w.EndObject();
  w.EndArray();
  hd::key(w, kKeys[t.descriptor.index()]);
  dd::EncodeOptions redacted;
  redacted.redactSecrets = true;
  dd::writeDescriptor(w, t.descriptor, redacted);
  w.EndObject();
  return hd::toText(buffer);
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::string newTaskId() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string id;
  for (int i = 0; i < 19; ++i) id += kAlphabet[delivery::detail::randomBetween(0, 61)];
  return id;
}

std::int64_t nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string taskName(const dis::DestinationDescriptor& d) {
  return std::visit([](const auto& x) { return x.getTaskName(); }, d);
}

}  // namespace

std::string HuaweiBackend::authenticate(const HttpRequest& ex, const std::string& pathProject) const {
  if (pathProject != credentials_.projectId) return "the project id in the path is not this account's";
  if (const std::string* projectHeader = ex.headers.find("X-Project-Id")) {
    if (*projectHeader != pathProject) return "X-Project-Id does not match the project id in the path";
  }
  if (const std::string* token = ex.headers.find("X-Auth-Token")) {
    if (!delivery::detail::constantTimeEquals(*token, credentials_.authToken)) return "the token is invalid or expired";
    return {};
  }
  const std::string* authorization = ex.headers.find("Authorization");
  if (authorization == nullptr) return "no Authorization or X-Auth-Token header";
  hd::ParsedAuthorization auth;
  if (!hd::parseAuthorization(*authorization, auth)) return "the Authorization header is not SDK-HMAC-SHA256";
  if (auth.accessKey != credentials_.accessKey) return "unknown access key";
  bool signsDate = false;
  for (const auto& h : auth.signedHeaders) signsDate |= h == "x-sdk-date";
  if (!signsDate) return "X-Sdk-Date must be signed";
  std::chrono::system_clock::time_point date{};
  if (!delivery::detail::parseCompactIso8601(ex.headers.get("X-Sdk-Date"), date)) return "X-Sdk-Date is missing or malformed";
  if (!withinClockSkew(date)) return "X-Sdk-Date is more than 15 minutes off";
  if (!hd::signatureMatches(ex, auth, credentials_.secretKey)) return "the signature does not match";
  return {};
}

HuaweiBackend::DisTask* HuaweiBackend::findDisTask(const std::string& stream, const std::string& name) {
  auto s = disTasks_.find(stream);
  if (s == disTasks_.end()) return nullptr;
  auto it = s->second.find(name);
  return it == s->second.end() ? nullptr : &it->second;
}

// In every route below, bodies are decoded and validated, and replies encoded, outside the lock;
// the steps given to `locked` only look up, copy or change the task maps.
Reply HuaweiBackend::dis(const HttpRequest& ex, const std::string& stream, const std::vector<std::string>& rest,
                         const Locked& locked) {
  // .../transfer-tasks
  if (rest.empty()) {
    if (ex.method == HttpMethod::Get) {
      std::vector<std::pair<std::string, DisTask>> out;
      locked([&] {
        if (auto s = disTasks_.find(stream); s != disTasks_.end()) out.assign(s->second.begin(), s->second.end());
        return Reply{};
      });
      return json(200, listBody(out));
    }
    if (ex.method != HttpMethod::Post && ex.method != HttpMethod::Put) return error(405, "DIS.4005", "method not allowed");
    std::vector<FieldViolation> problems;
    dis::CreateTransferTaskRequest request = dd::decodeCreate(ex.body, problems);
    request.setStreamName(stream);
    beforeValidate(ex);
    // Everything wrong at once: what could not be read, then the rules (once per field).
    if (request.getDescriptor()) addNewViolations(problems, request.validate());
    if (!problems.empty()) return invalid(problems, "DIS.4200");
    const std::string name = taskName(*request.getDescriptor());
    if (ex.method == HttpMethod::Post) {
      DisTask task{newTaskId(), *request.getDescriptor(), dis::TransferTaskState::RUNNING, nowMillis()};
      return locked([&] {
        auto& tasks = disTasks_[stream];
        if (tasks.count(name) != 0) return error(400, "DIS.4301", "transfer task " + name + " already exists");
        tasks.emplace(name, std::move(task));
        markDirty();
        return json(201, "");
      });
    }
    return locked([&] {
      DisTask* task = findDisTask(stream, name);
      if (task == nullptr) return error(404, "DIS.4336", "transfer task " + name + " does not exist");
      task->descriptor = *request.getDescriptor();
      markDirty();
      return json(200, "");
    });
  }
  // .../transfer-tasks/action
  if (rest.size() == 1 && rest[0] == "action" && ex.method == HttpMethod::Post) {
    std::string action;
    std::vector<std::string> ids;
    std::vector<FieldViolation> problems;
    dd::decodeBatch(ex.body, action, ids, problems);
    beforeValidate(ex);
    if (action != "start" && action != "stop") problems.push_back({"action", "must be start or stop"});
    if (ids.empty()) problems.push_back({"tasks", "must name at least one task"});
    if (!problems.empty()) return invalid(problems, "DIS.4200");
    const auto state = action == "start" ? dis::TransferTaskState::RUNNING : dis::TransferTaskState::PAUSED;
    return locked([&] {
      auto& tasks = disTasks_[stream];
      std::vector<DisTask*> targets;
      for (const auto& id : ids) {
        DisTask* found = nullptr;
        for (auto& [name, t] : tasks) {
          if (t.id == id) found = &t;
        }
        if (found == nullptr) return error(400, "DIS.4336", "no transfer task with id " + id + " on stream " + stream);
        targets.push_back(found);
      }
      for (DisTask* t : targets) t->state = state;
      markDirty();
      return json(200, "");
    });
  }
  // .../transfer-tasks/{task_name}
  if (rest.size() == 1 && (ex.method == HttpMethod::Get || ex.method == HttpMethod::Delete)) {
    std::optional<DisTask> found;
    Reply reply = locked([&] {
      DisTask* task = findDisTask(stream, rest[0]);
      if (task == nullptr) return error(404, "DIS.4336", "transfer task " + rest[0] + " does not exist");
      if (ex.method == HttpMethod::Delete) {
        disTasks_[stream].erase(rest[0]);
        markDirty();
        return json(204, "");
      }
      found = *task;
      return Reply{};
    });
    if (!found) return reply;
    return json(200, showBody(stream, rest[0], *found));
  }
  return error(404, "DIS.4005", "no such resource");
}

Reply HuaweiBackend::enableConnector(const HttpRequest& ex, const std::string& instanceId, const Locked& locked) {
  std::vector<FieldViolation> problems;
  kafka::CreateConnectorRequest request = kd::decodeCreateConnector(ex.body, problems);
  request.setInstanceId(instanceId);
  beforeValidate(ex);
  if (auto v = request.validate(); !v) {
    for (const auto& x : v.error().violations) problems.push_back(x);
  }
  if (!problems.empty()) return invalid(problems, "DMS.00400000");
  const std::string connectorId = delivery::detail::randomUuid();
  const std::string jobId = delivery::detail::randomUuid();
  return locked([&] {
    for (const auto& [id, c] : connectors_) {
      if (c.instanceId == instanceId) {
        return error(400, "DMS.00400069", "dumping is already enabled on instance " + instanceId);
      }
    }
    connectors_[connectorId] = Connector{instanceId, jobId, {}};
    markDirty();
    return json(200, kd::encodeCreateConnectorResponse(jobId, connectorId));
  });
}

Reply HuaweiBackend::sinkTasks(const HttpRequest& ex, const std::string& connectorId, const std::vector<std::string>& rest,
                               const Locked& locked) {
  const auto noConnector = [&] {
    return error(404, "DMS.00404022", "connector " + connectorId + " does not exist");
  };
  // An unknown connector is a 404 whatever the body says, as before validation.
  bool known = false;
  locked([&] {
    known = connectors_.count(connectorId) != 0;
    return Reply{};
  });
  if (!known) return noConnector();
  auto summary = [](kafka::SinkTask& out, const std::string& id, const SinkTask& t) {
    const auto& d = t.descriptor;
    put(out, "task_id", id);
    put(out, "task_name", t.name);
    put(out, "destination_type", std::string("OBS"));
    put(out, "create_time", t.createTime);
    put(out, "status", std::string("RUNNING"));
    put(out, "topics", d.getTopics() ? *d.getTopics() : d.getTopicsRegex().value_or(""));
  };
  if (rest.empty() && ex.method == HttpMethod::Post) {
    std::vector<FieldViolation> problems;
    kafka::CreateSinkTaskRequest request = kd::decodeCreate(ex.body, problems);
    request.setConnectorId(connectorId);
    beforeValidate(ex);
    addNewViolations(problems, request.validate());
    if (!problems.empty()) return invalid(problems, "DMS.00400000");
    const std::string id = delivery::detail::randomUuid();
    SinkTask task{request.getTaskName(), request.getObsDestinationDescriptor(), nowMillis()};
    return locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      for (const auto& [other, t] : c->second.tasks) {
        if (t.name == task.name) return error(400, "DMS.00400850", "sink task " + t.name + " already exists");
      }
      c->second.tasks.emplace(id, std::move(task));
      markDirty();
      return json(200, kd::encodeCreateResponse(id));
    });
  }
  if (rest.empty() && ex.method == HttpMethod::Get) {
    std::vector<kafka::SinkTask> out;
    Reply reply = locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      for (const auto& [id, t] : c->second.tasks) summary(out.emplace_back(), id, t);
      return Reply{};
    });
    if (reply.status != 200) return reply;
    kafka::ListSinkTasksResponse list;
    put(list, "total_number", static_cast<std::int64_t>(out.size()));
    put(list, "max_tasks", std::int64_t{18});
    put(list, "quota_tasks", std::int64_t{18});
    put(list, "tasks", std::move(out));
    return json(200, kd::encodeList(list));
  }
  if (rest.size() == 1 && (ex.method == HttpMethod::Get || ex.method == HttpMethod::Delete)) {
    std::optional<SinkTask> found;
    Reply reply = locked([&] {
      auto c = connectors_.find(connectorId);
      if (c == connectors_.end()) return noConnector();
      auto it = c->second.tasks.find(rest[0]);
      if (it == c->second.tasks.end()) return error(404, "DMS.00404023", "sink task " + rest[0] + " does not exist");
      if (ex.method == HttpMethod::Delete) {
        c->second.tasks.erase(it);
        markDirty();
        return json(204, "");
      }
      found = it->second;
      return Reply{};
    });
    if (!found) return reply;
    const auto& d = found->descriptor;
    kafka::ShowSinkTaskResponse show;
    summary(show, rest[0], *found);
    kafka::ObsDestinationDescription description;  // as the service: no AK/SK
    put(description, "consumer_strategy", std::string(kafka::toString(d.getConsumerStrategy())));
    put(description, "destination_file_type", std::string(kafka::toString(d.getDestinationFileType())));
    put(description, "obs_bucket_name", d.getObsBucketName());
    put(description, "obs_path", d.getObsPath().value_or(""));
    put(description, "partition_format",
        std::string(d.getPartitionFormat() ? kafka::toString(*d.getPartitionFormat()) : "N/A"));
    put(description, "record_delimiter",
        std::string(d.getRecordDelimiter() ? kafka::toString(*d.getRecordDelimiter()) : "\n"));
    put(description, "deliver_time_interval", static_cast<std::int64_t>(d.getDeliverTimeInterval()));
    put(description, "obs_part_size", std::int64_t{5242880});
    put(show, "obs_destination_descriptor", std::move(description));
    bool topicInfo = false;
    for (const auto& [k, v] : ex.query) topicInfo |= k == "topic-info" && v == "true";
    if (topicInfo) {
      std::vector<kafka::TopicInfo> infos;
      std::stringstream topics(show.getTask().getTopics());
      for (std::string topic; std::getline(topics, topic, ',');) {
        kafka::TopicPartitionInfo partition;
        put(partition, "partition_id", std::string("0"));
        put(partition, "status", std::string("RUNNING"));
        put(partition, "last_transfer_offset", std::string("0"));
        put(partition, "log_end_offset", std::string("0"));
        put(partition, "lag", std::string("0"));
        put(infos.emplace_back(), "topic", topic);
        put(infos.back(), "partitions", std::vector<kafka::TopicPartitionInfo>{partition});
      }
      put(show, "topics_info", std::move(infos));
    }
    return json(200, kd::encodeShow(show, topicInfo));
  }
  return error(404, "APIGW.0101", "the API does not exist");
}
// POST .../kafka/instances/{instance_id}/delete-connector with a JSON body ("{}"): the instance's
// connector and its tasks go at once (the service does it in a background job, whose id it returns).
Reply HuaweiBackend::disableConnector(const HttpRequest& ex, const std::string& instanceId, const Locked& locked) {
  auto body = delivery::huawei::detail::parseObject(ex.body);
  if (!body || ex.body.empty()) {
    return invalid({{"body", "must be a JSON object (send {})"}}, "DMS.00400000");
  }
  beforeValidate(ex);
  const std::string jobId = delivery::detail::randomUuid();
  return locked([&] {
    for (auto it = connectors_.begin(); it != connectors_.end(); ++it) {
      if (it->second.instanceId == instanceId) {
        connectors_.erase(it);
        markDirty();
        return json(200, R"({"job_id":")" + jobId + R"("})");
      }
    }
    return error(404, "DMS.00404022", "dumping is not enabled on instance " + instanceId);
  });
}

Reply HuaweiBackend::handle(const HttpRequest& ex, const Locked& locked) {
  const std::vector<std::string> parts = split(ex.path);  // v2, project, kind, id, collection, ...
  Reply reply;
  if (parts.size() < 3 || parts[0] != "v2") {
    reply = error(404, "APIGW.0101", "the API does not exist");
  } else if (std::string why = authenticate(ex, parts[1]); !why.empty()) {
    reply = error(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
  } else if (parts.size() >= 5 && parts[2] == "streams" && parts[4] == "transfer-tasks" && !parts[3].empty()) {
    reply = dis(ex, parts[3], std::vector<std::string>(parts.begin() + 5, parts.end()), locked);
  } else if (parts.size() >= 5 && parts[2] == "connectors" && parts[4] == "sink-tasks" && !parts[3].empty()) {
    reply = sinkTasks(ex, parts[3], std::vector<std::string>(parts.begin() + 5, parts.end()), locked);
  } else if (parts.size() == 5 && parts[2] == "instances" && parts[4] == "connector" && ex.method == HttpMethod::Post) {
    reply = enableConnector(ex, parts[3], locked);
  } else if (parts.size() == 6 && parts[2] == "kafka" && parts[3] == "instances" && parts[5] == "delete-connector" &&
             ex.method == HttpMethod::Post) {
    reply = disableConnector(ex, parts[4], locked);
  } else {
    reply = error(404, "APIGW.0101", "the API does not exist");
  }
  addRequestId(reply);
  return reply;
}

Reply HuaweiBackend::errorReply(int status, const std::string& code, const std::string& message) const {
  Reply reply = error(status, code, message);
  addRequestId(reply);
  return reply;
}

std::string HuaweiBackend::operation(const HttpRequest& ex) const {
  const std::vector<std::string> p = split(ex.path);
  const std::size_t n = p.size();
  const HttpMethod m = ex.method;
  if (n < 3 || p[0] != "v2") return {};
  if (n >= 5 && p[2] == "streams" && p[4] == "transfer-tasks") {
    if (n == 5 && m == HttpMethod::Get) return "ListTransferTasks";
    if (n == 5 && m == HttpMethod::Post) return "CreateTransferTask";
    if (n == 5 && m == HttpMethod::Put) return "UpdateTransferTask";
    if (n == 6 && p[5] == "action" && m == HttpMethod::Post) return "BatchTransferTaskAction";
    if (n == 6 && m == HttpMethod::Get) return "ShowTransferTask";
    if (n == 6 && m == HttpMethod::Delete) return "DeleteTransferTask";
    return {};
  }
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

std::vector<StoredTask> HuaweiBackend::tasks() const {
  std::vector<StoredTask> out;
  dd::EncodeOptions redacted;
  redacted.redactSecrets = true;
  for (const auto& [stream, byName] : disTasks_) {
    for (const auto& [name, t] : byName) {
      out.push_back(StoredTask{"dis", stream, name, t.id, dis::toString(t.state), t.createTime,
                               dd::encodeCreate(dis::CreateTransferTaskRequest(stream, t.descriptor), redacted)});
    }
  }
  for (const auto& [connectorId, c] : connectors_) {
    for (const auto& [id, t] : c.tasks) {
      out.push_back(StoredTask{"kafka", connectorId, t.name, id, "RUNNING", t.createTime,
                               kd::encodeCreate(kafka::CreateSinkTaskRequest(connectorId, t.name, t.descriptor), true)});
    }
  }
  return out;
}

Result<void> HuaweiBackend::seed(const StoredTask&) {
  // The family backends written from the specifications take over seeding (issue 10).
  return Error(ErrorKind::InvalidArgument, "seeding tasks is not supported by this backend yet");
}

void HuaweiBackend::save(std::ostream& out) const {
  // The state file never holds passwords or keys.
  for (const auto& [connectorId, c] : connectors_) {
    out << "kafka-connector " << connectorId << ' ' << (c.instanceId.empty() ? "-" : c.instanceId) << ' '
        << (c.jobId.empty() ? "-" : c.jobId) << '\n';
    for (const auto& [id, t] : c.tasks) {
      kafka::CreateSinkTaskRequest r(connectorId, t.name, t.descriptor);
      out << "kafka " << connectorId << ' ' << id << ' ' << t.createTime << ' '
          << delivery::detail::hexEncode(kd::encodeCreate(r, true)) << '\n';
    }
  }
  dd::EncodeOptions redacted;
  redacted.redactSecrets = true;
  for (const auto& [stream, tasks] : disTasks_) {
    for (const auto& [name, t] : tasks) {
      dis::CreateTransferTaskRequest r(stream, t.descriptor);
      out << "dis " << stream << ' ' << t.id << ' ' << dis::toString(t.state) << ' ' << t.createTime << ' '
          << delivery::detail::hexEncode(dd::encodeCreate(r, redacted)) << '\n';
    }
  }
}

bool HuaweiBackend::load(const std::string& tag, const std::string& rest) {
  if (tag == "kafka-connector") {
    std::istringstream in(rest);
    std::string connectorId, instanceId, jobId;
    if (!(in >> connectorId >> instanceId >> jobId)) return false;
    connectors_[connectorId].instanceId = instanceId == "-" ? "" : instanceId;
    connectors_[connectorId].jobId = jobId == "-" ? "" : jobId;
    return true;
  }
  if (tag == "kafka") {
    std::istringstream in(rest);
    std::string connectorId, id, hex;
    std::int64_t created = 0;
    if (!(in >> connectorId >> id >> created >> hex) || hex.size() % 2 != 0) return false;
    std::string body;
    for (std::size_t i = 0; i < hex.size(); i += 2) body += static_cast<char>(std::strtol(hex.substr(i, 2).c_str(), nullptr, 16));
    std::vector<FieldViolation> problems;
    auto request = kd::decodeCreate(body, problems);
    if (!problems.empty()) return false;
    connectors_[connectorId].tasks[id] = SinkTask{request.getTaskName(), request.getObsDestinationDescriptor(), created};
    return true;
  }
  if (tag != "dis") return false;
  std::istringstream in(rest);
  std::string stream, id, state, hex;
  std::int64_t created = 0;
  if (!(in >> stream >> id >> state >> created >> hex) || hex.size() % 2 != 0) return false;
  std::string body;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const auto byte = std::strtol(hex.substr(i, 2).c_str(), nullptr, 16);
    body += static_cast<char>(byte);
  }
  std::vector<FieldViolation> problems;
  auto request = dd::decodeCreate(body, problems);
  if (!problems.empty() || !request.getDescriptor()) return false;
  disTasks_[stream][taskName(*request.getDescriptor())] =
      DisTask{id, *request.getDescriptor(), dd::parseState(state), created};
  return true;
}

std::size_t HuaweiBackend::taskCount() const {
  std::size_t n = 0;
  for (const auto& [stream, tasks] : disTasks_) n += tasks.size();
  for (const auto& [id, c] : connectors_) n += c.tasks.size();
  return n;
}

}  // namespace delivery::emulator
