// Every libcurl code maps to an ErrorKind that tells the truth about whether the request left:
// InvalidArgument and Connect only when it certainly did not, Network, Timeout or
// InvalidResponse once it may have. A caller (and the retry loop) may re-send only the former.

#include <curl/curl.h>

#include <catch2/catch.hpp>

#include "core/curl_errors.h"

using delivery::ErrorKind;
using delivery::detail::curlErrorKind;

TEST_CASE("after the request may have left, no libcurl code says 'not sent'", "[curl][errors]") {
  for (int code = 1; code < CURL_LAST; ++code) {
    INFO("CURLcode " << code << ": " << curl_easy_strerror(static_cast<CURLcode>(code)));
    const ErrorKind started = curlErrorKind(code, true);
    CHECK(started != ErrorKind::InvalidArgument);
    CHECK(started != ErrorKind::Connect);
    CHECK(started != ErrorKind::Tls);
    CHECK((started == ErrorKind::Network || started == ErrorKind::Timeout || started == ErrorKind::InvalidResponse));
    const ErrorKind before = curlErrorKind(code, false);
    CHECK((before == ErrorKind::InvalidArgument || before == ErrorKind::Connect || before == ErrorKind::Tls ||
           before == ErrorKind::Internal));
  }
}

TEST_CASE("libcurl codes map to the documented kinds", "[curl][errors]") {
  struct Row {
    CURLcode code;
    ErrorKind beforeSending;
    ErrorKind afterSending;
  };
  const Row rows[] = {
      // An invalid status line or a reply that is not HTTP: code 1 once the request was sent.
      {CURLE_UNSUPPORTED_PROTOCOL, ErrorKind::InvalidArgument, ErrorKind::InvalidResponse},
      {CURLE_URL_MALFORMAT, ErrorKind::InvalidArgument, ErrorKind::Network},
      {CURLE_WEIRD_SERVER_REPLY, ErrorKind::Connect, ErrorKind::InvalidResponse},
      {CURLE_HTTP2, ErrorKind::Connect, ErrorKind::InvalidResponse},
      {CURLE_BAD_CONTENT_ENCODING, ErrorKind::Connect, ErrorKind::InvalidResponse},
      {CURLE_COULDNT_RESOLVE_HOST, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_COULDNT_RESOLVE_PROXY, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_COULDNT_CONNECT, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_OPERATION_TIMEDOUT, ErrorKind::Connect, ErrorKind::Timeout},
      {CURLE_SEND_ERROR, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_RECV_ERROR, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_GOT_NOTHING, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_PARTIAL_FILE, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_SEND_FAIL_REWIND, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_ABORTED_BY_CALLBACK, ErrorKind::Connect, ErrorKind::Network},
      {CURLE_SSL_CONNECT_ERROR, ErrorKind::Tls, ErrorKind::Network},
      {CURLE_PEER_FAILED_VERIFICATION, ErrorKind::Tls, ErrorKind::Network},
      {CURLE_SSL_CACERT_BADFILE, ErrorKind::Tls, ErrorKind::Network},
      {CURLE_OUT_OF_MEMORY, ErrorKind::Internal, ErrorKind::Network},
      {CURLE_BAD_FUNCTION_ARGUMENT, ErrorKind::Internal, ErrorKind::Network},
      {CURLE_WRITE_ERROR, ErrorKind::Connect, ErrorKind::InvalidResponse},
  };
  for (const Row& row : rows) {
    INFO("CURLcode " << row.code << ": " << curl_easy_strerror(row.code));
    CHECK(curlErrorKind(row.code, false) == row.beforeSending);
    CHECK(curlErrorKind(row.code, true) == row.afterSending);
  }
}
