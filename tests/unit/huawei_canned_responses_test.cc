// The canned DIS and Kafka responses of delivery::testing (written from the documentation, not
// with the SDK's codecs) fed to the real DisClient and KafkaClient through MockTransport: the
// clients must decode what the builders wrote. This also cross-checks the SDK's decoders against
// bodies written independently of them.

#include <catch2/catch.hpp>

#include "delivery/dis/client.h"
#include "delivery/kafka/client.h"
#include "delivery/testing/dis_responses.h"
#include "delivery/testing/kafka_responses.h"
#include "delivery/testing/mock_transport.h"

using namespace delivery;
using delivery::huawei::HuaweiCredentials;
using delivery::testing::MockTransport;
namespace cd = delivery::testing::dis;
namespace ck = delivery::testing::kafka;

namespace {

const HuaweiCredentials kCreds = HuaweiCredentials::withAkSk("AK", "SK", "proj");

struct DisFixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  dis::DisClient client() {
    dis::DisClientConfig config;
    config.transport = transport;
    config.region = "cn-north-4";
    config.retry = RetryPolicy::noRetry();
    return dis::DisClient::create(kCreds, config).value();
  }
};

struct KafkaFixture {
  std::shared_ptr<MockTransport> transport = std::make_shared<MockTransport>();
  kafka::KafkaClient client() {
    kafka::KafkaClientConfig config;
    config.transport = transport;
    config.region = "cn-north-4";
    config.retry = RetryPolicy::noRetry();
    return kafka::KafkaClient::create(kCreds, config).value();
  }
};

dis::DliDestinationDescriptor dli() {
  dis::DliDestinationDescriptor d;
  d.setTaskName("dlitask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setDliDatabaseName("db").setDliTableName("tbl").setObsBucketPath("obsbucket").setRetryDuration(1800);
  return d;
}

}  // namespace

