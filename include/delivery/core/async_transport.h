#pragma once
// The asynchronous seam between the SDK and the network: requests and timers started from any
// thread, their ends reported on the transport's own event thread. CurlTransport implements it
// (one libcurl multi handle on one event thread per transport); any synchronous Transport, such as
// delivery::testing::MockTransport, is run behind it by SyncTransportAdapter, which the clients
// set up by themselves when their transport is not an AsyncTransport.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "delivery/core/transport.h"

#include "delivery/export.h"

DELIVERY_NAMESPACE_BEGIN

/// Names one send or timer started on an AsyncTransport, for cancel(); never 0.
using AsyncTaskId = std::uint64_t;

/// Starts HTTP requests and timers without blocking the caller.
///
/// Contract (besides Transport's rules on what is an Error and on never sending a request whose
/// `idempotent` is false twice):
/// - Each completion is called exactly once, on the transport's event thread, and never from
///   inside the sendAsync(), after() or cancel() call that concerns it. Completions must not block:
///   they hold up every other call of the transport.
/// - cancel() of a task that has not completed completes it with ErrorKind::Cancelled; a task
///   that has completed or is completing is left alone. Unknown ids are ignored.
/// - Destroying the transport completes every task still pending with ErrorKind::Cancelled and
///   never waits for the network. It may happen on the event thread itself (from a completion).
/// - A send that ends Cancelled before any byte of it went out has `Error::retryable` true: nothing
///   reached the service, so the SDK does not report a create's outcome as unknown. One that may
///   have started to go out has it false (the safe default for a transport that cannot tell).
/// - Every member function is thread-safe and may be called from a completion.
class DELIVERY_API AsyncTransport {
 public:
  /// Receives the response, or the Error of a failed send (a cancelled one: ErrorKind::Cancelled).
  using Completion = std::function<void(Result<HttpResponse>)>;
  /// Receives success when the timer fires, ErrorKind::Cancelled when it is cancelled first.
  using TimerCompletion = std::function<void(Result<void>)>;

  virtual ~AsyncTransport() = default;
  /// Starts sending `request` (or queues it while the transport's limit of requests in flight is
  /// reached); `done` gets the response or the transport Error.
  virtual AsyncTaskId sendAsync(HttpRequest request, Completion done) = 0;
  /// Calls `done` with success once `delay` has passed (with Cancelled when cancelled first). The
  /// SDK waits between retry attempts with it, so that no thread sleeps.
  virtual AsyncTaskId after(std::chrono::milliseconds delay, TimerCompletion done) = 0;
  /// Ends a pending task now with ErrorKind::Cancelled (see the contract above).
  virtual void cancel(AsyncTaskId id) = 0;
};

/// How SyncTransportAdapter runs a synchronous transport.
struct SyncTransportAdapterOptions {
  /// Worker threads calling Transport::send(): also the limit of requests in flight; more wait in
  /// a queue, first in, first out. At least 1 (0 is taken as 1).
  std::size_t workers = 4;
};

/// Runs a synchronous Transport behind AsyncTransport: each send() on one of a few worker threads,
/// timers and every completion on one event thread. The clients use it by themselves for a
/// ClientConfig::transport that is not an AsyncTransport (created on the first ...Async call), so a
/// MockTransport serves blocking and asynchronous calls alike.
///
/// Cancelling a request that a worker is sending completes it at once; the send itself runs to its
/// end (a synchronous transport cannot be interrupted) and its result is dropped. The destructor
/// completes every pending task with ErrorKind::Cancelled, then waits for the sends already inside
/// the synchronous transport to return (when it runs on the event thread itself, it does not wait).
/// Thread-safe.
class DELIVERY_API SyncTransportAdapter final : public AsyncTransport {
 public:
  /// Sends through `transport` (not null) on `options.workers` worker threads.
  explicit SyncTransportAdapter(std::shared_ptr<Transport> transport, SyncTransportAdapterOptions options = {});
  ~SyncTransportAdapter() override;
  SyncTransportAdapter(const SyncTransportAdapter&) = delete;
  SyncTransportAdapter& operator=(const SyncTransportAdapter&) = delete;

  AsyncTaskId sendAsync(HttpRequest request, Completion done) override;
  AsyncTaskId after(std::chrono::milliseconds delay, TimerCompletion done) override;
  void cancel(AsyncTaskId id) override;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

DELIVERY_NAMESPACE_END  // namespace delivery
