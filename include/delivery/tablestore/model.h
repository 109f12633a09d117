#pragma once
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

namespace delivery::tablestore {

/// Upper bound on CreateDeliveryTaskRequest task names (see the note above).
inline constexpr std::size_t kMinTaskNameLength = 3;
inline constexpr std::size_t kMaxTaskNameLength = 64;

// ---- enums: X(Java SDK constant, protobuf wire number, text) ------------------------------------
// The enumerators are spelled as the Java SDK's constants (model.delivery.*); the numbers are the
// values of the matching enums in src/tablestore/proto/delivery.proto.

/// How a task delivers: full data, incremental data, or full then incremental.
#define DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE(X) X(BASE, 0, "BASE") X(INC, 1, "INC") X(BASE_INC, 2, "BASE_INC")
DELIVERY_ENUM_NUMBERED(DeliveryTaskType, DELIVERY_TABLESTORE_DELIVERY_TASK_TYPE)

/// Time format of the event-time column (wire values 1..5).
#define DELIVERY_TABLESTORE_EVENT_TIME_FORMAT(X) \
  X(RFC822, 1, "RFC822") X(RFC850, 2, "RFC850") X(RFC1123, 3, "RFC1123") X(RFC3339, 4, "RFC3339") X(Unix, 5, "Unix")
DELIVERY_ENUM_NUMBERED(EventTimeFormat, DELIVERY_TABLESTORE_EVENT_TIME_FORMAT)

/// Parquet column type of a delivered column.
#define DELIVERY_TABLESTORE_DATA_TYPE(X)                                                                     \
  X(BOOL, 0, "BOOL") X(INT64, 1, "INT64") X(UTF8, 2, "UTF8") X(DOUBLE, 3, "DOUBLE") X(DATE, 4, "DATE")       \
  X(DECIMAL, 5, "DECIMAL") X(TIME_MILLIS, 6, "TIME_MILLIS") X(TIME_MICROS, 7, "TIME_MICROS")                 \
  X(TIMESTAMP_MILLIS, 8, "TIMESTAMP_MILLIS") X(TIMESTAMP_MICROS, 9, "TIMESTAMP_MICROS") X(LIST, 10, "LIST")   \
  X(MAP, 11, "MAP") X(INTERVAL, 12, "INTERVAL") X(FLOAT, 13, "FLOAT") X(INT32, 14, "INT32") X(INT96, 15, "INT96")
DELIVERY_ENUM_NUMBERED(DataType, DELIVERY_TABLESTORE_DATA_TYPE)

/// Parquet column encoding. PLAIN supports every type and is the default.
#define DELIVERY_TABLESTORE_OSS_FILE_ENCODING(X)                                                   \
  X(PLAIN, 0, "PLAIN") X(PLAIN_DICTIONARY, 1, "PLAIN_DICTIONARY")                                   \
  X(DELTA_BINARY_PACKED, 2, "DELTA_BINARY_PACKED") X(DELTA_BYTE_ARRAY, 3, "DELTA_BYTE_ARRAY")       \
  X(DELTA_LENGTH_BYTE_ARRAY, 4, "DELTA_LENGTH_BYTE_ARRAY")
DELIVERY_ENUM_NUMBERED(OSSFileEncoding, DELIVERY_TABLESTORE_OSS_FILE_ENCODING)

/// File format of delivered data: Parquet only.
#define DELIVERY_TABLESTORE_OSS_FILE_FORMAT(X) X(Parquet, 0, "Parquet")
DELIVERY_ENUM_NUMBERED(OSSFileFormat, DELIVERY_TABLESTORE_OSS_FILE_FORMAT)

/// Phase of a task's synchronisation, from Describe.
#define DELIVERY_TABLESTORE_TASK_SYNC_PHASE(X) X(INIT, 0, "INIT") X(FULL, 1, "FULL") X(INCR, 2, "INCR")
DELIVERY_ENUM_NUMBERED(TaskSyncPhase, DELIVERY_TABLESTORE_TASK_SYNC_PHASE)

/// Task health reported by Describe.
#define DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE(X) \
  X(OK, 0, "OK") X(UNAUTHORIZED, 1, "UNAUTHORIZED") X(INVALID_OSS_BUCKET, 2, "INVALID_OSS_BUCKET")
DELIVERY_ENUM_NUMBERED(DeliveryErrorType, DELIVERY_TABLESTORE_DELIVERY_ERROR_TYPE)

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
}  // namespace detail

// ---- task configuration -------------------------------------------------------------------------
// Tables: X(KIND, Type, Accessor, "protobuf field name", initializer, rule). The protobuf field
// names are the wire names of violation paths, e.g. "taskConfig.schema[1].ossColumnName".

