#include "delivery/core/curl_transport.h"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <thread>
#include <unordered_map>
#include <cstdlib>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/async_tasks.h"
#include "core/curl_errors.h"
#include "core/text.h"
#include "core/url.h"

// CURLOPT_PREREQFUNCTION, which keeps libcurl from resending a request that is not idempotent,
// came with libcurl 7.80.0.
#if LIBCURL_VERSION_NUM < 0x075000
#error "delivery needs libcurl 7.80.0 or newer (CURLOPT_PREREQFUNCTION)"
#endif

DELIVERY_NAMESPACE_BEGIN
namespace {

// libcurl's global state is set up once, on first use, and never torn down: the SDK has no
// init/shutdown calls to get wrong, and clients may outlive static destruction order.
void globalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// The clock of the stall timeout: CLOCK_MONOTONIC at tick resolution (a few ms). libcurl calls
/// the progress callback several times per request, and the precise clock cost about 28 ns a read
/// on a virtual machine with kvm-clock against 4 ns for this one; a stall limit is a second or more.
struct StallClock {
  using time_point = std::chrono::steady_clock::time_point;
  static time_point now() noexcept {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return time_point(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec)));
  }
};

struct Exchange {
  HttpResponse response;
  std::size_t maxBytes = 0;
  bool tooLarge = false;
  // The request may not be sent twice (HttpRequest::idempotent is false).
  bool sendOnce = false;
  // The pre-request callback has run: the request is about to leave, or has left.
  bool started = false;
  // libcurl wanted to send the request again on a new connection, and was stopped.
  bool refusedResend = false;
  // The stall timeout: no byte moved in either direction for `stallLimit`.
  std::chrono::steady_clock::duration stallLimit{};
  StallClock::time_point lastActivity;
  curl_off_t lastDown = -1, lastUp = -1;
  std::size_t headerBytes = 0, lastHeaderBytes = 0;
  bool stalled = false;
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
  ex->headerBytes += n;
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

// Runs each time libcurl is about to send the request on a connection. libcurl resends a request
// on a new connection when a reused one closes before any response byte ("Connection died,
// retrying a fresh connect"); for a request that may have executed, that second send is refused.
int onPrerequest(void* user, char*, char*, int, int) {
  auto* ex = static_cast<Exchange*>(user);
  if (ex->started && ex->sendOnce) {
    ex->refusedResend = true;
    return CURL_PREREQFUNC_ABORT;
  }
  ex->started = true;
  ex->lastActivity = StallClock::now();
  return CURL_PREREQFUNC_OK;
}

// libcurl calls this at least once a second while a transfer runs, and whenever data moves.
int onProgress(void* user, curl_off_t, curl_off_t down, curl_off_t, curl_off_t up) {
  auto* ex = static_cast<Exchange*>(user);
  if (!ex->started || ex->stallLimit.count() == 0) return 0;  // connecting: the connect timeout applies
  const auto now = StallClock::now();
  if (down != ex->lastDown || up != ex->lastUp || ex->headerBytes != ex->lastHeaderBytes) {
    ex->lastDown = down;
    ex->lastUp = up;
    ex->lastHeaderBytes = ex->headerBytes;
    ex->lastActivity = now;
    return 0;
  }
  if (now - ex->lastActivity >= ex->stallLimit) {
    ex->stalled = true;
    return 1;  // CURLE_ABORTED_BY_CALLBACK
  }
  return 0;
}

// "POST https://host/path: ", the start of a transport error's message.
std::string describe(const HttpRequest& request) {
  return std::string(toString(request.method)) + " " + request.endpoint.toString() + request.path + ": ";
}

}  // namespace

// An easy handle with the options that never change set once, when it is created; a call only
// sets what differs between requests. (curl_easy_reset plus twenty options per call cost more than
// the signature.) The handle keeps its connections alive between calls.
struct PooledHandle {
  CURL* curl = nullptr;
  char errorBuffer[CURL_ERROR_SIZE] = {0};
  // The request's URL and header lines, and the curl_slist nodes pointing into them: owned here
  // and reused, so a call does not allocate a list node and a copy per header.
  std::string url;
  // `url` parsed once into a libcurl URL handle: libcurl then copies the parsed parts on each
  // transfer instead of parsing the text again.
  CURLU* parsedUrl = nullptr;
  std::string parsedUrlText;
  const std::string* proxy = nullptr;  // the CURLOPT_PROXY value last set (environment proxies)
  long maxIdle = 118;                  // the CURLOPT_MAXAGE_CONN value last set
  std::string headerText;
  std::vector<curl_slist> headerNodes;
  std::vector<std::size_t> headerStarts;
  ~PooledHandle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
    if (parsedUrl != nullptr) curl_url_cleanup(parsedUrl);
  }
};

