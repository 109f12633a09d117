#pragma once
// Huawei Cloud DMS for Kafka: dump ("sink") tasks to OBS, and enabling the dump connector.
// JSON names follow the API (POST /v2/{project_id}/connectors/{connector_id}/sink-tasks ...);
// class names follow the vendor SDKs (ObsDestinationDescriptor, CreateSinkTaskRequest...).
//
// validate() reports every violated rule at once with its field path (rules and sources in
// src/kafka/validation.cc). Where the vendor documents disagree, this SDK chooses:
//
// - destination_file_type: the English page says "text"/TXT, the Go SDK's enum and the published
//   example send "TEXT". "TEXT" is sent.
// - Which fields are always sent follows the Go v3 model
//   (huaweicloud-sdk-go-v3 services/kafka/v2/model/model_obs_destination_descriptor.go): topics,
//   consumer_strategy, destination_file_type, access_key, secret_key, obs_bucket_name and
//   deliver_time_interval are plain fields there, always written; topics_regex, obs_path,
//   partition_format and record_delimiter are pointers with omitempty.
// - partition_format: mandatory in the Chinese page, optional in the English page (seed 003) and in
//   the Go model (a pointer with omitempty, as is the Python model's). Optional here; omitted when unset.
// - obs_path: "at most 50 letters, digits, '_' and '/'" (English page), yet the same page's example
//   sends "obsTransfer-1122976956"; the Chinese page and the model allow 64 characters and '-'.
//   At most 64 of letters, digits, '_', '-' and '/' is accepted.
// - topics / topics_regex: exactly one is set. topics is mandatory in the API tables and always
//   sent, as "" when only topics_regex is set (what the Go model sends); topics_regex is sent when
//   set. A regex of ".*" is rejected, as documented.
// - task_name has no documented pattern: it must be non-empty printable UTF-8 of at most 255 bytes.
// - Bounds where no document gives one (README, "Input bounds"): every string must be valid UTF-8;
//   topics and topics_regex at most 65536 bytes, access_key and secret_key at most 256, spec_code
//   at most 256. node_cnt is 2..16: "at least 2" (CreateConnectorReq) and at most the 16 connector
//   nodes an instance runs (connector_node_num, specs/huawei-more.md §1.2).
//
// Secrets: access_key and secret_key never appear in toString(), logs or errors.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "delivery/core/result.h"
#include "delivery/huawei/common.h"

