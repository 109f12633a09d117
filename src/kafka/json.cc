// DMS Kafka requests as JSON (delivery/kafka/json.h): the generic table walk (core/model_json.h);
// every Kafka request is its table, nothing more.
#include "delivery/kafka/json.h"

#include "core/model_json.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

namespace {
// A show answer's own table holds only the descriptor and the topics: the task's fields (its base
// SinkTask) come first.
struct Policy : delivery::detail::PlainJsonPolicy {
  template <class W, class T>
  static void writeExtra(W& w, const T& message, const JsonWriteOptions& options) {
    if constexpr (std::is_same_v<T, ShowSinkTaskResponse>) {
      delivery::detail::writeModelMembers<Policy>(w, static_cast<const SinkTask&>(message), options);
    }
    (void)w, (void)message, (void)options;
  }
};
}  // namespace

std::string toJson(const CreateSinkTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ListSinkTasksRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ShowSinkTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const DeleteSinkTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const CreateConnectorRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const DeleteConnectorRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const CreateConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ListConnectorTasksRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ShowConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const DeleteConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const PauseConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ResumeConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const RestartConnectorTaskRequest& r, const JsonWriteOptions& o) { return delivery::detail::modelToJson<Policy>(r, o); }
std::string toJson(const ShowSinkTaskResponse& r, const JsonWriteOptions& o) {
  return delivery::detail::modelToJson<Policy>(r, o);
}
std::string toJson(const ListSinkTasksResponse& r, const JsonWriteOptions& o) {
  return delivery::detail::modelToJson<Policy>(r, o);
}
std::string toJson(const ShowConnectorTaskResponse& r, const JsonWriteOptions& o) {
  return delivery::detail::modelToJson<Policy>(static_cast<const SmartConnectTaskEntity&>(r), o);
}
std::string toJson(const ListConnectorTasksResponse& r, const JsonWriteOptions& o) {
  return delivery::detail::modelToJson<Policy>(r, o);
}

template <typename T>
Result<T> fromJson(std::string_view json, const JsonReadOptions& options) {
  return delivery::detail::modelFromJson<Policy, T>(json, options, "a Kafka request");
}

template Result<CreateSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<ListSinkTasksRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<ShowSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<DeleteSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<CreateConnectorRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<DeleteConnectorRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<CreateConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<ListConnectorTasksRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<ShowConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<DeleteConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<PauseConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<ResumeConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
template Result<RestartConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
