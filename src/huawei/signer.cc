#include "huawei/signer.h"

#include <algorithm>
#include <cstring>

#include "core/crypto.h"
#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei::detail {
namespace {

using delivery::detail::percentEncode;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// ---- where the canonical request goes ----------------------------------------------------------
// One writer (writeCanonicalRequest) produces the canonical request for both consumers, so the text
// canonicalRequest() returns and the bytes authenticate() hashes cannot drift apart.

/// Appends to a string: canonicalRequest(), for tests, the emulator and the gateway-side check.
class StringSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  void put(std::string_view s) { out_.append(s); }
  void put(char c) { out_.push_back(c); }

 private:
  std::string& out_;
};

/// Feeds SHA-256 through a small stack buffer: authenticate() needs only the canonical request's
/// digest, so the text never exists in one piece and nothing is allocated, whatever its length.
class HashSink {
 public:
  void put(std::string_view s) {
    if (s.size() > sizeof buffer_ - used_) {
      flush();
      if (s.size() >= sizeof buffer_) {
        hash_.update(s);
        return;
      }
    }
    std::memcpy(buffer_ + used_, s.data(), s.size());
    used_ += s.size();
  }
  void put(char c) {
    if (used_ == sizeof buffer_) flush();
    buffer_[used_++] = c;
  }
  void finish(unsigned char* digest) {
    flush();
    hash_.finish(digest);
  }

 private:
  void flush() {
    hash_.update(std::string_view(buffer_, used_));
    used_ = 0;
  }
  delivery::detail::Sha256 hash_;
  char buffer_[256];
  std::size_t used_ = 0;
};

// RFC 3986 unreserved characters: A-Z a-z 0-9 - _ . ~ (they stay as they are).
struct Unreserved {
  bool is[256];
  constexpr Unreserved() : is() {
    for (int c = 0; c < 256; ++c) {
      is[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '~';
    }
  }
  bool operator()(unsigned char c) const { return is[c]; }
};
constexpr Unreserved kUnreserved;

/// Percent-decodes `segment` and percent-encodes the result (unreserved characters stay) in one
/// pass: each decoded byte is encoded as soon as it is known. Runs of bytes that stay as they are
/// (the whole segment, usually) are written in one piece.
template <typename Sink>
void putReencodedSegment(Sink& sink, std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::size_t plain = 0;  // start of the pending run of bytes that stay as they are
  for (std::size_t i = 0; i < segment.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(segment[i]);
    if (kUnreserved(c)) continue;  // stays in the pending run
    std::size_t consumed = 1;
    if (c == '%' && i + 2 < segment.size()) {
      const int hi = hexValue(segment[i + 1]);
      const int lo = hexValue(segment[i + 2]);
      if (hi >= 0 && lo >= 0) {
        c = static_cast<unsigned char>(hi * 16 + lo);
        consumed = 3;
      }
    }
    sink.put(segment.substr(plain, i - plain));
    if (kUnreserved(c)) {
      sink.put(static_cast<char>(c));
    } else {
      const char escaped[3] = {'%', kHex[c >> 4], kHex[c & 0xF]};
      sink.put(std::string_view(escaped, 3));
    }
    i += consumed - 1;
    plain = i + 1;
  }
  sink.put(segment.substr(plain));
}

template <typename Sink>
void putCanonicalUri(Sink& sink, std::string_view path) {
  std::size_t start = 0;
  bool lastSegmentEmpty = true;
  while (true) {
    const auto slash = path.find('/', start);
    const std::string_view segment =
        path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    putReencodedSegment(sink, segment);
    lastSegmentEmpty = segment.empty();
    if (slash == std::string_view::npos) break;
    sink.put('/');
    start = slash + 1;
  }
  // Always a trailing '/': written unless the path ended with one (the last segment is then empty,
  // and so is the path when it has none at all).
  if (!lastSegmentEmpty || path.empty()) sink.put('/');
}

struct SignedHeader {
  std::string_view name;   ///< lower-case
  std::string_view value;  ///< trimmed
};

/// The canonical request, but for the body hash: method, URI, query, the "name:value" lines, the
/// ';'-joined names (`joinedNames`, precomputed by the caller), then `bodyHash` (hex).
template <typename Sink>
void writeCanonicalRequest(Sink& sink, const HttpRequest& r, const SignedHeader* first, const SignedHeader* last,
                           std::string_view joinedNames, std::string_view bodyHash) {
  sink.put(toString(r.method));
  sink.put('\n');
  putCanonicalUri(sink, r.path);
  sink.put('\n');
  if (!r.query.empty()) sink.put(canonicalQueryString(r.query));
  sink.put('\n');
  for (const SignedHeader* h = first; h != last; ++h) {
    sink.put(h->name);
    sink.put(':');
    sink.put(h->value);
    sink.put('\n');
  }
  sink.put('\n');
  sink.put(joinedNames);
  sink.put('\n');
  sink.put(bodyHash);
}

constexpr std::size_t kHexSha256Length = 2 * delivery::detail::Sha256::kLength;

/// X-Sdk-Content-Sha256 when the request carries one, else the hex SHA-256 of the body (hashed in
/// place) written to `hex`.
std::string_view bodyHash(const HttpRequest& r, char (&hex)[kHexSha256Length]) {
  if (const std::string* precomputed = r.headers.find("X-Sdk-Content-Sha256")) return *precomputed;
  unsigned char digest[delivery::detail::Sha256::kLength];
  delivery::detail::sha256Into(r.body, digest);
  delivery::detail::hexInto(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest), hex);
  return std::string_view(hex, sizeof hex);
}

