#pragma once

#include "delivery/export.h"
// Access keys. The secret and the security token are never printed: operator<< redacts them.

#include <iosfwd>
#include <string>
#include <vector>

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN

/// An Alibaba Cloud AccessKey pair, with an STS token for temporary credentials. The secret and
/// the token are never printed. A plain value: not synchronised.
struct DELIVERY_API Credentials {
  std::string accessKeyId;      ///< the AccessKey ID
  std::string accessKeySecret;  ///< the AccessKey secret; never printed
  std::string securityToken;  ///< STS token for temporary credentials; empty when not used

  Credentials() = default;
  /// From an id, a secret and an optional STS token; not validated (see validate()).
  Credentials(std::string id, std::string secret, std::string token = {})
      : accessKeyId(std::move(id)), accessKeySecret(std::move(secret)), securityToken(std::move(token)) {}

  /// Reads ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and the optional
  /// ALIBABA_CLOUD_SECURITY_TOKEN. A missing id or secret is an InvalidArgument error naming them.
  static Result<Credentials> fromAlibabaCloudEnvironment();

  /// The same with variable names of your choice (token variable optional: pass "" to skip).
  static Result<Credentials> fromEnvironment(const char* idVariable, const char* secretVariable,
                                             const char* tokenVariable);

  /// Every problem at once, each at "<path>.<member>": the id and the secret are required; no value
  /// may contain a control character (NUL, CR, LF, ESC, DEL...); the id and the secret are at most
  /// 256 bytes, the token at most 32 KiB (README, "Input bounds"). Values are never quoted.
  std::vector<FieldViolation> validate(const std::string& path = "credentials") const;
};

/// Prints the key id and whether a secret and token are present, never their values.
DELIVERY_API std::ostream& operator<<(std::ostream& os, const Credentials& credentials);

DELIVERY_NAMESPACE_END
