#pragma once
// The emulator options every integration test starts from (tests that link the emulator only).

#include <chrono>

#include "emulator/emulator.h"

namespace delivery::test {

/// Defaults, with an idle timeout so that the emulator stops by itself even if a test forgets to.
inline emulator::EmulatorOptions emulatorOptions() {
  emulator::EmulatorOptions o;
  o.idleTimeout = std::chrono::seconds(120);
  return o;
}

}  // namespace delivery::test
