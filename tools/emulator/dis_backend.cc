#include "emulator/dis_backend.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <sstream>

#include <rapidjson/document.h>
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

// ---- the key tables (spec huawei-dump-tasks.md §1.2-§1.4; huawei-more.md §2.3) ----------------

constexpr char kNameChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kPrefixChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/";
constexpr char kWordChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
constexpr char kMetricChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.";

const std::vector<std::string> kDataTypes = {"Bigint", "Double", "Boolean", "Timestamp", "String", "Decimal"};
const std::vector<std::string> kDateFormats = {"yyyy/MM/dd HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss",
                                               "yyyy-MM-dd HH:mm:ss", "MM-dd-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm:ss"};
const std::vector<std::string> kDestinationTypes = {"OBS", "MRS", "DLI", "CLOUDTABLE", "DWS"};
// destination_type -> the descriptor key of the create body and the description key of the show answer
// (the DWS and CloudTable ones misspelled as the service spells them, §1.6).
struct Destination {
  const char* type;
  const char* descriptor;
  const char* description;
};
constexpr Destination kDestinations[] = {
    {"OBS", "obs_destination_descriptor", "obs_destination_description"},
    {"MRS", "mrs_destination_descriptor", "mrs_destination_description"},
    {"DLI", "dli_destination_descriptor", "dli_destination_description"},
    {"CLOUDTABLE", "cloudtable_destination_descriptor", "cloudtable_destination_descripton"},
    {"DWS", "dws_destination_descriptor", "dws_destination_descripton"},
};

// §1.3: every descriptor starts with these. agency_name: required on the older pages, optional
// ("auto-created") on the newest OBS page; taken as optional but never empty.
std::vector<Key> common() {
  return {
      schema::str("task_name").req().size(1, 64, "must be 1 to 64 characters").only(kNameChars, "may contain only letters, digits, '-' and '_'"),
      schema::str("agency_name").size(1, 64, "must be 1 to 64 characters"),
      schema::integer("deliver_time_interval").req().range(30, 900),
      schema::str("consumer_strategy").oneOf({"LATEST", "TRIM_HORIZON"}),
  };
}

// compression_format (OBS, MRS): only the old DIS-only Java SDK has it, "no compression or gzip";
// no token for "none" is known, so only gzip is taken (huawei-more.md §2.3).
Key compressionFormat() { return schema::str("compression_format").oneOf({"gzip"}); }

Key filePrefix(const char* name = "file_prefix") {
  return schema::str(name).size(0, 50, "must be at most 50 characters").only(kPrefixChars, "may contain only letters, digits, '_' and '/'");
}
Key retryDuration() { return schema::integerOrText("retry_duration").range(0, 7200); }
Key bucket(const char* name) { return schema::str(name).req().size(1, 1024, "must not be empty"); }
Key required(const char* name) { return schema::str(name).req().size(1, 1024, "must not be empty"); }

Object with(std::vector<Key> keys) {
  Object o;
  o.keys = common();
  for (auto& k : keys) o.keys.push_back(std::move(k));
  return o;
}

const Object& processingSchema() {
  static const Object o{{
      required("timestamp_name"),
      schema::str("timestamp_type").req().oneOf({"String", "Timestamp"}),
      schema::str("timestamp_format").oneOf(kDateFormats),
  }};
  return o;
}

const Object& obs() {
  static const Object o = with({
      filePrefix(),
      schema::str("partition_format").oneOf({"yyyy", "yyyy/MM", "yyyy/MM/dd", "yyyy/MM/dd/HH", "yyyy/MM/dd/HH/mm", "N/A"}),
      bucket("obs_bucket_path"),
      schema::str("destination_file_type").oneOf({"text", "parquet", "carbon"}),
      schema::object("processing_schema", processingSchema()),
      schema::str("record_delimiter").oneOf({",", ";", "|", "\n"}),
      compressionFormat(),  // carbon_properties: checked by hand (carbonProperties below)
  });
  return o;
}

const Object& mrs() {
  static const Object o = with({
      required("mrs_cluster_name"),
      required("mrs_cluster_id"),
      required("mrs_hdfs_path"),
      filePrefix(),
      schema::str("hdfs_prefix_folder").size(0, 50, "must be at most 50 characters"),
      bucket("obs_bucket_path"),
      retryDuration(),
      // Not in the MRS table, but the documented MRS example sends it (huawei-more.md §2.3).
      schema::str("destination_file_type").oneOf({"text", "parquet", "carbon"}),
      // The old DIS-only Java SDK's MRS fields (huawei-more.md §2.3); carbon_properties by hand.
      schema::str("partition_format").oneOf({"yyyy", "yyyy/MM", "yyyy/MM/dd", "yyyy/MM/dd/HH", "yyyy/MM/dd/HH/mm"}),
      compressionFormat(),
  });
  return o;
}

