#include "emulator/tablestore/wire.h"

#include <algorithm>
#include <stdexcept>

#include "core/text.h"

namespace delivery::emulator::ots {

// ---- wire primitives --------------------------------------------------------------------------

bool WireReader::varint(std::uint64_t& out) {
  out = 0;
  for (int i = 0; i < 10; ++i) {
    if (pos_ >= data_.size()) return false;
    const auto byte = static_cast<std::uint8_t>(data_[pos_++]);
    // The tenth byte holds bit 63 only.
    if (i == 9 && byte > 1) return false;
    out |= static_cast<std::uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

bool WireReader::fixed32(std::uint32_t& out) {
  if (pos_ > data_.size() || data_.size() - pos_ < 4) return false;
  out = 0;
  for (int i = 0; i < 4; ++i) out |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(data_[pos_ + i])) << (8 * i);
  pos_ += 4;
  return true;
}

bool WireReader::fixed64(std::uint64_t& out) {
  if (pos_ > data_.size() || data_.size() - pos_ < 8) return false;
  out = 0;
  for (int i = 0; i < 8; ++i) out |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(data_[pos_ + i])) << (8 * i);
  pos_ += 8;
  return true;
}

bool WireReader::lengthDelimited(std::string_view& out) {
  std::uint64_t length = 0;
  if (!varint(length) || length > data_.size() - pos_) return false;
  out = data_.substr(pos_, static_cast<std::size_t>(length));
  pos_ += static_cast<std::size_t>(length);
  return true;
}

bool WireReader::tag(std::uint32_t& field, WireType& type) {
  std::uint64_t key = 0;
  if (!varint(key)) return false;
  const std::uint64_t number = key >> 3;
  const auto wire = static_cast<std::uint8_t>(key & 7);
  if (number == 0 || number > (1u << 29) - 1) return false;
  if (wire != 0 && wire != 1 && wire != 2 && wire != 5) return false;
  field = static_cast<std::uint32_t>(number);
  type = static_cast<WireType>(wire);
  return true;
}

void WireWriter::varint(std::uint64_t v) {
  while (v >= 0x80) {
    out_ += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out_ += static_cast<char>(v);
}

void WireWriter::fixed32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xff);
}

void WireWriter::fixed64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out_ += static_cast<char>((v >> (8 * i)) & 0xff);
}

void WireWriter::lengthDelimited(std::uint32_t field, std::string_view bytes) {
  tag(field, WireType::Len);
  varint(bytes.size());
  out_.append(bytes.data(), bytes.size());
}

// ---- the schema (specs/tablestore-delivery.md 1.1 and 4.2) ----------------------------------