TEST_CASE("canned DIS responses decode in DisClient", "[unit][dis][testing]") {
  DisFixture f;
  const auto client = f.client();

  f.transport->enqueueResponse(cd::created("req-created"));
  auto created = client.createTransferTask(dis::CreateTransferTaskRequest("s", dli()));
  REQUIRE(created);
  CHECK(created->getHttpStatus() == 201);
  CHECK(created->getRequestId() == "req-created");

  f.transport->enqueueResponse(cd::listOk({{"task-a", "9dSu1wfCytSk1aOLxvF", "PAUSED", "DLI", 1700000000000, 1700000001000},
                                           {"task-b", "id-2", "RUNNING", "OBS", 2, 3}}));
  auto list = client.listTransferTasks(dis::ListTransferTasksRequest("s"));
  REQUIRE(list);
  CHECK(list->getTotalNumber() == 2);
  CHECK(list->getQuota() == 5);
  REQUIRE(list->getTasks().size() == 2);
  const auto& a = list->getTasks()[0];
  CHECK(a.getTaskName() == "task-a");
  CHECK(a.getTaskId() == "9dSu1wfCytSk1aOLxvF");
  CHECK(a.getState() == dis::TransferTaskState::PAUSED);
  CHECK(a.getDestinationType() == "DLI");
  CHECK(a.getCreateTime() == 1700000000000);
  CHECK(a.getLastTransferTimestamp() == 1700000001000);
  CHECK(list->getTasks()[1].getState() == dis::TransferTaskState::RUNNING);

  // A DWS show: the description under the misspelled key, without the password.
  const std::string dwsDescription =
      R"({"task_name":"dwstask","agency_name":"dis_admin_agency","deliver_time_interval":60,"consumer_strategy":"LATEST",)"
      R"("dws_cluster_name":"dwscluster","dws_cluster_id":"f82dc227","dws_database_name":"postgres","dws_schema":"dbadmin",)"
      R"("dws_table_name":"t","dws_delimiter":"|","user_name":"dbadmin","kms_user_key_name":"kmskey","kms_user_key_id":"k1",)"
      R"("obs_bucket_path":"obsbucket","retry_duration":1800})";
  f.transport->enqueueResponse(cd::showOk("s", {"dwstask", "id-3", "RUNNING", "DWS", 5, 6}, dwsDescription));
  auto show = client.showTransferTask(dis::ShowTransferTaskRequest("s", "dwstask"));
  REQUIRE(show);
  CHECK(show->getStreamName() == "s");
  CHECK(show->getStreamId() == "sid-s");
  CHECK(show->getTask().getTaskId() == "id-3");
  CHECK(show->getTask().getDestinationType() == "DWS");
  REQUIRE(show->getPartitions().size() == 1);
  REQUIRE(show->getDescription());
  const auto& dws = std::get<dis::DWSDestinationDescriptor>(*show->getDescription());
  CHECK(dws.getDwsClusterName() == "dwscluster");
  CHECK(dws.getDeliverTimeInterval() == 60);
  CHECK(dws.getUserPassword().empty());

  f.transport->enqueueResponse(cd::showOk("s", {"obstask", "id-4", "RUNNING", "OBS", 5, 6},
                                          R"({"task_name":"obstask","deliver_time_interval":30,"obs_bucket_path":"b",)"
                                          R"("destination_file_type":"parquet","partition_format":"yyyy/MM/dd"})"));
  auto obs = client.showTransferTask(dis::ShowTransferTaskRequest("s", "obstask"));
  REQUIRE(obs);
  REQUIRE(obs->getDescription());
  const auto& o = std::get<dis::ObsDestinationDescriptor>(*obs->getDescription());
  CHECK(o.getObsBucketPath() == "b");
  CHECK(o.getDestinationFileType() == dis::DestinationFileType::PARQUET);

  f.transport->enqueueResponse(cd::emptyOk(204));
  auto deleted = client.deleteTransferTask(dis::DeleteTransferTaskRequest("s", "obstask"));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);

  f.transport->enqueueResponse(cd::emptyOk());
  CHECK(client.batchStopTransferTask(dis::BatchStopTransferTaskRequest("s", {"id-4"})));

  f.transport->enqueueResponse(cd::errorResponse(400, "DIS.4301", "The stream does not exist", -1, "req-err"));
  auto missing = client.createTransferTask(dis::CreateTransferTaskRequest("s", dli()));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().httpStatus == 400);
  CHECK(missing.error().code == "DIS.4301");
  CHECK(missing.error().message.find("The stream does not exist") != std::string::npos);
  CHECK(missing.error().requestId == "req-err");

  f.transport->enqueueResponse(cd::throttled(7));
  auto slow = client.listTransferTasks(dis::ListTransferTasksRequest("s"));
  REQUIRE_FALSE(slow);
  CHECK(slow.error().httpStatus == 429);
  CHECK(slow.error().code == "DIS.4303");
  REQUIRE(slow.error().retryAfter);
  CHECK(*slow.error().retryAfter == std::chrono::seconds(7));
}

