// Huawei core: SDK-HMAC-SHA256 vectors from the Go and Java SDK tests, authentication headers,
// Authorization parsing, credentials and error bodies.

#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <sstream>

#include "delivery/huawei/credentials.h"
#include "huawei/service.h"
#include "huawei/signer.h"
#include "support/huawei_signature.h"
#include "support/scoped_env.h"
#include "support/vectors.h"

using namespace delivery;
using namespace delivery::huawei;
namespace hd = delivery::huawei::detail;

namespace {

// "https://host[:port]/path?k=v&k2=v2" -> request fields (values here need no decoding).
HttpRequest fromUrl(const std::string& method, const std::string& url) {
  HttpRequest r;
  r.method = method == "GET" ? HttpMethod::Get : method == "POST" ? HttpMethod::Post
           : method == "PUT" ? HttpMethod::Put : HttpMethod::Delete;
  const auto schemeEnd = url.find("://") + 3;
  const auto pathStart = url.find('/', schemeEnd);
  const auto queryStart = url.find('?');
  r.endpoint = Endpoint::parse(url.substr(0, std::min(pathStart, queryStart))).value();
  r.path = pathStart == std::string::npos ? "" : url.substr(pathStart, queryStart == std::string::npos ? std::string::npos : queryStart - pathStart);
  if (queryStart != std::string::npos) {
    std::istringstream q(url.substr(queryStart + 1));
    std::string pair;
    while (std::getline(q, pair, '&')) {
      const auto eq = pair.find('=');
      r.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
    }
  }
  return r;
}

}  // namespace

TEST_CASE("SDK-HMAC-SHA256 vectors from the Go and Java SDKs", "[huawei][signing]") {
  rapidjson::Document doc;
  doc.Parse(test::readDataFile("huawei-sdk-hmac-sha256.json").c_str());
  REQUIRE_FALSE(doc.HasParseError());
  int checked = 0;
  for (const auto& v : doc["vectors"].GetArray()) {
    const std::string id = v["id"].GetString();
    INFO(id);
    HttpRequest r = fromUrl(v["method"].GetString(), v["url"].GetString());
    for (const auto& h : v["headers"].GetObject()) r.headers.add(h.name.GetString(), h.value.GetString());
    r.body = v["body"].GetString();
    std::vector<std::string> expectedNames;
    for (const auto& n : v["signed_headers"].GetArray()) expectedNames.emplace_back(n.GetString());

    // The Java SDK signs the host: our signer does too whenever a Host header is on the request.
    if (id[0] == 'J' && !r.headers.contains("Host")) r.headers.add("Host", r.endpoint.authority());
    CHECK(hd::signedHeaderNames(r.headers) == expectedNames);

    const std::string canonical = hd::canonicalRequest(r, expectedNames);
    if (v.HasMember("canonical_request")) CHECK(canonical == v["canonical_request"].GetString());
    const std::string sig = hd::signature("SecretKey", hd::stringToSign(r.headers.get("X-Sdk-Date"), canonical));
    CHECK(hd::authorizationHeader("AccessKey", expectedNames, sig) == v["authorization"].GetString());
    ++checked;
  }
  CHECK(checked == 7);
}

TEST_CASE("canonical URI and query string", "[huawei][signing]") {
  CHECK(hd::canonicalUri("") == "/");
  CHECK(hd::canonicalUri("/") == "/");
  CHECK(hd::canonicalUri("/v2/p/streams/s-1/transfer-tasks") == "/v2/p/streams/s-1/transfer-tasks/");
  CHECK(hd::canonicalUri("/a%20b/c d/") == "/a%20b/c%20d/");
  // The Go SDK's test: keys sorted, repeated keys by value, RFC 3986 encoding with upper-case hex.
  CHECK(hd::canonicalQueryString({{"test", "\xe4\xb8\x80 (&=?!#%.*)"}, {"path", "/tmp/123"}, {"multi", "3"},
                                  {"multi", "1"}, {"enable", "true"}, {"multi", "2"}, {"limit", "1"}}) ==
        "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29");
  CHECK(hd::canonicalQueryString({{"topic-info", "true"}}) == "topic-info=true");
  CHECK(hd::canonicalQueryString({}).empty());
}

TEST_CASE("canonical URI decodes, then encodes, every segment", "[huawei][signing]") {
  CHECK(hd::canonicalUri("a") == "a/");
  CHECK(hd::canonicalUri("/a/b//") == "/a/b//");
  CHECK(hd::canonicalUri("/%41%7e%7E-_.~/x") == "/A~~-_.~/x/");             // unreserved once decoded
  CHECK(hd::canonicalUri("/a%2Fb/%2f") == "/a%2Fb/%2F/");                    // an encoded '/' stays encoded
  CHECK(hd::canonicalUri("/x%zz/%4/%") == "/x%25zz/%254/%25/");              // '%' not followed by two hex digits
  CHECK(hd::canonicalUri("/\xc3\xa9 (1)") == "/%C3%A9%20%281%29/");
}

