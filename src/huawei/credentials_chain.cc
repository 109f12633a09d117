// The Huawei Cloud credential sources (see delivery/huawei/credentials_chain.h). Facts follow
// specs/credentials.md §B (huaweicloud-sdk-go-v3 core/auth/provider, huaweicloud-sdk-java-v3
// core/auth); the choices that differ from the SDKs follow §C and are listed in the header.

#include "delivery/huawei/credentials_chain.h"

#include <cstdlib>

#include "core/credentials_chain.h"
#include "core/ini.h"
#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN
template class ChainProvider<huawei::HuaweiCredentials>;
DELIVERY_NAMESPACE_END

DELIVERY_NAMESPACE_BEGIN namespace huawei {
namespace {

using Source = CredentialsSource<HuaweiCredentials>;
using Found = SourceResult<HuaweiCredentials>;

std::string env(const char* name) { return delivery::detail::envText(name); }

using delivery::detail::checkedCredentials;

// The names one source reads its values under (variables, or keys of the [basic] section).
struct Names {
  const char* ak;
  const char* sk;
  const char* token;
  const char* project;
  const char* idp;
  const char* idToken;
};

constexpr Names kEnvironment{"HUAWEICLOUD_SDK_AK",         "HUAWEICLOUD_SDK_SK",     "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                             "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_IDP_ID", "HUAWEICLOUD_SDK_ID_TOKEN_FILE"};
constexpr Names kFile{"ak", "sk", "security_token", "project_id", "idp_id", "id_token_file"};

// What the environment source and the file source share: the AK/SK pair, the ID-token pair that
// the SDKs prefer to it (§B.2, §B.3), and the project id this SDK requires (§B.6, §C).
// `get` reads a name ("" when unset); `where` is "the environment" or "<path> [basic]", the path
// of violations; `prefix` starts the errors' messages ("" for the environment: the variables'
// names say where they are).
template <typename Get>
Result<Found> fromNames(const Names& n, Get get, const std::string& where, const std::string& prefix, std::string source) {
  const std::string ak = get(n.ak), sk = get(n.sk);
  const bool idTokenFlow = !get(n.idp).empty() && !get(n.idToken).empty();
  const std::string idPair = std::string(n.idp) + " and " + n.idToken;
  if (idTokenFlow) {
    if (!ak.empty() || !sk.empty()) {
      return Error(ErrorKind::InvalidArgument,
                   where + " sets both " + idPair + " and " + n.ak + "/" + n.sk +
                       ": the Huawei Cloud SDKs would use the ID token, which this SDK does not support; unset one pair");
    }
    return Found::absent(where + " sets " + idPair + ", but the ID-token flow is not supported (set " + n.ak +
                         " and " + n.sk + ")");
  }
  if (ak.empty() && sk.empty()) return Found::absent(std::string(n.ak) + " and " + n.sk + " are not set");
  if (ak.empty() || sk.empty()) {
    return Error(ErrorKind::InvalidArgument,
                 prefix + (ak.empty() ? n.ak : n.sk) + " is not set, but " + (ak.empty() ? n.sk : n.ak) + " is");
  }
  const std::string project = get(n.project);
  if (project.empty()) {
    return Error(ErrorKind::InvalidArgument, prefix + n.project +
                                                 " is not set; DIS and DMS Kafka paths need it, and this SDK does "
                                                 "not look it up in IAM");
  }
  return checkedCredentials(HuaweiCredentials::withAkSk(ak, sk, project, get(n.token)), std::move(source), where);
}

std::string home(const HuaweiCredentialsOptions& o) {
  return o.homeDirectory.empty() ? delivery::detail::homeDirectory() : o.homeDirectory;
}

}  // namespace

CredentialsSource<HuaweiCredentials> environmentSource() {
  return Source{"environment", []() -> Result<Found> {
                  return fromNames(kEnvironment, [](const char* name) { return env(name); }, "the environment", "",
                                   "environment (HUAWEICLOUD_SDK_AK)");
                }};
}

CredentialsSource<HuaweiCredentials> credentialsFileSource(const HuaweiCredentialsOptions& options) {
  return Source{"credentials file", [options]() -> Result<Found> {
                  auto found = delivery::detail::firstConfigFile(delivery::detail::configFileCandidates(
                      options.credentialsFile, "HUAWEICLOUD_SDK_CREDENTIALS_FILE", home(options), {"/.huaweicloud/credentials"}));
                  if (!found) return found.error();
                  if (!found->file) return Found::absent(found->whyAbsent);
                  const std::string& path = found->file->path;
                  auto ini = delivery::detail::parseIniFile(*found->file);
                  if (!ini) return ini.error();
                  // The section is the credential type; DIS and DMS Kafka take "basic" (§B.3).
                  const auto* section = ini->section("basic");
                  if (section == nullptr) return Found::absent(path + " has no [basic] section");
                  const std::string where = path + " [basic]";
                  auto get = [section](const char* key) { return delivery::detail::IniFile::value(*section, key); };
                  if (get("ak").empty() && get("sk").empty() && (get("idp_id").empty() || get("id_token_file").empty())) {
                    return Error(ErrorKind::InvalidArgument, where + " has neither ak nor sk");
                  }
                  return fromNames(kFile, get, where, where + ": ", where);
                }};
}

std::shared_ptr<ChainProvider<HuaweiCredentials>> defaultCredentialsChain(HuaweiCredentialsOptions options) {
  std::vector<Source> sources;
  if (options.explicitCredentials) sources.push_back(delivery::detail::explicitCredentialsSource(*options.explicitCredentials));
  sources.push_back(environmentSource());
  sources.push_back(credentialsFileSource(options));
  if (options.metadata) {
    HuaweiMetadataOptions metadata = *options.metadata;
    if (metadata.projectId.empty()) {
      if (const char* project = std::getenv("HUAWEICLOUD_SDK_PROJECT_ID")) metadata.projectId = project;
    }
    sources.push_back(metadataSource(std::move(metadata)));
  }
  RefreshOptions refresh = options.refresh;
  return std::make_shared<ChainProvider<HuaweiCredentials>>(std::move(sources), std::move(refresh));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::huawei
