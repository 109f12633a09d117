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
#include <optional>
#include <string>
#include <vector>

#include "delivery/core/response.h"
#include "delivery/core/result.h"

namespace delivery::tablestore {

/// Upper bound on CreateDeliveryTaskRequest task names (see the note above).
inline constexpr std::size_t kMinTaskNameLength = 3;
inline constexpr std::size_t kMaxTaskNameLength = 64;

// ---- enums (values are the wire values) -------------------------------------------------------

/// How a task delivers: full data, incremental data, or full then incremental.
enum class DeliveryTaskType { BASE = 0, INC = 1, BASE_INC = 2 };

/// Time format of the event-time column (wire values 1..5).
enum class EventTimeFormat { RFC822 = 1, RFC850 = 2, RFC1123 = 3, RFC3339 = 4, Unix = 5 };

/// Parquet column type of a delivered column.
enum class DataType {
  BOOL = 0,
  INT64 = 1,
  UTF8 = 2,
  DOUBLE = 3,
  DATE = 4,
  DECIMAL = 5,
  TIME_MILLIS = 6,
  TIME_MICROS = 7,
  TIMESTAMP_MILLIS = 8,
  TIMESTAMP_MICROS = 9,
  LIST = 10,
  MAP = 11,
  INTERVAL = 12,
  FLOAT = 13,
  INT32 = 14,
  INT96 = 15,
};

/// Parquet column encoding. PLAIN supports every type and is the default.
enum class OSSFileEncoding {
  PLAIN = 0,
  PLAIN_DICTIONARY = 1,
  DELTA_BINARY_PACKED = 2,
  DELTA_BYTE_ARRAY = 3,
  DELTA_LENGTH_BYTE_ARRAY = 4,
};

/// File format of delivered data: Parquet only.
enum class OSSFileFormat { Parquet = 0 };

/// Phase of a task's synchronisation, from Describe.
enum class TaskSyncPhase { INIT = 0, FULL = 1, INCR = 2 };

/// Task health reported by Describe.
enum class DeliveryErrorType { OK = 0, UNAUTHORIZED = 1, INVALID_OSS_BUCKET = 2 };

const char* toString(DeliveryTaskType v) noexcept;
const char* toString(EventTimeFormat v) noexcept;
const char* toString(DataType v) noexcept;
const char* toString(OSSFileEncoding v) noexcept;
const char* toString(OSSFileFormat v) noexcept;
const char* toString(TaskSyncPhase v) noexcept;
const char* toString(DeliveryErrorType v) noexcept;

// ---- task configuration -------------------------------------------------------------------------

/// The column whose time partitions the delivered files, and its format.
class EventColumn {
 public:
  EventColumn() = default;
  EventColumn(std::string columnName, EventTimeFormat format)
      : columnName_(std::move(columnName)), eventTimeFormat_(format) {}

  const std::string& getColumnName() const noexcept { return columnName_; }
  EventColumn& setColumnName(std::string v) {
    columnName_ = std::move(v);
    return *this;
  }
  EventTimeFormat getEventTimeFormat() const noexcept { return eventTimeFormat_; }
  EventColumn& setEventTimeFormat(EventTimeFormat v) {
    eventTimeFormat_ = v;
    return *this;
  }

  bool operator==(const EventColumn& o) const {
    return columnName_ == o.columnName_ && eventTimeFormat_ == o.eventTimeFormat_;
  }
  bool operator!=(const EventColumn& o) const { return !(*this == o); }

 private:
  std::string columnName_;
  EventTimeFormat eventTimeFormat_ = EventTimeFormat::RFC3339;
};

/// One delivered column: source column, Parquet column name, Parquet type, encoding.
class ParquetSchema {
 public:
  ParquetSchema() = default;
  /// The Parquet column takes the source column's name.
  ParquetSchema(std::string columnName, DataType type)
      : columnName_(columnName), ossColumnName_(std::move(columnName)), type_(type) {}
  ParquetSchema(std::string columnName, std::string ossColumnName, DataType type)
      : columnName_(std::move(columnName)), ossColumnName_(std::move(ossColumnName)), type_(type) {}

