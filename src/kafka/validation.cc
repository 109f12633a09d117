// validate() of the DMS Kafka requests. The simple rules are the field tables in
// include/delivery/kafka/model.h; the rules below are those a table cannot say. Each rule names its
// source:
//   [Seed]  seed 003, "Creating a Dumping Task" (English API reference)
//   [Spec]  specs/huawei-dump-tasks.md §2, restating the Chinese API pages and the vendor SDK models
//           (GO services/kafka/v2/model/model_obs_destination_descriptor.go, model_create_connector_req.go)
//   [OBS]   OBS bucket naming: 3 to 63 lowercase letters, digits, '-' and '.'
//   [Inst]  specs/huawei-more.md §1.2: an instance runs 2 to 16 connector nodes (connector_node_num,
//           GO model_show_instance_response.go); CreateConnectorReq says "at least 2" (the table's range)
//   [Bound] bounds of our own where no document gives one (model.h, README "Input bounds")
// Values are never quoted in messages: access_key and secret_key are secrets.

#include <cstring>
#include <string>

#include "core/fields.h"
#include "core/validation.h"
#include "delivery/kafka/model.h"
#include "huawei/validation.h"

namespace delivery::kafka {

using delivery::detail::Path;

namespace {

bool is(const field::Info& info, const char* wire) { return std::strcmp(info.wire, wire) == 0; }

}  // namespace

// Rules at a field's place (Rule::checkedByHand in the table), so violations keep field order.
void checkFieldRules(const ObsDestinationDescriptor& d, const field::Info& info, const Path& path,
                     std::vector<FieldViolation>& v) {
  if (is(info, "topics_regex")) {
    // [Bound] every string is sent as JSON text: valid UTF-8 of bounded length.
    if (d.getTopicsRegex()) delivery::detail::checkText(v, Path(path, "topics_regex").str(), *d.getTopicsRegex());
    // [Seed] "Set either the topics_regex parameter or topics parameter. Do not set both of them or
    // set it to '.*'."
    const auto& topics = d.getTopics();
    const auto& regex = d.getTopicsRegex();
    const bool hasTopics = topics && !topics->empty();
    const bool hasRegex = regex && !regex->empty();
    if (hasTopics == hasRegex) v.push_back({Path(path, "topics").str(), "set exactly one of topics and topics_regex"});
    if (regex && *regex == ".*") v.push_back({Path(path, "topics_regex").str(), "must not be \".*\""});
    if (topics && *topics == ".*") v.push_back({Path(path, "topics").str(), "must not be \".*\""});
  } else if (is(info, "obs_bucket_name")) {
    // [Seed] mandatory (the table); [OBS] naming.
    if (!d.getObsBucketName().empty()) {
      huawei::detail::checkObsBucket(v, Path(path, "obs_bucket_name").str(), d.getObsBucketName());
    }
  } else if (is(info, "obs_path") && d.getObsPath()) {
    // [Spec] at most 64 of letters, digits, '_', '-' and '/' (see model.h).
    const std::string& obsPath = *d.getObsPath();
    if (obsPath.size() > 64) v.push_back({Path(path, "obs_path").str(), "must be at most 64 characters"});
    if (!huawei::detail::allOf(obsPath, "_-/")) {
      v.push_back({Path(path, "obs_path").str(), "may contain only letters, digits, '_', '-' and '/'"});
    }
  }
}

void checkFieldRules(const CreateSinkTaskRequest& r, const field::Info& info, const Path& path,
                     std::vector<FieldViolation>& v) {
  // [Seed] task_name is mandatory (the table); no pattern is documented.
  const std::string& name = r.getTaskName();
  if (is(info, "task_name") && !name.empty() &&
      (name.size() > 255 || delivery::detail::hasControl(name) || !delivery::detail::isValidUtf8(name))) {
    v.push_back({Path(path, "task_name").str(), "must be printable UTF-8 text of at most 255 bytes"});
  }
}

void checkFieldRules(const CreateConnectorRequest& r, const field::Info& info, const Path& path,
                     std::vector<FieldViolation>& v) {
  if (is(info, "spec_code") && r.getSpecCode()) {
    if (r.getSpecCode()->empty()) {
      v.push_back({Path(path, "spec_code").str(), "must not be empty"});
    } else {
      delivery::detail::checkText(v, Path(path, "spec_code").str(), *r.getSpecCode(), kMaxSpecCodeBytes);  // [Bound]
    }
  }
}

DELIVERY_DEFINE_VALIDATE(CreateSinkTaskRequest)
DELIVERY_DEFINE_VALIDATE(ListSinkTasksRequest)
DELIVERY_DEFINE_VALIDATE(ShowSinkTaskRequest)
DELIVERY_DEFINE_VALIDATE(DeleteSinkTaskRequest)
DELIVERY_DEFINE_VALIDATE(CreateConnectorRequest)
DELIVERY_DEFINE_VALIDATE(DeleteConnectorRequest)

// A descriptor checked on its own (also part of CreateSinkTaskRequest::validate()).
std::vector<FieldViolation> ObsDestinationDescriptor::validate(const std::string& path) const {
  return delivery::detail::violationsOf(*this, path);
}

}  // namespace delivery::kafka
