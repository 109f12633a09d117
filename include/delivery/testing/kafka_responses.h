#pragma once

#include "delivery/export.h"
// Ready-made Huawei Cloud DMS for Kafka responses (dump sink tasks and the dump connector) for
// MockTransport, written from the service's documentation (specs/huawei-dump-tasks.md §2.4,
// huawei-more.md §1), not with the SDK's codecs.
//
//   mock->enqueueResponse(delivery::testing::kafka::sinkTaskCreated("2962882a-386c-4c9d-bb59-3b4f55d82961"));

#include <cstdint>
#include <string>
#include <vector>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::kafka {

/// The request id the canned responses carry unless given another.
inline constexpr const char* kMockRequestId = "00000000000000000000000000000000";

/// One sink task as the list and show answers describe it.
struct SinkTaskSummary {
  std::string id;    ///< task_id
  std::string name;  ///< task_name
  std::string topics;               ///< comma-separated (or the topics regex)
  std::string status = "RUNNING";  ///< the task status the service reports
  std::int64_t createTime = 0;      ///< milliseconds since the epoch
};

/// The obs_destination_descriptor of the show answer (the service never echoes the AK/SK).
struct ObsDescription {
  std::string consumerStrategy = "latest";   ///< consumer_strategy
  std::string destinationFileType = "TEXT";  ///< destination_file_type
  std::string obsBucketName;                 ///< obs_bucket_name
  std::string obsPath;                       ///< obs_path
  std::string partitionFormat = "N/A";       ///< partition_format
  std::string recordDelimiter = "\n";        ///< record_delimiter
  std::int64_t deliverTimeInterval = 300;    ///< deliver_time_interval, seconds
  std::int64_t obsPartSize = 5242880;        ///< obs_part_size, bytes
};

/// 200 {"task_id": id} (CreateSinkTask).
DELIVERY_API HttpResponse sinkTaskCreated(const std::string& taskId, std::string requestId = kMockRequestId);

/// 200 {"tasks":[...],"total_number","max_tasks","quota_tasks"} (ListSinkTasks).
DELIVERY_API HttpResponse listOk(const std::vector<SinkTaskSummary>& tasks, int maxTasks = 18, int quotaTasks = 18,
                    std::string requestId = kMockRequestId);

/// 200 ShowSinkTask; with `withTopicInfo` (the answer to ?topic-info=true) also topics_info, one
/// entry per comma-separated topic, each with one partition "0" at offset "0".
DELIVERY_API HttpResponse showOk(const SinkTaskSummary& task, const ObsDescription& description, bool withTopicInfo = false,
                    std::string requestId = kMockRequestId);

/// 204 with no body (DeleteSinkTask).
DELIVERY_API HttpResponse deleted(std::string requestId = kMockRequestId);

/// 200 {"job_id","connector_id"} (CreateConnector, enabling dumping).
DELIVERY_API HttpResponse connectorCreated(const std::string& jobId, const std::string& connectorId,
                              std::string requestId = kMockRequestId);

/// 200 {"job_id"} (DeleteConnector).
DELIVERY_API HttpResponse connectorDeleted(const std::string& jobId, std::string requestId = kMockRequestId);

/// An error with the Huawei body {"error_code","error_msg"}, e.g. (404, "DMS.00404022", "..."); a
/// `retryAfterSeconds` >= 0 adds a Retry-After header.
DELIVERY_API HttpResponse errorResponse(int status, std::string code, std::string message, int retryAfterSeconds = -1,
                           std::string requestId = kMockRequestId);

/// 429 flow control with Retry-After: `code` defaults to DMS.10240407 ("request too frequent").
DELIVERY_API HttpResponse throttled(int retryAfterSeconds, std::string code = "DMS.10240407", std::string requestId = kMockRequestId);

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::kafka
