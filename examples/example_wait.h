#pragma once
// The create examples' `--wait` option: after the create, poll the task until it runs and print
// each state it passes through.
//
//   create_dli_transfer_task --wait mystream
//   created DLI transfer task dlitask on stream mystream (HTTP 201, request id ...)
//   waiting for dlitask: STARTING (after 0 s)
//   waiting for dlitask: STARTING -> RUNNING (after 2 s)
//   dlitask: reached RUNNING after 3 polls (2 s)
//
// Polls every second at first, then 1.5 times less often, at most every 10 s, for 10 minutes.

#include <delivery/core/waiter.h>

#include <chrono>
#include <iostream>
#include <string>
#include <vector>

namespace example {

/// An example's command line: `--wait` anywhere, the rest positional.
struct Arguments {
  bool wait = false;
  std::vector<std::string> positional;

  Arguments(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--wait") {
        wait = true;
      } else {
        positional.push_back(arg);
      }
    }
  }
  /// The i-th positional argument, or `fallback`.
  std::string at(std::size_t i, const std::string& fallback) const {
    return i < positional.size() ? positional[i] : fallback;
  }
};

/// Options that print each state change of `task`.
inline delivery::WaitOptions printingWaitOptions(const std::string& task) {
  delivery::WaitOptions options;
  options.timeout = std::chrono::minutes(10);
  options.pollInterval = std::chrono::seconds(1);
  options.maxPollInterval = std::chrono::seconds(10);
  options.onStateChange = [task](const delivery::WaitProgress& p) {
    std::cout << "waiting for " << task << ": ";
    if (!p.previousState.empty()) std::cout << p.previousState << " -> ";
    std::cout << p.state << " (after " << std::chrono::duration_cast<std::chrono::seconds>(p.elapsed).count()
              << " s)\n";
  };
  return options;
}

/// Prints how the wait ended; the exit status: 0 when the state was reached.
inline int reportWait(const std::string& task, const delivery::WaitStatus& waited) {
  (waited.reached() ? std::cout : std::cerr) << task << ": " << waited.summary() << '\n';
  return waited.reached() ? 0 : 1;
}

}  // namespace example
