#pragma once
// Huawei Cloud DIS transfer (dump) tasks: destination descriptors, requests and responses.
// JSON names follow the DIS API (POST/PUT/GET /v2/{project_id}/streams/{stream_name}/transfer-tasks);
// class and accessor names follow the vendor SDKs (DliDestinationDescriptor, DWSDestinationDescriptor...).
//
// validate() reports every violated rule at once with its field path (rules and their sources are in
// src/dis/validation.cc). Where the vendor documents contradict each other, this SDK chooses:
//
// - retry_duration: the API tables and every SDK model type it as a string, every documented example
//   sends a JSON integer (1800). It is sent as an integer; DisClientConfig::retryDurationAsString
//   switches to a string. Range 0..7200 either way.
// - record_delimiter (OBS): one doc cell names both "," and "\n" as the default. The SDK has no
//   default of its own: unset means omitted, and the service decides. Set it when it matters.
// - DWS options (fill_missing_fields, ignore_extra_data, compatible_illegal_chars): the models list
//   the literal values "true/on" and "false/off", the example sends "false". They are booleans here,
//   sent as "true" / "false".
// - agency_name: required by the DLI, DWS, MRS and CloudTable pages; the newest OBS page makes it
//   optional (the service then creates dis_admin_agency). Required except for OBS.
// - destination_file_type "carbon": an old example sends "CarbonData"; "carbon" is sent.
// - dws_delimiter: the DWS example sends "", which its own table forbids (one of , ; |). The empty
//   value is rejected.
// - Strings without a documented bound (cluster names and ids, user_name, user_password, KMS key
//   names, dws_table_columns, ...): valid UTF-8 of at most 65536 bytes (README, "Input bounds").
//   Documented bounds (task_name 64, agency_name 64, file_prefix 50, ...) apply as listed in
//   src/dis/validation.cc. Integers keep their documented ranges (deliver_time_interval 30..900,
//   retry_duration 0..7200).
//
// Secrets: DWSDestinationDescriptor::user_password never appears in toString(), logs or errors.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "delivery/core/result.h"
#include "delivery/huawei/common.h"

namespace delivery::dis {

// ---- enums (toString gives the wire value) ------------------------------------------------------

enum class DestinationType { OBS, MRS, DLI, CLOUDTABLE, DWS };
enum class ConsumerStrategy { LATEST, TRIM_HORIZON };
enum class DestinationFileType { text, parquet, carbon };
using huawei::PartitionFormat;
enum class RecordDelimiter { COMMA, SEMICOLON, PIPE, NEWLINE };  // "," ";" "|" "\n"
enum class DwsDelimiter { COMMA, SEMICOLON, PIPE };               // "," ";" "|"
enum class TimestampType { String, Timestamp };
/// "yyyy/MM/dd HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm:ss", and the same with '-'.
enum class TimestampFormat {
  YYYY_MM_DD_SLASH,
  MM_DD_YYYY_SLASH,
  DD_MM_YYYY_SLASH,
  YYYY_MM_DD_DASH,
  MM_DD_YYYY_DASH,
  DD_MM_YYYY_DASH,
};
/// Column and value types of CloudTable (HBase) and OpenTSDB schemas.
enum class CloudtableDataType { Bigint, Double, Boolean, Timestamp, String, Decimal };
enum class OpenTsdbMetricType { Constant, String };
enum class OpenTsdbTimestampType { Timestamp, String };
enum class RowKeyDelimiter { COMMA, DOT, PIPE, SEMICOLON, BACKSLASH, HYPHEN, UNDERSCORE, TILDE };
/// Task state from list/show; Unknown for a value this SDK does not know yet.
enum class TransferTaskState { ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL, Unknown };

const char* toString(DestinationType v) noexcept;
const char* toString(ConsumerStrategy v) noexcept;
const char* toString(DestinationFileType v) noexcept;
using huawei::toString;
const char* toString(RecordDelimiter v) noexcept;
const char* toString(DwsDelimiter v) noexcept;
const char* toString(TimestampType v) noexcept;
const char* toString(TimestampFormat v) noexcept;
const char* toString(CloudtableDataType v) noexcept;
const char* toString(OpenTsdbMetricType v) noexcept;
const char* toString(OpenTsdbTimestampType v) noexcept;
const char* toString(RowKeyDelimiter v) noexcept;
const char* toString(TransferTaskState v) noexcept;

#define DELIVERY_DIS_FIELD(Type, Name, member)        \
  const Type& get##Name() const noexcept { return member; } \
  Self& set##Name(Type v) {                            \
    member = std::move(v);                             \
    return self();                                     \
  }
