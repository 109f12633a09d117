// Text from a server is not trusted: an error code, message, request id or header that carries
// CR/LF, ESC or other controls cannot forge a log line or drive a terminal, and its length is
// capped. Checked for each family, in Error's fields, Error::toString() and the log.

#include <catch2/catch.hpp>
#include <string>

#include "core/text.h"
#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/fake_clock.h"
#include "delivery/testing/mock_transport.h"
#include "delivery/testing/tablestore_responses.h"
#include "support/capturing_logger.h"
#include "support/samples.h"

using namespace delivery;
using delivery::testing::FakeClock;
using delivery::testing::MockTransport;
using delivery::testing::RecordingSleeper;
namespace mock = delivery::testing::tablestore;

namespace {

const std::string kForged = "boom\r\n[delivery] ERROR forged line\x1b[2J\x1b]0;title\x07";
const std::string kNul("a\0b", 3);

// No byte below 0x20 (the one-line form's own "\n  " before violations aside), no DEL, no C1.
bool hasControl(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

void checkClean(const Error& e, const delivery::test::CapturingLogger& logger) {
  INFO(e.toString());
  CHECK_FALSE(hasControl(e.code));
  CHECK_FALSE(hasControl(e.message));
  CHECK_FALSE(hasControl(e.requestId));
  CHECK_FALSE(hasControl(e.toString()));
  // The escaped text is still there to read.
  CHECK(e.toString().find("forged line\\x1b[2J") != std::string::npos);
  // The log has one line per entry: no line of it starts with a forged prefix.
  const std::string log = logger.text();
  CHECK(log.find("\n[delivery] ERROR forged") == std::string::npos);
  CHECK(log.find('\x1b') == std::string::npos);
  CHECK(log.find('\r') == std::string::npos);
}

template <typename Config>
Config configWith(const std::shared_ptr<MockTransport>& transport,
                  const std::shared_ptr<delivery::test::CapturingLogger>& logger) {
  Config config;
  config.transport = transport;
  config.logger = logger;
  auto clock = FakeClock::at("2024-01-02T03:04:05.000Z");
  config.clock = clock;
  config.sleeper = std::make_shared<RecordingSleeper>(clock);
  config.retry.maxAttempts = 2;
  return config;
}

}  // namespace

TEST_CASE("Tablestore: a hostile error code, message and request id are escaped everywhere", "[security][errors]") {
  auto transport = std::make_shared<MockTransport>();
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  // Retried once (OTSServerBusy), so that the retry warning line is written too.
  for (int i = 0; i < 2; ++i) {
    HttpResponse r = mock::errorResponse(503, "OTSServerBusy", kForged + kNul, "rid\r\nX-Forged: 1\x1b[31m");
    r.headers.add("x-ots-contenttype", "text\x1b[5m");
    transport->enqueueResponse(r);
  }
  auto config = configWith<tablestore::DeliveryClientConfig>(transport, logger);
  auto client = tablestore::DeliveryClient::create("https://i.cn-hangzhou.ots.aliyuncs.com", "i",
                                                   Credentials("id", "secret"), config)
                    .value();
  auto r = client.listDeliveryTask(tablestore::ListDeliveryTaskRequest("t"));
  REQUIRE_FALSE(r);
  CHECK(r.error().code == "OTSServerBusy");
  CHECK(r.error().requestId == "rid\\x0d\\x0aX-Forged: 1\\x1b[31m");
  CHECK(r.error().message.find("a\\x00b") != std::string::npos);
  checkClean(r.error(), *logger);
  CHECK(logger->text().find("failed, retrying") != std::string::npos);
}

TEST_CASE("Huawei: hostile JSON error bodies are escaped (DIS and Kafka)", "[security][errors]") {
  // JSON escapes decode to real control bytes: \r\n, ESC and NUL.
  const std::string body =
      R"({"error_code":"DIS.4200\u001b[2J","error_msg":"boom\r\n[delivery] ERROR forged line\u001b[2J\u001b]0;title\u0007 \u0000 \u0085"})";
  Headers h;
  h.add("X-Request-Id", "rid\x1b[1m");
  h.add("Content-Type", "application/json\x1b[5m");
  SECTION("DIS") {
    auto transport = std::make_shared<MockTransport>();
    auto logger = std::make_shared<delivery::test::CapturingLogger>();
    transport->enqueueResponse(503, h, body);
    transport->enqueueResponse(503, h, body);
    auto config = configWith<dis::DisClientConfig>(transport, logger);
    config.region = "cn-north-4";
    auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "p"), config).value();
    auto r = client.listTransferTasks(dis::ListTransferTasksRequest("s"));
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "DIS.4200\\x1b[2J");
    CHECK(r.error().message.find("\\u{0085}") != std::string::npos);  // a C1 control, escaped
    checkClean(r.error(), *logger);
  }
  SECTION("Kafka") {
    auto transport = std::make_shared<MockTransport>();
    auto logger = std::make_shared<delivery::test::CapturingLogger>();
    transport->enqueueResponse(429, h, body);
    transport->enqueueResponse(429, h, body);
    auto config = configWith<kafka::KafkaClientConfig>(transport, logger);
    config.region = "cn-north-4";
    auto client = kafka::KafkaClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "p"), config).value();
    auto r = client.listSinkTasks(kafka::ListSinkTasksRequest("c"));
    REQUIRE_FALSE(r);
    checkClean(r.error(), *logger);
  }
}

