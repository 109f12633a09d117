#include "delivery/testing/dis_responses.h"

#include <rapidjson/document.h>

#include "testing/huawei_json.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::dis {
namespace {

using huawei_json::put;
using huawei_json::Writer;

void writeTask(Writer& w, const TransferTaskSummary& t) {
  put(w, "task_id", t.id);
  put(w, "task_name", t.name);
  put(w, "state", t.state);
  put(w, "destination_type", t.destinationType);
  put(w, "create_time", t.createTime);
  put(w, "last_transfer_timestamp", t.lastTransferTimestamp);
}

// The show answer's key for each destination type (specs/huawei-dump-tasks.md §1.6).
const char* descriptionKey(const std::string& type) {
  if (type == "MRS") return "mrs_destination_description";
  if (type == "DLI") return "dli_destination_description";
  if (type == "DWS") return "dws_destination_descripton";
  if (type == "CLOUDTABLE") return "cloudtable_destination_descripton";
  return "obs_destination_description";
}

}  // namespace

HttpResponse created(std::string requestId) { return huawei_json::response(201, "", std::move(requestId)); }

HttpResponse emptyOk(int status, std::string requestId) { return huawei_json::response(status, "", std::move(requestId)); }

HttpResponse listOk(const std::vector<TransferTaskSummary>& tasks, int quota, std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    put(w, "total_number", static_cast<std::int64_t>(tasks.size()));
    put(w, "quota", static_cast<std::int64_t>(quota));
    huawei_json::objects(w, "tasks", tasks, writeTask);
  });
}

HttpResponse showOk(const std::string& streamName, const TransferTaskSummary& task, const std::string& descriptionJson,
                    std::string requestId) {
  return huawei_json::object(200, std::move(requestId), [&](Writer& w) {
    put(w, "stream_name", streamName);
    put(w, "stream_id", "sid-" + streamName);
    writeTask(w, task);
    w.Key("partitions");
    w.StartArray();
    w.StartObject();
    put(w, "partitionId", std::string("shardId-0000000000"));
    put(w, "state", task.state);
    put(w, "discard", std::int64_t{0});
    put(w, "last_transfer_timestamp", task.lastTransferTimestamp);
    put(w, "last_transfer_offset", std::int64_t{0});
    w.EndObject();
    w.EndArray();
    if (!descriptionJson.empty()) {
      rapidjson::Document description;
      description.Parse(descriptionJson.data(), descriptionJson.size());
      if (!description.HasParseError() && description.IsObject()) {
        w.Key(descriptionKey(task.destinationType));
        description.Accept(w);
      }
    }
  });
}

HttpResponse errorResponse(int status, std::string code, std::string message, int retryAfterSeconds,
                           std::string requestId) {
  return huawei_json::error(status, code, message, retryAfterSeconds, std::move(requestId));
}

HttpResponse throttled(int retryAfterSeconds, std::string code, std::string requestId) {
  return huawei_json::error(429, code, "Too many requests: traffic control limit exceeded", retryAfterSeconds,
                            std::move(requestId));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::dis