// The proxy settings libcurl would derive from the environment for each request (url.c,
// detect_proxy and the no_proxy lookup), derived once. A variable that is set but empty counts as
// set: it means "no proxy" and stops the fallback, as it does in libcurl.
struct EnvironmentProxies {
  std::string http;     // for http:// requests ("" = none)
  std::string https;    // for https:// requests
  std::string noProxy;  // hosts reached directly

  static EnvironmentProxies read() {
    auto first = [](std::initializer_list<const char*> names) -> std::optional<std::string> {
      for (const char* name : names) {
        if (const char* v = std::getenv(name)) return std::string(v);
      }
      return std::nullopt;
    };
    const std::optional<std::string> all = first({"all_proxy", "ALL_PROXY"});
    EnvironmentProxies e;
    // Upper-case HTTP_PROXY is ignored on purpose (libcurl: it may be set by CGI from a request).
    e.http = first({"http_proxy"}).value_or(all.value_or(""));
    e.https = first({"https_proxy", "HTTPS_PROXY"}).value_or(all.value_or(""));
    e.noProxy = first({"no_proxy", "NO_PROXY"}).value_or("");
    return e;
  }
};

// What every handle of a transport is configured from (shared with the event loop, which may
// outlive the transport object by the few instructions of a completion that destroyed it).
struct Settings {
  CurlTransportOptions options;
  std::optional<EnvironmentProxies> environment;  // when options.proxy is unset
};

namespace {

void configure(PooledHandle& ph, const Settings& settings) {
  CURL* h = ph.curl;
  const CurlTransportOptions& o = settings.options;
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ph.errorBuffer);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connectTimeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.requestTimeout.count()));
  // The stall timeout is the progress callback's, not CURLOPT_LOW_SPEED_*: libcurl's speed check
  // averages over several seconds and counts the upload, so a stalled POST ran 6 to 7 s past it.
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &onProgress);
  curl_easy_setopt(h, CURLOPT_PREREQFUNCTION, &onPrerequest);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, o.verifyPeer ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, o.verifyHost ? 2L : 0L);
  if (!o.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o.caFile.c_str());
  if (!o.caPath.empty()) curl_easy_setopt(h, CURLOPT_CAPATH, o.caPath.c_str());
  if (o.proxy) {
    // An explicit value overrides the environment; "" disables proxies altogether.
    curl_easy_setopt(h, CURLOPT_PROXY, o.proxy->c_str());
    if (!o.noProxy.empty()) curl_easy_setopt(h, CURLOPT_NOPROXY, o.noProxy.c_str());
  } else {
    // Set explicitly so that libcurl does not look the variables up again on every transfer;
    // CURLOPT_PROXY is set per request, by scheme.
    curl_easy_setopt(h, CURLOPT_NOPROXY, settings.environment->noProxy.c_str());
  }
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &onBody);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &onHeader);
}

std::unique_ptr<PooledHandle> newHandle(const Settings& settings) {
  auto h = std::make_unique<PooledHandle>();
  h->curl = curl_easy_init();
  if (h->curl == nullptr) return nullptr;
  configure(*h, settings);
  return h;
}

