#include "emulator/lifecycle.h"

#include <cstdlib>

#include "core/crypto.h"

namespace delivery::emulator {
namespace {

bool readInt(const std::string& text, std::int64_t& out) {
  if (text.empty() || text.size() > 18) return false;
  std::size_t i = text[0] == '-' ? 1 : 0;
  if (i == text.size() || text.find_first_not_of("0123456789", i) != std::string::npos) return false;
  out = std::strtoll(text.c_str(), nullptr, 10);
  return true;
}

}  // namespace

std::string saveTaskError(const TaskError& error) {
  if (!error.set()) return "-";
  return std::to_string(error.fromStep) + ":" + std::to_string(error.phase) + ":" + delivery::detail::hexEncode(error.detail);
}

bool loadTaskError(const std::string& token, TaskError& error) {
  error = TaskError{};
  if (token == "-") return true;
  const std::size_t a = token.find(':');
  const std::size_t b = a == std::string::npos ? std::string::npos : token.find(':', a + 1);
  if (b == std::string::npos) return false;
  std::int64_t fromStep = 0;
  std::int64_t phase = 0;
  std::string detail;
  if (!readInt(token.substr(0, a), fromStep) || fromStep < 0 || !readInt(token.substr(a + 1, b - a - 1), phase) ||
      !delivery::detail::hexDecode(token.substr(b + 1), detail)) {
    return false;
  }
  error = TaskError{fromStep, phase, std::move(detail)};
  return true;
}

}  // namespace delivery::emulator
