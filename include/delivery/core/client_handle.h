#pragma once

#include "delivery/export.h"
// What every client is underneath: a shared pointer to its immutable state. Copying a client copies
// the pointer, so copies share one transport (and its connections) and cost next to nothing.

#include <memory>
#include <utility>

DELIVERY_NAMESPACE_BEGIN

template <typename Client>
class ClientHandle {
 protected:
  struct Impl;  // each client's state, defined inside the SDK
  explicit ClientHandle(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

DELIVERY_NAMESPACE_END