// Sets everything that differs between requests on `ph`, for `request` (which, with `ex`, must
// stay where it is until the transfer ends). An Error when libcurl cannot take the URL: nothing
// was sent, and the handle may be used again.
std::optional<Error> prepare(PooledHandle& ph, const Settings& settings, const HttpRequest& request, Exchange& ex) {
  const CurlTransportOptions& o = settings.options;
  CURL* h = ph.curl;
  ph.errorBuffer[0] = '\0';

  ph.url.clear();
  detail::appendUrl(request, ph.url);
  if (settings.environment) {
    const bool https = Headers::namesEqual(request.endpoint.scheme, "https");  // (a case-insensitive compare)
    const std::string& proxy = https ? settings.environment->https : settings.environment->http;
    if (ph.proxy != &proxy) {
      curl_easy_setopt(h, CURLOPT_PROXY, proxy.c_str());
      ph.proxy = &proxy;
    }
  }
  ex.maxBytes = o.maxResponseBytes;
  ex.response.headers.reserve(16);
  if (ph.parsedUrl == nullptr || ph.url != ph.parsedUrlText) {
    if (ph.parsedUrl == nullptr) ph.parsedUrl = curl_url();
    if (ph.parsedUrl == nullptr) return Error(ErrorKind::Internal, "curl_url failed");
    const CURLUcode uc = curl_url_set(ph.parsedUrl, CURLUPART_URL, ph.url.c_str(), 0);
    if (uc != CURLUE_OK) {
      ph.parsedUrlText.clear();
      Error err(ErrorKind::InvalidArgument, describe(request) + "libcurl cannot parse the URL: " + curl_url_strerror(uc));
      err.transportCode = static_cast<int>(CURLE_URL_MALFORMAT);
      return err;
    }
    ph.parsedUrlText = ph.url;
    curl_easy_setopt(h, CURLOPT_CURLU, ph.parsedUrl);
  }
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &ex);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, &ex);
  curl_easy_setopt(h, CURLOPT_PREREQDATA, &ex);
  ex.sendOnce = !request.idempotent;
  // libcurl's default maximum idle age for reusing a connection is 118 s.
  const long maxIdle = ex.sendOnce ? std::max<long>(1, static_cast<long>(o.maxIdleBeforeNonIdempotent.count())) : 118L;
  if (maxIdle != ph.maxIdle) {
    curl_easy_setopt(h, CURLOPT_MAXAGE_CONN, maxIdle);
    ph.maxIdle = maxIdle;
  }
  ex.stallLimit = o.stallTimeout;

  const bool sendsBody = request.method == HttpMethod::Post || request.method == HttpMethod::Put ||
                         (request.method == HttpMethod::Delete && !request.body.empty());
  if (sendsBody) {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  } else {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  }
  const bool custom = request.method == HttpMethod::Put || request.method == HttpMethod::Delete;
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, custom ? toString(request.method) : nullptr);

  // Header lines, NUL-separated in one buffer; the nodes are linked once the buffer is complete.
  std::string& text = ph.headerText;
  std::vector<std::size_t>& starts = ph.headerStarts;
  text.clear();
  starts.clear();
  bool hasContentType = false;
  for (const auto& [name, value] : request.headers) {
    hasContentType = hasContentType || Headers::namesEqual(name, "Content-Type");
    starts.push_back(text.size());
    // "Name;" is libcurl's way to send a header with an empty value.
    text += name;
    if (value.empty()) {
      text += ';';
    } else {
      text += ": ";
      text += value;
    }
    text += '\0';
  }
  starts.push_back(text.size());
  text += "Expect:";  // no 100-continue round trip
  text += '\0';
  if (!hasContentType) {
    starts.push_back(text.size());
    text += "Content-Type:";  // drop curl's form default
    text += '\0';
  }
  const std::size_t lines = starts.size();
  ph.headerNodes.resize(lines);
  for (std::size_t i = 0; i < lines; ++i) {
    ph.headerNodes[i].data = text.data() + starts[i];
    ph.headerNodes[i].next = i + 1 < lines ? &ph.headerNodes[i + 1] : nullptr;
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, ph.headerNodes.data());
  return std::nullopt;
}

// The result of a finished transfer. On an error the handle is dropped by the caller with its
// connections rather than risk reusing a half-read stream.
Result<HttpResponse> conclude(PooledHandle& ph, const Settings& settings, const HttpRequest& request, Exchange& ex,
                              CURLcode rc) {
  const CurlTransportOptions& o = settings.options;
  CURL* h = ph.curl;
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
  if (rc != CURLE_OK) {
    Error err;
    if (ex.tooLarge) {
      err = Error(ErrorKind::InvalidResponse, "response body exceeds the limit of " +
                                                  std::to_string(o.maxResponseBytes) + " bytes");
    } else if (ex.stalled) {
      err = Error(ErrorKind::Timeout, "stalled: no byte sent or received for " +
                                          std::to_string(o.stallTimeout.count()) + " ms (stall timeout)");
    } else if (ex.refusedResend) {
      err = Error(ErrorKind::Network,
                  "the connection closed after the request was sent and before any response byte arrived; "
                  "it was not sent again on a new connection, because it is not idempotent");
    } else {
      err.kind = detail::curlErrorKind(static_cast<int>(rc), ex.started);
      err.message = std::string(curl_easy_strerror(rc));
      if (ph.errorBuffer[0] != '\0') err.message += std::string(": ") + ph.errorBuffer;
    }
    err.message = describe(request) + err.message;
    err.transportCode = static_cast<int>(rc);
    return err;
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  ex.response.status = static_cast<int>(status);
  return std::move(ex.response);
}

}  // namespace

