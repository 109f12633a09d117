#pragma once

#include "delivery/export.h"
// Huawei Cloud DMS for Kafka: dump ("sink") tasks to OBS, and enabling the dump connector.
// JSON names follow the API (POST /v2/{project_id}/connectors/{connector_id}/sink-tasks ...);
// class names follow the vendor SDKs (ObsDestinationDescriptor, CreateSinkTaskRequest...).
//
// Each message is one field table (DELIVERY_MESSAGE): accessors, JSON and simple rules follow it;
// rules that tie fields together are hand-written in src/kafka/validation.cc, with their sources.
// validate() reports every violated rule at once with its field path: wire names joined by '.',
// URL parameters by their API names (connector_id, task_id, instance_id). Where the vendor documents disagree, this SDK chooses:
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

#include "delivery/core/message.h"
#include "delivery/core/result.h"
#include "delivery/huawei/common.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

// Enumerators follow the Java SDK's constants (huaweicloud-sdk-java-v3 services/kafka v2 model).

/// ObsDestinationDescriptor.ConsumerStrategyEnum.
#define DELIVERY_KAFKA_CONSUMER_STRATEGY(X) \
  X(LATEST, "latest")                       \
  X(EARLIEST, "earliest")
/// Where a new sink task starts reading its topics: latest or earliest.
DELIVERY_ENUM(ConsumerStrategy, DELIVERY_KAFKA_CONSUMER_STRATEGY)

/// ObsDestinationDescriptor.DestinationFileTypeEnum.
#define DELIVERY_KAFKA_DESTINATION_FILE_TYPE(X) X(TEXT, "TEXT")
/// File format of a sink task's dump: TEXT only.
DELIVERY_ENUM(DestinationFileType, DELIVERY_KAFKA_DESTINATION_FILE_TYPE)

using huawei::PartitionFormat;

/// record_delimiter: a plain String in the Java SDK, so no constants to follow, and its wire values
/// ("," ";" "|" "\n" "NULL") are not identifiers (NULL is a C macro): the names say the character.
#define DELIVERY_KAFKA_RECORD_DELIMITER(X) \
  X(COMMA, ",")                            \
  X(SEMICOLON, ";")                        \
  X(PIPE, "|")                             \
  X(NEWLINE, "\n")                         \
  X(NONE, "NULL")
/// record_delimiter between dumped records: ',', ';', '|', a newline, or NULL (none).
DELIVERY_ENUM(RecordDelimiter, DELIVERY_KAFKA_RECORD_DELIMITER)

/// Connector bandwidth of old-specification instances: CreateConnectorReq.SpecificationEnum.
#define DELIVERY_KAFKA_CONNECTOR_SPECIFICATION(X) \
  X(_100MB, "100MB")                              \
  X(_300MB, "300MB")                              \
  X(_600MB, "600MB")                              \
  X(_1200MB, "1200MB")
/// Specification of a connector on an old-spec instance (100MB to 1200MB).
DELIVERY_ENUM(ConnectorSpecification, DELIVERY_KAFKA_CONNECTOR_SPECIFICATION)

/// CreateSinkTaskReq.SourceTypeEnum: the only source the service knows.
#define DELIVERY_KAFKA_SOURCE_TYPE(X) X(BLOB, "BLOB")
/// source_type of a sink task: BLOB, the only value the service knows.
DELIVERY_ENUM(SourceType, DELIVERY_KAFKA_SOURCE_TYPE)

/// CreateSinkTaskReq.DestinationTypeEnum: the only destination the service knows.
#define DELIVERY_KAFKA_DESTINATION_TYPE(X) X(OBS, "OBS")
/// destination_type of a sink task: OBS, the only value the service knows.
DELIVERY_ENUM(DestinationType, DELIVERY_KAFKA_DESTINATION_TYPE)

using huawei::toString;

namespace detail {
/// Every path and id in a URL: 1 to 64 letters, digits, '-' and '_'.
inline constexpr ::delivery::field::Rule kIdentifier =
    ::delivery::field::text(1, 64)
        .chars(::delivery::field::kNameChars, "must be at most 64 letters, digits, '-' and '_'")
        .urlParameter();
/// Strings with a bound of our own (README "Input bounds"): valid UTF-8, at most 256 bytes.
inline constexpr std::size_t kMaxKeyBytes = 256;
// Hand-written shapes of single fields (src/kafka/validation.cc), named in the tables below.
// Internal: the SDK's validation calls them.
void taskName(const std::string&, const ::delivery::detail::Path&, std::vector<FieldViolation>&);
void obsBucketName(const std::string&, const ::delivery::detail::Path&, std::vector<FieldViolation>&);
void obsPath(const std::string&, const ::delivery::detail::Path&, std::vector<FieldViolation>&);
}  // namespace detail