  const std::string& getColumnName() const noexcept { return columnName_; }
  ParquetSchema& setColumnName(std::string v) {
    columnName_ = std::move(v);
    return *this;
  }
  const std::string& getOssColumnName() const noexcept { return ossColumnName_; }
  ParquetSchema& setOssColumnName(std::string v) {
    ossColumnName_ = std::move(v);
    return *this;
  }
  DataType getType() const noexcept { return type_; }
  ParquetSchema& setType(DataType v) {
    type_ = v;
    return *this;
  }
  OSSFileEncoding getEncode() const noexcept { return encode_; }
  ParquetSchema& setEncode(OSSFileEncoding v) {
    encode_ = v;
    return *this;
  }
  /// Free-form type extension (e.g. decimal precision); sent only when set.
  const std::optional<std::string>& getTypeExtend() const noexcept { return typeExtend_; }
  ParquetSchema& setTypeExtend(std::string v) {
    typeExtend_ = std::move(v);
    return *this;
  }
  ParquetSchema& clearTypeExtend() {
    typeExtend_.reset();
    return *this;
  }

  bool operator==(const ParquetSchema& o) const {
    return columnName_ == o.columnName_ && ossColumnName_ == o.ossColumnName_ && type_ == o.type_ &&
           encode_ == o.encode_ && typeExtend_ == o.typeExtend_;
  }
  bool operator!=(const ParquetSchema& o) const { return !(*this == o); }

 private:
  std::string columnName_;
  std::string ossColumnName_;
  DataType type_ = DataType::UTF8;
  OSSFileEncoding encode_ = OSSFileEncoding::PLAIN;
  std::optional<std::string> typeExtend_;
};

/// Where and how a task writes to OSS.
class OSSTaskConfig {
 public:
  /// Folder prefix in the bucket; may contain $yyyy, $MM, $dd, $HH and $mm.
  const std::string& getOssPrefix() const noexcept { return ossPrefix_; }
  OSSTaskConfig& setOssPrefix(std::string v) {
    ossPrefix_ = std::move(v);
    return *this;
  }
  const std::string& getOssBucket() const noexcept { return ossBucket_; }
  OSSTaskConfig& setOssBucket(std::string v) {
    ossBucket_ = std::move(v);
    return *this;
  }
  /// OSS endpoint of the bucket's region, e.g. "oss-cn-hangzhou.aliyuncs.com".
  const std::string& getOssEndpoint() const noexcept { return ossEndpoint_; }
  OSSTaskConfig& setOssEndpoint(std::string v) {
    ossEndpoint_ = std::move(v);
    return *this;
  }
  /// ARN of the service-linked role, "acs:ram::<uid>:role/aliyunserviceroleforotsdatadelivery".
  /// (The Go SDK calls this OssRoleName.)
  const std::string& getOssStsRole() const noexcept { return ossStsRole_; }
  OSSTaskConfig& setOssStsRole(std::string v) {
    ossStsRole_ = std::move(v);
    return *this;
  }
  /// Optional; without it files are partitioned by the time data was written to Tablestore.
  const std::optional<EventColumn>& getEventTimeColumn() const noexcept { return eventTimeColumn_; }
  OSSTaskConfig& setEventTimeColumn(EventColumn v) {
    eventTimeColumn_ = std::move(v);
    return *this;
  }
  OSSTaskConfig& clearEventTimeColumn() {
    eventTimeColumn_.reset();
    return *this;
  }
  OSSFileFormat getFormat() const noexcept { return format_; }
  OSSTaskConfig& setFormat(OSSFileFormat v) {
    format_ = v;
    return *this;
  }
  /// Columns in Parquet order.
  const std::vector<ParquetSchema>& getParquetSchemaList() const noexcept { return schema_; }
  OSSTaskConfig& addParquetSchema(ParquetSchema v) {
    schema_.push_back(std::move(v));
    return *this;
  }
  OSSTaskConfig& setParquetSchemaList(std::vector<ParquetSchema> v) {
    schema_ = std::move(v);
    return *this;
  }

  /// Every violated rule; `path` prefixes each field path (e.g. "taskConfig").
  std::vector<FieldViolation> validate(const std::string& path = "taskConfig") const;

  bool operator==(const OSSTaskConfig& o) const {
    return ossPrefix_ == o.ossPrefix_ && ossBucket_ == o.ossBucket_ && ossEndpoint_ == o.ossEndpoint_ &&
           ossStsRole_ == o.ossStsRole_ && eventTimeColumn_ == o.eventTimeColumn_ && format_ == o.format_ &&
           schema_ == o.schema_;
  }
  bool operator!=(const OSSTaskConfig& o) const { return !(*this == o); }