const Object& dli() {
  static const Object o = with({
      required("dli_database_name"),
      required("dli_table_name"),
      bucket("obs_bucket_path"),
      filePrefix(),
      retryDuration(),
  });
  return o;
}

const Object& dwsOptions() {
  static const std::vector<std::string> kFlags = {"true", "false", "on", "off"};
  static const Object o{{
      schema::str("fill_missing_fields").oneOf(kFlags),
      schema::str("ignore_extra_data").oneOf(kFlags),
      schema::str("compatible_illegal_chars").oneOf(kFlags),
      schema::str("reject_limit"),  // digits or "unlimited": checked by hand
      schema::str("error_table_name"),
  }};
  return o;
}

const Object& dws() {
  static const Object o = with({
      required("dws_cluster_name"),
      required("dws_cluster_id"),
      required("dws_database_name"),
      required("dws_schema"),
      required("dws_table_name"),
      // One of , ; | by the table. The documented example (tests/data/dis-dws-seed-request.json)
      // sends "", which its own table forbids: a request with "" is refused, a seeded task may have it
      // (see checkParsed).
      schema::str("dws_delimiter").req().oneOf({",", ";", "|"}),
      required("user_name"),
      required("user_password").hidden(),
      required("kms_user_key_name"),
      required("kms_user_key_id"),
      bucket("obs_bucket_path"),
      filePrefix(),
      retryDuration(),
      schema::str("dws_table_columns"),
      schema::object("options", dwsOptions()),
  });
  return o;
}

const Object& rowKey() {
  static const Object o{{required("value"), schema::str("type").req().oneOf(kDataTypes)}};
  return o;
}
const Object& column() {
  static const Object o{{
      required("column_family_name"),
      schema::str("column_name").req().size(1, 32, "must be 1 to 32 characters").only(kWordChars, "may contain only letters, digits and '_'"),
      required("value"),
      schema::str("type").req().oneOf(kDataTypes),
  }};
  return o;
}
const Object& cloudtableSchema() {
  static const Object o{{
      schema::objects("row_key", rowKey()).req().size(1, 64, "must have 1 to 64 entries"),
      schema::objects("columns", column()).req().size(1, 4096, "must have 1 to 4096 entries"),
  }};
  return o;
}
const Object& tsdbMetric() {
  static const Object o{{
      schema::str("type").req().oneOf({"Constant", "String"}),
      schema::str("value").req().size(1, 32, "must be 1 to 32 characters").only(kMetricChars, "may contain only letters, digits and '.'"),
  }};
  return o;
}
const Object& tsdbTimestamp() {
  static const Object o{{
      schema::str("type").req().oneOf({"Timestamp", "String"}),
      schema::str("value").req().size(1, 32, "must be 1 to 32 characters"),
      schema::str("format").oneOf(kDateFormats),
  }};
  return o;
}
const Object& tsdbValue() {
  static const Object o{{schema::str("type").req().oneOf(kDataTypes), required("value")}};
  return o;
}
const Object& tsdbTag() {
  static const Object o{{required("name"), schema::str("type").req().oneOf(kDataTypes), required("value")}};
  return o;
}
const Object& opentsdbSchema() {
  static const Object o{{
      schema::objects("metric", tsdbMetric()).req().size(1, 1000000, "must have at least one entry"),
      schema::object("timestamp", tsdbTimestamp()).req(),
      schema::object("value", tsdbValue()).req(),
      schema::objects("tags", tsdbTag()).req(),
  }};
  return o;
}

const Object& cloudtable() {
  static const Object o = with({
      required("cloudtable_cluster_name"),
      required("cloudtable_cluster_id"),
      schema::str("cloudtable_table_name"),  // required with cloudtable_schema: by hand
      schema::object("cloudtable_schema", cloudtableSchema()),
      schema::objects("opentsdb_schema", opentsdbSchema()).size(1, 1000000, "must have at least one entry"),
      schema::str("cloudtable_row_key_delimiter").oneOf({",", ".", "|", ";", "\\", "-", "_", "~"}),
      schema::str("obs_backup_bucket_path"),
      schema::str("backup_file_prefix").size(0, 50, "must be at most 50 characters").only(kWordChars, "may contain only letters, digits and '_'"),
      retryDuration(),
  });
  return o;
}

