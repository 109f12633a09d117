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
//
// OPERATION is the vendor's operation name (CreateDeliveryTask, CreateTransferTask, CreateSinkTask,
// ListSinkTasks, ...) or "*" for any request. COUNT is a number of requests, or "every". DURATION is
// "250ms", "2s" or a number of milliseconds. MESSAGE may contain colons.

#include <chrono>
#include <string>

#include "delivery/core/result.h"

namespace delivery::emulator {

enum class FaultKind { Fail, Throttle, Latency, Stall, DropAfterExecute };

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
  std::string message;  ///< empty: a message naming the injected fault
  std::chrono::milliseconds duration{0};  ///< Latency and Stall
  std::chrono::seconds retryAfter{1};     ///< Throttle: the Retry-After header, in seconds
};

/// Reads the one-line form above; an InvalidArgument error says what is wrong.
Result<Fault> parseFault(const std::string& spec);
/// The one-line form of a fault (parseFault(format(f)) gives f back).
std::string format(const Fault& fault);
const char* toString(FaultKind kind);

}  // namespace delivery::emulator