namespace {

constexpr EnumValue kDeliveryTaskTypeValues[] = {{0, "BASE"}, {1, "INC"}, {2, "BASE_INC"}};
constexpr EnumValue kFormatValues[] = {{0, "Parquet"}};
constexpr EnumValue kEncodingValues[] = {{0, "PLAIN"},
                                         {1, "PLAIN_DICTIONARY"},
                                         {2, "DELTA_BINARY_PACKED"},
                                         {3, "DELTA_BYTE_ARRAY"},
                                         {4, "DELTA_LENGTH_BYTE_ARRAY"}};
constexpr EnumValue kTimeFormatterValues[] = {{0, "YDMFormatter"}};
// The Java proto's ErrorType has OK=0; the Go proto lacks it (spec 1.1, 7.5).
constexpr EnumValue kErrorTypeValues[] = {{0, "OK"}, {1, "UNAUTHORIZED"}, {2, "INVALID_OSS_BUCKET"}};
constexpr EnumValue kEventTimeFormatValues[] = {{1, "RFC822"}, {2, "RFC850"}, {3, "RFC1123"}, {4, "RFC3339"}, {5, "Unix"}};
constexpr EnumValue kDataTypeValues[] = {
    {0, "BOOL"},         {1, "INT64"},        {2, "UTF8"},         {3, "DOUBLE"},           {4, "DATE"},
    {5, "DECIMAL"},      {6, "TIME_MILLIS"},  {7, "TIME_MICROS"},  {8, "TIMESTAMP_MILLIS"}, {9, "TIMESTAMP_MICROS"},
    {10, "LIST"},        {11, "MAP"},         {12, "INTERVAL"},    {13, "FLOAT"},           {14, "INT32"},
    {15, "INT96"}};
constexpr EnumValue kTaskSyncPhaseValues[] = {{0, "INIT"}, {1, "FULL"}, {2, "INCR"}};

template <std::size_t N>
constexpr EnumType enumType(std::string_view name, const EnumValue (&values)[N]) {
  return EnumType{name, values, N};
}
template <std::size_t N>
constexpr MessageType messageType(std::string_view name, const Field (&fields)[N]) {
  return MessageType{name, fields, N};
}

constexpr Field str(std::uint32_t n, std::string_view name) { return {n, name, Kind::String, false, nullptr, nullptr}; }
constexpr Field enm(std::uint32_t n, std::string_view name, const EnumType& e) { return {n, name, Kind::Enum, false, &e, nullptr}; }
constexpr Field i64(std::uint32_t n, std::string_view name) { return {n, name, Kind::Int64, false, nullptr, nullptr}; }
constexpr Field msg(std::uint32_t n, std::string_view name, const MessageType& m) { return {n, name, Kind::Message, false, nullptr, &m}; }
constexpr Field repeatedMsg(std::uint32_t n, std::string_view name, const MessageType& m) {
  return {n, name, Kind::Message, true, nullptr, &m};
}

// Field tables, in ascending field-number order.
const Field kEventColumnFields[] = {str(1, "columnName"), enm(2, "timeFormat", kEventTimeFormat)};
const Field kParquetSchemaFields[] = {str(1, "columnName"), str(2, "ossColumnName"), enm(3, "type", kDataType),
                                      enm(4, "encode", kEncoding), str(5, "typeExtend")};
// Numbers 9 and 10 are unused.
const Field kOSSTaskConfigFields[] = {str(1, "ossPrefix"),     enm(2, "formatter", kTimeFormatter),
                                      str(3, "ossDirtyPrefix"), str(4, "ossBucket"),
                                      str(5, "ossEndpoint"),    str(6, "ossStsRole"),
                                      msg(7, "eventTimeColumn", kEventColumn), enm(8, "format", kFormat),
                                      repeatedMsg(11, "schema", kParquetSchema)};
const Field kCreateRequestFields[] = {str(1, "tableName"), str(2, "taskName"), msg(3, "taskConfig", kOSSTaskConfig),
                                      enm(4, "taskType", kDeliveryTaskType)};
// Field 1 is "table", not "tableName"; 3 and 4 are unused.
const Field kUpdateRequestFields[] = {str(1, "table"), str(2, "taskName"), msg(5, "taskConfig", kOSSTaskConfig)};
const Field kTableAndTaskFields[] = {str(1, "tableName"), str(2, "taskName")};
const Field kListRequestFields[] = {str(1, "tableName")};
const Field kDeliveryTaskInfoFields[] = {str(1, "tableName"), str(2, "taskName"), enm(3, "taskType", kDeliveryTaskType)};
const Field kListResponseFields[] = {repeatedMsg(1, "tasks", kDeliveryTaskInfo)};
const Field kTaskSyncStatFields[] = {enm(1, "task_sync_phase", kTaskSyncPhase), i64(2, "current_sync_timestamp"),
                                     enm(3, "error_code", kErrorType), str(4, "detail")};
const Field kDescribeResponseFields[] = {msg(1, "taskConfig", kOSSTaskConfig), msg(2, "task_sync_stat", kTaskSyncStat),
                                         enm(3, "taskType", kDeliveryTaskType)};
const Field kAccessDeniedDetailFields[] = {str(1, "auth_action"),          str(2, "auth_principal_type"),
                                           str(3, "auth_principal_owner_id"), str(4, "auth_principal_display_name"),
                                           str(5, "policy_type"),          str(6, "no_permission_type"),
                                           str(7, "encoded_diagnostic_message")};
const Field kErrorFields[] = {str(1, "code"), str(2, "message"), msg(3, "access_denied_detail", kAccessDeniedDetail)};

}  // namespace

const EnumType kDeliveryTaskType = enumType("DeliveryTaskType", kDeliveryTaskTypeValues);
const EnumType kFormat = enumType("Format", kFormatValues);
const EnumType kEncoding = enumType("Encoding", kEncodingValues);
const EnumType kTimeFormatter = enumType("TimeFormatter", kTimeFormatterValues);
const EnumType kErrorType = enumType("ErrorType", kErrorTypeValues);
const EnumType kEventTimeFormat = enumType("eventTimeFormat", kEventTimeFormatValues);
const EnumType kDataType = enumType("DataType", kDataTypeValues);
const EnumType kTaskSyncPhase = enumType("TaskSyncPhase", kTaskSyncPhaseValues);

