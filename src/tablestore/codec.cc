#include "tablestore/codec.h"

#include <cstring>
#include <type_traits>
#include <utility>

#include "core/fields.h"
#include "delivery.pb.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {
namespace pb = ::delivery_tablestore_pb;  // the generated messages (src/tablestore/proto/delivery.proto)
namespace {

// The enum tables of model.h against the protobuf enums: every value the protocol defines has the
// same number in both, and neither has more (the protobuf enums are contiguous). The model's enums
// add UNKNOWN, which is not the protocol's (hence the count + 1), and the rule of each enum field
// (detail::knownNumber) must be exactly the protobuf range. A new value on one side only fails the
// build, so the numbers the model sends are exactly the protocol's.
#define DELIVERY_TS_SAME_NUMBER_(PREFIX, name, number, text) \
  static_assert(static_cast<int>(pb::PREFIX##name) == (number), #name ": model and protobuf numbers differ");
#define DELIVERY_TS_CHECK_ENUM_(Enum, LIST, PREFIX, MIN, MAX)                                             \
  LIST(DELIVERY_TS_ENUM_ENTRY_##PREFIX##_)                                                                 \
  static_assert(static_cast<std::size_t>(pb::MAX) - static_cast<std::size_t>(pb::MIN) + 2 ==             \
                    ::delivery::enumCount<Enum>(),                                                         \
                #Enum ": model and protobuf enumerators differ");                                          \
  static_assert(knownNumber<Enum>("").minValue == pb::MIN && knownNumber<Enum>("").maxValue == pb::MAX,   \
                #Enum ": the rule of its numbers is not the protobuf range");
#define DELIVERY_TS_ENUM_ENTRY_TaskType_(name, number, text) DELIVERY_TS_SAME_NUMBER_(, name, number, text)
#define DELIVERY_TS_ENUM_ENTRY_TimeFormat_(name, number, text) \
  DELIVERY_TS_SAME_NUMBER_(EventColumn_eventTimeFormat_, name, number, text)
#define DELIVERY_TS_ENUM_ENTRY_DataType_(name, number, text) DELIVERY_TS_SAME_NUMBER_(ParquetSchema_DataType_, name, number, text)
#define DELIVERY_TS_ENUM_ENTRY_Phase_(name, number, text) DELIVERY_TS_SAME_NUMBER_(TaskSyncStat_TaskSyncPhase_, name, number, text)
DELIVERY_TS_CHECK_ENUM_(DeliveryTaskType, DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE, TaskType, DeliveryTaskType_MIN,
                        DeliveryTaskType_MAX)
DELIVERY_TS_CHECK_ENUM_(EventTimeFormat, DELIVERY_TABLESTORE_EVENT_TIME_FORMAT, TimeFormat,
                        EventColumn_eventTimeFormat_eventTimeFormat_MIN, EventColumn_eventTimeFormat_eventTimeFormat_MAX)
DELIVERY_TS_CHECK_ENUM_(DataType, DELIVERY_TABLESTORE_DATA_TYPE, DataType, ParquetSchema_DataType_DataType_MIN,
                        ParquetSchema_DataType_DataType_MAX)
DELIVERY_TS_CHECK_ENUM_(OSSFileEncoding, DELIVERY_TABLESTORE_OSS_FILE_ENCODING, TaskType, Encoding_MIN, Encoding_MAX)
DELIVERY_TS_CHECK_ENUM_(OSSFileFormat, DELIVERY_TABLESTORE_OSS_FILE_FORMAT, TaskType, Format_MIN, Format_MAX)
DELIVERY_TS_CHECK_ENUM_(TimeFormatter, DELIVERY_TABLESTORE_TIME_FORMATTER, TaskType, TimeFormatter_MIN,
                        TimeFormatter_MAX)
DELIVERY_TS_CHECK_ENUM_(TaskSyncPhase, DELIVERY_TABLESTORE_TASK_SYNC_PHASE, Phase,
                        TaskSyncStat_TaskSyncPhase_TaskSyncPhase_MIN, TaskSyncStat_TaskSyncPhase_TaskSyncPhase_MAX)
DELIVERY_TS_CHECK_ENUM_(DeliveryErrorType, DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE, TaskType, ErrorType_MIN,
                        ErrorType_MAX)

// Sets the field `wire` of a read-only response: the decoders fill responses through their tables.
// Only a member of exactly the value's type is assigned (no conversions between field types).
template <typename Message, typename T>
void fill(Message& message, const char* wire, T&& value) {
  delivery::detail::FieldAccess::visit(message, [&](const field::Info& info, auto& member) {
    using Member = std::remove_reference_t<decltype(member)>;
    if constexpr (std::is_same_v<Member, std::remove_cv_t<std::remove_reference_t<T>>>) {
      if (std::strcmp(info.wire, wire) == 0) member = std::forward<T>(value);
    }
  });
}

// What the Java SDK puts on the wire (OTSProtocolBuilder): OSSTaskConfig fields 1, 4, 5, 6 and 8
// always, 7 only with an event column, never 2 (formatter) or 3 (ossDirtyPrefix); each
// ParquetSchema 1-4 always and 5 only when typeExtend is set; EventColumn 1 and 2. Protobuf writes
// fields in number order, so equal input gives equal bytes. This SDK also sends 2 and 3, only when
// the caller set them (model.h): a config without them gives the Java SDK's bytes.
void toPb(const OSSTaskConfig& c, pb::OSSTaskConfig* out) {
  out->set_ossprefix(c.getOssPrefix());
  if (const auto& formatter = c.getTimeFormatterNumber()) out->set_formatter(*formatter);
  if (const auto& dirty = c.getOssDirtyPrefix()) out->set_ossdirtyprefix(*dirty);
  out->set_ossbucket(c.getOssBucket());
  out->set_ossendpoint(c.getOssEndpoint());
  out->set_ossstsrole(c.getOssStsRole());
  if (const auto& ev = c.getEventTimeColumn()) {
    auto* e = out->mutable_eventtimecolumn();
    e->set_columnname(ev->getColumnName());
    e->set_timeformat(ev->getEventTimeFormatNumber());
  }
  out->set_format(c.getFormatNumber());
  for (const auto& s : c.getParquetSchemaList()) {
    auto* p = out->add_schema();
    p->set_columnname(s.getColumnName());
    p->set_osscolumnname(s.getOssColumnName());
    p->set_type(s.getTypeNumber());
    p->set_encode(s.getEncodeNumber());
    if (s.getTypeExtend()) p->set_typeextend(*s.getTypeExtend());
  }
}

// Lenient on purpose: a response is read as far as it goes (unlike the Java SDK, which throws on
// an empty bucket or prefix coming back, and drops typeExtend). Enum fields keep the number the
// service sent, known or not (the .proto declares them int32); the model's getters read a number
// they do not know as UNKNOWN, never as a default.
OSSTaskConfig fromPb(const pb::OSSTaskConfig& in) {
  OSSTaskConfig c;
  c.setOssPrefix(in.ossprefix()).setOssBucket(in.ossbucket()).setOssEndpoint(in.ossendpoint()).setOssStsRole(in.ossstsrole());
  if (in.has_formatter()) c.setTimeFormatterNumber(in.formatter());
  if (in.has_ossdirtyprefix()) c.setOssDirtyPrefix(in.ossdirtyprefix());
  if (in.has_eventtimecolumn() && in.eventtimecolumn().has_columnname() && in.eventtimecolumn().has_timeformat()) {
    EventColumn column;
    column.setColumnName(in.eventtimecolumn().columnname()).setEventTimeFormatNumber(in.eventtimecolumn().timeformat());
    c.setEventTimeColumn(std::move(column));
  }
  c.setFormatNumber(in.format());
  std::vector<ParquetSchema> schema;
  schema.reserve(static_cast<std::size_t>(in.schema_size()));
  for (const auto& p : in.schema()) {
    ParquetSchema s;
    s.setColumnName(p.columnname()).setOssColumnName(p.osscolumnname()).setTypeNumber(p.type()).setEncodeNumber(p.encode());
    if (p.has_typeextend()) s.setTypeExtend(p.typeextend());
    schema.push_back(std::move(s));
  }
  c.setParquetSchemaList(std::move(schema));
  return c;
}

// The request's config, or an empty one (both lvalues: `cond ? *config : OSSTaskConfig()` would
// copy the whole config into a temporary).
const OSSTaskConfig& configOrEmpty(const std::optional<OSSTaskConfig>& config) {
  static const OSSTaskConfig kEmpty;
  return config ? *config : kEmpty;
}

template <typename Message>
bool parse(std::string_view body, Message& m) {
  if (body.size() > static_cast<std::size_t>(INT32_MAX)) return false;
  // ParsePartial + IsInitialized rather than ParseFromArray, which logs to stderr on a missing
  // required field.
  return m.ParsePartialFromArray(body.data(), static_cast<int>(body.size())) && m.IsInitialized();
}

Error malformed(const char* what) {
  return Error(ErrorKind::InvalidResponse, std::string("malformed ") + what + " protobuf message");
}

}  // namespace

// Request messages are reused per thread: Clear() keeps the strings' and the repeated schema
// entries' storage, so steady-state encoding does not allocate inside protobuf.
template <typename Message>
Message& reusable() {
  thread_local Message m;
  m.Clear();
  return m;
}

// The messages that name a task by tablename and taskname; `more` sets the rest.
template <typename Pb, typename Request, typename More>
void encodeTaskMessage(const Request& r, std::string& out, More more) {
  auto& m = reusable<Pb>();
  m.set_tablename(r.getTableName());
  m.set_taskname(r.getTaskName());
  more(m);
  m.SerializeToString(&out);
}

void encodeInto(const CreateDeliveryTaskRequest& r, std::string& out) {
  encodeTaskMessage<pb::CreateDeliveryTaskRequest>(r, out, [&](pb::CreateDeliveryTaskRequest& m) {
    toPb(configOrEmpty(r.getTaskConfig()), m.mutable_taskconfig());
    m.set_tasktype(r.getTaskTypeNumber());
  });
}

// The update message names its table "table" (the vendor .proto's name).
void encodeInto(const UpdateDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::UpdateDeliveryTaskRequest>();
  m.set_table(r.getTableName());
  m.set_taskname(r.getTaskName());
  toPb(configOrEmpty(r.getTaskConfig()), m.mutable_taskconfig());
  m.SerializeToString(&out);
}

void encodeInto(const DescribeDeliveryTaskRequest& r, std::string& out) {
  encodeTaskMessage<pb::DescribeDeliveryTaskRequest>(r, out, [](auto&) {});
}

void encodeInto(const DeleteDeliveryTaskRequest& r, std::string& out) {
  encodeTaskMessage<pb::DeleteDeliveryTaskRequest>(r, out, [](auto&) {});
}

void encodeInto(const ListDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::ListDeliveryTaskRequest>();
  m.set_tablename(r.getTableName());
  m.SerializeToString(&out);
}

template <typename Request>
std::string encodeToString(const Request& r) {
  std::string out;
  encodeInto(r, out);
  return out;
}

std::string encode(const CreateDeliveryTaskRequest& r) { return encodeToString(r); }
std::string encode(const UpdateDeliveryTaskRequest& r) { return encodeToString(r); }
std::string encode(const DescribeDeliveryTaskRequest& r) { return encodeToString(r); }
std::string encode(const DeleteDeliveryTaskRequest& r) { return encodeToString(r); }
std::string encode(const ListDeliveryTaskRequest& r) { return encodeToString(r); }


Result<void> decodeEmptyResponse(std::string_view body) {
  if (body.empty()) return {};  // the encoding of a message with no fields set
  pb::CreateDeliveryTaskResponse m;
  if (!parse(body, m)) return malformed("empty response");
  return {};
}

Result<ListDeliveryTaskResponse> decodeListResponse(std::string_view body) {
  pb::ListDeliveryTaskResponse m;
  if (!parse(body, m)) return malformed("ListDeliveryTaskResponse");
  std::vector<DeliveryTaskInfo> tasks;
  tasks.reserve(static_cast<std::size_t>(m.tasks_size()));
  for (const auto& t : m.tasks()) {
    DeliveryTaskInfo info;
    fill(info, "tableName", t.tablename());
    fill(info, "taskName", t.taskname());
    // Absent: 0 (BASE), the proto default, as both vendor SDKs read it.
    fill(info, "taskType", std::int32_t{t.tasktype()});
    tasks.push_back(std::move(info));
  }
  ListDeliveryTaskResponse r;
  fill(r, "tasks", std::move(tasks));
  return r;
}

Result<DescribeDeliveryTaskResponse> decodeDescribeResponse(std::string_view body) {
  pb::DescribeDeliveryTaskResponse m;
  if (!parse(body, m)) return malformed("DescribeDeliveryTaskResponse");
  // Absent fields read as the proto defaults (INIT, 0, OK; taskType BASE), as both vendor SDKs do.
  const auto& s = m.task_sync_stat();
  TaskSyncStat stat;
  fill(stat, "task_sync_phase", std::int32_t{s.task_sync_phase()});
  fill(stat, "current_sync_timestamp", std::int64_t{s.current_sync_timestamp()});
  fill(stat, "error_code", std::int32_t{s.error_code()});
  fill(stat, "detail", s.detail());
  DescribeDeliveryTaskResponse r;
  fill(r, "taskConfig", fromPb(m.taskconfig()));
  fill(r, "task_sync_stat", std::move(stat));
  fill(r, "taskType", std::int32_t{m.tasktype()});
  return r;
}

bool decodeError(std::string_view body, std::string& code, std::string& message) {
  pb::Error e;
  if (body.empty() || !parse(body, e)) return false;
  code = e.code();
  message = e.message();
  return true;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
