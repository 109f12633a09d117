#pragma once

#include "delivery/export.h"
// Alibaba Cloud ECS RAM-role credentials from the instance metadata service (IMDS).
//
// On an ECS instance with a RAM role attached, the metadata service hands out temporary
// credentials (an STS access key, its secret and a security token) that expire after a few hours.
// The source asks for them in the hardened mode, with a metadata session token:
//   1. PUT /latest/api/token, X-aliyun-ecs-metadata-token-ttl-seconds: 21600 -> the token, which
//      goes on the GETs below as X-aliyun-ecs-metadata-token. The token is kept and used again
//      until 10 minutes before its 6 hours are up.
//      When that PUT fails (no answer, or not 200), the GETs go without a token, unless
//      ALIBABA_CLOUD_IMDSV1_DISABLED=true (then that failure is an error).
//   2. GET /latest/meta-data/ram/security-credentials/ -> the role name, only when none is
//      configured (EcsRamRoleOptions::roleName, else ALIBABA_CLOUD_ECS_METADATA).
//   3. GET /latest/meta-data/ram/security-credentials/<role> -> JSON with Code ("Success"),
//      AccessKeyId, AccessKeySecret, SecurityToken and Expiration ("2021-10-20T04:27:09Z", UTC).
// The source does not apply (SourceResult::absent) when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true,
// when the metadata address cannot be connected to (refused, or no answer within the timeouts:
// off ECS), or when the instance has no RAM role attached (the role list answers 404). It is an
// error when the service answers but the answer is unusable: a 404 for a configured role, a Code
// other than Success, JSON that cannot be read, a missing field. Errors and logs never contain the
// secret or the tokens.
//
// Use it on its own in a ChainProvider, or let defaultCredentialsChain() (credentials.h) try it
// last; credentials-file profiles of type ecs_ram_role and CLI profiles of mode EcsRamRole use it
// too.

#include <chrono>
#include <memory>
#include <string>

#include "delivery/core/clock.h"
#include "delivery/core/credentials.h"
#include "delivery/core/credentials_provider.h"
#include "delivery/core/transport.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

/// Settings of the ECS RAM role source (temporary credentials from the instance metadata service).
struct EcsRamRoleOptions {
  /// The RAM role to ask for. Empty: ALIBABA_CLOUD_ECS_METADATA, else the role attached to the
  /// instance, as the metadata service lists it (asked again on every fetch).
  std::string roleName;
  /// The metadata service, "http://host[:port]". Empty: the variable
  /// DELIVERY_TEST_ALIBABA_METADATA_ENDPOINT (for tests only: it points the SDK at a fake metadata
  /// server), else http://100.100.100.200, the address every ECS instance has.
  std::string endpoint;
  /// Time to connect to the metadata service, and to wait for each answer once connected (1 s
  /// each, as the vendor's credentials libraries).
  std::chrono::milliseconds connectTimeout{1000};
  /// Time allowed for each metadata answer.
  std::chrono::milliseconds readTimeout{1000};
  /// Null: a CurlTransport with the timeouts above and no proxy (the metadata address is only
  /// reachable directly from the instance).
  std::shared_ptr<Transport> transport;
  /// How long the metadata token is kept is measured with this clock; systemClock() when null.
  std::shared_ptr<Clock> clock;
};

/// The ECS RAM-role source (see the top of this header). The returned source may be copied and
/// fetched from several threads; copies share the metadata token.
DELIVERY_API CredentialsSource<Credentials> ecsRamRoleSource(EcsRamRoleOptions options = {});

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
