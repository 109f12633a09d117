#include "huawei/json.h"

#include <rapidjson/error/en.h>

#include <cstdint>
#include <cstring>

#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {

namespace {

/// What follows the backslash for each byte that rapidjson escapes; 0 for the bytes written as they are.
struct Escapes {
  char after[256] = {};
  constexpr Escapes() {
    for (int c = 0; c < 0x20; ++c) after[c] = 'u';
    set('\b', 'b');
    set('\t', 't');
    set('\n', 'n');
    set('\f', 'f');
    set('\r', 'r');
    set('"', '"');
    set('\\', '\\');
  }
  constexpr void set(char c, char escape) { after[static_cast<unsigned char>(c)] = escape; }
};
constexpr Escapes kEscapes;

/// Whether any of the 8 bytes at `p` is one that rapidjson escapes (a control character, '"' or
/// '\\'), tested a word at a time: the bodies are mostly long runs that need no escape, and a
/// table lookup per byte dominated writing them. A true answer only sends the bytes through the
/// table one by one; a false one is exact.
inline bool mayNeedEscape(const char* p) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  const auto hasZeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below20 = (x - 0x20 * kOnes) & ~x & kHighs;  // some byte < 0x20
  return (below20 | hasZeroByte(x ^ ('"' * kOnes)) | hasZeroByte(x ^ ('\\' * kOnes))) != 0;
}

}  // namespace

void JsonWriter::writeQuoted(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  // Room for the worst case (every byte as \u00XX, and the quotes); what is left over is given back.
  char* const start = os_->Push(2 + 6 * s.size());
  char* out = start;
  *out++ = '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    const char* run = p;
    while (end - p >= 8 && !mayNeedEscape(p)) p += 8;
    while (p != end && kEscapes.after[static_cast<unsigned char>(*p)] == 0) ++p;
    std::memcpy(out, run, static_cast<std::size_t>(p - run));
    out += p - run;
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p++);
    const char e = kEscapes.after[c];
    *out++ = '\\';
    *out++ = e;
    if (e == 'u') {
      *out++ = '0';
      *out++ = '0';
      *out++ = kHex[c >> 4];
      *out++ = kHex[c & 0xF];
    }
  }
  *out++ = '"';
  os_->Pop(static_cast<std::size_t>(start + 2 + 6 * s.size() - out));
}

Result<rapidjson::Document> parseObject(std::string_view body) {
  rapidjson::Document d;
  if (delivery::detail::trimView(body).empty()) {
    d.SetObject();
    return d;
  }
  // kParseStopWhenDoneFlag is not used: trailing garbage is an error. Depth is bounded by
  // RapidJSON's iterative parser, so hostile nesting cannot exhaust the stack.
  d.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (d.HasParseError()) {
    return Error(ErrorKind::InvalidResponse, std::string("malformed JSON at offset ") +
                                                 std::to_string(d.GetErrorOffset()) + ": " +
                                                 rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsObject()) return Error(ErrorKind::InvalidResponse, "the JSON body is not an object");
  return d;
}

Error unreadable(std::vector<FieldViolation> problems, const char* what) {
  Error e(ErrorKind::InvalidResponse, std::string("unexpected ") + what + " response body");
  e.violations = std::move(problems);
  return e;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
