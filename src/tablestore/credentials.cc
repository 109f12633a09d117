// The Alibaba Cloud credential sources (see delivery/tablestore/credentials.h). Facts follow
// specs/credentials.md §A (aliyun/credentials-go, credentials-java, credentials-python, and the
// Java Tablestore SDK's AuthUtils for the TABLESTORE_* names).

#include "delivery/tablestore/credentials.h"

#include <rapidjson/document.h>

#include <cstdlib>

#include "core/credentials_chain.h"
#include "core/ini.h"
#include "core/text.h"
#include "tablestore/ecs_ram_role_fetcher.h"

DELIVERY_NAMESPACE_BEGIN
template class ChainProvider<Credentials>;
DELIVERY_NAMESPACE_END

DELIVERY_NAMESPACE_BEGIN namespace tablestore {
namespace {

using Source = CredentialsSource<Credentials>;
using Found = SourceResult<Credentials>;

using delivery::detail::envTrue;
std::string env(const char* name) { return delivery::detail::envText(name); }

using delivery::detail::checkedCredentials;

std::string home(const AlibabaCredentialsOptions& o) {
  return o.homeDirectory.empty() ? delivery::detail::homeDirectory() : o.homeDirectory;
}

std::string profileName(const AlibabaCredentialsOptions& o) { return o.profile.empty() ? env("ALIBABA_CLOUD_PROFILE") : o.profile; }

// A profile that names a RAM role: the credentials come from the metadata service. There the
// profile applies, so a metadata service that cannot be reached (or is disabled) is an error.
Result<Found> fromRamRole(detail::EcsRamRoleFetcher& fetcher, const std::string& role, const std::string& where) {
  Result<Found> r = fetcher.fetch(role);
  if (!r) return Error(r.error().kind, where + " names an ECS RAM role, but " + r.error().message);
  if (!r->value) return Error(ErrorKind::InvalidArgument, where + " names an ECS RAM role, but " + r->whyAbsent);
  r->value->source = where + " (" + r->value->source + ")";
  return r;
}

}  // namespace

CredentialsSource<Credentials> environmentSource() {
  return Source{"environment", []() -> Result<Found> {
                  struct Names {
                    const char* id;
                    const char* secret;
                    const char* token;
                  };
                  for (const Names& n : {Names{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                                               "ALIBABA_CLOUD_SECURITY_TOKEN"},
                                         Names{"TABLESTORE_ACCESS_KEY_ID", "TABLESTORE_ACCESS_KEY_SECRET",
                                               "TABLESTORE_SESSION_TOKEN"}}) {
                    const std::string id = env(n.id), secret = env(n.secret);
                    if (id.empty() && secret.empty()) continue;
                    if (id.empty() || secret.empty()) {
                      return Error(ErrorKind::InvalidArgument, std::string(id.empty() ? n.id : n.secret) +
                                                                   " is not set, but " + (id.empty() ? n.secret : n.id) + " is");
                    }
                    // The Java Tablestore SDK trims these values.
                    return checkedCredentials(Credentials(std::string(delivery::detail::trimView(id)),
                                               std::string(delivery::detail::trimView(secret)),
                                               std::string(delivery::detail::trimView(env(n.token)))),
                                   std::string("environment (") + n.id + ")", "the environment");
                  }
                  return Found::absent("ALIBABA_CLOUD_ACCESS_KEY_ID and TABLESTORE_ACCESS_KEY_ID are not set");
                }};
}

CredentialsSource<Credentials> cliConfigSource(const AlibabaCredentialsOptions& options) {
  auto fetcher = std::make_shared<detail::EcsRamRoleFetcher>(options.ecsRamRole);
  return Source{"Alibaba Cloud CLI config", [options, fetcher]() -> Result<Found> {
                  if (envTrue("ALIBABA_CLOUD_CLI_PROFILE_DISABLED")) {
                    return Found::absent("ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true");
                  }
                  auto found = delivery::detail::firstConfigFile(delivery::detail::configFileCandidates(
                      options.cliConfigFile, "ALIBABA_CLOUD_CONFIG_FILE", home(options), {"/.aliyun/config.json"}));
                  if (!found) return found.error();
                  if (!found->file) return Found::absent(found->whyAbsent);
                  const std::string& path = found->file->path;
                  rapidjson::Document doc;
                  doc.Parse(found->file->text.data(), found->file->text.size());
                  if (doc.HasParseError() || !doc.IsObject()) return Error(ErrorKind::InvalidArgument, path + " is not JSON");
                  auto str = [](const rapidjson::Value& o, const char* key) -> std::string {
                    auto m = o.FindMember(key);
                    return m != o.MemberEnd() && m->value.IsString() ? std::string(m->value.GetString(), m->value.GetStringLength())
                                                                     : std::string();
                  };
                  std::string name = profileName(options);
                  if (name.empty()) name = str(doc, "current");
                  auto profiles = doc.FindMember("profiles");
                  if (profiles == doc.MemberEnd() || !profiles->value.IsArray()) {
                    return Error(ErrorKind::InvalidArgument, path + " has no \"profiles\" list");
                  }
                  for (const auto& p : profiles->value.GetArray()) {
                    if (!p.IsObject() || str(p, "name") != name) continue;
                    const std::string mode = str(p, "mode");
                    const std::string where = path + " profile " + name;
                    if (mode == "AK" || mode == "StsToken") {
                      return checkedCredentials(Credentials(str(p, "access_key_id"), str(p, "access_key_secret"),
                                                 mode == "StsToken" ? str(p, "sts_token") : std::string()),
                                     where, where);
                    }
                    if (mode == "EcsRamRole") return fromRamRole(*fetcher, str(p, "ram_role_name"), where);
                    return Error(ErrorKind::InvalidArgument,
                                 where + ": mode \"" + delivery::detail::safeText(mode, 64) +
                                     "\" is not supported (AK, StsToken and EcsRamRole are)");
                  }
                  return Found::absent(path + " has no profile \"" + delivery::detail::safeText(name, 64) + "\"");
                }};
}

CredentialsSource<Credentials> credentialsFileSource(const AlibabaCredentialsOptions& options) {
  auto fetcher = std::make_shared<detail::EcsRamRoleFetcher>(options.ecsRamRole);
  return Source{"credentials file", [options, fetcher]() -> Result<Found> {
                  auto found = delivery::detail::firstConfigFile(delivery::detail::configFileCandidates(
                      options.credentialsFile, "ALIBABA_CLOUD_CREDENTIALS_FILE", home(options),
                      {"/.alibabacloud/credentials", "/.alibabacloud/credentials.ini"}));
                  if (!found) return found.error();
                  if (!found->file) return Found::absent(found->whyAbsent);
                  const std::string& path = found->file->path;
                  auto ini = delivery::detail::parseIniFile(*found->file);
                  if (!ini) return ini.error();
                  std::string name = profileName(options);
                  if (name.empty()) name = "default";
                  const auto* section = ini->section(name);
                  if (section == nullptr) return Found::absent(path + " has no [" + delivery::detail::safeText(name, 64) + "]");
                  auto get = [section](const char* key) { return delivery::detail::IniFile::value(*section, key); };
                  if (delivery::detail::toLowerAscii(get("enable")) == "false") {
                    return Found::absent(path + " [" + name + "] has enable = false");
                  }
                  const std::string type = get("type");
                  const std::string where = path + " [" + name + "]";
                  if (type == "access_key") {
                    return checkedCredentials(Credentials(get("access_key_id"), get("access_key_secret")), where, where);
                  }
                  if (type == "ecs_ram_role") return fromRamRole(*fetcher, get("role_name"), where);
                  return Error(ErrorKind::InvalidArgument, where + ": type \"" + delivery::detail::safeText(type, 64) +
                                                               "\" is not supported (access_key and ecs_ram_role are)");
                }};
}

std::shared_ptr<ChainProvider<Credentials>> defaultCredentialsChain(AlibabaCredentialsOptions options) {
  std::vector<Source> sources;
  if (options.explicitCredentials) sources.push_back(delivery::detail::explicitCredentialsSource(*options.explicitCredentials));
  sources.push_back(environmentSource());
  sources.push_back(cliConfigSource(options));
  sources.push_back(credentialsFileSource(options));
  // Last, as in the vendor's chains (§A.1), and left out when disabled.
  if (!envTrue("ALIBABA_CLOUD_ECS_METADATA_DISABLED")) sources.push_back(ecsRamRoleSource(options.ecsRamRole));
  RefreshOptions refresh = options.refresh;
  return std::make_shared<ChainProvider<Credentials>>(std::move(sources), std::move(refresh));
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore
