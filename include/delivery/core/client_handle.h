#pragma once

#include "delivery/export.h"
// What every client is underneath: a shared pointer to its immutable state. Copying a client copies
// the pointer, so copies share one transport (and its connections) and cost next to nothing.

#include <memory>
#include <utility>

DELIVERY_NAMESPACE_BEGIN

template <typename Client>
/// The base of every client: a shared pointer to its immutable state. Copies share one transport
/// and are cheap; a client (and its copies) may be used from many threads at once.
class ClientHandle {
 protected:
  struct Impl;  // each client's state, defined inside the SDK
  /// Wraps the state built by the client's create().
  explicit ClientHandle(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}
  /// The client's state, shared by its copies; never null in a client returned by create().
  std::shared_ptr<const Impl> impl_;
};

DELIVERY_NAMESPACE_END
