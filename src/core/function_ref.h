#pragma once

#include "delivery/export.h"
// A non-owning reference to a callable (internal): what std::function would be without the
// allocation. The callable must outlive the FunctionRef, as a call's own locals do.

#include <type_traits>
#include <utility>

DELIVERY_NAMESPACE_BEGIN namespace detail {

template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
  FunctionRef(F&& f) noexcept  // NOLINT(google-explicit-constructor): used like a function parameter
      : object_(const_cast<void*>(static_cast<const void*>(&f))),
        call_([](void* object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