TEST_CASE("text from a response is capped at documented lengths", "[security][errors]") {
  auto transport = std::make_shared<MockTransport>();
  const std::string huge(100000, 'm');
  const std::string hugeCode(5000, 'C');
  Headers h;
  h.add("X-Request-Id", std::string(5000, 'r'));
  transport->enqueueResponse(400, h, R"({"error_code":")" + hugeCode + R"(","error_msg":")" + huge + R"("})");
  dis::DisClientConfig config;
  config.transport = transport;
  config.region = "cn-north-4";
  auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "p"), config).value();
  auto r = client.listTransferTasks(dis::ListTransferTasksRequest("s"));
  REQUIRE_FALSE(r);
  const Error& e = r.error();
  CHECK(e.code.size() <= Error::kMaxCodeBytes + 32);
  CHECK(e.requestId.size() <= Error::kMaxRequestIdBytes + 32);
  CHECK(e.message.size() <= Error::kMaxMessageBytes + 64);
  CHECK(e.message.find("...(100000 bytes)") != std::string::npos);
  CHECK(e.code.find("...(5000 bytes)") != std::string::npos);
}

TEST_CASE("a header name from a response cannot forge a debug log line", "[security][logging]") {
  auto transport = std::make_shared<MockTransport>();
  auto logger = std::make_shared<delivery::test::CapturingLogger>();
  Headers h;
  h.add("X-Evil\x1b[2J", "v");
  h.add("X-Request-Id", "rid\x1b[2J");
  transport->enqueueResponse(200, h, R"({"total_number":0,"tasks":[]})");
  auto config = configWith<dis::DisClientConfig>(transport, logger);
  config.region = "cn-north-4";
  auto client = dis::DisClient::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "p"), config).value();
  auto r = client.listTransferTasks(dis::ListTransferTasksRequest("s"));
  REQUIRE(r);
  CHECK(logger->text().find('\x1b') == std::string::npos);
  CHECK(r->getRequestId() == "rid\\x1b[2J");
}

TEST_CASE("safeText keeps UTF-8 text and escapes controls, bidi overrides and invalid bytes", "[security][text]") {
  using delivery::detail::safeText;
  constexpr std::size_t kBig = 1000;
  CHECK(safeText("plain text", kBig) == "plain text");
  CHECK(safeText("任务不存在", kBig) == "任务不存在");  // non-ASCII letters stay readable
  CHECK(safeText("a\r\nb", kBig) == "a\\x0d\\x0ab");
  CHECK(safeText("\x1b[2J", kBig) == "\\x1b[2J");
  CHECK(safeText(std::string("\0", 1), kBig) == "\\x00");
  CHECK(safeText("\x7f", kBig) == "\\x7f");
  CHECK(safeText("\xc2\x9b", kBig) == "\\u{009b}");          // C1 CSI
  CHECK(safeText("\xe2\x80\xae", kBig) == "\\u{202e}");      // right-to-left override
  CHECK(safeText("\xe2\x80\xa8", kBig) == "\\u{2028}");      // line separator
  CHECK(safeText("\xff\xfe", kBig) == "\\xff\\xfe");         // not UTF-8
  CHECK(safeText("\xc0\xaf", kBig) == "\\xc0\\xaf");         // overlong
  CHECK(safeText("\xed\xa0\x80", kBig) == "\\xed\\xa0\\x80");  // a surrogate
  CHECK(safeText("\xe4\xbb", kBig) == "\\xe4\\xbb");         // truncated sequence
  CHECK(safeText("abcdef", 3) == "abc...(6 bytes)");
  CHECK(safeText("ab任务", 4) == "ab...(8 bytes)");  // never cuts a character in two
}

TEST_CASE("isValidUtf8 finds a bad sequence wherever it sits after ASCII text", "[text]") {
  using delivery::detail::isValidUtf8;
  // The check skips ASCII 8 bytes at a time: a non-ASCII byte must be looked at at every offset.
  const std::string valid[] = {"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
  const std::string invalid[] = {"\x80", "\xc3", "\xc3\x28", "\xe2\x82", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80", "\xff",
                                 "\xc0\xaf"};
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string before(at, 'a');
    const std::string after(11, 'z');
    for (const auto& v : valid) CHECK(isValidUtf8(before + v + after));
    for (const auto& bad : invalid) {
      INFO("offset " << at << ", sequence of " << bad.size() << " bytes");
      CHECK_FALSE(isValidUtf8(before + bad + after));
      CHECK_FALSE(isValidUtf8(before + bad));
    }
  }
  CHECK(isValidUtf8(std::string(64, 'q')));
  CHECK(isValidUtf8(""));
}
