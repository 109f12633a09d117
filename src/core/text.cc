#include "core/text.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>

DELIVERY_NAMESPACE_BEGIN namespace detail {

std::string envText(const char* name) {
  if (name == nullptr || *name == '\0') return {};
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : std::string();
}

bool envTrue(const char* name) { return toLowerAscii(envText(name)) == "true"; }

std::string toLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = asciiLower(c);
  return out;
}

std::string_view trimView(std::string_view s) noexcept {
  auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (asciiLower(s[i]) != asciiLower(prefix[i])) return false;
  }
  return true;
}

void appendPercentEncoded(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

std::string percentEncode(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  appendPercentEncoded(out, s);
  return out;
}

namespace {

// Broken-down UTC time, computed directly: gmtime_r takes a process-wide lock and is far more
// code than this, and every signed request formats the time.
struct UtcTime {
  int year, month, day, hour, minute, second, millis;
};

UtcTime utc(std::chrono::system_clock::time_point t) noexcept {
  const std::int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  std::int64_t secs = ms / 1000;
  std::int64_t millis = ms % 1000;
  if (millis < 0) {
    millis += 1000;
    secs -= 1;
  }
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    days -= 1;
  }
  // Days since 1970-01-01 to a proleptic Gregorian date, counting in 400-year eras that start on
  // March 1st so that the leap day is the last day of a year.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t dayOfEra = z - era * 146097;                                               // [0, 146096]
  const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;  // [0, 399]
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);  // [0, 365]
  const std::int64_t mp = (5 * dayOfYear + 2) / 153;                                             // [0, 11], March = 0
  const std::int64_t day = dayOfYear - (153 * mp + 2) / 5 + 1;
  const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return UtcTime{static_cast<int>(year),        static_cast<int>(month),           static_cast<int>(day),
                 static_cast<int>(rem / 3600),  static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60),
                 static_cast<int>(millis)};
}

char* putDigits(char* out, int value, int width) noexcept {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

}  // namespace

namespace {

// "yyyy-MM-ddTHH:mm:ss.SSSZ" (extended) or "yyyyMMddTHHmmssZ" (basic, no milliseconds).
void formatUtcInto(std::chrono::system_clock::time_point t, char* out, bool extended) noexcept {
  const UtcTime u = utc(t);
  const auto separator = [&](char c) {
    if (extended) *out++ = c;
  };
  out = putDigits(out, u.year, 4);
  separator('-');
  out = putDigits(out, u.month, 2);
  separator('-');
  out = putDigits(out, u.day, 2);
  *out++ = 'T';
  out = putDigits(out, u.hour, 2);
  separator(':');
  out = putDigits(out, u.minute, 2);
  separator(':');
  out = putDigits(out, u.second, 2);
  if (extended) {
    *out++ = '.';
    out = putDigits(out, u.millis, 3);
  }
  *out = 'Z';
}

}  // namespace

void formatIso8601MillisInto(std::chrono::system_clock::time_point t, char* out) noexcept { formatUtcInto(t, out, true); }

void formatCompactIso8601Into(std::chrono::system_clock::time_point t, char* out) noexcept {
  formatUtcInto(t, out, false);
}

std::string formatIso8601Millis(std::chrono::system_clock::time_point t) {
  char buf[kIso8601MillisLength];
  formatIso8601MillisInto(t, buf);
  return std::string(buf, sizeof buf);
}

std::string formatCompactIso8601(std::chrono::system_clock::time_point t) {
  char buf[kCompactIso8601Length];
  formatCompactIso8601Into(t, buf);
  return std::string(buf, sizeof buf);
}

std::string formatYmd(std::chrono::system_clock::time_point t) {
  const UtcTime u = utc(t);
  char buf[8];
  char* out = putDigits(buf, u.year, 4);
  out = putDigits(out, u.month, 2);
  putDigits(out, u.day, 2);
  return std::string(buf, sizeof buf);
}

