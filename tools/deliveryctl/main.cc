// deliveryctl: see ctl.h and README "Command line".
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "ctl.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  deliveryctl::Io io{std::cout, std::cerr, std::cin, isatty(STDOUT_FILENO) == 1};
  return deliveryctl::run(args, io);
}
