#pragma once

#include "delivery/export.h"
// Huawei Cloud agency credentials from the ECS instance metadata service (the "security key").
//
// On an ECS instance with an agency attached, the metadata service hands out temporary AK/SK
// credentials with a security token:
//   1. PUT /meta-data/latest/api/token, X-Metadata-Token-Ttl-Seconds: 21600 -> a metadata token,
//      sent on the GET below as X-Metadata-Token. It is kept (and renewed only when the service
//      answers 401). A 404, 405 or 503 means the service has no tokens: the GET goes without one,
//      and the PUT is not tried again for 24 hours. Any other status is an error.
//   2. GET /openstack/latest/securitykey -> {"credential": {"access", "secret", "securitytoken",
//      "expires_at"}}, expires_at in UTC like "2020-01-08T03:50:07.574000Z" (or without fraction).
//      A 401 asks for a new token and one more GET; a 401 saying "Please configure Cloud Service
//      Agency first" means no agency is attached: an error.
// The security key carries no project id, and DIS and DMS Kafka need one: the options must carry
// it (HuaweiMetadataOptions::projectId, required; a chain fills it from its own settings). A fetch
// that reaches the service without one fails, saying so.
// The source does not apply (SourceResult::absent) when the metadata address cannot be connected
// to (refused, or no answer within the timeout: off ECS). It is an error when the service answers
// but the answer is unusable. Errors and logs never contain the secret or the tokens.

#include <chrono>
#include <memory>
#include <string>

#include "delivery/core/clock.h"
#include "delivery/core/credentials_provider.h"
#include "delivery/core/transport.h"
#include "delivery/huawei/credentials.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {

/// Settings of the ECS metadata source (temporary AK/SK of the instance's agency).
struct HuaweiMetadataOptions {
  /// The IAM project id the credentials are used in (required, see above).
  std::string projectId;
  /// The metadata service, "http://host[:port]". Empty: the variable
  /// DELIVERY_TEST_HUAWEI_METADATA_ENDPOINT (for tests only: it points the SDK at a fake metadata
  /// server), else http://169.254.169.254, the address every ECS instance has.
  std::string endpoint;
  /// Time allowed for each request, connect included (3 s, as the vendor's SDKs).
  std::chrono::milliseconds timeout{3000};
  /// Null: a CurlTransport with that timeout and no proxy (the metadata address is only reachable
  /// directly from the instance).
  std::shared_ptr<Transport> transport;
  /// Measures the 24 hours before a service without tokens is asked for one again;
  /// systemClock() when null.
  std::shared_ptr<Clock> clock;
};

/// The ECS metadata source (see the top of this header). The returned source may be copied and
/// fetched from several threads; copies share the metadata token.
DELIVERY_API CredentialsSource<HuaweiCredentials> metadataSource(HuaweiMetadataOptions options = {});

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
