#pragma once
// The emulator's service backends (internal to tools/): each answers the routes of one cloud
// family and can save and load its tasks as lines of the state file.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "delivery/core/http.h"

namespace delivery::emulator {

struct Exchange {
  std::string method;  ///< "GET", "POST", ...
  std::string path;    ///< decoded
  std::vector<std::pair<std::string, std::string>> query;
  Headers headers;
  std::string body;
};

/// Both services reject a signed request whose date is more than 15 minutes from their clock.
inline bool withinClockSkew(std::chrono::system_clock::time_point date) {
  constexpr auto kMaxClockSkew = std::chrono::minutes(15);
  const auto now = std::chrono::system_clock::now();
  return date <= now + kMaxClockSkew && date >= now - kMaxClockSkew;
}

struct Reply {
  int status = 200;
  Headers headers;
  std::string body;
  std::string code;  ///< the error code, for the request log
};

/// Runs a step that reads or changes a backend's tasks while holding the emulator's state lock, and
/// saves the state file before letting go when the step marked the backend dirty.
using Locked = std::function<Reply(const std::function<Reply()>& step)>;

/// Test hook: called on the request's thread after a body has been decoded and before it is
/// validated, with no lock held. Its argument is the request path.
using BeforeValidate = std::function<void(const std::string& path)>;

class Backend {
 public:
  virtual ~Backend() = default;
  /// Called without any lock held, from many threads at once. Parsing, authentication, decoding,
  /// validation and encoding happen here; only the steps given to `locked` touch the tasks.
  virtual Reply handle(const Exchange& exchange, const Locked& locked) = 0;
  /// Writes one line per task, each starting with this backend's tag. Called with the lock held.
  virtual void save(std::ostream& out) const = 0;
  /// Reads one line (without the tag); false when it is corrupt. Called before serving starts.
  virtual bool load(const std::string& tag, const std::string& rest) = 0;
  /// Called with the lock held.
  virtual std::size_t taskCount() const = 0;
  /// True when a locked step changed state that the state file should keep (lock held).
  bool takeDirty() {
    const bool d = dirty_;
    dirty_ = false;
    return d;
  }

 protected:
  void markDirty() { dirty_ = true; }

 private:
  bool dirty_ = false;
};

}  // namespace delivery::emulator