// §1.2 CreateTransferTaskReq. The old DIS-only Java SDK also sends stream_name (the service takes
// the stream from the path); it is allowed and must name the path's stream.
const Object& createRequest() {
  static const Object o{{
      schema::str("destination_type").oneOf(kDestinationTypes),
      schema::object("obs_destination_descriptor", obs()),
      schema::object("mrs_destination_descriptor", mrs()),
      schema::object("dli_destination_descriptor", dli()),
      schema::object("cloudtable_destination_descriptor", cloudtable()),
      schema::object("dws_destination_descriptor", dws()),
      schema::str("stream_name"),
  }};
  return o;
}

// §1.1 batch start/stop: {"action":"start"|"stop","tasks":[{"id":"..."}]} (JDIS adds stream_name).
const Object& batchTask() {
  static const Object o{{required("id")}};
  return o;
}
const Object& batchRequest() {
  static const Object o{{
      schema::str("action").req().oneOf({"start", "stop"}),
      schema::objects("tasks", batchTask()).req().size(1, 1000000, "must name at least one task"),
      schema::str("stream_name"),
  }};
  return o;
}

using schema::member;
using schema::text;

// The rules that span fields (§1.4).
void crossChecks(const rapidjson::Value& d, const std::string& type, const std::string& path,
                 std::vector<schema::Problem>& problems) {
  const std::string prefix = text(member(d, "file_prefix"));
  if (!prefix.empty() && prefix.front() == '/') problems.push_back({schema::join(path, "file_prefix"), "must not start with '/'"});
  if (type == "OBS") {
    if (const auto* ps = member(d, "processing_schema"); ps != nullptr && ps->IsObject()) {
      if (text(member(*ps, "timestamp_type")) == "String" && member(*ps, "timestamp_format") == nullptr) {
        problems.push_back({path + ".processing_schema.timestamp_format", "is required when timestamp_type is String"});
      }
    }
  }
  if (type == "DWS") {
    if (const auto* options = member(d, "options"); options != nullptr && options->IsObject()) {
      const auto* limit = member(*options, "reject_limit");
      if (limit != nullptr && limit->IsString()) {
        std::int64_t n = 0;
        if (text(limit) != "unlimited" && !schema::integerValue(*limit, n)) {
          problems.push_back({path + ".options.reject_limit", "must be a non-negative integer or \"unlimited\""});
        }
      }
    }
  }
  if (type == "CLOUDTABLE") {
    const bool hbase = member(d, "cloudtable_schema") != nullptr;
    const bool tsdb = member(d, "opentsdb_schema") != nullptr;
    if (hbase == tsdb) {
      problems.push_back({schema::join(path, "cloudtable_schema"), "exactly one of cloudtable_schema and opentsdb_schema is required"});
    }
    if (hbase && text(member(d, "cloudtable_table_name")).empty()) {
      problems.push_back({schema::join(path, "cloudtable_table_name"), "is required with cloudtable_schema"});
    }
    if (const auto* list = member(d, "opentsdb_schema"); list != nullptr && list->IsArray()) {
      for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
        const auto* ts = member((*list)[i], "timestamp");
        if (ts != nullptr && text(member(*ts, "type")) == "String" && member(*ts, "format") == nullptr) {
          problems.push_back({path + ".opentsdb_schema[" + std::to_string(i) + "].timestamp.format",
                              "is required when type is String"});
        }
      }
    }
  }
}