namespace delivery::kafka {

enum class ConsumerStrategy { latest, earliest };
enum class DestinationFileType { TEXT };
using huawei::PartitionFormat;
enum class RecordDelimiter { COMMA, SEMICOLON, PIPE, NEWLINE, NONE };  // "," ";" "|" "\n" "NULL"
/// Connector bandwidth of old-specification instances.
enum class ConnectorSpecification { MB100, MB300, MB600, MB1200 };  // "100MB" ... "1200MB"

const char* toString(ConsumerStrategy v) noexcept;
const char* toString(DestinationFileType v) noexcept;
using huawei::toString;
const char* toString(RecordDelimiter v) noexcept;
const char* toString(ConnectorSpecification v) noexcept;

/// Where and how a sink task writes to OBS.
class ObsDestinationDescriptor {
 public:
  /// Comma-separated topic names. Exactly one of topics and topicsRegex; topics is always sent
  /// ("" when only topicsRegex is set).
  const std::optional<std::string>& getTopics() const noexcept { return topics_; }
  ObsDestinationDescriptor& setTopics(std::string v) {
    topics_ = std::move(v);
    return *this;
  }
  const std::optional<std::string>& getTopicsRegex() const noexcept { return topicsRegex_; }
  ObsDestinationDescriptor& setTopicsRegex(std::string v) {
    topicsRegex_ = std::move(v);
    return *this;
  }
  /// latest unless set; always sent.
  ConsumerStrategy getConsumerStrategy() const noexcept { return consumerStrategy_; }
  ObsDestinationDescriptor& setConsumerStrategy(ConsumerStrategy v) {
    consumerStrategy_ = v;
    return *this;
  }
  DestinationFileType getDestinationFileType() const noexcept { return destinationFileType_; }
  ObsDestinationDescriptor& setDestinationFileType(DestinationFileType v) {
    destinationFileType_ = v;
    return *this;
  }
  /// The AK/SK the connector writes OBS with. Secrets: never printed.
  const std::string& getAccessKey() const noexcept { return accessKey_; }
  ObsDestinationDescriptor& setAccessKey(std::string v) {
    accessKey_ = std::move(v);
    return *this;
  }
  const std::string& getSecretKey() const noexcept { return secretKey_; }
  ObsDestinationDescriptor& setSecretKey(std::string v) {
    secretKey_ = std::move(v);
    return *this;
  }
  const std::string& getObsBucketName() const noexcept { return obsBucketName_; }
  ObsDestinationDescriptor& setObsBucketName(std::string v) {
    obsBucketName_ = std::move(v);
    return *this;
  }
  const std::optional<std::string>& getObsPath() const noexcept { return obsPath_; }
  ObsDestinationDescriptor& setObsPath(std::string v) {
    obsPath_ = std::move(v);
    return *this;
  }
  /// Time directories (GMT+8) under the OBS path.
  const std::optional<PartitionFormat>& getPartitionFormat() const noexcept { return partitionFormat_; }
  ObsDestinationDescriptor& setPartitionFormat(PartitionFormat v) {
    partitionFormat_ = v;
    return *this;
  }
  /// The service's default is "\n".
  const std::optional<RecordDelimiter>& getRecordDelimiter() const noexcept { return recordDelimiter_; }
  ObsDestinationDescriptor& setRecordDelimiter(RecordDelimiter v) {
    recordDelimiter_ = v;
    return *this;
  }
  /// Seconds between dumps, 30..900; 300 unless set. Always sent.
  int getDeliverTimeInterval() const noexcept { return deliverTimeInterval_; }
  ObsDestinationDescriptor& setDeliverTimeInterval(int v) {
    deliverTimeInterval_ = v;
    return *this;
  }

  std::vector<FieldViolation> validate(const std::string& path = "obs_destination_descriptor") const;

 private:
  std::optional<std::string> topics_;
  std::optional<std::string> topicsRegex_;
  ConsumerStrategy consumerStrategy_ = ConsumerStrategy::latest;
  DestinationFileType destinationFileType_ = DestinationFileType::TEXT;
  std::string accessKey_;
  std::string secretKey_;
  std::string obsBucketName_;
  std::optional<std::string> obsPath_;
  std::optional<PartitionFormat> partitionFormat_;
  std::optional<RecordDelimiter> recordDelimiter_;
  int deliverTimeInterval_ = 300;
};

// ---- requests -------------------------------------------------------------------------------------

/// POST /v2/{project_id}/connectors/{connector_id}/sink-tasks. source_type BLOB and
/// destination_type OBS are the only values the service knows, and are always sent.
class CreateSinkTaskRequest {
 public:
  CreateSinkTaskRequest() = default;
  CreateSinkTaskRequest(std::string connectorId, std::string taskName, ObsDestinationDescriptor descriptor)
      : connectorId_(std::move(connectorId)), taskName_(std::move(taskName)), descriptor_(std::move(descriptor)) {}

  const std::string& getConnectorId() const noexcept { return connectorId_; }
  CreateSinkTaskRequest& setConnectorId(std::string v) {
    connectorId_ = std::move(v);
    return *this;
  }
  const std::string& getTaskName() const noexcept { return taskName_; }
  CreateSinkTaskRequest& setTaskName(std::string v) {
    taskName_ = std::move(v);
    return *this;
  }
  const ObsDestinationDescriptor& getObsDestinationDescriptor() const noexcept { return descriptor_; }
  CreateSinkTaskRequest& setObsDestinationDescriptor(ObsDestinationDescriptor v) {
    descriptor_ = std::move(v);
    return *this;
  }
  static constexpr const char* kSourceType = "BLOB";
  static constexpr const char* kDestinationType = "OBS";

