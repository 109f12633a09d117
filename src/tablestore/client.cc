#include "delivery/tablestore/client.h"

#include <optional>
#include <string_view>

#include "core/crypto.h"
#include "core/fields.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "delivery/version.h"
#include "tablestore/codec.h"
#include "tablestore/errors.h"
#include "tablestore/signer.h"

namespace delivery::tablestore {

struct DeliveryClient::Impl {
  std::string endpointText;
  Endpoint endpoint;
  std::string instanceName;
  detail::SigningContext signing;
  delivery::detail::Runtime runtime;
  bool verifyAuthorization = true;
  bool verifyContentMd5 = true;
};

namespace {

// One entry per operation: the action (URL path), whether it is idempotent (Java's
// OperationNames: only Describe and List are), and how its bodies are written and read.
struct CreateOp {
  using Request = CreateDeliveryTaskRequest;
  using Response = CreateDeliveryTaskResponse;
  static constexpr std::string_view action = "CreateDeliveryTask";
  static constexpr bool idempotent = false;
};
struct UpdateOp {
  using Request = UpdateDeliveryTaskRequest;
  using Response = UpdateDeliveryTaskResponse;
  static constexpr std::string_view action = "UpdateDeliveryTask";
  static constexpr bool idempotent = false;
};
struct DeleteOp {
  using Request = DeleteDeliveryTaskRequest;
  using Response = DeleteDeliveryTaskResponse;
  static constexpr std::string_view action = "DeleteDeliveryTask";
  static constexpr bool idempotent = false;
};
struct DescribeOp {
  using Request = DescribeDeliveryTaskRequest;
  using Response = DescribeDeliveryTaskResponse;
  static constexpr std::string_view action = "DescribeDeliveryTask";
  static constexpr bool idempotent = true;
};
struct ListOp {
  using Request = ListDeliveryTaskRequest;
  using Response = ListDeliveryTaskResponse;
  static constexpr std::string_view action = "ListDeliveryTask";
  static constexpr bool idempotent = true;
};

template <typename Response>
Result<Response> decodeBody(std::string_view body) {
  if constexpr (std::is_same_v<Response, DescribeDeliveryTaskResponse>) {
    return detail::decodeDescribeResponse(body);
  } else if constexpr (std::is_same_v<Response, ListDeliveryTaskResponse>) {
    return detail::decodeListResponse(body);
  } else {
    if (Result<void> r = detail::decodeEmptyResponse(body); !r) return r.error();
    return Response();
  }
}

// Per-call state the pipeline's hooks read; the hooks capture only a pointer to it, so building
// them allocates nothing.
template <typename Op>
struct CallState {
  const DeliveryClient::Impl& impl;
  char contentMd5[delivery::detail::kBase64Md5Length];
  char traceId[delivery::detail::kUuidLength];
  char v4Day[8];  // the UTC day the last attempt was signed on (V4 only)
  std::optional<typename Op::Response> parsed;

  std::string_view contentMd5View() const { return std::string_view(contentMd5, sizeof contentMd5); }
  std::string_view traceIdView() const { return std::string_view(traceId, sizeof traceId); }