const MessageType kEventColumn = messageType("EventColumn", kEventColumnFields);
const MessageType kParquetSchema = messageType("ParquetSchema", kParquetSchemaFields);
const MessageType kOSSTaskConfig = messageType("OSSTaskConfig", kOSSTaskConfigFields);
const MessageType kCreateDeliveryTaskRequest = messageType("CreateDeliveryTaskRequest", kCreateRequestFields);
const MessageType kCreateDeliveryTaskResponse{"CreateDeliveryTaskResponse", nullptr, 0};
const MessageType kUpdateDeliveryTaskRequest = messageType("UpdateDeliveryTaskRequest", kUpdateRequestFields);
const MessageType kUpdateDeliveryTaskResponse{"UpdateDeliveryTaskResponse", nullptr, 0};
const MessageType kDeleteDeliveryTaskRequest = messageType("DeleteDeliveryTaskRequest", kTableAndTaskFields);
const MessageType kDeleteDeliveryTaskResponse{"DeleteDeliveryTaskResponse", nullptr, 0};
const MessageType kDescribeDeliveryTaskRequest = messageType("DescribeDeliveryTaskRequest", kTableAndTaskFields);
const MessageType kDescribeDeliveryTaskResponse = messageType("DescribeDeliveryTaskResponse", kDescribeResponseFields);
const MessageType kListDeliveryTaskRequest = messageType("ListDeliveryTaskRequest", kListRequestFields);
const MessageType kListDeliveryTaskResponse = messageType("ListDeliveryTaskResponse", kListResponseFields);
const MessageType kDeliveryTaskInfo = messageType("DeliveryTaskInfo", kDeliveryTaskInfoFields);
const MessageType kTaskSyncStat = messageType("TaskSyncStat", kTaskSyncStatFields);
const MessageType kAccessDeniedDetail = messageType("AccessDeniedDetail", kAccessDeniedDetailFields);
const MessageType kError = messageType("Error", kErrorFields);

const EnumValue* EnumType::byNumber(std::int64_t number) const {
  for (std::size_t i = 0; i < count; ++i) {
    if (values[i].number == number) return &values[i];
  }
  return nullptr;
}

const EnumValue* EnumType::byName(std::string_view n) const {
  for (std::size_t i = 0; i < count; ++i) {
    if (values[i].name == n) return &values[i];
  }
  return nullptr;
}

const Field* MessageType::byNumber(std::uint32_t number) const {
  for (std::size_t i = 0; i < count; ++i) {
    if (fields[i].number == number) return &fields[i];
  }
  return nullptr;
}

const Field* MessageType::byName(std::string_view n) const {
  for (std::size_t i = 0; i < count; ++i) {
    if (fields[i].name == n) return &fields[i];
  }
  return nullptr;
}

const Field& MessageType::field(std::string_view n) const {
  const Field* f = byName(n);
  if (f == nullptr) throw std::logic_error("the emulator's " + std::string(name) + " has no field " + std::string(n));
  return *f;
}

// ---- Message ----------------------------------------------------------------------------------

const Message::Entry* Message::find(std::string_view name) const {
  const Field& f = type->field(name);
  for (const Entry& e : entries) {
    if (e.field == &f) return &e;
  }
  return nullptr;
}

const std::string* Message::string(std::string_view name) const {
  const Entry* e = find(name);
  return e == nullptr || e->strings.empty() ? nullptr : &e->strings.front();
}

const std::int64_t* Message::number(std::string_view name) const {
  const Entry* e = find(name);
  return e == nullptr || e->numbers.empty() ? nullptr : &e->numbers.front();
}

const Message* Message::message(std::string_view name) const {
  const Entry* e = find(name);
  return e == nullptr || e->messages.empty() ? nullptr : &e->messages.front();
}

const std::vector<Message>& Message::messages(std::string_view name) const {
  static const std::vector<Message> kNone;
  const Entry* e = find(name);
  return e == nullptr ? kNone : e->messages;
}

Message::Entry& Message::entry(std::string_view name) {
  const Field& f = type->field(name);
  auto at = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.field->number >= f.number; });
  if (at != entries.end() && at->field == &f) return *at;
  Entry e;
  e.field = &f;
  return *entries.insert(at, std::move(e));
}

Message& Message::setString(std::string_view name, std::string value) {
  entry(name).strings.push_back(std::move(value));
  return *this;
}

Message& Message::setNumber(std::string_view name, std::int64_t value) {
  entry(name).numbers.push_back(value);
  return *this;
}

Message& Message::addMessage(std::string_view name, Message value) {
  entry(name).messages.push_back(std::move(value));
  return *this;
}

bool Message::clear(std::string_view name) {
  const Field& f = type->field(name);
  const auto before = entries.size();
  entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.field == &f; }),
                entries.end());
  return entries.size() != before;
}

// ---- decode / encode --------------------------------------------------------------------------

