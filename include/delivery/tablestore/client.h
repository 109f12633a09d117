#pragma once

#include "delivery/export.h"
// DeliveryClient: creates and manages Tablestore -> OSS delivery tasks.
//
// Thread safety: a DeliveryClient is immutable after creation; every operation is const and may be
// called from many threads at once. Copies are cheap and share one transport (and its connections).
//
// Retries (following the Java SDK's DefaultRetryStrategy):
// - Any operation is retried on OTSServerBusy, OTSPartitionUnavailable, OTSTableNotReady,
//   OTSRowOperationConflict, OTSNotEnoughCapacityUnit, OTSStorageServerBusy and OTSQuotaExhausted with
//   the message "Too frequent table operations." (the service did not execute the request), and on
//   ErrorKind::Connect (the request never left).
// - Describe and List, which are idempotent, are also retried on OTSTimeout, OTSInternalServerError,
//   OTSServerUnavailable, OTSTunnelServerUnavailable, any HTTP 5xx, timeouts, network failures and
//   responses that fail the integrity checks.
// - Create, Delete and Update are never retried once the request may have reached the service.
// Attempts and elapsed time are bounded by ClientConfig::retry.
//
// Per-request options (the headers the vendor SDKs let their users set):
// - x-ots-sdk-traceid: every request's setTraceId() (Go: ExtraRequestInfo.SetTraceID; Java makes a
//   random UUID per call, as this SDK does when none is chosen).
// - x-ots-trace-threshold: DeliveryClientConfig::timeThresholdOfServerTracer, a client setting as
//   in Java (ClientConfiguration.setTimeThresholdOfServerTracer; OperationLauncher.addRequiredHeaders
//   in aliyun/aliyun-tablestore-java-sdk 5.17).
// Left out: x-ots-request-priority and x-ots-request-tag. Java sends them only for requests that
//   extend ExtensionRequest (search, parallel scan, transactions), not for the delivery requests
//   (model/delivery/*Request.java implement Request directly); Go lets every request carry them
//   (ExtraRequestInfo.SetRequestExtension, tablestore/api.go doRequest), but nothing documents what
//   the service does with them on a delivery task call. Request/response compression
//   (x-ots-request-compress-*, Java only, off by default) is left out as well: delivery bodies are
//   a few hundred bytes.

#include <cstdint>
#include <optional>
#include <string>

#include "delivery/core/async.h"
#include "delivery/core/client_handle.h"
#include "delivery/core/client_config.h"
#include "delivery/core/credentials.h"
#include "delivery/core/result.h"
#include "delivery/core/waiter.h"
#include "delivery/tablestore/credentials.h"
#include "delivery/tablestore/model.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

/// How requests are signed.
enum class SignatureVersion {
  V2,  ///< HMAC-SHA1 over the x-ots-* headers (x-ots-signature); what every Tablestore SDK sends
  V4,  ///< HMAC-SHA256 with a region-scoped derived key (x-ots-signaturev4); needs a region
};

/// Settings of a DeliveryClient: ClientConfig plus signing and response checks.
struct DeliveryClientConfig : ClientConfig {
  /// V2 (HMAC-SHA1) unless set; V4 needs a region.
  SignatureVersion signatureVersion = SignatureVersion::V2;
  /// Region id for V4 signing, e.g. "cn-hangzhou". Empty: taken from an endpoint of the form
  /// `https://<instance>.<region>.ots.aliyuncs.com` (and the other documented forms).
  std::string region;
  /// Check the `authorization` header of every successful response, as the Java SDK does by
  /// default (HMAC-SHA1 of the response's x-ots-* headers and the action with your secret).
  bool verifyResponseAuthorization = true;
  /// Check the body against x-ots-contentmd5 whenever a response carries that header.
  bool verifyResponseContentMd5 = true;
  /// Milliseconds: sent as x-ots-trace-threshold on every request when set. The Java SDK's
  /// ClientConfiguration.timeThresholdOfServerTracer (default 500, sent on every request; must be
  /// greater than 0): a call that takes the service longer than this is traced on its side. Unset
  /// here by default, so that the header is not sent (the Go SDK never sends it). 1 to INT32_MAX.
  std::optional<std::int64_t> timeThresholdOfServerTracer;
};

/// Kinds of public endpoint documented for Tablestore.
enum class EndpointType { Public, Vpc, Classic, DualStack };

/// "https://<instance>.<region>.ots.aliyuncs.com" and the VPC, classic-network and dual-stack forms.
DELIVERY_API std::string endpointFor(const std::string& instanceName, const std::string& regionId,
                        EndpointType type = EndpointType::Public);

