// Fuzzes what a DisClient does with a response: status, headers and body come from the input and
// reach the client through MockTransport, for each of the seven operations, with retries off.
// Huawei responses are not signed, so every input reaches the JSON decoders.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "delivery/dis/client.h"
#include "delivery/testing/mock_transport.h"
#include "fuzz/fuzz_input.h"

using namespace delivery;
using namespace delivery::dis;

namespace {

volatile std::size_t fuzzSink = 0;

DliDestinationDescriptor descriptor() {
  DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

std::size_t consume(const TransferTask& t) {
  return t.getTaskId().size() + t.getTaskName().size() + t.getStateText().size() + t.getDestinationType().size() +
         static_cast<std::size_t>(t.getCreateTime() + t.getLastTransferTimestamp()) +
         static_cast<std::size_t>(t.getState());
}

using fuzz::consume;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzedResponse in;
  if (!fuzz::parseResponse(data, size, in)) return 0;
  auto transport = std::make_shared<testing::MockTransport>();
  transport->enqueueResponse(std::move(in.response));
  DisClientConfig config;
  config.retryDurationAsString = (in.flags & 1u) != 0;
  auto client = fuzz::huaweiClientOn<DisClient>(transport, config);

  std::size_t sink = 0;
  switch (in.operation % 7) {
    case 0:
      sink += consume(client.createTransferTask(CreateTransferTaskRequest("stream", descriptor())));
      break;
    case 1: {
      UpdateTransferTaskRequest u("stream", descriptor());
      sink += consume(client.updateTransferTask(u));
      break;
    }
    case 2: {
      auto r = client.listTransferTasks(ListTransferTasksRequest("stream"));
      sink += consume(r);
      if (r) {
        sink += static_cast<std::size_t>(r->getTotalNumber() + r->getQuota());
        for (const auto& t : r->getTasks()) sink += consume(t);
      }
      break;
    }
    case 3: {
      auto r = client.showTransferTask(ShowTransferTaskRequest("stream", "dlitask"));
      sink += consume(r);
      if (r) sink += consume(r->getTask()) + r->getStreamName().size() + r->getPartitions().size() +
                     (r->getDescription() ? 1 : 0);
      break;
    }
    case 4:
      sink += consume(client.deleteTransferTask(DeleteTransferTaskRequest("stream", "dlitask")));
      break;
    case 5:
      sink += consume(client.batchStartTransferTask(BatchStartTransferTaskRequest("stream", {"task-id"})));
      break;
    default:
      sink += consume(client.batchStopTransferTask(BatchStopTransferTaskRequest("stream", {"task-id"})));
      break;
  }
  if (transport->requestCount() != 1 || transport->pendingCount() != 0) __builtin_trap();
  fuzzSink = sink;
  return 0;
}