bool parseCompactIso8601(std::string_view s, std::chrono::system_clock::time_point& out) {
  // YYYYMMDDTHHMMSSZ -> YYYY-MM-DDTHH:MM:SSZ
  if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 4u, 5u, 6u, 7u, 9u, 10u, 11u, 12u, 13u, 14u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const char iso[] = {s[0], s[1], s[2],  s[3],  '-', s[4],  s[5],  '-', s[6], s[7],
                      'T',  s[9], s[10], ':',   s[11], s[12], ':',   s[13], s[14], 'Z'};
  return parseIso8601(std::string_view(iso, sizeof iso), out);
}

bool parseIso8601(std::string_view s, std::chrono::system_clock::time_point& out) {
  // YYYY-MM-DDTHH:MM:SS[.f+]Z
  if (s.size() < 20) return false;
  auto num = [&](std::size_t pos, std::size_t len, int& v) {
    v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, se;
  if (!num(0, 4, y) || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d) || s[10] != 'T' ||
      !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi) || s[16] != ':' || !num(17, 2, se)) {
    return false;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return false;
  std::size_t pos = 19;
  long millis = 0;
  if (s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return false;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  if (pos + 1 != s.size() || s[pos] != 'Z') return false;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = se;
  const std::time_t secs = timegm(&tm);
  // system_clock counts nanoseconds in 64 bits: about 1677 to 2262. A date outside that range
  // (any four-digit year can arrive in a header) would overflow the conversion.
  constexpr std::time_t kLimit =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::duration::max()).count() - 1;
  if (secs > kLimit || secs < -kLimit) return false;
  out = std::chrono::system_clock::time_point(std::chrono::seconds(secs)) + std::chrono::milliseconds(millis);
  return true;
}

namespace {
// xoshiro256** (Blackman and Vigna): 32 bytes of state per thread instead of mt19937_64's 2.5 KB,
// which a client would otherwise pull into cache on every call for a trace id. Seeded from
// std::random_device; used for trace ids and backoff jitter, never for secrets.
class Xoshiro256 {
 public:
  Xoshiro256() {
    std::random_device rd;
    for (auto& word : s_) word = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
  }
  std::uint64_t operator()() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~static_cast<result_type>(0); }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

Xoshiro256& generator() {
  thread_local Xoshiro256 gen;
  return gen;
}
}  // namespace

void randomUuidInto(char* out) noexcept {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hi = generator()();
  std::uint64_t lo = generator()();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) *out++ = '-';
    const auto byte = static_cast<unsigned>((i < 8 ? hi >> (56 - 8 * i) : lo >> (56 - 8 * (i - 8))) & 0xFF);
    *out++ = kHex[byte >> 4];
    *out++ = kHex[byte & 0xF];
  }
}

