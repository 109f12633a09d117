#include "delivery/testing/kafka_responses.h"

#include <sstream>

#include "testing/huawei_json.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::kafka {
namespace {

using huawei_json::put;
using huawei_json::Writer;

void writeTask(Writer& w, const SinkTaskSummary& t) {
  put(w, "task_id", t.id);
  put(w, "task_name", t.name);
  put(w, "destination_type", std::string("OBS"));
  put(w, "create_time", t.createTime);
  put(w, "status", t.status);
  put(w, "topics", t.topics);
}

}  // namespace

HttpResponse sinkTaskCreated(const std::string& taskId, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    put(w, "task_id", taskId);
  });
}

HttpResponse listOk(const std::vector<SinkTaskSummary>& tasks, int maxTasks, int quotaTasks, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    huawei_json::objects(w, "tasks", tasks, writeTask);
    put(w, "total_number", static_cast<std::int64_t>(tasks.size()));
    put(w, "max_tasks", static_cast<std::int64_t>(maxTasks));
    put(w, "quota_tasks", static_cast<std::int64_t>(quotaTasks));
  });
}

HttpResponse showOk(const SinkTaskSummary& task, const ObsDescription& d, bool withTopicInfo, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    writeTask(w, task);
    w.Key("obs_destination_descriptor");
    w.StartObject();
    put(w, "consumer_strategy", d.consumerStrategy);
    put(w, "destination_file_type", d.destinationFileType);
    put(w, "obs_bucket_name", d.obsBucketName);
    put(w, "obs_path", d.obsPath);
    put(w, "partition_format", d.partitionFormat);
    put(w, "record_delimiter", d.recordDelimiter);
    put(w, "deliver_time_interval", d.deliverTimeInterval);
    put(w, "obs_part_size", d.obsPartSize);
    w.EndObject();
    if (withTopicInfo) {
      w.Key("topics_info");
      w.StartArray();
      std::stringstream topics(task.topics);
      for (std::string topic; std::getline(topics, topic, ',');) {
        w.StartObject();
        put(w, "topic", topic);
        w.Key("partitions");
        w.StartArray();
        w.StartObject();
        put(w, "partition_id", std::string("0"));
        put(w, "status", task.status);
        put(w, "last_transfer_offset", std::string("0"));
        put(w, "log_end_offset", std::string("0"));
        put(w, "lag", std::string("0"));
        w.EndObject();
        w.EndArray();
        w.EndObject();
      }
      w.EndArray();
    }
  });
}

HttpResponse deleted(std::string requestId) { return huawei_json::response(204, "", std::move(requestId)); }

HttpResponse connectorCreated(const std::string& jobId, const std::string& connectorId, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    put(w, "job_id", jobId);
    put(w, "connector_id", connectorId);
  });
}

HttpResponse connectorDeleted(const std::string& jobId, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    put(w, "job_id", jobId);
  });
}

HttpResponse errorResponse(int status, std::string code, std::string message, int retryAfterSeconds,
                           std::string requestId) {
  return huawei_json::error(status, code, message, retryAfterSeconds, std::move(requestId));
}

HttpResponse throttled(int retryAfterSeconds, std::string code, std::string requestId) {
  return huawei_json::error(429, code, "Request too frequent: flow control", retryAfterSeconds, std::move(requestId));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::kafka
