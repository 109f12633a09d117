#include "huawei/signer.h"

#include <algorithm>

#include "core/crypto.h"
#include "core/text.h"

namespace delivery::huawei::detail {
namespace {

using delivery::detail::percentEncode;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hexValue(s[i + 1]);
      const int lo = hexValue(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::string canonicalUri(std::string_view path) {
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const std::string_view segment = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    out += percentEncode(percentDecode(segment));
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  if (out.empty() || out.back() != '/') out += '/';
  return out;
}

std::string canonicalQueryString(const std::vector<std::pair<std::string, std::string>>& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [k, v] : query) encoded.emplace_back(percentEncode(k), percentEncode(v));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [k, v] : encoded) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += v;
  }
  return out;
}

std::vector<std::string> signedHeaderNames(const Headers& headers) {
  std::vector<std::string> names;
  for (const char* name : {"host", "x-project-id", "x-sdk-date", "x-security-token"}) {
    if (headers.contains(name)) names.emplace_back(name);
  }
  return names;  // already sorted
}

std::string canonicalRequest(const HttpRequest& r, const std::vector<std::string>& signedHeaders) {
  std::string out;
  out.reserve(512);
  out += toString(r.method);
  out += '\n';
  out += canonicalUri(r.path);
  out += '\n';
  out += canonicalQueryString(r.query);
  out += '\n';
  for (const auto& name : signedHeaders) {
    out += name;
    out += ':';
    const std::string* value = r.headers.find(name);
    if (value != nullptr) {
      out += delivery::detail::trimView(*value);
    } else if (name == "host") {
      out += r.endpoint.authority();
    }
    out += '\n';
  }
  out += '\n';
  for (std::size_t i = 0; i < signedHeaders.size(); ++i) {
    if (i != 0) out += ';';
    out += signedHeaders[i];
  }
  out += '\n';
  if (const std::string* precomputed = r.headers.find("X-Sdk-Content-Sha256")) {
    out += *precomputed;
  } else {
    out += delivery::detail::hexEncode(delivery::detail::sha256(r.body));
  }
  return out;
}

std::string stringToSign(std::string_view sdkDate, std::string_view canonical) {
  std::string out(kAlgorithm);
  out += '\n';
  out += sdkDate;
  out += '\n';
  out += delivery::detail::hexEncode(delivery::detail::sha256(canonical));
  return out;
}

std::string signature(std::string_view secretKey, std::string_view sts) {
  return delivery::detail::hexEncode(delivery::detail::hmacSha256(secretKey, sts));
}

std::string authorizationHeader(std::string_view accessKey, const std::vector<std::string>& signedHeaders,
                                std::string_view sig) {
  std::string out(kAlgorithm);
  out += " Access=";
  out += accessKey;
  out += ", SignedHeaders=";
  for (std::size_t i = 0; i < signedHeaders.size(); ++i) {
    if (i != 0) out += ';';
    out += signedHeaders[i];
  }
  out += ", Signature=";
  out += sig;
  return out;
}

void authenticate(HttpRequest& request, const HuaweiCredentials& c, std::chrono::system_clock::time_point now,
                  const delivery::detail::HmacKey* secretKey) {
  Headers& h = request.headers;
  h.set("X-Project-Id", c.projectId);
  if (c.usesToken()) {
    h.set("X-Auth-Token", c.authToken);
    return;
  }
  h.set("Host", request.endpoint.authority());
  const std::string date = delivery::detail::formatCompactIso8601(now);
  h.set("X-Sdk-Date", date);
  if (!c.securityToken.empty()) h.set("X-Security-Token", c.securityToken);
  const std::vector<std::string> names = signedHeaderNames(h);
  const std::string sts = stringToSign(date, canonicalRequest(request, names));
  const std::string sig = secretKey != nullptr ? delivery::detail::hexEncode(secretKey->sign(sts)) : signature(c.secretKey, sts);
  h.set("Authorization", authorizationHeader(c.accessKey, names, sig));
}

bool parseAuthorization(std::string_view value, ParsedAuthorization& out) {
  value = delivery::detail::trimView(value);
  if (value.substr(0, kAlgorithm.size()) != kAlgorithm || value.size() <= kAlgorithm.size() ||
      value[kAlgorithm.size()] != ' ') {
    return false;
  }
  value.remove_prefix(kAlgorithm.size() + 1);
  bool haveAccess = false, haveHeaders = false, haveSignature = false;
  while (!value.empty()) {
    const auto comma = value.find(',');
    std::string_view part = delivery::detail::trimView(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) return false;
    const std::string_view key = part.substr(0, eq);
    const std::string_view val = part.substr(eq + 1);
    if (key == "Access") {
      out.accessKey = std::string(val);
      haveAccess = true;
    } else if (key == "SignedHeaders") {
      out.signedHeaders.clear();
      std::size_t start = 0;
      while (start <= val.size()) {
        const auto semi = val.find(';', start);
        const std::string_view name = val.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start);
        if (name.empty()) return false;
        out.signedHeaders.push_back(delivery::detail::toLowerAscii(name));
        if (semi == std::string_view::npos) break;
        start = semi + 1;
      }
      haveHeaders = true;
    } else if (key == "Signature") {
      out.signature = std::string(val);
      haveSignature = true;
    } else {
      return false;
    }
  }
  return haveAccess && haveHeaders && haveSignature;
}

bool signatureMatches(const HttpRequest& request, const ParsedAuthorization& auth, std::string_view secretKey) {
  const std::string expected =
      signature(secretKey, stringToSign(request.headers.get("X-Sdk-Date"), canonicalRequest(request, auth.signedHeaders)));
  return delivery::detail::constantTimeEquals(auth.signature, expected);
}

}  // namespace delivery::huawei::detail