struct CurlTransport::Impl {
  std::shared_ptr<Settings> settings = std::make_shared<Settings>();
  std::mutex mutex;
  std::vector<std::unique_ptr<PooledHandle>> idle;
  std::once_flag loopOnce;
  // The asynchronous side, made by the first sendAsync() or after(): one loop per event thread
  // (none when libcurl could not make one).
  std::vector<std::shared_ptr<Loop>> loops;
  std::atomic<bool> loopsMade{false};  // `loops` is set (read it only after seeing this true)
  std::atomic<std::size_t> nextLoop{0};
  /// The loop for the next task (in turn); null when there is none.
  std::shared_ptr<Loop> nextLoopToUse();
  /// The loop that gave out `id` (see Loop::nextId); null when there is none.
  std::shared_ptr<Loop> loopOf(AsyncTaskId id) const;

  std::unique_ptr<PooledHandle> acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty()) {
        auto h = std::move(idle.back());
        idle.pop_back();
        return h;
      }
    }
    return newHandle(*settings);
  }

  void release(std::unique_ptr<PooledHandle> h) {
    std::lock_guard<std::mutex> lock(mutex);
    if (idle.size() < settings->options.maxIdleHandles) idle.push_back(std::move(h));
  }
};

// ---- the asynchronous side -------------------------------------------------------------------
//
// One thread per transport runs this loop: take what other threads handed in (new requests,
// timers, cancellations), start queued requests while fewer than maxInFlight are on the wire, wait
// in epoll for the sockets libcurl asked to watch (CURLMOPT_SOCKETFUNCTION), for libcurl's timer
// (CURLMOPT_TIMERFUNCTION), for the next SDK timer or for the eventfd that says something was
// handed in, tell libcurl which sockets are ready (curl_multi_socket_action: it then works only on
// those transfers, not on every one in flight), and complete finished transfers and due timers.
// Only the loop thread touches the multi handle, the transfers, the queue and the timers.
struct CurlTransport::Loop {
  using Send = detail::PendingSend;
  using Timer = std::pair<std::chrono::steady_clock::time_point, detail::PendingTimer>;  // (due, timer)
  struct Transfer {
    AsyncTaskId id;
    std::unique_ptr<PooledHandle> handle;
    Exchange exchange;
    HttpRequest request;
    Completion done;
  };

  // Loop `index` of `count`: its task ids are index+1, index+1+count, ... so that an id names its loop.
  Loop(std::shared_ptr<const Settings> s, std::size_t index, std::size_t count)
      : settings(std::move(s)),
        multi(curl_multi_init()),
        index(index),
        loops(count),
        nextId(index + 1),
        epollFd(epoll_create1(EPOLL_CLOEXEC)),
        wakeFd(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (multi == nullptr || epollFd < 0 || wakeFd < 0) {
      if (multi != nullptr) curl_multi_cleanup(multi);
      multi = nullptr;
      return;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wakeFd;
    epoll_ctl(epollFd, EPOLL_CTL_ADD, wakeFd, &ev);
    // Enough kept-alive connections for every request in flight (libcurl's default is smaller).
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(maxInFlight() + 4));
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &Loop::onSocket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &Loop::onTimer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
  }
  ~Loop() {
    for (auto& [easy, transfer] : active) curl_multi_remove_handle(multi, easy);
    active.clear();
    idle.clear();
    if (multi != nullptr) curl_multi_cleanup(multi);
    if (epollFd >= 0) close(epollFd);
    if (wakeFd >= 0) close(wakeFd);
  }

  // This loop's share of CurlTransportOptions::maxInFlight: an even split, the first loops taking
  // one more each when it does not divide (they are also the first given a task in each turn).
  std::size_t maxInFlight() const {
    const std::size_t total = settings->options.maxInFlight;
    return std::max<std::size_t>(1, total / loops + (index < total % loops ? 1 : 0));
  }

  // Any thread: wakes the loop from epoll_wait, whatever it is doing (to stop it).
  void wake() {
    const std::uint64_t one = 1;
    (void)!write(wakeFd, &one, sizeof one);
  }

  // Any thread: puts something in the inbox (under the lock, with `closed` false) and wakes the
  // loop only when it sleeps with an empty inbox. A busy loop takes the inbox before it waits
  // again, so a steady stream of hand-ins costs no system call; the loop thread never writes.
  void handedIn(std::unique_lock<std::mutex>& lock) {
    const bool mustWake = sleeping;
    sleeping = false;
    lock.unlock();
    if (mustWake) wake();
  }

  // libcurl: watch socket `s` for `what` (or stop watching it).
  static int onSocket(CURL*, curl_socket_t s, int what, void* user, void* socketp) {
    auto* loop = static_cast<Loop*>(user);
    if (what == CURL_POLL_REMOVE) {
      epoll_ctl(loop->epollFd, EPOLL_CTL_DEL, s, nullptr);
      curl_multi_assign(loop->multi, s, nullptr);
      return 0;
    }
    epoll_event ev{};
    ev.events = ((what & CURL_POLL_IN) != 0 ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0u);
    ev.data.fd = s;
    if (socketp == nullptr) {
      if (epoll_ctl(loop->epollFd, EPOLL_CTL_ADD, s, &ev) != 0 && errno == EEXIST) {
        epoll_ctl(loop->epollFd, EPOLL_CTL_MOD, s, &ev);
      }
      curl_multi_assign(loop->multi, s, loop);  // (any non-null value: "registered")
    } else {
      epoll_ctl(loop->epollFd, EPOLL_CTL_MOD, s, &ev);
    }
    return 0;
  }

  // libcurl: call curl_multi_socket_action(CURL_SOCKET_TIMEOUT) in `ms` (-1: no timer).
  static int onTimer(CURLM*, long ms, void* user) {
    auto* loop = static_cast<Loop*>(user);
    if (ms < 0) {
      loop->curlTimer.reset();
    } else {
      loop->curlTimer = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    }
    return 0;
  }

