#include "emulator/tablestore/signing.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/text.h"

namespace delivery::emulator::ots {
namespace {

using delivery::detail::base64Encode;
using delivery::detail::hmacSha1;
using delivery::detail::hmacSha256;

constexpr std::string_view kPrefix = "x-ots-";

bool isOtsHeader(const std::string& lowerName) { return lowerName.compare(0, kPrefix.size(), kPrefix) == 0; }

// The x-ots-* headers with lower-case names, sorted by name; `skipSignatures` leaves out the
// request signature headers.
std::vector<std::pair<std::string, std::string>> otsHeaders(const Headers& headers, bool skipSignatures, bool trim) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : headers) {
    std::string lower = delivery::detail::toLowerAscii(name);
    if (!isOtsHeader(lower)) continue;
    if (skipSignatures && (lower == "x-ots-signature" || lower == "x-ots-signaturev4")) continue;
    out.emplace_back(std::move(lower), trim ? std::string(delivery::detail::trimView(value)) : value);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace

bool requestStringToSign(std::string_view action, const Headers& headers, std::string& out, std::string& why) {
  const auto sorted = otsHeaders(headers, true, true);
  out = "/";
  out.append(action);
  out += "\nPOST\n\n";
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 && sorted[i].first == sorted[i - 1].first) {
      why = "header " + sorted[i].first + " appears more than once";
      return false;
    }
    out += sorted[i].first;
    out += ':';
    out += sorted[i].second;
    out += '\n';
  }
  return true;
}

std::string signV2(std::string_view key, std::string_view text) { return base64Encode(hmacSha1(key, text)); }

std::string v4SigningKey(std::string_view secret, std::string_view day, std::string_view region) {
  std::string k = hmacSha256("aliyun_v4" + std::string(secret), day);
  k = hmacSha256(k, region);
  k = hmacSha256(k, "ots");
  k = hmacSha256(k, "aliyun_v4_request");
  return base64Encode(k);
}

std::string signV4(std::string_view signingKey, std::string_view text) {
  return base64Encode(hmacSha256(signingKey, std::string(text) + "ots"));
}

std::string responseStringToSign(std::string_view action, const Headers& headers) {
  std::string out;
  for (const auto& [name, value] : otsHeaders(headers, false, false)) {
    out += name;
    out += ':';
    out += value;
    out += '\n';
  }
  out += '/';
  out.append(action);
  return out;
}

std::string responseAuthorization(std::string_view accessKeyId, std::string_view key, std::string_view action,
                                  const Headers& headers) {
  return "OTS " + std::string(accessKeyId) + ":" + signV2(key, responseStringToSign(action, headers));
}

std::string verifyRequest(std::string_view action, const HttpRequest& request, const Credentials& credentials,
                          std::chrono::system_clock::time_point now) {
  const Headers& h = request.headers;
  // Spec 3.1: the headers every SDK puts on every request.
  for (const char* name : {"x-ots-date", "x-ots-apiversion", "x-ots-accesskeyid", "x-ots-instancename",
                           "x-ots-contentmd5"}) {
    if (!h.contains(name)) return std::string("missing header ") + name;
  }
  if (delivery::detail::trimView(h.get("x-ots-apiversion")) != kApiVersion) return "unsupported x-ots-apiversion";
  if (delivery::detail::trimView(h.get("x-ots-instancename")).empty()) return "empty x-ots-instancename";
  if (delivery::detail::trimView(h.get("x-ots-accesskeyid")) != credentials.accessKeyId) return "unknown access key id";
  // Spec 3.5: temporary credentials carry their token in x-ots-ststoken.
  if (!credentials.securityToken.empty() &&
      delivery::detail::trimView(h.get("x-ots-ststoken")) != credentials.securityToken) {
    return "invalid or missing x-ots-ststoken";
  }
  // Spec 3.4: Base64 of the MD5 of the body bytes.
  if (delivery::detail::trimView(h.get("x-ots-contentmd5")) != base64Encode(delivery::detail::md5(request.body))) {
    return "x-ots-contentmd5 does not match the body";
  }
  // Spec 3.3: yyyy-MM-ddTHH:mm:ss.SSSZ (any number of fraction digits: Go sends up to 6).
  std::chrono::system_clock::time_point date{};
  if (!delivery::detail::parseIso8601(delivery::detail::trimView(h.get("x-ots-date")), date)) {
    return "malformed x-ots-date";
  }
  constexpr auto kMaxSkew = std::chrono::minutes(15);
  if (date > now + kMaxSkew || date < now - kMaxSkew) {
    return "x-ots-date is more than 15 minutes away from the server's clock";
  }
  std::string text;
  std::string why;
  if (!requestStringToSign(action, h, text, why)) return why;
  if (h.contains("x-ots-signaturev4")) {
    // Spec 3.6: the day and region of the derived key travel in signed headers.
    const std::string dayHeader = h.get("x-ots-signdate");
    const std::string regionHeader = h.get("x-ots-signregion");
    const std::string_view day = delivery::detail::trimView(dayHeader);
    const std::string_view region = delivery::detail::trimView(regionHeader);
    if (day.empty() || region.empty()) return "V4 signing needs x-ots-signdate and x-ots-signregion";
    bool digits = day.size() == 8;
    for (char c : day) digits = digits && c >= '0' && c <= '9';
    if (!digits) return "x-ots-signdate must be yyyyMMdd";
    const std::string expected = signV4(v4SigningKey(credentials.accessKeySecret, day, region), text);
    if (!delivery::detail::constantTimeEquals(delivery::detail::trimView(h.get("x-ots-signaturev4")), expected)) {
      return "x-ots-signaturev4 does not match";
    }
    return {};
  }
  if (!h.contains("x-ots-signature")) return "missing header x-ots-signature";
  if (!delivery::detail::constantTimeEquals(delivery::detail::trimView(h.get("x-ots-signature")),
                                            signV2(credentials.accessKeySecret, text))) {
    return "x-ots-signature does not match";
  }
  return {};
}

}  // namespace delivery::emulator::ots