namespace detail {

std::string join(const std::string& path, std::string_view name) {
  return path.empty() ? std::string(name) : path + "." + std::string(name);
}

Message::Entry& entryFor(Message& m, const Field& f) {
  auto at = std::find_if(m.entries.begin(), m.entries.end(), [&](const Message::Entry& e) { return e.field->number >= f.number; });
  if (at != m.entries.end() && at->field == &f) return *at;
  Message::Entry e;
  e.field = &f;
  return *m.entries.insert(at, std::move(e));
}

std::size_t valueCount(const Message::Entry& e) {
  return e.numbers.size() + e.strings.size() + e.messages.size();
}

}  // namespace detail

namespace {

using detail::entryFor;
using detail::join;
using detail::valueCount;

const char* wireTypeName(WireType t) {
  switch (t) {
    case WireType::Varint: return "VARINT (0)";
    case WireType::I64: return "I64 (1)";
    case WireType::Len: return "LEN (2)";
    case WireType::SGroup: return "SGROUP (3)";
    case WireType::EGroup: return "EGROUP (4)";
    case WireType::I32: return "I32 (5)";
  }
  return "?";
}

WireType expectedWireType(Kind k) { return k == Kind::String || k == Kind::Message ? WireType::Len : WireType::Varint; }


std::string indexed(const std::string& path, const Field& f, std::size_t index) {
  return f.repeated ? path + "[" + std::to_string(index) + "]" : path;
}

bool decodeInto(const MessageType& type, std::string_view bytes, const std::string& path, Message& out, std::string& error) {
  out.type = &type;
  const std::string where = path.empty() ? std::string(type.name) : std::string(type.name) + " (" + path + ")";
  WireReader reader(bytes);
  while (!reader.atEnd()) {
    const std::size_t at = reader.position();
    std::uint32_t number = 0;
    WireType wire{};
    if (!reader.tag(number, wire)) {
      error = "malformed " + where + ": bad field tag at byte " + std::to_string(at);
      return false;
    }
    const Field* f = type.byNumber(number);
    if (f == nullptr) {
      error = "unknown field number " + std::to_string(number) + " in " + where;
      return false;
    }
    const std::string fieldPath = join(path, f->name);
    if (wire != expectedWireType(f->kind)) {
      error = fieldPath + " (field " + std::to_string(number) + ") has wire type " + wireTypeName(wire) + ", expected " +
              wireTypeName(expectedWireType(f->kind));
      return false;
    }
    Message::Entry& e = entryFor(out, *f);
    if (!f->repeated && valueCount(e) != 0) {
      error = fieldPath + " (field " + std::to_string(number) + ") appears more than once";
      return false;
    }
    if (wire == WireType::Varint) {
      std::uint64_t v = 0;
      if (!reader.varint(v)) {
        error = "truncated or malformed varint in " + fieldPath;
        return false;
      }
      const auto value = static_cast<std::int64_t>(v);
      if (f->kind == Kind::Enum && f->enumType->byNumber(value) == nullptr) {
        error = fieldPath + ": unknown " + std::string(f->enumType->name) + " value " + std::to_string(value);
        return false;
      }
      e.numbers.push_back(value);
      continue;
    }
    std::string_view payload;
    if (!reader.lengthDelimited(payload)) {
      error = "truncated " + where + ": " + fieldPath + " runs past the end of the message";
      return false;
    }
    if (f->kind == Kind::String) {
      if (!delivery::detail::isValidUtf8(payload)) {
        error = fieldPath + " is not valid UTF-8";
        return false;
      }
      e.strings.emplace_back(payload);
    } else {
      Message sub;
      if (!decodeInto(*f->messageType, payload, indexed(fieldPath, *f, e.messages.size()), sub, error)) return false;
      e.messages.push_back(std::move(sub));
    }
  }
  return true;
}

void encodeInto(const Message& m, std::string& out) {
  WireWriter w(out);
  for (const Message::Entry& e : m.entries) {
    const std::uint32_t n = e.field->number;
    for (std::int64_t v : e.numbers) w.varintField(n, static_cast<std::uint64_t>(v));
    for (const std::string& s : e.strings) w.lengthDelimited(n, s);
    for (const Message& sub : e.messages) {
      std::string bytes;
      encodeInto(sub, bytes);
      w.lengthDelimited(n, bytes);
    }
  }
}

}  // namespace

Result<Message> decode(const MessageType& type, std::string_view bytes) {
  Message m;
  std::string error;
  if (!decodeInto(type, bytes, std::string(), m, error)) return Error(ErrorKind::InvalidArgument, error);
  return m;
}

std::string encode(const Message& message) {
  std::string out;
  encodeInto(message, out);
  return out;
}

}  // namespace delivery::emulator::ots