 private:
  std::string ossPrefix_;
  std::string ossBucket_;
  std::string ossEndpoint_;
  std::string ossStsRole_;
  std::optional<EventColumn> eventTimeColumn_;
  OSSFileFormat format_ = OSSFileFormat::Parquet;
  std::vector<ParquetSchema> schema_;
};

// ---- requests -----------------------------------------------------------------------------------

class CreateDeliveryTaskRequest {
 public:
  CreateDeliveryTaskRequest() = default;
  CreateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : tableName_(std::move(tableName)), taskName_(std::move(taskName)), taskConfig_(std::move(taskConfig)) {}

  const std::string& getTableName() const noexcept { return tableName_; }
  CreateDeliveryTaskRequest& setTableName(std::string v) {
    tableName_ = std::move(v);
    return *this;
  }
  const std::string& getTaskName() const noexcept { return taskName_; }
  CreateDeliveryTaskRequest& setTaskName(std::string v) {
    taskName_ = std::move(v);
    return *this;
  }
  /// Unset until setTaskConfig(); a request without one fails validation.
  const std::optional<OSSTaskConfig>& getTaskConfig() const noexcept { return taskConfig_; }
  CreateDeliveryTaskRequest& setTaskConfig(OSSTaskConfig v) {
    taskConfig_ = std::move(v);
    return *this;
  }
  /// BASE_INC unless set; always sent.
  DeliveryTaskType getTaskType() const noexcept { return taskType_; }
  CreateDeliveryTaskRequest& setTaskType(DeliveryTaskType v) {
    taskType_ = v;
    return *this;
  }

  /// InvalidArgument with every violation, or success.
  Result<void> validate() const;

 private:
  std::string tableName_;
  std::string taskName_;
  std::optional<OSSTaskConfig> taskConfig_;
  DeliveryTaskType taskType_ = DeliveryTaskType::BASE_INC;
};

/// Replaces the configuration of an existing task. The action exists in the service's protocol
/// (UpdateDeliveryTask) but in neither vendor SDK nor the public docs: use with care.
class UpdateDeliveryTaskRequest {
 public:
  UpdateDeliveryTaskRequest() = default;
  UpdateDeliveryTaskRequest(std::string tableName, std::string taskName, OSSTaskConfig taskConfig)
      : tableName_(std::move(tableName)), taskName_(std::move(taskName)), taskConfig_(std::move(taskConfig)) {}

  const std::string& getTableName() const noexcept { return tableName_; }
  UpdateDeliveryTaskRequest& setTableName(std::string v) {
    tableName_ = std::move(v);
    return *this;
  }
  const std::string& getTaskName() const noexcept { return taskName_; }
  UpdateDeliveryTaskRequest& setTaskName(std::string v) {
    taskName_ = std::move(v);
    return *this;
  }
  const std::optional<OSSTaskConfig>& getTaskConfig() const noexcept { return taskConfig_; }
  UpdateDeliveryTaskRequest& setTaskConfig(OSSTaskConfig v) {
    taskConfig_ = std::move(v);
    return *this;
  }

  Result<void> validate() const;

 private:
  std::string tableName_;
  std::string taskName_;
  std::optional<OSSTaskConfig> taskConfig_;
};

/// Shared shape of Describe and Delete: a table and a task.
template <typename Self>
class TaskRequestBase {
 public:
  TaskRequestBase() = default;
  TaskRequestBase(std::string tableName, std::string taskName)
      : tableName_(std::move(tableName)), taskName_(std::move(taskName)) {}

  const std::string& getTableName() const noexcept { return tableName_; }
  Self& setTableName(std::string v) {
    tableName_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  const std::string& getTaskName() const noexcept { return taskName_; }
  Self& setTaskName(std::string v) {
    taskName_ = std::move(v);
    return static_cast<Self&>(*this);
  }

  Result<void> validate() const;

 private:
  std::string tableName_;
  std::string taskName_;
};

class DescribeDeliveryTaskRequest : public TaskRequestBase<DescribeDeliveryTaskRequest> {
 public:
  using TaskRequestBase::TaskRequestBase;
};

class DeleteDeliveryTaskRequest : public TaskRequestBase<DeleteDeliveryTaskRequest> {
 public:
  using TaskRequestBase::TaskRequestBase;
};

extern template class TaskRequestBase<DescribeDeliveryTaskRequest>;
extern template class TaskRequestBase<DeleteDeliveryTaskRequest>;

class ListDeliveryTaskRequest {
 public:
  ListDeliveryTaskRequest() = default;
  explicit ListDeliveryTaskRequest(std::string tableName) : tableName_(std::move(tableName)) {}

  const std::string& getTableName() const noexcept { return tableName_; }
  ListDeliveryTaskRequest& setTableName(std::string v) {
    tableName_ = std::move(v);
    return *this;
  }

  Result<void> validate() const;

 private:
  std::string tableName_;
};

// ---- responses ----------------------------------------------------------------------------------

/// What every response carries: x-ots-requestid, the HTTP status and the x-ots-sdk-traceid this SDK
/// sent (the same on every retry).
using Response = ResponseMetadata;

class CreateDeliveryTaskResponse : public Response {};
class DeleteDeliveryTaskResponse : public Response {};
class UpdateDeliveryTaskResponse : public Response {};

/// Progress and health of a task.
class TaskSyncStat {
 public:
  TaskSyncPhase getTaskSyncPhase() const noexcept { return phase_; }
  TaskSyncStat& setTaskSyncPhase(TaskSyncPhase v) {
    phase_ = v;
    return *this;
  }
  /// The point up to which data has been delivered, as the service reports it (nanoseconds
  /// since the Unix epoch).
  std::int64_t getCurrentSyncTimestampNanos() const noexcept { return currentSyncTimestampNanos_; }
  TaskSyncStat& setCurrentSyncTimestampNanos(std::int64_t v) {
    currentSyncTimestampNanos_ = v;
    return *this;
  }
  /// The same as a time point (Java's getCurrentSyncPoint()).
  std::chrono::system_clock::time_point getCurrentSyncPoint() const {
    return std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(
        std::chrono::nanoseconds(currentSyncTimestampNanos_)));
  }
  DeliveryErrorType getErrorType() const noexcept { return errorType_; }
  TaskSyncStat& setErrorType(DeliveryErrorType v) {
    errorType_ = v;
    return *this;
  }
  const std::string& getDetail() const noexcept { return detail_; }
  TaskSyncStat& setDetail(std::string v) {
    detail_ = std::move(v);
    return *this;
  }

  bool operator==(const TaskSyncStat& o) const {
    return phase_ == o.phase_ && currentSyncTimestampNanos_ == o.currentSyncTimestampNanos_ &&
           errorType_ == o.errorType_ && detail_ == o.detail_;
  }

 private:
  TaskSyncPhase phase_ = TaskSyncPhase::INIT;
  std::int64_t currentSyncTimestampNanos_ = 0;
  DeliveryErrorType errorType_ = DeliveryErrorType::OK;
  std::string detail_;
};

class DescribeDeliveryTaskResponse : public Response {
 public:
  const OSSTaskConfig& getTaskConfig() const noexcept { return taskConfig_; }
  const TaskSyncStat& getTaskSyncStat() const noexcept { return taskSyncStat_; }
  DeliveryTaskType getTaskType() const noexcept { return taskType_; }
  /// A BASE task has finished once it reaches the INCR phase (as in the Java SDK).
  bool isFinished() const noexcept {
    return taskType_ == DeliveryTaskType::BASE && taskSyncStat_.getTaskSyncPhase() == TaskSyncPhase::INCR;
  }

  void setTaskConfig(OSSTaskConfig v) { taskConfig_ = std::move(v); }
  void setTaskSyncStat(TaskSyncStat v) { taskSyncStat_ = std::move(v); }
  void setTaskType(DeliveryTaskType v) { taskType_ = v; }

 private:
  OSSTaskConfig taskConfig_;
  TaskSyncStat taskSyncStat_;
  DeliveryTaskType taskType_ = DeliveryTaskType::BASE_INC;
};

class DeliveryTaskInfo {
 public:
  DeliveryTaskInfo() = default;
  DeliveryTaskInfo(std::string tableName, std::string taskName, DeliveryTaskType taskType)
      : tableName_(std::move(tableName)), taskName_(std::move(taskName)), taskType_(taskType) {}

  const std::string& getTableName() const noexcept { return tableName_; }
  const std::string& getTaskName() const noexcept { return taskName_; }
  DeliveryTaskType getTaskType() const noexcept { return taskType_; }

  bool operator==(const DeliveryTaskInfo& o) const {
    return tableName_ == o.tableName_ && taskName_ == o.taskName_ && taskType_ == o.taskType_;
  }

 private:
  std::string tableName_;
  std::string taskName_;
  DeliveryTaskType taskType_ = DeliveryTaskType::BASE_INC;
};

class ListDeliveryTaskResponse : public Response {
 public:
  const std::vector<DeliveryTaskInfo>& getTaskInfos() const noexcept { return taskInfos_; }
  void setTaskInfos(std::vector<DeliveryTaskInfo> v) { taskInfos_ = std::move(v); }

 private:
  std::vector<DeliveryTaskInfo> taskInfos_;
};

}  // namespace delivery::tablestore
