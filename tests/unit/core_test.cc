#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <vector>
#include <sstream>

#include "core/crypto.h"
#include "core/http_internal.h"
#include "core/redact.h"
#include "core/text.h"
#include "delivery/core/credentials.h"
#include "delivery/core/http.h"
#include "delivery/core/logging.h"
#include "delivery/core/result.h"
#include "support/scoped_env.h"

using namespace delivery;

TEST_CASE("Result holds a value or an error", "[core][result]") {
  Result<int> ok = 42;
  REQUIRE(ok);
  CHECK(ok.value() == 42);
  CHECK(*ok == 42);
  CHECK_THROWS_AS(ok.error(), std::logic_error);

  Result<int> bad = Error(ErrorKind::Service, "boom");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "boom");
  CHECK_THROWS_AS(bad.value(), Exception);
  try {
    (void)bad.value();
  } catch (const Exception& e) {
    CHECK(e.error().kind == ErrorKind::Service);
    CHECK(std::string(e.what()).find("boom") != std::string::npos);
  }

  Result<void> v;
  CHECK(v.ok());
  Result<void> verr = Error(ErrorKind::Timeout, "late");
  CHECK_FALSE(verr.ok());
  CHECK_THROWS_AS(verr.value(), Exception);
}

TEST_CASE("Result does not need a default-constructible value", "[core][result]") {
  struct NoDefault {
    explicit NoDefault(int x) : v(x) {}
    int v;
  };
  Result<NoDefault> r = NoDefault(3);
  CHECK(r->v == 3);
}

TEST_CASE("Error::toString lists every field and violation", "[core][result]") {
  Error e(ErrorKind::InvalidArgument, "request is invalid");
  e.violations.push_back({"taskName", "is required"});
  e.violations.push_back({"taskConfig.ossBucket", "must be 3 to 63 characters long"});
  const std::string s = e.toString();
  CHECK(s.find("InvalidArgument") != std::string::npos);
  CHECK(s.find("taskName: is required") != std::string::npos);
  CHECK(s.find("taskConfig.ossBucket: must be 3 to 63 characters long") != std::string::npos);

  Error svc(ErrorKind::Service, "no such task");
  svc.httpStatus = 404;
  svc.code = "OTSObjectNotExist";
  svc.requestId = "rid-1";
  std::ostringstream os;
  os << svc;
  CHECK(os.str() == "Service (HTTP 404) OTSObjectNotExist: no such task [request id rid-1]");
}

TEST_CASE("Headers are case-insensitive and keep order", "[core][http]") {
  Headers h;
  h.add("X-One", "1");
  h.add("x-two", "2");
  h.set("X-ONE", "one");
  CHECK(h.get("x-one") == "one");
  CHECK(h.size() == 2);
  CHECK(h.begin()->first == "X-ONE");
  h.add("x-two", "again");
  CHECK(h.remove("X-Two") == 2);
  CHECK_FALSE(h.contains("x-two"));
  CHECK(h.find("missing") == nullptr);
  CHECK(h.get("missing").empty());
}

TEST_CASE("HeadersAccess::assign replaces every field and reuses their storage", "[core][http]") {
  Headers h;
  h.add("Old", "gone");
  const delivery::detail::HeadersAccess::FieldView first[] = {{"x-ots-date", "2024-01-02T03:04:05.678Z"}, {"User-Agent", "a-long-user-agent/1.0"}};
  delivery::detail::HeadersAccess::assign(h, std::begin(first), std::end(first));
  REQUIRE(h.size() == 2);
  CHECK_FALSE(h.contains("old"));
  CHECK(h.begin()->first == "x-ots-date");
  CHECK(h.get("user-agent") == "a-long-user-agent/1.0");
  const char* storage = h.find("user-agent")->data();

  // The same names again: values replaced in place, no field added or lost.
  const delivery::detail::HeadersAccess::FieldView second[] = {{"x-ots-date", "2024-01-02T03:04:06.000Z"}, {"User-Agent", "another-agent/2.0"}};
  delivery::detail::HeadersAccess::assign(h, std::begin(second), std::end(second));
  REQUIRE(h.size() == 2);
  CHECK(h.get("x-ots-date") == "2024-01-02T03:04:06.000Z");
  CHECK(h.get("User-Agent") == "another-agent/2.0");
  CHECK(h.find("user-agent")->data() == storage);

  // Fewer fields, and none.
  delivery::detail::HeadersAccess::assign(h, std::begin(second), std::begin(second) + 1);
  CHECK(h.size() == 1);
  CHECK_FALSE(h.contains("User-Agent"));
  delivery::detail::HeadersAccess::assign(h, std::begin(second), std::begin(second));
  CHECK(h.empty());
}

