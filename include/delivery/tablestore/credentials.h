#pragma once

#include "delivery/export.h"
// Alibaba Cloud credentials for DeliveryClient: the default chain and its sources.
//
// The chain, in order (README "Credentials"; the order of the Alibaba Cloud credentials
// libraries, aliyun/credentials-go providers/default.go and credentials-java
// DefaultCredentialsProvider, without their OIDC and RAM-role-ARN steps):
//   1. explicit credentials, when given in the options;
//   2. the environment: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and the optional
//      ALIBABA_CLOUD_SECURITY_TOKEN; else Tablestore's own TABLESTORE_ACCESS_KEY_ID,
//      TABLESTORE_ACCESS_KEY_SECRET, TABLESTORE_SESSION_TOKEN (the Java Tablestore SDK's names);
//   3. the Alibaba Cloud CLI's ~/.aliyun/config.json (or ALIBABA_CLOUD_CONFIG_FILE), skipped when
//      ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true: the profile named by ALIBABA_CLOUD_PROFILE, else
//      its "current" one; modes AK, StsToken and EcsRamRole (ram_role_name, empty: the role
//      attached to the instance; the credentials come from the ECS metadata service, 5. below);
//   4. the credentials file ALIBABA_CLOUD_CREDENTIALS_FILE, else ~/.alibabacloud/credentials, else
//      ~/.alibabacloud/credentials.ini (the Go library reads the first name, Java and Python the
//      second): the section named by ALIBABA_CLOUD_PROFILE, else [default]; type access_key
//      (access_key_id, access_key_secret) or ecs_ram_role (role_name, empty: the role attached
//      to the instance); a section with enable = false is skipped;
//   5. the ECS RAM role from the instance metadata service (delivery/tablestore/ecs_ram_role.h),
//      left out when ALIBABA_CLOUD_ECS_METADATA_DISABLED=true. Off ECS it does not apply (the
//      metadata address cannot be connected to: this costs up to its 1 s connect timeout).
//      A profile of 3. or 4. that names a RAM role fails when the metadata service cannot be reached.
// A source that does not apply (a variable unset, no file, no such profile) is skipped; one that
// applies but is broken (an id without a secret, a profile without its keys, an unknown type or
// mode) stops the chain with an error naming it. When no source applies, the error lists each
// source and why it was skipped.

#include <memory>
#include <optional>
#include <string>

#include "delivery/core/credentials.h"
#include "delivery/core/credentials_provider.h"
#include "delivery/tablestore/ecs_ram_role.h"

DELIVERY_NAMESPACE_BEGIN
extern template class DELIVERY_API ChainProvider<Credentials>;
DELIVERY_NAMESPACE_END

DELIVERY_NAMESPACE_BEGIN namespace tablestore {

/// What DeliveryClient takes as credentials provider (see BasicCredentialsProvider).
using CredentialsProvider = BasicCredentialsProvider<Credentials>;

/// Settings of the default Alibaba Cloud credentials chain (defaultCredentialsChain()).
struct AlibabaCredentialsOptions {
  /// Used first, when set.
  std::optional<Credentials> explicitCredentials;
  /// The profile to read; empty: ALIBABA_CLOUD_PROFILE, else "default" (file) or the CLI's current.
  std::string profile;
  /// Empty: ALIBABA_CLOUD_CREDENTIALS_FILE, else the two default names under the home directory.
  std::string credentialsFile;
  /// Empty: ALIBABA_CLOUD_CONFIG_FILE, else ~/.aliyun/config.json.
  std::string cliConfigFile;
  /// Empty: $HOME. Tests point it at a temporary directory.
  std::string homeDirectory;
  /// The metadata service, for step 5 and for profiles that name a RAM role.
  EcsRamRoleOptions ecsRamRole;
  /// Renewal of temporary credentials (refreshBefore: 15 minutes, as the Java and Python libraries).
  RefreshOptions refresh;
};

/// The sources of the default chain, one by one (to build a chain of your own with ChainProvider).
DELIVERY_API CredentialsSource<Credentials> environmentSource();
/// The Alibaba Cloud CLI's configuration (ALIBABA_CLOUD_CONFIG_FILE, else ~/.aliyun/config.json),
/// the profile chosen as the top of this header says.
DELIVERY_API CredentialsSource<Credentials> cliConfigSource(const AlibabaCredentialsOptions& options = {});
/// The credentials file (options.credentialsFile, else ALIBABA_CLOUD_CREDENTIALS_FILE, else
/// ~/.alibabacloud/credentials...), as the top of this header says.
DELIVERY_API CredentialsSource<Credentials> credentialsFileSource(const AlibabaCredentialsOptions& options = {});

/// The default chain (see the top of this header).
DELIVERY_API std::shared_ptr<ChainProvider<Credentials>> defaultCredentialsChain(AlibabaCredentialsOptions options = {});

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
