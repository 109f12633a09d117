#pragma once
// example::env, for every example.

#include <cstdlib>
#include <string>

namespace example {

/// The variable's value, or `fallback` when it is unset or empty.
inline std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? std::string(v) : std::string(fallback);
}

}  // namespace example