constexpr std::size_t kStringToSignLength = kAlgorithm.size() + 1 + delivery::detail::kCompactIso8601Length + 1 +
                                            kHexSha256Length;

/// "SDK-HMAC-SHA256\n<date>\n<hex digest>" into `out`, for a date of the usual 16 characters.
void stringToSignInto(const char* date, const unsigned char* canonicalDigest, char (&out)[kStringToSignLength]) {
  char* p = out;
  std::memcpy(p, kAlgorithm.data(), kAlgorithm.size());
  p += kAlgorithm.size();
  *p++ = '\n';
  std::memcpy(p, date, delivery::detail::kCompactIso8601Length);
  p += delivery::detail::kCompactIso8601Length;
  *p++ = '\n';
  delivery::detail::hexInto(
      std::string_view(reinterpret_cast<const char*>(canonicalDigest), delivery::detail::Sha256::kLength), p);
}

}  // namespace

std::string canonicalUri(std::string_view path) {
  std::string out;
  out.reserve(path.size() + 1);
  StringSink sink(out);
  putCanonicalUri(sink, path);
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
  const std::string authority = r.endpoint.authority();  // "host" when the request has no Host header
  std::vector<SignedHeader> headers;
  headers.reserve(signedHeaders.size());
  std::string joined;
  for (const auto& name : signedHeaders) {
    const std::string* value = r.headers.find(name);
    headers.push_back({name, value != nullptr ? delivery::detail::trimView(*value)
                             : name == "host" ? std::string_view(authority)
                                              : std::string_view()});
    if (!joined.empty()) joined += ';';
    joined += name;
  }
  char hex[kHexSha256Length];
  const std::string_view hash = bodyHash(r, hex);
  std::string out;
  out.reserve(512);
  StringSink sink(out);
  writeCanonicalRequest(sink, r, headers.data(), headers.data() + headers.size(), joined, hash);
  return out;
}

std::string stringToSign(std::string_view sdkDate, std::string_view canonical) {
  unsigned char digest[delivery::detail::Sha256::kLength];
  delivery::detail::sha256Into(canonical, digest);
  std::string out;
  out.reserve(kAlgorithm.size() + sdkDate.size() + 2 + kHexSha256Length);
  out += kAlgorithm;
  out += '\n';
  out += sdkDate;
  out += '\n';
  out.resize(out.size() + kHexSha256Length);
  delivery::detail::hexInto(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest),
                            out.data() + out.size() - kHexSha256Length);
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

