#pragma once
// DIS JSON bodies (internal): compact, in table order (the documented field order), unset optionals
// omitted. The descriptors' tables drive the writer and the reader; what is written here by hand is
// what a table cannot say: the descriptor variant and its "<type>_destination_descriptor" key, the
// lenient show description and its misspelled keys, carbon_properties (a map), the partition
// fields' other names, and the batch body. Decoders name bad fields by their wire paths.

#include <string>
#include <string_view>
#include <vector>

#include "delivery/dis/model.h"
#include "huawei/json.h"

DELIVERY_NAMESPACE_BEGIN namespace dis::detail {

struct EncodeOptions {
  bool retryDurationAsString = false;  ///< see model.h
  bool redactSecrets = false;          ///< user_password -> "<redacted>" (toString())
};

/// The JSON member that carries a descriptor: "obs_destination_descriptor", ...
const char* descriptorKey(const DestinationDescriptor& descriptor);
/// The descriptor as a JSON object.
void writeDescriptor(huawei::detail::JsonWriter& w, const DestinationDescriptor& descriptor, const EncodeOptions& options);

std::string encodeTaskBody(const std::optional<DestinationDescriptor>& descriptor, const EncodeOptions& options = {});
/// The same into `out` (a request's body, whose capacity is reused).
void encodeTaskBodyInto(const std::optional<DestinationDescriptor>& descriptor, const EncodeOptions& options,
                        std::string& out);
inline std::string encodeCreate(const CreateTransferTaskRequest& request, const EncodeOptions& options = {}) {
  return encodeTaskBody(request.getDescriptor(), options);
}
inline std::string encodeCreate(const UpdateTransferTaskRequest& request, const EncodeOptions& options = {}) {
  return encodeTaskBody(request.getDescriptor(), options);
}
/// {"action":"start"|"stop","tasks":[{"id":...}]}
std::string encodeBatch(std::string_view action, const std::vector<std::string>& taskIds);
void encodeBatchInto(std::string_view action, const std::vector<std::string>& taskIds, std::string& out);

// Responses.
Result<ListTransferTasksResponse> decodeList(std::string_view body);
Result<ShowTransferTaskResponse> decodeShow(std::string_view body);

/// Parses a wire state ("RUNNING"...); UNKNOWN otherwise.
inline TransferTaskState parseState(std::string_view text) {
  return enumFromText<TransferTaskState>(text).value_or(TransferTaskState::UNKNOWN);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis::detail
