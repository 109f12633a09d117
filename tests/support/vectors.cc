#include "support/vectors.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace delivery::test {

std::string readDataFile(const std::string& name) {
  const std::string path = std::string(DELIVERY_TEST_DATA_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open test data file " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace delivery::test