  void run() {
    epoll_event events[64];
    int running = 0;
    while (!stopping.load(std::memory_order_acquire)) {
      takeInbox();
      if (stopping.load(std::memory_order_acquire)) break;  // a cancellation's completion destroyed the transport
      startQueued();
      int timeout = waitMs();
      if (timeout != 0) {
        std::lock_guard<std::mutex> lock(mutex);
        // From here a hand-in writes to wakeFd (see handedIn); one made since takeInbox() is
        // taken without sleeping.
        if (inboxSends.empty() && inboxTimers.empty() && inboxCancels.empty()) {
          sleeping = true;
        } else {
          timeout = 0;
        }
      }
      const int n = epoll_wait(epollFd, events, 64, timeout);
      for (int i = 0; i < n; ++i) {
        if (events[i].data.fd == wakeFd) {
          std::uint64_t count = 0;
          (void)!read(wakeFd, &count, sizeof count);
          continue;
        }
        int flags = 0;
        if ((events[i].events & EPOLLIN) != 0) flags |= CURL_CSELECT_IN;
        if ((events[i].events & EPOLLOUT) != 0) flags |= CURL_CSELECT_OUT;
        if ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0) flags |= CURL_CSELECT_ERR;
        curl_multi_socket_action(multi, events[i].data.fd, flags, &running);
      }
      if (curlTimer && *curlTimer <= std::chrono::steady_clock::now()) {
        curlTimer.reset();
        curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running);
      }
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg == CURLMSG_DONE) finishTransfer(msg->easy_handle, msg->data.result);
      }
      fireTimers();
      checkStalls();
    }
    shutdown();
  }

  // The stall timeout (see CurlTransportOptions::stallTimeout). A blocking transfer's progress
  // callback runs at least once a second; in the multi handle's socket mode it runs only when
  // bytes move, so the loop looks for silent transfers itself, twice a second.
  void checkStalls() {
    const auto now = StallClock::now();
    if (now < nextStallCheck) return;
    nextStallCheck = now + std::chrono::milliseconds(500);
    std::vector<CURL*> stalled;
    for (auto& [easy, t] : active) {
      const Exchange& ex = t->exchange;
      if (ex.started && ex.stallLimit.count() > 0 && now - ex.lastActivity >= ex.stallLimit) stalled.push_back(easy);
    }
    for (CURL* easy : stalled) {
      auto it = active.find(easy);
      std::unique_ptr<Transfer> t = std::move(it->second);
      active.erase(it);
      curl_multi_remove_handle(multi, easy);  // closes the connection; the handle goes too
      t->exchange.stalled = true;
      complete(t->done, conclude(*t->handle, *settings, t->request, t->exchange, CURLE_ABORTED_BY_CALLBACK));
    }
  }

  // How long epoll may wait: until libcurl's timer or the next SDK timer, at most a second.
  int waitMs() const {
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    if (curlTimer) until = std::min(until, *curlTimer);
    if (!pendingTimers.empty()) until = std::min(until, pendingTimers.begin()->first);
    const auto wait = until - std::chrono::steady_clock::now();
    if (wait <= std::chrono::steady_clock::duration::zero()) return 0;
    // Rounded up, so that a timer is not polled for again just before it is due.
    return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wait).count());
  }

  void takeInbox() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      sleeping = false;
      takenSends.swap(inboxSends);
      takenTimers.swap(inboxTimers);
      takenCancels.swap(inboxCancels);
    }
    // (The taken vectors keep their capacity from one round to the next.)
    for (Send& s : takenSends) queued.push_back(std::move(s));
    for (Timer& t : takenTimers) pendingTimers.insert(std::move(t));
    takenSends.clear();
    takenTimers.clear();
    // A cancellation's completion may hand in more (and cancel more): those wait for the next round.
    std::vector<AsyncTaskId> cancels;
    cancels.swap(takenCancels);
    for (AsyncTaskId id : cancels) cancelTask(id, "cancelled");
  }

  void startQueued() {
    while (!queued.empty() && active.size() < maxInFlight() && !stopping.load(std::memory_order_acquire)) {
      Send s = std::move(queued.front());
      queued.pop_front();
      std::unique_ptr<PooledHandle> handle;
      if (!idle.empty()) {
        handle = std::move(idle.back());
        idle.pop_back();
      } else {
        handle = newHandle(*settings);
      }
      if (!handle) {
        complete(s.done, Error(ErrorKind::Internal, "curl_easy_init failed"));
        continue;
      }
      auto transfer = std::make_unique<Transfer>();
      transfer->id = s.id;
      transfer->handle = std::move(handle);
      transfer->request = std::move(s.request);
      transfer->done = std::move(s.done);
      if (std::optional<Error> bad = prepare(*transfer->handle, *settings, transfer->request, transfer->exchange)) {
        keepIdle(std::move(transfer->handle));  // nothing was sent: the handle is fine
        complete(transfer->done, std::move(*bad));
        continue;
      }
      CURL* easy = transfer->handle->curl;
      if (curl_multi_add_handle(multi, easy) != CURLM_OK) {
        complete(transfer->done, Error(ErrorKind::Internal, "curl_multi_add_handle failed"));
        continue;
      }
      active.emplace(easy, std::move(transfer));
    }
  }

  void finishTransfer(CURL* easy, CURLcode rc) {
    auto it = active.find(easy);
    if (it == active.end()) return;
    std::unique_ptr<Transfer> t = std::move(it->second);
    active.erase(it);
    curl_multi_remove_handle(multi, easy);
    Result<HttpResponse> result = conclude(*t->handle, *settings, t->request, t->exchange, rc);
    if (result) keepIdle(std::move(t->handle));
    complete(t->done, std::move(result));
  }

  void keepIdle(std::unique_ptr<PooledHandle> handle) {
    if (idle.size() < std::max(settings->options.maxIdleHandles, maxInFlight())) idle.push_back(std::move(handle));
  }

  void fireTimers() {
    const auto now = std::chrono::steady_clock::now();
    while (!pendingTimers.empty() && pendingTimers.begin()->first <= now) {
      TimerCompletion done = std::move(pendingTimers.begin()->second.done);
      pendingTimers.erase(pendingTimers.begin());
      complete(done, Result<void>());
    }
  }

  // Ends task `id` with ErrorKind::Cancelled, wherever it is; nothing when it has completed.
  void cancelTask(AsyncTaskId id, const std::string& why) {
    for (auto it = active.begin(); it != active.end(); ++it) {
      if (it->second->id != id) continue;
      std::unique_ptr<Transfer> t = std::move(it->second);
      active.erase(it);
      curl_multi_remove_handle(multi, t->handle->curl);  // closes its connection; the handle goes too
      complete(t->done, cancelled(t->request, why, t->exchange.started));
      return;
    }
    for (auto it = queued.begin(); it != queued.end(); ++it) {
      if (it->id != id) continue;
      Send s = std::move(*it);
      queued.erase(it);
      complete(s.done, cancelled(s.request, why, false));
      return;
    }
    for (auto it = pendingTimers.begin(); it != pendingTimers.end(); ++it) {
      if (it->second.id != id) continue;
      TimerCompletion done = std::move(it->second.done);
      pendingTimers.erase(it);
      complete(done, Result<void>(Error(ErrorKind::Cancelled, why)));
      return;
    }
  }

  static Error cancelled(const HttpRequest& request, const std::string& why, bool started) {
    return detail::cancelledSend(describe(request) + why +
                                     (started ? " after the request had started to go out" : " before the request was sent"),
                                 started);
  }

  // Completes everything still pending: the transport is being destroyed.
  void shutdown() {
    takeInbox();
    const std::string why = "the transport was destroyed";
    while (!active.empty()) cancelTask(active.begin()->second->id, why);
    while (!queued.empty()) cancelTask(queued.front().id, why);
    while (!pendingTimers.empty()) cancelTask(pendingTimers.begin()->second.id, why);
    // Whatever a completion above handed in (a retry's timer, say) ends the same way.
    for (;;) {
      std::vector<Send> sends;
      std::vector<Timer> timers;
      {
        std::lock_guard<std::mutex> lock(mutex);
        sends.swap(inboxSends);
        timers.swap(inboxTimers);
        inboxCancels.clear();
        if (sends.empty() && timers.empty()) {
          closed = true;
          break;
        }
      }
      for (Send& s : sends) complete(s.done, cancelled(s.request, why, false));
      for (Timer& t : timers) complete(t.second.done, Result<void>(Error(ErrorKind::Cancelled, why)));
    }
  }

  template <typename Done, typename R>
  static void complete(Done& done, R&& result) noexcept {
    detail::completeSafely(done, std::forward<R>(result));
  }

  // Any thread: hands a task to the loop (`push` adds it to the inbox, under the lock), or
  // completes it with `whenClosed(error)` when the loop is gone or ending (then `push` has not
  // run, and `whenClosed` runs on the calling thread). Returns its id.
  template <typename Done, typename Push, typename WhenClosed>
  static AsyncTaskId handIn(const std::shared_ptr<Loop>& loop, Done& done, Push push, WhenClosed whenClosed) {
    if (!loop) {
      // No multi handle: report it as any failure, from a thread of its own so as never to call
      // back inside the call that started the task (this happens only when libcurl is out of memory).
      // (The result is made here, so that `whenClosed` may refer to the caller's frame.)
      std::thread([done = std::move(done), result = whenClosed(Error(ErrorKind::Internal, "curl_multi_init failed"))]() mutable {
        complete(done, std::move(result));
      }).detach();
      return 0;
    }
    const AsyncTaskId id = loop->nextId.fetch_add(loop->loops, std::memory_order_relaxed);
    std::unique_lock<std::mutex> lock(loop->mutex);
    if (loop->closed) {
      lock.unlock();
      complete(done, whenClosed(Error(ErrorKind::Cancelled, "the transport was destroyed")));
      return id;
    }
    push(id);
    loop->handedIn(lock);
    return id;
  }

  std::shared_ptr<const Settings> settings;
  CURLM* multi;
  std::size_t index;  // this loop's place among the transport's loops
  std::size_t loops;  // how many loops the transport has (this one included)
  std::atomic<AsyncTaskId> nextId;
  std::atomic<bool> stopping{false};
  std::thread thread;
  int epollFd = -1;
  int wakeFd = -1;
  std::chrono::steady_clock::time_point nextStallCheck{};
  std::optional<std::chrono::steady_clock::time_point> curlTimer;  // libcurl's, loop thread only

  std::mutex mutex;  // guards the inbox, `sleeping` and `closed`
  std::vector<Send> inboxSends;
  std::vector<Timer> inboxTimers;
  std::vector<AsyncTaskId> inboxCancels;
  bool sleeping = false;  // the loop waits in epoll_wait with the inbox empty: a hand-in wakes it
  bool closed = false;    // shutdown() has run: what is handed in now is completed at once

  // The loop thread's own.
  std::vector<Send> takenSends;  // the inbox as last taken (kept for its capacity)
  std::vector<Timer> takenTimers;
  std::vector<AsyncTaskId> takenCancels;
  std::deque<Send> queued;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> active;
  detail::TimerQueue pendingTimers;
  std::vector<std::unique_ptr<PooledHandle>> idle;
};

