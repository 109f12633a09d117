#include "tablestore/signer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/http_internal.h"
#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {
namespace {

using delivery::detail::HmacKey;
using delivery::detail::startsWithIgnoreCase;
using delivery::detail::trimView;

constexpr std::string_view kPrefix = "x-ots-";

bool isLower(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The x-ots-* headers (but the signatures) as (lower-case name, value), sorted by name. Names that
// are already lower case, as services and this SDK send them, are not copied; up to kInline fields
// are kept on the stack, so checking a response allocates nothing.
class OtsHeaders {
 public:
  using Field = std::pair<std::string_view, std::string_view>;

  OtsHeaders(const Headers& headers, bool trim) {
    for (const auto& [name, value] : headers) {
      if (!startsWithIgnoreCase(name, kPrefix)) continue;
      std::string_view n = name;
      if (!isLower(n)) {
        // Names are views into `lowered_`: reserve up front so that adding one never moves the others.
        if (lowered_.capacity() == 0) lowered_.reserve(headers.size());
        lowered_.push_back(delivery::detail::toLowerAscii(n));
        n = lowered_.back();
      }
      if (n == "x-ots-signature" || n == "x-ots-signaturev4") continue;
      push(Field(n, trim ? trimView(value) : std::string_view(value)));
    }
    std::sort(begin(), end(), [](const Field& a, const Field& b) { return a.first < b.first; });
  }

  Field* begin() { return overflow_.empty() ? inline_ : overflow_.data(); }
  Field* end() { return begin() + count_; }

 private:
  static constexpr std::size_t kInline = 16;

  void push(Field f) {
    if (count_ < kInline) {
      inline_[count_++] = f;
      return;
    }
    if (overflow_.empty()) overflow_.assign(inline_, inline_ + kInline);
    overflow_.push_back(f);
    ++count_;
  }

  Field inline_[kInline];
  std::size_t count_ = 0;
  std::vector<Field> overflow_;
  std::vector<std::string> lowered_;  // storage for names that had to be lower-cased
};

void line(std::string& s, std::string_view name, std::string_view value) {
  s += name;
  s += ':';
  s += trimView(value);
  s += '\n';
}

// "name:value\n" for each field, in the order given.
void appendFields(std::string& out, OtsHeaders& fields) {
  for (const auto& [name, value] : fields) {
    out += name;
    out += ':';
    out += value;
    out += '\n';
  }
}

// "20240102" from "2024-01-02T03:04:05.678Z": the V4 signing day of an x-ots-date.
void dayOfIso8601(const char* date, char* out) noexcept {
  const int from[8] = {0, 1, 2, 3, 5, 6, 8, 9};
  for (int i = 0; i < 8; ++i) out[i] = date[from[i]];
}

// Base64(HMAC(key, data)) into `out` (at least 44 chars); returns its length.
std::size_t macBase64(const HmacKey& key, std::string_view data, char* out) {
  unsigned char mac[32];
  const std::size_t n = key.signInto(data, mac);
  return delivery::detail::base64Into(std::string_view(reinterpret_cast<char*>(mac), n), out);
}

// The keys of a context, taken from prepare()'s caches when it was called, derived otherwise.
const HmacKey& v2Key(const SigningContext& ctx, HmacKey& storage) {
  if (!ctx.secretKey.empty()) return ctx.secretKey;
  storage = HmacKey(HmacKey::Algorithm::Sha1, ctx.credentials.accessKeySecret);
  return storage;
}

// The day's request key (HMAC-SHA256) and response key (HMAC-SHA1), both keyed with the Base64
// text of the derived signing key. Either pointer may be null.
void v4Keys(const SigningContext& ctx, std::string_view day, HmacKey* requestKey, HmacKey* responseKey) {
  auto derive = [&](SigningContext::V4Cache& into) {
    const std::string text = v4SigningKey(ctx.credentials.accessKeySecret, day, ctx.region);
    into.key = HmacKey(HmacKey::Algorithm::Sha256, text);
    into.responseKey = HmacKey(HmacKey::Algorithm::Sha1, text);
  };
  auto take = [&](const SigningContext::V4Cache& from) {
    if (requestKey != nullptr) *requestKey = from.key;
    if (responseKey != nullptr) *responseKey = from.responseKey;
  };
  if (!ctx.v4) {
    SigningContext::V4Cache once;
    derive(once);
    take(once);
    return;
  }
  // The derived key changes once a day: derive it once per day and region, not per request.
  std::lock_guard<std::mutex> lock(ctx.v4->mutex);
  if (ctx.v4->date != day || ctx.v4->key.empty()) {
    derive(*ctx.v4);
    ctx.v4->date = std::string(day);
  }
  take(*ctx.v4);
}

}  // namespace

std::string canonicalString(std::string_view action, const Headers& headers) {
  std::string s;
  s.reserve(256 + headers.size() * 48);
  s += '/';
  s += action;
  s += "\nPOST\n\n";
  OtsHeaders fields(headers, true);
  appendFields(s, fields);
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

HmacKey v4ResponseKey(const SigningContext& ctx, std::string_view day) {
  HmacKey key;
  v4Keys(ctx, day, nullptr, &key);
  return key;
}

void SigningContext::prepare() {
  secretKey = HmacKey(HmacKey::Algorithm::Sha1, credentials.accessKeySecret);
  if (version == SignatureVersion::V4) v4 = std::make_shared<V4Cache>();
}

void signRequest(HttpRequest& request, std::string_view action, const SigningContext& ctx,
                 std::chrono::system_clock::time_point now, std::string_view contentMd5, std::string_view traceId,
                 V4Signed* v4) {
  char dateBuf[delivery::detail::kIso8601MillisLength];  // 2024-01-02T03:04:05.678Z
  delivery::detail::formatIso8601MillisInto(now, dateBuf);
  const std::string_view date(dateBuf, sizeof dateBuf);
  char dayBuf[8];
  dayOfIso8601(dateBuf, dayBuf);
  const std::string_view day(dayBuf, sizeof dayBuf);  // 20240102, for V4

  // The headers in the order they are sent; the signature and User-Agent follow.
  delivery::detail::HeadersAccess::FieldView fields[12];
  std::size_t n = 0;
  fields[n++] = {"x-ots-date", date};
  fields[n++] = {"x-ots-apiversion", kApiVersion};
  fields[n++] = {"x-ots-accesskeyid", ctx.credentials.accessKeyId};
  fields[n++] = {"x-ots-instancename", ctx.instanceName};
  fields[n++] = {"x-ots-contentmd5", contentMd5};
  if (!ctx.credentials.securityToken.empty()) fields[n++] = {"x-ots-ststoken", ctx.credentials.securityToken};
  fields[n++] = {"x-ots-sdk-traceid", traceId};
  if (ctx.version == SignatureVersion::V4) {
    fields[n++] = {"x-ots-signdate", day};
    fields[n++] = {"x-ots-signregion", ctx.region};
  }
  if (!ctx.traceThreshold.empty()) fields[n++] = {"x-ots-trace-threshold", ctx.traceThreshold};

  // The canonical string of exactly those headers, written straight in sorted name order rather
  // than collected and sorted as canonicalString() does: this runs on every request. The test
  // "signRequest's direct canonical string equals the generic one in every mode" keeps the two
  // lists in step.
  thread_local std::string s;
  s.clear();
  s += '/';
  s += action;
  s += "\nPOST\n\n";
  line(s, "x-ots-accesskeyid", ctx.credentials.accessKeyId);
  line(s, "x-ots-apiversion", kApiVersion);
  line(s, "x-ots-contentmd5", contentMd5);
  line(s, "x-ots-date", date);
  line(s, "x-ots-instancename", ctx.instanceName);
  line(s, "x-ots-sdk-traceid", traceId);
  if (ctx.version == SignatureVersion::V4) {
    line(s, "x-ots-signdate", day);
    line(s, "x-ots-signregion", ctx.region);
  }
  if (!ctx.credentials.securityToken.empty()) line(s, "x-ots-ststoken", ctx.credentials.securityToken);
  if (!ctx.traceThreshold.empty()) line(s, "x-ots-trace-threshold", ctx.traceThreshold);

  char signature[delivery::detail::base64Length(32)];
  if (ctx.version == SignatureVersion::V2) {
    HmacKey storage;
    fields[n++] = {"x-ots-signature", std::string_view(signature, macBase64(v2Key(ctx, storage), s, signature))};
  } else {
    s += "ots";
    HmacKey key;
    if (v4 != nullptr) std::copy(dayBuf, dayBuf + sizeof dayBuf, v4->day);
    v4Keys(ctx, day, &key, v4 != nullptr ? &v4->responseKey : nullptr);
    fields[n++] = {"x-ots-signaturev4", std::string_view(signature, macBase64(key, s, signature))};
  }
  fields[n++] = {"User-Agent", ctx.userAgent};
  delivery::detail::HeadersAccess::assign(request.headers, fields, fields + n);
}

namespace {
// The response's x-ots-* headers "name:value\n", sorted and untrimmed, then "/" + action.
void appendResponseCanonical(std::string& out, std::string_view action, const Headers& headers) {
  OtsHeaders fields(headers, false);
  appendFields(out, fields);
  out += '/';
  out += action;
}
}  // namespace

std::string responseCanonicalString(std::string_view action, const Headers& headers) {
  std::string s;
  s.reserve(256);
  appendResponseCanonical(s, action, headers);
  return s;
}


namespace {
std::string checkWith(std::string_view action, const Headers& headers, const HmacKey& key) {
  const std::string* auth = headers.find("authorization");
  for (const char* required : {"x-ots-contentmd5", "x-ots-contenttype"}) {
    if (!headers.contains(required)) return std::string("response lacks the ") + required + " header";
  }
  if (auth == nullptr) return "response lacks the authorization header";
  thread_local std::string canonical;  // keeps its capacity between calls
  canonical.clear();
  appendResponseCanonical(canonical, action, headers);
  char encodedBuf[delivery::detail::base64Length(32)];
  const std::string_view encoded(encodedBuf, macBase64(key, canonical, encodedBuf));
  // The service sends "OTS <AccessKeyId>:<signature>"; like the Java SDK, only ":" + signature at
  // the end is required.
  const auto colon = auth->rfind(':');
  if (colon == std::string::npos ||
      !delivery::detail::constantTimeEquals(std::string_view(*auth).substr(colon + 1), encoded)) {
    return "the response's authorization header does not match its content (wrong access key secret, or the "
           "response was altered)";
  }
  return {};
}
}  // namespace

std::string checkResponseAuthorization(std::string_view action, const Headers& headers, std::string_view secret) {
  return checkWith(action, headers, HmacKey(HmacKey::Algorithm::Sha1, secret));
}

std::string checkResponseAuthorization(std::string_view action, const Headers& headers, const HmacKey& secretKey) {
  return checkWith(action, headers, secretKey);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
