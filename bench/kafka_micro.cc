// delivery_bench_micro, DMS Kafka cases: the client-side work of the sink-task calls that does not
// touch the network -- validating and encoding a create request, decoding list and show bodies.
//
// Inputs are fixed, so every iteration does the same work and runs are comparable.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "delivery/kafka/model.h"
#include "kafka/codec.h"

namespace {

namespace kafka = delivery::kafka;
namespace kd = delivery::kafka::detail;

// The seed's create request (consumer strategy left at its default).
kafka::CreateSinkTaskRequest sinkTaskRequest() {
  kafka::ObsDestinationDescriptor d;
  d.setTopics("topic-test")
      .setAccessKey("XXXXXXXXXXXXXXXXXXXX")
      .setSecretKey("XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
      .setObsBucketName("6666")
      .setObsPath("obsTransfer-1122976956")
      .setPartitionFormat(kafka::PartitionFormat::YYYY_MM_DD_HH_MM)
      .setRecordDelimiter(kafka::RecordDelimiter::NEWLINE)
      .setDeliverTimeInterval(300);
  return kafka::CreateSinkTaskRequest("connector-1", "obsTransfer-1122976956", d);
}

// A list body of `n` tasks, as the service writes it.
std::string listBody(int n) {
  std::string body = R"({"tasks":[)";
  for (int i = 0; i < n; ++i) {
    if (i > 0) body += ',';
    body += R"({"task_id":"2962882a-386c-4c9d-bb59-3b4f55d8)" + std::to_string(10000 + i) +
            R"(","task_name":"obsTransfer-)" + std::to_string(i) +
            R"(","destination_type":"OBS","create_time":1700000000000,"status":"RUNNING","topics":"topic-a,topic-b"})";
  }
  body += R"(],"total_number":)" + std::to_string(n) + R"(,"max_tasks":18,"quota_tasks":18})";
  return body;
}

// A show body with topic info: 4 topics of 3 partitions.
std::string showBody() {
  std::string body =
      R"({"task_id":"2962882a-386c-4c9d-bb59-3b4f55d82961","task_name":"obsTransfer-1","destination_type":"OBS",)"
      R"("create_time":1700000000000,"status":"RUNNING","topics":"t0,t1,t2,t3","obs_destination_descriptor":)"
      R"({"consumer_strategy":"latest","destination_file_type":"TEXT","obs_bucket_name":"bucket","obs_path":"p",)"
      R"("partition_format":"yyyy/MM/dd","record_delimiter":"\n","deliver_time_interval":300,"obs_part_size":5242880},)"
      R"("topics_info":[)";
  for (int t = 0; t < 4; ++t) {
    if (t > 0) body += ',';
    body += R"({"topic":"t)" + std::to_string(t) + R"(","partitions":[)";
    for (int p = 0; p < 3; ++p) {
      if (p > 0) body += ',';
      body += R"({"partition_id":")" + std::to_string(p) +
              R"(","status":"RUNNING","last_transfer_offset":"10","log_end_offset":"12","lag":"2"})";
    }
    body += "]}";
  }
  body += "]}";
  return body;
}

void BM_KafkaValidateCreate(benchmark::State& state) {
  const kafka::CreateSinkTaskRequest request = sinkTaskRequest();
  if (auto r = request.validate(); !r) {
    std::cerr << "the Kafka sample fails validation: " << r.error() << '\n';
    std::exit(1);
  }
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_KafkaValidateCreate);

void BM_KafkaEncodeCreate(benchmark::State& state) {
  const kafka::CreateSinkTaskRequest request = sinkTaskRequest();
  for (auto _ : state) {
    std::string body = kd::encodeCreate(request);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_KafkaEncodeCreate);

// Per task: the argument is the number of tasks in the body.
void BM_KafkaDecodeList(benchmark::State& state) {
  const std::string body = listBody(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto list = kd::decodeList(body);
    if (!list) state.SkipWithError("the list body does not decode");
    benchmark::DoNotOptimize(list);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KafkaDecodeList)->Arg(1)->Arg(18)->Arg(100);

void BM_KafkaDecodeShow(benchmark::State& state) {
  const std::string body = showBody();
  for (auto _ : state) {
    auto show = kd::decodeShow(body);
    if (!show) state.SkipWithError("the show body does not decode");
    benchmark::DoNotOptimize(show);
  }
}
BENCHMARK(BM_KafkaDecodeShow);

}  // namespace
