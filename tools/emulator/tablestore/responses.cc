#include "emulator/tablestore/responses.h"

namespace delivery::emulator::ots {

std::string encodeEmptyResponse() { return std::string(); }

std::string encodeDescribeResponse(const Message& config, std::int64_t taskType, const SyncStat& stat) {
  Message sync(kTaskSyncStat);
  sync.setNumber("task_sync_phase", stat.phase)
      .setNumber("current_sync_timestamp", stat.timestampNanos)
      .setNumber("error_code", stat.errorType);
  if (!stat.detail.empty()) sync.setString("detail", stat.detail);
  Message m(kDescribeDeliveryTaskResponse);
  m.addMessage("taskConfig", config).addMessage("task_sync_stat", std::move(sync)).setNumber("taskType", taskType);
  return encode(m);
}

std::string encodeListResponse(const std::vector<TaskInfo>& tasks) {
  Message m(kListDeliveryTaskResponse);
  for (const TaskInfo& t : tasks) {
    Message info(kDeliveryTaskInfo);
    info.setString("tableName", t.tableName).setString("taskName", t.taskName).setNumber("taskType", t.taskType);
    m.addMessage("tasks", std::move(info));
  }
  return encode(m);
}

std::string encodeError(std::string_view code, std::string_view message) {
  Message m(kError);
  m.setString("code", std::string(code)).setString("message", std::string(message));
  return encode(m);
}

}  // namespace delivery::emulator::ots
