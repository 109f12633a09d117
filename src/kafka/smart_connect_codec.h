#pragma once
// DMS Kafka Smart Connect JSON bodies (internal): compact, in each field table's order (the Go v3
// model's order), unset optionals omitted.

#include <string>
#include <string_view>

#include "delivery/kafka/smart_connect.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {

std::string encodeCreateConnectorTask(const CreateConnectorTaskRequest& request, bool redactSecrets = false);

Result<CreateConnectorTaskResponse> decodeCreateConnectorTaskResponse(std::string_view body);
Result<ShowConnectorTaskResponse> decodeShowConnectorTaskResponse(std::string_view body);
Result<ListConnectorTasksResponse> decodeListConnectorTasksResponse(std::string_view body);

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail
