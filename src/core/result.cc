#include "delivery/core/result.h"

#include <ostream>

#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN

const char* toString(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::InvalidArgument: return "InvalidArgument";
    case ErrorKind::Connect: return "Connect";
    case ErrorKind::Network: return "Network";
    case ErrorKind::Timeout: return "Timeout";
    case ErrorKind::Tls: return "Tls";
    case ErrorKind::Auth: return "Auth";
    case ErrorKind::Throttled: return "Throttled";
    case ErrorKind::Service: return "Service";
    case ErrorKind::InvalidResponse: return "InvalidResponse";
    case ErrorKind::Internal: return "Internal";
    case ErrorKind::Cancelled: return "Cancelled";
  }
  return "Unknown";
}

std::string Error::toString() const {
  // Fields are escaped (not capped: the pipeline has capped what came from outside) so that no
  // caller-built Error can break the one-line form either.
  constexpr std::size_t kNoCap = static_cast<std::size_t>(-1);
  auto safe = [](const std::string& s) { return detail::safeText(s, kNoCap); };
  std::string out = delivery::toString(kind);
  if (httpStatus != 0) out += " (HTTP " + std::to_string(httpStatus) + ")";
  if (!code.empty()) out += " " + safe(code);
  out += ": ";
  out += safe(message);
  for (const auto& v : violations) {
    out += "\n  ";
    out += safe(v.field);
    out += ": ";
    out += safe(v.message);
  }
  if (!requestId.empty()) out += (violations.empty() ? " [request id " : "\n  [request id ") + safe(requestId) + "]";
  return out;
}

std::ostream& operator<<(std::ostream& os, const Error& error) { return os << error.toString(); }

Exception::Exception(Error error) : std::runtime_error(error.toString()), error_(std::move(error)) {}

DELIVERY_NAMESPACE_END
