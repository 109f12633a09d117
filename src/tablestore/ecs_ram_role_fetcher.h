#pragma once
// The ECS RAM-role fetch behind ecsRamRoleSource() (internal): shared with the credentials-file
// and CLI-config sources, whose profiles may name the role to ask for.

#include <memory>
#include <string>

#include "delivery/tablestore/ecs_ram_role.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {

class EcsRamRoleFetcher {
 public:
  explicit EcsRamRoleFetcher(EcsRamRoleOptions options);
  ~EcsRamRoleFetcher();
  EcsRamRoleFetcher(const EcsRamRoleFetcher&) = delete;
  EcsRamRoleFetcher& operator=(const EcsRamRoleFetcher&) = delete;

  /// One fetch (see ecs_ram_role.h). `role` overrides the options' role name when not empty.
  /// Thread-safe.
  Result<SourceResult<Credentials>> fetch(const std::string& role = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