// carbon_properties of the OBS and MRS descriptors (old DIS-only Java SDK, huawei-more.md §2.3): an
// object of string values, CarbonData writer properties, so only with destination_file_type carbon;
// keys not empty. The key tables cannot say "any key", so checkParsed takes the member out of the
// descriptor for schema::check and puts it back afterwards.
struct CarbonProperties {
  const char* descriptorKey = nullptr;
  rapidjson::Value* descriptor = nullptr;
  rapidjson::Value value;  // null when absent
};
CarbonProperties takeCarbonProperties(rapidjson::Document& doc) {
  CarbonProperties out;
  for (const char* key : {"obs_destination_descriptor", "mrs_destination_descriptor"}) {
    auto d = doc.FindMember(key);
    if (d == doc.MemberEnd() || !d->value.IsObject()) continue;
    auto c = d->value.FindMember("carbon_properties");
    if (c == d->value.MemberEnd()) continue;
    out.descriptorKey = key;
    out.descriptor = &d->value;
    out.value = c->value;  // moves
    d->value.RemoveMember("carbon_properties");
  }
  return out;
}
void checkCarbonProperties(const CarbonProperties& c, std::vector<schema::Problem>& problems) {
  if (c.descriptor == nullptr || c.value.IsNull()) return;
  const std::string path = std::string(c.descriptorKey) + ".carbon_properties";
  if (!c.value.IsObject()) {
    problems.push_back({path, "must be an object"});
    return;
  }
  if (text(member(*c.descriptor, "destination_file_type")) != "carbon") {
    problems.push_back({path, "is only for destination_file_type carbon"});
  }
  for (auto m = c.value.MemberBegin(); m != c.value.MemberEnd(); ++m) {
    if (m->name.GetStringLength() == 0) problems.push_back({path, "keys must not be empty"});
    if (!m->value.IsString()) problems.push_back({path + "." + m->name.GetString(), "must be a string"});
  }
}
void restoreCarbonProperties(CarbonProperties& c, rapidjson::Document& doc) {
  if (c.descriptor == nullptr) return;
  c.descriptor->AddMember("carbon_properties", c.value, doc.GetAllocator());
}

Reply invalid(const std::vector<std::pair<std::string, std::string>>& problems) {
  std::string message = "Invalid request";
  for (const auto& [field, why] : problems) message += "; " + field + ": " + why;
  return gw::errorReply(400, "DIS.4200", message);
}

std::string newTaskId() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string id;
  for (int i = 0; i < 19; ++i) id += kAlphabet[delivery::detail::randomBetween(0, 61)];
  return id;
}

// A stream's id for the show answer (huawei-more.md §2.2: stream_id, in the documented example
// only, 19 letters and digits like "RdMFID6edQdf8eDzc9e"). The emulator has no stream objects: the
// id is derived from the name (FNV-1a), the same for every task and every run.
std::string streamId(const std::string& stream) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::uint64_t h = 1469598103934665603ULL;
  std::string id;
  for (int i = 0; i < 19; ++i) {
    for (char c : stream) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ static_cast<std::uint64_t>(i)) * 1099511628211ULL;
    id += kAlphabet[(h >> 33) % 62];
  }
  return id;
}

const Destination& destinationOf(const std::string& type) {
  for (const auto& d : kDestinations) {
    if (type == d.type) return d;
  }
  return kDestinations[0];
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

}  // namespace

DisBackend::Checked DisBackend::checkCreate(const std::string& body, const std::string& stream, bool secretsMayBeAbsent) {
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  return checkParsed(doc, stream, secretsMayBeAbsent);
}

DisBackend::Checked DisBackend::checkParsed(rapidjson::Document& doc, const std::string& stream, bool secretsMayBeAbsent) {
  Checked out;
  if (doc.HasParseError() || !doc.IsObject()) {
    out.problems.emplace_back("body", "must be a JSON object");
    return out;
  }
  std::vector<schema::Problem> problems;
  schema::Options options;
  options.secretsMayBeAbsent = secretsMayBeAbsent;
  CarbonProperties carbon = takeCarbonProperties(doc);
  schema::check(doc, createRequest(), "", options, problems);
  checkCarbonProperties(carbon, problems);
  restoreCarbonProperties(carbon, doc);
  // destination_type: "if not set, OBS is used" (the newest OBS page, §1.2).
  std::string type = text(member(doc, "destination_type"));
  if (type.empty()) type = "OBS";
  if (const auto* s = member(doc, "stream_name"); s != nullptr && s->IsString() && text(s) != stream) {
    problems.push_back({"stream_name", "must be the stream of the path"});
  }
  const bool knownType = std::find(kDestinationTypes.begin(), kDestinationTypes.end(), type) != kDestinationTypes.end();
  const Destination& destination = destinationOf(type);
  for (const auto& d : kDestinations) {
    if (knownType && type != d.type && member(doc, d.descriptor) != nullptr) {
      problems.push_back({d.descriptor, "must not be sent when destination_type is " + type});
    }
  }
  const rapidjson::Value* descriptor = knownType ? member(doc, destination.descriptor) : nullptr;
  if (knownType && descriptor == nullptr) {
    problems.push_back({destination.descriptor, "is required when destination_type is " + type});
  }
  if (descriptor != nullptr && descriptor->IsObject()) crossChecks(*descriptor, type, destination.descriptor, problems);
  for (auto& p : problems) {
    // Seeding takes the documented DWS example as it is, with its empty dws_delimiter.
    if (secretsMayBeAbsent && type == "DWS" && p.field == "dws_destination_descriptor.dws_delimiter" &&
        descriptor != nullptr && text(member(*descriptor, "dws_delimiter")).empty() &&
        member(*descriptor, "dws_delimiter") != nullptr) {
      continue;
    }
    out.problems.emplace_back(std::move(p.field), std::move(p.message));
  }
  if (!out.problems.empty()) return out;
  out.name = text(member(*descriptor, "task_name"));
  out.destinationType = type;
  schema::removeSecrets(doc, createRequest());
  out.stored = schema::toJson(doc);
  return out;
}

bool DisBackend::claims(const HttpRequest& request) const {
  const auto parts = gw::splitPath(request.path);
  return parts.size() >= 3 && parts[0] == "v2" && parts[2] == "streams";
}

std::string DisBackend::operation(const HttpRequest& request) const {
  const auto p = gw::splitPath(request.path);
  const std::size_t n = p.size();
  const HttpMethod m = request.method;
  if (n < 5 || p[0] != "v2" || p[2] != "streams" || p[4] != "transfer-tasks") return {};
  if (n == 5 && m == HttpMethod::Get) return "ListTransferTasks";
  if (n == 5 && m == HttpMethod::Post) return "CreateTransferTask";
  if (n == 5 && m == HttpMethod::Put) return "UpdateTransferTask";
  if (n == 6 && p[5] == "action" && m == HttpMethod::Post) return "BatchTransferTaskAction";
  if (n == 6 && m == HttpMethod::Get) return "ShowTransferTask";
  if (n == 6 && m == HttpMethod::Delete) return "DeleteTransferTask";
  return {};
}

Reply DisBackend::handle(const HttpRequest& request, const Locked& locked) {
  const auto parts = gw::splitPath(request.path);
  Reply reply;
  if (parts.size() < 3 || parts[0] != "v2") {
    reply = gw::errorReply(404, "APIGW.0101", "the API does not exist");
  } else if (std::string why = gw::authenticate(request, credentials_, parts[1]); !why.empty()) {
    reply = gw::errorReply(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
  } else {
    reply = route(request, parts, locked);
  }
  gw::addRequestId(reply);
  return reply;
}

Reply DisBackend::route(const HttpRequest& request, const std::vector<std::string>& parts, const Locked& locked) {
  if (parts.size() < 5 || parts[2] != "streams" || parts[4] != "transfer-tasks" || parts[3].empty() ||
      parts.size() > 6) {
    return gw::errorReply(404, "APIGW.0101", "the API does not exist");
  }
  const std::string& stream = parts[3];
  if (parts.size() == 5) {
    if (request.method == HttpMethod::Get) return list(request, stream, locked);
    if (request.method == HttpMethod::Post || request.method == HttpMethod::Put) return createOrUpdate(request, stream, locked);
    return gw::errorReply(405, "DIS.4005", "method not allowed");
  }
  const std::string& last = parts[5];
  if (last == "action" && request.method == HttpMethod::Post) return batch(request, stream, locked);
  if (request.method == HttpMethod::Delete) {
    return locked([&] {
      auto s = tasks_.find(stream);
      if (s == tasks_.end() || s->second.erase(last) == 0) {
        return gw::errorReply(404, "DIS.4336", "transfer task " + last + " does not exist");
      }
      markDirty();
      return gw::jsonReply(204, "");
    });
  }
  if (request.method != HttpMethod::Get) return gw::errorReply(405, "DIS.4005", "method not allowed");
  std::optional<Task> found;
  Reply missing = locked([&] {
    auto s = tasks_.find(stream);
    if (s != tasks_.end()) {
      if (auto t = s->second.find(last); t != s->second.end()) found = t->second;
    }
    return found ? Reply{} : gw::errorReply(404, "DIS.4336", "transfer task " + last + " does not exist");
  });
  if (!found) return missing;
  // §1.6 show: the task, one partition in the documented example's shape, and the descriptor under
  // the key the service answers with (misspelled for DWS and CloudTable), its secrets left out
  // (they were never stored); retry_duration as a JSON number (huawei-more.md §2.2).
  rapidjson::Document stored;
  stored.Parse(found->body.data(), found->body.size());
  const Destination& destination = destinationOf(found->destinationType);
  const std::string state = stateOf(*found);
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  put(w, "stream_name", stream);
  put(w, "stream_id", streamId(stream));
  put(w, "task_id", found->id);
  put(w, "task_name", last);
  put(w, "state", state);
  put(w, "destination_type", found->destinationType);
  put(w, "create_time", found->createTime);
  put(w, "last_transfer_timestamp", found->createTime);
  w.Key("partitions");
  w.StartArray();
  w.StartObject();
  put(w, "partitionId", std::string("shardId-0000000000"));
  put(w, "state", state == kDisRunning ? std::string(kDisRunning) : std::string(kDisPaused));
  put(w, "discard", std::int64_t{0});
  put(w, "last_transfer_timestamp", found->createTime);
  put(w, "last_transfer_offset", std::int64_t{0});
  w.EndObject();
  w.EndArray();
  if (const auto* d = member(stored, destination.descriptor); d != nullptr && d->IsObject()) {
    w.Key(destination.description);
    w.StartObject();
    for (auto m = d->MemberBegin(); m != d->MemberEnd(); ++m) {
      w.Key(m->name.GetString(), m->name.GetStringLength());
      std::int64_t n = 0;
      if (std::string(m->name.GetString()) == "retry_duration" && schema::integerValue(m->value, n)) {
        w.Int64(n);
      } else {
        m->value.Accept(w);
      }
    }
    w.EndObject();
  }
  w.EndObject();
  return gw::jsonReply(200, std::string(buffer.GetString(), buffer.GetSize()));
}

// §1.6 list: {"total_number","quota","tasks":[TransferTask + task_id]}, tasks in name order.
// Paging (huawei-more.md §2.1): `limit` 1..10 (the current Huawei "Querying Dump Tasks" page) and
// `start_task_name`, exclusive (the old DIS-only Java SDK), both query parameters. Without limit the
// answer holds every task, as every documented example does, unless the emulator was told to page
// by default (EmulatorOptions::disListPageWithoutLimit); total_number always counts them all.
// The old Java SDK also repeats stream_name, which must be the path's. Any other query parameter,
// a limit outside 1..10 or an empty start_task_name is 400 DIS.4200.
Reply DisBackend::list(const HttpRequest& request, const std::string& stream, const Locked& locked) {
  std::optional<std::int64_t> limit;
  std::optional<std::string> start;
  std::vector<std::pair<std::string, std::string>> problems;
  for (const auto& [key, value] : request.query) {
    if (key == "limit") {
      const bool digits = !value.empty() && value.size() <= 2 && value.find_first_not_of("0123456789") == std::string::npos;
      if (!digits || std::stoll(value) < 1 || std::stoll(value) > 10) {
        problems.emplace_back("limit", "must be an integer between 1 and 10");
      } else {
        limit = std::stoll(value);
      }
    } else if (key == "start_task_name") {
      // No page documents it; a marker that names no task starts after its place in name order.
      if (value.empty()) {
        problems.emplace_back("start_task_name", "must not be empty");
      } else {
        start = value;
      }
    } else if (key == "stream_name") {  // the old Java SDK repeats the stream here
      if (value != stream) problems.emplace_back("stream_name", "must be the stream of the path");
    } else {
      problems.emplace_back(key, "is not a query parameter of this API");
    }
  }
  if (!problems.empty()) return invalid(problems);
  if (!limit && pageWithoutLimit_ > 0) limit = static_cast<std::int64_t>(pageWithoutLimit_);
  std::vector<std::pair<std::string, Task>> found;
  std::size_t total = 0;
  locked([&] {
    if (auto s = tasks_.find(stream); s != tasks_.end()) {
      total = s->second.size();
      auto it = start ? s->second.upper_bound(*start) : s->second.begin();
      for (; it != s->second.end() && (!limit || found.size() < static_cast<std::size_t>(*limit)); ++it) found.push_back(*it);
    }
    return Reply{};
  });
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  put(w, "total_number", static_cast<std::int64_t>(total));
  put(w, "quota", std::int64_t{5});
  w.Key("tasks");
  w.StartArray();
  for (const auto& [name, t] : found) {
    w.StartObject();
    put(w, "task_id", t.id);
    put(w, "task_name", name);
    put(w, "state", stateOf(t));
    put(w, "destination_type", t.destinationType);
    put(w, "create_time", t.createTime);
    put(w, "last_transfer_timestamp", t.createTime);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return gw::jsonReply(200, std::string(buffer.GetString(), buffer.GetSize()));
}

Reply DisBackend::createOrUpdate(const HttpRequest& request, const std::string& stream, const Locked& locked) {
  rapidjson::Document doc;
  doc.Parse(request.body.data(), request.body.size());
  beforeValidate(request);  // decoded, not yet checked
  Checked checked = checkParsed(doc, stream, false);
  if (!checked.problems.empty()) return invalid(checked.problems);
  const std::string& name = checked.name;
  if (request.method == HttpMethod::Post) {
    const std::int64_t now = lifecycle().nowMillis();
    Task task{newTaskId(), checked.destinationType, kDisRunning, now, std::move(checked.stored), now, {}};
    return locked([&] {
      auto& byName = tasks_[stream];
      // Kept from the earlier emulator (tests check it): DIS.4301 for a task name already taken.
      if (byName.count(name) != 0) return gw::errorReply(400, "DIS.4301", "transfer task " + name + " already exists");
      if (auto failed = takeTaskError("CreateTransferTask")) task.error = std::move(*failed);
      byName.emplace(name, std::move(task));
      markDirty();
      return gw::jsonReply(201, "");
    });
  }
  return locked([&] {
    auto s = tasks_.find(stream);
    Task* t = nullptr;
    if (s != tasks_.end()) {
      if (auto it = s->second.find(name); it != s->second.end()) t = &it->second;
    }
    if (t == nullptr) return gw::errorReply(404, "DIS.4336", "transfer task " + name + " does not exist");
    t->destinationType = checked.destinationType;
    t->body = checked.stored;
    markDirty();
    return gw::jsonReply(200, "");
  });
}

Reply DisBackend::batch(const HttpRequest& request, const std::string& stream, const Locked& locked) {
  rapidjson::Document doc;
  doc.Parse(request.body.data(), request.body.size());
  beforeValidate(request);
  std::vector<schema::Problem> problems;
  if (doc.HasParseError() || !doc.IsObject()) {
    problems.push_back({"body", "must be a JSON object"});
  } else {
    schema::check(doc, batchRequest(), "", schema::Options{}, problems);
    if (const auto* s = member(doc, "stream_name"); s != nullptr && s->IsString() && text(s) != stream) {
      problems.push_back({"stream_name", "must be the stream of the path"});
    }
  }
  if (!problems.empty()) {
    std::vector<std::pair<std::string, std::string>> list;
    for (auto& p : problems) list.emplace_back(p.field, p.message);
    return invalid(list);
  }
  const bool start = text(member(doc, "action")) == "start";
  std::vector<std::string> ids;
  for (const auto& item : member(doc, "tasks")->GetArray()) ids.push_back(text(member(item, "id")));
  return locked([&] {
    auto& byName = tasks_[stream];
    std::vector<Task*> targets;
    for (const auto& id : ids) {
      Task* found = nullptr;
      for (auto& [name, t] : byName) {
        if (t.id == id) found = &t;
      }
      if (found == nullptr) return gw::errorReply(400, "DIS.4336", "no transfer task with id " + id + " on stream " + stream);
      targets.push_back(found);
    }
    // huawei-more.md §3: start STARTING -> RUNNING (a task already starting or running goes on as
    // it is); stop PAUSED at once. Either ends an error: it belonged to the run that stopped.
    const std::int64_t now = lifecycle().nowMillis();
    for (Task* t : targets) {
      if (start) {
        const std::string current = stateOf(*t);
        if (current == kDisRunning || current == kDisStarting) continue;
        t->state = kDisRunning;
        t->startedMillis = now;
      } else {
        t->state = kDisPaused;
        t->startedMillis.reset();
      }
      t->error = TaskError{};
    }
    markDirty();
    return gw::jsonReply(200, "");
  });
}

std::string DisBackend::stateOf(const Task& task) const {
  const std::int64_t steps = task.startedMillis ? lifecycle().steps(*task.startedMillis) : Lifecycle::kAllSteps;
  if (task.error.showsAt(steps)) return kDisError;
  return steps == 0 ? std::string(kDisStarting) : task.state;
}

std::string DisBackend::errorOf(const Task& task) const {
  const std::int64_t steps = task.startedMillis ? lifecycle().steps(*task.startedMillis) : Lifecycle::kAllSteps;
  return task.error.showsAt(steps) ? task.error.detail : std::string();
}

std::vector<StoredTask> DisBackend::tasks() const {
  std::vector<StoredTask> out;
  for (const auto& [stream, byName] : tasks_) {
    for (const auto& [name, t] : byName) {
      out.push_back(StoredTask{"dis", stream, name, t.id, stateOf(t), t.createTime, t.body, errorOf(t)});
    }
  }
  return out;
}

Result<void> DisBackend::failTask(const std::string& scope, const std::string& name, const std::string& detail) {
  Task* t = nullptr;
  if (auto s = tasks_.find(scope); s != tasks_.end()) {
    if (auto it = s->second.find(name); it != s->second.end()) t = &it->second;
  }
  if (t == nullptr) return taskNotFound("transfer task " + scope + "/" + name);
  t->error = TaskError{0, 0, detail.empty() ? std::string(kDefaultTaskErrorDetail) : detail};
  markDirty();
  return {};
}

std::size_t DisBackend::taskCount() const {
  std::size_t n = 0;
  for (const auto& [stream, byName] : tasks_) n += byName.size();
  return n;
}

Result<void> DisBackend::seed(const StoredTask& task) {
  if (task.scope.empty()) return Error(ErrorKind::InvalidArgument, "a DIS task needs its stream as scope");
  Checked checked = checkCreate(task.json, task.scope, true);
  if (!checked.problems.empty()) {
    std::string message = "not a valid DIS create request";
    for (const auto& [field, why] : checked.problems) message += "; " + field + ": " + why;
    return Error(ErrorKind::InvalidArgument, message);
  }
  if (!task.name.empty() && task.name != checked.name) {
    return Error(ErrorKind::InvalidArgument, "the task name differs from the body's task_name");
  }
  static const std::vector<std::string> kStates = {"ERROR", "STARTING", "PAUSED", "RUNNING", "DELETE", "ABNORMAL"};
  if (!task.state.empty() && std::find(kStates.begin(), kStates.end(), task.state) == kStates.end()) {
    return Error(ErrorKind::InvalidArgument, "unknown DIS task state " + task.state);
  }
  const std::int64_t created = task.createTime != 0 ? task.createTime : lifecycle().nowMillis();
  Task t{task.id.empty() ? newTaskId() : task.id, checked.destinationType, task.state.empty() ? kDisRunning : task.state,
         created, checked.stored, std::nullopt, {}};
  if (task.state.empty()) t.startedMillis = created;  // as if created then
  tasks_[task.scope][checked.name] = std::move(t);
  markDirty();
  return {};
}

void DisBackend::save(std::ostream& out) const {
  // The stored bodies carry no secret (the DWS password is removed before a task is kept).
  for (const auto& [stream, byName] : tasks_) {
    for (const auto& [name, t] : byName) {
      out << "dis " << stream << ' ' << t.id << ' ' << t.state << ' ' << t.createTime << ' '
          << delivery::detail::hexEncode(t.body) << ' ' << (t.startedMillis ? std::to_string(*t.startedMillis) : "-") << ' '
          << saveTaskError(t.error) << '\n';
    }
  }
}

bool DisBackend::load(const std::string& tag, const std::string& rest) {
  if (tag != "dis") return false;
  std::istringstream in(rest);
  std::string stream, id, state, hex, started, errorToken, extra;
  std::int64_t created = 0;
  if (!(in >> stream >> id >> state >> created >> hex)) return false;
  // v3 adds the run start and the task error; a v2 line ends here and its state holds.
  std::optional<std::int64_t> startedMillis;
  TaskError taskError;
  if (in >> started) {
    if (!(in >> errorToken) || (in >> extra) || !loadTaskError(errorToken, taskError)) return false;
    if (started != "-") {
      if (started.empty() || started.size() > 18 || started.find_first_not_of("0123456789") != std::string::npos) return false;
      startedMillis = std::stoll(started);
    }
  }
  std::string body;
  if (!delivery::detail::hexDecode(hex, body)) return false;
  StoredTask task{"dis", stream, "", id, state, created, body};
  const bool ok = static_cast<bool>(seed(task));
  takeDirty();  // loading is not a change to save
  if (!ok) return false;
  for (auto& [name, t] : tasks_[stream]) {
    if (t.id == id) {
      t.startedMillis = startedMillis;
      t.error = std::move(taskError);
    }
  }
  return true;
}

}  // namespace delivery::emulator
