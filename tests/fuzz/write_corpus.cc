// Writes the seed corpora in tests/fuzz/corpus/ (run by hand after a format change):
//   write_corpus <corpus dir> <tests/data dir>
// Each family's client runs a short lifecycle through MockTransport against the emulator's
// backends in process. Every request is written as an emulator_request seed and every answer as a
// <family>_response seed, so the seeds are real SDK requests and real emulator answers. A few
// hand-made invalid inputs and the vendor seed bodies from tests/data are added.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/kafka/smart_connect.h"
#include "delivery/tablestore/client.h"
#include "delivery/testing/mock_transport.h"
#include "fuzz/emulator_exchange.h"
#include "support/samples.h"

using namespace delivery;
namespace fs = std::filesystem;

namespace {

fs::path corpus;
std::string family;     // "tablestore", "dis" or "kafka"
int operation = 0;      // the response target's operation index of the current call
unsigned responseFlags = 0;
int counter = 0;
std::vector<std::string> familyRequests;  // this family's requests, without the flags byte

void writeFile(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string headerText(const Headers& headers) {
  std::string out;
  for (const auto& [name, value] : headers) out += name + ": " + value + "\n";
  return out;
}

std::string requestSeed(unsigned flags, const HttpRequest& r) {
  std::string out(1, static_cast<char>(flags));
  out += std::string(toString(r.method)) + " " + r.path;
  for (std::size_t i = 0; i < r.query.size(); ++i) {
    out += (i == 0 ? "?" : "&") + r.query[i].first + "=" + r.query[i].second;
  }
  return out + "\n" + headerText(r.headers) + "\n" + r.body;
}

std::string responseSeed(int op, unsigned flags, const HttpResponse& r) {
  std::string out;
  out += static_cast<char>(op);
  out += static_cast<char>(flags);
  out += static_cast<char>((r.status >> 8) & 0xff);
  out += static_cast<char>(r.status & 0xff);
  return out + headerText(r.headers) + "\n" + r.body;
}

// A MockTransport that hands each request to the backends and keeps both as seeds.
std::shared_ptr<testing::MockTransport> recordingTransport(fuzz::EmulatorBackends& backends) {
  auto t = std::make_shared<testing::MockTransport>();
  t->setHandler([&backends](const HttpRequest& request) -> Result<HttpResponse> {
    const std::string n = std::to_string(++counter);
    const std::string seed = requestSeed(1, request);
    writeFile(corpus / "emulator_request", family + "-" + n, seed);
    familyRequests.push_back(seed.substr(1));
    HttpResponse response = fuzz::toResponse(backends.handle(request));
    writeFile(corpus / (family + "_response"), "op" + std::to_string(operation) + "-" + n,
              responseSeed(operation, responseFlags, response));
    return response;
  });
  return t;
}

template <typename R>
void expect(const R& r, bool ok, const char* what) {
  if (static_cast<bool>(r) != ok) {
    std::cerr << "write_corpus: unexpected outcome of " << what << '\n';
    std::exit(1);
  }
}

void tablestoreSeeds(fuzz::EmulatorBackends& backends) {
  using namespace delivery::tablestore;
  family = "tablestore";
  responseFlags = 3;  // the harness signs with its own key
  DeliveryClientConfig config;
  config.transport = recordingTransport(backends);
  config.retry = RetryPolicy::noRetry();
  const DeliveryClient client =
      DeliveryClient::create("http://127.0.0.1:8080", "emulator",
                             Credentials("emulator-access-key-id", "emulator-access-key-secret"), config)
          .value();
  operation = 0;
  expect(client.createDeliveryTask(test::javaSampleCreate()), true, "create");
  expect(client.createDeliveryTask(test::javaSampleCreate()), false, "create again");
  operation = 1;
  expect(client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask")), true, "describe");
  operation = 2;
  expect(client.listDeliveryTask(ListDeliveryTaskRequest("sampleTable")), true, "list");
  operation = 4;
  OSSTaskConfig changed = test::javaSampleConfig();
  changed.setOssPrefix("changed/$yyyy");
  expect(client.updateDeliveryTask(UpdateDeliveryTaskRequest("sampleTable", "sampledeliverytask", changed)), true,
         "update");
  operation = 3;
  expect(client.deleteDeliveryTask(DeleteDeliveryTaskRequest("sampleTable", "sampledeliverytask")), true, "delete");
  operation = 1;
  expect(client.describeDeliveryTask(DescribeDeliveryTaskRequest("sampleTable", "sampledeliverytask")), false,
         "describe deleted");
}

void disSeeds(fuzz::EmulatorBackends& backends) {
  using namespace delivery::dis;
  family = "dis";
  responseFlags = 0;
  DisClientConfig config;
  config.transport = recordingTransport(backends);
  config.retry = RetryPolicy::noRetry();
  config.endpoint = "http://127.0.0.1:8080";
  const DisClient client =
      DisClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"), config)
          .value();
  DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
  operation = 0;
  expect(client.createTransferTask(CreateTransferTaskRequest("mystream", d)), true, "create");
  expect(client.createTransferTask(CreateTransferTaskRequest("mystream", d)), false, "create again");
  operation = 1;
  d.setDeliverTimeInterval(600);
  expect(client.updateTransferTask(UpdateTransferTaskRequest("mystream", d)), true, "update");
  operation = 2;
  auto list = client.listTransferTasks(ListTransferTasksRequest("mystream"));
  expect(list, true, "list");
  operation = 3;
  expect(client.showTransferTask(ShowTransferTaskRequest("mystream", "dlitask")), true, "show");
  const std::string id = list->getTasks().at(0).getTaskId();
  operation = 6;
  expect(client.batchStopTransferTask(BatchStopTransferTaskRequest("mystream", {id})), true, "stop");
  operation = 5;
  expect(client.batchStartTransferTask(BatchStartTransferTaskRequest("mystream", {id})), true, "start");
  operation = 4;
  expect(client.deleteTransferTask(DeleteTransferTaskRequest("mystream", "dlitask")), true, "delete");
  operation = 3;
  expect(client.showTransferTask(ShowTransferTaskRequest("mystream", "dlitask")), false, "show deleted");
}

void kafkaSeeds(fuzz::EmulatorBackends& backends) {
  using namespace delivery::kafka;
  family = "kafka";
  responseFlags = 1;  // show asks for topic details
  KafkaClientConfig config;
  config.transport = recordingTransport(backends);
  config.retry = RetryPolicy::noRetry();
  config.endpoint = "http://127.0.0.1:8080";
  const KafkaClient client =
      KafkaClient::create(huawei::HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project"),
                          config)
          .value();
  operation = 4;
  expect(client.createConnector(CreateConnectorRequest("instance-1")), true, "enable connector");
  // Sink tasks go to the emulator's default connector: a fresh backend has it too, whereas an
  // enabled connector gets a new random id each time.
  const std::string connector = emulator::HuaweiEmulatorCredentials{}.defaultConnectorId;
  ObsDestinationDescriptor d;
  d.setTopics("topic-a,topic-b").setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket")
      .setObsPath("kafka/dump").setPartitionFormat(PartitionFormat::YYYY_MM_DD).setDeliverTimeInterval(300);
  operation = 0;
  auto created = client.createSinkTask(CreateSinkTaskRequest(connector, "dump-1", d));
  expect(created, true, "create");
  operation = 1;
  expect(client.listSinkTasks(ListSinkTasksRequest(connector)), true, "list");
  operation = 2;
  expect(client.showSinkTask(ShowSinkTaskRequest(connector, created->getTaskId()).setTopicInfo(true)), true, "show");
  operation = 3;
  expect(client.deleteSinkTask(DeleteSinkTaskRequest(connector, created->getTaskId())), true, "delete");
  operation = 2;
  expect(client.showSinkTask(ShowSinkTaskRequest(connector, created->getTaskId())), false,
         "show deleted");

  // Smart Connect tasks, on the emulator's instance, through their whole lifecycle.
  const std::string instance = "instance-1";
  SmartConnectTaskReqSinkConfig sink;
  sink.setAccessKey("obs-ak").setSecretKey("obs-sk").setObsBucketName("mybucket").setObsPath("kafka/dump")
      .setPartitionFormat(PartitionFormat::YYYY_MM_DD).setRecordDelimiter(SmartConnectRecordDelimiter::NEWLINE);
  auto task = CreateConnectorTaskRequest::obsSink(instance, sink);
  task.setTaskName("smart-1").setTopics("topic-a");
  operation = 6;
  auto smart = client.createConnectorTask(task);
  expect(smart, true, "create smart connect task");
  const std::string id = smart ? smart->getId() : std::string("missing");
  operation = 7;
  expect(client.listConnectorTasks(ListConnectorTasksRequest(instance)), true, "list smart connect tasks");
  operation = 8;
  expect(client.showConnectorTask(ShowConnectorTaskRequest(instance, id)), true, "show smart connect task");
  operation = 10;
  expect(client.pauseConnectorTask(PauseConnectorTaskRequest(instance, id)), true, "pause smart connect task");
  operation = 11;
  expect(client.resumeConnectorTask(ResumeConnectorTaskRequest(instance, id)), true, "resume smart connect task");
  operation = 12;
  expect(client.restartConnectorTask(RestartConnectorTaskRequest(instance, id)), true, "restart smart connect task");
  operation = 9;
  expect(client.deleteConnectorTask(DeleteConnectorTaskRequest(instance, id)), true, "delete smart connect task");
  operation = 8;
  expect(client.showConnectorTask(ShowConnectorTaskRequest(instance, id)), false, "show deleted smart connect task");
  operation = 5;
  expect(client.deleteConnector(DeleteConnectorRequest(instance)), true, "delete connector");
}

// The family's first four requests in one input: the emulator target handles them in order.
void writeLifecycle() {
  std::string out(1, '\x01');
  for (std::size_t i = 0; i < familyRequests.size() && i < 4; ++i) out += (i == 0 ? "" : "\n~~~\n") + familyRequests[i];
  writeFile(corpus / "emulator_request", family + "-lifecycle", out);
  familyRequests.clear();
}

std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Inputs no service would send, and the vendor seed bodies sent to the emulator.
void extraSeeds(const fs::path& data) {
  const std::string status200("\x00\x00\x00\xc8", 4);
  const std::string status500("\x00\x00\x01\xf4", 4);
  for (const char* f : {"tablestore_response", "dis_response", "kafka_response"}) {
    writeFile(corpus / f, "invalid-empty-200", status200);
    writeFile(corpus / f, "invalid-html-500",
              status500 + "Content-Type: text/html\n\n<html><body>Internal Server Error</body></html>");
  }
  writeFile(corpus / "tablestore_response", "invalid-garbage-describe",
            std::string("\x01\x03\x00\xc8", 4) + "x-ots-requestid: r\n\n\x0a\xff\xff\xff\xff\x0f\x12\x01");
  writeFile(corpus / "dis_response", "invalid-json-list",
            std::string("\x02\x00\x00\xc8", 4) + "Content-Type: application/json\n\n{\"total_number\": 1e400, \"tasks\": [{");
  writeFile(corpus / "kafka_response", "invalid-json-show",
            std::string("\x02\x01\x00\xc8", 4) + "Content-Type: application/json\n\n{\"topics_info\": [{\"partitions\": 7}]}");
  writeFile(corpus / "emulator_request", "vendor-dis-dws-seed",
            std::string("\x01") + "POST /v2/emulator-project/streams/mystream/transfer-tasks\nContent-Type: application/json\n\n" +
                readFile(data / "dis-dws-seed-request.json"));
  writeFile(corpus / "emulator_request", "vendor-kafka-obs-seed",
            std::string("\x01") +
                "POST /v2/emulator-project/connectors/emulator-connector/sink-tasks\nContent-Type: application/json\n\n" +
                readFile(data / "kafka-obs-sink-seed-request.json"));
  writeFile(corpus / "emulator_request", "invalid-unsigned-create",
            std::string("\x00") + "POST /CreateDeliveryTask\nx-ots-date: yesterday\n\n\x0a\x03tbl");
  writeFile(corpus / "emulator_request", "invalid-unknown-route",
            std::string("\x05") + "GET /v2/emulator-project/nothing/here?limit=-1&start_task_name=\n\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: write_corpus <corpus dir> <tests/data dir>\n";
    return 2;
  }
  corpus = argv[1];
  {
    fuzz::EmulatorBackends backends;
    tablestoreSeeds(backends);
    writeLifecycle();
  }
  {
    fuzz::EmulatorBackends backends;
    disSeeds(backends);
    writeLifecycle();
  }
  {
    fuzz::EmulatorBackends backends;
    kafkaSeeds(backends);
    writeLifecycle();
  }
  extraSeeds(argv[2]);
  std::cout << "write_corpus: " << counter << " exchanges written to " << corpus.string() << '\n';
  return 0;
}
