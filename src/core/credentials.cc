#include "delivery/core/credentials.h"

#include <cstdlib>
#include <ostream>

#include "core/text.h"
#include "core/validation.h"

DELIVERY_NAMESPACE_BEGIN

Result<Credentials> Credentials::fromEnvironment(const char* idVariable, const char* secretVariable,
                                                 const char* tokenVariable) {
  const auto read = delivery::detail::envText;
  Credentials c(read(idVariable), read(secretVariable), read(tokenVariable));
  Error err(ErrorKind::InvalidArgument, "credentials are missing from the environment");
  if (c.accessKeyId.empty()) err.violations.push_back({idVariable, "is not set"});
  if (c.accessKeySecret.empty()) err.violations.push_back({secretVariable, "is not set"});
  if (!err.violations.empty()) return err;
  err.violations = c.validate("credentials");
  if (!err.violations.empty()) {
    err.message = "credentials from the environment are invalid";
    return err;
  }
  return c;
}

std::vector<FieldViolation> Credentials::validate(const std::string& path) const {
  std::vector<FieldViolation> v;
  if (accessKeyId.empty()) {
    v.push_back({path + ".accessKeyId", "is required"});
  } else {
    detail::checkHeaderValue(v, path + ".accessKeyId", accessKeyId, detail::kMaxKeyBytes);
  }
  if (accessKeySecret.empty()) {
    v.push_back({path + ".accessKeySecret", "is required"});
  } else {
    detail::checkHeaderValue(v, path + ".accessKeySecret", accessKeySecret, detail::kMaxKeyBytes);
  }
  detail::checkHeaderValue(v, path + ".securityToken", securityToken, detail::kMaxTokenBytes);
  return v;
}

Result<Credentials> Credentials::fromAlibabaCloudEnvironment() {
  return fromEnvironment("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                         "ALIBABA_CLOUD_SECURITY_TOKEN");
}

std::ostream& operator<<(std::ostream& os, const Credentials& c) {
  return os << "Credentials{accessKeyId=" << c.accessKeyId
            << ", accessKeySecret=" << (c.accessKeySecret.empty() ? "<empty>" : "<redacted>")
            << ", securityToken=" << (c.securityToken.empty() ? "<none>" : "<redacted>") << "}";
}

DELIVERY_NAMESPACE_END