#define DELIVERY_TABLESTORE_EVENT_COLUMN_FIELDS(X)                                                           \
  X(VALUE, std::string, ColumnName, "columnName", , ::delivery::field::text(1, detail::kMaxColumnNameBytes)) \
  X(VALUE, EventTimeFormat, EventTimeFormat, "timeFormat", = EventTimeFormat::RFC3339, ::delivery::field::any())

/// The column whose time partitions the delivered files, and its format.
class EventColumn {
  DELIVERY_MESSAGE(EventColumn, DELIVERY_TABLESTORE_EVENT_COLUMN_FIELDS)

  EventColumn() = default;
  EventColumn(std::string columnName, EventTimeFormat format)
      : ColumnName_(std::move(columnName)), EventTimeFormat_(format) {}

  bool operator==(const EventColumn& o) const {
    return ColumnName_ == o.ColumnName_ && EventTimeFormat_ == o.EventTimeFormat_;
  }
  bool operator!=(const EventColumn& o) const { return !(*this == o); }
};

// ossColumnName and typeExtend have no documented bound; typeExtend is sent only when set.
#define DELIVERY_TABLESTORE_PARQUET_SCHEMA_FIELDS(X)                                                         \
  X(VALUE, std::string, ColumnName, "columnName", , ::delivery::field::text(1, detail::kMaxColumnNameBytes)) \
  X(VALUE, std::string, OssColumnName, "ossColumnName", , ::delivery::field::text(1, detail::kMaxTextBytes)) \
  X(VALUE, DataType, Type, "type", = DataType::UTF8, ::delivery::field::any())                              \
  X(VALUE, OSSFileEncoding, Encode, "encode", = OSSFileEncoding::PLAIN, ::delivery::field::any())           \
  X(OPTIONAL, std::string, TypeExtend, "typeExtend", , ::delivery::field::text(0, detail::kMaxTextBytes))

/// One delivered column: source column, Parquet column name, Parquet type, encoding, and an
/// optional free-form type extension (e.g. decimal precision).
class ParquetSchema {
  DELIVERY_MESSAGE(ParquetSchema, DELIVERY_TABLESTORE_PARQUET_SCHEMA_FIELDS)

  ParquetSchema() = default;
  /// The Parquet column takes the source column's name.
  ParquetSchema(std::string columnName, DataType type)
      : ColumnName_(columnName), OssColumnName_(std::move(columnName)), Type_(type) {}
  ParquetSchema(std::string columnName, std::string ossColumnName, DataType type)
      : ColumnName_(std::move(columnName)), OssColumnName_(std::move(ossColumnName)), Type_(type) {}

  bool operator==(const ParquetSchema& o) const {
    return ColumnName_ == o.ColumnName_ && OssColumnName_ == o.OssColumnName_ && Type_ == o.Type_ &&
           Encode_ == o.Encode_ && TypeExtend_ == o.TypeExtend_;
  }
  bool operator!=(const ParquetSchema& o) const { return !(*this == o); }
};

// OSSTaskConfig: prefix ($yyyy, $MM, $dd, $HH, $mm allowed), bucket, the endpoint of the bucket's
// region ("oss-cn-hangzhou.aliyuncs.com"), the ARN of the service-linked role
// ("acs:ram::<uid>:role/aliyunserviceroleforotsdatadelivery"; the Go SDK's OssRoleName), the
// optional event-time column (without it files are partitioned by the time data was written to
// Tablestore), the format, and the columns in Parquet order (at least one; no limit on the count).
#define DELIVERY_TABLESTORE_OSS_TASK_CONFIG_FIELDS(X)                                                       \
  X(VALUE, std::string, OssPrefix, "ossPrefix", , ::delivery::field::required().checkedBy(detail::ossPrefix)) \
  X(VALUE, std::string, OssBucket, "ossBucket", , ::delivery::field::required().checkedBy(detail::ossBucket)) \
  X(VALUE, std::string, OssEndpoint, "ossEndpoint", ,                                                       \
    ::delivery::field::required().checkedBy(detail::ossEndpoint))                                            \
  X(VALUE, std::string, OssStsRole, "ossStsRole", , ::delivery::field::required().checkedBy(detail::ossStsRole)) \
  X(OPTIONAL, EventColumn, EventTimeColumn, "eventTimeColumn", , ::delivery::field::any())                  \
  X(VALUE, OSSFileFormat, Format, "format", = OSSFileFormat::Parquet, ::delivery::field::any())             \
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

  /// Every violated rule; `path` prefixes each field path (e.g. "taskConfig").
  std::vector<FieldViolation> validate(const std::string& path = "taskConfig") const;

  bool operator==(const OSSTaskConfig& o) const {
    return OssPrefix_ == o.OssPrefix_ && OssBucket_ == o.OssBucket_ && OssEndpoint_ == o.OssEndpoint_ &&
           OssStsRole_ == o.OssStsRole_ && EventTimeColumn_ == o.EventTimeColumn_ && Format_ == o.Format_ &&
           ParquetSchemaList_ == o.ParquetSchemaList_;
  }
  bool operator!=(const OSSTaskConfig& o) const { return !(*this == o); }
};

// ---- requests -----------------------------------------------------------------------------------

// Create: the task type is BASE_INC unless set, and always sent; the config is unset until
// setTaskConfig() (a request without one fails validation).
#define DELIVERY_TABLESTORE_CREATE_REQUEST_FIELDS(X)                                                         \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName)) \
  X(VALUE, std::string, TaskName, "taskName", , ::delivery::field::required().checkedBy(detail::newTaskName)) \
  X(OPTIONAL, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::required())                    \
  X(VALUE, DeliveryTaskType, TaskType, "taskType", = DeliveryTaskType::BASE_INC, ::delivery::field::any())

class CreateDeliveryTaskRequest {
  DELIVERY_MESSAGE(CreateDeliveryTaskRequest, DELIVERY_TABLESTORE_CREATE_REQUEST_FIELDS)

  CreateDeliveryTaskRequest() = default;
  CreateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)), TaskConfig_(std::move(taskConfig)) {}

  /// InvalidArgument with every violation, or success.
  Result<void> validate() const;
};

// Update: the protobuf names the table field "table" (field 1), so violation paths do too.
#define DELIVERY_TABLESTORE_UPDATE_REQUEST_FIELDS(X)                                                       \
  X(VALUE, std::string, TableName, "table", , ::delivery::field::required().checkedBy(detail::tableName))   \
  X(VALUE, std::string, TaskName, "taskName", ,                                                            \
    ::delivery::field::required().checkedBy(detail::existingTaskName))                                      \
  X(OPTIONAL, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::required())

/// Replaces the configuration of an existing task. The action exists in the service's protocol
/// (UpdateDeliveryTask) but in neither vendor SDK nor the public docs: use with care. A distinct
/// type: it cannot be passed where a CreateDeliveryTaskRequest is expected.
class UpdateDeliveryTaskRequest {
  DELIVERY_MESSAGE(UpdateDeliveryTaskRequest, DELIVERY_TABLESTORE_UPDATE_REQUEST_FIELDS)

  UpdateDeliveryTaskRequest() = default;
  UpdateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)), TaskConfig_(std::move(taskConfig)) {}

  Result<void> validate() const;
};

// Describe and Delete: a table and a task. Names of existing tasks are only required to be
// non-empty text (see the note at the top).
#define DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS(X)                                                           \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName)) \
  X(VALUE, std::string, TaskName, "taskName", ,                                                              \
    ::delivery::field::required().checkedBy(detail::existingTaskName))

class DescribeDeliveryTaskRequest {
  DELIVERY_MESSAGE(DescribeDeliveryTaskRequest, DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS)

  DescribeDeliveryTaskRequest() = default;
  DescribeDeliveryTaskRequest(std::string tableName, std::string taskName)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)) {}

  Result<void> validate() const;
};

class DeleteDeliveryTaskRequest {
  DELIVERY_MESSAGE(DeleteDeliveryTaskRequest, DELIVERY_TABLESTORE_TASK_REQUEST_FIELDS)

  DeleteDeliveryTaskRequest() = default;
  DeleteDeliveryTaskRequest(std::string tableName, std::string taskName)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)) {}

  Result<void> validate() const;
};

#define DELIVERY_TABLESTORE_LIST_REQUEST_FIELDS(X) \
  X(VALUE, std::string, TableName, "tableName", , ::delivery::field::required().checkedBy(detail::tableName))

class ListDeliveryTaskRequest {
  DELIVERY_MESSAGE(ListDeliveryTaskRequest, DELIVERY_TABLESTORE_LIST_REQUEST_FIELDS)

  ListDeliveryTaskRequest() = default;
  explicit ListDeliveryTaskRequest(std::string tableName) : TableName_(std::move(tableName)) {}

  Result<void> validate() const;
};

// ---- responses (read-only) ----------------------------------------------------------------------

/// What every response carries: x-ots-requestid, the HTTP status and the x-ots-sdk-traceid this SDK
/// sent (the same on every retry).
using Response = ResponseMetadata;

class CreateDeliveryTaskResponse : public Response {};
class DeleteDeliveryTaskResponse : public Response {};
class UpdateDeliveryTaskResponse : public Response {};

