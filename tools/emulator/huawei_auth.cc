#include "emulator/huawei_auth.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "core/crypto.h"
#include "core/text.h"

namespace delivery::emulator::huawei_gateway {
namespace {

constexpr std::string_view kAlgorithm = "SDK-HMAC-SHA256";

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%41b" -> "Ab"; a '%' not followed by two hex digits stays as it is.
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

// §3.2 canonical URI: every segment decoded, then percent-encoded (§3.5), joined by '/', with a
// trailing '/'. An empty path is "/".
std::string canonicalUri(const std::string& path) {
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    out += delivery::detail::percentEncode(percentDecode(std::string_view(path).substr(start, end - start)));
    if (slash == std::string::npos) break;
    out += '/';
    start = slash + 1;
  }
  if (out.empty() || out.front() != '/') out.insert(out.begin(), '/');
  if (out.back() != '/') out += '/';
  return out;
}

// §3.2 canonical query: keys and values encoded, sorted by key, then by value; "k=v" joined by '&'.
std::string canonicalQuery(const std::vector<std::pair<std::string, std::string>>& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [k, v] : query) encoded.emplace_back(delivery::detail::percentEncode(k), delivery::detail::percentEncode(v));
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

bool isLowerHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

bool parseAuthorization(std::string_view value, SignedAuthorization& out) {
  if (value.substr(0, kAlgorithm.size()) != kAlgorithm || value.size() <= kAlgorithm.size() ||
      value[kAlgorithm.size()] != ' ') {
    return false;
  }
  value.remove_prefix(kAlgorithm.size() + 1);
  // Three "name=value" parts separated by ", " (§3.3), in this order.
  static constexpr std::string_view kNames[] = {"Access=", "SignedHeaders=", "Signature="};
  std::string parts[3];
  for (int i = 0; i < 3; ++i) {
    if (value.substr(0, kNames[i].size()) != kNames[i]) return false;
    value.remove_prefix(kNames[i].size());
    const std::size_t comma = value.find(',');
    if ((i < 2) != (comma != std::string_view::npos)) return false;
    parts[i] = std::string(value.substr(0, comma));
    if (i < 2) {
      value.remove_prefix(comma + 1);
      if (value.empty() || value.front() != ' ') return false;
      value.remove_prefix(1);
    }
  }
  if (parts[0].empty() || parts[1].empty() || !isLowerHex(parts[2]) || parts[2].size() != 64) return false;
  out.accessKey = parts[0];
  out.signature = parts[2];
  out.signedHeaders.clear();
  std::size_t start = 0;
  while (start <= parts[1].size()) {
    const std::size_t semi = parts[1].find(';', start);
    const std::string name = parts[1].substr(start, semi == std::string::npos ? std::string::npos : semi - start);
    if (name.empty() || name != delivery::detail::toLowerAscii(name)) return false;
    out.signedHeaders.push_back(name);
    if (semi == std::string::npos) break;
    start = semi + 1;
  }
  return true;
}

std::string canonicalRequest(const HttpRequest& request, const std::vector<std::string>& signedHeaders,
                             std::string* missing) {
  std::string out = toString(request.method);
  out += '\n';
  out += canonicalUri(request.path);
  out += '\n';
  out += canonicalQuery(request.query);
  out += '\n';
  std::vector<std::string> names = signedHeaders;
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    const std::string* value = request.headers.find(name);
    if (value == nullptr && missing != nullptr && missing->empty()) *missing = name;
    out += name;
    out += ':';
    if (value != nullptr) out += delivery::detail::trimView(*value);
    out += '\n';
  }
  out += '\n';
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out += ';';
    out += names[i];
  }
  out += '\n';
  if (const std::string* given = request.headers.find("X-Sdk-Content-Sha256")) {
    out += *given;
  } else {
    out += delivery::detail::hexEncode(delivery::detail::sha256(request.body));
  }
  return out;
}

std::string signature(const std::string& secretKey, const std::string& sdkDate, const std::string& canonical) {
  std::string toSign(kAlgorithm);
  toSign += '\n';
  toSign += sdkDate;
  toSign += '\n';
  toSign += delivery::detail::hexEncode(delivery::detail::sha256(canonical));
  return delivery::detail::hexEncode(delivery::detail::hmacSha256(secretKey, toSign));
}

std::string authenticate(const HttpRequest& request, const HuaweiEmulatorCredentials& credentials,
                         const std::string& pathProject) {
  if (pathProject != credentials.projectId) return "the project id in the path is not this account's";
  if (const std::string* projectHeader = request.headers.find("X-Project-Id")) {
    if (*projectHeader != pathProject) return "X-Project-Id does not match the project id in the path";
  }
  if (const std::string* token = request.headers.find("X-Auth-Token")) {
    if (!delivery::detail::constantTimeEquals(*token, credentials.authToken)) return "the token is invalid or expired";
    return {};
  }
  const std::string* authorization = request.headers.find("Authorization");
  if (authorization == nullptr) return "no Authorization or X-Auth-Token header";
  SignedAuthorization auth;
  if (!parseAuthorization(*authorization, auth)) return "the Authorization header is not SDK-HMAC-SHA256";
  if (auth.accessKey != credentials.accessKey) return "unknown access key";
  if (std::find(auth.signedHeaders.begin(), auth.signedHeaders.end(), "x-sdk-date") == auth.signedHeaders.end()) {
    return "X-Sdk-Date must be signed";
  }
  const std::string sdkDate = request.headers.get("X-Sdk-Date");
  std::chrono::system_clock::time_point date{};
  if (!delivery::detail::parseCompactIso8601(sdkDate, date)) return "X-Sdk-Date is missing or malformed";
  if (!withinClockSkew(date)) return "X-Sdk-Date is more than 15 minutes off";
  std::string missing;
  const std::string canonical = canonicalRequest(request, auth.signedHeaders, &missing);
  if (!missing.empty()) return "the signed header " + missing + " is not in the request";
  if (!delivery::detail::constantTimeEquals(signature(credentials.secretKey, sdkDate, canonical), auth.signature)) {
    return "the signature does not match";
  }
  return {};
}

std::vector<std::string> splitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return parts;
}

Reply jsonReply(int status, std::string body) {
  Reply r;
  r.status = status;
  r.body = std::move(body);
  if (!r.body.empty()) r.headers.add("Content-Type", "application/json");
  return r;
}

Reply errorReply(int status, const std::string& code, const std::string& message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("error_code");
  w.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
  w.Key("error_msg");
  w.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  w.EndObject();
  Reply r = jsonReply(status, std::string(buffer.GetString(), buffer.GetSize()));
  r.code = code;
  return r;
}

void addRequestId(Reply& reply) {
  std::string id = delivery::detail::randomUuid();
  id.erase(std::remove(id.begin(), id.end(), '-'), id.end());
  reply.headers.add("X-Request-Id", id);
}

std::int64_t nowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace delivery::emulator::huawei_gateway
