#pragma once
// DIS JSON bodies (internal): compact, in the documented field order, unset optionals omitted.
// Decoders read what the service (or a client, for the emulator) sends and name bad fields.

#include <string>
#include <string_view>
#include <vector>

#include "delivery/dis/model.h"

namespace delivery::dis::detail {

struct EncodeOptions {
  bool retryDurationAsString = false;  ///< see model.h
  bool redactSecrets = false;          ///< user_password -> "<redacted>" (toString())
};

/// The JSON member that carries a descriptor: "obs_destination_descriptor", ...
const char* descriptorKey(const DestinationDescriptor& descriptor);

std::string encodeTaskBody(const std::optional<DestinationDescriptor>& descriptor, const EncodeOptions& options = {});
inline std::string encodeCreate(const CreateTransferTaskRequest& request, const EncodeOptions& options = {}) {
  return encodeTaskBody(request.getDescriptor(), options);
}
inline std::string encodeCreate(const UpdateTransferTaskRequest& request, const EncodeOptions& options = {}) {
  return encodeTaskBody(request.getDescriptor(), options);
}
/// {"action":"start"|"stop","tasks":[{"id":...}]}
std::string encodeBatch(std::string_view action, const std::vector<std::string>& taskIds);

/// The body of a create/update request. Problems (wrong types, unknown destination, missing
/// descriptor) go to `problems` with JSON field paths; the result holds what could be read.
CreateTransferTaskRequest decodeCreate(std::string_view body, std::vector<FieldViolation>& problems);
/// A batch body: the action and the ids.
bool decodeBatch(std::string_view body, std::string& action, std::vector<std::string>& taskIds,
                 std::vector<FieldViolation>& problems);

// Responses.
Result<ListTransferTasksResponse> decodeList(std::string_view body);
Result<ShowTransferTaskResponse> decodeShow(std::string_view body);
std::string encodeList(const ListTransferTasksResponse& response);
std::string encodeShow(const ShowTransferTaskResponse& response);

/// Parses a wire state ("RUNNING"...); Unknown otherwise.
TransferTaskState parseState(std::string_view text);

}  // namespace delivery::dis::detail
