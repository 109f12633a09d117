#pragma once

#include "delivery/export.h"
// Huawei Cloud DMS for Kafka: Smart Connect tasks (the API the service now recommends in place of
// the older sink tasks of delivery/kafka/model.h).
//
//   POST   /v2/{project_id}/instances/{instance_id}/connector/tasks                      createConnectorTask
//   GET    /v2/{project_id}/instances/{instance_id}/connector/tasks[?offset=&limit=]     listConnectorTasks
//   GET    /v2/{project_id}/instances/{instance_id}/connector/tasks/{task_id}            showConnectorTask
//   DELETE /v2/{project_id}/instances/{instance_id}/connector/tasks/{task_id}            deleteConnectorTask
//   PUT    /v2/{project_id}/instances/{instance_id}/connector/tasks/{task_id}/pause      pauseConnectorTask
//   PUT    /v2/{project_id}/instances/{instance_id}/connector/tasks/{task_id}/resume     resumeConnectorTask
//   PUT    /v2/{project_id}/kafka/instances/{instance_id}/connector/tasks/{task_id}/restart  restartConnectorTask
//
// Names and fields follow the Go v3 SDK's models (huaweicloud/huaweicloud-sdk-go-v3
// services/kafka/v2/model/): model_create_smart_connect_task_req.go,
// model_smart_connect_task_req_sink_config.go, model_smart_connect_task_req_source_config.go,
// model_smart_connect_task_entity.go, model_smart_connect_task_resp_sink_config.go,
// model_smart_connect_task_resp_source_config.go, model_create_connector_task_response.go,
// model_list_connector_tasks_response.go; the operations and their methods follow kafka_meta.go
// (GenReqDefForCreateConnectorTask ... GenReqDefForRestartConnectorTask), as restated in
// huawei-more.md §1.1 (K3..K9). Enumerators follow the Java v3 SDK's constants
// (CreateSmartConnectTaskReq.SourceTypeEnum / SinkTypeEnum); the other fields are plain strings
// there, so their enums here spell the wire value in UPPER_SNAKE_CASE.
//
// Where the documents leave a choice (huawei-more.md marks these [UNCONFIRMED]), this SDK chooses:
//
// - Every body field is optional on the wire (Go: all omitempty). This SDK requires what the API
//   reference says is "mandatory when the target/source type is OBS/Kafka", with two exceptions
//   the reference's own examples make: security_protocol and topics are not required for the
//   Kafka replicator (its example sends neither).
// - task_name: optional (Go, API table); when set, 4 to 64 letters, digits, '-' and '_' (the
//   console's rule, the only one documented: OTC DMS user guide "Dumping Kafka Data to OBS").
// - topics / topics_regex: exactly one for an OBS sink (Terraform enforces it); at most one for a
//   replicator.
// - record_delimiter: the API reference's example sends the two characters backslash and 'n'
//   ("\\n" in JSON) for a line break; SmartConnectRecordDelimiter::NEWLINE sends exactly that.
//   Which form the service wants is not confirmed (the older sink-task API sends a real line feed).
// - deliver_time_interval: 300 unless set, always sent; no range is documented for Smart Connect
//   (the older API's 30..900 is not assumed): a positive number of seconds.
// - obs_bucket_name: non-empty, at most 63 bytes. The OBS naming rule is not applied: the API
//   reference's example itself sends "obs_bucket".
// - obs_path: at most 64 of letters, digits, '_', '-' and '/' (as the older sink-task API).
// - instance_id and bootstrap_servers of a replicator source: exactly one ("only one of them");
//   neither, nor topics_mapping (src:dst pairs), may be set to an empty string, which would be
//   sent as "" (the same goes for task_name, topics and topics_regex).
// - Response strings (source_type, sink_type, status and the enum-like fields of the configs) are
//   kept as the service's text: values outside today's enums (REDIS_REPLICATOR_SOURCE, CREATING...)
//   stay readable.
//
// Secrets: access_key, secret_key and password never appear in toString(), logs or errors, and
// the service never returns them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "delivery/kafka/model.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