TEST_CASE("Endpoint::parse accepts http(s)://host[:port][/] only", "[core][http]") {
  auto ok = Endpoint::parse("https://inst.cn-hangzhou.ots.aliyuncs.com");
  REQUIRE(ok);
  CHECK(ok->scheme == "https");
  CHECK(ok->host == "inst.cn-hangzhou.ots.aliyuncs.com");
  CHECK(ok->port == 0);
  CHECK(ok->toString() == "https://inst.cn-hangzhou.ots.aliyuncs.com");

  auto local = Endpoint::parse("HTTP://127.0.0.1:8080/");
  REQUIRE(local);
  CHECK(local->scheme == "http");
  CHECK(local->port == 8080);
  CHECK(local->authority() == "127.0.0.1:8080");

  auto v6 = Endpoint::parse("http://[::1]:9000");
  REQUIRE(v6);
  CHECK(v6->host == "::1");
  CHECK(v6->authority() == "[::1]:9000");

  for (const char* bad : {"inst.ots.aliyuncs.com", "ftp://host", "https://", "https://host/path", "https://host:0",
                          "https://host:70000", "https://host:", "https://user@host", "https://ho st",
                          "https://host?x=1", "http://[::1"}) {
    INFO(bad);
    auto r = Endpoint::parse(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == ErrorKind::InvalidArgument);
    CHECK(r.error().message.find(bad) != std::string::npos);
  }
}

TEST_CASE("HttpRequest::url percent-encodes the query", "[core][http]") {
  HttpRequest r;
  r.endpoint = Endpoint::parse("https://h").value();
  r.path = "/v2/p/x";
  r.query = {{"a b", "c/d"}, {"e", "~_.-"}};
  CHECK(r.url() == "https://h/v2/p/x?a%20b=c%2Fd&e=~_.-");
}

TEST_CASE("text helpers", "[core][text]") {
  using namespace delivery::detail;
  CHECK(percentEncode("AZaz09-_.~ /%\xc3\xa9") == "AZaz09-_.~%20%2F%25%C3%A9");
  std::chrono::system_clock::time_point t{};
  REQUIRE(parseIso8601("2024-01-02T03:04:05.678Z", t));
  CHECK(formatIso8601Millis(t) == "2024-01-02T03:04:05.678Z");
  CHECK(formatCompactIso8601(t) == "20240102T030405Z");
  CHECK(formatYmd(t) == "20240102");
  CHECK_FALSE(parseIso8601("2024-01-02 03:04:05Z", t));
  CHECK_FALSE(parseIso8601("2024-13-02T03:04:05Z", t));
  std::chrono::system_clock::time_point compact{};
  REQUIRE(parseCompactIso8601("20240102T030405Z", compact));
  CHECK(formatCompactIso8601(compact) == "20240102T030405Z");
  CHECK_FALSE(parseCompactIso8601("20240102T0304Z", compact));
  CHECK_FALSE(parseCompactIso8601("2024010xT030405Z", compact));
  CHECK_FALSE(parseCompactIso8601("20241302T030405Z", compact));
  const std::string u = randomUuid();
  CHECK(u.size() == 36);
  CHECK(u[14] == '4');
  CHECK(u != randomUuid());
  char uuid[kUuidLength];
  randomUuidInto(uuid);
  const std::string_view v(uuid, sizeof uuid);
  CHECK(v.find_first_not_of("0123456789abcdef-") == std::string_view::npos);
  CHECK((v[8] == '-' && v[13] == '-' && v[18] == '-' && v[23] == '-'));
  CHECK(v[14] == '4');
  CHECK(std::string_view("89ab").find(v[19]) != std::string_view::npos);
  CHECK(safeText(std::string("a\x01\xff", 3), 256) == "a\\x01\\xff");
  CHECK(safeText(std::string(300, 'x'), 10) == "xxxxxxxxxx...(300 bytes)");
}