CurlTransport::CurlTransport(CurlTransportOptions options) : impl_(std::make_unique<Impl>()) {
  globalInitOnce();
  impl_->settings->options = std::move(options);
  if (!impl_->settings->options.proxy) impl_->settings->environment = EnvironmentProxies::read();
}

CurlTransport::~CurlTransport() {
  // (No other thread may use the transport now, so `loops` is read without loopsMade.)
  bool onEventThread = false;
  for (const std::shared_ptr<Loop>& loop : impl_->loops) {
    loop->stopping.store(true, std::memory_order_release);
    loop->wake();
    onEventThread = onEventThread || loop->thread.get_id() == std::this_thread::get_id();
  }
  for (const std::shared_ptr<Loop>& loop : impl_->loops) {
    if (onEventThread) {
      // Destroyed from a completion, on an event thread: the loops end (completing what is
      // pending) without being waited for. This one once that completion returns; the others are
      // not joined either, since their completions might wait for something the caller holds.
      // Each loop owns its state; nothing of this object is used after this.
      loop->thread.detach();
    } else if (loop->thread.joinable()) {
      loop->thread.join();
    }
  }
}

const CurlTransportOptions& CurlTransport::options() const noexcept { return impl_->settings->options; }

std::shared_ptr<CurlTransport::Loop> CurlTransport::Impl::nextLoopToUse() {
  std::call_once(loopOnce, [this] {
    // No more loops than requests allowed on the wire, so that every loop's share is at least one
    // and the shares add up to maxInFlight exactly.
    const std::size_t count = std::min(std::clamp<std::size_t>(settings->options.eventThreads, 1, 64),
                                       std::max<std::size_t>(1, settings->options.maxInFlight));
    std::vector<std::shared_ptr<Loop>> created;
    for (std::size_t i = 0; i < count; ++i) {
      created.push_back(std::make_shared<Loop>(settings, i, count));
      if (created.back()->multi == nullptr) return;  // (the ones made so far go, unstarted)
    }
    for (const std::shared_ptr<Loop>& loop : created) {
      // The thread holds the loop too, so that a transport destroyed from a completion leaves the
      // loop whole until it has finished.
      loop->thread = std::thread([loop] { loop->run(); });
    }
    loops = std::move(created);
    loopsMade.store(true, std::memory_order_release);
  });
  if (loops.empty()) return nullptr;
  if (loops.size() == 1) return loops.front();
  return loops[nextLoop.fetch_add(1, std::memory_order_relaxed) % loops.size()];
}

