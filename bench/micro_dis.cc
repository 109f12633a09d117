// delivery_bench_micro, DIS cases: the client-side CPU cost of the DIS transfer-task bodies --
// validate(), the JSON encoder, and the list/show decoders -- on fixed inputs.
//
// The requests are built with the model's setters and checked against fixed JSON bodies, so the
// inputs are byte-identical between SDK versions.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "delivery/dis/model.h"
#include "dis/codec.h"
#include "support/samples.h"

namespace {

namespace dis = delivery::dis;
namespace dd = delivery::dis::detail;

// The seed 004 DWS example (dws_delimiter fixed), every field set.
const char* const kDwsBody =
    R"({"destination_type":"DWS","dws_destination_descriptor":{"task_name":"dwstask","agency_name":"dis_admin_agency",)"
    R"("deliver_time_interval":60,"consumer_strategy":"LATEST","dws_cluster_name":"dwscluster",)"
    R"("dws_cluster_id":"f82dc227-3691-47eb-bca7-e7851f509b2a","dws_database_name":"postgres","dws_schema":"dbadmin",)"
    R"("dws_table_name":"dwstablename","dws_delimiter":",","user_name":"dbadmin","user_password":"userpassword",)"
    R"("kms_user_key_name":"kmskey","kms_user_key_id":"1e759f06-9188-4d21-afab-a75e57c04d2b","obs_bucket_path":"obsbucket",)"
    R"("file_prefix":"","retry_duration":1800,"options":{"fill_missing_fields":"false","ignore_extra_data":"false",)"
    R"("compatible_illegal_chars":"false"}}})";

// A CloudTable HBase task with 2 row-key parts and 8 columns.
std::string hbaseBody() {
  std::string columns;
  for (int i = 0; i < 8; ++i) {
    if (i) columns += ',';
    columns += R"({"column_family_name":"cf","column_name":"col)" + std::to_string(i) + R"(","value":"v)" +
               std::to_string(i) + R"(","type":"Bigint"})";
  }
  return R"({"destination_type":"CLOUDTABLE","cloudtable_destination_descriptor":{"task_name":"cloudtabletask",)"
         R"("agency_name":"dis_admin_agency","deliver_time_interval":300,"cloudtable_cluster_name":"cloudtablecluster",)"
         R"("cloudtable_cluster_id":"b8c095e2-db5f-4732-8a1d-eacd662e35dc","cloudtable_table_name":"cloudtabletable",)"
         R"("cloudtable_schema":{"row_key":[{"value":"k1","type":"String"},{"value":"k2","type":"Bigint"}],"columns":[)" +
         columns +
         R"(]},"cloudtable_row_key_delimiter":"|","obs_backup_bucket_path":"obsbackupbucket","backup_file_prefix":"",)"
         R"("retry_duration":1800}})";
}

dis::CreateTransferTaskRequest dwsRequest() { return delivery::test::disDwsSeedCreate("mystream"); }

dis::CreateTransferTaskRequest hbaseRequest() {
  dis::CloudtableSchema schema;
  schema.setRowKey({dis::RowKey{"k1", dis::CloudtableDataType::STRING}, dis::RowKey{"k2", dis::CloudtableDataType::BIGINT}});
  std::vector<dis::CloudtableColumn> columns;
  for (int i = 0; i < 8; ++i) {
    columns.emplace_back("cf", "col" + std::to_string(i), "v" + std::to_string(i), dis::CloudtableDataType::BIGINT);
  }
  schema.setColumns(columns);
  dis::CloudtableDestinationDescriptor d;
  d.setTaskName("cloudtabletask").setAgencyName("dis_admin_agency").setDeliverTimeInterval(300);
  d.setCloudtableClusterName("cloudtablecluster")
      .setCloudtableClusterId("b8c095e2-db5f-4732-8a1d-eacd662e35dc")
      .setCloudtableTableName("cloudtabletable")
      .setCloudtableSchema(schema)
      .setCloudtableRowKeyDelimiter(dis::RowKeyDelimiter::PIPE)
      .setObsBackupBucketPath("obsbackupbucket")
      .setBackupFilePrefix("")
      .setRetryDuration(1800);
  return dis::CreateTransferTaskRequest("mystream", d);
}

// The request, once it is shown to be valid and to encode to `body`.
dis::CreateTransferTaskRequest checked(dis::CreateTransferTaskRequest r, const std::string& body) {
  if (!r.validate().ok() || dd::encodeCreate(r) != body) {
    std::cerr << "bench input does not encode to " << body << '\n';
    std::exit(1);
  }
  return r;
}

// A list of 20 tasks, as the service sends it.
std::string listBody() {
  std::string out = R"({"total_number":20,"quota":50,"tasks":[)";
  for (int i = 0; i < 20; ++i) {
    if (i) out += ',';
    out += R"({"task_id":"9dSu1wfCytSk1aOLxv)" + std::to_string(i) + R"(","task_name":"task)" + std::to_string(i) +
           R"(","state":"RUNNING","destination_type":"OBS","create_time":1700000000000,"last_transfer_timestamp":1700000001000})";
  }
  return out + "]}";
}

// A show of a DWS task with 4 partitions and the (misspelled) description.
std::string showBody() {
  std::string out = R"({"stream_name":"mystream","task_name":"dwstask","task_id":"9dSu1wfCytSk1aOLxvF","state":"RUNNING",)"
                    R"("destination_type":"DWS","create_time":1700000000000,"last_transfer_timestamp":1700000001000,"partitions":[)";
  for (int i = 0; i < 4; ++i) {
    if (i) out += ',';
    out += R"({"partitionId":"shardId-000000000)" + std::to_string(i) +
           R"(","discard":0,"state":"RUNNING","last_transfer_timestamp":1700000001000,"last_transfer_offset":)" +
           std::to_string(100 + i) + "}";
  }
  std::string descriptor = kDwsBody;
  const auto at = descriptor.find("\"dws_destination_descriptor\":");
  descriptor = descriptor.substr(at + 29, descriptor.size() - at - 29 - 1);
  return out + R"(],"dws_destination_descripton":)" + descriptor + "}";
}

void BM_DisValidateDws(benchmark::State& state) {
  const dis::CreateTransferTaskRequest request = checked(dwsRequest(), kDwsBody);
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_DisValidateDws);

void BM_DisValidateCloudtable(benchmark::State& state) {
  const dis::CreateTransferTaskRequest request = checked(hbaseRequest(), hbaseBody());
  for (auto _ : state) {
    delivery::Result<void> valid = request.validate();
    benchmark::DoNotOptimize(valid);
  }
}
BENCHMARK(BM_DisValidateCloudtable);

void BM_DisEncodeDws(benchmark::State& state) {
  const dis::CreateTransferTaskRequest request = checked(dwsRequest(), kDwsBody);
  for (auto _ : state) {
    std::string body = dd::encodeCreate(request);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_DisEncodeDws);

void BM_DisEncodeCloudtable(benchmark::State& state) {
  const dis::CreateTransferTaskRequest request = checked(hbaseRequest(), hbaseBody());
  for (auto _ : state) {
    std::string body = dd::encodeCreate(request);
    benchmark::DoNotOptimize(body);
  }
}
BENCHMARK(BM_DisEncodeCloudtable);

void BM_DisToStringDws(benchmark::State& state) {
  const dis::CreateTransferTaskRequest request = checked(dwsRequest(), kDwsBody);
  for (auto _ : state) {
    std::string text = request.toString();
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_DisToStringDws);

void BM_DisDecodeList(benchmark::State& state) {
  const std::string body = listBody();
  if (!dd::decodeList(body)) std::exit(1);
  for (auto _ : state) {
    auto list = dd::decodeList(body);
    benchmark::DoNotOptimize(list);
  }
}
BENCHMARK(BM_DisDecodeList);

void BM_DisDecodeShow(benchmark::State& state) {
  const std::string body = showBody();
  auto once = dd::decodeShow(body);
  if (!once || !once->getDescription()) {
    std::cerr << "show input not decoded: " << body << '\n';
    std::exit(1);
  }
  for (auto _ : state) {
    auto show = dd::decodeShow(body);
    benchmark::DoNotOptimize(show);
  }
}
BENCHMARK(BM_DisDecodeShow);

}  // namespace