#define DELIVERY_DIS_OPTIONAL(Type, Name, member)                      \
  const std::optional<Type>& get##Name() const noexcept { return member; } \
  Self& set##Name(Type v) {                                           \
    member = std::move(v);                                            \
    return self();                                                    \
  }                                                                   \
  Self& clear##Name() {                                               \
    member.reset();                                                   \
    return self();                                                    \
  }

/// Fields every destination descriptor has.
template <typename Self>
class DestinationDescriptorBase {
 public:
  /// 1..64 letters, digits, '-' and '_'.
  DELIVERY_DIS_FIELD(std::string, TaskName, taskName_)
  /// IAM agency DIS acts through, at most 64 characters (e.g. "dis_admin_agency").
  DELIVERY_DIS_OPTIONAL(std::string, AgencyName, agencyName_)
  /// Seconds between dumps, 30..900; 300 unless set. Always sent.
  DELIVERY_DIS_FIELD(int, DeliverTimeInterval, deliverTimeInterval_)
  /// LATEST (the service's default when omitted) or TRIM_HORIZON.
  DELIVERY_DIS_OPTIONAL(ConsumerStrategy, ConsumerStrategy, consumerStrategy_)

 protected:
  Self& self() { return static_cast<Self&>(*this); }
  std::string taskName_;
  std::optional<std::string> agencyName_;
  int deliverTimeInterval_ = 300;
  std::optional<ConsumerStrategy> consumerStrategy_;
};

/// Which field of the records holds their time, for OBS partitioning.
class ProcessingSchema {
 public:
  using Self = ProcessingSchema;
  ProcessingSchema() = default;
  ProcessingSchema(std::string timestampName, TimestampType type) : timestampName_(std::move(timestampName)), type_(type) {}
  DELIVERY_DIS_FIELD(std::string, TimestampName, timestampName_)
  DELIVERY_DIS_FIELD(TimestampType, TimestampType, type_)
  /// Required when the type is String.
  DELIVERY_DIS_OPTIONAL(TimestampFormat, TimestampFormat, format_)

 private:
  Self& self() { return *this; }
  std::string timestampName_;
  TimestampType type_ = TimestampType::Timestamp;
  std::optional<TimestampFormat> format_;
};

class ObsDestinationDescriptor : public DestinationDescriptorBase<ObsDestinationDescriptor> {
 public:
  using Self = ObsDestinationDescriptor;
  /// OBS bucket name (required).
  DELIVERY_DIS_FIELD(std::string, ObsBucketPath, obsBucketPath_)
  /// Directory in the bucket: at most 50 letters, digits, '_' and '/', not starting with '/'.
  DELIVERY_DIS_OPTIONAL(std::string, FilePrefix, filePrefix_)
  DELIVERY_DIS_OPTIONAL(PartitionFormat, PartitionFormat, partitionFormat_)
  /// text (service default), parquet or carbon (the last two need a JSON stream).
  DELIVERY_DIS_OPTIONAL(DestinationFileType, DestinationFileType, destinationFileType_)
  DELIVERY_DIS_OPTIONAL(ProcessingSchema, ProcessingSchema, processingSchema_)
  /// See the note at the top of this file about its default.
  DELIVERY_DIS_OPTIONAL(RecordDelimiter, RecordDelimiter, recordDelimiter_)

 private:
  std::string obsBucketPath_;
  std::optional<std::string> filePrefix_;
  std::optional<PartitionFormat> partitionFormat_;
  std::optional<DestinationFileType> destinationFileType_;
  std::optional<ProcessingSchema> processingSchema_;
  std::optional<RecordDelimiter> recordDelimiter_;
};

