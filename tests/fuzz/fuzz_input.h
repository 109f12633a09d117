#pragma once
// The input format shared by the fuzz targets (see README.md in this directory).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "delivery/core/http.h"
#include "delivery/core/retry.h"
#include "delivery/huawei/credentials.h"
#include "delivery/testing/mock_transport.h"

namespace delivery::fuzz {

/// Splits `text` into "Name: value" lines up to the first empty line; the rest is the body.
/// A line without ':' is a header with that name and an empty value. '\r' before '\n' is dropped.
inline void splitHeadersAndBody(std::string_view text, Headers& headers, std::string& body) {
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      body.assign(text.data(), text.size());
      return;
    }
    const std::size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    headers.add(std::string(name), std::string(value));
  }
}

/// A fuzzed HTTP response: byte 0 picks the operation, byte 1 holds flags, bytes 2-3 the status
/// (big-endian, modulo 1000), the rest is headers and body as above.
struct FuzzedResponse {
  unsigned operation = 0;
  unsigned flags = 0;
  HttpResponse response;
};

/// False when the input is too short to hold the fixed prefix.
inline bool parseResponse(const std::uint8_t* data, std::size_t size, FuzzedResponse& out) {
  if (size < 4) return false;
  out.operation = data[0];
  out.flags = data[1];
  out.response.status = ((data[2] << 8) | data[3]) % 1000;
  splitHeadersAndBody(std::string_view(reinterpret_cast<const char*>(data) + 4, size - 4), out.response.headers,
                      out.response.body);
  return true;
}

/// A Huawei client (DisClient, KafkaClient) on `transport`, with retries off; traps when the client
/// cannot be made (the harness itself is broken then).
template <typename Client, typename Config>
Client huaweiClientOn(std::shared_ptr<testing::MockTransport> transport, Config config = {}) {
  config.transport = std::move(transport);
  config.retry = RetryPolicy::noRetry();
  config.region = "cn-north-4";
  auto client = Client::create(huawei::HuaweiCredentials::withAkSk("AK", "SK", "project"), config);
  if (!client) __builtin_trap();
  return std::move(client).value();
}

/// Touches what a Huawei operation returned, so that the fuzzer cannot skip reading it.
template <typename R>
std::size_t consume(const Result<R>& r) {
  if (!r) return r.error().toString().size() + r.error().requestId.size();
  return r->getRequestId().size() + static_cast<std::size_t>(r->getHttpStatus());
}

}  // namespace delivery::fuzz