// The phase, the point up to which data has been delivered as the service reports it
// (nanoseconds since the Unix epoch), the task's health and a detail text.
#define DELIVERY_TABLESTORE_TASK_SYNC_STAT_FIELDS(X)                                                              \
  X(READ, TaskSyncPhase, TaskSyncPhase, "task_sync_phase", = TaskSyncPhase::INIT, ::delivery::field::any())       \
  X(READ, std::int64_t, CurrentSyncTimestampNanos, "current_sync_timestamp", = 0, ::delivery::field::any())      \
  X(READ, DeliveryErrorType, ErrorType, "error_code", = DeliveryErrorType::OK, ::delivery::field::any())          \
  X(READ, std::string, Detail, "detail", , ::delivery::field::any())

/// Progress and health of a task.
class TaskSyncStat {
  DELIVERY_MESSAGE(TaskSyncStat, DELIVERY_TABLESTORE_TASK_SYNC_STAT_FIELDS)

  TaskSyncStat() = default;
  /// A value as a service would report it (for tests and emulators).
  TaskSyncStat(TaskSyncPhase phase, std::int64_t currentSyncTimestampNanos,
               DeliveryErrorType errorType = DeliveryErrorType::OK, std::string detail = {})
      : TaskSyncPhase_(phase),
        CurrentSyncTimestampNanos_(currentSyncTimestampNanos),
        ErrorType_(errorType),
        Detail_(std::move(detail)) {}

  /// The same as a time point (Java's getCurrentSyncPoint()).
  std::chrono::system_clock::time_point getCurrentSyncPoint() const {
    return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
        std::chrono::nanoseconds(CurrentSyncTimestampNanos_)));
  }

  bool operator==(const TaskSyncStat& o) const {
    return TaskSyncPhase_ == o.TaskSyncPhase_ && CurrentSyncTimestampNanos_ == o.CurrentSyncTimestampNanos_ &&
           ErrorType_ == o.ErrorType_ && Detail_ == o.Detail_;
  }
  bool operator!=(const TaskSyncStat& o) const { return !(*this == o); }
};

#define DELIVERY_TABLESTORE_DESCRIBE_RESPONSE_FIELDS(X)                                              \
  X(READ, OSSTaskConfig, TaskConfig, "taskConfig", , ::delivery::field::any())                       \
  X(READ, TaskSyncStat, TaskSyncStat, "task_sync_stat", , ::delivery::field::any())                  \
  X(READ, DeliveryTaskType, TaskType, "taskType", = DeliveryTaskType::BASE_INC, ::delivery::field::any())

class DescribeDeliveryTaskResponse : public Response {
  DELIVERY_MESSAGE(DescribeDeliveryTaskResponse, DELIVERY_TABLESTORE_DESCRIBE_RESPONSE_FIELDS)

  /// A BASE task has finished once it reaches the INCR phase (as in the Java SDK).
  bool isFinished() const noexcept {
    return TaskType_ == DeliveryTaskType::BASE && TaskSyncStat_.getTaskSyncPhase() == TaskSyncPhase::INCR;
  }
};

#define DELIVERY_TABLESTORE_TASK_INFO_FIELDS(X)                               \
  X(READ, std::string, TableName, "tableName", , ::delivery::field::any())     \
  X(READ, std::string, TaskName, "taskName", , ::delivery::field::any())       \
  X(READ, DeliveryTaskType, TaskType, "taskType", = DeliveryTaskType::BASE_INC, ::delivery::field::any())

class DeliveryTaskInfo {
  DELIVERY_MESSAGE(DeliveryTaskInfo, DELIVERY_TABLESTORE_TASK_INFO_FIELDS)

  DeliveryTaskInfo() = default;
  DeliveryTaskInfo(std::string tableName, std::string taskName, DeliveryTaskType taskType)
      : TableName_(std::move(tableName)), TaskName_(std::move(taskName)), TaskType_(taskType) {}

  bool operator==(const DeliveryTaskInfo& o) const {
    return TableName_ == o.TableName_ && TaskName_ == o.TaskName_ && TaskType_ == o.TaskType_;
  }
  bool operator!=(const DeliveryTaskInfo& o) const { return !(*this == o); }
};

#define DELIVERY_TABLESTORE_LIST_RESPONSE_FIELDS(X) \
  X(READ, std::vector<DeliveryTaskInfo>, TaskInfos, "tasks", , ::delivery::field::any())

class ListDeliveryTaskResponse : public Response {
  DELIVERY_MESSAGE(ListDeliveryTaskResponse, DELIVERY_TABLESTORE_LIST_RESPONSE_FIELDS)
};

}  // namespace delivery::tablestore