TEST_CASE("UTC formatting agrees with gmtime_r", "[core][text]") {
  using namespace delivery::detail;
  using std::chrono::milliseconds;
  using std::chrono::system_clock;
  auto viaGmtime = [](std::int64_t ms) {
    std::int64_t secs = ms / 1000, frac = ms % 1000;
    if (frac < 0) {
      frac += 1000;
      secs -= 1;
    }
    const std::time_t tt = static_cast<std::time_t>(secs);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(frac));
    return std::string(buf);
  };
  // Leap days, century years (1900 and 2100 are not leap years, 2000 is), year ends, the epoch
  // and the moments around it, then a sweep of pseudo-random instants from 1901 to 2249
  // (system_clock counts nanoseconds in 64 bits here, so it ends in 2262).
  std::vector<std::int64_t> instants = {0,
                                        -1,
                                        999,
                                        -86'400'000,
                                        951'782'400'000,   // 2000-02-29
                                        951'868'799'999,   // 2000-02-29T23:59:59.999
                                        4'107'542'400'000,  // 2100-03-01
                                        4'107'542'399'999,  // 2100-02-28T23:59:59.999
                                        -2'203'891'200'000,  // 1900-03-01
                                        1'704'067'199'999,  // 2023-12-31T23:59:59.999
                                        1'709'164'800'000};  // 2024-02-29
  std::uint64_t x = 0x9E3779B97F4A7C15ULL;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    instants.push_back(-2'177'452'800'000 + static_cast<std::int64_t>(x % 11'000'000'000'000ULL));
  }
  for (std::int64_t ms : instants) {
    INFO(ms);
    const system_clock::time_point t{milliseconds(ms)};
    const std::string expected = viaGmtime(ms);
    REQUIRE(formatIso8601Millis(t) == expected);
    char buf[kIso8601MillisLength];
    formatIso8601MillisInto(t, buf);
    REQUIRE(std::string(buf, sizeof buf) == expected);
    REQUIRE(formatYmd(t) == expected.substr(0, 4) + expected.substr(5, 2) + expected.substr(8, 2));
  }
}

