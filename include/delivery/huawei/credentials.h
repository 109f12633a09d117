#pragma once

#include "delivery/export.h"
// Huawei Cloud credentials: an AK/SK pair (requests are signed with SDK-HMAC-SHA256), optionally
// temporary (with a security token), or an IAM user token (sent as X-Auth-Token, no signing).
// The project id goes into request paths and the X-Project-Id header.
// The secret key, security token and IAM token are never printed: operator<< redacts them.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "delivery/core/result.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {

/// Huawei Cloud credentials: an AK/SK pair (optionally temporary) or an IAM token, with the
/// project id. The secret key and the tokens are never printed. A plain value: not synchronised.
struct DELIVERY_API HuaweiCredentials {
  std::string accessKey;      ///< AK
  std::string secretKey;      ///< SK
  std::string securityToken;  ///< temporary AK/SK only; sent as X-Security-Token and signed
  std::string projectId;      ///< IAM project id of the region
  std::string authToken;      ///< IAM token; when set, requests carry X-Auth-Token instead of a signature

  /// AK/SK signing.
  static HuaweiCredentials withAkSk(std::string accessKey, std::string secretKey, std::string projectId,
                                    std::string securityToken = {});
  /// IAM token authentication (the X-Subject-Token that IAM returned).
  static HuaweiCredentials withToken(std::string iamToken, std::string projectId);

  /// Reads HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN (optional) and
  /// HUAWEICLOUD_SDK_PROJECT_ID. Missing variables are listed in an InvalidArgument error.
  static Result<HuaweiCredentials> fromEnvironment();

  /// Whether requests carry the IAM token (X-Auth-Token) instead of an AK/SK signature.
  bool usesToken() const noexcept { return !authToken.empty(); }

  /// Longest accepted project id (they are 32 hexadecimal characters).
  static constexpr std::size_t kMaxProjectIdLength = 64;

  /// Every problem at once, each at "<path>.<member>": a token or an AK/SK pair, a project id of
  /// letters, digits, '-' and '_' (at most kMaxProjectIdLength), no control character (NUL, CR, LF,
  /// ESC, DEL...) in any value, AK and SK at most 256 bytes, tokens at most 32 KiB (README, "Input
  /// bounds"). Values are never quoted.
  std::vector<FieldViolation> validate(const std::string& path = "credentials") const;
};

/// Prints the AK, the project id and which secrets are present, never their values.
DELIVERY_API std::ostream& operator<<(std::ostream& os, const HuaweiCredentials& credentials);

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