TEST_CASE("authenticate signs the canonical request canonicalRequest() writes", "[huawei][signing]") {
  // authenticate() hashes the canonical request as it writes it, from the values it sets; the
  // public functions write it from the request's headers. Both must agree on every shape.
  struct Case {
    const char* url;
    const char* method;
    const char* token;
    const char* presetToken;    // an X-Security-Token already on the request
    const char* contentSha256;  // an X-Sdk-Content-Sha256 header
  };
  const Case cases[] = {
      {"https://dis.cn-north-4.myhuaweicloud.com/v2/p/streams/s/transfer-tasks", "POST", "", nullptr, nullptr},
      {"https://dis.cn-north-4.myhuaweicloud.com/v2/p/streams/s%20t/transfer-tasks/a%2Fb", "PUT", "TOKEN", nullptr, nullptr},
      {"http://127.0.0.1:8080/v2/p/connectors/c/sink-tasks/t?topic-info=true&b=%2F", "GET", "", nullptr, nullptr},
      {"https://h:8443/", "DELETE", "", " preset token ", nullptr},
      {"https://h/p", "POST", "T", nullptr, "UNSIGNED-PAYLOAD"},
  };
  const delivery::detail::HmacKey key(delivery::detail::HmacKey::Algorithm::Sha256, "SK");
  for (const Case& c : cases) {
    INFO(c.url);
    for (bool prepared : {false, true}) {
      HttpRequest r = fromUrl(c.method, c.url);
      r.body = std::string(c.method) == "GET" ? "" : R"({"k":"v"})";
      r.headers.add("User-Agent", "ua");
      if (c.presetToken != nullptr) r.headers.add("X-Security-Token", c.presetToken);
      if (c.contentSha256 != nullptr) r.headers.add("X-Sdk-Content-Sha256", c.contentSha256);
      const auto creds = HuaweiCredentials::withAkSk("AK", "SK", "proj", c.token);
      hd::authenticate(r, creds, std::chrono::system_clock::time_point(std::chrono::seconds(1704164645)),
                       prepared ? &key : nullptr);
      const test::HuaweiSignature parsed = test::checkHuaweiSignature(r, "SK");
      CHECK(parsed.valid);
      CHECK(parsed.signedHeaders == hd::signedHeaderNames(r.headers));
      const std::string canonical = hd::canonicalRequest(r, parsed.signedHeaders);
      const std::string signature = hd::signature("SK", hd::stringToSign("20240102T030405Z", canonical));
      CHECK(r.headers.get("Authorization") == hd::authorizationHeader("AK", parsed.signedHeaders, signature));
    }
  }
}