  Result<void> validate() const;
  /// The JSON body with access_key and secret_key replaced by "<redacted>".
  std::string toString() const;

 private:
  std::string connectorId_;
  std::string taskName_;
  ObsDestinationDescriptor descriptor_;
};

class ListSinkTasksRequest {
 public:
  ListSinkTasksRequest() = default;
  explicit ListSinkTasksRequest(std::string connectorId) : connectorId_(std::move(connectorId)) {}
  const std::string& getConnectorId() const noexcept { return connectorId_; }
  ListSinkTasksRequest& setConnectorId(std::string v) {
    connectorId_ = std::move(v);
    return *this;
  }
  Result<void> validate() const;

 private:
  std::string connectorId_;
};

/// GET .../sink-tasks/{task_id}[?topic-info=true]
class ShowSinkTaskRequest {
 public:
  ShowSinkTaskRequest() = default;
  ShowSinkTaskRequest(std::string connectorId, std::string taskId)
      : connectorId_(std::move(connectorId)), taskId_(std::move(taskId)) {}
  const std::string& getConnectorId() const noexcept { return connectorId_; }
  ShowSinkTaskRequest& setConnectorId(std::string v) {
    connectorId_ = std::move(v);
    return *this;
  }
  const std::string& getTaskId() const noexcept { return taskId_; }
  ShowSinkTaskRequest& setTaskId(std::string v) {
    taskId_ = std::move(v);
    return *this;
  }
  /// Ask for per-topic partitions and offsets (query topic-info=true). Unset: not sent.
  const std::optional<bool>& getTopicInfo() const noexcept { return topicInfo_; }
  ShowSinkTaskRequest& setTopicInfo(bool v) {
    topicInfo_ = v;
    return *this;
  }
  Result<void> validate() const;

 private:
  std::string connectorId_;
  std::string taskId_;
  std::optional<bool> topicInfo_;
};

class DeleteSinkTaskRequest {
 public:
  DeleteSinkTaskRequest() = default;
  DeleteSinkTaskRequest(std::string connectorId, std::string taskId)
      : connectorId_(std::move(connectorId)), taskId_(std::move(taskId)) {}
  const std::string& getConnectorId() const noexcept { return connectorId_; }
  DeleteSinkTaskRequest& setConnectorId(std::string v) {
    connectorId_ = std::move(v);
    return *this;
  }
  const std::string& getTaskId() const noexcept { return taskId_; }
  DeleteSinkTaskRequest& setTaskId(std::string v) {
    taskId_ = std::move(v);
    return *this;
  }
  Result<void> validate() const;

 private:
  std::string connectorId_;
  std::string taskId_;
};

/// node_cnt bounds: "at least 2" (CreateConnectorReq); an instance runs at most 16 connector nodes
/// (connector_node_num of the instance, 2..16).
inline constexpr int kMinNodeCnt = 2;
inline constexpr int kMaxNodeCnt = 16;
/// spec_code has no documented length; codes look like "kafka.c3.mini.connector".
inline constexpr std::size_t kMaxSpecCodeBytes = 256;

/// POST /v2/{project_id}/instances/{instance_id}/connector: enables dumping (Smart Connect) on an
/// instance. Every body field is optional; specification and spec_code apply to old-spec instances.
class CreateConnectorRequest {
 public:
  CreateConnectorRequest() = default;
  explicit CreateConnectorRequest(std::string instanceId) : instanceId_(std::move(instanceId)) {}
  const std::string& getInstanceId() const noexcept { return instanceId_; }
  CreateConnectorRequest& setInstanceId(std::string v) {
    instanceId_ = std::move(v);
    return *this;
  }
  const std::optional<ConnectorSpecification>& getSpecification() const noexcept { return specification_; }
  CreateConnectorRequest& setSpecification(ConnectorSpecification v) {
    specification_ = v;
    return *this;
  }
  /// Connector nodes, kMinNodeCnt..kMaxNodeCnt (sent as a string, as the API types it).
  const std::optional<int>& getNodeCnt() const noexcept { return nodeCnt_; }
  CreateConnectorRequest& setNodeCnt(int v) {
    nodeCnt_ = v;
    return *this;
  }
  const std::optional<std::string>& getSpecCode() const noexcept { return specCode_; }
  CreateConnectorRequest& setSpecCode(std::string v) {
    specCode_ = std::move(v);
    return *this;
  }
  Result<void> validate() const;

 private:
  std::string instanceId_;
  std::optional<ConnectorSpecification> specification_;
  std::optional<int> nodeCnt_;
  std::optional<std::string> specCode_;
};

// ---- responses ------------------------------------------------------------------------------------

using KafkaResponse = huawei::HuaweiResponse;

class CreateSinkTaskResponse : public KafkaResponse {
 public:
  const std::string& getTaskId() const noexcept { return taskId_; }
  void setTaskId(std::string v) { taskId_ = std::move(v); }

 private:
  std::string taskId_;
};

class DeleteSinkTaskResponse : public KafkaResponse {};

class CreateConnectorResponse : public KafkaResponse {
 public:
  const std::string& getJobId() const noexcept { return jobId_; }
  const std::string& getConnectorId() const noexcept { return connectorId_; }
  void setJobId(std::string v) { jobId_ = std::move(v); }
  void setConnectorId(std::string v) { connectorId_ = std::move(v); }

 private:
  std::string jobId_;
  std::string connectorId_;
};

struct SinkTask {
  std::string taskId;
  std::string taskName;
  std::string destinationType;
  std::int64_t createTime = 0;
  std::string status;
  std::string topics;
};

class ListSinkTasksResponse : public KafkaResponse {
 public:
  const std::vector<SinkTask>& getTasks() const noexcept { return tasks_; }
  std::int64_t getTotalNumber() const noexcept { return totalNumber_; }
  std::int64_t getMaxTasks() const noexcept { return maxTasks_; }
  std::int64_t getQuotaTasks() const noexcept { return quotaTasks_; }
  void setTasks(std::vector<SinkTask> v) { tasks_ = std::move(v); }
  void setTotalNumber(std::int64_t v) { totalNumber_ = v; }
  void setMaxTasks(std::int64_t v) { maxTasks_ = v; }
  void setQuotaTasks(std::int64_t v) { quotaTasks_ = v; }

 private:
  std::vector<SinkTask> tasks_;
  std::int64_t totalNumber_ = 0, maxTasks_ = 0, quotaTasks_ = 0;
};

/// The descriptor as show returns it: the service does not echo the AK/SK.
struct ObsDestinationDescription {
  std::string consumerStrategy;
  std::string destinationFileType;
  std::string obsBucketName;
  std::string obsPath;
  std::string partitionFormat;
  std::string recordDelimiter;
  std::int64_t deliverTimeInterval = 0;
  std::int64_t obsPartSize = 0;
};

struct TopicPartitionInfo {
  std::string partitionId;
  std::string status;
  std::string lastTransferOffset;
  std::string logEndOffset;
  std::string lag;
};

struct TopicInfo {
  std::string topic;
  std::vector<TopicPartitionInfo> partitions;
};

class ShowSinkTaskResponse : public KafkaResponse {
 public:
  const SinkTask& getTask() const noexcept { return task_; }
  const std::optional<ObsDestinationDescription>& getObsDestinationDescriptor() const noexcept { return descriptor_; }
  /// Present when the request asked for topic info.
  const std::vector<TopicInfo>& getTopicsInfo() const noexcept { return topicsInfo_; }
  void setTask(SinkTask v) { task_ = std::move(v); }
  void setObsDestinationDescriptor(std::optional<ObsDestinationDescription> v) { descriptor_ = std::move(v); }
  void setTopicsInfo(std::vector<TopicInfo> v) { topicsInfo_ = std::move(v); }

 private:
  SinkTask task_;
  std::optional<ObsDestinationDescription> descriptor_;
  std::vector<TopicInfo> topicsInfo_;
};

}  // namespace delivery::kafka
