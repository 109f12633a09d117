// validate() of the DMS Kafka requests. Each rule names its source:
//   [Seed]  seed 003, "Creating a Dumping Task" (English API reference)
//   [Spec]  specs/huawei-dump-tasks.md §2, restating the Chinese API pages and the vendor SDK models
//           (GO services/kafka/v2/model/model_obs_destination_descriptor.go, model_create_connector_req.go)
//   [OBS]   OBS bucket naming: 3 to 63 lowercase letters, digits, '-' and '.'
//   [Inst]  specs/huawei-more.md §1.2: an instance runs 2 to 16 connector nodes (connector_node_num,
//           GO model_show_instance_response.go); CreateConnectorReq says "at least 2"
//   [Bound] bounds of our own where no document gives one (model.h, README "Input bounds")
// Values are never quoted in messages: access_key and secret_key are secrets.

#include <string>

#include "core/validation.h"
#include "delivery/kafka/model.h"
#include "huawei/validation.h"

namespace delivery::kafka {
namespace {

using delivery::detail::checkText;
using delivery::detail::hasControl;
using delivery::detail::kMaxKeyBytes;
using huawei::detail::allOf;

void identifier(std::vector<FieldViolation>& v, const char* field, const std::string& value) {
  if (value.empty()) {
    v.push_back({field, "is required"});
  } else if (value.size() > 64 || !allOf(value, "-_")) {
    v.push_back({field, "must be at most 64 letters, digits, '-' and '_'"});
  }
}

}  // namespace

std::vector<FieldViolation> ObsDestinationDescriptor::validate(const std::string& path) const {
  std::vector<FieldViolation> v;
  const std::string p = path + ".";
  // [Seed] "Set either the topics_regex parameter or topics parameter. Do not set both of them or
  // set it to '.*'."
  // [Bound] every string is sent as JSON text: valid UTF-8 of bounded length.
  if (topics_) checkText(v, p + "topics", *topics_);
  if (topicsRegex_) checkText(v, p + "topics_regex", *topicsRegex_);
  const bool hasTopics = topics_ && !topics_->empty();
  const bool hasRegex = topicsRegex_ && !topicsRegex_->empty();
  if (hasTopics == hasRegex) v.push_back({p + "topics", "set exactly one of topics and topics_regex"});
  if (topicsRegex_ && *topicsRegex_ == ".*") v.push_back({p + "topics_regex", "must not be \".*\""});
  if (topics_ && *topics_ == ".*") v.push_back({p + "topics", "must not be \".*\""});
  if (static_cast<int>(consumerStrategy_) < 0 || static_cast<int>(consumerStrategy_) > 1) {
    v.push_back({p + "consumer_strategy", "must be latest or earliest"});  // [Seed][Spec]
  }
  if (destinationFileType_ != DestinationFileType::TEXT) v.push_back({p + "destination_file_type", "must be TEXT"});
  // [Seed] access_key, secret_key and obs_bucket_name are mandatory.
  if (accessKey_.empty()) {
    v.push_back({p + "access_key", "is required"});
  } else {
    checkText(v, p + "access_key", accessKey_, kMaxKeyBytes);  // [Bound], as for the client's own AK
  }
  if (secretKey_.empty()) {
    v.push_back({p + "secret_key", "is required"});
  } else {
    checkText(v, p + "secret_key", secretKey_, kMaxKeyBytes);
  }
  huawei::detail::checkObsBucket(v, p + "obs_bucket_name", obsBucketName_);  // [OBS]
  // [Spec] obs_path: at most 64 of letters, digits, '_', '-' and '/' (see model.h).
  if (obsPath_) {
    if (obsPath_->size() > 64) v.push_back({p + "obs_path", "must be at most 64 characters"});
    if (!allOf(*obsPath_, "_-/")) {
      v.push_back({p + "obs_path", "may contain only letters, digits, '_', '-' and '/'"});
    }
  }
  if (partitionFormat_ && (static_cast<int>(*partitionFormat_) < 0 || static_cast<int>(*partitionFormat_) > 4)) {
    v.push_back({p + "partition_format", "is not a known PartitionFormat"});
  }
  if (recordDelimiter_ && (static_cast<int>(*recordDelimiter_) < 0 || static_cast<int>(*recordDelimiter_) > 4)) {
    v.push_back({p + "record_delimiter", "is not a known RecordDelimiter"});
  }
  // [Seed] 30 to 900 seconds.
  if (deliverTimeInterval_ < 30 || deliverTimeInterval_ > 900) {
    v.push_back({p + "deliver_time_interval", "must be between 30 and 900"});
  }
  return v;
}

Result<void> CreateSinkTaskRequest::validate() const {
  std::vector<FieldViolation> v;
  identifier(v, "connectorId", connectorId_);
  // [Seed] task_name is mandatory; no pattern is documented.
  if (taskName_.empty()) {
    v.push_back({"task_name", "is required"});
  } else if (taskName_.size() > 255 || hasControl(taskName_) || !delivery::detail::isValidUtf8(taskName_)) {
    v.push_back({"task_name", "must be printable UTF-8 text of at most 255 bytes"});
  }
  for (auto& x : descriptor_.validate()) v.push_back(std::move(x));
  return delivery::detail::toValidationResult(std::move(v), "CreateSinkTaskRequest");
}

Result<void> ListSinkTasksRequest::validate() const {
  std::vector<FieldViolation> v;
  identifier(v, "connectorId", connectorId_);
  return delivery::detail::toValidationResult(std::move(v), "ListSinkTasksRequest");
}

Result<void> ShowSinkTaskRequest::validate() const {
  std::vector<FieldViolation> v;
  identifier(v, "connectorId", connectorId_);
  identifier(v, "taskId", taskId_);
  return delivery::detail::toValidationResult(std::move(v), "ShowSinkTaskRequest");
}

Result<void> DeleteSinkTaskRequest::validate() const {
  std::vector<FieldViolation> v;
  identifier(v, "connectorId", connectorId_);
  identifier(v, "taskId", taskId_);
  return delivery::detail::toValidationResult(std::move(v), "DeleteSinkTaskRequest");
}

Result<void> CreateConnectorRequest::validate() const {
  std::vector<FieldViolation> v;
  identifier(v, "instanceId", instanceId_);
  if (nodeCnt_ && (*nodeCnt_ < kMinNodeCnt || *nodeCnt_ > kMaxNodeCnt)) {  // [Spec][Inst]
    v.push_back({"node_cnt", "must be between " + std::to_string(kMinNodeCnt) + " and " + std::to_string(kMaxNodeCnt)});
  }
  if (specCode_ && specCode_->empty()) {
    v.push_back({"spec_code", "must not be empty"});
  } else if (specCode_) {
    checkText(v, "spec_code", *specCode_, kMaxSpecCodeBytes);  // [Bound]
  }
  if (specification_ && (static_cast<int>(*specification_) < 0 || static_cast<int>(*specification_) > 3)) {
    v.push_back({"specification", "must be 100MB, 300MB, 600MB or 1200MB"});
  }
  return delivery::detail::toValidationResult(std::move(v), "CreateConnectorRequest");
}

}  // namespace delivery::kafka
