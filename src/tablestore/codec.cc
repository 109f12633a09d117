#include "tablestore/codec.h"

#include "delivery.pb.h"

namespace delivery::tablestore::detail {
namespace {

// What the Java SDK puts on the wire (OTSProtocolBuilder): OSSTaskConfig fields 1, 4, 5, 6 and 8
// always, 7 only with an event column, never 2 (formatter) or 3 (ossDirtyPrefix); each
// ParquetSchema 1-4 always and 5 only when typeExtend is set; EventColumn 1 and 2. Protobuf writes
// fields in number order, so equal input gives equal bytes.
void toPb(const OSSTaskConfig& c, pb::OSSTaskConfig* out) {
  out->set_ossprefix(c.getOssPrefix());
  out->set_ossbucket(c.getOssBucket());
  out->set_ossendpoint(c.getOssEndpoint());
  out->set_ossstsrole(c.getOssStsRole());
  if (const auto& ev = c.getEventTimeColumn()) {
    auto* e = out->mutable_eventtimecolumn();
    e->set_columnname(ev->getColumnName());
    e->set_timeformat(static_cast<pb::EventColumn_eventTimeFormat>(ev->getEventTimeFormat()));
  }
  out->set_format(static_cast<pb::Format>(c.getFormat()));
  for (const auto& s : c.getParquetSchemaList()) {
    auto* p = out->add_schema();
    p->set_columnname(s.getColumnName());
    p->set_osscolumnname(s.getOssColumnName());
    p->set_type(static_cast<pb::ParquetSchema_DataType>(s.getType()));
    p->set_encode(static_cast<pb::Encoding>(s.getEncode()));
    if (s.getTypeExtend()) p->set_typeextend(*s.getTypeExtend());
  }
}

// Lenient on purpose: a response is read as far as it goes (unlike the Java SDK, which throws on
// an empty bucket or prefix coming back, and drops typeExtend).
OSSTaskConfig fromPb(const pb::OSSTaskConfig& in) {
  OSSTaskConfig c;
  c.setOssPrefix(in.ossprefix()).setOssBucket(in.ossbucket()).setOssEndpoint(in.ossendpoint()).setOssStsRole(in.ossstsrole());
  if (in.has_eventtimecolumn() && in.eventtimecolumn().has_columnname() && in.eventtimecolumn().has_timeformat()) {
    c.setEventTimeColumn(EventColumn(in.eventtimecolumn().columnname(),
                                     static_cast<EventTimeFormat>(in.eventtimecolumn().timeformat())));
  }
  c.setFormat(static_cast<OSSFileFormat>(in.format()));
  for (const auto& p : in.schema()) {
    ParquetSchema s(p.columnname(), p.osscolumnname(), static_cast<DataType>(p.type()));
    s.setEncode(static_cast<OSSFileEncoding>(p.encode()));
    if (p.has_typeextend()) s.setTypeExtend(p.typeextend());
    c.addParquetSchema(std::move(s));
  }
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

void encodeInto(const CreateDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::CreateDeliveryTaskRequest>();
  m.set_tablename(r.getTableName());
  m.set_taskname(r.getTaskName());
  toPb(configOrEmpty(r.getTaskConfig()), m.mutable_taskconfig());
  m.set_tasktype(static_cast<pb::DeliveryTaskType>(r.getTaskType()));
  m.SerializeToString(&out);
}

void encodeInto(const UpdateDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::UpdateDeliveryTaskRequest>();
  m.set_table(r.getTableName());
  m.set_taskname(r.getTaskName());
  toPb(configOrEmpty(r.getTaskConfig()), m.mutable_taskconfig());
  m.SerializeToString(&out);
}

void encodeInto(const DescribeDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::DescribeDeliveryTaskRequest>();
  m.set_tablename(r.getTableName());
  m.set_taskname(r.getTaskName());
  m.SerializeToString(&out);
}

void encodeInto(const DeleteDeliveryTaskRequest& r, std::string& out) {
  auto& m = reusable<pb::DeleteDeliveryTaskRequest>();
  m.set_tablename(r.getTableName());
  m.set_taskname(r.getTaskName());
  m.SerializeToString(&out);
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

Result<CreateDeliveryTaskRequest> decodeCreateRequest(std::string_view body) {
  pb::CreateDeliveryTaskRequest m;
  if (!parse(body, m)) return malformed("CreateDeliveryTaskRequest");
  CreateDeliveryTaskRequest r;
  r.setTableName(m.tablename()).setTaskName(m.taskname());
  if (m.has_taskconfig()) r.setTaskConfig(fromPb(m.taskconfig()));
  // An absent task type means the sender relied on the proto default (BASE), as Go's zero value does.
  r.setTaskType(static_cast<DeliveryTaskType>(m.tasktype()));
  return r;
}

Result<UpdateDeliveryTaskRequest> decodeUpdateRequest(std::string_view body) {
  pb::UpdateDeliveryTaskRequest m;
  if (!parse(body, m)) return malformed("UpdateDeliveryTaskRequest");
  UpdateDeliveryTaskRequest r;
  r.setTableName(m.table()).setTaskName(m.taskname());
  if (m.has_taskconfig()) r.setTaskConfig(fromPb(m.taskconfig()));
  return r;
}

Result<DescribeDeliveryTaskRequest> decodeDescribeRequest(std::string_view body) {
  pb::DescribeDeliveryTaskRequest m;
  if (!parse(body, m)) return malformed("DescribeDeliveryTaskRequest");
  return DescribeDeliveryTaskRequest(m.tablename(), m.taskname());
}

Result<DeleteDeliveryTaskRequest> decodeDeleteRequest(std::string_view body) {
  pb::DeleteDeliveryTaskRequest m;
  if (!parse(body, m)) return malformed("DeleteDeliveryTaskRequest");
  return DeleteDeliveryTaskRequest(m.tablename(), m.taskname());
}

Result<ListDeliveryTaskRequest> decodeListRequest(std::string_view body) {
  pb::ListDeliveryTaskRequest m;
  if (!parse(body, m)) return malformed("ListDeliveryTaskRequest");
  return ListDeliveryTaskRequest(m.tablename());
}

std::string encodeEmptyResponse() { return std::string(); }

std::string encodeListResponse(const std::vector<DeliveryTaskInfo>& tasks) {
  pb::ListDeliveryTaskResponse m;
  for (const auto& t : tasks) {
    auto* info = m.add_tasks();
    info->set_tablename(t.getTableName());
    info->set_taskname(t.getTaskName());
    info->set_tasktype(static_cast<pb::DeliveryTaskType>(t.getTaskType()));
  }
  return m.SerializeAsString();
}

std::string encodeDescribeResponse(const OSSTaskConfig& config, DeliveryTaskType type, const TaskSyncStat& stat) {
  pb::DescribeDeliveryTaskResponse m;
  toPb(config, m.mutable_taskconfig());
  auto* s = m.mutable_task_sync_stat();
  s->set_task_sync_phase(static_cast<pb::TaskSyncStat_TaskSyncPhase>(stat.getTaskSyncPhase()));
  s->set_current_sync_timestamp(stat.getCurrentSyncTimestampNanos());
  s->set_error_code(static_cast<pb::ErrorType>(stat.getErrorType()));
  s->set_detail(stat.getDetail());
  m.set_tasktype(static_cast<pb::DeliveryTaskType>(type));
  return m.SerializeAsString();
}

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
    tasks.emplace_back(t.tablename(), t.taskname(), static_cast<DeliveryTaskType>(t.tasktype()));
  }
  ListDeliveryTaskResponse r;
  r.setTaskInfos(std::move(tasks));
  return r;
}

Result<DescribeDeliveryTaskResponse> decodeDescribeResponse(std::string_view body) {
  pb::DescribeDeliveryTaskResponse m;
  if (!parse(body, m)) return malformed("DescribeDeliveryTaskResponse");
  DescribeDeliveryTaskResponse r;
  r.setTaskConfig(fromPb(m.taskconfig()));
  // Absent fields read as the proto defaults (INIT, 0, OK), as both vendor SDKs do.
  TaskSyncStat stat;
  stat.setTaskSyncPhase(static_cast<TaskSyncPhase>(m.task_sync_stat().task_sync_phase()))
      .setCurrentSyncTimestampNanos(m.task_sync_stat().current_sync_timestamp())
      .setErrorType(static_cast<DeliveryErrorType>(m.task_sync_stat().error_code()))
      .setDetail(m.task_sync_stat().detail());
  r.setTaskSyncStat(std::move(stat));
  r.setTaskType(static_cast<DeliveryTaskType>(m.tasktype()));
  return r;
}

std::string encodeError(const std::string& code, const std::string& message) {
  pb::Error e;
  e.set_code(code);
  e.set_message(message);
  return e.SerializeAsString();
}

bool decodeError(std::string_view body, std::string& code, std::string& message) {
  pb::Error e;
  if (body.empty() || !parse(body, e)) return false;
  code = e.code();
  message = e.message();
  return true;
}

}  // namespace delivery::tablestore::detail