class MrsDestinationDescriptor : public DestinationDescriptorBase<MrsDestinationDescriptor> {
 public:
  using Self = MrsDestinationDescriptor;
  DELIVERY_DIS_FIELD(std::string, MrsClusterName, mrsClusterName_)
  DELIVERY_DIS_FIELD(std::string, MrsClusterId, mrsClusterId_)
  /// HDFS path, e.g. "/user".
  DELIVERY_DIS_FIELD(std::string, MrsHdfsPath, mrsHdfsPath_)
  DELIVERY_DIS_OPTIONAL(std::string, FilePrefix, filePrefix_)
  /// At most 50 characters, '/'-separated.
  DELIVERY_DIS_OPTIONAL(std::string, HdfsPrefixFolder, hdfsPrefixFolder_)
  /// Temporary OBS bucket (required).
  DELIVERY_DIS_FIELD(std::string, ObsBucketPath, obsBucketPath_)
  /// Seconds to keep retrying a failed dump, 0..7200 (service default 1800).
  DELIVERY_DIS_OPTIONAL(int, RetryDuration, retryDuration_)

 private:
  std::string mrsClusterName_, mrsClusterId_, mrsHdfsPath_;
  std::optional<std::string> filePrefix_, hdfsPrefixFolder_;
  std::string obsBucketPath_;
  std::optional<int> retryDuration_;
};

class DliDestinationDescriptor : public DestinationDescriptorBase<DliDestinationDescriptor> {
 public:
  using Self = DliDestinationDescriptor;
  DELIVERY_DIS_FIELD(std::string, DliDatabaseName, dliDatabaseName_)
  /// A table whose data is stored in DLI, which you may insert into.
  DELIVERY_DIS_FIELD(std::string, DliTableName, dliTableName_)
  DELIVERY_DIS_FIELD(std::string, ObsBucketPath, obsBucketPath_)
  DELIVERY_DIS_OPTIONAL(std::string, FilePrefix, filePrefix_)
  DELIVERY_DIS_OPTIONAL(int, RetryDuration, retryDuration_)

 private:
  std::string dliDatabaseName_, dliTableName_, obsBucketPath_;
  std::optional<std::string> filePrefix_;
  std::optional<int> retryDuration_;
};

/// DWS fault-tolerance options.
class Options {
 public:
  using Self = Options;
  DELIVERY_DIS_OPTIONAL(bool, FillMissingFields, fillMissingFields_)
  DELIVERY_DIS_OPTIONAL(bool, IgnoreExtraData, ignoreExtraData_)
  DELIVERY_DIS_OPTIONAL(bool, CompatibleIllegalChars, compatibleIllegalChars_)
  /// A non-negative integer as text, or "unlimited".
  DELIVERY_DIS_OPTIONAL(std::string, RejectLimit, rejectLimit_)
  DELIVERY_DIS_OPTIONAL(std::string, ErrorTableName, errorTableName_)

 private:
  Self& self() { return *this; }
  std::optional<bool> fillMissingFields_, ignoreExtraData_, compatibleIllegalChars_;
  std::optional<std::string> rejectLimit_, errorTableName_;
};

class DWSDestinationDescriptor : public DestinationDescriptorBase<DWSDestinationDescriptor> {
 public:
  using Self = DWSDestinationDescriptor;
  DELIVERY_DIS_FIELD(std::string, DwsClusterName, dwsClusterName_)
  DELIVERY_DIS_FIELD(std::string, DwsClusterId, dwsClusterId_)
  DELIVERY_DIS_FIELD(std::string, DwsDatabaseName, dwsDatabaseName_)
  DELIVERY_DIS_FIELD(std::string, DwsSchema, dwsSchema_)
  DELIVERY_DIS_FIELD(std::string, DwsTableName, dwsTableName_)
  /// Required.
  DELIVERY_DIS_OPTIONAL(DwsDelimiter, DwsDelimiter, dwsDelimiter_)
  DELIVERY_DIS_FIELD(std::string, UserName, userName_)
  /// A secret: never printed.
  DELIVERY_DIS_FIELD(std::string, UserPassword, userPassword_)
  DELIVERY_DIS_FIELD(std::string, KmsUserKeyName, kmsUserKeyName_)
  DELIVERY_DIS_FIELD(std::string, KmsUserKeyId, kmsUserKeyId_)
  DELIVERY_DIS_FIELD(std::string, ObsBucketPath, obsBucketPath_)
  DELIVERY_DIS_OPTIONAL(std::string, FilePrefix, filePrefix_)
  DELIVERY_DIS_OPTIONAL(int, RetryDuration, retryDuration_)
  /// Columns to fill, e.g. "c1,c2"; all columns when unset.
  DELIVERY_DIS_OPTIONAL(std::string, DwsTableColumns, dwsTableColumns_)
  DELIVERY_DIS_OPTIONAL(Options, Options, options_)

