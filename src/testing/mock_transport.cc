#include "delivery/testing/mock_transport.h"

#include <stdexcept>

DELIVERY_NAMESPACE_BEGIN namespace testing {

MockTransport& MockTransport::enqueueResponse(HttpResponse response) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.emplace_back(std::move(response));
  return *this;
}

MockTransport& MockTransport::enqueueResponse(int status, Headers headers, std::string body) {
  HttpResponse r;
  r.status = status;
  r.headers = std::move(headers);
  r.body = std::move(body);
  return enqueueResponse(std::move(r));
}

MockTransport& MockTransport::enqueueError(Error error) {
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.emplace_back(std::move(error));
  return *this;
}

MockTransport& MockTransport::setHandler(Handler handler) {
  std::lock_guard<std::mutex> lock(mutex_);
  handler_ = std::move(handler);
  return *this;
}

Result<HttpResponse> MockTransport::send(const HttpRequest& request) {
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!queue_.empty()) {
      auto item = std::move(queue_.front());
      queue_.pop_front();
      if (auto* response = std::get_if<HttpResponse>(&item)) return std::move(*response);
      return std::get<Error>(std::move(item));
    }
    handler = handler_;
    if (!handler) {
      return Error(ErrorKind::Internal, "MockTransport: no response queued and no handler set for request #" +
                                            std::to_string(requests_.size()) + " (" + toString(request.method) +
                                            " " + request.path + ")");
    }
  }
  return handler(request);
}

std::vector<HttpRequest> MockTransport::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

HttpRequest MockTransport::lastRequest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (requests_.empty()) throw std::logic_error("MockTransport::lastRequest(): no request was sent");
  return requests_.back();
}

std::size_t MockTransport::requestCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_.size();
}

std::size_t MockTransport::pendingCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
