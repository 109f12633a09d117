#pragma once

#include "delivery/export.h"
// DIS requests as JSON (see delivery/core/json.h): the service's own field names, URL parameters
// included. A create or update is
//   {"stream_name": "...", "destination_type": "OBS", "obs_destination_descriptor": {...}}
// with the descriptor under "<type>_destination_descriptor" as the service takes it; user_password
// is a secret.

#include <string>
#include <string_view>

#include "delivery/core/json.h"
#include "delivery/core/result.h"
#include "delivery/dis/model.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

///@{
/// The request as JSON; secrets redacted unless options.revealSecrets.
DELIVERY_API std::string toJson(const CreateTransferTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const UpdateTransferTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListTransferTasksRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ShowTransferTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const DeleteTransferTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const BatchStartTransferTaskRequest& request, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const BatchStopTransferTaskRequest& request, const JsonWriteOptions& options = {});
///@}
///@{
/// A show answer as JSON: its own fields, the task's (task_name, state...) and the description
/// under "<type>_destination_descriptor", typed as a create sends it.
DELIVERY_API std::string toJson(const ShowTransferTaskResponse& response, const JsonWriteOptions& options = {});
DELIVERY_API std::string toJson(const ListTransferTasksResponse& response, const JsonWriteOptions& options = {});
///@}

/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum value by path, each message ending in " (line N)". The request is not
/// validated: call validate() for the service's rules. T is one of the requests above.
template <typename T>
DELIVERY_API Result<T> fromJson(std::string_view json, const JsonReadOptions& options = {});

///@{
/// fromJson() is built into the library for these types (and only these).
extern template Result<CreateTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<UpdateTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ListTransferTasksRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<ShowTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<DeleteTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<BatchStartTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
extern template Result<BatchStopTransferTaskRequest> fromJson(std::string_view, const JsonReadOptions&);
///@}

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