 private:
  std::string dwsClusterName_, dwsClusterId_, dwsDatabaseName_, dwsSchema_, dwsTableName_;
  std::optional<DwsDelimiter> dwsDelimiter_;
  std::string userName_, userPassword_, kmsUserKeyName_, kmsUserKeyId_, obsBucketPath_;
  std::optional<std::string> filePrefix_;
  std::optional<int> retryDuration_;
  std::optional<std::string> dwsTableColumns_;
  std::optional<Options> options_;
};

// ---- CloudTable -----------------------------------------------------------------------------------

struct RowKey {
  std::string value;  ///< the JSON attribute holding the key part
  CloudtableDataType type = CloudtableDataType::String;
};

struct CloudtableColumn {
  std::string columnFamilyName;
  std::string columnName;  ///< 1..32 letters, digits and '_'
  std::string value;       ///< the JSON attribute holding the value
  CloudtableDataType type = CloudtableDataType::String;
};

/// HBase schema: row key parts (1..64) and columns (1..4096).
struct CloudtableSchema {
  std::vector<RowKey> rowKey;
  std::vector<CloudtableColumn> columns;
};

struct OpenTsdbMetric {
  OpenTsdbMetricType type = OpenTsdbMetricType::Constant;
  std::string value;  ///< 1..32 letters, digits and '.'
};

struct OpenTsdbTimestamp {
  OpenTsdbTimestampType type = OpenTsdbTimestampType::Timestamp;
  std::string value;
  std::optional<TimestampFormat> format;  ///< required when type is String
};

struct OpenTsdbValue {
  CloudtableDataType type = CloudtableDataType::Double;
  std::string value;
};

struct OpenTsdbTag {
  std::string name;
  CloudtableDataType type = CloudtableDataType::String;
  std::string value;
};

struct OpenTsdbSchema {
  std::vector<OpenTsdbMetric> metric;
  OpenTsdbTimestamp timestamp;
  OpenTsdbValue value;
  std::vector<OpenTsdbTag> tags;
};

class CloudtableDestinationDescriptor : public DestinationDescriptorBase<CloudtableDestinationDescriptor> {
 public:
  using Self = CloudtableDestinationDescriptor;
  DELIVERY_DIS_FIELD(std::string, CloudtableClusterName, cloudtableClusterName_)
  DELIVERY_DIS_FIELD(std::string, CloudtableClusterId, cloudtableClusterId_)
  /// Required with an HBase schema.
  DELIVERY_DIS_OPTIONAL(std::string, CloudtableTableName, cloudtableTableName_)
  /// Exactly one of the HBase schema and the OpenTSDB schemas.
  DELIVERY_DIS_OPTIONAL(CloudtableSchema, CloudtableSchema, cloudtableSchema_)
  DELIVERY_DIS_OPTIONAL(std::vector<OpenTsdbSchema>, OpenTsdbSchema, openTsdbSchema_)
  DELIVERY_DIS_OPTIONAL(RowKeyDelimiter, CloudtableRowKeyDelimiter, rowKeyDelimiter_)
  DELIVERY_DIS_OPTIONAL(std::string, ObsBackupBucketPath, obsBackupBucketPath_)
  /// At most 50 letters, digits and '_'.
  DELIVERY_DIS_OPTIONAL(std::string, BackupFilePrefix, backupFilePrefix_)
  DELIVERY_DIS_OPTIONAL(int, RetryDuration, retryDuration_)

 private:
  std::string cloudtableClusterName_, cloudtableClusterId_;
  std::optional<std::string> cloudtableTableName_;
  std::optional<CloudtableSchema> cloudtableSchema_;
  std::optional<std::vector<OpenTsdbSchema>> openTsdbSchema_;
  std::optional<RowKeyDelimiter> rowKeyDelimiter_;
  std::optional<std::string> obsBackupBucketPath_, backupFilePrefix_;
  std::optional<int> retryDuration_;
};

#undef DELIVERY_DIS_FIELD
#undef DELIVERY_DIS_OPTIONAL

