#pragma once
// What the credentials tests share: a temporary directory for credential files (never the real
// home directory), and every Alibaba Cloud variable the chain reads, cleared for a test.

#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/scoped_env.h"

namespace delivery::test {

/// A directory under /tmp, removed with its files at the end of the test.
struct TempDir {
  std::string path;
  TempDir() {
    char tmpl[] = "/tmp/delivery-credentials-XXXXXX";
    REQUIRE(::mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// Writes `text` to `relative` under the directory, creating its parents; returns the full path.
  std::string write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path full = std::filesystem::path(path) / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full) << text;
    return full.string();
  }
};

/// Every Alibaba Cloud variable the chain reads, unset; the ECS metadata step disabled unless a
/// test reaches it on purpose (then it must point it at a fake server).
struct CleanAlibabaEnv {
  explicit CleanAlibabaEnv(bool metadataDisabled = true)
      : metadata("ALIBABA_CLOUD_ECS_METADATA_DISABLED", metadataDisabled ? "true" : nullptr) {}
  ScopedEnv metadata;
  ScopedEnv vars[13] = {{"ALIBABA_CLOUD_ECS_METADATA", nullptr},   {"ALIBABA_CLOUD_IMDSV1_DISABLED", nullptr},
                        {"DELIVERY_TEST_ALIBABA_METADATA_ENDPOINT", nullptr},
                        {"ALIBABA_CLOUD_ACCESS_KEY_ID", nullptr},  {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", nullptr},
                        {"ALIBABA_CLOUD_SECURITY_TOKEN", nullptr}, {"TABLESTORE_ACCESS_KEY_ID", nullptr},
                        {"TABLESTORE_ACCESS_KEY_SECRET", nullptr}, {"TABLESTORE_SESSION_TOKEN", nullptr},
                        {"ALIBABA_CLOUD_PROFILE", nullptr},        {"ALIBABA_CLOUD_CREDENTIALS_FILE", nullptr},
                        {"ALIBABA_CLOUD_CONFIG_FILE", nullptr},    {"ALIBABA_CLOUD_CLI_PROFILE_DISABLED", nullptr}};
};

}  // namespace delivery::test
