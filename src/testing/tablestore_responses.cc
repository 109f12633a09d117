#include "delivery/testing/tablestore_responses.h"

#include "core/crypto.h"
#include "core/text.h"
#include "tablestore/codec.h"
#include "tablestore/signer.h"

namespace delivery::testing::tablestore {

HttpResponse signedResponse(std::string_view action, const Credentials& credentials, int status, std::string body,
                            std::string requestId) {
  HttpResponse r;
  r.status = status;
  r.headers.add("x-ots-contentmd5", delivery::detail::base64Encode(delivery::detail::md5(body)));
  r.headers.add("x-ots-contenttype", "protocol buffer");
  r.headers.add("x-ots-date", delivery::detail::formatIso8601Millis(std::chrono::system_clock::now()));
  r.headers.add("x-ots-requestid", std::move(requestId));
  r.headers.add("authorization", ts::detail::responseAuthorization(action, r.headers, credentials));
  r.body = std::move(body);
  return r;
}

HttpResponse signedResponseV4(std::string_view action, const Credentials& credentials, std::string_view region,
                              std::string_view day, int status, std::string body, std::string requestId) {
  HttpResponse r = signedResponse(action, credentials, status, std::move(body), std::move(requestId));
  r.headers.remove("authorization");
  const std::string key = ts::detail::v4SigningKey(credentials.accessKeySecret, day, region);
  r.headers.add("authorization", "OTS " + credentials.accessKeyId + ":" +
                                     ts::detail::signV2(key, ts::detail::responseCanonicalString(action, r.headers)));
  return r;
}

HttpResponse emptyOk(std::string_view action, const Credentials& credentials, std::string requestId) {
  return signedResponse(action, credentials, 200, std::string(), std::move(requestId));
}

HttpResponse listOk(const Credentials& credentials, const std::vector<ts::DeliveryTaskInfo>& tasks,
                    std::string requestId) {
  return signedResponse("ListDeliveryTask", credentials, 200, ts::detail::encodeListResponse(tasks),
                        std::move(requestId));
}

HttpResponse describeOk(const Credentials& credentials, const ts::OSSTaskConfig& config, ts::DeliveryTaskType type,
                        const ts::TaskSyncStat& stat, std::string requestId) {
  return signedResponse("DescribeDeliveryTask", credentials, 200,
                        ts::detail::encodeDescribeResponse(config, type, stat), std::move(requestId));
}

HttpResponse errorResponse(int status, std::string code, std::string message, std::string requestId) {
  HttpResponse r;
  r.status = status;
  r.body = ts::detail::encodeError(code, message);
  r.headers.add("x-ots-contentmd5", delivery::detail::base64Encode(delivery::detail::md5(r.body)));
  r.headers.add("x-ots-contenttype", "protocol buffer");
  r.headers.add("x-ots-requestid", std::move(requestId));
  return r;
}

}  // namespace delivery::testing::tablestore