  Result<void> check(const HttpResponse& response) {
    // V4: the response is signed with the derived key of the day the request was signed on.
    delivery::detail::HmacKey v4Key;
    if (impl.signing.version == SignatureVersion::V4 && impl.verifyAuthorization) {
      v4Key = detail::v4ResponseKey(impl.signing, std::string_view(v4Day, sizeof v4Day));
    }
    detail::ResponseChecks checks{v4Key.empty() ? impl.signing.secretKey : v4Key, impl.verifyAuthorization,
                                  impl.verifyContentMd5};
    if (Result<void> ok = detail::checkResponse(Op::action, Op::idempotent, response, checks); !ok) return ok;
    Result<typename Op::Response> decoded = decodeBody<typename Op::Response>(response.body);
    if (!decoded) {
      Error err = decoded.error();
      err.httpStatus = response.status;
      err.requestId = response.headers.get("x-ots-requestid");
      err.retryable = Op::idempotent;
      return err;
    }
    parsed = std::move(decoded).value();
    return {};
  }
};

// The request a call builds, kept per thread between calls: its path, body and header strings
// keep their capacity, so a steady stream of calls does not allocate them again. A call made
// while the thread's request is in use (from inside a transport or logger) gets its own.
class RequestLease {
 public:
  RequestLease() {
    if (!slot().busy) {
      slot().busy = true;
      request_ = &slot().request;
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

template <typename Op>
Result<typename Op::Response> call(const DeliveryClient::Impl& impl, const typename Op::Request& request) {
  if (Result<void> valid = request.validate(); !valid) return valid.error();

  RequestLease lease;
  HttpRequest& http = *lease;
  http.method = HttpMethod::Post;
  http.endpoint = impl.endpoint;
  http.path.assign(1, '/');
  http.path += Op::action;
  http.query.clear();
  detail::encodeInto(request, http.body);
  CallState<Op> state{impl, {}, {}, {}, std::nullopt};
  delivery::detail::base64Md5Into(http.body, state.contentMd5);
  delivery::detail::randomUuidInto(state.traceId);

  delivery::detail::CallSpec spec;
  spec.operation = Op::action;
  spec.idempotent = Op::idempotent;
  CallState<Op>* s = &state;
  spec.sign = [s](HttpRequest& r, std::chrono::system_clock::time_point now) -> Result<void> {
    detail::signRequest(r, Op::action, s->impl.signing, now, s->contentMd5View(), s->traceIdView());
    if (s->impl.signing.version == SignatureVersion::V4) detail::v4DayInto(now, s->v4Day);
    return {};
  };
  spec.check = [s](const HttpResponse& response) { return s->check(response); };

  Result<HttpResponse> response = delivery::detail::execute(impl.runtime, http, spec);
  if (!response) return response.error();
  delivery::detail::ResponseAccess::stamp(
      *state.parsed, delivery::detail::safeText(response->headers.get("x-ots-requestid"), Error::kMaxRequestIdBytes),
      response->status, std::string(state.traceIdView()));
  return std::move(*state.parsed);
}

constexpr std::pair<std::string_view, EndpointType> kEndpointSuffixes[] = {
    {".ots.aliyuncs.com", EndpointType::Public},
    {".vpc.tablestore.aliyuncs.com", EndpointType::Vpc},
    {".ots-internal.aliyuncs.com", EndpointType::Classic},
    {".tablestore.aliyuncs.com", EndpointType::DualStack},
};

// "<instance>.<region><suffix>" -> region, or "".
std::string regionFromHost(const std::string& host) {
  const std::string lower = delivery::detail::toLowerAscii(host);
  for (const auto& [suffix, type] : kEndpointSuffixes) {
    (void)type;
    if (lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0) {
      const std::string head = lower.substr(0, lower.size() - suffix.size());
      const auto dot = head.find('.');
      if (dot != std::string::npos && head.find('.', dot + 1) == std::string::npos) return head.substr(dot + 1);
    }
  }
  return {};
}

// The instance name is the first label of the endpoint host, so a DNS label's 63 characters
// (RFC 1035) bound it. The docs allow 3 to 16 characters for names users choose; instances in VCU
// mode get generated names, and the Java SDK checks only the characters.
constexpr std::size_t kMaxInstanceNameLength = 63;

bool validInstanceName(const std::string& name) {
  if (name.empty() || name.size() > kMaxInstanceNameLength) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string endpointFor(const std::string& instanceName, const std::string& regionId, EndpointType type) {
  for (const auto& [suffix, t] : kEndpointSuffixes) {
    if (t == type) return "https://" + instanceName + "." + regionId + std::string(suffix);
  }
  return {};
}

Result<DeliveryClient> DeliveryClient::create(const std::string& endpoint, const std::string& instanceName,
                                              Credentials credentials, DeliveryClientConfig config) {
  Error err(ErrorKind::InvalidArgument, "cannot create DeliveryClient");
  Result<Endpoint> parsed = Endpoint::parse(endpoint);
  if (!parsed) err.violations.push_back({"endpoint", parsed.error().message});
  if (!validInstanceName(instanceName)) {
    err.violations.push_back({"instanceName", "must be 1 to " + std::to_string(kMaxInstanceNameLength) +
                                                  " letters, digits, '_' and '-'"});
  }
  for (auto& v : credentials.validate("credentials")) err.violations.push_back(std::move(v));
  std::string region = config.region;
  if (config.signatureVersion == SignatureVersion::V4 && region.empty() && parsed) region = regionFromHost(parsed->host);
  if (config.signatureVersion == SignatureVersion::V4 && region.empty()) {
    err.violations.push_back({"config.region", "is required for V4 signing with this endpoint"});
  }
  Result<delivery::detail::Runtime> runtime =
      delivery::detail::Runtime::fromConfig(config, std::string("delivery-cpp-sdk/") + kVersion);
  if (!runtime) {
    for (const auto& v : runtime.error().violations) err.violations.push_back({"config." + v.field, v.message});
  }
  if (!err.violations.empty()) return err;

  auto impl = std::make_shared<Impl>();
  impl->endpointText = endpoint;
  impl->endpoint = std::move(parsed).value();
  impl->instanceName = instanceName;
  impl->signing.credentials = std::move(credentials);
  impl->signing.instanceName = instanceName;
  impl->signing.version = config.signatureVersion;
  impl->signing.region = region;
  impl->runtime = std::move(runtime).value();
  impl->signing.userAgent = impl->runtime.userAgent;
  impl->signing.prepare();
  impl->verifyAuthorization = config.verifyResponseAuthorization;
  impl->verifyContentMd5 = config.verifyResponseContentMd5;
  return DeliveryClient(std::move(impl));
}

Result<CreateDeliveryTaskResponse> DeliveryClient::createDeliveryTask(const CreateDeliveryTaskRequest& r) const {
  return call<CreateOp>(*impl_, r);
}
Result<DescribeDeliveryTaskResponse> DeliveryClient::describeDeliveryTask(const DescribeDeliveryTaskRequest& r) const {
  return call<DescribeOp>(*impl_, r);
}
Result<ListDeliveryTaskResponse> DeliveryClient::listDeliveryTask(const ListDeliveryTaskRequest& r) const {
  return call<ListOp>(*impl_, r);
}
Result<DeleteDeliveryTaskResponse> DeliveryClient::deleteDeliveryTask(const DeleteDeliveryTaskRequest& r) const {
  return call<DeleteOp>(*impl_, r);
}
Result<UpdateDeliveryTaskResponse> DeliveryClient::updateDeliveryTask(const UpdateDeliveryTaskRequest& r) const {
  return call<UpdateOp>(*impl_, r);
}

const std::string& DeliveryClient::getEndpoint() const noexcept { return impl_->endpointText; }
const std::string& DeliveryClient::getInstanceName() const noexcept { return impl_->instanceName; }

}  // namespace delivery::tablestore
