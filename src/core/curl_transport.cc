#include "delivery/core/curl_transport.h"

#include <curl/curl.h>

#include <mutex>
#include <string>
#include <vector>

#include "core/text.h"

namespace delivery {
namespace {

// libcurl's global state is set up once, on first use, and never torn down: the SDK has no
// init/shutdown calls to get wrong, and clients may outlive static destruction order.
void globalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Exchange {
  HttpResponse response;
  std::size_t maxBytes = 0;
  bool tooLarge = false;
};

std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const std::size_t n = size * count;
  if (ex->response.body.size() + n > ex->maxBytes) {
    ex->tooLarge = true;
    return 0;  // makes libcurl fail with CURLE_WRITE_ERROR
  }
  ex->response.body.append(data, n);
  return n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* ex = static_cast<Exchange*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    ex->response.headers.clear();  // a new response (after 1xx): start over
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return n;
  ex->response.headers.add(std::string(detail::trimView(line.substr(0, colon))),
                           std::string(detail::trimView(line.substr(colon + 1))));
  return n;
}

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

ErrorKind classify(CURLcode code, CURL* handle) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
      return ErrorKind::Connect;
    case CURLE_OPERATION_TIMEDOUT: {
      // Timed out before the request could be sent (DNS, TCP or TLS): nothing reached the server.
      curl_off_t pretransfer = 0;
      curl_easy_getinfo(handle, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
      return pretransfer == 0 ? ErrorKind::Connect : ErrorKind::Timeout;
    }
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
      return ErrorKind::Tls;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return ErrorKind::InvalidArgument;
    default:
      return ErrorKind::Network;
  }
}

}  // namespace

struct CurlTransport::Impl {
  CurlTransportOptions options;
  std::mutex mutex;
  std::vector<CURL*> idle;

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        CURL* h = idle.back();
        idle.pop_back();
        return h;
      }
    }
    return curl_easy_init();
  }

  void release(CURL* h) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (idle.size() < options.maxIdleHandles) {
        idle.push_back(h);
        return;
      }
    }
    curl_easy_cleanup(h);
  }

  ~Impl() {
    for (CURL* h : idle) curl_easy_cleanup(h);
  }
};

CurlTransport::CurlTransport(CurlTransportOptions options) : impl_(std::make_unique<Impl>()) {
  globalInitOnce();
  impl_->options = std::move(options);
}

CurlTransport::~CurlTransport() = default;

const CurlTransportOptions& CurlTransport::options() const noexcept { return impl_->options; }

Result<HttpResponse> CurlTransport::send(const HttpRequest& request) {
  const CurlTransportOptions& o = impl_->options;
  CURL* h = impl_->acquire();
  if (h == nullptr) return Error(ErrorKind::Internal, "curl_easy_init failed");
  // Reset clears the options of the previous call but keeps the handle's live connections.
  curl_easy_reset(h);

  const std::string url = request.url();
  char errorBuffer[CURL_ERROR_SIZE] = {0};
  Exchange ex;
  ex.maxBytes = o.maxResponseBytes;

  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connectTimeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.requestTimeout.count()));
  if (o.stallTimeout.count() > 0) {
    const long secs = static_cast<long>((o.stallTimeout.count() + 999) / 1000);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, secs < 1 ? 1L : secs);
  }
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, o.verifyPeer ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, o.verifyHost ? 2L : 0L);
  if (!o.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o.caFile.c_str());
  if (!o.caPath.empty()) curl_easy_setopt(h, CURLOPT_CAPATH, o.caPath.c_str());
  if (o.proxy) {
    // An explicit value overrides the environment; "" disables proxies altogether.
    curl_easy_setopt(h, CURLOPT_PROXY, o.proxy->c_str());
    if (!o.noProxy.empty()) curl_easy_setopt(h, CURLOPT_NOPROXY, o.noProxy.c_str());
  }

  switch (request.method) {
    case HttpMethod::Get:
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
      break;
    case HttpMethod::Post:
      curl_easy_setopt(h, CURLOPT_POST, 1L);
      break;
    case HttpMethod::Put:
    case HttpMethod::Delete:
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, toString(request.method));
      break;
  }
  if (request.method != HttpMethod::Get && (request.method == HttpMethod::Post || !request.body.empty())) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }

  std::unique_ptr<curl_slist, SlistDeleter> headerList;
  auto append = [&](const std::string& line) {
    curl_slist* next = curl_slist_append(headerList.get(), line.c_str());
    if (next != nullptr) {
      headerList.release();
      headerList.reset(next);
    }
  };
  for (const auto& [name, value] : request.headers) {
    // "Name;" is libcurl's way to send a header with an empty value.
    append(value.empty() ? name + ";" : name + ": " + value);
  }
  append("Expect:");  // no 100-continue round trip
  if (!request.headers.contains("Content-Type")) append("Content-Type:");  // drop curl's form default
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headerList.get());

  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &ex);

  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    Error err;
    if (ex.tooLarge) {
      err = Error(ErrorKind::InvalidResponse, "response body exceeds the limit of " +
                                                  std::to_string(o.maxResponseBytes) + " bytes");
    } else {
      err.kind = classify(rc, h);
      err.message = std::string(curl_easy_strerror(rc));
      if (errorBuffer[0] != '\0') err.message += std::string(": ") + errorBuffer;
    }
    err.message = std::string(toString(request.method)) + " " + request.endpoint.toString() + request.path + ": " +
                  err.message;
    err.transportCode = static_cast<int>(rc);
    // Drop the connection state of a failed exchange rather than risk reusing a half-read stream.
    curl_easy_cleanup(h);
    return err;
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  ex.response.status = static_cast<int>(status);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  impl_->release(h);
  return std::move(ex.response);
}

}  // namespace delivery