/// One of the five descriptors; the destination type follows from which one it holds.
using DestinationDescriptor = std::variant<ObsDestinationDescriptor, MrsDestinationDescriptor, DliDestinationDescriptor,
                                           DWSDestinationDescriptor, CloudtableDestinationDescriptor>;

DestinationType destinationTypeOf(const DestinationDescriptor& descriptor) noexcept;

/// Every violated rule of a descriptor; `path` prefixes the field paths.
std::vector<FieldViolation> validate(const DestinationDescriptor& descriptor, const std::string& path);

// ---- requests -------------------------------------------------------------------------------------

/// What create and update send: the stream and one destination descriptor. The setters return the
/// request's own type, so calls chain on either request.
template <typename Self>
class TransferTaskBodyBase {
 public:
  TransferTaskBodyBase() = default;
  TransferTaskBodyBase(std::string streamName, DestinationDescriptor descriptor)
      : streamName_(std::move(streamName)), descriptor_(std::move(descriptor)) {}

  /// At most 60 characters.
  const std::string& getStreamName() const noexcept { return streamName_; }
  Self& setStreamName(std::string v) {
    streamName_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  const std::optional<DestinationDescriptor>& getDescriptor() const noexcept { return descriptor_; }
  Self& setDescriptor(DestinationDescriptor v) {
    descriptor_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  /// The descriptor's destination; OBS when none is set.
  DestinationType getDestinationType() const noexcept {
    return descriptor_ ? destinationTypeOf(*descriptor_) : DestinationType::OBS;
  }

  Result<void> validate() const;
  /// The JSON body with secrets replaced by "<redacted>", for logs and debugging.
  std::string toString() const;

 private:
  std::string streamName_;
  std::optional<DestinationDescriptor> descriptor_;
};

/// POST .../streams/{stream_name}/transfer-tasks: adds a task for any destination.
class CreateTransferTaskRequest : public TransferTaskBodyBase<CreateTransferTaskRequest> {
 public:
  using TransferTaskBodyBase::TransferTaskBodyBase;
};

/// PUT .../streams/{stream_name}/transfer-tasks: replaces a task's settings (same body as create).
/// A distinct type: it cannot be passed where a create is expected, nor the other way round.
class UpdateTransferTaskRequest : public TransferTaskBodyBase<UpdateTransferTaskRequest> {
 public:
  using TransferTaskBodyBase::TransferTaskBodyBase;
};

extern template class TransferTaskBodyBase<CreateTransferTaskRequest>;
extern template class TransferTaskBodyBase<UpdateTransferTaskRequest>;

class ListTransferTasksRequest {
 public:
  ListTransferTasksRequest() = default;
  explicit ListTransferTasksRequest(std::string streamName) : streamName_(std::move(streamName)) {}
  const std::string& getStreamName() const noexcept { return streamName_; }
  ListTransferTasksRequest& setStreamName(std::string v) {
    streamName_ = std::move(v);
    return *this;
  }
  Result<void> validate() const;

 private:
  std::string streamName_;
};

/// Show and delete address a task by stream and task name.
template <typename Self>
class TransferTaskRequestBase {
 public:
  TransferTaskRequestBase() = default;
  TransferTaskRequestBase(std::string streamName, std::string taskName)
      : streamName_(std::move(streamName)), taskName_(std::move(taskName)) {}
  const std::string& getStreamName() const noexcept { return streamName_; }
  Self& setStreamName(std::string v) {
    streamName_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  const std::string& getTaskName() const noexcept { return taskName_; }
  Self& setTaskName(std::string v) {
    taskName_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  Result<void> validate() const;

 private:
  std::string streamName_;
  std::string taskName_;
};

class ShowTransferTaskRequest : public TransferTaskRequestBase<ShowTransferTaskRequest> {
 public:
  using TransferTaskRequestBase::TransferTaskRequestBase;
};
class DeleteTransferTaskRequest : public TransferTaskRequestBase<DeleteTransferTaskRequest> {
 public:
  using TransferTaskRequestBase::TransferTaskRequestBase;
};
extern template class TransferTaskRequestBase<ShowTransferTaskRequest>;
extern template class TransferTaskRequestBase<DeleteTransferTaskRequest>;

/// POST .../transfer-tasks/action with "start" or "stop": tasks are named by id (from list/show).
template <typename Self>
class BatchTransferTaskRequestBase {
 public:
  BatchTransferTaskRequestBase() = default;
  BatchTransferTaskRequestBase(std::string streamName, std::vector<std::string> taskIds)
      : streamName_(std::move(streamName)), taskIds_(std::move(taskIds)) {}
  const std::string& getStreamName() const noexcept { return streamName_; }
  Self& setStreamName(std::string v) {
    streamName_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  const std::vector<std::string>& getTaskIds() const noexcept { return taskIds_; }
  Self& addTaskId(std::string id) {
    taskIds_.push_back(std::move(id));
    return static_cast<Self&>(*this);
  }
  Result<void> validate() const;

 private:
  std::string streamName_;
  std::vector<std::string> taskIds_;
};

class BatchStartTransferTaskRequest : public BatchTransferTaskRequestBase<BatchStartTransferTaskRequest> {
 public:
  using BatchTransferTaskRequestBase::BatchTransferTaskRequestBase;
};
class BatchStopTransferTaskRequest : public BatchTransferTaskRequestBase<BatchStopTransferTaskRequest> {
 public:
  using BatchTransferTaskRequestBase::BatchTransferTaskRequestBase;
};
extern template class BatchTransferTaskRequestBase<BatchStartTransferTaskRequest>;
extern template class BatchTransferTaskRequestBase<BatchStopTransferTaskRequest>;

// ---- responses ------------------------------------------------------------------------------------

using DisResponse = huawei::HuaweiResponse;

class CreateTransferTaskResponse : public DisResponse {};
class UpdateTransferTaskResponse : public DisResponse {};
class DeleteTransferTaskResponse : public DisResponse {};
class BatchStartTransferTaskResponse : public DisResponse {};
class BatchStopTransferTaskResponse : public DisResponse {};

/// One task in a list.
struct TransferTask {
  std::string taskId;  ///< needed for batch start/stop
  std::string taskName;
  TransferTaskState state = TransferTaskState::Unknown;
  std::string stateText;  ///< the state as the service sent it
  std::string destinationType;
  std::int64_t createTime = 0;             ///< ms since the epoch
  std::int64_t lastTransferTimestamp = 0;  ///< ms since the epoch
};

class ListTransferTasksResponse : public DisResponse {
 public:
  std::int64_t getTotalNumber() const noexcept { return totalNumber_; }
  std::int64_t getQuota() const noexcept { return quota_; }
  const std::vector<TransferTask>& getTasks() const noexcept { return tasks_; }
  void setTotalNumber(std::int64_t v) { totalNumber_ = v; }
  void setQuota(std::int64_t v) { quota_ = v; }
  void setTasks(std::vector<TransferTask> v) { tasks_ = std::move(v); }

 private:
  std::int64_t totalNumber_ = 0;
  std::int64_t quota_ = 0;
  std::vector<TransferTask> tasks_;
};

/// One partition of a task, as show reports it (fields from both the API model and its example).
struct PartitionResult {
  std::string partitionId;
  std::string status;  ///< "status" or "state"
  std::string hashRange;
  std::string sequenceNumberRange;
  std::string parentPartitions;
  std::optional<std::int64_t> discard;
  std::optional<std::int64_t> lastTransferTimestamp;
  std::optional<std::int64_t> lastTransferOffset;
};

class ShowTransferTaskResponse : public DisResponse {
 public:
  const TransferTask& getTask() const noexcept { return task_; }
  const std::string& getStreamName() const noexcept { return streamName_; }
  const std::vector<PartitionResult>& getPartitions() const noexcept { return partitions_; }
  /// The destination's settings as the service echoes them (from "<type>_destination_description"
  /// or the misspelled "<type>_destination_descripton"), when present and readable.
  const std::optional<DestinationDescriptor>& getDescription() const noexcept { return description_; }

  void setTask(TransferTask v) { task_ = std::move(v); }
  void setStreamName(std::string v) { streamName_ = std::move(v); }
  void setPartitions(std::vector<PartitionResult> v) { partitions_ = std::move(v); }
  void setDescription(std::optional<DestinationDescriptor> v) { description_ = std::move(v); }

 private:
  TransferTask task_;
  std::string streamName_;
  std::vector<PartitionResult> partitions_;
  std::optional<DestinationDescriptor> description_;
};

}  // namespace delivery::dis
