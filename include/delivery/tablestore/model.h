#pragma once

#include "delivery/export.h"
// Tablestore -> OSS delivery tasks: the request and response types, named as in the Java SDK
// (com.alicloud.openservices.tablestore.model.delivery) so that the vendor samples port line by line.
//
// Every request has validate(), which returns every violated rule at once, each named by its field
// path. DeliveryClient calls it before anything is sent. The rules and their sources are listed in
// src/tablestore/validation.cc; the choices where the vendor material disagrees are:
//
// - Task names. The docs say "3 to 16 characters, lowercase letters, digits and hyphens, starting and
//   ending with a letter or digit", yet both vendor samples (Java and Go) create "sampledeliverytask",
//   18 characters. The service therefore accepts longer names than documented; we keep the
//   documented characters and the minimum of 3, and allow up to 64 characters (kMaxTaskNameLength).
//   Describe/Delete/Update only require a non-empty name of at most 255 characters, so that tasks
//   whose names predate the rule (the Java SDK's own tests use "taskTest_29") can still be managed.
// - Task type. The docs give BASE_INC as the default; Go's zero value sends BASE and Java requires an
//   explicit value. Here the default is BASE_INC and the field is always sent.
// - TIMESTAMP_MILLIS / TIMESTAMP_MICROS: the Java SDK cannot send them (it throws); the proto and
//   the Go SDK can. They are accepted here.
// - typeExtend is sent when set (as Java does; Go drops it) and read back on Describe (Java drops it).
// - formatter and ossDirtyPrefix (OSSTaskConfig fields 2 and 3 of the vendor .proto, sent by
//   neither SDK) are sent only when set and read back on Describe. No document describes them:
//   the dirty prefix follows ossPrefix's OSS object-name rules without the time-variable check.
// - Enum numbers a response carries that this SDK does not know read as UNKNOWN, the number
//   itself beside it (getXxxNumber()); Java reads them as the enum's first value (BOOL, BASE...).
// - Column names: Tablestore columns (columnName, eventTimeColumn.columnName) are 1 to 255 bytes as
//   the naming rules say; their characters are not checked (the Java SDK does not). Parquet names
//   (ossColumnName) and typeExtend have no documented bound: at most 65536 bytes. Every string must
//   be valid UTF-8 (README, "Input bounds").

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "delivery/core/enum.h"
#include "delivery/core/message.h"
#include "delivery/core/response.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

/// Upper bound on CreateDeliveryTaskRequest task names (see the note above).
inline constexpr std::size_t kMinTaskNameLength = 3;
/// Upper bound on CreateDeliveryTaskRequest task names (see the note above).
inline constexpr std::size_t kMaxTaskNameLength = 64;

// ---- enums: X(Java SDK constant, protobuf wire number, text) ------------------------------------
// The enumerators are spelled as the Java SDK's constants (model.delivery.*); the numbers are the
// values of the matching enums in src/tablestore/proto/delivery.proto. Each list holds the values
// the protocol defines; each enum adds UNKNOWN (this SDK's own, as in DIS's TransferTaskState):
// what a getter answers for a number a response carries that the list does not hold. The number
// itself stays readable (getXxxNumber()); it is never turned into a default. UNKNOWN cannot be
// sent: validation refuses it.
#define DELIVERY_TABLESTORE_UNKNOWN_(X) X(UNKNOWN, -1, "UNKNOWN")

/// How a task delivers: full data, incremental data, or full then incremental.
#define DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE(X) X(BASE, 0, "BASE") X(INC, 1, "INC") X(BASE_INC, 2, "BASE_INC")
#define DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE_ENUM_(X) \
  DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// How a task delivers: full data (BASE), incremental (INC) or both (BASE_INC); each Tablestore enum also has UNKNOWN.
DELIVERY_ENUM_NUMBERED(DeliveryTaskType, DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE_ENUM_)

/// Time format of the event-time column (wire values 1..5).
#define DELIVERY_TABLESTORE_EVENT_TIME_FORMAT(X) \
  X(RFC822, 1, "RFC822") X(RFC850, 2, "RFC850") X(RFC1123, 3, "RFC1123") X(RFC3339, 4, "RFC3339") X(Unix, 5, "Unix")
