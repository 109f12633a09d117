#pragma once

#include "delivery/export.h"
// Cancellation for long waits (C++17 has no std::stop_token): a StopSource hands out StopTokens;
// requestStop() on the source, from any thread, is seen by every token and wakes a thread blocked
// in StopToken::waitFor() (and so in the SDK's default Sleeper).
//
//   delivery::StopSource stop;
//   options.stopToken = stop.token();
//   std::thread ui([&] { waitForCancelButton(); stop.requestStop(); });
//   auto waited = client.waitUntilTransferTaskRunning(request, options);   // outcome Cancelled

#include <chrono>
#include <memory>

DELIVERY_NAMESPACE_BEGIN

namespace detail {
struct StopState;
}

/// Sees whether its StopSource asked to stop. Cheap to copy; thread-safe.
class DELIVERY_API StopToken {
 public:
  /// A token that is never stopped.
  StopToken() noexcept = default;

  /// Whether the source has asked to stop. Thread-safe.
  bool stopRequested() const noexcept;
  /// False for a default-constructed token: nothing can ever stop it.
  bool stopPossible() const noexcept { return state_ != nullptr; }
  /// Blocks for `duration`, or less when a stop is requested meanwhile; true when stopped.
  bool waitFor(std::chrono::milliseconds duration) const;

 private:
  friend class StopSource;
  explicit StopToken(std::shared_ptr<detail::StopState> state) noexcept : state_(std::move(state)) {}
  std::shared_ptr<detail::StopState> state_;
};

/// Asks its tokens to stop, once, from any thread. Copies share one stop state.
class DELIVERY_API StopSource {
 public:
  /// A source that has not asked to stop yet.
  StopSource();

  StopToken token() const noexcept { return StopToken(state_); }  ///< A token that sees this source's stop.
  /// Asks every token to stop and wakes their waiters. True for the call that made the request.
  bool requestStop() noexcept;
  bool stopRequested() const noexcept;  ///< Whether requestStop() was called on this source or a copy. Thread-safe.

 private:
  std::shared_ptr<detail::StopState> state_;
};

DELIVERY_NAMESPACE_END
