#include "delivery/huawei/credentials.h"

#include <cstdlib>
#include <ostream>

#include "core/text.h"
#include "core/validation.h"

DELIVERY_NAMESPACE_BEGIN namespace huawei {

HuaweiCredentials HuaweiCredentials::withAkSk(std::string accessKey, std::string secretKey, std::string projectId,
                                              std::string securityToken) {
  HuaweiCredentials c;
  c.accessKey = std::move(accessKey);
  c.secretKey = std::move(secretKey);
  c.projectId = std::move(projectId);
  c.securityToken = std::move(securityToken);
  return c;
}

HuaweiCredentials HuaweiCredentials::withToken(std::string iamToken, std::string projectId) {
  HuaweiCredentials c;
  c.authToken = std::move(iamToken);
  c.projectId = std::move(projectId);
  return c;
}

Result<HuaweiCredentials> HuaweiCredentials::fromEnvironment() {
  const auto read = delivery::detail::envText;
  HuaweiCredentials c = withAkSk(read("HUAWEICLOUD_SDK_AK"), read("HUAWEICLOUD_SDK_SK"),
                                 read("HUAWEICLOUD_SDK_PROJECT_ID"), read("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
  Error err(ErrorKind::InvalidArgument, "Huawei Cloud credentials are missing from the environment");
  if (c.accessKey.empty()) err.violations.push_back({"HUAWEICLOUD_SDK_AK", "is not set"});
  if (c.secretKey.empty()) err.violations.push_back({"HUAWEICLOUD_SDK_SK", "is not set"});
  if (c.projectId.empty()) err.violations.push_back({"HUAWEICLOUD_SDK_PROJECT_ID", "is not set"});
  if (!err.violations.empty()) return err;
  return c;
}

std::vector<FieldViolation> HuaweiCredentials::validate(const std::string& path) const {
  using delivery::detail::checkHeaderValue;
  using delivery::detail::kMaxKeyBytes;
  using delivery::detail::kMaxTokenBytes;
  std::vector<FieldViolation> v;
  if (usesToken()) {
    if (!accessKey.empty() || !secretKey.empty()) {
      v.push_back({path, "set either an IAM token or an AK/SK pair, not both"});
    }
  } else {
    if (accessKey.empty()) v.push_back({path + ".accessKey", "is required (or use an IAM token)"});
    if (secretKey.empty()) v.push_back({path + ".secretKey", "is required (or use an IAM token)"});
  }
  // Every value below goes into a header (AK in Authorization, the tokens as themselves) or is
  // the signing key: no control characters, bounded lengths (README, "Input bounds").
  checkHeaderValue(v, path + ".accessKey", accessKey, kMaxKeyBytes);
  checkHeaderValue(v, path + ".secretKey", secretKey, kMaxKeyBytes);
  checkHeaderValue(v, path + ".securityToken", securityToken, kMaxTokenBytes);
  checkHeaderValue(v, path + ".authToken", authToken, kMaxTokenBytes);
  // Project ids are 32 hexadecimal characters; 64 leaves room without letting a path grow unbounded.
  if (projectId.empty()) {
    v.push_back({path + ".projectId", "is required"});
  } else if (projectId.size() > kMaxProjectIdLength) {
    v.push_back({path + ".projectId", "must be at most " + std::to_string(kMaxProjectIdLength) + " characters"});
  } else if (projectId.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
             std::string::npos) {
    v.push_back({path + ".projectId", "may contain only letters, digits, '-' and '_'"});
  }
  return v;
}

std::ostream& operator<<(std::ostream& os, const HuaweiCredentials& c) {
  return os << "HuaweiCredentials{accessKey=" << c.accessKey << ", projectId=" << c.projectId
            << ", secretKey=" << (c.secretKey.empty() ? "<empty>" : "<redacted>")
            << ", securityToken=" << (c.securityToken.empty() ? "<none>" : "<redacted>")
            << ", authToken=" << (c.authToken.empty() ? "<none>" : "<redacted>") << "}";
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
