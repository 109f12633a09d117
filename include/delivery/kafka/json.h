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

/// The requests toJson() and fromJson() take, X(Type) each: sink tasks, connectors, Smart Connect tasks.
#define DELIVERY_KAFKA_JSON_REQUESTS(X)                                                                  \
  X(CreateSinkTaskRequest) X(ListSinkTasksRequest) X(ShowSinkTaskRequest) X(DeleteSinkTaskRequest)      \
  X(CreateConnectorRequest) X(DeleteConnectorRequest)                                                   \
  X(CreateConnectorTaskRequest) X(ListConnectorTasksRequest) X(ShowConnectorTaskRequest)                \
  X(DeleteConnectorTaskRequest) X(PauseConnectorTaskRequest) X(ResumeConnectorTaskRequest)              \
  X(RestartConnectorTaskRequest)
/// The answers toJson() takes, X(Type) each (SmartConnectTaskEntity: one task of a list).
#define DELIVERY_KAFKA_JSON_RESPONSES(X)                                                                \
  X(ShowSinkTaskResponse) X(ListSinkTasksResponse) X(ShowConnectorTaskResponse) X(ListConnectorTasksResponse) \
  X(SmartConnectTaskEntity)

///@{
/// The request as JSON; secrets redacted unless options.revealSecrets.
DELIVERY_JSON_WRITERS(DELIVERY_KAFKA_JSON_REQUESTS)
///@}
///@{
/// Show and list answers, and one Smart Connect task of a list, as JSON (a sink task's own fields
/// first, then its descriptor).
DELIVERY_JSON_WRITERS(DELIVERY_KAFKA_JSON_RESPONSES)
///@}

///@{
/// Reads a request written as toJson() writes it. InvalidArgument names every unknown key, wrong
/// type and unknown enum value by path, each message ending in " (line N)". The request is not
/// validated: call validate() for the service's rules. T is one of the requests above (the library
/// builds fromJson() for those only).
DELIVERY_JSON_READERS(DELIVERY_KAFKA_JSON_REQUESTS)
///@}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
