#include "delivery/dis/client.h"

#include <set>

#include "core/operation.h"
#include "core/waiter.h"
#include "dis/codec.h"
#include "huawei/service.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

// Every DIS operation (paths after /v2/{project_id}). Create, update, delete and the batch actions
// are not idempotent; list and show are.
#define DELIVERY_DIS_OPERATIONS(X)                                                                \
  X(createTransferTask, CreateTransferTask, Post, kNotIdempotent, tasks, taskBody, nullptr)          \
  X(updateTransferTask, UpdateTransferTask, Put, kNotIdempotent, tasks, taskBody, nullptr)           \
  X(listTransferTasks, ListTransferTasks, Get, kIdempotent, listPage, nullptr, detail::decodeList)   \
  X(showTransferTask, ShowTransferTask, Get, kIdempotent, task, nullptr, detail::decodeShow)         \
  X(deleteTransferTask, DeleteTransferTask, Delete, kNotIdempotent, task, nullptr, nullptr)          \
  X(batchStartTransferTask, BatchStartTransferTask, Post, kNotIdempotent, action, startBody, nullptr) \
  X(batchStopTransferTask, BatchStopTransferTask, Post, kNotIdempotent, action, stopBody, nullptr)

namespace detail {

/// The Huawei protocol, plus how this client writes bodies.
struct Protocol : huawei::detail::Protocol {
  Protocol(huawei::detail::Protocol base, const DisClientConfig& config) : huawei::detail::Protocol(std::move(base)) {
    encode.retryDurationAsString = config.retryDurationAsString;
  }
  EncodeOptions encode;
};

}  // namespace detail

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis

template <>
struct delivery::ClientHandle<delivery::dis::DisClient>::Impl : delivery::dis::detail::Protocol {
  using delivery::dis::detail::Protocol::Protocol;
};

DELIVERY_NAMESPACE_BEGIN namespace dis {

namespace {

using namespace delivery::detail::operations;
using Protocol_ = detail::Protocol;
using Client_ = DisClient;

// The URLs: /streams/{stream_name}/transfer-tasks[/{task_name} | /action].
template <typename Request>
void tasks(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks");
}
// The list, with the page parameters that are set (see ListTransferTasksRequest), in the old Java
// SDK's order: limit, then start_task_name.
void listPage(const ListTransferTasksRequest& r, HttpRequest& h) {
  tasks(r, h);
  addQuery(h, "limit", r.getLimit());
  addQuery(h, "start_task_name", r.getStartTaskName());
}
template <typename Request>
void task(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks/", Param{r.getTaskName()});
}
template <typename Request>
void action(const Request& r, HttpRequest& h) {
  appendPath(h.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks/action");
}

// The bodies: create and update send the same one; start and stop differ in the action.
template <typename Request>
void taskBody(const detail::Protocol& p, const Request& r, std::string& body) {
  detail::encodeTaskBodyInto(r.getDescriptor(), p.encode, body);
}
void startBody(const detail::Protocol&, const BatchStartTransferTaskRequest& r, std::string& body) {
  detail::encodeBatchInto("start", r.getTaskIds(), body);
}
void stopBody(const detail::Protocol&, const BatchStopTransferTaskRequest& r, std::string& body) {
  detail::encodeBatchInto("stop", r.getTaskIds(), body);
}

DELIVERY_DIS_OPERATIONS(DELIVERY_OPERATION_CONSTANT)

}  // namespace

DELIVERY_HUAWEI_CLIENT_CREATE(DisClient, DisClientConfig, "dis", "HUAWEICLOUD_DIS_ENDPOINT")

DELIVERY_DIS_OPERATIONS(DELIVERY_OPERATION_METHOD)
DELIVERY_DIS_OPERATIONS(DELIVERY_OPERATION_ASYNC_METHOD)

WaitResult<ShowTransferTaskResponse> DisClient::waitUntilTransferTaskRunning(const ShowTransferTaskRequest& request,
                                                                             const WaitOptions& options) const {
  using Verdict = delivery::detail::Observation::Verdict;
  const auto classify = [](const ShowTransferTaskResponse& r) -> delivery::detail::Observation {
    const TransferTask& task = r.getTask();
    switch (task.getState()) {
      case TransferTaskState::RUNNING:
        return {Verdict::Reached, task.getStateText(), {}};
      case TransferTaskState::ERROR:
      case TransferTaskState::ABNORMAL:
        return {Verdict::Failed, task.getStateText(), "the service reports the task " + task.getStateText()};
      case TransferTaskState::PAUSED:
        return {Verdict::Failed, task.getStateText(),
                "the task is stopped and does not start by itself (batchStartTransferTask starts it)"};
      case TransferTaskState::DELETE:
        return {Verdict::Failed, task.getStateText(), "the task is being deleted"};
      case TransferTaskState::STARTING:
      case TransferTaskState::UNKNOWN:
        break;
    }
    return {Verdict::Pending, task.getStateText(), {}};
  };
  return delivery::detail::waitFor<ShowTransferTaskResponse>(
      impl_->runtime(), options, "transfer task " + request.getStreamName() + "/" + request.getTaskName(),
      [&] { return showTransferTask(request); }, classify);
}

Result<std::vector<TransferTask>> DisClient::listAllTransferTasks(const ListTransferTasksRequest& request) const {
  ListTransferTasksRequest page = request;
  const int limit = request.getLimit().value_or(kListAllPageSize);
  page.setLimit(limit);
  std::vector<TransferTask> all;
  std::set<std::string> seen;
  // A bad answer: the call cannot finish without skipping or repeating tasks.
  const auto invalid = [&](const std::string& why, const ListTransferTasksResponse& r) {
    return huawei::detail::pageWalkError("list transfer tasks of stream " + request.getStreamName(), why, r);
  };
  for (;;) {
    Result<ListTransferTasksResponse> r = listTransferTasks(page);
    if (!r) return r.error();
    const std::vector<TransferTask>& tasks = r->getTasks();
    for (const TransferTask& t : tasks) {
      if (t.getTaskName().empty()) return invalid("a task without a task_name cannot start the next page", *r);
      if (!seen.insert(t.getTaskName()).second) {
        return invalid("task " + t.getTaskName() + " came back on a later page (the service repeats pages)", *r);
      }
      all.push_back(t);
    }
    // Done: a short (or empty) page, or every task the service counts. A service that ignores
    // limit answers everything at once and ends here too.
    if (tasks.size() < static_cast<std::size_t>(limit)) return all;
    if (r->getTotalNumber() > 0 && static_cast<std::int64_t>(all.size()) >= r->getTotalNumber()) return all;
    const std::string& next = tasks.back().getTaskName();
    if (page.getStartTaskName() && *page.getStartTaskName() == next) {
      return invalid("the next page would start after " + next + " again", *r);
    }
    page.setStartTaskName(next);
  }
}

const std::string& DisClient::getEndpoint() const noexcept { return impl_->endpointText(); }

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
