// Fuzzes what a DeliveryClient does with a Tablestore response: status, headers and body come from
// the input and reach the client through MockTransport, for each of the five operations, with
// retries off. Flags in byte 1 make the harness fill in a correct x-ots-contentmd5 (bit 0) and a
// correct `authorization` over the fuzzed x-ots-* headers (bit 1), so that the integrity checks
// pass and the protobuf decoders see the body.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/crypto.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "fuzz/fuzz_input.h"
#include "support/samples.h"
#include "emulator/tablestore/signing.h"

using namespace delivery;
using namespace delivery::tablestore;

namespace {

const Credentials kCredentials("fuzz-access-key-id", "fuzz-access-key-secret");

volatile std::size_t fuzzSink = 0;

constexpr const char* kActions[] = {"CreateDeliveryTask", "DescribeDeliveryTask", "ListDeliveryTask",
                                    "DeleteDeliveryTask", "UpdateDeliveryTask"};

// Reads every field of a result, so that nothing decoded goes unused.
template <typename R>
std::size_t consume(const Result<R>& r) {
  if (!r) return r.error().toString().size() + r.error().requestId.size();
  return r->getRequestId().size() + r->getTraceId().size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzedResponse in;
  if (!fuzz::parseResponse(data, size, in)) return 0;
  const unsigned op = in.operation % 5;
  HttpResponse& response = in.response;
  if (in.flags & 1u) {
    response.headers.set("x-ots-contentmd5", delivery::detail::base64Encode(delivery::detail::md5(response.body)));
  }
  if (in.flags & 2u) {
    // Signed as the service signs (the emulator's code, not the SDK's).
    response.headers.set("authorization", emulator::ots::responseAuthorization(kCredentials.accessKeyId, kCredentials.accessKeySecret,
                                                                               kActions[op], response.headers));
  }

  auto transport = std::make_shared<testing::MockTransport>();
  transport->enqueueResponse(std::move(response));
  DeliveryClientConfig config;
  config.transport = transport;
  config.retry = RetryPolicy::noRetry();
  auto client = DeliveryClient::create("https://fuzz.cn-hangzhou.ots.aliyuncs.com", "fuzz", kCredentials, config);
  if (!client) __builtin_trap();

  std::size_t sink = 0;
  switch (op) {
    case 0:
      sink += consume(client->createDeliveryTask(test::javaSampleCreate()));
      break;
    case 1: {
      auto r = client->describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask"));
      sink += consume(r);
      if (r) {
        sink += r->getTaskConfig().getOssPrefix().size() + r->getTaskConfig().getParquetSchemaList().size();
        sink += r->getTaskSyncStat().getDetail().size();
      }
      break;
    }
    case 2: {
      auto r = client->listDeliveryTask(ListDeliveryTaskRequest("sampleTable"));
      sink += consume(r);
      if (r) {
        for (const auto& t : r->getTaskInfos()) sink += t.getTableName().size() + t.getTaskName().size();
      }
      break;
    }
    case 3:
      sink += consume(client->deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask")));
      break;
    default:
      sink += consume(client->updateDeliveryTask(
          UpdateDeliveryTaskRequest("sampleTable", "sampledeliverytask", test::javaSampleConfig())));
      break;
  }
  // Exactly one request per call: the client must not retry with retries off.
  if (transport->requestCount() != 1 || transport->pendingCount() != 0) __builtin_trap();
  fuzzSink = sink;
  return 0;
}
