#pragma once
// An environment variable set (or unset) for the scope of a test and restored afterwards, even
// when an assertion ends the test early.

#include <cstdlib>
#include <optional>
#include <string>

namespace delivery::test {

class ScopedEnv {
 public:
  /// Sets `name` to `value`, or unsets it when `value` is nullptr.
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    set(value);
  }
  ~ScopedEnv() { set(old_ ? old_->c_str() : nullptr); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

  /// Changes the value within the scope (nullptr unsets it).
  void set(const char* value) {
    if (value) {
      ::setenv(name_, value, 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace delivery::test
