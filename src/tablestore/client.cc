#include "delivery/tablestore/client.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>

#include "core/crypto.h"
#include "core/fields.h"
#include "core/operation.h"
#include "core/waiter.h"
#include "core/text.h"
#include "delivery/version.h"
#include "tablestore/codec.h"
#include "tablestore/errors.h"
#include "tablestore/signer.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

// Every operation: POST /<Action> with a protobuf body; only Describe and List are idempotent
// (the Java SDK's OperationNames).
#define DELIVERY_TABLESTORE_OPERATIONS(X)                                                                    \
  X(createDeliveryTask, CreateDeliveryTask, Post, kNotIdempotent, nullptr, encode, decodeEmpty)                 \
  X(updateDeliveryTask, UpdateDeliveryTask, Post, kNotIdempotent, nullptr, encode, decodeEmpty)                 \
  X(deleteDeliveryTask, DeleteDeliveryTask, Post, kNotIdempotent, nullptr, encode, decodeEmpty)                 \
  X(describeDeliveryTask, DescribeDeliveryTask, Post, kIdempotent, nullptr, encode, detail::decodeDescribeResponse) \
  X(listDeliveryTask, ListDeliveryTask, Post, kIdempotent, nullptr, encode, detail::decodeListResponse)

namespace detail {

// How every Tablestore call is addressed, signed and judged (see core/operation.h).
class Protocol {
 public:
  struct CallState {
    std::shared_ptr<const detail::SigningContext> generation;  // with a provider: what signed the last attempt
    char contentMd5[delivery::detail::kBase64Md5Length];
    // x-ots-sdk-traceid: the caller's (validated: at most kMaxTraceIdLength) or a random UUID.
    char traceId[kMaxTraceIdLength];
    std::size_t traceIdLength = 0;
    std::string_view action;  // the operation's name, which is also its path
    detail::V4Signed v4;  // the day and response key of the last attempt's V4 signature
  };

  std::string endpointText;
  Endpoint endpoint;
  std::string instanceName;
  detail::SigningContext signing;  // the fixed credentials, or the settings a provider's generations share
  std::shared_ptr<CredentialsProvider> provider;
  // The signing keys of the provider's current generation, prepared once per generation.
  struct Generations {
    std::mutex mutex;
    std::shared_ptr<const Timed<Credentials>> credentials;
    std::shared_ptr<const detail::SigningContext> context;
  };
  std::shared_ptr<Generations> generations = std::make_shared<Generations>();
  delivery::detail::Runtime runtime_;
  bool verifyAuthorization = true;
  bool verifyContentMd5 = true;

  const delivery::detail::Runtime& runtime() const { return runtime_; }
  static const char* requestIdHeader() { return "x-ots-requestid"; }

  // Every operation is POST /<Action> with a protobuf body.
  void start(std::string_view action, HttpRequest& http, CallState& state) const {
    http.endpoint = endpoint;
    http.path.assign(1, '/');
    http.path += action;
    state.action = action;
    delivery::detail::base64Md5Into(http.body, state.contentMd5);
    if (state.traceIdLength == 0) {
      static_assert(sizeof state.traceId >= delivery::detail::kUuidLength);
      delivery::detail::randomUuidInto(state.traceId);
      state.traceIdLength = delivery::detail::kUuidLength;
    }
  }

  // The trace id the caller chose (validated: at most kMaxTraceIdLength); empty is the same as
  // unset, as in the Go SDK (api.go sends the header only when non-empty).
  template <typename Request>
  void begin(const Request& request, CallState& state) const {
    const std::optional<std::string>& chosen = request.getTraceId();
    if (chosen && !chosen->empty() && chosen->size() <= sizeof state.traceId) {
      std::copy(chosen->begin(), chosen->end(), state.traceId);
      state.traceIdLength = chosen->size();
    }
  }

