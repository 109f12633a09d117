// Fuzzes what a KafkaClient does with a response: status, headers and body come from the input and
// reach the client through MockTransport, for each of the thirteen operations (sink tasks, the
// connector, Smart Connect tasks), with retries off.
// Huawei responses are not signed, so every input reaches the JSON decoders.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "delivery/kafka/client.h"
#include "delivery/kafka/smart_connect.h"
#include "delivery/testing/mock_transport.h"
#include "fuzz/fuzz_input.h"

using namespace delivery;
using namespace delivery::kafka;

namespace {

volatile std::size_t fuzzSink = 0;

ObsDestinationDescriptor descriptor() {
  ObsDestinationDescriptor d;
  d.setTopics("topic-a").setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket")
      .setObsPath("kafka/dump").setPartitionFormat(PartitionFormat::YYYY_MM_DD).setDeliverTimeInterval(300);
  return d;
}

std::size_t consume(const SinkTask& t) {
  return t.getTaskId().size() + t.getTaskName().size() + t.getDestinationType().size() + t.getStatus().size() +
         t.getTopics().size() + static_cast<std::size_t>(t.getCreateTime());
}

std::size_t consume(const SmartConnectTaskEntity& t) {
  std::size_t n = t.getTaskName().size() + t.getTopics().size() + t.getTopicsRegex().size() + t.getSourceType().size() +
                  t.getSinkType().size() + t.getId().size() + t.getStatus().size() +
                  static_cast<std::size_t>(t.getCreateTime());
  if (t.getSinkTask()) n += t.getSinkTask()->getObsBucketName().size() + t.getSinkTask()->getPartitionFormat().size();
  if (t.getSourceTask()) n += t.getSourceTask()->getBootstrapServers().size();
  return n;
}

CreateConnectorTaskRequest smartConnectTask() {
  SmartConnectTaskReqSinkConfig sink;
  sink.setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket").setObsPath("kafka/dump")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD).setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE);
  auto r = CreateConnectorTaskRequest::obsSink("instance-1", sink);
  r.setTaskName("smart-1").setTopics("topic-a");
  return r;
}

using fuzz::consume;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzedResponse in;
  if (!fuzz::parseResponse(data, size, in)) return 0;
  auto transport = std::make_shared<testing::MockTransport>();
  transport->enqueueResponse(std::move(in.response));
  KafkaClientConfig config;
  auto client = fuzz::huaweiClientOn<KafkaClient>(transport, config);

  std::size_t sink = 0;
  switch (in.operation % 13) {
    case 0: {
      auto r = client.createSinkTask(CreateSinkTaskRequest("connector-1", "dump-1", descriptor()));
      sink += consume(r);
      if (r) sink += r->getTaskId().size();
      break;
    }
    case 1: {
      auto r = client.listSinkTasks(ListSinkTasksRequest("connector-1"));
      sink += consume(r);
      if (r) {
        sink += static_cast<std::size_t>(r->getTotalNumber());
        for (const auto& t : r->getTasks()) sink += consume(t);
      }
      break;
    }
    case 2: {
      // Flag bit 0 asks for the topics' partition details too.
      auto r = client.showSinkTask(ShowSinkTaskRequest("connector-1", "task-id").setTopicInfo((in.flags & 1u) != 0));
      sink += consume(r);
      if (r) {
        sink += consume(r->getTask()) + (r->getObsDestinationDescriptor() ? 1 : 0);
        for (const auto& t : r->getTopicsInfo()) sink += t.getTopic().size() + t.getPartitions().size();
      }
      break;
    }
    case 3:
      sink += consume(client.deleteSinkTask(DeleteSinkTaskRequest("connector-1", "task-id")));
      break;
    case 4: {
      auto r = client.createConnector(CreateConnectorRequest("instance-1"));
      sink += consume(r);
      if (r) sink += r->getJobId().size() + r->getConnectorId().size();
      break;
    }
    case 5:
      sink += consume(client.deleteConnector(DeleteConnectorRequest("instance-1")));
      break;
    case 6: {
      auto r = client.createConnectorTask(smartConnectTask());
      sink += consume(r);
      if (r) sink += consume(r->getTask());
      break;
    }
    case 7: {
      auto r = client.listConnectorTasks(ListConnectorTasksRequest("instance-1"));
      sink += consume(r);
      if (r) {
        sink += static_cast<std::size_t>(r->getTotalNumber() + r->getMaxTasks() + r->getQuotaTasks());
        for (const auto& t : r->getTasks()) sink += consume(t);
      }
      break;
    }
    case 8: {
      auto r = client.showConnectorTask(ShowConnectorTaskRequest("instance-1", "task-id"));
      sink += consume(r);
      if (r) sink += consume(r->getTask());
      break;
    }
    case 9:
      sink += consume(client.deleteConnectorTask(DeleteConnectorTaskRequest("instance-1", "task-id")));
      break;
    case 10:
      sink += consume(client.pauseConnectorTask(PauseConnectorTaskRequest("instance-1", "task-id")));
      break;
    case 11:
      sink += consume(client.resumeConnectorTask(ResumeConnectorTaskRequest("instance-1", "task-id")));
      break;
    default:
      sink += consume(client.restartConnectorTask(RestartConnectorTaskRequest("instance-1", "task-id")));
      break;
  }
  if (transport->requestCount() != 1 || transport->pendingCount() != 0) __builtin_trap();
  fuzzSink = sink;
  return 0;
}
