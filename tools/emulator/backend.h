#pragma once
// The emulator's service backends (internal to tools/): each answers the routes of one cloud
// family and can save and load its tasks as lines of the state file.

#include <chrono>
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

class Backend {
 public:
  virtual ~Backend() = default;
  /// Called with the emulator's lock held.
  virtual Reply handle(const Exchange& exchange) = 0;
  /// Writes one line per task, each starting with this backend's tag.
  virtual void save(std::ostream& out) const = 0;
  /// Reads one line (without the tag); false when it is corrupt.
  virtual bool load(const std::string& tag, const std::string& rest) = 0;
  virtual std::size_t taskCount() const = 0;
  /// True when the last handle() changed state that the state file should keep.
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
