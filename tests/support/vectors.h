#pragma once
// Test helpers: the vector files in tests/data.

#include <string>

namespace delivery::test {

/// Contents of tests/data/<name>.
std::string readDataFile(const std::string& name);

}  // namespace delivery::test
