#pragma once
// The bodies of the emulator's Tablestore answers, encoded with its own schema tables (wire.h) from
// specs/tablestore-delivery.md 1.1 (Describe/List responses, TaskSyncStat, DeliveryTaskInfo) and 4.2
// (the Error message). Also meant for canned responses in tests: nothing here uses the SDK's codec.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "emulator/tablestore/wire.h"

namespace delivery::emulator::ots {

/// One DeliveryTaskInfo of a ListDeliveryTaskResponse.
struct TaskInfo {
  std::string tableName;
  std::string taskName;
  std::int64_t taskType = 2;  ///< DeliveryTaskType number (BASE=0, INC=1, BASE_INC=2)
};

/// A TaskSyncStat. All four fields are written; `detail` only when it is not empty.
struct SyncStat {
  std::int64_t phase = 0;           ///< TaskSyncPhase number (INIT=0, FULL=1, INCR=2)
  std::int64_t timestampNanos = 0;  ///< current_sync_timestamp, nanoseconds since the epoch
  std::int64_t errorType = 0;       ///< ErrorType number (OK=0, UNAUTHORIZED=1, INVALID_OSS_BUCKET=2)
  std::string detail;
};

/// Create/Delete/UpdateDeliveryTaskResponse: no fields, an empty body.
std::string encodeEmptyResponse();
/// DescribeDeliveryTaskResponse: 1 taskConfig (an OSSTaskConfig message), 2 task_sync_stat,
/// 3 taskType.
std::string encodeDescribeResponse(const Message& config, std::int64_t taskType, const SyncStat& stat);
/// ListDeliveryTaskResponse: one `tasks` entry per element, in order.
std::string encodeListResponse(const std::vector<TaskInfo>& tasks);
/// Error: 1 code (required), 2 message.
std::string encodeError(std::string_view code, std::string_view message);

}  // namespace delivery::emulator::ots
