#include "core/curl_errors.h"

#include <curl/curl.h>

DELIVERY_NAMESPACE_BEGIN namespace detail {
namespace {

bool isTls(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return true;
    default:
      return false;
  }
}

// Failures inside this process or of the way libcurl is set up, not of the network.
bool isLocal(CURLcode code) {
  switch (code) {
    case CURLE_FAILED_INIT:
    case CURLE_OUT_OF_MEMORY:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_NOT_BUILT_IN:
    case CURLE_FUNCTION_NOT_FOUND:
    case CURLE_READ_ERROR:
      return true;
    default:
      return false;
  }
}

// The server answered with something that is not an HTTP response libcurl accepts.
bool isBadReply(CURLcode code) {
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:  // "Unsupported HTTP version in response", HTTP/0.9
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_TOO_MANY_REDIRECTS:
    case CURLE_RANGE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR:  // the SDK's body callback refused an oversized body
      return true;
    default:
      return false;
  }
}

}  // namespace

ErrorKind curlErrorKind(int value, bool requestStarted) noexcept {
  const auto code = static_cast<CURLcode>(value);
  if (!requestStarted) {
    if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) return ErrorKind::InvalidArgument;
    if (isTls(code)) return ErrorKind::Tls;
    if (isLocal(code)) return ErrorKind::Internal;
    // DNS, refused, connect timeout, a proxy that failed before the tunnel was up, ...: the
    // request never left this process.
    return ErrorKind::Connect;
  }
  if (code == CURLE_OPERATION_TIMEDOUT) return ErrorKind::Timeout;
  if (isBadReply(code)) return ErrorKind::InvalidResponse;
  return ErrorKind::Network;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail
