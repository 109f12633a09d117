#pragma once
// An operation is data (internal). Each family describes its protocol once (how a request is
// addressed, signed and judged), and each operation once, as an Operation value in the family's
// operations table: its name, method, idempotency, URL, body encoder and body decoder. One generic
// invoke() runs every call of every family:
//
//   validate -> build the request (protocol, then operation) -> retry loop (sign, send, judge the
//   response, decode the body) -> stamp the request id, HTTP status and trace id.
//
// Nothing in the loop calls back into a family except through these two descriptions, and a
// client method is one line: `return invoke(protocol, kCreateTransferTask, request);`.
//
// A Protocol provides:
//   struct CallState;                                        per-call values (may be empty)
//   const Runtime& runtime() const;
//   const char* requestIdHeader() const;                     e.g. "X-Request-Id"
//   template <typename Request> void begin(const Request&, CallState&) const;   optional
//       per-call settings carried by the request itself (e.g. a caller-chosen trace id); called
//       before start()
//   void start(std::string_view name, HttpRequest&, CallState&) const;
//       method and body are set; sets the endpoint, the path prefix and the headers (replacing
//       those of the thread's previous call, whatever its family)
//   Result<void> sign(HttpRequest&, CallState&, time_point now) const;        per attempt
//   Result<void> judge(std::string_view name, bool idempotent, const HttpResponse&, CallState&) const;
//       success for a response whose body may be decoded; otherwise the service's Error
//   std::string traceId(const CallState&) const;             "" where the service has none
//
// Decode failures are classified here, once for every family: InvalidResponse with the HTTP
// status and request id, retryable only for idempotent operations (the call may have executed).

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/async_call.h"
#include "core/fields.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "delivery/core/http.h"
#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace detail {

namespace operations {  // what a family's operations table is written with

inline constexpr bool kIdempotent = true;
inline constexpr bool kNotIdempotent = false;

/// A path parameter's value: percent-encoded as one segment when appended by appendPath.
struct Param {
  std::string_view value;
};

inline void appendPart(std::string& path, std::string_view literal) { path += literal; }
inline void appendPart(std::string& path, Param param) { appendPercentEncoded(path, param.value); }

/// Appends literal pieces as they are and Param values percent-encoded, e.g.
/// appendPath(http.path, "/streams/", Param{r.getStreamName()}, "/transfer-tasks").
template <typename... Parts>
void appendPath(std::string& path, const Parts&... parts) {
  (appendPart(path, parts), ...);
}

/// Adds the query parameter `name` when `value` is set: text as it is, integers in decimal,
/// booleans as true / false (the transport percent-encodes the query).
template <typename T>
void addQuery(HttpRequest& http, const char* name, const std::optional<T>& value) {
  if (!value) return;
  if constexpr (std::is_same_v<T, bool>) {
    http.query.emplace_back(name, *value ? "true" : "false");
  } else if constexpr (std::is_integral_v<T>) {
    http.query.emplace_back(name, std::to_string(*value));
  } else {
    http.query.emplace_back(name, *value);
  }
}

}  // namespace operations


template <typename Protocol, typename Request, typename Response>
struct Operation {
  std::string_view name;  ///< the vendor's operation name, e.g. "CreateTransferTask" (also in logs)
  HttpMethod method;
  bool idempotent;  ///< may be sent again after it may have reached the service
  /// Appends the operation's path segments (percent-encoded) and query parameters to what the
  /// protocol's start() set; nullptr when the protocol's path is the whole path.
  void (*target)(const Request&, HttpRequest&);
  /// Writes the body; nullptr for none.
  void (*encode)(const Protocol&, const Request&, std::string& body);
  /// Reads a successful response's body; nullptr when the body is ignored.
  Result<Response> (*decode)(std::string_view body);
};

/// The request a call builds, kept per thread between calls: its path, body and header strings
/// keep their capacity, so a steady stream of calls does not allocate them again. A call made
/// while the thread's request is in use (from inside a transport or logger) gets its own.
class RequestLease {
 public:
  RequestLease() {
    Slot& s = slot();
    if (!s.busy) {
      s.busy = true;
      request_ = &s.request;
    } else {
      own_ = std::make_unique<HttpRequest>();
      request_ = own_.get();
    }
  }
  ~RequestLease() {
    if (!own_) slot().busy = false;
  }
  RequestLease(const RequestLease&) = delete;
  RequestLease& operator=(const RequestLease&) = delete;
  HttpRequest& operator*() const { return *request_; }

