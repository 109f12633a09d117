#pragma once
// DMS Kafka sink-task JSON bodies (internal): compact, in each field table's order (the documented
// order), unset optionals omitted.

#include <string>
#include <string_view>
#include <vector>

#include "delivery/kafka/model.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka::detail {

std::string encodeCreate(const CreateSinkTaskRequest& request, bool redactSecrets = false);
/// The same into `out` (a request's body, whose capacity is reused).
void encodeCreateInto(const CreateSinkTaskRequest& request, std::string& out);
std::string encodeCreateConnector(const CreateConnectorRequest& request);

Result<CreateSinkTaskResponse> decodeCreateSinkTaskResponse(std::string_view body);
Result<ListSinkTasksResponse> decodeList(std::string_view body);
Result<ShowSinkTaskResponse> decodeShow(std::string_view body);
Result<CreateConnectorResponse> decodeCreateConnectorResponse(std::string_view body);
Result<DeleteConnectorResponse> decodeDeleteConnectorResponse(std::string_view body);

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka::detail
