// validate() of the Smart Connect requests. The simple rules are the field tables in
// include/delivery/kafka/smart_connect.h; the rules below are those a table cannot say. Sources:
//   [Ref]  OTC DMS API reference "Creating a Smart Connect Task" (CreateConnectorTask), tables 2-4:
//          the sink fields are "mandatory only when the target type is OBS", the source fields
//          "mandatory only when the source type is Kafka"; "instance_id and bootstrap_servers:
//          only one of them"; user_name / password "when the peer uses SASL_SSL"; rename topic and
//          topic mapping "cannot both be set" (Go v3 model_smart_connect_task_req_source_config.go
//          says the same in its comments). Restated in huawei-more.md §1.4-§1.6.
//   [TF]   Terraform huaweicloud_dms_kafkav2_smart_connect_task: exactly one of topics and
//          topics_regex for an OBS dump (huawei-more.md §1.4).
//   [UMN]  the console's task name rule: 4 to 64 letters, digits, '-' and '_' (huawei-more.md §1.4).
// Values are never quoted in messages: access_key, secret_key and password are secrets.

#include <string>

#include "core/fields.h"
#include "core/validation.h"
#include "delivery/kafka/smart_connect.h"
#include "huawei/validation.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

using delivery::detail::Path;

namespace detail {

void smartConnectTaskName(const std::string& name, const Path& path, std::vector<FieldViolation>& v) {
  // [UMN]
  if (name.size() < 4 || name.size() > 64 || !huawei::detail::allOf(name, "-_")) {
    v.push_back({path.str(), "must be 4 to 64 letters, digits, '-' and '_'"});
  }
}

}  // namespace detail

namespace {
bool present(const std::optional<std::string>& s) { return s && !s->empty(); }
}  // namespace

void checkCrossRules(const SmartConnectTaskReqSourceConfig& s, const Path& path, std::vector<FieldViolation>& v) {
  // Set to "" these would be sent as "": [Ref] instance_id and bootstrap_servers "only one of them"
  // (an empty one goes out beside the other), bootstrap_servers a list of host:port, topics_mapping
  // a list of src:dst pairs. Set a value or leave the field unset.
  if (s.getInstanceId() && s.getInstanceId()->empty()) v.push_back({Path(path, "instance_id").str(), "must not be empty"});
  if (s.getBootstrapServers() && s.getBootstrapServers()->empty()) {
    v.push_back({Path(path, "bootstrap_servers").str(), "must not be empty"});
  }
  if (s.getTopicsMapping() && s.getTopicsMapping()->empty()) {
    v.push_back({Path(path, "topics_mapping").str(), "must not be empty"});
  }
  // [Ref] exactly one way to find the peer instance.
  if (present(s.getInstanceId()) == present(s.getBootstrapServers())) {
    v.push_back({Path(path, "instance_id").str(), "set exactly one of instance_id and bootstrap_servers"});
  }
  // [Ref] SASL_SSL needs the peer's user.
  if (s.getSecurityProtocol() == SecurityProtocol::SASL_SSL) {
    if (!present(s.getUserName())) v.push_back({Path(path, "user_name").str(), "is required with security_protocol SASL_SSL"});
    if (!present(s.getPassword())) v.push_back({Path(path, "password").str(), "is required with security_protocol SASL_SSL"});
  }
  // [Ref] renaming and an explicit mapping exclude each other.
  if (s.getRenameTopicEnabled().value_or(false) && present(s.getTopicsMapping())) {
    v.push_back({Path(path, "topics_mapping").str(), "must not be set when rename_topic_enabled is true"});
  }
}

void checkCrossRules(const CreateConnectorTaskRequest& r, const Path& path, std::vector<FieldViolation>& v) {
  const bool obs = r.getSinkType() == SmartConnectSinkType::OBS_SINK;
  const bool replicator = r.getSourceType() == SmartConnectSourceType::KAFKA_REPLICATOR_SOURCE;
  // [Ref] each type goes with its configuration, and a configuration with its type.
  if (obs && !r.getSinkTask()) v.push_back({Path(path, "sink_task").str(), "is required with sink_type OBS_SINK"});
  if (!obs && r.getSinkTask()) v.push_back({Path(path, "sink_type").str(), "must be OBS_SINK when sink_task is set"});
  if (replicator && !r.getSourceTask()) {
    v.push_back({Path(path, "source_task").str(), "is required with source_type KAFKA_REPLICATOR_SOURCE"});
  }
  if (!replicator && r.getSourceTask()) {
    v.push_back({Path(path, "source_type").str(), "must be KAFKA_REPLICATOR_SOURCE when source_task is set"});
  }
  if (!obs && !replicator) {
    v.push_back({Path(path, "sink_type").str(), "set sink_type OBS_SINK or source_type KAFKA_REPLICATOR_SOURCE"});
  }
  // [TF] an OBS dump names its topics one way; a replicator may name none (the reference's example).
  const bool topics = present(r.getTopics());
  const bool regex = present(r.getTopicsRegex());
  if (obs && topics == regex) v.push_back({Path(path, "topics").str(), "set exactly one of topics and topics_regex"});
  if (!obs && topics && regex) v.push_back({Path(path, "topics").str(), "set at most one of topics and topics_regex"});
  // An empty string would be sent as "": set a value or leave it unset. A task name's rule [UMN]
  // does not run on an empty value (Rule::checkedBy checks present ones), so it runs here.
  if (r.getTaskName() && r.getTaskName()->empty()) detail::smartConnectTaskName({}, Path(path, "task_name"), v);
  if (r.getTopics() && r.getTopics()->empty()) v.push_back({Path(path, "topics").str(), "must not be empty"});
  if (r.getTopicsRegex() && r.getTopicsRegex()->empty()) v.push_back({Path(path, "topics_regex").str(), "must not be empty"});
}

DELIVERY_DEFINE_VALIDATE(CreateConnectorTaskRequest)
DELIVERY_DEFINE_VALIDATE(ListConnectorTasksRequest)
DELIVERY_DEFINE_VALIDATE(ShowConnectorTaskRequest)
DELIVERY_DEFINE_VALIDATE(DeleteConnectorTaskRequest)
DELIVERY_DEFINE_VALIDATE(PauseConnectorTaskRequest)
DELIVERY_DEFINE_VALIDATE(ResumeConnectorTaskRequest)
DELIVERY_DEFINE_VALIDATE(RestartConnectorTaskRequest)

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
