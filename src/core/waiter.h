#pragma once
// The polling loop behind every waitUntil… helper (internal). A family supplies the poll (its
// describe/show call) and a classification of each response; the loop owns timing, backoff,
// cancellation, the progress callback and the log lines.

#include <string>
#include <string_view>
#include <utility>

#include "core/function_ref.h"
#include "core/pipeline.h"
#include "delivery/core/waiter.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

/// Where one poll found the task.
struct Observation {
  enum class Verdict { Pending, Reached, Failed };
  Verdict verdict = Verdict::Pending;
  std::string state;   ///< the service's word for it
  std::string detail;  ///< for Failed: the service's detail, or why the state is final
};

/// Runs the loop, filling `status`. `what` names the wait in log lines ("transfer task s/t").
void runWait(const Runtime& runtime, const WaitOptions& options, std::string_view what, WaitStatus& status,
             FunctionRef<Result<Observation>()> poll);

/// The typed form: `poll()` returns Result<Response>; `classify(const Response&)` an Observation.
template <typename Response, typename Poll, typename Classify>
WaitResult<Response> waitFor(const Runtime& runtime, const WaitOptions& options, std::string_view what, Poll&& poll,
                             Classify&& classify) {
  WaitResult<Response> result;
  auto step = [&]() -> Result<Observation> {
    Result<Response> polled = poll();
    if (!polled) return polled.error();
    Observation seen = classify(*polled);
    result.response = std::move(polled).value();
    return seen;
  };
  runWait(runtime, options, what, result, step);
  return result;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