 private:
  struct Slot {
    HttpRequest request;
    bool busy = false;
  };
  static Slot& slot() {
    thread_local Slot s;
    return s;
  }
  HttpRequest* request_ = nullptr;
  std::unique_ptr<HttpRequest> own_;
};

template <typename T>
struct TypeIdentity {
  using type = T;
};

/// Whether a protocol reads per-call settings from the request (Protocol::begin, see the top).
template <typename Protocol, typename Request, typename = void>
struct HasBegin : std::false_type {};
template <typename Protocol, typename Request>
struct HasBegin<Protocol, Request,
                std::void_t<decltype(std::declval<const Protocol&>().begin(
                    std::declval<const Request&>(), std::declval<typename Protocol::CallState&>()))>> : std::true_type {};

/// The request of one call up to signing: method, body, the protocol's endpoint, path and
/// headers, then the operation's path and query. Shared by the blocking and asynchronous forms.
template <typename Protocol, typename Request, typename Response>
void buildRequest(const Protocol& protocol, const Operation<Protocol, Request, Response>& op, const Request& request,
                  HttpRequest& http, typename Protocol::CallState& state) {
  http.method = op.method;
  http.query.clear();
  http.body.clear();  // the headers are the protocol's to replace: it reuses their storage
  if (op.encode != nullptr) op.encode(protocol, request, http.body);
  if constexpr (HasBegin<Protocol, Request>::value) protocol.begin(request, state);
  protocol.start(op.name, http, state);
  if (op.target != nullptr) op.target(request, http);
}

/// Judges a response and decodes a success body into `out` (the pipeline's check).
template <typename Protocol, typename Request, typename Response>
Result<void> checkResponse(const Protocol& protocol, const Operation<Protocol, Request, Response>& op,
                           const HttpResponse& response, typename Protocol::CallState& state, Response& out) {
  if (Result<void> ok = protocol.judge(op.name, op.idempotent, response, state); !ok) return ok;
  if (op.decode == nullptr) return {};
  Result<Response> decoded = op.decode(response.body);
  if (!decoded) {
    Error err = decoded.error();
    err.kind = ErrorKind::InvalidResponse;
    err.httpStatus = response.status;
    err.requestId = response.headers.get(protocol.requestIdHeader());
    err.retryable = op.idempotent;
    return err;
  }
  out = std::move(decoded).value();
  return {};
}

/// Stamps the request id, HTTP status and trace id of the final response into `out`.
template <typename Protocol, typename Response>
void stampResponse(const Protocol& protocol, const HttpResponse& response, const typename Protocol::CallState& state,
                   Response& out) {
  const std::string* requestId = response.headers.find(protocol.requestIdHeader());
  ResponseAccess::stamp(out, requestId ? safeText(*requestId, Error::kMaxRequestIdBytes) : std::string(),
                        response.status, protocol.traceId(state));
}

/// Runs `op` (see the top of this file). `protocol` may be any object derived from Protocol.
template <typename Protocol, typename Request, typename Response>
Result<Response> invoke(const typename TypeIdentity<Protocol>::type& protocol,
                        const Operation<Protocol, Request, Response>& op, const Request& request) {
  if (Result<void> valid = request.validate(); !valid) return valid.error();

  RequestLease lease;
  HttpRequest& http = *lease;
  typename Protocol::CallState state{};
  buildRequest(protocol, op, request, http, state);

  Response out{};
  auto sign = [&](HttpRequest& r, std::chrono::system_clock::time_point now) { return protocol.sign(r, state, now); };
  auto check = [&](const HttpResponse& response) { return checkResponse(protocol, op, response, state, out); };
  Result<HttpResponse> response = execute(protocol.runtime(), http, CallSpec{op.name, op.idempotent, sign, check});
  if (!response) return response.error();
  stampResponse(protocol, *response, state, out);
  return out;
}

/// One asynchronous run of `op`: the typed side of AsyncCallBase (core/async_call.h).
template <typename Protocol, typename Request, typename Response>
class AsyncInvocation final : public AsyncCallBase {
 public:
  AsyncInvocation(std::weak_ptr<const void> owner, const Protocol& protocol,
                  const Operation<Protocol, Request, Response>& op, AsyncCallback<Response> callback)
      : AsyncCallBase(std::move(owner), protocol.runtime(), op.name, op.idempotent),
        protocol_(protocol),
        op_(op),
        callback_(std::move(callback)) {}

  typename Protocol::CallState state{};

 private:
  Result<void> sign(HttpRequest& r, std::chrono::system_clock::time_point now) override {
    return protocol_.sign(r, state, now);
  }
  Result<void> check(const HttpResponse& response) override {
    return checkResponse(protocol_, op_, response, state, out_);
  }
  void finish(const void* owner, Result<HttpResponse> result) override {
    if (!result) {
      completeSafely(callback_, Result<Response>(result.error()));
    } else {
      if (owner != nullptr) stampResponse(protocol_, *result, state, out_);  // (owner is never null here)
      completeSafely(callback_, Result<Response>(std::move(out_)));
    }
    callback_ = nullptr;  // what it holds (a promise, user state) goes now, not with the call
  }

  const Protocol& protocol_;  // inside the owner: used only while the owner is alive
  const Operation<Protocol, Request, Response>& op_;
  AsyncCallback<Response> callback_;
  Response out_{};
};

/// Starts `op` without blocking; `callback` gets the same Result the blocking invoke() returns.
/// `owner` is the client's state (derived from Protocol).
template <typename Owner, typename Protocol, typename Request, typename Response>
CallHandle invokeAsync(const std::shared_ptr<const Owner>& owner, const Operation<Protocol, Request, Response>& op,
                       const Request& request, AsyncCallback<Response> callback) {
  const Protocol& protocol = *owner;
  if (Result<void> valid = request.validate(); !valid) {
    AsyncCallBase::failSoon<Response>(protocol.runtime(), valid.error(), std::move(callback));
    return CallHandle();
  }
  auto call = std::make_shared<AsyncInvocation<Protocol, Request, Response>>(owner, protocol, op, std::move(callback));
  buildRequest(protocol, op, request, call->request, call->state);
  call->start();
  return CallHandle(call);
}

/// invokeAsync() with a std::future for the result.
template <typename Owner, typename Protocol, typename Request, typename Response>
AsyncCall<Response> invokeAsyncFuture(const std::shared_ptr<const Owner>& owner,
                                      const Operation<Protocol, Request, Response>& op, const Request& request) {
  auto promise = std::make_shared<std::promise<Result<Response>>>();
  std::future<Result<Response>> future = promise->get_future();
  CallHandle handle = invokeAsync(owner, op, request, AsyncCallback<Response>([promise](Result<Response> r) {
                                    promise->set_value(std::move(r));
                                  }));
  return AsyncCall<Response>(std::move(future), std::move(handle));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::detail

/// A client's operations, one entry each: LIST(X) gives
///
///   X(method, Name, HTTP method, idempotency, url, body, decode)
///
/// e.g. X(showTransferTask, ShowTransferTask, Get, kIdempotent, task, nullptr, detail::decodeShow).
/// `url` appends the path and query (or nullptr), `body` writes the body (or nullptr), `decode`
/// reads a success body (or nullptr). The request and response types are NameRequest and
/// NameResponse. In the client's .cc, with `Protocol_` and `Client_` naming the family's protocol
/// and the client class:
///
///   LIST(DELIVERY_OPERATION_CONSTANT)  // in an unnamed namespace: the constant kName of each
///   LIST(DELIVERY_OPERATION_METHOD)    // the method Client_::method of each, which invokes it
///   LIST(DELIVERY_OPERATION_ASYNC_METHOD)  // its two asynchronous forms, Client_::methodAsync
#define DELIVERY_OPERATION_CONSTANT(method, Name, verb, idempotency, url, body, decode)        \
  constexpr ::delivery::detail::Operation<Protocol_, Name##Request, Name##Response> k##Name{   \
      #Name, ::delivery::HttpMethod::verb, idempotency, url, body, decode};
#define DELIVERY_OPERATION_ASYNC_METHOD(method, Name, verb, idempotency, url, body, decode)                    \
  ::delivery::AsyncCall<Name##Response> Client_::method##Async(const Name##Request& request) const {          \
    return ::delivery::detail::invokeAsyncFuture(impl_, k##Name, request);                                  \
  }                                                                                                          \
  ::delivery::CallHandle Client_::method##Async(const Name##Request& request,                                \
                                                ::delivery::AsyncCallback<Name##Response> callback) const {  \
    return ::delivery::detail::invokeAsync(impl_, k##Name, request, std::move(callback));                    \
  }
#define DELIVERY_OPERATION_METHOD(method, Name, verb, idempotency, url, body, decode) \
  Result<Name##Response> Client_::method(const Name##Request& request) const {        \
    return ::delivery::detail::invoke(*impl_, k##Name, request);                      \
  }
