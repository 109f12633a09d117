#pragma once
// Fault injection for the emulator: what a fault is, and its one-line text form (the
// delivery-emulator --fault flag and the admin endpoint's "spec" take the same text).
//
//   OPERATION:fail:COUNT:STATUS:CODE[:MESSAGE]     the next COUNT requests get STATUS and CODE
//   OPERATION:throttle:COUNT[:RETRY_AFTER]         the service's throttling answer + Retry-After (s)
//   OPERATION:latency:DURATION[:COUNT]             wait DURATION before handling (default: every request)
//   OPERATION:stall:DURATION[:COUNT]               hold the request DURATION without answering, then handle it
//   OPERATION:drop-after-execute[:COUNT]           handle it (state changes), then close the connection
//                                                  without a byte of answer
//   OPERATION:task-error[:COUNT[:DETAIL]]          a create only: the create succeeds, and the task it
//                                                  makes goes into its error state at its first
//                                                  lifecycle step (lifecycle.h); DETAIL may contain
//                                                  colons (COUNT default 1)
//
// OPERATION is the vendor's operation name (CreateDeliveryTask, CreateTransferTask, CreateSinkTask,
// ListSinkTasks, ...) or "*" for any request (for task-error: any create). COUNT is a number of requests, or "every". DURATION is
// "250ms", "2s" or a number of milliseconds. MESSAGE may contain colons.

#include <chrono>
#include <string>

#include "delivery/core/result.h"

namespace delivery::emulator {

enum class FaultKind { Fail, Throttle, Latency, Stall, DropAfterExecute, TaskError };

/// The operations a task-error fault may name: the creates (and "*").
bool isCreateOperation(const std::string& operation);

struct Fault {
  /// Applies to every matching request until the faults are cleared.
  static constexpr int kEvery = -1;

  std::string operation = "*";  ///< a vendor operation name, or "*" for any
  FaultKind kind = FaultKind::Fail;
  int count = 1;  ///< matching requests it still applies to (kEvery: no limit)
  /// Fail: the HTTP status (required). Throttle: 0 for the family's own (Tablestore 503, Huawei 429).
  int status = 0;
  /// Fail: the service error code (required). Throttle: empty for the family's own (OTSServerBusy,
  /// DIS.4303, DMS.10240407).
  std::string code;
  /// Fail, Throttle: empty for a message naming the injected fault. TaskError: the error detail
  /// (empty for lifecycle.h's kDefaultTaskErrorDetail).
  std::string message;
  std::chrono::milliseconds duration{0};  ///< Latency and Stall
  std::chrono::seconds retryAfter{1};     ///< Throttle: the Retry-After header, in seconds
};

/// A DURATION as above ("250ms", "2s" or milliseconds, at most an hour); false when it is not one.
/// Also the program's --task-pace.
bool parseDuration(const std::string& text, std::chrono::milliseconds& out);
/// Reads the one-line form above; an InvalidArgument error says what is wrong.
Result<Fault> parseFault(const std::string& spec);
/// The one-line form of a fault (parseFault(format(f)) gives f back).
std::string format(const Fault& fault);
const char* toString(FaultKind kind);

}  // namespace delivery::emulator