bool parseHttpDate(std::string_view s, std::chrono::system_clock::time_point& out) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto month = [](std::string_view m) -> int {
    for (int i = 0; i < 12; ++i) {
      if (m == kMonths[i]) return i + 1;
    }
    return 0;
  };
  auto digits = [](std::string_view d) {
    if (d.empty()) return false;
    for (char c : d) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  std::string_view year, mon, day, time;
  const auto comma = s.find(',');
  if (comma != std::string_view::npos) {
    std::string_view rest = s.substr(comma + 1);
    if (rest.size() == 25 && rest[0] == ' ' && rest[3] == ' ' && rest[7] == ' ' && rest[12] == ' ' &&
        rest.substr(21) == " GMT" && comma == 3) {
      // IMF-fixdate: ", 06 Nov 1994 08:49:37 GMT"
      day = rest.substr(1, 2);
      mon = rest.substr(4, 3);
      year = rest.substr(8, 4);
      time = rest.substr(13, 8);
    } else if (rest.size() == 23 && rest[0] == ' ' && rest[3] == '-' && rest[7] == '-' && rest[10] == ' ' &&
               rest.substr(19) == " GMT") {
      // RFC 850: ", 06-Nov-94 08:49:37 GMT"; a two-digit year below 70 is 20yy.
      day = rest.substr(1, 2);
      mon = rest.substr(4, 3);
      year = rest.substr(8, 2);
      time = rest.substr(11, 8);
    } else {
      return false;
    }
  } else if (s.size() == 24 && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' && s[19] == ' ') {
    // asctime: "Sun Nov  6 08:49:37 1994"
    mon = s.substr(4, 3);
    day = s.substr(8, 2);
    if (day[0] == ' ') day.remove_prefix(1);
    time = s.substr(11, 8);
    year = s.substr(20, 4);
  } else {
    return false;
  }
  const int m = month(mon);
  if (m == 0 || !digits(day) || !digits(year) || time.size() != 8 || time[2] != ':' || time[5] != ':' ||
      !digits(time.substr(0, 2)) || !digits(time.substr(3, 2)) || !digits(time.substr(6, 2))) {
    return false;
  }
  std::string iso;
  if (year.size() == 2) iso = (year < "70" ? "20" : "19");
  iso += year;
  iso += '-';
  iso += static_cast<char>('0' + m / 10);
  iso += static_cast<char>('0' + m % 10);
  iso += '-';
  if (day.size() == 1) iso += '0';
  iso += day;
  iso += 'T';
  iso += time;
  iso += 'Z';
  return parseIso8601(iso, out);
}

std::string randomUuid() {
  char buf[kUuidLength];
  randomUuidInto(buf);
  return std::string(buf, sizeof buf);
}

std::int64_t randomBetween(std::int64_t lo, std::int64_t hi) {
  if (hi <= lo) return lo;
  std::uniform_int_distribution<std::int64_t> dist(lo, hi);
  return dist(generator());
}



namespace {

// The length of the UTF-8 sequence starting at s[i] and its code point, or 0 when the bytes there
// are not a valid, shortest-form sequence of a Unicode scalar value.
std::size_t utf8Sequence(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Code points that must not reach a terminal or a log line as they are.
bool unsafeCodePoint(char32_t cp) noexcept {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0x061C;
}

}  // namespace

bool isValidUtf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII, the usual text, 8 bytes at a time.
    std::uint64_t word;
    if (s.size() - i >= sizeof word) {
      std::memcpy(&word, s.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += sizeof word;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = utf8Sequence(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

bool isSafeText(std::string_view text, std::size_t limit) noexcept {
  if (text.size() > limit) return false;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = utf8Sequence(text, i, cp);
    if (len == 0 || unsafeCodePoint(cp)) return false;
    i += len;
  }
  return true;
}

std::string safeText(std::string_view text, std::size_t limit) {
  // The usual case, on every successful call's request id: nothing to escape, one plain copy.
  if (isSafeText(text, limit)) return std::string(text);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve((text.size() < limit ? text.size() : limit) + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t len = utf8Sequence(text, i, cp);
    if (i + (len == 0 ? 1 : len) > limit) break;  // never cut a character in two
    if (len == 0) {
      const auto c = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
      len = 1;
    } else if (cp < 0x80 && unsafeCodePoint(cp)) {
      out += "\\x";
      out += kHex[(cp >> 4) & 0xF];
      out += kHex[cp & 0xF];
    } else if (unsafeCodePoint(cp)) {
      out += "\\u{";
      bool started = false;
      for (int shift = 20; shift >= 0; shift -= 4) {
        const unsigned digit = (cp >> shift) & 0xF;
        if (digit != 0 || started || shift <= 12) {
          out += kHex[digit];
          started = true;
        }
      }
      out += '}';
    } else {
      out.append(text.data() + i, len);
    }
    i += len;
  }
  if (i < text.size()) out += "...(" + std::to_string(text.size()) + " bytes)";
  return out;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
