#pragma once
// Huawei Cloud DIS transfer (dump) tasks, written from the Huawei dump-task specification §1
// (and huawei-more.md §2): /v2/{project_id}/streams/{stream_name}/transfer-tasks[/{task_name}|/action].
// Authentication as the API gateway does it (huawei_auth.h). Bodies are checked against this file's
// own key tables (dis_backend.cc): unknown keys, missing required fields, wrong types, enum wire
// strings, ranges, lengths and the cross-field rules the spec documents give 400 DIS.4200 naming the
// field. A task is kept as its create body (as the service took it) with the DWS user_password
// removed: secrets are never stored, so the show answer never has one, and a seeded or reloaded task
// is accepted without it (and may keep the documented example's empty dws_delimiter).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "emulator/backend.h"
#include "emulator/huawei_auth.h"

namespace delivery::emulator {

class DisBackend final : public Backend {
 public:
  /// `pageWithoutLimit`: how many tasks a list without `limit` answers (0: every task).
  DisBackend(HuaweiEmulatorCredentials credentials, BeforeValidate beforeValidate, std::size_t pageWithoutLimit = 0)
      : credentials_(std::move(credentials)),
        beforeValidate_(std::move(beforeValidate)),
        pageWithoutLimit_(pageWithoutLimit) {}
  const char* family() const override { return "dis"; }
  /// /v2/{project}/streams/...
  bool claims(const HttpRequest& request) const override;
  std::string operation(const HttpRequest& request) const override;
  Reply handle(const HttpRequest& request, const Locked& locked) override;
  Reply errorReply(int status, const std::string& code, const std::string& message) const override {
    Reply reply = huawei_gateway::errorReply(status, code, message);
    huawei_gateway::addRequestId(reply);
    return reply;
  }
  /// One line per task: `dis <stream> <task id> <state> <create time ms> <hex of the stored body>
  /// <run start ms, or -> <task error>` (lifecycle.h; the last two are absent on v2 lines, whose
  /// state then holds). `state` is where the task settles; the current state is worked out from it.
  void save(std::ostream& out) const override;
  bool ownsTag(const std::string& tag) const override { return tag == "dis"; }
  bool load(const std::string& tag, const std::string& rest) override;
  std::size_t taskCount() const override;
  std::vector<StoredTask> tasks() const override;
  /// `task.json` is a create body (with or without the password); scope = stream. Keeps task.id,
  /// task.state and task.createTime when given. A task seeded with a state keeps that state; one
  /// without goes through the create lifecycle from its create time.
  Result<void> seed(const StoredTask& task) override;
  Result<void> failTask(const std::string& scope, const std::string& name, const std::string& detail) override;

  /// A create body checked as the service would: empty `problems` when it is acceptable; then
  /// `name`, `destinationType` and `stored` (the body without secrets, compact) are set.
  /// `secretsMayBeAbsent` is for a stored task (seeded or reloaded): its secrets are gone, and it
  /// may be the documented DWS example as it is, with dws_delimiter "" (which a request may not
  /// send: the page's own table allows only , ; |).
  struct Checked {
    std::vector<std::pair<std::string, std::string>> problems;  ///< field path, message
    std::string name;
    std::string destinationType;
    std::string stored;
  };
  static Checked checkCreate(const std::string& body, const std::string& stream, bool secretsMayBeAbsent);
  static Checked checkParsed(rapidjson::Document& body, const std::string& stream, bool secretsMayBeAbsent);

 private:
  struct Task {
    std::string id;
    std::string destinationType;
    std::string state = "RUNNING";  ///< where the task settles (the current state: stateOf)
    std::int64_t createTime = 0;
    std::string body;  ///< the create body without secrets
    /// When the current run (create, start) began, on the lifecycle's clock: STARTING for one
    /// step from then. None: `state` holds (stopped, seeded with a state, loaded from a v2 file).
    std::optional<std::int64_t> startedMillis;
    TaskError error;
  };
  /// The state a list or show answers now.
  std::string stateOf(const Task& task) const;
  std::string errorOf(const Task& task) const;
  Reply route(const HttpRequest& request, const std::vector<std::string>& parts, const Locked& locked);
  Reply list(const HttpRequest& request, const std::string& stream, const Locked& locked);
  Reply createOrUpdate(const HttpRequest& request, const std::string& stream, const Locked& locked);
  Reply batch(const HttpRequest& request, const std::string& stream, const Locked& locked);
  void beforeValidate(const HttpRequest& request) const {
    if (beforeValidate_) beforeValidate_(request.path);
  }

  HuaweiEmulatorCredentials credentials_;
  BeforeValidate beforeValidate_;
  std::size_t pageWithoutLimit_ = 0;
  std::map<std::string, std::map<std::string, Task>> tasks_;  // stream -> task name -> task
};

}  // namespace delivery::emulator
