#pragma once
// deliveryctl as a function, so that tests run it in-process against an emulator they control.

#include <iosfwd>
#include <string>
#include <vector>

#include "delivery/export.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {
class Emulator;
}  DELIVERY_NAMESPACE_END

namespace deliveryctl {

/// Exit codes (README, "Command line").
enum ExitCode : int {
  kOk = 0,            ///< done; `plan`: nothing to change
  kError = 1,         ///< a request failed, a task is missing, a wait did not reach RUNNING
  kUsage = 2,         ///< bad command line
  kPlanChanges = 3,   ///< `plan`: there are changes to apply
  kInvalidSpec = 4,   ///< the spec file has problems: nothing was sent
  kNeedsReplace = 5,  ///< `plan`/`apply`: a task must be replaced and --allow-replace was not given
  kNotConfirmed = 6,  ///< `delete`: the confirmation was refused
};

/// Where deliveryctl reads and writes.
struct Io {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool terminal = false;  ///< `out` is a terminal: live progress lines instead of plain ones
};

/// Runs deliveryctl with `args` (without the program name). `emulator`, when not null, is what
/// --emulator uses instead of starting one of its own (tests inject faults and count requests).
int run(const std::vector<std::string>& args, Io& io, delivery::testing::Emulator* emulator = nullptr);

}  // namespace deliveryctl