  Result<std::shared_ptr<const detail::SigningContext>> currentGeneration() const {
    Result<std::shared_ptr<const Timed<Credentials>>> current = provider->current();
    if (!current) return Error(current.error().kind, "no credentials to sign with: " + current.error().message);
    std::lock_guard<std::mutex> lock(generations->mutex);
    if (current->get() != generations->credentials.get()) {
      // Checked like credentials given to create(): values go into headers.
      if (auto problems = (*current)->credentials.validate("credentials"); !problems.empty()) {
        Error e(ErrorKind::InvalidArgument, "the credentials from " + (*current)->source + " are invalid");
        e.violations = std::move(problems);
        return e;
      }
      auto context = std::make_shared<detail::SigningContext>(signing);
      context->credentials = (*current)->credentials;
      context->prepare();
      generations->context = std::move(context);
      generations->credentials = *current;
    }
    return generations->context;
  }

  Result<void> sign(HttpRequest& http, CallState& state, std::chrono::system_clock::time_point now) const {
    if (provider) {
      Result<std::shared_ptr<const detail::SigningContext>> generation = currentGeneration();
      if (!generation) return generation.error();
      state.generation = std::move(generation).value();
    }
    detail::signRequest(http, state.action, state.generation ? *state.generation : signing, now, std::string_view(state.contentMd5, sizeof state.contentMd5),
                        std::string_view(state.traceId, state.traceIdLength), &state.v4);
    return {};
  }

  Result<void> judge(std::string_view action, bool idempotent, const HttpResponse& response, CallState& state) const {
    // V4: the response is signed with the derived key of the day the request was signed on.
    const bool v4 = signing.version == SignatureVersion::V4;
    const detail::SigningContext& used = state.generation ? *state.generation : signing;
    detail::ResponseChecks checks{v4 ? state.v4.responseKey : used.secretKey, verifyAuthorization, verifyContentMd5};
    return detail::checkResponse(action, idempotent, response, checks);
  }

  static std::string traceId(const CallState& state) { return std::string(state.traceId, state.traceIdLength); }
};

}  // namespace detail

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore

template <>
struct delivery::ClientHandle<delivery::tablestore::DeliveryClient>::Impl : delivery::tablestore::detail::Protocol {};

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

namespace {

using detail::Protocol;

using namespace delivery::detail::operations;
using Protocol_ = detail::Protocol;
using Client_ = DeliveryClient;

template <typename Request>
void encode(const Protocol&, const Request& request, std::string& body) {
  detail::encodeInto(request, body);
}
template <typename Response>
Result<Response> decodeEmpty(std::string_view body) {
  if (Result<void> r = detail::decodeEmptyResponse(body); !r) return r.error();
  return Response();
}

DELIVERY_TABLESTORE_OPERATIONS(DELIVERY_OPERATION_CONSTANT)

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
  return createWith(endpoint, instanceName, std::move(credentials), nullptr, std::move(config));
}

Result<DeliveryClient> DeliveryClient::create(const std::string& endpoint, const std::string& instanceName,
                                              std::shared_ptr<CredentialsProvider> credentials,
                                              DeliveryClientConfig config) {
  if (credentials == nullptr) {
    Error err(ErrorKind::InvalidArgument, "cannot create DeliveryClient");
    err.violations.push_back({"credentials", "is a null provider"});
    return err;
  }
  return createWith(endpoint, instanceName, Credentials(), std::move(credentials), std::move(config));
}

Result<DeliveryClient> DeliveryClient::createWith(const std::string& endpoint, const std::string& instanceName,
                                                  Credentials credentials, std::shared_ptr<CredentialsProvider> provider,
                                                  DeliveryClientConfig config) {
  Error err(ErrorKind::InvalidArgument, "cannot create DeliveryClient");
  Result<Endpoint> parsed = Endpoint::parse(endpoint);
  if (!parsed) err.violations.push_back({"endpoint", parsed.error().message});
  if (!validInstanceName(instanceName)) {
    err.violations.push_back({"instanceName", "must be 1 to " + std::to_string(kMaxInstanceNameLength) +
                                                  " letters, digits, '_' and '-'"});
  }
  if (provider == nullptr) {
    for (auto& v : credentials.validate("credentials")) err.violations.push_back(std::move(v));
  }
  std::string region = config.region;
  if (config.signatureVersion == SignatureVersion::V4 && region.empty() && parsed) region = regionFromHost(parsed->host);
  if (config.signatureVersion == SignatureVersion::V4 && region.empty()) {
    err.violations.push_back({"config.region", "is required for V4 signing with this endpoint"});
  }
  // ClientConfiguration.setTimeThresholdOfServerTracer (Java SDK): greater than 0, a Java int.
  if (config.timeThresholdOfServerTracer &&
      (*config.timeThresholdOfServerTracer < 1 || *config.timeThresholdOfServerTracer > INT32_MAX)) {
    err.violations.push_back({"config.timeThresholdOfServerTracer", "must be 1 to 2147483647 milliseconds"});
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
  impl->provider = std::move(provider);
  impl->signing.instanceName = instanceName;
  impl->signing.version = config.signatureVersion;
  impl->signing.region = region;
  impl->runtime_ = std::move(runtime).value();
  impl->signing.userAgent = impl->runtime_.userAgent;
  if (config.timeThresholdOfServerTracer) impl->signing.traceThreshold = std::to_string(*config.timeThresholdOfServerTracer);
  impl->signing.prepare();
  impl->verifyAuthorization = config.verifyResponseAuthorization;
  impl->verifyContentMd5 = config.verifyResponseContentMd5;
  return DeliveryClient(std::move(impl));
}

DELIVERY_TABLESTORE_OPERATIONS(DELIVERY_OPERATION_METHOD)
DELIVERY_TABLESTORE_OPERATIONS(DELIVERY_OPERATION_ASYNC_METHOD)

WaitResult<DescribeDeliveryTaskResponse> DeliveryClient::waitUntilTaskSyncPhase(
    const DescribeDeliveryTaskRequest& request, TaskSyncPhase phase, const WaitOptions& options) const {
  using Verdict = delivery::detail::Observation::Verdict;
  if (!isKnownEnum(phase) || phase == TaskSyncPhase::UNKNOWN) {
    // UNKNOWN names no phase a task can be waited for.
    WaitResult<DescribeDeliveryTaskResponse> result;
    Error error(ErrorKind::InvalidArgument, "cannot wait for a task sync phase");
    error.violations.push_back({"phase", "must be INIT, FULL or INCR"});
    result.error = std::move(error);
    return result;
  }
  const auto classify = [phase](const DescribeDeliveryTaskResponse& r) -> delivery::detail::Observation {
    const TaskSyncStat& stat = r.getTaskSyncStat();
    // A number this SDK does not know is named with its number, e.g. "UNKNOWN (7)".
    const auto name = [](auto value, std::int32_t number) {
      std::string text = toString(value);
      if (value == decltype(value)::UNKNOWN) text += " (" + std::to_string(number) + ")";
      return text;
    };
    if (stat.getErrorType() != DeliveryErrorType::OK) {
      // An error type this SDK does not know is still not OK: the task reports a problem.
      return {Verdict::Failed, name(stat.getErrorType(), stat.getErrorTypeNumber()), stat.getDetail()};
    }
    // The phases' numbers are their order (INIT 0, FULL 1, INCR 2); an unknown phase is pending.
    const TaskSyncPhase current = stat.getTaskSyncPhase();
    const bool there = current != TaskSyncPhase::UNKNOWN && static_cast<int>(current) >= static_cast<int>(phase);
    return {there ? Verdict::Reached : Verdict::Pending, name(current, stat.getTaskSyncPhaseNumber()), {}};
  };
  return delivery::detail::waitFor<DescribeDeliveryTaskResponse>(
      impl_->runtime(), options, "delivery task " + request.getTableName() + "/" + request.getTaskName(),
      [&] { return describeDeliveryTask(request); }, classify);
}

const std::string& DeliveryClient::getEndpoint() const noexcept { return impl_->endpointText; }
const std::string& DeliveryClient::getInstanceName() const noexcept { return impl_->instanceName; }

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
