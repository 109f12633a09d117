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

/// The requests toJson() and fromJson() take, X(Type) each.
#define DELIVERY_DIS_JSON_REQUESTS(X)                                                     \
  X(CreateTransferTaskRequest) X(UpdateTransferTaskRequest) X(ListTransferTasksRequest) \
  X(ShowTransferTaskRequest) X(DeleteTransferTaskRequest) X(BatchStartTransferTaskRequest) \
  X(BatchStopTransferTaskRequest)
/// The answers toJson() takes, X(Type) each (TransferTask: one task of a list).
#define DELIVERY_DIS_JSON_RESPONSES(X) \
  X(ShowTransferTaskResponse) X(ListTransferTasksResponse) X(TransferTask)

///@{
/// The request as JSON; secrets redacted unless options.revealSecrets.
DELIVERY_JSON_WRITERS(DELIVERY_DIS_JSON_REQUESTS)
///@}
///@{
/// An answer as JSON, under the service's field names. A show answer: its own fields, the task's
/// (task_name, state...) and the description under "<type>_destination_descriptor", typed as a
/// create sends it.
DELIVERY_JSON_WRITERS(DELIVERY_DIS_JSON_RESPONSES)
///@}

///@{
/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum value by path, each message ending in " (line N)". The request is not
/// validated: call validate() for the service's rules. T is one of the requests above (the library
/// builds fromJson() for those only).
DELIVERY_JSON_READERS(DELIVERY_DIS_JSON_REQUESTS)
///@}

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