namespace {

/// The AK/SK signature of `request` for `now`, whose signed header values are `host`, the
/// credentials' project id and, when `token` is not empty, that security token: writes the
/// X-Sdk-Date value to `date` and the Authorization value to `authorization`, reusing their storage.
void signWith(const HttpRequest& request, const HuaweiCredentials& c, std::string_view host, std::string_view token,
              std::chrono::system_clock::time_point now, const delivery::detail::HmacKey* secretKey, std::string& date,
              std::string& authorization) {
  using delivery::detail::kCompactIso8601Length;
  using delivery::detail::trimView;
  char dateText[kCompactIso8601Length];
  delivery::detail::formatCompactIso8601Into(now, dateText);
  const bool withToken = !token.empty();
  const SignedHeader signedHeaders[4] = {{"host", trimView(host)},
                                         {"x-project-id", trimView(c.projectId)},
                                         {"x-sdk-date", std::string_view(dateText, sizeof dateText)},
                                         {"x-security-token", trimView(token)}};
  const std::string_view joinedNames =
      withToken ? "host;x-project-id;x-sdk-date;x-security-token" : "host;x-project-id;x-sdk-date";

  char bodyHex[kHexSha256Length];
  const std::string_view hash = bodyHash(request, bodyHex);
  HashSink canonical;
  writeCanonicalRequest(canonical, request, signedHeaders, signedHeaders + (withToken ? 4 : 3), joinedNames, hash);
  unsigned char digest[delivery::detail::Sha256::kLength];
  canonical.finish(digest);
  char sts[kStringToSignLength];
  stringToSignInto(dateText, digest, sts);

  unsigned char mac[32];
  const std::string_view stsView(sts, sizeof sts);
  if (secretKey != nullptr) {
    secretKey->signInto(stsView, mac);
  } else {
    const std::string once = delivery::detail::hmacSha256(c.secretKey, stsView);
    std::memcpy(mac, once.data(), sizeof mac);
  }
  constexpr std::string_view kAccess = " Access=", kSignedHeaders = ", SignedHeaders=", kSignature = ", Signature=";
  authorization.clear();
  authorization.reserve(kAlgorithm.size() + kAccess.size() + c.accessKey.size() + kSignedHeaders.size() +
                        joinedNames.size() + kSignature.size() + 2 * sizeof mac);
  authorization += kAlgorithm;
  authorization += kAccess;
  authorization += c.accessKey;
  authorization += kSignedHeaders;
  authorization += joinedNames;
  authorization += kSignature;
  const std::size_t at = authorization.size();
  authorization.resize(at + 2 * sizeof mac);
  delivery::detail::hexInto(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac), authorization.data() + at);
  date.assign(dateText, sizeof dateText);
}

}  // namespace

void authenticate(HttpRequest& request, const HuaweiCredentials& c, std::chrono::system_clock::time_point now,
                  const delivery::detail::HmacKey* secretKey) {
  Headers& h = request.headers;
  h.set("X-Project-Id", c.projectId);
  if (c.usesToken()) {
    h.set("X-Auth-Token", c.authToken);
    return;
  }
  // A security token is signed whenever the request carries one (as signedHeaderNames() says): the
  // credentials' token, or one already on the request. The headers are set after signing, in the
  // order they always had.
  std::string host = request.endpoint.authority();
  std::string presentToken;
  if (c.securityToken.empty()) {
    if (const std::string* t = h.find("X-Security-Token")) presentToken = *t;
  }
  std::string date, authorization;
  signWith(request, c, host, c.securityToken.empty() ? std::string_view(presentToken) : std::string_view(c.securityToken),
           now, secretKey, date, authorization);
  h.set("Host", std::move(host));
  h.set("X-Sdk-Date", std::move(date));
  if (!c.securityToken.empty()) h.set("X-Security-Token", c.securityToken);
  h.set("Authorization", std::move(authorization));
}

void signInPlace(const HttpRequest& request, const HuaweiCredentials& c, std::string_view host,
                 std::chrono::system_clock::time_point now, const delivery::detail::HmacKey& secretKey, std::string& date,
                 std::string& authorization) {
  signWith(request, c, host, {}, now, &secretKey, date, authorization);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei::detail
