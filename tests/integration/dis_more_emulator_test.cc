// DisClient against the emulator for what issue 12 added to DIS: list paging (limit,
// start_task_name, listAllTransferTasks) and the emulator's own checks of the paging parameters;
// the old Java SDK's request fields (compression_format, carbon_properties, MRS
// destination_file_type and partition_format) going out and coming back in show, with stream_id and
// the DWS example's empty dws_delimiter.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "delivery/core/curl_transport.h"
#include "delivery/dis/client.h"
#include "emulator/emulator.h"
#include "emulator/backend.h"
#include "support/emulator_options.h"
#include "support/vectors.h"

using namespace delivery;
using namespace delivery::dis;
using delivery::emulator::Emulator;
using delivery::huawei::HuaweiCredentials;

namespace {

const HuaweiCredentials kCreds = HuaweiCredentials::withAkSk("emulator-ak", "emulator-sk", "emulator-project");

DisClient clientFor(const Emulator& emu) {
  DisClientConfig config;
  config.endpoint = emu.endpoint();
  return DisClient::create(kCreds, std::move(config)).value();
}

ObsDestinationDescriptor obs(const std::string& name) {
  ObsDestinationDescriptor d;
  d.setTaskName(name).setAgencyName("dis_admin_agency").setDeliverTimeInterval(30).setObsBucketPath("obsbucket");
  return d;
}

std::vector<std::string> names(const std::vector<TransferTask>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.getTaskName());
  return out;
}

// A POST of a raw create body with a token, bypassing the client's own checks.
HttpResponse rawCreate(const Emulator& emu, const std::string& body) {
  HttpRequest r;
  r.method = HttpMethod::Post;
  r.endpoint = Endpoint::parse(emu.endpoint()).value();
  r.path = "/v2/emulator-project/streams/s/transfer-tasks";
  r.headers.add("X-Auth-Token", "emulator-iam-token");
  r.headers.add("Content-Type", "application/json");
  r.body = body;
  CurlTransport transport;
  return transport.send(r).value();
}

// A GET with a token, bypassing the client's own checks.
HttpResponse rawList(const Emulator& emu, const std::string& query) {
  HttpRequest r;
  r.method = HttpMethod::Get;
  r.endpoint = Endpoint::parse(emu.endpoint()).value();
  r.path = "/v2/emulator-project/streams/s/transfer-tasks";
  r.headers.add("X-Auth-Token", "emulator-iam-token");
  for (std::size_t start = 0; start < query.size();) {
    std::size_t amp = query.find('&', start);
    if (amp == std::string::npos) amp = query.size();
    const std::string pair = query.substr(start, amp - start);
    const std::size_t eq = pair.find('=');
    r.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? std::string() : pair.substr(eq + 1));
    start = amp + 1;
  }
  CurlTransport transport;
  return transport.send(r).value();
}

}  // namespace

TEST_CASE("DIS list pages through the emulator", "[integration][dis][paging]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const DisClient client = clientFor(emu);
  for (const char* name : {"t5", "t1", "t4", "t2", "t3"}) {
    REQUIRE(client.createTransferTask(CreateTransferTaskRequest("s", obs(name))));
  }

  auto whole = client.listTransferTasks(ListTransferTasksRequest("s"));
  REQUIRE(whole);
  CHECK(whole->getTasks().size() == 5);
  CHECK(whole->getTotalNumber() == 5);

  auto first = client.listTransferTasks(ListTransferTasksRequest("s").setLimit(2));
  REQUIRE(first);
  CHECK(names(first->getTasks()) == std::vector<std::string>{"t1", "t2"});
  CHECK(first->getTotalNumber() == 5);  // the stream's count, not the page's
  auto second = client.listTransferTasks(ListTransferTasksRequest("s").setLimit(2).setStartTaskName("t2"));
  REQUIRE(second);
  CHECK(names(second->getTasks()) == std::vector<std::string>{"t3", "t4"});

  for (int limit : {1, 2, 3, 10}) {
    auto all = client.listAllTransferTasks(ListTransferTasksRequest("s").setLimit(limit));
    REQUIRE(all);
    CHECK(names(*all) == std::vector<std::string>{"t1", "t2", "t3", "t4", "t5"});
  }
  auto fromDefault = client.listAllTransferTasks(ListTransferTasksRequest("s"));
  REQUIRE(fromDefault);
  CHECK(fromDefault->size() == 5);
  auto empty = client.listAllTransferTasks(ListTransferTasksRequest("nothing-here"));
  REQUIRE(empty);
  CHECK(empty->empty());
}

TEST_CASE("the emulator checks the list's query parameters", "[integration][dis][paging]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  CHECK(rawList(emu, "limit=10&start_task_name=abc").status == 200);
  CHECK(rawList(emu, "limit=1&stream_name=s").status == 200);  // the old Java SDK repeats the stream
  CHECK(rawList(emu, "start_task_name=no such task").status == 200);  // a marker, not a lookup
  for (const char* bad : {"limit=0", "limit=11", "limit=x", "limit=", "start_task_name=",
                          "stream_name=other", "offset=2"}) {
    INFO(bad);
    const HttpResponse r = rawList(emu, bad);
    CHECK(r.status == 400);
    CHECK(r.body.find("DIS.4200") != std::string::npos);
  }
}

