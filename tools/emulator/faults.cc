#include "emulator/faults.h"

#include <cctype>
#include <cstdint>
#include <vector>

namespace delivery::emulator {
namespace {

Error bad(const std::string& spec, const std::string& why) {
  return Error(ErrorKind::InvalidArgument, "fault '" + spec + "': " + why);
}

// A plain decimal number of at most 9 digits.
bool readNumber(const std::string& text, std::int64_t& out) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoll(text);
  return true;
}

bool readCount(const std::string& text, int& out) {
  if (text == "every") {
    out = Fault::kEvery;
    return true;
  }
  std::int64_t n = 0;
  if (!readNumber(text, n) || n < 1) return false;
  out = static_cast<int>(n);
  return true;
}

// "250ms", "2s" or "250" (milliseconds); at most an hour.
bool readDuration(const std::string& text, std::chrono::milliseconds& out) {
  std::string digits = text;
  std::int64_t scale = 1;
  if (digits.size() > 2 && digits.compare(digits.size() - 2, 2, "ms") == 0) {
    digits.resize(digits.size() - 2);
  } else if (digits.size() > 1 && digits.back() == 's') {
    digits.pop_back();
    scale = 1000;
  }
  std::int64_t n = 0;
  if (!readNumber(digits, n) || n * scale > 3600 * 1000) return false;
  out = std::chrono::milliseconds(n * scale);
  return true;
}

std::string countText(int count) { return count == Fault::kEvery ? "every" : std::to_string(count); }

std::string durationText(std::chrono::milliseconds d) { return std::to_string(d.count()) + "ms"; }

}  // namespace

bool parseDuration(const std::string& text, std::chrono::milliseconds& out) { return readDuration(text, out); }

const char* toString(FaultKind kind) {
  switch (kind) {
    case FaultKind::Fail: return "fail";
    case FaultKind::Throttle: return "throttle";
    case FaultKind::Latency: return "latency";
    case FaultKind::Stall: return "stall";
    case FaultKind::DropAfterExecute: return "drop-after-execute";
    case FaultKind::TaskError: return "task-error";
  }
  return "fail";
}

bool isCreateOperation(const std::string& operation) {
  return operation == "CreateDeliveryTask" || operation == "CreateTransferTask" || operation == "CreateSinkTask";
}

Result<Fault> parseFault(const std::string& spec) {
  // OPERATION:KIND, then up to four more fields; a fail's message takes the rest of the line.
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (parts.size() < 5) {
    const std::size_t colon = spec.find(':', start);
    if (colon == std::string::npos) break;
    parts.push_back(spec.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(spec.substr(start));
  if (parts.size() < 2) return bad(spec, "expected OPERATION:KIND[:...]");
  Fault f;
  f.operation = parts[0];
  if (f.operation.empty()) return bad(spec, "the operation is empty (use * for any)");
  for (const char c : f.operation) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '*') return bad(spec, "the operation is not a name");
  }
  const std::string& kind = parts[1];
  const std::size_t extra = parts.size() - 2;
  auto field = [&](std::size_t i) -> const std::string& { return parts[i + 2]; };
  if (kind == "fail") {
    f.kind = FaultKind::Fail;
    if (extra < 3) return bad(spec, "expected OPERATION:fail:COUNT:STATUS:CODE[:MESSAGE]");
    std::int64_t status = 0;
    if (!readCount(field(0), f.count)) return bad(spec, "COUNT must be a positive number or 'every'");
    if (!readNumber(field(1), status) || status < 100 || status > 599) return bad(spec, "STATUS must be 100 to 599");
    f.status = static_cast<int>(status);
    f.code = field(2);
    if (f.code.empty()) return bad(spec, "CODE is empty");
    if (extra > 3) f.message = field(3);
    return f;
  }
  if (kind == "throttle") {
    f.kind = FaultKind::Throttle;
    if (extra < 1 || extra > 2) return bad(spec, "expected OPERATION:throttle:COUNT[:RETRY_AFTER_SECONDS]");
    if (!readCount(field(0), f.count)) return bad(spec, "COUNT must be a positive number or 'every'");
    if (extra == 2) {
      std::int64_t s = 0;
      if (!readNumber(field(1), s) || s > 3600) return bad(spec, "RETRY_AFTER must be 0 to 3600 seconds");
      f.retryAfter = std::chrono::seconds(s);
    }
    return f;
  }
  if (kind == "latency" || kind == "stall") {
    f.kind = kind == "latency" ? FaultKind::Latency : FaultKind::Stall;
    f.count = f.kind == FaultKind::Latency ? Fault::kEvery : 1;
    if (extra < 1 || extra > 2) return bad(spec, "expected OPERATION:" + kind + ":DURATION[:COUNT]");
    if (!readDuration(field(0), f.duration)) return bad(spec, "DURATION must be like 250ms or 2s (at most 1 hour)");
    if (extra == 2 && !readCount(field(1), f.count)) return bad(spec, "COUNT must be a positive number or 'every'");
    return f;
  }
  if (kind == "drop-after-execute") {
    f.kind = FaultKind::DropAfterExecute;
    if (extra > 1) return bad(spec, "expected OPERATION:drop-after-execute[:COUNT]");
    if (extra == 1 && !readCount(field(0), f.count)) return bad(spec, "COUNT must be a positive number or 'every'");
    return f;
  }
  if (kind == "task-error") {
    f.kind = FaultKind::TaskError;
    if (f.operation != "*" && !isCreateOperation(f.operation)) {
      return bad(spec, "task-error applies to a create only (CreateDeliveryTask, CreateTransferTask, CreateSinkTask or *), not " +
                           f.operation);
    }
    if (extra >= 1 && !readCount(field(0), f.count)) return bad(spec, "COUNT must be a positive number or 'every'");
    if (extra >= 2) {
      // DETAIL is the rest of the line, colons and all: after "OPERATION:task-error:COUNT:".
      const std::size_t head = parts[0].size() + 1 + kind.size() + 1 + field(0).size() + 1;
      f.message = spec.substr(head);
    }
    return f;
  }
  return bad(spec, "unknown kind '" + kind + "' (fail, throttle, latency, stall, drop-after-execute, task-error)");
}

std::string format(const Fault& f) {
  std::string out = f.operation + ":" + toString(f.kind) + ":";
  switch (f.kind) {
    case FaultKind::Fail:
      out += countText(f.count) + ":" + std::to_string(f.status) + ":" + f.code;
      if (!f.message.empty()) out += ":" + f.message;
      break;
    case FaultKind::Throttle:
      out += countText(f.count) + ":" + std::to_string(f.retryAfter.count());
      break;
    case FaultKind::Latency:
    case FaultKind::Stall:
      out += durationText(f.duration) + ":" + countText(f.count);
      break;
    case FaultKind::DropAfterExecute:
      out += countText(f.count);
      break;
    case FaultKind::TaskError:
      out += countText(f.count);
      if (!f.message.empty()) out += ":" + f.message;
      break;
  }
  return out;
}

}  // namespace delivery::emulator
