#pragma once

#include "delivery/export.h"
// Huawei Cloud credentials for DisClient and KafkaClient: the default chain and its sources.
//
// The chain, in order (the order of the Huawei Cloud SDKs' provider chain, huaweicloud-sdk-go-v3
// core/auth/provider/provider_chain.go and the Java SDK's CredentialProviderChain, for "basic"
// (project-scoped) credentials; specs/credentials.md §B.1):
//   1. explicit credentials, when given in the options;
//   2. the environment: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, the optional
//      HUAWEICLOUD_SDK_SECURITY_TOKEN, and HUAWEICLOUD_SDK_PROJECT_ID (§B.2);
//   3. the credentials file HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials:
//      section [basic], keys ak, sk, security_token (optional) and project_id (§B.3);
//   4. the ECS metadata security key (§B.4; delivery/huawei/metadata_credentials.h): the agency
//      credentials of the instance, renewed before they expire. Its project id is
//      HuaweiMetadataOptions::projectId, else HUAWEICLOUD_SDK_PROJECT_ID. Off ECS it is skipped
//      once its address cannot be reached (up to its 3 s timeout); set `metadata` to nullopt to
//      leave it out (the Huawei SDKs have no such switch).
// A source that does not apply (its variables unset, no file, no [basic] section) is skipped; one
// that applies but is broken (an AK without its SK, keys without a project id, a value that cannot
// go into a header) stops the chain with an error naming it. When no source applies, the error
// lists each source and why it was skipped.
//
// Differences from the Huawei SDKs, on purpose:
//   - The project id is required (§B.6, §C): the SDKs look a missing one up in IAM at client
//     build, which needs the right to list projects; this SDK does not, and says which key is
//     missing instead.
//   - The federated ID-token flow (HUAWEICLOUD_SDK_IDP_ID with HUAWEICLOUD_SDK_ID_TOKEN_FILE, or
//     idp_id with id_token_file in the file) is not supported. The SDKs prefer it to an AK/SK pair
//     when both are set (§B.2), so a source that holds both stops the chain with an error (signing
//     with the AK/SK would act as another identity than the Huawei SDKs would); a source that holds
//     only the ID-token pair is skipped, and its reason in the chain's error says why.
//   - A source that applies but is broken stops the chain; the SDKs fall through to the next
//     provider on any error (§B.1; our choice follows §C "Not-applicable vs error").

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "delivery/core/credentials_provider.h"
#include "delivery/huawei/credentials.h"
#include "delivery/huawei/metadata_credentials.h"

DELIVERY_NAMESPACE_BEGIN
extern template class DELIVERY_API ChainProvider<huawei::HuaweiCredentials>;
DELIVERY_NAMESPACE_END

DELIVERY_NAMESPACE_BEGIN namespace huawei {

/// What the Huawei clients take as credentials provider (see BasicCredentialsProvider).
using HuaweiCredentialsProvider = BasicCredentialsProvider<HuaweiCredentials>;

/// Renewal as the Huawei SDKs do it: once less than 40 minutes are left (huaweicloud-sdk-go-v3
/// core/auth/base_credentials.go, Java AbstractCredentials DEFAULT_EXPIRATION_THRESHOLD_SECONDS;
/// specs/credentials.md §B.5). The other settings are RefreshOptions' defaults.
inline RefreshOptions huaweiRefreshOptions() {
  RefreshOptions options;
  options.refreshBefore = std::chrono::minutes(40);
  return options;
}

/// Settings of the default Huawei credentials chain (defaultCredentialsChain()).
struct HuaweiCredentialsOptions {
  /// Used first, when set (an AK/SK pair, temporary or not, or an IAM token; with a project id).
  std::optional<HuaweiCredentials> explicitCredentials;
  /// Empty: HUAWEICLOUD_SDK_CREDENTIALS_FILE, else ~/.huaweicloud/credentials.
  std::string credentialsFile;
  /// Empty: $HOME. Tests point it at a temporary directory.
  std::string homeDirectory;
  /// The ECS metadata step, last; nullopt leaves it out.
  std::optional<HuaweiMetadataOptions> metadata = HuaweiMetadataOptions{};
  /// Renewal of temporary credentials (refreshBefore: 40 minutes, as the Huawei SDKs).
  RefreshOptions refresh = huaweiRefreshOptions();
};

/// The sources of the default chain, one by one (to build a chain of your own with ChainProvider).
/// This one: the HUAWEICLOUD_SDK_* variables (see HuaweiCredentials::fromEnvironment()).
DELIVERY_API CredentialsSource<HuaweiCredentials> environmentSource();
/// The credentials file (options.credentialsFile, else HUAWEICLOUD_SDK_CREDENTIALS_FILE, else
/// ~/.huaweicloud/credentials); absent when there is no such file.
DELIVERY_API CredentialsSource<HuaweiCredentials> credentialsFileSource(const HuaweiCredentialsOptions& options = {});

/// The default chain (see the top of this header).
DELIVERY_API std::shared_ptr<ChainProvider<HuaweiCredentials>> defaultCredentialsChain(HuaweiCredentialsOptions options = {});

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