TEST_CASE("DIS: the old Java SDK's fields go out and come back through the emulator", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const DisClient client = clientFor(emu);
  MrsDestinationDescriptor m;
  m.setTaskName("mrstask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(30);
  m.setMrsClusterName("mrscluster").setMrsClusterId("id").setMrsHdfsPath("/user").setObsBucketPath("obsbucket");
  m.setDestinationFileType(DestinationFileType::CARBON)
      .setPartitionFormat(PartitionFormat::YYYY_MM)
      .setCompressionFormat(CompressionFormat::GZIP)
      .addCarbonProperty("sort_columns", "id");
  REQUIRE(client.createTransferTask(CreateTransferTaskRequest("s", m)));
  auto o = obs("obstask");
  o.setCompressionFormat(CompressionFormat::GZIP);
  ProcessingSchema schema("ts", TimestampType::STRING);
  schema.setTimestampFormat(TimestampFormat::YYYY_MM_DD_DASH);
  o.setProcessingSchema(schema);
  REQUIRE(client.createTransferTask(CreateTransferTaskRequest("s", o)));

  auto shown = client.showTransferTask(ShowTransferTaskRequest("s", "mrstask"));
  REQUIRE(shown);
  CHECK(shown->getStreamId().size() == 19);
  CHECK(shown->getStreamId() == client.showTransferTask(ShowTransferTaskRequest("s", "obstask"))->getStreamId());
  const auto& typed = std::get<MrsDestinationDescriptor>(*shown->getDescription());
  CHECK(typed.getDestinationFileType() == DestinationFileType::CARBON);
  CHECK(typed.getPartitionFormat() == PartitionFormat::YYYY_MM);
  CHECK(typed.getCompressionFormat() == CompressionFormat::GZIP);
  CHECK(typed.getCarbonProperties() == CarbonProperties{{"sort_columns", "id"}});
  REQUIRE(shown->getDestinationDescription());
  CHECK(shown->getDestinationDescription()->getDestinationFileType() == std::string("carbon"));
  CHECK(shown->getDestinationDescription()->getCarbonProperties() == CarbonProperties{{"sort_columns", "id"}});
  auto obsShown = client.showTransferTask(ShowTransferTaskRequest("s", "obstask"));
  REQUIRE(obsShown);
  CHECK(std::get<ObsDestinationDescriptor>(*obsShown->getDescription()).getCompressionFormat() == CompressionFormat::GZIP);
  // The nested processing_schema comes back as sent.
  REQUIRE(obsShown->getDestinationDescription());
  const auto& shownSchema = obsShown->getDestinationDescription()->getProcessingSchema();
  REQUIRE(shownSchema);
  CHECK(shownSchema->getTimestampName() == std::string("ts"));
  CHECK(shownSchema->getTimestampType() == std::string("String"));
  CHECK(shownSchema->getTimestampFormat() == std::string("yyyy-MM-dd HH:mm:ss"));
}

TEST_CASE("the emulator checks the old Java SDK's fields itself", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  const std::string head = R"({"destination_type":"OBS","obs_destination_descriptor":{"task_name":"t","deliver_time_interval":30,)"
                           R"("obs_bucket_path":"obsbucket",)";
  struct Case {
    const char* tail;
    const char* names;
  };
  for (const Case& c : {Case{R"("compression_format":"zip"}})", "obs_destination_descriptor.compression_format"},
                        Case{R"("carbon_properties":{"k":"v"}}})", "obs_destination_descriptor.carbon_properties"},
                        Case{R"("destination_file_type":"carbon","carbon_properties":{"k":1}}})",
                             "obs_destination_descriptor.carbon_properties.k"},
                        Case{R"("destination_file_type":"carbon","carbon_properties":"k=v"}})",
                             "obs_destination_descriptor.carbon_properties"}}) {
    INFO(c.tail);
    const HttpResponse r = rawCreate(emu, head + c.tail);
    CHECK(r.status == 400);
    CHECK(r.body.find(c.names) != std::string::npos);
  }
  const HttpResponse ok = rawCreate(emu, head + R"("destination_file_type":"carbon","carbon_properties":{"k":"v"}}})");
  CHECK(ok.status == 201);
  const HttpResponse mrsBad = rawCreate(
      emu, R"({"destination_type":"MRS","mrs_destination_descriptor":{"task_name":"m","agency_name":"a","deliver_time_interval":30,)"
           R"("mrs_cluster_name":"c","mrs_cluster_id":"i","mrs_hdfs_path":"/user","obs_bucket_path":"obsbucket",)"
           R"("partition_format":"N/A"}})");
  CHECK(mrsBad.status == 400);
  CHECK(mrsBad.body.find("mrs_destination_descriptor.partition_format") != std::string::npos);
}

TEST_CASE("DIS: the DWS example's empty dws_delimiter reads back as empty, not unset", "[integration][dis]") {
  Emulator emu(test::emulatorOptions());
  REQUIRE(emu.start());
  emulator::StoredTask task;
  task.family = "dis";
  task.scope = "stream-test";
  task.json = test::readDataFile("dis-dws-seed-request.json");  // seed 004, dws_delimiter ""
  REQUIRE(emu.seed(task));
  auto shown = clientFor(emu).showTransferTask(ShowTransferTaskRequest("stream-test", "dwstask"));
  REQUIRE(shown);
  REQUIRE(shown->getDestinationDescription());
  CHECK(shown->getDestinationDescription()->getDwsDelimiter() == std::string(""));
  CHECK(shown->getDestinationDescription()->getDwsClusterName() == std::string("dwscluster"));
}