TEST_CASE("canned Kafka responses decode in KafkaClient", "[unit][kafka][testing]") {
  KafkaFixture f;
  const auto client = f.client();
  kafka::ObsDestinationDescriptor d;
  d.setTopics("topic-a,topic-b").setAccessKey("ak").setSecretKey("sk").setObsBucketName("bucket").setDeliverTimeInterval(300);

  f.transport->enqueueResponse(ck::connectorCreated("job-1", "55b78880-9077-4c74-ad5a-6868555f76a4"));
  auto connector = client.createConnector(kafka::CreateConnectorRequest("instance-1"));
  REQUIRE(connector);
  CHECK(connector->getJobId() == "job-1");
  CHECK(connector->getConnectorId() == "55b78880-9077-4c74-ad5a-6868555f76a4");

  f.transport->enqueueResponse(ck::sinkTaskCreated("2962882a-386c-4c9d-bb59-3b4f55d82961", "req-7"));
  auto created = client.createSinkTask(kafka::CreateSinkTaskRequest("c", "dump", d));
  REQUIRE(created);
  CHECK(created->getTaskId() == "2962882a-386c-4c9d-bb59-3b4f55d82961");
  CHECK(created->getRequestId() == "req-7");

  f.transport->enqueueResponse(ck::listOk({{"t1", "dump", "topic-a,topic-b", "RUNNING", 1700000000000}}, 9, 10));
  auto list = client.listSinkTasks(kafka::ListSinkTasksRequest("c"));
  REQUIRE(list);
  CHECK(list->getTotalNumber() == 1);
  CHECK(list->getMaxTasks() == 9);
  CHECK(list->getQuotaTasks() == 10);
  REQUIRE(list->getTasks().size() == 1);
  CHECK(list->getTasks()[0].getTaskId() == "t1");
  CHECK(list->getTasks()[0].getTaskName() == "dump");
  CHECK(list->getTasks()[0].getTopics() == "topic-a,topic-b");
  CHECK(list->getTasks()[0].getDestinationType() == "OBS");
  CHECK(list->getTasks()[0].getCreateTime() == 1700000000000);

  ck::ObsDescription description;
  description.consumerStrategy = "earliest";
  description.obsBucketName = "bucket";
  description.obsPath = "kafka/dump";
  description.partitionFormat = "yyyy/MM/dd";
  description.deliverTimeInterval = 600;
  f.transport->enqueueResponse(ck::showOk({"t1", "dump", "topic-a,topic-b", "RUNNING", 4}, description, true));
  auto show = client.showSinkTask(kafka::ShowSinkTaskRequest("c", "t1").setTopicInfo(true));
  REQUIRE(show);
  CHECK(show->getTaskName() == "dump");
  CHECK(show->getStatus() == "RUNNING");
  REQUIRE(show->getObsDestinationDescriptor());
  const auto& o = *show->getObsDestinationDescriptor();
  CHECK(o.getConsumerStrategy() == "earliest");
  CHECK(o.getDestinationFileType() == "TEXT");
  CHECK(o.getObsBucketName() == "bucket");
  CHECK(o.getObsPath() == "kafka/dump");
  CHECK(o.getPartitionFormat() == "yyyy/MM/dd");
  CHECK(o.getRecordDelimiter() == "\n");
  CHECK(o.getDeliverTimeInterval() == 600);
  CHECK(o.getObsPartSize() == 5242880);
  REQUIRE(show->getTopicsInfo().size() == 2);
  CHECK(show->getTopicsInfo()[1].getTopic() == "topic-b");
  REQUIRE(show->getTopicsInfo()[1].getPartitions().size() == 1);
  CHECK(show->getTopicsInfo()[1].getPartitions()[0].getLag() == "0");

  f.transport->enqueueResponse(ck::deleted());
  auto deleted = client.deleteSinkTask(kafka::DeleteSinkTaskRequest("c", "t1"));
  REQUIRE(deleted);
  CHECK(deleted->getHttpStatus() == 204);

  f.transport->enqueueResponse(ck::connectorDeleted("job-2"));
  auto disabled = client.deleteConnector(kafka::DeleteConnectorRequest("instance-1"));
  REQUIRE(disabled);
  CHECK(disabled->getJobId() == "job-2");

  f.transport->enqueueResponse(ck::errorResponse(404, "DMS.00404022", "The instance does not exist"));
  auto missing = client.listSinkTasks(kafka::ListSinkTasksRequest("c"));
  REQUIRE_FALSE(missing);
  CHECK(missing.error().httpStatus == 404);
  CHECK(missing.error().code == "DMS.00404022");

  f.transport->enqueueResponse(ck::throttled(3));
  auto slow = client.listSinkTasks(kafka::ListSinkTasksRequest("c"));
  REQUIRE_FALSE(slow);
  CHECK(slow.error().httpStatus == 429);
  CHECK(slow.error().code == "DMS.10240407");
  REQUIRE(slow.error().retryAfter);
  CHECK(*slow.error().retryAfter == std::chrono::seconds(3));
}
