#pragma once
// Model <-> protobuf conversion for the delivery messages (internal). Encoders assume a request
// that passed validate(); decoders never trust their input.

#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/result.h"
#include "delivery/tablestore/model.h"

DELIVERY_NAMESPACE_BEGIN namespace tablestore::detail {

// Requests, as the Java SDK sends them (fields in number order; see the comments in codec.cc).
std::string encode(const CreateDeliveryTaskRequest& request);
std::string encode(const UpdateDeliveryTaskRequest& request);
std::string encode(const DescribeDeliveryTaskRequest& request);
std::string encode(const DeleteDeliveryTaskRequest& request);
std::string encode(const ListDeliveryTaskRequest& request);
/// The same into `out`, replacing its content and reusing its capacity.
void encodeInto(const CreateDeliveryTaskRequest& request, std::string& out);
void encodeInto(const UpdateDeliveryTaskRequest& request, std::string& out);
void encodeInto(const DescribeDeliveryTaskRequest& request, std::string& out);
void encodeInto(const DeleteDeliveryTaskRequest& request, std::string& out);
void encodeInto(const ListDeliveryTaskRequest& request, std::string& out);

// Responses (the SDK only reads them; the emulator, under tools/, writes its own).
/// Success bodies of Create/Delete/Update must be valid (empty) messages.
Result<void> decodeEmptyResponse(std::string_view body);
Result<ListDeliveryTaskResponse> decodeListResponse(std::string_view body);
Result<DescribeDeliveryTaskResponse> decodeDescribeResponse(std::string_view body);

// The Error message of failed responses.
/// False when `body` is not a valid Error message.
bool decodeError(std::string_view body, std::string& code, std::string& message);

}  DELIVERY_NAMESPACE_END  // namespace delivery::tablestore::detail