TEST_CASE("X-Sdk-Content-Sha256 replaces the body hash", "[huawei][signing]") {
  HttpRequest r = fromUrl("POST", "https://h/p");
  r.body = "payload";
  r.headers.add("X-Sdk-Date", "20240102T030405Z");
  r.headers.add("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
  const std::string c = hd::canonicalRequest(r, {"x-sdk-date"});
  CHECK(c.substr(c.rfind('\n') + 1) == "UNSIGNED-PAYLOAD");
}

TEST_CASE("authenticate signs host, date, project id and security token", "[huawei][signing]") {
  HttpRequest r = fromUrl("GET", "https://dis.cn-north-4.myhuaweicloud.com/v2/proj/streams/s/transfer-tasks");
  r.headers.add("User-Agent", "ua");
  auto creds = HuaweiCredentials::withAkSk("AK", "SK", "proj", "TOKEN");
  std::chrono::system_clock::time_point t = std::chrono::system_clock::time_point(std::chrono::seconds(1704164645));
  hd::authenticate(r, creds, t);
  CHECK(r.headers.get("X-Sdk-Date") == "20240102T030405Z");
  CHECK(r.headers.get("Host") == "dis.cn-north-4.myhuaweicloud.com");
  CHECK(r.headers.get("X-Project-Id") == "proj");
  CHECK(r.headers.get("X-Security-Token") == "TOKEN");
  const test::HuaweiSignature parsed = test::checkHuaweiSignature(r, "SK");
  CHECK(parsed.accessKey == "AK");
  CHECK(parsed.signedHeaders == std::vector<std::string>{"host", "x-project-id", "x-sdk-date", "x-security-token"});
  CHECK(parsed.valid);
  CHECK_FALSE(r.headers.contains("X-Auth-Token"));

  // Re-signing (a retry) replaces the previous values rather than adding more.
  hd::authenticate(r, creds, t + std::chrono::seconds(1));
  std::size_t dates = 0;
  for (const auto& h : r.headers) dates += Headers::namesEqual(h.first, "X-Sdk-Date") ? 1 : 0;
  CHECK(dates == 1);
  CHECK(r.headers.get("X-Sdk-Date") == "20240102T030406Z");
}

TEST_CASE("token authentication sends X-Auth-Token and no signature", "[huawei][signing]") {
  HttpRequest r = fromUrl("GET", "https://dis.cn-north-4.myhuaweicloud.com/v2/proj/streams/s/transfer-tasks");
  hd::authenticate(r, HuaweiCredentials::withToken("IAM-TOKEN", "proj"), std::chrono::system_clock::now());
  CHECK(r.headers.get("X-Auth-Token") == "IAM-TOKEN");
  CHECK(r.headers.get("X-Project-Id") == "proj");
  CHECK_FALSE(r.headers.contains("Authorization"));
  CHECK_FALSE(r.headers.contains("X-Sdk-Date"));
}

TEST_CASE("Huawei credentials: environment, validation, printing", "[huawei][credentials]") {
  test::ScopedEnv ak("HUAWEICLOUD_SDK_AK", "ak-value");
  test::ScopedEnv sk("HUAWEICLOUD_SDK_SK", "sk-secret-value");
  test::ScopedEnv project("HUAWEICLOUD_SDK_PROJECT_ID", "project1");
  test::ScopedEnv token("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sts-secret-token");
  auto c = HuaweiCredentials::fromEnvironment();
  REQUIRE(c);
  CHECK(c->accessKey == "ak-value");
  CHECK(c->securityToken == "sts-secret-token");
  CHECK(c->validate().empty());
  std::ostringstream os;
  os << *c;
  CHECK(os.str().find("ak-value") != std::string::npos);
  CHECK(os.str().find("sk-secret-value") == std::string::npos);
  CHECK(os.str().find("sts-secret-token") == std::string::npos);
  for (test::ScopedEnv* v : {&ak, &sk, &project, &token}) v->set(nullptr);
  auto missing = HuaweiCredentials::fromEnvironment();
  REQUIRE_FALSE(missing);
  CHECK(missing.error().violations.size() == 3);

  CHECK(HuaweiCredentials::withToken("t", "p").validate().empty());
  auto both = HuaweiCredentials::withAkSk("a", "s", "p");
  both.authToken = "t";
  CHECK(both.validate().size() == 1);
  CHECK(HuaweiCredentials::withAkSk("a", "s", "").validate().at(0).field == "credentials.projectId");
  CHECK(HuaweiCredentials::withAkSk("a", "s", "p/../x").validate().at(0).field == "credentials.projectId");
}

TEST_CASE("Huawei error bodies", "[huawei][errors]") {
  auto response = [](int status, std::string body, std::string requestId = "rid") {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    if (!requestId.empty()) r.headers.add("X-Request-Id", requestId);
    return r;
  };
  Error e = hd::errorFromResponse(response(400, R"({"error_code":"DIS.4200","error_msg":"Invalid request."})"), false);
  CHECK(e.code == "DIS.4200");
  CHECK(e.message == "Invalid request.");
  CHECK(e.requestId == "rid");
  CHECK(e.kind == ErrorKind::Service);
  CHECK_FALSE(e.retryable);

  e = hd::errorFromResponse(response(401, R"({"code":"APIGW.0301","message":"Incorrect IAM authentication information"})"), true);
  CHECK(e.code == "APIGW.0301");
  CHECK(e.kind == ErrorKind::Auth);

  e = hd::errorFromResponse(response(404, R"({"error":{"code":"DMS.404","message":"not found"},"request_id":"body-rid"})", ""), true);
  CHECK(e.code == "DMS.404");
  CHECK(e.message == "not found");
  CHECK(e.requestId == "body-rid");

  e = hd::errorFromResponse(response(502, "<html>Bad Gateway</html>"), true);
  CHECK(e.code.empty());
  CHECK(e.message == "<html>Bad Gateway</html>");
  CHECK(e.retryable);  // idempotent and 5xx
  CHECK_FALSE(hd::errorFromResponse(response(502, ""), false).retryable);
  CHECK(hd::errorFromResponse(response(502, ""), false).message == "HTTP 502 with an empty body");

  e = hd::errorFromResponse(response(429, R"({"error_code":"APIGW.0308","error_msg":"throttled"})"), false);
  CHECK(e.kind == ErrorKind::Throttled);
  CHECK(e.retryable);

  // Deep or hostile JSON does not crash; a numeric code is kept as text.
  CHECK(hd::errorFromResponse(response(400, std::string(100000, '[')), false).kind == ErrorKind::Service);
  CHECK(hd::errorFromResponse(response(400, R"({"error_code":4001,"error_msg":"x"})"), false).code == "4001");
}