TEST_CASE("crypto primitives", "[core][crypto]") {
  using namespace delivery::detail;
  CHECK(base64Encode(md5("")) == "1B2M2Y8AsgTpgAmY7PhCfg==");
  CHECK(hexEncode(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // RFC 4231 test case 2 (HMAC-SHA256) and RFC 2202 test case 2 (HMAC-SHA1).
  CHECK(hexEncode(hmacSha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(hexEncode(hmacSha1("Jefe", "what do ya want for nothing?")) == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
  // A key longer than the block size is hashed first (RFC 4231 test case 6).
  CHECK(hexEncode(hmacSha256(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  std::string bytes;
  CHECK(hexDecode("00fFa0", bytes));
  CHECK(bytes == std::string("\x00\xff\xa0", 3));
  CHECK(hexDecode("", bytes));
  CHECK(bytes.empty());
  CHECK_FALSE(hexDecode("abc", bytes));  // odd length
  CHECK_FALSE(hexDecode("0g", bytes));   // not a hex digit
  CHECK_FALSE(hexDecode("+1", bytes));   // strtol would have taken this one
  CHECK(base64Encode("f") == "Zg==");
  CHECK(base64Encode("fo") == "Zm8=");
  CHECK(base64Encode("foo") == "Zm9v");
  CHECK(base64Encode("") == "");
  CHECK(base64Encode(std::string("\xff\xfe\x00\x01", 4)) == "//4AAQ==");
  char out[base64Length(5)];
  CHECK(base64Into("hello", out) == 8);
  CHECK(std::string(out, 8) == "aGVsbG8=");
  unsigned char digest[16];
  md5Into("abc", digest);
  CHECK(hexEncode(std::string_view(reinterpret_cast<char*>(digest), sizeof digest)) == "900150983cd24fb0d6963f7d28e17f72");
  std::string appended = "x";
  base64Append("fo", appended);
  CHECK(appended == "xZm8=");
  CHECK(constantTimeEquals("abc", "abc"));
  CHECK_FALSE(constantTimeEquals("abc", "abd"));
  CHECK_FALSE(constantTimeEquals("abc", "ab"));
}

TEST_CASE("credentials from the environment, printed without secrets", "[core][credentials]") {
  test::ScopedEnv id("DELIVERY_TEST_ID", "my-id");
  test::ScopedEnv secret("DELIVERY_TEST_SECRET", "super-secret-value");
  test::ScopedEnv token("DELIVERY_TEST_TOKEN", "token-value");
  auto c = Credentials::fromEnvironment("DELIVERY_TEST_ID", "DELIVERY_TEST_SECRET", "DELIVERY_TEST_TOKEN");
  REQUIRE(c);
  CHECK(c->accessKeyId == "my-id");
  CHECK(c->securityToken == "token-value");
  std::ostringstream os;
  os << *c;
  CHECK(os.str().find("my-id") != std::string::npos);
  CHECK(os.str().find("super-secret-value") == std::string::npos);
  CHECK(os.str().find("token-value") == std::string::npos);

  secret.set(nullptr);
  id.set(nullptr);
  auto missing = Credentials::fromEnvironment("DELIVERY_TEST_ID", "DELIVERY_TEST_SECRET", "");
  REQUIRE_FALSE(missing);
  REQUIRE(missing.error().violations.size() == 2);
  CHECK(missing.error().violations[0].field == "DELIVERY_TEST_ID");
  CHECK(missing.error().violations[1].field == "DELIVERY_TEST_SECRET");
}

TEST_CASE("header redaction is an allow-list", "[core][logging]") {
  Headers h;
  h.add("x-ots-date", "2024-01-02T03:04:05.000Z");
  h.add("x-ots-signature", "SIGNATURE");
  h.add("Authorization", "OTS id:SIG");
  h.add("x-ots-ststoken", "TOKEN");
  h.add("X-Some-New-Header", "unknown");
  const std::string s = delivery::detail::redactedHeaders(h);
  CHECK(s.find("2024-01-02T03:04:05.000Z") != std::string::npos);
  for (const char* secret : {"SIGNATURE", "SIG", "TOKEN", "unknown"}) {
    INFO(secret);
    CHECK(s.find(std::string(": ") + secret) == std::string::npos);
  }
}

TEST_CASE("DELIVERY_LOG selects a stderr logger", "[core][logging]") {
  test::ScopedEnv level("DELIVERY_LOG", "debug");
  auto logger = loggerFromEnvironment();
  REQUIRE(logger);
  CHECK(logger->level() == LogLevel::Debug);
  level.set("off");
  CHECK(loggerFromEnvironment() == nullptr);
  level.set(nullptr);
  CHECK(loggerFromEnvironment() == nullptr);
}

TEST_CASE("dates system_clock cannot hold are rejected, not overflowed", "[core][text]") {
  // Found by the emulator fuzz target: "x-ots-date: 2817-12-01T22:07:11.862Z" overflowed the
  // nanosecond count (undefined behaviour). 64-bit nanoseconds reach from 1677 to 2262.
  using namespace delivery::detail;
  std::chrono::system_clock::time_point t{};
  CHECK_FALSE(parseIso8601("2817-12-01T22:07:11.862Z", t));
  CHECK_FALSE(parseIso8601("9999-12-31T23:59:59Z", t));
  CHECK_FALSE(parseIso8601("1600-01-01T00:00:00Z", t));
  CHECK_FALSE(parseCompactIso8601("99991231T235959Z", t));
  REQUIRE(parseIso8601("2262-01-01T00:00:00Z", t));
  CHECK(formatIso8601Millis(t) == "2262-01-01T00:00:00.000Z");
  REQUIRE(parseIso8601("1700-01-01T00:00:00Z", t));
  CHECK(formatIso8601Millis(t) == "1700-01-01T00:00:00.000Z");
}
