#pragma once

#include "delivery/export.h"
// The default Transport, on libcurl. No curl header is exposed here.

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "delivery/core/async_transport.h"
#include "delivery/core/transport.h"

DELIVERY_NAMESPACE_BEGIN

/// Settings of the libcurl transport: timeouts, TLS verification, proxy, connection reuse.
struct CurlTransportOptions {
  /// Time allowed to resolve and connect (TCP and TLS): CURLOPT_CONNECTTIMEOUT_MS.
  std::chrono::milliseconds connectTimeout{std::chrono::seconds(10)};
  /// Total time for one attempt, connect to last response byte: CURLOPT_TIMEOUT_MS. 0 = none.
  std::chrono::milliseconds requestTimeout{std::chrono::seconds(30)};
  /// Abort with ErrorKind::Timeout when, once the request has started to go out, no byte has been
  /// sent or received for this long, for every method: a server that accepts the request and then
  /// says nothing, or stops in the middle of its response. Checked at least once a second, so it
  /// fires within a second of the limit. 0 = off.
  std::chrono::milliseconds stallTimeout{std::chrono::seconds(15)};
  /// TLS peer and host-name verification. Leave on outside of tests.
  bool verifyPeer = true;
  bool verifyHost = true;  ///< check that the certificate names the host
  std::string caFile;  ///< CURLOPT_CAINFO, when set
  std::string caPath;  ///< CURLOPT_CAPATH, when set
  /// Unset: the proxy environment variables apply, with libcurl's rules: http_proxy (lower case
  /// only) for http://, https_proxy or HTTPS_PROXY for https://, else all_proxy or ALL_PROXY;
  /// no_proxy or NO_PROXY lists the hosts reached directly. They are read once, when the
  /// transport is created (not on every request, as libcurl would: that costs a scan of the
  /// environment per call, and changing the environment while other threads read it is unsafe).
  /// Set to a URL: that proxy. Set to "": no proxy at all, whatever the environment says.
  std::optional<std::string> proxy;
  std::string noProxy;  ///< CURLOPT_NOPROXY, when set (with an explicit proxy)
  /// A request that is not idempotent (a create, update, delete) is not sent on a kept-alive
  /// connection that has been idle for longer than this (whole seconds, at least 1); it gets a new
  /// one. Servers close idle connections after a few seconds (the emulator after 5); a request sent
  /// just as that happens dies unanswered, and for such a request the SDK cannot tell whether it
  /// executed. Reads reuse connections up to libcurl's usual 118 s, and are resent if they die.
  std::chrono::seconds maxIdleBeforeNonIdempotent{4};
  /// Idle easy handles (each keeping its connections alive) kept for reuse.
  std::size_t maxIdleHandles = 16;
  /// Asynchronous requests (sendAsync) on the wire at the same time, each on its own connection;
  /// more wait in a queue, first in, first out. At least 1 (0 is taken as 1). Blocking send()
  /// calls are not counted: each runs on its caller's thread.
  std::size_t maxInFlight = 64;
  /// Event threads of the asynchronous side, each driving its own libcurl multi handle with its
  /// own kept-alive connections. Requests and timers go to them in turn, and `maxInFlight` is
  /// split evenly between them (each queues what is beyond its share); no more threads start than
  /// `maxInFlight`, so each has a share of at least 1. With 1 (the default) one thread does the
  /// client's share of the work of every request in flight; on a machine with cores to spare, 2
  /// or more let that work run in parallel (see bench/README.md, delivery_bench_async). At least 1
  /// (0 is taken as 1), at most 64.
  std::size_t eventThreads = 1;
  /// A response body larger than this fails with ErrorKind::InvalidResponse.
  std::size_t maxResponseBytes = 16u * 1024u * 1024u;
};

/// libcurl transport: keeps connections alive across calls through a pool of easy handles,
/// thread-safe, TLS verification on by default, plain http:// allowed (for a local emulator).
///
/// Blocking: send() runs on the caller's thread. Asynchronous: sendAsync() and after() run on one
/// event thread per transport (or CurlTransportOptions::eventThreads, started by the first of
/// them), each driving one libcurl multi handle: no thread per request, connections kept alive and
/// reused among the asynchronous requests as among blocking ones, at most `maxInFlight` requests on the wire, the same rule
/// against resending a request that is not idempotent, the same timeouts and errors. Destroying
/// the transport completes every pending asynchronous request and timer with ErrorKind::Cancelled
/// at once (requests on the wire are abandoned and their connections closed).
class DELIVERY_API CurlTransport final : public Transport, public AsyncTransport {
 public:
  explicit CurlTransport(CurlTransportOptions options = {});  ///< A transport with these options.
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> send(const HttpRequest& request) override;  ///< See Transport::send. Thread-safe.
  AsyncTaskId sendAsync(HttpRequest request, Completion done) override;
  AsyncTaskId after(std::chrono::milliseconds delay, TimerCompletion done) override;
  void cancel(AsyncTaskId id) override;

  const CurlTransportOptions& options() const noexcept;  ///< The options it was made with.

 private:
  struct Impl;
  struct Loop;
  std::unique_ptr<Impl> impl_;
};

DELIVERY_NAMESPACE_END
