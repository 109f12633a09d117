// Fuzzes the emulator's request handling in process (no sockets): each input holds up to four
// requests, handled in order by fresh Tablestore and Huawei backends, so that a create can be
// followed by reads, updates and deletes of the same task. Flags in byte 0 make the harness sign
// each request as the SDK would, over the fuzzed method, path, query, headers and body, so that
// authentication passes and the routes, decoders and validation behind it are reached.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <sstream>
#include <chrono>

#include "core/crypto.h"
#include "delivery/huawei/credentials.h"
#include "fuzz/emulator_exchange.h"
#include "fuzz/fuzz_input.h"
#include "huawei/signer.h"
#include "tablestore/signer.h"

using namespace delivery;

namespace {

constexpr std::string_view kSeparator = "\n~~~\n";
constexpr int kMaxRequests = 4;
volatile std::size_t fuzzSink = 0;

// "METHOD /path?a=b&c" on the first line, then headers and body.
HttpRequest parseRequest(std::string_view text) {
  HttpRequest r;
  const std::size_t eol = text.find('\n');
  std::string_view line = text.substr(0, eol);
  text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  const std::size_t space = line.find(' ');
  r.method = fuzz::methodFromText(line.substr(0, space));
  std::string_view target = space == std::string_view::npos ? std::string_view("/") : line.substr(space + 1);
  const std::size_t question = target.find('?');
  r.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) {
    std::string_view query = target.substr(question + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
      const std::size_t eq = pair.find('=');
      r.query.emplace_back(std::string(pair.substr(0, eq)),
                           eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
    }
  }
  fuzz::splitHeadersAndBody(text, r.headers, r.body);
  r.endpoint.scheme = "http";
  r.endpoint.host = "127.0.0.1";
  r.endpoint.port = 8080;
  return r;
}

void sign(HttpRequest& r, unsigned flags) {
  const auto now = std::chrono::system_clock::now();
  if (r.path.rfind("/v2/", 0) == 0) {
    static const huawei::HuaweiCredentials akSk =
        huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project");
    static const huawei::HuaweiCredentials token =
        huawei::HuaweiCredentials::withToken("emulator-iam-token", "emulator-project");
    huawei::detail::authenticate(r, (flags & 4u) ? token : akSk, now);
    return;
  }
  static const tablestore::detail::SigningContext* const contexts = [] {
    static tablestore::detail::SigningContext c[2];
    for (int i = 0; i < 2; ++i) {
      c[i].credentials = Credentials("emulator-access-key-id", "emulator-access-key-secret");
      c[i].instanceName = "emulator";
      c[i].version = i == 0 ? tablestore::SignatureVersion::V2 : tablestore::SignatureVersion::V4;
      c[i].region = "cn-hangzhou";
      c[i].userAgent = "delivery-fuzz";
      c[i].prepare();
    }
    return c;
  }();
  const std::string action = r.path.size() > 1 ? r.path.substr(1) : std::string();
  const std::string md5 = delivery::detail::base64Encode(delivery::detail::md5(r.body));
  tablestore::detail::signRequest(r, action, contexts[(flags & 2u) ? 1 : 0], now, md5,
                                  "00000000-fuzz-0000-0000-000000000000");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const unsigned flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  fuzz::EmulatorBackends backends;
  std::size_t sink = 0;
  for (int i = 0; i < kMaxRequests && !rest.empty(); ++i) {
    const std::size_t sep = rest.find(kSeparator);
    HttpRequest r = parseRequest(rest.substr(0, sep));
    rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + kSeparator.size());
    if (flags & 1u) sign(r, flags);
    const emulator::Reply reply = backends.handle(r);
    if (reply.status < 100 || reply.status > 599) __builtin_trap();
    sink += reply.body.size() + reply.headers.size() + reply.code.size();
  }
  // Whatever was stored must still be savable.
  std::ostringstream saved;
  backends.tablestore.save(saved);
  backends.dis.save(saved);
  backends.kafka.save(saved);
  sink += saved.str().size() + backends.tablestore.taskCount() + backends.dis.taskCount() + backends.kafka.taskCount();
  fuzzSink = sink;
  return 0;
}
