#pragma once

#include "delivery/export.h"
// Ready-made Huawei Cloud DIS transfer-task responses for MockTransport, written from the service's
// documentation (specs/huawei-dump-tasks.md §1.6, huawei-more.md §2), not with the SDK's codecs.
//
//   mock->enqueueResponse(delivery::testing::dis::listOk({{"task-1", "9dSu1wfCytSk1aOLxvF", "RUNNING", "OBS"}}));
//   mock->enqueueResponse(delivery::testing::dis::errorResponse(400, "DIS.4301", "stream does not exist"));

#include <cstdint>
#include <string>
#include <vector>

#include "delivery/core/http.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::dis {

/// The request id the canned responses carry unless given another.
inline constexpr const char* kMockRequestId = "00000000000000000000000000000000";

/// One transfer task as the list and show answers describe it.
struct TransferTaskSummary {
  /// The task name.
  std::string name;
  std::string id;                        ///< task_id (what batch start/stop take)
  std::string state = "RUNNING";         ///< ERROR, STARTING, PAUSED, RUNNING, DELETE, ABNORMAL
  std::string destinationType = "OBS";   ///< OBS, MRS, DLI, CLOUDTABLE, DWS
  std::int64_t createTime = 0;           ///< milliseconds since the epoch
  /// Milliseconds since the epoch of the last dump.
  std::int64_t lastTransferTimestamp = 0;
};

/// 201 with no body: CreateTransferTask.
DELIVERY_API HttpResponse created(std::string requestId = kMockRequestId);

/// A success with no body: 200 for UpdateTransferTask and batch start/stop, 204 for DeleteTransferTask.
DELIVERY_API HttpResponse emptyOk(int status = 200, std::string requestId = kMockRequestId);

/// 200 {"total_number","quota","tasks":[...]} (ListTransferTasks).
DELIVERY_API HttpResponse listOk(const std::vector<TransferTaskSummary>& tasks, int quota = 5, std::string requestId = kMockRequestId);

/// 200 ShowTransferTask: `streamName` and a stream_id made from it ("sid-" + streamName), the task's fields, one partition (the documented example's
/// shape), and `descriptionJson` (a JSON object: the destination's fields, e.g. the descriptor of
/// the create request less its secrets) under the key the service uses for the task's destination
/// type, misspelled as the service spells it for DWS and CLOUDTABLE (dws_destination_descripton,
/// cloudtable_destination_descripton). An empty `descriptionJson` leaves the key out.
DELIVERY_API HttpResponse showOk(const std::string& streamName, const TransferTaskSummary& task, const std::string& descriptionJson,
                    std::string requestId = kMockRequestId);

/// An error with the Huawei body {"error_code","error_msg"}, e.g. (400, "DIS.4301", "..."); a
/// `retryAfterSeconds` >= 0 adds a Retry-After header.
DELIVERY_API HttpResponse errorResponse(int status, std::string code, std::string message, int retryAfterSeconds = -1,
                           std::string requestId = kMockRequestId);

/// 429 flow control with Retry-After: `code` defaults to DIS.4303 ("traffic control limit exceeded").
DELIVERY_API HttpResponse throttled(int retryAfterSeconds, std::string code = "DIS.4303", std::string requestId = kMockRequestId);

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::dis