std::shared_ptr<CurlTransport::Loop> CurlTransport::Impl::loopOf(AsyncTaskId id) const {
  if (!loopsMade.load(std::memory_order_acquire) || id == 0) return nullptr;
  return loops[(id - 1) % loops.size()];
}

Result<HttpResponse> CurlTransport::send(const HttpRequest& request) {
  std::unique_ptr<PooledHandle> ph = impl_->acquire();
  if (!ph) return Error(ErrorKind::Internal, "curl_easy_init failed");
  Exchange ex;
  if (std::optional<Error> bad = prepare(*ph, *impl_->settings, request, ex)) {
    impl_->release(std::move(ph));  // nothing was sent: the handle and its connections are fine
    return std::move(*bad);
  }
  const CURLcode rc = curl_easy_perform(ph->curl);
  Result<HttpResponse> result = conclude(*ph, *impl_->settings, request, ex, rc);
  if (result) impl_->release(std::move(ph));
  return result;
}

AsyncTaskId CurlTransport::sendAsync(HttpRequest request, Completion done) {
  std::shared_ptr<Loop> loop = impl_->nextLoopToUse();
  return Loop::handIn(
      loop, done, [&](AsyncTaskId id) { loop->inboxSends.push_back(Loop::Send{id, std::move(request), std::move(done)}); },
      // (Only when the request is not handed in, so it is still whole; not made per request.)
      [&request](Error error) -> Result<HttpResponse> {
        if (error.kind == ErrorKind::Cancelled) {
          return detail::cancelledSend(describe(request) + error.message + " before the request was sent", false);
        }
        error.message = describe(request) + error.message;
        return error;
      });
}

AsyncTaskId CurlTransport::after(std::chrono::milliseconds delay, TimerCompletion done) {
  std::shared_ptr<Loop> loop = impl_->nextLoopToUse();
  return Loop::handIn(
      loop, done,
      [&](AsyncTaskId id) { loop->inboxTimers.emplace_back(detail::dueAfter(delay), detail::PendingTimer{id, std::move(done)}); },
      [](Error error) { return Result<void>(std::move(error)); });
}

void CurlTransport::cancel(AsyncTaskId id) {
  std::shared_ptr<Loop> loop = impl_->loopOf(id);
  if (!loop) return;
  std::unique_lock<std::mutex> lock(loop->mutex);
  if (loop->closed) return;
  loop->inboxCancels.push_back(id);
  loop->handedIn(lock);
}

DELIVERY_NAMESPACE_END
