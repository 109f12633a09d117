#pragma once

#include "delivery/export.h"
// Settings shared by every service client. Every member has a working default.

#include <memory>
#include <string>

#include "delivery/core/async_transport.h"
#include "delivery/core/clock.h"
#include "delivery/core/curl_transport.h"
#include "delivery/core/logging.h"
#include "delivery/core/retry.h"
#include "delivery/core/transport.h"

DELIVERY_NAMESPACE_BEGIN

/// Settings every client shares: transport, retries, clock, logging. A plain value: copy it,
/// change it, hand it to a client's create(); the client keeps its own copy.
struct ClientConfig {
  /// Where requests are sent. Null: a CurlTransport built from `curl` below.
  std::shared_ptr<Transport> transport;
  /// Timeouts, TLS and proxy settings of the default transport (ignored when `transport` is set).
  CurlTransportOptions curl;
  RetryPolicy retry;  ///< when and how often a failed call is sent again
  /// Null: the system clock / std::this_thread::sleep_for. Asynchronous calls wait between
  /// attempts on a timer of their transport's event thread instead, unless `sleeper` is set: then
  /// they call it (on that thread), so that tests with a RecordingSleeper run in fake time.
  std::shared_ptr<Clock> clock;
  std::shared_ptr<Sleeper> sleeper;  ///< waits between attempts; null: threadSleeper()
  /// Null: no logging.
  std::shared_ptr<Logger> logger;
  /// How ...Async calls run a `transport` that is not an AsyncTransport (see SyncTransportAdapter).
  SyncTransportAdapterOptions asyncAdapter;
  /// Appended to the User-Agent header after a space.
  std::string userAgentSuffix;
};

DELIVERY_NAMESPACE_END
