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

#include <string>

#include "core/fields.h"
#include "core/validation.h"
#include "delivery/kafka/model.h"
#include "huawei/validation.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

using delivery::detail::Path;

// Single fields whose shape a table rule cannot say (Rule::checkedBy); they run at the field's
// place, for present values.
namespace detail {

void taskName(const std::string& name, const Path& path, std::vector<FieldViolation>& v) {
  // [Seed] task_name is mandatory (the table); no pattern is documented.
  if (name.size() > 255 || delivery::detail::hasControl(name) || !delivery::detail::isValidUtf8(name)) {
    v.push_back({path.str(), "must be printable UTF-8 text of at most 255 bytes"});
  }
}

void obsBucketName(const std::string& bucket, const Path& path, std::vector<FieldViolation>& v) {
  huawei::detail::checkObsBucket(v, path, bucket);  // [OBS] naming
}

void obsPath(const std::string& obsPath, const Path& path, std::vector<FieldViolation>& v) {
  // [Spec] at most 64 of letters, digits, '_', '-' and '/' (see model.h); both problems at once.
  if (obsPath.size() > 64) v.push_back({path.str(), "must be at most 64 characters"});
  if (!huawei::detail::allOf(obsPath, "_-/")) {
    v.push_back({path.str(), "may contain only letters, digits, '_', '-' and '/'"});
  }
}

}  // namespace detail

// Rules across fields, after the fields' own.
void checkCrossRules(const ObsDestinationDescriptor& d, const Path& path, std::vector<FieldViolation>& v) {
  // [Seed] "Set either the topics_regex parameter or topics parameter. Do not set both of them or
  // set it to '.*'."
  const auto& topics = d.getTopics();
  const auto& regex = d.getTopicsRegex();
  const bool hasTopics = topics && !topics->empty();
  const bool hasRegex = regex && !regex->empty();
  if (hasTopics == hasRegex) v.push_back({Path(path, "topics").str(), "set exactly one of topics and topics_regex"});
  if (regex && *regex == ".*") v.push_back({Path(path, "topics_regex").str(), "must not be \".*\""});
  if (topics && *topics == ".*") v.push_back({Path(path, "topics").str(), "must not be \".*\""});
}

void checkCrossRules(const CreateConnectorRequest& r, const Path& path, std::vector<FieldViolation>& v) {
  // An empty spec_code would be sent as "spec_code":"": set it to a code or leave it unset.
  if (r.getSpecCode() && r.getSpecCode()->empty()) v.push_back({Path(path, "spec_code").str(), "must not be empty"});
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

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