/// Creates and manages Tablestore -> OSS delivery tasks. Operations return the response or an Error
/// (validation: InvalidArgument; service answers: their ErrorKind). Immutable: thread-safe, cheap to copy.
class DELIVERY_API DeliveryClient : private ClientHandle<DeliveryClient> {
 public:
  /// Checks the endpoint (`http(s)://host[:port]`, optional trailing '/', no path), the instance
  /// name (`[A-Za-z0-9_-]+`, as the Java SDK requires), the credentials and the config; an
  /// InvalidArgument error names every problem.
  static Result<DeliveryClient> create(const std::string& endpoint, const std::string& instanceName,
                                       Credentials credentials, DeliveryClientConfig config = {});
  /// The same with credentials that may change (see delivery/tablestore/credentials.h, e.g.
  /// defaultCredentialsChain()): the provider is asked before every attempt, so renewed temporary
  /// credentials are used without creating the client again. A request and the check of its
  /// response use one generation. When the provider has no valid credentials, the call fails
  /// with its error before anything is sent.
  static Result<DeliveryClient> create(const std::string& endpoint, const std::string& instanceName,
                                       std::shared_ptr<CredentialsProvider> credentials, DeliveryClientConfig config = {});

  /// POST /CreateDeliveryTask: a task delivering `tableName` to OSS. Not repeated once it may have
  /// reached the service.
  [[nodiscard]] Result<CreateDeliveryTaskResponse> createDeliveryTask(const CreateDeliveryTaskRequest& request) const;
  /// POST /DescribeDeliveryTask: a task's configuration, type and progress. Retried when safe.
  [[nodiscard]] Result<DescribeDeliveryTaskResponse> describeDeliveryTask(
      const DescribeDeliveryTaskRequest& request) const;
  /// POST /ListDeliveryTask: the tasks of a table. Retried when safe.
  [[nodiscard]] Result<ListDeliveryTaskResponse> listDeliveryTask(const ListDeliveryTaskRequest& request) const;
  /// POST /DeleteDeliveryTask. Not repeated once it may have reached the service.
  [[nodiscard]] Result<DeleteDeliveryTaskResponse> deleteDeliveryTask(const DeleteDeliveryTaskRequest& request) const;
  /// POST /UpdateDeliveryTask: replaces a task's configuration. Not repeated once it may have
  /// reached the service.
  [[nodiscard]] Result<UpdateDeliveryTaskResponse> updateDeliveryTask(const UpdateDeliveryTaskRequest& request) const;

  /// Describes the task until its sync phase is `phase` or later (INIT < FULL < INCR; an INC task
  /// goes from INIT straight to INCR), or it reports an error (error_code other than OK: Failed,
  /// with the service's detail). The progress callback sees the phase's name, or the error type's
  /// while the task reports one. A BASE task has delivered the table's existing data once it
  /// reaches INCR (DescribeDeliveryTaskResponse::isFinished()). See delivery/core/waiter.h.
  [[nodiscard]] WaitResult<DescribeDeliveryTaskResponse> waitUntilTaskSyncPhase(
      const DescribeDeliveryTaskRequest& request, TaskSyncPhase phase, const WaitOptions& options = {}) const;

  // ---- asynchronous forms (delivery/core/async.h) ----------------------------------------------
  /// Each operation above also runs without blocking the caller: `opAsync(request)` returns an
  /// AsyncCall (a std::future of the same Result, plus cancel()), and `opAsync(request, callback)`
  /// calls back on the transport's event thread. Same validation, signing, retries and errors as
  /// the blocking call; keep the client alive until its calls complete (destroying its last copy
  /// completes them with ErrorKind::Cancelled). Thread-safe.
  DELIVERY_ASYNC_FORMS(createDeliveryTask, CreateDeliveryTask)
  DELIVERY_ASYNC_FORMS(updateDeliveryTask, UpdateDeliveryTask)
  DELIVERY_ASYNC_FORMS(deleteDeliveryTask, DeleteDeliveryTask)
  DELIVERY_ASYNC_FORMS(describeDeliveryTask, DescribeDeliveryTask)
  DELIVERY_ASYNC_FORMS(listDeliveryTask, ListDeliveryTask)

  /// The endpoint as given to create().
  const std::string& getEndpoint() const noexcept;
  /// The instance name as given to create().
  const std::string& getInstanceName() const noexcept;

 private:
  using ClientHandle::ClientHandle;
  static Result<DeliveryClient> createWith(const std::string& endpoint, const std::string& instanceName,
                                           Credentials credentials, std::shared_ptr<CredentialsProvider> provider,
                                           DeliveryClientConfig config);
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