#define DELIVERY_TABLESTORE_EVENT_TIME_FORMAT_ENUM_(X) \
  DELIVERY_TABLESTORE_EVENT_TIME_FORMAT(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// Time format of the event-time column (RFC822 ... Unix).
DELIVERY_ENUM_NUMBERED(EventTimeFormat, DELIVERY_TABLESTORE_EVENT_TIME_FORMAT_ENUM_)

/// Parquet column type of a delivered column.
#define DELIVERY_TABLESTORE_DATA_TYPE(X)                                                                     \
  X(BOOL, 0, "BOOL") X(INT64, 1, "INT64") X(UTF8, 2, "UTF8") X(DOUBLE, 3, "DOUBLE") X(DATE, 4, "DATE")       \
  X(DECIMAL, 5, "DECIMAL") X(TIME_MILLIS, 6, "TIME_MILLIS") X(TIME_MICROS, 7, "TIME_MICROS")                 \
  X(TIMESTAMP_MILLIS, 8, "TIMESTAMP_MILLIS") X(TIMESTAMP_MICROS, 9, "TIMESTAMP_MICROS") X(LIST, 10, "LIST")   \
  X(MAP, 11, "MAP") X(INTERVAL, 12, "INTERVAL") X(FLOAT, 13, "FLOAT") X(INT32, 14, "INT32") X(INT96, 15, "INT96")
#define DELIVERY_TABLESTORE_DATA_TYPE_ENUM_(X) DELIVERY_TABLESTORE_DATA_TYPE(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// Parquet type of a delivered column.
DELIVERY_ENUM_NUMBERED(DataType, DELIVERY_TABLESTORE_DATA_TYPE_ENUM_)

/// Parquet column encoding. PLAIN supports every type and is the default.
#define DELIVERY_TABLESTORE_OSS_FILE_ENCODING(X)                                                   \
  X(PLAIN, 0, "PLAIN") X(PLAIN_DICTIONARY, 1, "PLAIN_DICTIONARY")                                   \
  X(DELTA_BINARY_PACKED, 2, "DELTA_BINARY_PACKED") X(DELTA_BYTE_ARRAY, 3, "DELTA_BYTE_ARRAY")       \
  X(DELTA_LENGTH_BYTE_ARRAY, 4, "DELTA_LENGTH_BYTE_ARRAY")
#define DELIVERY_TABLESTORE_OSS_FILE_ENCODING_ENUM_(X) \
  DELIVERY_TABLESTORE_OSS_FILE_ENCODING(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// Parquet encoding of a delivered column; PLAIN supports every type and is the default.
DELIVERY_ENUM_NUMBERED(OSSFileEncoding, DELIVERY_TABLESTORE_OSS_FILE_ENCODING_ENUM_)

/// File format of delivered data: Parquet only.
#define DELIVERY_TABLESTORE_OSS_FILE_FORMAT(X) X(Parquet, 0, "Parquet")
#define DELIVERY_TABLESTORE_OSS_FILE_FORMAT_ENUM_(X) \
  DELIVERY_TABLESTORE_OSS_FILE_FORMAT(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// File format of delivered data: Parquet only.
DELIVERY_ENUM_NUMBERED(OSSFileFormat, DELIVERY_TABLESTORE_OSS_FILE_FORMAT_ENUM_)

/// How the service lays out time in object names (OSSTaskConfig field 2, `formatter`): one value.
/// Java's OSSTaskConfig has it (TimeFormatter.YDMFormatter) but never sends it; Go lacks it.
#define DELIVERY_TABLESTORE_TIME_FORMATTER(X) X(YDMFormatter, 0, "YDMFormatter")
#define DELIVERY_TABLESTORE_TIME_FORMATTER_ENUM_(X) \
  DELIVERY_TABLESTORE_TIME_FORMATTER(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// How the service lays out time in object names: YDMFormatter only.
DELIVERY_ENUM_NUMBERED(TimeFormatter, DELIVERY_TABLESTORE_TIME_FORMATTER_ENUM_)

/// Phase of a task's synchronisation, from Describe.
#define DELIVERY_TABLESTORE_TASK_SYNC_PHASE(X) X(INIT, 0, "INIT") X(FULL, 1, "FULL") X(INCR, 2, "INCR")
#define DELIVERY_TABLESTORE_TASK_SYNC_PHASE_ENUM_(X) \
  DELIVERY_TABLESTORE_TASK_SYNC_PHASE(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// Phase of a task's synchronisation, from Describe: INIT, FULL or INCR.
DELIVERY_ENUM_NUMBERED(TaskSyncPhase, DELIVERY_TABLESTORE_TASK_SYNC_PHASE_ENUM_)

/// Task health reported by Describe.
#define DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE(X) \
  X(OK, 0, "OK") X(UNAUTHORIZED, 1, "UNAUTHORIZED") X(INVALID_OSS_BUCKET, 2, "INVALID_OSS_BUCKET")
#define DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE_ENUM_(X) \
  DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE(X) DELIVERY_TABLESTORE_UNKNOWN_(X)
/// Task health reported by Describe: OK, UNAUTHORIZED or INVALID_OSS_BUCKET.
DELIVERY_ENUM_NUMBERED(DeliveryErrorType, DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE_ENUM_)

/// The enumerator of E whose wire number is `number`; E::UNKNOWN when the protocol's list does
/// not hold it (UNKNOWN's own -1 included).
template <typename E>
constexpr E enumFromNumber(std::int64_t number) noexcept {
  using T = EnumTableOf<E>;
  for (std::size_t k = 0; k < T::count; ++k) {
    if (T::values[k] != E::UNKNOWN && static_cast<std::int64_t>(T::values[k]) == number) return T::values[k];
  }
  return E::UNKNOWN;
}

namespace detail {
// Hand-written shapes of single fields (src/tablestore/validation.cc), named in the tables below.
// Internal: the SDK's validation calls them.
void tableName(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void newTaskName(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void existingTaskName(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void ossPrefix(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void ossBucket(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void ossEndpoint(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
void ossStsRole(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);
/// [TableDoc] names of Tablestore columns are 1 to 255 bytes.
inline constexpr std::size_t kMaxColumnNameBytes = 255;
/// Strings without a documented bound (see README "Input bounds").
inline constexpr std::size_t kMaxTextBytes = 65536;
void ossDirtyPrefix(const std::string&, const delivery::detail::Path&, std::vector<FieldViolation>&);

/// The rule of a field holding an E's wire number: one of the numbers the protocol defines (they
/// are contiguous: src/tablestore/codec.cc checks it against the .proto), so never UNKNOWN's.
template <typename E>
constexpr ::delivery::field::Rule knownNumber(const char* says) {
  using T = EnumTableOf<E>;
  std::int64_t lo = std::numeric_limits<std::int64_t>::max();
  std::int64_t hi = std::numeric_limits<std::int64_t>::min();
  for (std::size_t k = 0; k < T::count; ++k) {
    if (T::values[k] == E::UNKNOWN) continue;
    const auto n = static_cast<std::int64_t>(T::values[k]);
    lo = n < lo ? n : lo;
    hi = n > hi ? n : hi;
  }
  return ::delivery::field::range(lo, hi).message(says);
}

/// x-ots-sdk-traceid as a caller may choose it (see the request tables): 1 to kMaxTraceIdLength
/// visible ASCII characters. No vendor rule exists (the Go SDK sends any non-empty string; Java
/// never lets a caller choose): this is our bound, wide enough for a UUID or a W3C trace id, and
/// it keeps header-breaking characters (control characters, CR, LF) and the whitespace the
/// signature would trim out of the header.
inline constexpr std::size_t kMaxTraceIdLength = 128;
inline constexpr const char kTraceIdChars[] =
    "!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
inline constexpr ::delivery::field::Rule kTraceIdRule =
    ::delivery::field::text(0, kMaxTraceIdLength)
        .chars(kTraceIdChars, "must be visible ASCII characters (no spaces or control characters)")
        .sizeMessage("must be at most 128 characters");
}  // namespace detail

// ---- task configuration -------------------------------------------------------------------------
// Tables: X(KIND, Type, Accessor, "protobuf field name", initializer, rule). The protobuf field
// names are the wire names of violation paths, e.g. "taskConfig.schema[1].ossColumnName".

// Enum fields hold the wire number (XxxNumber: what a response carried, even a number this SDK
// does not know); getXxx()/setXxx() beside each table read and write it as the enum.
#define DELIVERY_TABLESTORE_EVENT_COLUMN_FIELDS(X)                                                           \
  X(VALUE, std::string, ColumnName, "columnName", , ::delivery::field::text(1, detail::kMaxColumnNameBytes)) \
  X(VALUE, std::int32_t, EventTimeFormatNumber, "timeFormat", = static_cast<std::int32_t>(EventTimeFormat::RFC3339), \
    detail::knownNumber<EventTimeFormat>("is not a known EventTimeFormat"))

/// The column whose time partitions the delivered files, and its format.
class EventColumn {
  DELIVERY_MESSAGE(EventColumn, DELIVERY_TABLESTORE_EVENT_COLUMN_FIELDS)

  EventColumn() = default;
  /// With the given fields set.
  EventColumn(std::string columnName, EventTimeFormat format)
      : ColumnName_(std::move(columnName)), EventTimeFormatNumber_(static_cast<std::int32_t>(format)) {}

  /// The format; UNKNOWN for a number this SDK does not know (getEventTimeFormatNumber() has it).
  EventTimeFormat getEventTimeFormat() const noexcept { return enumFromNumber<EventTimeFormat>(EventTimeFormatNumber_); }
  /// Sets EventTimeFormat (kept as its wire number).
  EventColumn& setEventTimeFormat(EventTimeFormat v) {
    EventTimeFormatNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }

  /// Equal when every field is equal.
  bool operator==(const EventColumn& o) const {
    return ColumnName_ == o.ColumnName_ && EventTimeFormatNumber_ == o.EventTimeFormatNumber_;
  }
  /// The negation of operator==.
  bool operator!=(const EventColumn& o) const { return !(*this == o); }
};

// ossColumnName and typeExtend have no documented bound; typeExtend is sent only when set.
#define DELIVERY_TABLESTORE_PARQUET_SCHEMA_FIELDS(X)                                                         \
  X(VALUE, std::string, ColumnName, "columnName", , ::delivery::field::text(1, detail::kMaxColumnNameBytes)) \
  X(VALUE, std::string, OssColumnName, "ossColumnName", , ::delivery::field::text(1, detail::kMaxTextBytes)) \
  X(VALUE, std::int32_t, TypeNumber, "type", = static_cast<std::int32_t>(DataType::UTF8),                   \
    detail::knownNumber<DataType>("is not a known DataType"))                                               \
  X(VALUE, std::int32_t, EncodeNumber, "encode", = static_cast<std::int32_t>(OSSFileEncoding::PLAIN),         \
    detail::knownNumber<OSSFileEncoding>("is not a known OSSFileEncoding"))                                 \
  X(OPTIONAL, std::string, TypeExtend, "typeExtend", , ::delivery::field::text(0, detail::kMaxTextBytes))

/// One delivered column: source column, Parquet column name, Parquet type, encoding, and an
/// optional free-form type extension (e.g. decimal precision).
class ParquetSchema {
  DELIVERY_MESSAGE(ParquetSchema, DELIVERY_TABLESTORE_PARQUET_SCHEMA_FIELDS)

  ParquetSchema() = default;
  /// The Parquet column takes the source column's name.
  ParquetSchema(std::string columnName, DataType type)
      : ColumnName_(columnName), OssColumnName_(std::move(columnName)), TypeNumber_(static_cast<std::int32_t>(type)) {}
  /// With the given fields set.
  ParquetSchema(std::string columnName, std::string ossColumnName, DataType type)
      : ColumnName_(std::move(columnName)),
        OssColumnName_(std::move(ossColumnName)),
        TypeNumber_(static_cast<std::int32_t>(type)) {}

  /// The Parquet type; UNKNOWN for a number this SDK does not know (getTypeNumber() has it).
  DataType getType() const noexcept { return enumFromNumber<DataType>(TypeNumber_); }
  /// Sets Type (kept as its wire number).
  ParquetSchema& setType(DataType v) {
    TypeNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }
  /// The encoding; UNKNOWN for a number this SDK does not know (getEncodeNumber() has it).
  OSSFileEncoding getEncode() const noexcept { return enumFromNumber<OSSFileEncoding>(EncodeNumber_); }
  /// Sets Encode (kept as its wire number).
  ParquetSchema& setEncode(OSSFileEncoding v) {
    EncodeNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }

  /// Equal when every field is equal.
  bool operator==(const ParquetSchema& o) const {
    return ColumnName_ == o.ColumnName_ && OssColumnName_ == o.OssColumnName_ && TypeNumber_ == o.TypeNumber_ &&
           EncodeNumber_ == o.EncodeNumber_ && TypeExtend_ == o.TypeExtend_;
  }
  /// The negation of operator==.
  bool operator!=(const ParquetSchema& o) const { return !(*this == o); }
};

// OSSTaskConfig: prefix ($yyyy, $MM, $dd, $HH, $mm allowed), bucket, the endpoint of the bucket's
// region ("oss-cn-hangzhou.aliyuncs.com"), the ARN of the service-linked role
// ("acs:ram::<uid>:role/aliyunserviceroleforotsdatadelivery"; the Go SDK's OssRoleName), the
// optional event-time column (without it files are partitioned by the time data was written to
// Tablestore), the format, and the columns in Parquet order (at least one; no limit on the count).
// Two fields of the vendor .proto that neither vendor SDK exposes or sends (Java's OSSTaskConfig
// keeps a timeFormatter it never sends, JP/core/protocol/OTSProtocolBuilder.java buildOSSTaskConfig;
// Go's OSSTaskConfig has neither, tablestore/delivery_mode.go): `formatter` (field 2, TimeFormatter)
// and `ossDirtyPrefix` (field 3, where rows that do not fit the schema go; its rule is
// detail::ossDirtyPrefix). Both are read from Describe, and sent only when set, so a config without
// them goes out byte for byte as before.
#define DELIVERY_TABLESTORE_OSS_TASK_CONFIG_FIELDS(X)                                                       \
  X(VALUE, std::string, OssPrefix, "ossPrefix", , ::delivery::field::required().checkedBy(detail::ossPrefix)) \
  X(OPTIONAL, std::int32_t, TimeFormatterNumber, "formatter", ,                                             \
    detail::knownNumber<TimeFormatter>("is not a known TimeFormatter"))                                     \
  X(OPTIONAL, std::string, OssDirtyPrefix, "ossDirtyPrefix", ,                                              \
    ::delivery::field::any().checkedBy(detail::ossDirtyPrefix))                                             \
  X(VALUE, std::string, OssBucket, "ossBucket", , ::delivery::field::required().checkedBy(detail::ossBucket)) \
  X(VALUE, std::string, OssEndpoint, "ossEndpoint", ,                                                       \
    ::delivery::field::required().checkedBy(detail::ossEndpoint))                                            \
  X(VALUE, std::string, OssStsRole, "ossStsRole", , ::delivery::field::required().checkedBy(detail::ossStsRole)) \
  X(OPTIONAL, EventColumn, EventTimeColumn, "eventTimeColumn", , ::delivery::field::any())                  \
  X(VALUE, std::int32_t, FormatNumber, "format", = static_cast<std::int32_t>(OSSFileFormat::Parquet),      \
    detail::knownNumber<OSSFileFormat>("is not a known OSSFileFormat"))                                     \
  X(VALUE, std::vector<ParquetSchema>, ParquetSchemaList, "schema", ,                                       \
    ::delivery::field::required()                                                                          \
        .size(1, std::numeric_limits<std::size_t>::max())                                                   \
        .message("must list at least one column"))

/// Where and how a task writes to OSS.
class OSSTaskConfig {
  DELIVERY_MESSAGE(OSSTaskConfig, DELIVERY_TABLESTORE_OSS_TASK_CONFIG_FIELDS)

  /// Appends one column.
  OSSTaskConfig& addParquetSchema(ParquetSchema v) {
    ParquetSchemaList_.push_back(std::move(v));
    return *this;
  }

  /// The file format; UNKNOWN for a number this SDK does not know (getFormatNumber() has it).
  OSSFileFormat getFormat() const noexcept { return enumFromNumber<OSSFileFormat>(FormatNumber_); }
  /// Sets Format (kept as its wire number).
  OSSTaskConfig& setFormat(OSSFileFormat v) {
    FormatNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }
  /// `formatter` when set; UNKNOWN for a number this SDK does not know (getTimeFormatterNumber()).
  std::optional<TimeFormatter> getTimeFormatter() const noexcept {
    if (!TimeFormatterNumber_) return std::nullopt;
    return enumFromNumber<TimeFormatter>(*TimeFormatterNumber_);
  }
  /// Sets TimeFormatter (kept as its wire number).
  OSSTaskConfig& setTimeFormatter(TimeFormatter v) {
    TimeFormatterNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }
  /// Unsets `formatter` (not sent).
  OSSTaskConfig& clearTimeFormatter() { return clearTimeFormatterNumber(); }

  /// Every violated rule; `path` prefixes each field path (e.g. "taskConfig").
  DELIVERY_API std::vector<FieldViolation> validate(const std::string& path = "taskConfig") const;

  /// Equal when every field is equal.
  bool operator==(const OSSTaskConfig& o) const {
    return OssPrefix_ == o.OssPrefix_ && TimeFormatterNumber_ == o.TimeFormatterNumber_ &&
           OssDirtyPrefix_ == o.OssDirtyPrefix_ && OssBucket_ == o.OssBucket_ && OssEndpoint_ == o.OssEndpoint_ &&
           OssStsRole_ == o.OssStsRole_ && EventTimeColumn_ == o.EventTimeColumn_ &&
           FormatNumber_ == o.FormatNumber_ && ParquetSchemaList_ == o.ParquetSchemaList_;
  }
  /// The negation of operator==.
  bool operator!=(const OSSTaskConfig& o) const { return !(*this == o); }
};

// ---- requests -----------------------------------------------------------------------------------
// Every request also has an optional TraceId: the x-ots-sdk-traceid of this call, as the Go SDK's
// ExtraRequestInfo.SetTraceID lets a caller choose it (tablestore/model.go; every Go delivery
// request embeds ExtraRequestInfo, tablestore/delivery_mode.go). It is no protobuf field: it travels
// in the header (kept on every retry) and comes back as getTraceId() of the response. Unset (or
// empty, as in Go): the SDK makes a random UUID per call, as the Java SDK does. Rule: kTraceIdRule.
#define DELIVERY_TABLESTORE_TRACE_ID_FIELD_(X) \
  X(OPTIONAL, std::string, TraceId, "traceId", , detail::kTraceIdRule)

// Create: the task type is BASE_INC unless set, and always sent; the config is unset until
// setTaskConfig() (a request without one fails validation).
#define DELIVERY_TABLESTORE_CREATE_REQUEST_FIELDS(X)                                                         \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName)) \
  X(VALUE, std::string, TaskName, "taskName", , ::delivery::field::required().checkedBy(detail::newTaskName)) \
  X(OPTIONAL, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::required())                    \
  X(VALUE, std::int32_t, TaskTypeNumber, "taskType", = static_cast<std::int32_t>(DeliveryTaskType::BASE_INC), \
    detail::knownNumber<DeliveryTaskType>("is not a known DeliveryTaskType"))                               \
  DELIVERY_TABLESTORE_TRACE_ID_FIELD_(X)

/// Creates a delivery task: a table, a task name, a type and an OSS task configuration.
class CreateDeliveryTaskRequest {
  DELIVERY_MESSAGE(CreateDeliveryTaskRequest, DELIVERY_TABLESTORE_CREATE_REQUEST_FIELDS)

  CreateDeliveryTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  CreateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)), TaskConfig_(std::move(taskConfig)) {}

  /// The task type; UNKNOWN for a number this SDK does not know (getTaskTypeNumber() has it).
  DeliveryTaskType getTaskType() const noexcept { return enumFromNumber<DeliveryTaskType>(TaskTypeNumber_); }
  /// Sets TaskType (kept as its wire number).
  CreateDeliveryTaskRequest& setTaskType(DeliveryTaskType v) {
    TaskTypeNumber_ = static_cast<std::int32_t>(v);
    return *this;
  }

  /// InvalidArgument with every violation, or success.
  DELIVERY_API Result<void> validate() const;
};

// Update: the protobuf names the table field "table" (field 1), so violation paths do too.
#define DELIVERY_TABLESTORE_UPDATE_REQUEST_FIELDS(X)                                                       \
  X(VALUE, std::string, TableName, "table", , ::delivery::field::required().checkedBy(detail::tableName))   \
  X(VALUE, std::string, TaskName, "taskName", ,                                                            \
    ::delivery::field::required().checkedBy(detail::existingTaskName))                                      \
  X(OPTIONAL, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::required())                    \
  DELIVERY_TABLESTORE_TRACE_ID_FIELD_(X)

/// Replaces the configuration of an existing task. The action exists in the service's protocol
/// (UpdateDeliveryTask) but in neither vendor SDK nor the public docs: use with care. A distinct
/// type: it cannot be passed where a CreateDeliveryTaskRequest is expected.
class UpdateDeliveryTaskRequest {
  DELIVERY_MESSAGE(UpdateDeliveryTaskRequest, DELIVERY_TABLESTORE_UPDATE_REQUEST_FIELDS)

  UpdateDeliveryTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  UpdateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)), TaskConfig_(std::move(taskConfig)) {}

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

// Describe and Delete: a table and a task. Names of existing tasks are only required to be
// non-empty text (see the note at the top).
#define DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS(X)                                                           \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName)) \
  X(VALUE, std::string, TaskName, "taskName", ,                                                              \
    ::delivery::field::required().checkedBy(detail::existingTaskName))                                        \
  DELIVERY_TABLESTORE_TRACE_ID_FIELD_(X)

/// Describes one delivery task (table and task name).
class DescribeDeliveryTaskRequest {
  DELIVERY_MESSAGE(DescribeDeliveryTaskRequest, DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS)

  DescribeDeliveryTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  DescribeDeliveryTaskRequest(std::string tableName, std::string taskName)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)) {}

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// Deletes one delivery task (table and task name).
class DeleteDeliveryTaskRequest {
  DELIVERY_MESSAGE(DeleteDeliveryTaskRequest, DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS)

  DeleteDeliveryTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  DeleteDeliveryTaskRequest(std::string tableName, std::string taskName)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)) {}

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

#define DELIVERY_TABLESTORE_LIST_REQUEST_FIELDS(X)                                                           \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName)) \
  DELIVERY_TABLESTORE_TRACE_ID_FIELD_(X)

/// Lists the delivery tasks of a table.
class ListDeliveryTaskRequest {
  DELIVERY_MESSAGE(ListDeliveryTaskRequest, DELIVERY_TABLESTORE_LIST_REQUEST_FIELDS)

  ListDeliveryTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit ListDeliveryTaskRequest(std::string tableName) : TableName_(std::move(tableName)) {}

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

// ---- responses (read-only) ----------------------------------------------------------------------

/// What every response carries: x-ots-requestid, the HTTP status and the x-ots-sdk-traceid this SDK
/// sent (the same on every retry; the request's TraceId when the caller chose one).
using Response = ResponseMetadata;

/// The answer to a create: request id, trace id and HTTP status only.
class CreateDeliveryTaskResponse : public Response {};
/// The answer to a delete: request id, trace id and HTTP status only.
class DeleteDeliveryTaskResponse : public Response {};
/// The answer to an update: request id, trace id and HTTP status only.
class UpdateDeliveryTaskResponse : public Response {};

// The phase, the point up to which data has been delivered as the service reports it
// (nanoseconds since the Unix epoch), the task's health and a detail text. The phase and the
// health are kept as the numbers the service sent (getTaskSyncPhase()/getErrorType() read them).
#define DELIVERY_TABLESTORE_TASK_SYNC_STAT_FIELDS(X)                                                              \
  X(READ, std::int32_t, TaskSyncPhaseNumber, "task_sync_phase", = 0, ::delivery::field::any())                    \
  X(READ, std::int64_t, CurrentSyncTimestampNanos, "current_sync_timestamp", = 0, ::delivery::field::any())      \
  X(READ, std::int32_t, ErrorTypeNumber, "error_code", = 0, ::delivery::field::any())                             \
  X(READ, std::string, Detail, "detail", , ::delivery::field::any())

/// Progress and health of a task.
class TaskSyncStat {
  DELIVERY_MESSAGE(TaskSyncStat, DELIVERY_TABLESTORE_TASK_SYNC_STAT_FIELDS)

  TaskSyncStat() = default;
  /// A value as a service would report it (for tests and emulators).
  TaskSyncStat(TaskSyncPhase phase, std::int64_t currentSyncTimestampNanos,
               DeliveryErrorType errorType = DeliveryErrorType::OK, std::string detail = {})
      : TaskSyncPhaseNumber_(static_cast<std::int32_t>(phase)),
        CurrentSyncTimestampNanos_(currentSyncTimestampNanos),
        ErrorTypeNumber_(static_cast<std::int32_t>(errorType)),
        Detail_(std::move(detail)) {}

  /// The phase; UNKNOWN for a number this SDK does not know (getTaskSyncPhaseNumber() has it).
  TaskSyncPhase getTaskSyncPhase() const noexcept { return enumFromNumber<TaskSyncPhase>(TaskSyncPhaseNumber_); }
  /// The health; UNKNOWN for a number this SDK does not know (getErrorTypeNumber() has it).
  DeliveryErrorType getErrorType() const noexcept { return enumFromNumber<DeliveryErrorType>(ErrorTypeNumber_); }

  /// The same as a time point (Java's getCurrentSyncPoint()).
  std::chrono::system_clock::time_point getCurrentSyncPoint() const {
    return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
        std::chrono::nanoseconds(CurrentSyncTimestampNanos_)));
  }

  /// Equal when every field is equal.
  bool operator==(const TaskSyncStat& o) const {
    return TaskSyncPhaseNumber_ == o.TaskSyncPhaseNumber_ && CurrentSyncTimestampNanos_ == o.CurrentSyncTimestampNanos_ &&
           ErrorTypeNumber_ == o.ErrorTypeNumber_ && Detail_ == o.Detail_;
  }
  /// The negation of operator==.
  bool operator!=(const TaskSyncStat& o) const { return !(*this == o); }
};

#define DELIVERY_TABLESTORE_DESCRIBE_RESPONSE_FIELDS(X)                                              \
  X(READ, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::any())                       \
  X(READ, TaskSyncStat, TaskSyncStat, "task_sync_stat", , ::delivery::field::any())                  \
  X(READ, std::int32_t, TaskTypeNumber, "taskType", = static_cast<std::int32_t>(DeliveryTaskType::BASE_INC), \
    ::delivery::field::any())

/// The answer to a describe: the task's configuration, sync state and type.
class DescribeDeliveryTaskResponse : public Response {
  DELIVERY_MESSAGE(DescribeDeliveryTaskResponse, DELIVERY_TABLESTORE_DESCRIBE_RESPONSE_FIELDS)

  /// The task type; UNKNOWN for a number this SDK does not know (getTaskTypeNumber() has it).
  DeliveryTaskType getTaskType() const noexcept { return enumFromNumber<DeliveryTaskType>(TaskTypeNumber_); }

  /// A BASE task has finished once it reaches the INCR phase (as in the Java SDK).
  bool isFinished() const noexcept {
    return getTaskType() == DeliveryTaskType::BASE && TaskSyncStat_.getTaskSyncPhase() == TaskSyncPhase::INCR;
  }
};

#define DELIVERY_TABLESTORE_TASK_INFO_FIELDS(X)                               \
  X(READ, std::string, TableName, "tableName", , ::delivery::field::any())     \
  X(READ, std::string, TaskName, "taskName", , ::delivery::field::any())       \
  X(READ, std::int32_t, TaskTypeNumber, "taskType", = static_cast<std::int32_t>(DeliveryTaskType::BASE_INC), \
    ::delivery::field::any())

/// One delivery task as a list returns it.
class DeliveryTaskInfo {
  DELIVERY_MESSAGE(DeliveryTaskInfo, DELIVERY_TABLESTORE_TASK_INFO_FIELDS)

  DeliveryTaskInfo() = default;
  /// With the given fields set.
  DeliveryTaskInfo(std::string tableName, std::string taskName, DeliveryTaskType taskType)
      : TableName_(std::move(tableName)),
        TaskName_(std::move(taskName)),
        TaskTypeNumber_(static_cast<std::int32_t>(taskType)) {}

  /// The task type; UNKNOWN for a number this SDK does not know (getTaskTypeNumber() has it).
  DeliveryTaskType getTaskType() const noexcept { return enumFromNumber<DeliveryTaskType>(TaskTypeNumber_); }

  /// Equal when every field is equal.
  bool operator==(const DeliveryTaskInfo& o) const {
    return TableName_ == o.TableName_ && TaskName_ == o.TaskName_ && TaskTypeNumber_ == o.TaskTypeNumber_;
  }
  /// The negation of operator==.
  bool operator!=(const DeliveryTaskInfo& o) const { return !(*this == o); }
};

#define DELIVERY_TABLESTORE_LIST_RESPONSE_FIELDS(X) \
  X(READ, std::vector<DeliveryTaskInfo>, TaskInfos, "tasks", , ::delivery::field::any())

/// The delivery tasks of a table.
class ListDeliveryTaskResponse : public Response {
  DELIVERY_MESSAGE(ListDeliveryTaskResponse, DELIVERY_TABLESTORE_LIST_RESPONSE_FIELDS)
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
