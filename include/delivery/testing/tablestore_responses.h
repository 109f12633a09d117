#pragma once

#include "delivery/export.h"
// Ready-made Tablestore responses for MockTransport, signed like the service signs them so that
// DeliveryClient's response checks pass (or deliberately fail, if you alter them).
//
//   mock->enqueueResponse(delivery::testing::tablestore::describeOk(creds, config, DeliveryTaskType::BASE_INC, stat));

#include <string>
#include <string_view>
#include <vector>

#include "delivery/core/credentials.h"
#include "delivery/core/http.h"
#include "delivery/tablestore/model.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::tablestore {

namespace ts = delivery::tablestore;

/// The request id the canned responses carry unless given another.
inline constexpr const char* kMockRequestId = "00000000-mock-0000-0000-000000000000";

/// A 200 response with the given protobuf body, carrying x-ots-requestid, x-ots-date,
/// x-ots-contentmd5, x-ots-contenttype and an `authorization` signed with the credentials' secret
/// for `action` (e.g. "CreateDeliveryTask").
DELIVERY_API HttpResponse signedResponse(std::string_view action, const Credentials& credentials, int status, std::string body,
                            std::string requestId = kMockRequestId);

/// The same for a client that signs with SignatureVersion::V4: the `authorization` is keyed, as the
/// service keys it, with the derived V4 key of `region` and of the UTC day `day` ("yyyyMMdd") on
/// which the client signed the request (the day of the client's clock).
DELIVERY_API HttpResponse signedResponseV4(std::string_view action, const Credentials& credentials, std::string_view region,
                              std::string_view day, int status, std::string body,
                              std::string requestId = kMockRequestId);

/// The empty 200 answer of CreateDeliveryTask, DeleteDeliveryTask and UpdateDeliveryTask.
DELIVERY_API HttpResponse emptyOk(std::string_view action, const Credentials& credentials, std::string requestId = kMockRequestId);

/// The signed 200 answer of ListDeliveryTask listing `tasks`.
DELIVERY_API HttpResponse listOk(const Credentials& credentials, const std::vector<ts::DeliveryTaskInfo>& tasks,
                    std::string requestId = kMockRequestId);

/// The signed 200 answer of DescribeDeliveryTask with this configuration, type and sync state.
DELIVERY_API HttpResponse describeOk(const Credentials& credentials, const ts::OSSTaskConfig& config, ts::DeliveryTaskType type,
                        const ts::TaskSyncStat& stat, std::string requestId = kMockRequestId);

/// An error response with a protobuf Error body, e.g. (409, "OTSObjectAlreadyExist", "...").
DELIVERY_API HttpResponse errorResponse(int status, std::string code, std::string message, std::string requestId = kMockRequestId);

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::tablestore
