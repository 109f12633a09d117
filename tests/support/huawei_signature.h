#pragma once
// Checks the SDK-HMAC-SHA256 signature of a request the SDK built, with the emulator's gateway code
// (tools/emulator/huawei_auth.h), which is written from the specification and shares nothing with
// the SDK's signer: a mistake in the signer cannot cancel itself out here.

#include <string>
#include <vector>

#include "delivery/core/http.h"
#include "emulator/huawei_auth.h"

namespace delivery::test {

struct HuaweiSignature {
  std::string accessKey;
  std::vector<std::string> signedHeaders;
  bool valid = false;
};

inline HuaweiSignature checkHuaweiSignature(const HttpRequest& request, const std::string& secretKey) {
  namespace gw = delivery::emulator::huawei_gateway;
  HuaweiSignature out;
  gw::SignedAuthorization auth;
  if (!gw::parseAuthorization(request.headers.get("Authorization"), auth)) return out;
  out.accessKey = auth.accessKey;
  out.signedHeaders = auth.signedHeaders;
  std::string missing;
  const std::string canonical = gw::canonicalRequest(request, auth.signedHeaders, &missing);
  out.valid = missing.empty() && auth.signature == gw::signature(secretKey, request.headers.get("X-Sdk-Date"), canonical);
  return out;
}

}  // namespace delivery::test