/// CreateSmartConnectTaskReq.SourceTypeEnum (Java v3): the replicator, or no source.
#define DELIVERY_KAFKA_SMART_CONNECT_SOURCE_TYPE(X) \
  X(KAFKA_REPLICATOR_SOURCE, "KAFKA_REPLICATOR_SOURCE") \
  X(NONE, "NONE")
/// Source of a Smart Connect task: a Kafka replicator, or NONE.
DELIVERY_ENUM(SmartConnectSourceType, DELIVERY_KAFKA_SMART_CONNECT_SOURCE_TYPE)

/// CreateSmartConnectTaskReq.SinkTypeEnum (Java v3): the OBS dump, or no sink.
#define DELIVERY_KAFKA_SMART_CONNECT_SINK_TYPE(X) \
  X(OBS_SINK, "OBS_SINK")                         \
  X(NONE, "NONE")
/// Sink of a Smart Connect task: OBS, or NONE.
DELIVERY_ENUM(SmartConnectSinkType, DELIVERY_KAFKA_SMART_CONNECT_SINK_TYPE)

/// record_delimiter of the OBS sink (a String in the SDKs). NEWLINE is the two characters '\'
/// and 'n', as the API reference's example sends it (see the top of this file).
#define DELIVERY_KAFKA_SMART_CONNECT_RECORD_DELIMITER(X) \
  X(COMMA, ",")                                          \
  X(SEMICOLON, ";")                                      \
  X(PIPE, "|")                                           \
  X(NEWLINE, "\\n")                                      \
  X(NONE, "NULL")
/// record_delimiter of a Smart Connect OBS sink: ',', ';', '|', a backslash and an n (the
/// service's text for a newline) or NULL (none).
DELIVERY_ENUM(SmartConnectRecordDelimiter, DELIVERY_KAFKA_SMART_CONNECT_RECORD_DELIMITER)

/// security_protocol of the peer instance (request values: SASL_SSL, PLAINTEXT; the response
/// model adds SASL_PLAINTEXT, which is accepted too).
#define DELIVERY_KAFKA_SECURITY_PROTOCOL(X) \
  X(SASL_SSL, "SASL_SSL")                   \
  X(PLAINTEXT, "PLAINTEXT")                 \
  X(SASL_PLAINTEXT, "SASL_PLAINTEXT")
/// How the replicator connects to the peer Kafka: SASL_SSL, PLAINTEXT or SASL_PLAINTEXT.
DELIVERY_ENUM(SecurityProtocol, DELIVERY_KAFKA_SECURITY_PROTOCOL)

/// sasl_mechanism of the peer instance (SmartConnectTaskRespSourceConfig's list).
#define DELIVERY_KAFKA_SASL_MECHANISM(X) \
  X(PLAIN, "PLAIN")                      \
  X(SCRAM_SHA_512, "SCRAM-SHA-512")
/// SASL mechanism for the peer Kafka: PLAIN or SCRAM-SHA-512.
DELIVERY_ENUM(SaslMechanism, DELIVERY_KAFKA_SASL_MECHANISM)

/// direction of replication: pull (peer -> this instance), push, two-way.
#define DELIVERY_KAFKA_REPLICATION_DIRECTION(X) \
  X(PULL, "pull")                               \
  X(PUSH, "push")                               \
  X(TWO_WAY, "two-way")
/// Direction of replication with the peer Kafka: pull, push or two-way.
DELIVERY_ENUM(ReplicationDirection, DELIVERY_KAFKA_REPLICATION_DIRECTION)

/// compression_type of replicated messages.
#define DELIVERY_KAFKA_COMPRESSION_TYPE(X) \
  X(NONE, "none")                          \
  X(GZIP, "gzip")                          \
  X(SNAPPY, "snappy")                      \
  X(LZ4, "lz4")                            \
  X(ZSTD, "zstd")
/// Compression of replicated messages: none, gzip, snappy, lz4 or zstd.
DELIVERY_ENUM(CompressionType, DELIVERY_KAFKA_COMPRESSION_TYPE)

namespace detail {
// Hand-written shapes of single fields (src/kafka/smart_connect_validation.cc). Internal.
void smartConnectTaskName(const std::string&, const ::delivery::detail::Path&, std::vector<FieldViolation>&);
inline constexpr std::size_t kMaxObsBucketBytes = 63;
}  // namespace detail

// ---- request messages ------------------------------------------------------------------------------

/// The OBS sink of a Smart Connect task (SmartConnectTaskReqSinkConfig). All fields are sent in
/// this order; access_key and secret_key are secrets.
#define DELIVERY_KAFKA_SMART_CONNECT_TASK_REQ_SINK_CONFIG_FIELDS(X)                                               \
  X(VALUE, ConsumerStrategy, ConsumerStrategy, "consumer_strategy", = ConsumerStrategy::LATEST,                   \
    ::delivery::field::any().message("must be latest or earliest"))                                              \
  X(VALUE, DestinationFileType, DestinationFileType, "destination_file_type", = DestinationFileType::TEXT,        \
    ::delivery::field::any().message("must be TEXT"))                                                            \
  X(VALUE, int, DeliverTimeInterval, "deliver_time_interval", = 300,                                              \
    ::delivery::field::range(1, 2147483647).message("must be a positive number of seconds"))                     \
  X(VALUE, std::string, AccessKey, "access_key", , ::delivery::field::text(1, detail::kMaxKeyBytes).hidden())     \
  X(VALUE, std::string, SecretKey, "secret_key", , ::delivery::field::text(1, detail::kMaxKeyBytes).hidden())     \
  X(VALUE, std::string, ObsBucketName, "obs_bucket_name", , ::delivery::field::text(1, detail::kMaxObsBucketBytes)) \
  X(VALUE, std::string, ObsPath, "obs_path", , ::delivery::field::required().checkedBy(detail::obsPath))          \
  X(OPTIONAL, PartitionFormat, PartitionFormat, "partition_format", , ::delivery::field::required())              \
  X(OPTIONAL, SmartConnectRecordDelimiter, RecordDelimiter, "record_delimiter", , ::delivery::field::required())  \
  X(OPTIONAL, bool, StoreKeys, "store_keys", , ::delivery::field::any())

/// The OBS sink of a Smart Connect task to create. access_key and secret_key are secrets.
class SmartConnectTaskReqSinkConfig {
  DELIVERY_MESSAGE(SmartConnectTaskReqSinkConfig, DELIVERY_KAFKA_SMART_CONNECT_TASK_REQ_SINK_CONFIG_FIELDS)
};

