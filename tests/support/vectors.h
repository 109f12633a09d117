#pragma once
// Test helpers: the vector files in tests/data, and hex/byte conversions.

#include <string>

namespace delivery::test {

/// Contents of tests/data/<name>.
std::string readDataFile(const std::string& name);
std::string fromHex(const std::string& hex);
std::string toHex(const std::string& bytes);

}  // namespace delivery::test
