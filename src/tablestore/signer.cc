#include "tablestore/signer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/text.h"

namespace delivery::tablestore::detail {
namespace {

using delivery::detail::asciiLower;
using delivery::detail::startsWithIgnoreCase;

constexpr std::string_view kPrefix = "x-ots-";

std::vector<std::pair<std::string, std::string_view>> otsHeaders(const Headers& headers, bool trim) {
  std::vector<std::pair<std::string, std::string_view>> out;
  out.reserve(headers.size());
  for (const auto& [name, value] : headers) {
    if (!startsWithIgnoreCase(name, kPrefix)) continue;
    std::string lower = delivery::detail::toLowerAscii(name);
    if (lower == "x-ots-signature" || lower == "x-ots-signaturev4") continue;
    out.emplace_back(std::move(lower), trim ? delivery::detail::trimView(value) : std::string_view(value));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

}  // namespace

std::string canonicalString(std::string_view action, const Headers& headers) {
  std::string s;
  s.reserve(256 + headers.size() * 48);
  s += '/';
  s += action;
  s += "\nPOST\n\n";
  for (const auto& [name, value] : otsHeaders(headers, true)) {
    s += name;
    s += ':';
    s += value;
    s += '\n';
  }
  return s;
}

std::string signV2(std::string_view secret, std::string_view stringToSign) {
  return delivery::detail::base64Encode(delivery::detail::hmacSha1(secret, stringToSign));
}

std::string v4SigningKey(std::string_view secret, std::string_view date, std::string_view region) {
  using delivery::detail::hmacSha256;
  const std::string k1 = hmacSha256("aliyun_v4" + std::string(secret), date);
  const std::string k2 = hmacSha256(k1, region);
  const std::string k3 = hmacSha256(k2, "ots");
  const std::string k4 = hmacSha256(k3, "aliyun_v4_request");
  return delivery::detail::base64Encode(k4);
}

std::string signV4(std::string_view signingKey, std::string_view stringToSign) {
  std::string salted(stringToSign);
  salted += "ots";
  return delivery::detail::base64Encode(delivery::detail::hmacSha256(signingKey, salted));
}

void signRequest(HttpRequest& request, std::string_view action, const SigningContext& ctx,
                 std::chrono::system_clock::time_point now, const std::string& contentMd5, const std::string& traceId) {
  Headers& h = request.headers;
  h.clear();
  h.reserve(12);
  h.add("x-ots-date", delivery::detail::formatIso8601Millis(now));
  h.add("x-ots-apiversion", kApiVersion);
  h.add("x-ots-accesskeyid", ctx.credentials.accessKeyId);
  h.add("x-ots-instancename", ctx.instanceName);
  h.add("x-ots-contentmd5", contentMd5);
  if (!ctx.credentials.securityToken.empty()) h.add("x-ots-ststoken", ctx.credentials.securityToken);
  h.add("x-ots-sdk-traceid", traceId);
  if (ctx.version == SignatureVersion::V2) {
    h.add("x-ots-signature", signV2(ctx.credentials.accessKeySecret, canonicalString(action, h)));
  } else {
    const std::string date = delivery::detail::formatYmd(now);
    h.add("x-ots-signdate", date);
    h.add("x-ots-signregion", ctx.region);
    const std::string key = v4SigningKey(ctx.credentials.accessKeySecret, date, ctx.region);
    h.add("x-ots-signaturev4", signV4(key, canonicalString(action, h)));
  }
  h.add("User-Agent", ctx.userAgent);
}

std::string responseCanonicalString(std::string_view action, const Headers& headers) {
  std::string s;
  for (const auto& [name, value] : otsHeaders(headers, false)) {
    s += name;
    s += ':';
    s += value;
    s += '\n';
  }
  s += '/';
  s += action;
  return s;
}

std::string responseAuthorization(std::string_view action, const Headers& headers, const Credentials& credentials) {
  return "OTS " + credentials.accessKeyId + ":" +
         signV2(credentials.accessKeySecret, responseCanonicalString(action, headers));
}

std::string checkResponseAuthorization(std::string_view action, const Headers& headers, std::string_view secret) {
  for (const char* required : {"x-ots-contentmd5", "x-ots-contenttype", "authorization"}) {
    if (!headers.contains(required)) return std::string("response lacks the ") + required + " header";
  }
  const std::string& auth = *headers.find("authorization");
  const std::string expected = signV2(secret, responseCanonicalString(action, headers));
  // The service sends "OTS <AccessKeyId>:<signature>"; like the Java SDK, only ":" + signature at
  // the end is required.
  const auto colon = auth.rfind(':');
  if (colon == std::string::npos ||
      !delivery::detail::constantTimeEquals(std::string_view(auth).substr(colon + 1), expected)) {
    return "the response's authorization header does not match its content (wrong access key secret, or the "
           "response was altered)";
  }
  return {};
}

}  // namespace delivery::tablestore::detail
