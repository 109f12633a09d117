#pragma once

#include "delivery/export.h"
// Small string helpers shared by the signers, serializers and the transport (internal).

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

DELIVERY_NAMESPACE_BEGIN namespace detail {

constexpr char asciiLower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string toLowerAscii(std::string_view s);
/// The environment variable `name`'s value; empty when unset (or when `name` is null or empty).
std::string envText(const char* name);
/// Whether the environment variable `name` is "true" in any case.
bool envTrue(const char* name);
std::string_view trimView(std::string_view s) noexcept;
bool startsWithIgnoreCase(std::string_view s, std::string_view prefix) noexcept;

/// RFC 3986: every byte but A-Z a-z 0-9 - _ . ~ becomes %XX with upper-case hex.
std::string percentEncode(std::string_view s);
/// The same, appended to `out` (no temporary string).
void appendPercentEncoded(std::string& out, std::string_view s);

/// "2024-01-02T03:04:05.678Z" (UTC, milliseconds), the format Tablestore's x-ots-date uses.
std::string formatIso8601Millis(std::chrono::system_clock::time_point t);
inline constexpr std::size_t kIso8601MillisLength = 24;
/// The same into `out` (kIso8601MillisLength chars, no terminator). Allocates nothing.
void formatIso8601MillisInto(std::chrono::system_clock::time_point t, char* out) noexcept;
/// "20240102T030405Z" (UTC), the format of Huawei's X-Sdk-Date.
std::string formatCompactIso8601(std::chrono::system_clock::time_point t);
inline constexpr std::size_t kCompactIso8601Length = 16;
/// The same into `out` (kCompactIso8601Length chars, no terminator). Allocates nothing.
void formatCompactIso8601Into(std::chrono::system_clock::time_point t, char* out) noexcept;
/// "20240102" (UTC).
std::string formatYmd(std::chrono::system_clock::time_point t);
/// Parses "20240102T030405Z" (formatCompactIso8601's form); false when malformed.
bool parseCompactIso8601(std::string_view s, std::chrono::system_clock::time_point& out);
/// Parses "YYYY-MM-DDTHH:MM:SS[.fff]Z"; false when malformed.
bool parseIso8601(std::string_view s, std::chrono::system_clock::time_point& out);
/// Parses an HTTP date (RFC 9110 5.6.7): IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", and the
/// obsolete RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994"
/// forms that recipients must accept; false when malformed.
bool parseHttpDate(std::string_view s, std::chrono::system_clock::time_point& out);

/// A random RFC 4122 version-4 UUID, lower-case.
std::string randomUuid();
inline constexpr std::size_t kUuidLength = 36;
/// The same into `out` (kUuidLength chars, no terminator). Allocates nothing.
void randomUuidInto(char* out) noexcept;
/// A uniformly distributed integer in [lo, hi] from a per-thread generator.
std::int64_t randomBetween(std::int64_t lo, std::int64_t hi);

/// Whether `s` is well-formed UTF-8 (RFC 3629): no stray or missing continuation bytes, no
/// overlong forms, no encoded UTF-16 surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
bool isValidUtf8(std::string_view s) noexcept;


/// Text that came from outside the SDK (a response's error code and message, request id, header
/// values, a transport's message), made safe to store in an Error, print or log: valid UTF-8 is
/// kept, including non-ASCII letters; C0 controls (CR, LF, ESC, NUL, ...), DEL, C1 controls
/// (U+0080..U+009F), the Unicode line/paragraph separators and bidirectional overrides become
/// \xNN or \u{NNNN}, and so does every byte of an invalid UTF-8 sequence. At most `limit` input
/// bytes are kept; a longer text ends with "...(N bytes)". Already-safe text comes back unchanged.
std::string safeText(std::string_view text, std::size_t limit);
/// Whether safeText(text, limit) would return `text` unchanged (so that a safe text is not copied).
bool isSafeText(std::string_view text, std::size_t limit) noexcept;

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
