#include "delivery/core/credentials.h"

#include <cstdlib>
#include <ostream>

namespace delivery {

Result<Credentials> Credentials::fromEnvironment(const char* idVariable, const char* secretVariable,
                                                 const char* tokenVariable) {
  auto read = [](const char* name) -> std::string {
    if (name == nullptr || *name == '\0') return {};
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
  };
  Credentials c(read(idVariable), read(secretVariable), read(tokenVariable));
  Error err(ErrorKind::InvalidArgument, "credentials are missing from the environment");
  if (c.accessKeyId.empty()) err.violations.push_back({idVariable, "is not set"});
  if (c.accessKeySecret.empty()) err.violations.push_back({secretVariable, "is not set"});
  if (!err.violations.empty()) return err;
  return c;
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

}  // namespace delivery
