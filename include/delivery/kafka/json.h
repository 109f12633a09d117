#pragma once

#include "delivery/export.h"
// DMS Kafka requests (sink tasks and Smart Connect tasks) as JSON (see delivery/core/json.h): the
// service's own field names, URL parameters (connector_id, instance_id, task_id) included.
// access_key, secret_key and password are secrets.

#include <string>
#include <string_view>

#include "delivery/core/json.h"
#include "delivery/core/result.h"
#include "delivery/kafka/model.h"
#include "delivery/kafka/smart_connect.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

///@{
/// The request as JSON; secrets redacted unless options.revealSecrets.
DELIVERY_API std::string toJson(const CreateSinkTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListSinkTasksRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ShowSinkTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DeleteSinkTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const CreateConnectorRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DeleteConnectorRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const CreateConnectorTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListConnectorTasksRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ShowConnectorTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DeleteConnectorTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const PauseConnectorTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ResumeConnectorTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const RestartConnectorTaskRequest& request, const JsonWriteOptions& options = {});
///@}
///@{
/// Show and list answers as JSON (a sink task's own fields first, then its descriptor).
DELIVERY_API std::string toJson(const ShowSinkTaskResponse& response, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListSinkTasksResponse& response, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ShowConnectorTaskResponse& response, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListConnectorTasksResponse& response, const JsonWriteOptions& options = {});
///@}

/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum value by path, each message ending in " (line N)". The request is not
/// validated: call validate() for the service's rules. T is one of the requests above.
template <typename T>
DELIVERY_API Result<T> fromJson(std::string_view json, const JsonReadOptions& options = {});

///@{
/// fromJson() is built into the library for these types (and only these).
extern template Result<CreateSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ListSinkTasksRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ShowSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DeleteSinkTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<CreateConnectorRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DeleteConnectorRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<CreateConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ListConnectorTasksRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ShowConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DeleteConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<PauseConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ResumeConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<RestartConnectorTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
///@}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
