#pragma once

#include "delivery/export.h"
// A Transport for unit tests: no network, scripted responses, every request recorded.
//
//   auto mock = std::make_shared<delivery::testing::MockTransport>();
//   mock->enqueueResponse(delivery::testing::tablestore::emptyOk("CreateDeliveryTask", creds));
//   config.transport = mock;
//   ... call the client ...
//   REQUIRE(mock->lastRequest().path == "/CreateDeliveryTask");

#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <variant>
#include <vector>

#include "delivery/core/transport.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {

/// A Transport that records every request and answers from a queue of canned responses (or a
/// handler); it opens no socket. Thread-safe.
class DELIVERY_API MockTransport final : public Transport {
 public:
  /// Answers a request when the queue is empty (see setHandler()).
  using Handler = std::function<Result<HttpResponse>(const HttpRequest&)>;

  /// Queues a response; queued items are consumed first-in, first-out, one per send().
  MockTransport& enqueueResponse(HttpResponse response);
  /// Queues a response built from a status, headers and body.
  MockTransport& enqueueResponse(int status, Headers headers = {}, std::string body = {});
  /// Queues a transport failure (use ErrorKind::Connect, Timeout, Network or Tls).
  MockTransport& enqueueError(Error error);
  /// Answers every request once the queue is empty. Without one, a send() with nothing queued
  /// returns an ErrorKind::Internal error that names the unexpected request.
  MockTransport& setHandler(Handler handler);

  Result<HttpResponse> send(const HttpRequest& request) override;

  /// Copies of every request received, in order.
  std::vector<HttpRequest> requests() const;
  /// The last request received. Throws std::logic_error when there was none.
  HttpRequest lastRequest() const;
  /// How many requests were received.
  std::size_t requestCount() const;
  /// Queued items not yet consumed.
  std::size_t pendingCount() const;

 private:
  mutable std::mutex mutex_;
  std::deque<std::variant<HttpResponse, Error>> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