/// Where and how a sink task writes to OBS.
///
/// - topics: comma-separated topic names. Exactly one of topics and topics_regex; topics is always
///   sent ("" when only topics_regex is set).
/// - consumer_strategy: LATEST unless set; always sent.
/// - access_key, secret_key: the AK/SK the connector writes OBS with. Secrets: never printed.
/// - partition_format: time directories (GMT+8) under the OBS path.
/// - record_delimiter: the service's default is "\n".
/// - deliver_time_interval: seconds between dumps, 30..900; 300 unless set. Always sent.
#define DELIVERY_KAFKA_OBS_DESTINATION_DESCRIPTOR_FIELDS(X)                                                      \
  X(OPTIONAL, std::string, Topics, "topics", , ::delivery::field::any().sentEmptyWhenUnset())                    \
  X(OPTIONAL, std::string, TopicsRegex, "topics_regex", , ::delivery::field::any())                             \
  X(VALUE, ConsumerStrategy, ConsumerStrategy, "consumer_strategy", = ConsumerStrategy::LATEST,                   \
    ::delivery::field::any().message("must be latest or earliest"))                                              \
  X(VALUE, DestinationFileType, DestinationFileType, "destination_file_type", = DestinationFileType::TEXT,        \
    ::delivery::field::any().message("must be TEXT"))                                                            \
  X(VALUE, std::string, AccessKey, "access_key", , ::delivery::field::text(1, detail::kMaxKeyBytes).hidden())   \
  X(VALUE, std::string, SecretKey, "secret_key", , ::delivery::field::text(1, detail::kMaxKeyBytes).hidden())   \
  X(VALUE, std::string, ObsBucketName, "obs_bucket_name", ,                                                     \
    ::delivery::field::required().checkedBy(detail::obsBucketName))                                             \
  X(OPTIONAL, std::string, ObsPath, "obs_path", , ::delivery::field::any().checkedBy(detail::obsPath))           \
  X(OPTIONAL, PartitionFormat, PartitionFormat, "partition_format", , ::delivery::field::any())                  \
  X(OPTIONAL, RecordDelimiter, RecordDelimiter, "record_delimiter", , ::delivery::field::any())                  \
  X(VALUE, int, DeliverTimeInterval, "deliver_time_interval", = 300, ::delivery::field::range(30, 900))

/// Where and how a sink task writes to OBS: topics, bucket, path, formats, AK/SK (secrets).
class ObsDestinationDescriptor {
  DELIVERY_MESSAGE(ObsDestinationDescriptor, DELIVERY_KAFKA_OBS_DESTINATION_DESCRIPTOR_FIELDS)

  /// Every violated rule, with paths under `path`.
  DELIVERY_API std::vector<FieldViolation> validate(const std::string& path = "obs_destination_descriptor") const;
};

// ---- requests -------------------------------------------------------------------------------------

/// POST /v2/{project_id}/connectors/{connector_id}/sink-tasks. source_type BLOB and
/// destination_type OBS are the only values the service knows, and are always sent.
#define DELIVERY_KAFKA_CREATE_SINK_TASK_FIELDS(X)                                                                \
  X(VALUE, std::string, ConnectorId, "connector_id", , detail::kIdentifier)                                     \
  X(READ, SourceType, SourceType, "source_type", = SourceType::BLOB, ::delivery::field::any())                  \
  X(VALUE, std::string, TaskName, "task_name", , ::delivery::field::required().checkedBy(detail::taskName))     \
  X(READ, DestinationType, DestinationType, "destination_type", = DestinationType::OBS, ::delivery::field::any()) \
  X(VALUE, ObsDestinationDescriptor, ObsDestinationDescriptor, "obs_destination_descriptor", ,                   \
    ::delivery::field::any())

/// Creates a sink task (Kafka topics to OBS) on a connector.
class CreateSinkTaskRequest {
  DELIVERY_MESSAGE(CreateSinkTaskRequest, DELIVERY_KAFKA_CREATE_SINK_TASK_FIELDS)

  CreateSinkTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  CreateSinkTaskRequest(std::string connectorId, std::string taskName, ObsDestinationDescriptor descriptor)
      : ConnectorId_(std::move(connectorId)), TaskName_(std::move(taskName)), ObsDestinationDescriptor_(std::move(descriptor)) {}

  /// source_type, always sent: the only value the service knows.
  static constexpr const char* kSourceType = "BLOB";
  /// destination_type, always sent: the only value the service knows.
  static constexpr const char* kDestinationType = "OBS";

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
  /// The JSON body with access_key and secret_key replaced by "<redacted>".
  DELIVERY_API std::string toString() const;
};

/// GET .../connectors/{connector_id}/sink-tasks
#define DELIVERY_KAFKA_LIST_SINK_TASKS_FIELDS(X) \
  X(VALUE, std::string, ConnectorId, "connector_id", , detail::kIdentifier)

/// Lists the sink tasks of a connector.
class ListSinkTasksRequest {
  DELIVERY_MESSAGE(ListSinkTasksRequest, DELIVERY_KAFKA_LIST_SINK_TASKS_FIELDS)

  ListSinkTasksRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit ListSinkTasksRequest(std::string connectorId) : ConnectorId_(std::move(connectorId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// GET .../sink-tasks/{task_id}[?topic-info=true]. topic-info asks for per-topic partitions and
/// offsets; unset: not sent.
#define DELIVERY_KAFKA_SHOW_SINK_TASK_FIELDS(X)                                 \
  X(VALUE, std::string, ConnectorId, "connector_id", , detail::kIdentifier)     \
  X(VALUE, std::string, TaskId, "task_id", , detail::kIdentifier)               \
  X(OPTIONAL, bool, TopicInfo, "topic-info", , ::delivery::field::any().urlParameter())

/// Shows one sink task, optionally with per-topic partitions and offsets (topic-info).
class ShowSinkTaskRequest {
  DELIVERY_MESSAGE(ShowSinkTaskRequest, DELIVERY_KAFKA_SHOW_SINK_TASK_FIELDS)

  ShowSinkTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  ShowSinkTaskRequest(std::string connectorId, std::string taskId)
      : ConnectorId_(std::move(connectorId)), TaskId_(std::move(taskId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// DELETE .../sink-tasks/{task_id}
#define DELIVERY_KAFKA_DELETE_SINK_TASK_FIELDS(X)                           \
  X(VALUE, std::string, ConnectorId, "connector_id", , detail::kIdentifier) \
  X(VALUE, std::string, TaskId, "task_id", , detail::kIdentifier)

/// Deletes one sink task.
class DeleteSinkTaskRequest {
  DELIVERY_MESSAGE(DeleteSinkTaskRequest, DELIVERY_KAFKA_DELETE_SINK_TASK_FIELDS)

  DeleteSinkTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  DeleteSinkTaskRequest(std::string connectorId, std::string taskId)
      : ConnectorId_(std::move(connectorId)), TaskId_(std::move(taskId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// node_cnt bounds: "at least 2" (CreateConnectorReq); an instance runs at most 16 connector nodes
/// (connector_node_num of the instance, 2..16).
inline constexpr int kMinNodeCnt = 2;
/// The most connector nodes (node_cnt) of an instance.
inline constexpr int kMaxNodeCnt = 16;
/// spec_code has no documented length; codes look like "kafka.c3.mini.connector".
inline constexpr std::size_t kMaxSpecCodeBytes = 256;

/// POST /v2/{project_id}/instances/{instance_id}/connector: enables dumping (Smart Connect) on an
/// instance. Every body field is optional; specification and spec_code apply to old-spec instances.
/// node_cnt: connector nodes, kMinNodeCnt..kMaxNodeCnt (sent as a string, as the API types it).
#define DELIVERY_KAFKA_CREATE_CONNECTOR_FIELDS(X)                                                          \
  X(VALUE, std::string, InstanceId, "instance_id", , detail::kIdentifier)                                  \
  X(OPTIONAL, ConnectorSpecification, Specification, "specification", ,                                    \
    ::delivery::field::any().message("must be 100MB, 300MB, 600MB or 1200MB"))                             \
  X(OPTIONAL, int, NodeCnt, "node_cnt", , ::delivery::field::range(kMinNodeCnt, kMaxNodeCnt).asText())     \
  X(OPTIONAL, std::string, SpecCode, "spec_code", , ::delivery::field::text(0, kMaxSpecCodeBytes))

/// Enables dumping (Smart Connect) on a Kafka instance.
class CreateConnectorRequest {
  DELIVERY_MESSAGE(CreateConnectorRequest, DELIVERY_KAFKA_CREATE_CONNECTOR_FIELDS)

  CreateConnectorRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit CreateConnectorRequest(std::string instanceId) : InstanceId_(std::move(instanceId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// POST /v2/{project_id}/kafka/instances/{instance_id}/delete-connector: disables dumping (Smart
/// Connect) on a pay-per-use instance; the service deletes the connector and its tasks in a
/// background job. The body is "{}": the API defines no field, and an empty body is refused
/// (specs/huawei-more.md 1.3).
#define DELIVERY_KAFKA_DELETE_CONNECTOR_FIELDS(X) \
  X(VALUE, std::string, InstanceId, "instance_id", , detail::kIdentifier)

/// Disables dumping (Smart Connect) on a pay-per-use Kafka instance.
class DeleteConnectorRequest {
  DELIVERY_MESSAGE(DeleteConnectorRequest, DELIVERY_KAFKA_DELETE_CONNECTOR_FIELDS)

  DeleteConnectorRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit DeleteConnectorRequest(std::string instanceId) : InstanceId_(std::move(instanceId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

// ---- responses (read-only) ------------------------------------------------------------------------

/// The base of every Kafka response: request id and HTTP status (ResponseMetadata).
using KafkaResponse = huawei::HuaweiResponse;

#define DELIVERY_KAFKA_CREATE_SINK_TASK_RESPONSE_FIELDS(X) \
  X(READ, std::string, TaskId, "task_id", , ::delivery::field::any())

/// The answer to a sink task create: the new task's id.
class CreateSinkTaskResponse : public KafkaResponse {
  DELIVERY_MESSAGE(CreateSinkTaskResponse, DELIVERY_KAFKA_CREATE_SINK_TASK_RESPONSE_FIELDS)
};

/// The answer to a sink task delete: request id and HTTP status only.
class DeleteSinkTaskResponse : public KafkaResponse {};

#define DELIVERY_KAFKA_CREATE_CONNECTOR_RESPONSE_FIELDS(X)       \
  X(READ, std::string, JobId, "job_id", , ::delivery::field::any()) \
  X(READ, std::string, ConnectorId, "connector_id", , ::delivery::field::any())

/// The answer to a connector create: the job id and the connector id.
class CreateConnectorResponse : public KafkaResponse {
  DELIVERY_MESSAGE(CreateConnectorResponse, DELIVERY_KAFKA_CREATE_CONNECTOR_RESPONSE_FIELDS)
};

/// The background job that deletes the connector (GET .../instances/{instance_id}/tasks/{job_id}).
#define DELIVERY_KAFKA_DELETE_CONNECTOR_RESPONSE_FIELDS(X) \
  X(READ, std::string, JobId, "job_id", , ::delivery::field::any())

/// The answer to a connector delete: the id of the background job that deletes it.
class DeleteConnectorResponse : public KafkaResponse {
  DELIVERY_MESSAGE(DeleteConnectorResponse, DELIVERY_KAFKA_DELETE_CONNECTOR_RESPONSE_FIELDS)
};

/// One task as list and show return it.
#define DELIVERY_KAFKA_SINK_TASK_FIELDS(X)                                                   \
  X(READ, std::string, TaskId, "task_id", , ::delivery::field::any())                        \
  X(READ, std::string, TaskName, "task_name", , ::delivery::field::any())                    \
  X(READ, std::string, DestinationType, "destination_type", , ::delivery::field::any())      \
  X(READ, std::int64_t, CreateTime, "create_time", = 0, ::delivery::field::any())            \
  X(READ, std::string, Status, "status", , ::delivery::field::any())                         \
  X(READ, std::string, Topics, "topics", , ::delivery::field::any())

/// One sink task as list and show return it.
class SinkTask {
  DELIVERY_MESSAGE(SinkTask, DELIVERY_KAFKA_SINK_TASK_FIELDS)
};

#define DELIVERY_KAFKA_LIST_SINK_TASKS_RESPONSE_FIELDS(X)                                  \
  X(READ, std::vector<SinkTask>, Tasks, "tasks", , ::delivery::field::any())               \
  X(READ, std::int64_t, TotalNumber, "total_number", = 0, ::delivery::field::any())        \
  X(READ, std::int64_t, MaxTasks, "max_tasks", = 0, ::delivery::field::any())              \
  X(READ, std::int64_t, QuotaTasks, "quota_tasks", = 0, ::delivery::field::any())

/// The sink tasks of a connector, with their count and the quota.
class ListSinkTasksResponse : public KafkaResponse {
  DELIVERY_MESSAGE(ListSinkTasksResponse, DELIVERY_KAFKA_LIST_SINK_TASKS_RESPONSE_FIELDS)
};

/// The descriptor as show returns it: the service does not echo the AK/SK. Values are the
/// service's text (partition_format may be "N/A").
#define DELIVERY_KAFKA_OBS_DESTINATION_DESCRIPTION_FIELDS(X)                                        \
  X(READ, std::string, ConsumerStrategy, "consumer_strategy", , ::delivery::field::any())           \
  X(READ, std::string, DestinationFileType, "destination_file_type", , ::delivery::field::any())    \
  X(READ, std::string, ObsBucketName, "obs_bucket_name", , ::delivery::field::any())                \
  X(READ, std::string, ObsPath, "obs_path", , ::delivery::field::any())                             \
  X(READ, std::string, PartitionFormat, "partition_format", , ::delivery::field::any())             \
  X(READ, std::string, RecordDelimiter, "record_delimiter", , ::delivery::field::any())             \
  X(READ, std::int64_t, DeliverTimeInterval, "deliver_time_interval", = 0, ::delivery::field::any()) \
  X(READ, std::int64_t, ObsPartSize, "obs_part_size", = 0, ::delivery::field::any())

/// A sink task's OBS settings as show returns them (no AK/SK).
class ObsDestinationDescription {
  DELIVERY_MESSAGE(ObsDestinationDescription, DELIVERY_KAFKA_OBS_DESTINATION_DESCRIPTION_FIELDS)
};

/// One partition of a topic (documented as strings; numbers are read as their text).
#define DELIVERY_KAFKA_TOPIC_PARTITION_INFO_FIELDS(X)                                            \
  X(READ, std::string, PartitionId, "partition_id", , ::delivery::field::any().asText())         \
  X(READ, std::string, Status, "status", , ::delivery::field::any().asText())                    \
  X(READ, std::string, LastTransferOffset, "last_transfer_offset", , ::delivery::field::any().asText()) \
  X(READ, std::string, LogEndOffset, "log_end_offset", , ::delivery::field::any().asText())      \
  X(READ, std::string, Lag, "lag", , ::delivery::field::any().asText())

/// One partition of a topic, with its offsets, as show reports it with topic-info.
class TopicPartitionInfo {
  DELIVERY_MESSAGE(TopicPartitionInfo, DELIVERY_KAFKA_TOPIC_PARTITION_INFO_FIELDS)
};

#define DELIVERY_KAFKA_TOPIC_INFO_FIELDS(X)                          \
  X(READ, std::string, Topic, "topic", , ::delivery::field::any()) \
  X(READ, std::vector<TopicPartitionInfo>, Partitions, "partitions", , ::delivery::field::any())

/// One topic of a sink task, with its partitions, as show reports it with topic-info.
class TopicInfo {
  DELIVERY_MESSAGE(TopicInfo, DELIVERY_KAFKA_TOPIC_INFO_FIELDS)
};

/// The task's own fields sit at the top level of the show body, beside the descriptor and the
/// topic info: getTask() (or the SinkTask getters directly) reads them.
#define DELIVERY_KAFKA_SHOW_SINK_TASK_RESPONSE_FIELDS(X)                                                    \
  X(READ_OPTIONAL, ObsDestinationDescription, ObsDestinationDescriptor, "obs_destination_descriptor", ,     \
    ::delivery::field::any())                                                                               \
  X(READ, std::vector<TopicInfo>, TopicsInfo, "topics_info", , ::delivery::field::any())

/// The answer to a sink task show: the task, its OBS settings and, when asked, its topics.
class ShowSinkTaskResponse : public KafkaResponse, public SinkTask {
  DELIVERY_MESSAGE(ShowSinkTaskResponse, DELIVERY_KAFKA_SHOW_SINK_TASK_RESPONSE_FIELDS)

  /// The task's own fields (sent at the top level of the body).
  const SinkTask& getTask() const noexcept { return *this; }
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
