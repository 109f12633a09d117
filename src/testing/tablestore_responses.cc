// Canned Tablestore answers, written with the emulator's protobuf tables and response signing
// (tools/emulator/tablestore/), which come from the vendor schema and share nothing with the SDK's
// codec or signer: a test that feeds them to DeliveryClient checks the SDK's decoders against an
// independent encoder. SDK values are carried over by field and enum name.

#include "delivery/testing/tablestore_responses.h"

#include <stdexcept>

#include "core/crypto.h"
#include "core/text.h"
#include "emulator/tablestore/responses.h"
#include "emulator/tablestore/signing.h"
#include "emulator/tablestore/wire.h"

DELIVERY_NAMESPACE_BEGIN namespace testing::tablestore {
namespace {

namespace ots = delivery::emulator::ots;

// The wire number of an SDK enum value, found by its name in the emulator's table. UNKNOWN (a
// number the SDK does not know, e.g. one a test wants a response to carry) goes out as `raw`.
template <typename E>
std::int64_t numberOf(const ots::EnumType& type, E value, std::int64_t raw) {
  if (value == E::UNKNOWN) return raw;
  const ots::EnumValue* v = type.byName(toString(value));
  if (v == nullptr) throw std::invalid_argument(std::string("no ") + std::string(type.name) + " named " + toString(value));
  return v->number;
}

ots::Message toWire(const ts::OSSTaskConfig& c) {
  ots::Message m(ots::kOSSTaskConfig);
  m.setString("ossPrefix", c.getOssPrefix());
  if (const auto& formatter = c.getTimeFormatter()) {
    m.setNumber("formatter", numberOf(ots::kTimeFormatter, *formatter, *c.getTimeFormatterNumber()));
  }
  if (const auto& dirty = c.getOssDirtyPrefix()) m.setString("ossDirtyPrefix", *dirty);
  m.setString("ossBucket", c.getOssBucket());
  m.setString("ossEndpoint", c.getOssEndpoint());
  m.setString("ossStsRole", c.getOssStsRole());
  if (const auto& e = c.getEventTimeColumn()) {
    ots::Message column(ots::kEventColumn);
    column.setString("columnName", e->getColumnName());
    column.setNumber("timeFormat", numberOf(ots::kEventTimeFormat, e->getEventTimeFormat(), e->getEventTimeFormatNumber()));
    m.addMessage("eventTimeColumn", std::move(column));
  }
  m.setNumber("format", numberOf(ots::kFormat, c.getFormat(), c.getFormatNumber()));
  for (const auto& s : c.getParquetSchemaList()) {
    ots::Message column(ots::kParquetSchema);
    column.setString("columnName", s.getColumnName());
    column.setString("ossColumnName", s.getOssColumnName());
    column.setNumber("type", numberOf(ots::kDataType, s.getType(), s.getTypeNumber()));
    column.setNumber("encode", numberOf(ots::kEncoding, s.getEncode(), s.getEncodeNumber()));
    if (s.getTypeExtend()) column.setString("typeExtend", *s.getTypeExtend());
    m.addMessage("schema", std::move(column));
  }
  return m;
}

// The x-ots-* headers every answer carries, and the body.
HttpResponse answer(int status, std::string body, std::string requestId) {
  HttpResponse r;
  r.status = status;
  r.headers.add("x-ots-contentmd5", delivery::detail::base64Encode(delivery::detail::md5(body)));
  r.headers.add("x-ots-contenttype", "protocol buffer");
  r.headers.add("x-ots-date", delivery::detail::formatIso8601Millis(std::chrono::system_clock::now()));
  r.headers.add("x-ots-requestid", std::move(requestId));
  r.body = std::move(body);
  return r;
}

}  // namespace

HttpResponse signedResponse(std::string_view action, const Credentials& credentials, int status, std::string body,
                            std::string requestId) {
  HttpResponse r = answer(status, std::move(body), std::move(requestId));
  r.headers.add("authorization",
                ots::responseAuthorization(credentials.accessKeyId, credentials.accessKeySecret, action, r.headers));
  return r;
}

HttpResponse signedResponseV4(std::string_view action, const Credentials& credentials, std::string_view region,
                              std::string_view day, int status, std::string body, std::string requestId) {
  HttpResponse r = answer(status, std::move(body), std::move(requestId));
  const std::string key = ots::v4SigningKey(credentials.accessKeySecret, day, region);
  r.headers.add("authorization", ots::responseAuthorization(credentials.accessKeyId, key, action, r.headers));
  return r;
}

HttpResponse emptyOk(std::string_view action, const Credentials& credentials, std::string requestId) {
  return signedResponse(action, credentials, 200, ots::encodeEmptyResponse(), std::move(requestId));
}

HttpResponse listOk(const Credentials& credentials, const std::vector<ts::DeliveryTaskInfo>& tasks,
                    std::string requestId) {
  std::vector<ots::TaskInfo> infos;
  for (const auto& t : tasks) {
    infos.push_back(ots::TaskInfo{t.getTableName(), t.getTaskName(), numberOf(ots::kDeliveryTaskType, t.getTaskType(), t.getTaskTypeNumber())});
  }
  return signedResponse("ListDeliveryTask", credentials, 200, ots::encodeListResponse(infos), std::move(requestId));
}

HttpResponse describeOk(const Credentials& credentials, const ts::OSSTaskConfig& config, ts::DeliveryTaskType type,
                        const ts::TaskSyncStat& stat, std::string requestId) {
  const ots::SyncStat wireStat{numberOf(ots::kTaskSyncPhase, stat.getTaskSyncPhase(), stat.getTaskSyncPhaseNumber()),
                               stat.getCurrentSyncTimestampNanos(),
                               numberOf(ots::kErrorType, stat.getErrorType(), stat.getErrorTypeNumber()),
                               stat.getDetail()};
  return signedResponse("DescribeDeliveryTask", credentials, 200,
                        ots::encodeDescribeResponse(toWire(config), numberOf(ots::kDeliveryTaskType, type, -1), wireStat),
                        std::move(requestId));
}

HttpResponse errorResponse(int status, std::string code, std::string message, std::string requestId) {
  HttpResponse r;
  r.status = status;
  r.body = ots::encodeError(code, message);
  r.headers.add("x-ots-contentmd5", delivery::detail::base64Encode(delivery::detail::md5(r.body)));
  r.headers.add("x-ots-contenttype", "protocol buffer");
  r.headers.add("x-ots-requestid", std::move(requestId));
  return r;
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing::tablestore