/// The Kafka replicator source of a Smart Connect task (SmartConnectTaskReqSourceConfig).
/// current_cluster_name, cluster_name and direction are required; exactly one of instance_id and
/// bootstrap_servers; user_name and password when security_protocol is SASL_SSL; rename_topic_enabled
/// and topics_mapping exclude each other. password is a secret.
#define DELIVERY_KAFKA_SMART_CONNECT_TASK_REQ_SOURCE_CONFIG_FIELDS(X)                                           \
  X(VALUE, std::string, CurrentClusterName, "current_cluster_name", , ::delivery::field::text(1, 256))          \
  X(VALUE, std::string, ClusterName, "cluster_name", , ::delivery::field::text(1, 256))                         \
  X(OPTIONAL, std::string, UserName, "user_name", , ::delivery::field::any().size(1, 256))                            \
  X(OPTIONAL, std::string, Password, "password", , ::delivery::field::any().size(1, 256).hidden())                    \
  X(OPTIONAL, SaslMechanism, SaslMechanism, "sasl_mechanism", ,                                                 \
    ::delivery::field::any().message("must be PLAIN or SCRAM-SHA-512"))                                          \
  X(OPTIONAL, std::string, InstanceId, "instance_id", , ::delivery::field::any().size(1, 256))                        \
  X(OPTIONAL, std::string, BootstrapServers, "bootstrap_servers", , ::delivery::field::any().size(1, 65536))          \
  X(OPTIONAL, SecurityProtocol, SecurityProtocol, "security_protocol", ,                                        \
    ::delivery::field::any().message("must be SASL_SSL, PLAINTEXT or SASL_PLAINTEXT"))                           \
  X(OPTIONAL, ReplicationDirection, Direction, "direction", ,                                                   \
    ::delivery::field::required().message("must be pull, push or two-way"))                                     \
  X(OPTIONAL, bool, SyncConsumerOffsetsEnabled, "sync_consumer_offsets_enabled", , ::delivery::field::any())    \
  X(OPTIONAL, int, ReplicationFactor, "replication_factor", , ::delivery::field::range(1, 2147483647))          \
  X(OPTIONAL, int, TaskNum, "task_num", , ::delivery::field::range(1, 2147483647))                              \
  X(OPTIONAL, bool, RenameTopicEnabled, "rename_topic_enabled", , ::delivery::field::any())                     \
  X(OPTIONAL, bool, ProvenanceHeaderEnabled, "provenance_header_enabled", , ::delivery::field::any())           \
  X(OPTIONAL, ConsumerStrategy, ConsumerStrategy, "consumer_strategy", ,                                        \
    ::delivery::field::any().message("must be latest or earliest"))                                              \
  X(OPTIONAL, CompressionType, CompressionType, "compression_type", ,                                           \
    ::delivery::field::any().message("must be none, gzip, snappy, lz4 or zstd"))                                 \
  X(OPTIONAL, std::string, TopicsMapping, "topics_mapping", , ::delivery::field::any().size(1, 65536))

/// The Kafka replicator source of a Smart Connect task to create. password is a secret.
class SmartConnectTaskReqSourceConfig {
  DELIVERY_MESSAGE(SmartConnectTaskReqSourceConfig, DELIVERY_KAFKA_SMART_CONNECT_TASK_REQ_SOURCE_CONFIG_FIELDS)
};

/// POST /v2/{project_id}/instances/{instance_id}/connector/tasks (CreateConnectorTask, body
/// CreateSmartConnectTaskReq). Smart Connect must be enabled on the instance (createConnector).
/// sink_type OBS_SINK goes with sink_task, source_type KAFKA_REPLICATOR_SOURCE with source_task;
/// at least one of the two. start_later true: the task is created WAITING and starts with
/// restartConnectorTask.
#define DELIVERY_KAFKA_CREATE_CONNECTOR_TASK_FIELDS(X)                                                          \
  X(VALUE, std::string, InstanceId, "instance_id", , detail::kIdentifier)                                      \
  X(OPTIONAL, std::string, TaskName, "task_name", , ::delivery::field::any().checkedBy(detail::smartConnectTaskName)) \
  X(OPTIONAL, bool, StartLater, "start_later", , ::delivery::field::any())                                     \
  X(OPTIONAL, std::string, Topics, "topics", , ::delivery::field::any())                                       \
  X(OPTIONAL, std::string, TopicsRegex, "topics_regex", , ::delivery::field::any())                            \
  X(OPTIONAL, SmartConnectSourceType, SourceType, "source_type", ,                                             \
    ::delivery::field::any().message("must be KAFKA_REPLICATOR_SOURCE or NONE"))                                \
  X(OPTIONAL, SmartConnectTaskReqSourceConfig, SourceTask, "source_task", , ::delivery::field::any())           \
  X(OPTIONAL, SmartConnectSinkType, SinkType, "sink_type", , ::delivery::field::any().message("must be OBS_SINK or NONE")) \
  X(OPTIONAL, SmartConnectTaskReqSinkConfig, SinkTask, "sink_task", , ::delivery::field::any())

/// Creates a Smart Connect task on an instance with Smart Connect enabled.
class CreateConnectorTaskRequest {
  DELIVERY_MESSAGE(CreateConnectorTaskRequest, DELIVERY_KAFKA_CREATE_CONNECTOR_TASK_FIELDS)

  CreateConnectorTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit CreateConnectorTaskRequest(std::string instanceId) : InstanceId_(std::move(instanceId)) {}
  /// An OBS dump task: sink_type OBS_SINK with `sink`, source_type NONE.
  static CreateConnectorTaskRequest obsSink(std::string instanceId, SmartConnectTaskReqSinkConfig sink) {
    CreateConnectorTaskRequest r(std::move(instanceId));
    r.setSourceType(SmartConnectSourceType::NONE).setSinkType(SmartConnectSinkType::OBS_SINK).setSinkTask(std::move(sink));
    return r;
  }

  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
  /// The JSON body with access_key, secret_key and password replaced by "<redacted>".
  DELIVERY_API std::string toString() const;
};

/// offset: where the page starts (an item index, >= 0); limit: 1..50, the service's default 10.
inline constexpr int kMaxConnectorTasksLimit = 50;

/// GET .../connector/tasks[?offset=&limit=] (ListConnectorTasks). The response's total_number
/// tells how many there are; page with offset += tasks.size() until it is reached.
#define DELIVERY_KAFKA_LIST_CONNECTOR_TASKS_FIELDS(X)                                                   \
  X(VALUE, std::string, InstanceId, "instance_id", , detail::kIdentifier)                              \
  X(OPTIONAL, int, Offset, "offset", , ::delivery::field::range(0, 2147483647).urlParameter())          \
  X(OPTIONAL, int, Limit, "limit", , ::delivery::field::range(1, kMaxConnectorTasksLimit).urlParameter())

/// Lists one page of an instance's Smart Connect tasks (offset, limit).
class ListConnectorTasksRequest {
  DELIVERY_MESSAGE(ListConnectorTasksRequest, DELIVERY_KAFKA_LIST_CONNECTOR_TASKS_FIELDS)

  ListConnectorTasksRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit ListConnectorTasksRequest(std::string instanceId) : InstanceId_(std::move(instanceId)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// One task by id: show, delete, pause, resume and restart take the same two URL parameters.
#define DELIVERY_KAFKA_CONNECTOR_TASK_ID_FIELDS(X)                          \
  X(VALUE, std::string, InstanceId, "instance_id", , detail::kIdentifier) \
  X(VALUE, std::string, TaskId, "task_id", , detail::kIdentifier)

#define DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(Class)                                        \
  class Class {                                                                                 \
    DELIVERY_MESSAGE(Class, DELIVERY_KAFKA_CONNECTOR_TASK_ID_FIELDS)                            \
                                                                                                \
    Class() = default;                                                                          \
    Class(std::string instanceId, std::string taskId)                                           \
        : InstanceId_(std::move(instanceId)), TaskId_(std::move(taskId)) {}                     \
    DELIVERY_API Result<void> validate() const;                                                 \
  };

/// GET .../connector/tasks/{task_id} (ShowConnectorTask).
DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(ShowConnectorTaskRequest)
/// DELETE .../connector/tasks/{task_id} (DeleteConnectorTask): 204.
DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(DeleteConnectorTaskRequest)
/// PUT .../connector/tasks/{task_id}/pause (PauseConnectorTask): 204; RUNNING -> PAUSED.
DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(PauseConnectorTaskRequest)
/// PUT .../connector/tasks/{task_id}/resume (ResumeConnectorTask): 204; PAUSED -> RUNNING.
DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(ResumeConnectorTaskRequest)
/// PUT /v2/{project_id}/kafka/instances/{instance_id}/connector/tasks/{task_id}/restart
/// (RestartConnectorTask): 204. Starts a WAITING task (start_later) or restarts a paused or
/// running one, resetting its progress. There is no separate "start" API.
DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_(RestartConnectorTaskRequest)

#undef DELIVERY_KAFKA_CONNECTOR_TASK_ID_REQUEST_

// ---- responses (read-only) -------------------------------------------------------------------------

/// The OBS sink as the service returns it (SmartConnectTaskRespSinkConfig): no AK/SK, plus the
/// service's own settings (obs_part_size, flush_size, timezone, the connector classes...).
#define DELIVERY_KAFKA_SMART_CONNECT_TASK_RESP_SINK_CONFIG_FIELDS(X)                                 \
  X(READ, std::string, ConsumerStrategy, "consumer_strategy", , ::delivery::field::any())             \
  X(READ, std::string, DestinationFileType, "destination_file_type", , ::delivery::field::any())      \
  X(READ_OPTIONAL, std::int64_t, DeliverTimeInterval, "deliver_time_interval", , ::delivery::field::any()) \
  X(READ, std::string, ObsBucketName, "obs_bucket_name", , ::delivery::field::any())                  \
  X(READ, std::string, ObsPath, "obs_path", , ::delivery::field::any())                               \
  X(READ, std::string, PartitionFormat, "partition_format", , ::delivery::field::any())               \
  X(READ, std::string, RecordDelimiter, "record_delimiter", , ::delivery::field::any())               \
  X(READ_OPTIONAL, bool, StoreKeys, "store_keys", , ::delivery::field::any())                         \
  X(READ_OPTIONAL, std::int64_t, ObsPartSize, "obs_part_size", , ::delivery::field::any())            \
  X(READ_OPTIONAL, std::int64_t, FlushSize, "flush_size", , ::delivery::field::any())                 \
  X(READ, std::string, Timezone, "timezone", , ::delivery::field::any())                              \
  X(READ, std::string, SchemaGeneratorClass, "schema_generator_class", , ::delivery::field::any())    \
  X(READ, std::string, PartitionerClass, "partitioner_class", , ::delivery::field::any())             \
  X(READ, std::string, ValueConverter, "value_converter", , ::delivery::field::any())                 \
  X(READ, std::string, KeyConverter, "key_converter", , ::delivery::field::any())                     \
  X(READ, std::string, KvDelimiter, "kv_delimiter", , ::delivery::field::any())

/// A Smart Connect task's OBS sink as the service returns it (no AK/SK).
class SmartConnectTaskRespSinkConfig {
  DELIVERY_MESSAGE(SmartConnectTaskRespSinkConfig, DELIVERY_KAFKA_SMART_CONNECT_TASK_RESP_SINK_CONFIG_FIELDS)
};

/// The replicator source as the service returns it (SmartConnectTaskRespSourceConfig): the
/// request's fields without password.
#define DELIVERY_KAFKA_SMART_CONNECT_TASK_RESP_SOURCE_CONFIG_FIELDS(X)                                      \
  X(READ, std::string, CurrentClusterName, "current_cluster_name", , ::delivery::field::any())               \
  X(READ, std::string, ClusterName, "cluster_name", , ::delivery::field::any())                              \
  X(READ, std::string, UserName, "user_name", , ::delivery::field::any())                                    \
  X(READ, std::string, SaslMechanism, "sasl_mechanism", , ::delivery::field::any())                          \
  X(READ, std::string, InstanceId, "instance_id", , ::delivery::field::any())                                \
  X(READ, std::string, BootstrapServers, "bootstrap_servers", , ::delivery::field::any())                    \
  X(READ, std::string, SecurityProtocol, "security_protocol", , ::delivery::field::any())                    \
  X(READ, std::string, Direction, "direction", , ::delivery::field::any())                                   \
  X(READ_OPTIONAL, bool, SyncConsumerOffsetsEnabled, "sync_consumer_offsets_enabled", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::int64_t, ReplicationFactor, "replication_factor", , ::delivery::field::any())        \
  X(READ_OPTIONAL, std::int64_t, TaskNum, "task_num", , ::delivery::field::any())                            \
  X(READ_OPTIONAL, bool, RenameTopicEnabled, "rename_topic_enabled", , ::delivery::field::any())             \
  X(READ_OPTIONAL, bool, ProvenanceHeaderEnabled, "provenance_header_enabled", , ::delivery::field::any())   \
  X(READ, std::string, ConsumerStrategy, "consumer_strategy", , ::delivery::field::any())                    \
  X(READ, std::string, CompressionType, "compression_type", , ::delivery::field::any())                      \
  X(READ, std::string, TopicsMapping, "topics_mapping", , ::delivery::field::any())

/// A Smart Connect task's replicator source as the service returns it (no password).
class SmartConnectTaskRespSourceConfig {
  DELIVERY_MESSAGE(SmartConnectTaskRespSourceConfig, DELIVERY_KAFKA_SMART_CONNECT_TASK_RESP_SOURCE_CONFIG_FIELDS)
};

/// One Smart Connect task (SmartConnectTaskEntity): create, show and each list item. id is the
/// task_id of the other calls; status: PAUSED, RUNNING, WAITING, RESTARTING (documented) or
/// another text (CREATING); create_time: epoch milliseconds. source_task / sink_task are unset
/// when the service sends null or nothing.
#define DELIVERY_KAFKA_SMART_CONNECT_TASK_ENTITY_FIELDS(X)                                                 \
  X(READ, std::string, TaskName, "task_name", , ::delivery::field::any())                                   \
  X(READ, std::string, Topics, "topics", , ::delivery::field::any())                                        \
  X(READ, std::string, TopicsRegex, "topics_regex", , ::delivery::field::any())                             \
  X(READ, std::string, SourceType, "source_type", , ::delivery::field::any())                               \
  X(READ_OPTIONAL, SmartConnectTaskRespSourceConfig, SourceTask, "source_task", , ::delivery::field::any()) \
  X(READ, std::string, SinkType, "sink_type", , ::delivery::field::any())                                   \
  X(READ_OPTIONAL, SmartConnectTaskRespSinkConfig, SinkTask, "sink_task", , ::delivery::field::any())       \
  X(READ, std::string, Id, "id", , ::delivery::field::any())                                                \
  X(READ, std::string, Status, "status", , ::delivery::field::any())                                        \
  X(READ, std::int64_t, CreateTime, "create_time", = 0, ::delivery::field::any())

/// One Smart Connect task, as create, show and list return it.
class SmartConnectTaskEntity {
  DELIVERY_MESSAGE(SmartConnectTaskEntity, DELIVERY_KAFKA_SMART_CONNECT_TASK_ENTITY_FIELDS)
};

/// CreateConnectorTask answers 200 with the new task.
class CreateConnectorTaskResponse : public KafkaResponse, public SmartConnectTaskEntity {
 public:
  const SmartConnectTaskEntity& getTask() const noexcept { return *this; }  ///< The task (this object, as its entity).
};

/// ShowConnectorTask answers 200 with the task.
class ShowConnectorTaskResponse : public KafkaResponse, public SmartConnectTaskEntity {
 public:
  const SmartConnectTaskEntity& getTask() const noexcept { return *this; }  ///< The task (this object, as its entity).
};

/// ListConnectorTasks: one page of tasks, the number of tasks, and the instance's quota.
#define DELIVERY_KAFKA_LIST_CONNECTOR_TASKS_RESPONSE_FIELDS(X)                            \
  X(READ, std::vector<SmartConnectTaskEntity>, Tasks, "tasks", , ::delivery::field::any()) \
  X(READ, std::int64_t, TotalNumber, "total_number", = 0, ::delivery::field::any())        \
  X(READ, std::int64_t, MaxTasks, "max_tasks", = 0, ::delivery::field::any())              \
  X(READ, std::int64_t, QuotaTasks, "quota_tasks", = 0, ::delivery::field::any())

/// One page of Smart Connect tasks, their total number and the instance's quota.
class ListConnectorTasksResponse : public KafkaResponse {
  DELIVERY_MESSAGE(ListConnectorTasksResponse, DELIVERY_KAFKA_LIST_CONNECTOR_TASKS_RESPONSE_FIELDS)
};

/// 204, no body.
class DeleteConnectorTaskResponse : public KafkaResponse {};
/// The answer to a pause: request id and HTTP status only.
class PauseConnectorTaskResponse : public KafkaResponse {};
/// The answer to a resume: request id and HTTP status only.
class ResumeConnectorTaskResponse : public KafkaResponse {};
/// The answer to a restart: request id and HTTP status only.
class RestartConnectorTaskResponse : public KafkaResponse {};

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
