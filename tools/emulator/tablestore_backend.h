#pragma once
// Tablestore delivery-task actions: POST /<Action> with protobuf bodies and x-ots-* signing.

#include <map>
#include <memory>
#include <optional>

#include "delivery/core/credentials.h"
#include "delivery/tablestore/model.h"
#include "emulator/backend.h"

namespace delivery::emulator {

class TablestoreBackend final : public Backend {
 public:
  TablestoreBackend(Credentials credentials, BeforeValidate beforeValidate)
      : credentials_(std::move(credentials)), beforeValidate_(std::move(beforeValidate)) {}
  const char* family() const override { return "tablestore"; }
  bool claims(const HttpRequest& request) const override { return request.path.rfind("/v2/", 0) != 0; }
  std::string operation(const HttpRequest& request) const override;
  Reply errorReply(int status, const std::string& code, const std::string& message) const override;
  Reply handle(const HttpRequest& request, const Locked& locked) override;
  void save(std::ostream& out) const override;
  bool ownsTag(const std::string& tag) const override { return tag == "ots"; }
  bool load(const std::string& tag, const std::string& rest) override;
  std::size_t taskCount() const override;
  std::vector<StoredTask> tasks() const override;
  Result<void> seed(const StoredTask& task) override;

 private:
  struct Task {
    tablestore::OSSTaskConfig config;
    tablestore::DeliveryTaskType type = tablestore::DeliveryTaskType::BASE_INC;
    std::int64_t createdNanos = 0;
  };
  std::string authenticate(const std::string& action, const Headers& h, const std::string& body) const;
  Reply dispatch(const std::string& action, const HttpRequest& ex, const Locked& locked);
  /// Runs the test hook, then the request's own rules; a 400 reply when they fail.
  template <typename Request>
  std::optional<Reply> rejectInvalid(const Request& request, const HttpRequest& ex) const;
  Task* find(const std::string& table, const std::string& task);

  Credentials credentials_;
  BeforeValidate beforeValidate_;
  std::map<std::string, std::map<std::string, Task>> tasks_;  // table -> task name -> task
};

}  // namespace delivery::emulator
