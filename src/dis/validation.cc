// validate() of the DIS transfer-task requests. The simple rules stand in the field tables of
// include/delivery/dis/model.h; the rules that tie fields together are below, found by
// checkMessage through argument-dependent lookup. Each rule's source:
//   [DLI]  seed 002, "Adding DLI Dump Tasks" (path and body tables): task_name ^[A-Za-z0-9_-]{1,64}$,
//          agency_name at most 64, deliver_time_interval 30..900, file_prefix at most 50 letters,
//          digits, '_' and '/' and not starting with '/', retry_duration 0..7200, database and table
//          names required, stream_name at most 60.
//   [DWS]  seed 004, "Adding DWS Dump Tasks" (body tables, Options): every DWS field mandatory,
//          dws_delimiter one of , ; |, reject_limit an integer or "unlimited".
//   [Spec] specs/huawei-dump-tasks.md §1.3-1.4, restating the OBS/MRS/CloudTable API pages and the
//          vendor SDK models (GO model_*_destination_descriptor_request.go, model_options.go, ...):
//          processing_schema, hdfs_prefix_folder at most 50, the CloudTable schema choice and its
//          bounds (row_key 1..64, columns 1..4096, column_name 1..32 letters, digits and '_',
//          OpenTSDB metric value 1..32 letters, digits and '.'), backup_file_prefix, batch tasks[].id.
//   [OBS]  OBS bucket naming: 3 to 63 lowercase letters, digits, '-' and '.'
//   [Stream] DIS stream names: letters, digits, '-' and '_' (CreateStream); at most 60 in paths [DLI]
//   [JDIS] the old DIS-only Java SDK (huaweicloud/huaweicloud-sdk-java-dis, huaweicloud-sdk-java-dis-iface
//          .../stream/request/OBSDestinationDescriptorRequest.java, MRSDestinationDescriptorRequest.java,
//          .../stream/DestinationFileTypeEnum.java): compression_format (none or gzip), carbon_properties
//          (CarbonWriter table properties), MRS destination_file_type (text/parquet/carbon) and
//          partition_format; huawei-more.md §2.3. Not in the API reference: unconfirmed.
//   [List] Huawei "Querying Dump Tasks" (api-dis/ListTransferTasks.html, 2025-11-25): limit 1..10;
//          start_task_name names a task (old Java SDK ListTransferTasksRquest.java); huawei-more.md §2.1.
// Values are never quoted in messages: some fields (user_password) are secrets.

#include <algorithm>
#include <string>

#include "core/fields.h"
#include "core/validation.h"
#include "delivery/dis/model.h"
#include "dis/codec.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

using delivery::detail::Path;
using Violations = std::vector<FieldViolation>;

namespace {

void add(Violations& out, const Path& parent, const char* name, const char* message) {
  out.push_back({Path(parent, name).str(), message});
}

// [DLI][DWS] agency_name: not blank when set; optional for OBS only (see model.h).
// [DLI] file_prefix must not start with '/'.
template <typename D>
void checkCommon(const D& d, const Path& p, Violations& out, bool agencyRequired) {
  if (const auto& a = d.getAgencyName()) {
    if (a->empty()) add(out, p, "agency_name", "must not be empty");
  } else if (agencyRequired) {
    add(out, p, "agency_name", "is required");
  }
  if constexpr (!std::is_same_v<D, CloudtableDestinationDescriptor>) {
    if (const auto& f = d.getFilePrefix(); f && !f->empty() && f->front() == '/') {
      add(out, p, "file_prefix", "must not start with '/'");
    }
  }
}

// [JDIS] carbon_properties: CarbonData writer properties, so only with destination_file_type carbon
// (the field's only meaning; our choice to refuse it otherwise); keys not empty; keys and values
// valid UTF-8 of at most 65536 bytes (README, "Input bounds"). Values are never quoted: a property may
// be anything.
template <typename D>
void checkCarbonProperties(const D& d, const Path& p, Violations& out) {
  const CarbonProperties& properties = d.getCarbonProperties();
  if (properties.empty()) return;
  const Path here(p, "carbon_properties");
  if (d.getDestinationFileType() != DestinationFileType::CARBON) {
    out.push_back({here.str(), "is only for destination_file_type carbon"});
  }
  for (const auto& [key, value] : properties) {
    if (key.empty()) {
      out.push_back({here.str(), "keys must not be empty"});
    } else if (key.size() > 65536 || !delivery::detail::isValidUtf8(key)) {
      out.push_back({here.str(), "keys must be valid UTF-8 of at most 65536 bytes"});
    } else if (value.size() > 65536 || !delivery::detail::isValidUtf8(value)) {
      out.push_back({Path(here, std::string_view(key)).str(), "must be valid UTF-8 of at most 65536 bytes"});
    }
  }
}

}  // namespace

// ---- hand-written rules, beside the tables ------------------------------------------------------

void checkCrossRules(const ObsDestinationDescriptor& d, const Path& p, Violations& out) {
  checkCommon(d, p, out, false);
  checkCarbonProperties(d, p, out);
}
void checkCrossRules(const MrsDestinationDescriptor& d, const Path& p, Violations& out) {
  checkCommon(d, p, out, true);
  checkCarbonProperties(d, p, out);
}
void checkCrossRules(const DliDestinationDescriptor& d, const Path& p, Violations& out) { checkCommon(d, p, out, true); }
void checkCrossRules(const DWSDestinationDescriptor& d, const Path& p, Violations& out) { checkCommon(d, p, out, true); }

// [Spec] a timestamp_format with a String timestamp.
void checkCrossRules(const ProcessingSchema& s, const Path& p, Violations& out) {
  if (s.getTimestampType() == TimestampType::STRING && !s.getTimestampFormat()) {
    add(out, p, "timestamp_format", "is required when timestamp_type is String");
  }
}
void checkCrossRules(const OpenTsdbTimestamp& t, const Path& p, Violations& out) {
  if (t.getType() == OpenTsdbTimestampType::STRING && !t.getFormat()) {
    add(out, p, "format", "is required when the timestamp type is String");
  }
}

// [DWS] reject_limit: an integer or "unlimited"; error_table_name not blank when set.
void checkCrossRules(const Options& o, const Path& p, Violations& out) {
  if (const auto& r = o.getRejectLimit()) {
    const bool number = !r->empty() && r->size() <= 10 &&
                        std::all_of(r->begin(), r->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!number && *r != "unlimited") add(out, p, "reject_limit", "must be a non-negative integer or \"unlimited\"");
  }
  if (const auto& e = o.getErrorTableName(); e && e->empty()) add(out, p, "error_table_name", "must not be empty");
}

// [Spec] exactly one of cloudtable_schema (HBase, which needs cloudtable_table_name) and
// opentsdb_schema (at least one); [OBS] a backup bucket, when set, is named.
void checkCrossRules(const CloudtableDestinationDescriptor& d, const Path& p, Violations& out) {
  checkCommon(d, p, out, true);
  const bool hbase = d.getCloudtableSchema().has_value();
  const bool tsdb = d.getOpenTsdbSchema().has_value();
  if (hbase == tsdb) {
    add(out, p, "cloudtable_schema", "set exactly one of cloudtable_schema (HBase) and opentsdb_schema (OpenTSDB)");
  }
  if (hbase && (!d.getCloudtableTableName() || d.getCloudtableTableName()->empty())) {
    add(out, p, "cloudtable_table_name", "is required with cloudtable_schema");
  }
  if (tsdb && d.getOpenTsdbSchema()->empty()) add(out, p, "opentsdb_schema", "must have at least one entry");
  if (const auto& b = d.getObsBackupBucketPath(); b && b->empty()) add(out, p, "obs_backup_bucket_path", "is required");
}

// ---- validate() ---------------------------------------------------------------------------------

std::vector<FieldViolation> validate(const DestinationDescriptor& descriptor, const std::string& path) {
  Violations out;
  const Path root(path);
  std::visit([&](const auto& d) { delivery::detail::checkMessage(d, root, out); }, descriptor);
  return out;
}

template <typename Self>
Result<void> TransferTaskBody<Self>::validate() const {
  Violations out;
  delivery::detail::checkMessage(static_cast<const Self&>(*this), Path(), out);
  if (!descriptor_) {
    out.push_back({"descriptor", "is required: one of the five destination descriptors"});
  } else {
    const Path root(detail::descriptorKey(*descriptor_));
    std::visit([&](const auto& d) { delivery::detail::checkMessage(d, root, out); }, *descriptor_);
  }
  return delivery::detail::toValidationResult(
      std::move(out), std::is_same_v<Self, CreateTransferTaskRequest> ? "CreateTransferTaskRequest" : "UpdateTransferTaskRequest");
}
template class TransferTaskBody<CreateTransferTaskRequest>;
template class TransferTaskBody<UpdateTransferTaskRequest>;

// [List] start_task_name, when set, names a task.
void checkCrossRules(const ListTransferTasksRequest& r, const Path& p, Violations& out) {
  if (const auto& start = r.getStartTaskName(); start && start->empty()) add(out, p, "start_task_name", "must not be empty");
}

DELIVERY_DEFINE_VALIDATE(ListTransferTasksRequest)
DELIVERY_DEFINE_VALIDATE(ShowTransferTaskRequest)
DELIVERY_DEFINE_VALIDATE(DeleteTransferTaskRequest)

// [Spec] tasks[].id is mandatory: every id named.
template <typename Batch>
void checkBatchIds(const Batch& b, const Path& p, Violations& out) {
  const Path tasks(p, "tasks");
  for (std::size_t i = 0; i < b.getTaskIds().size(); ++i) {
    if (b.getTaskIds()[i].empty()) out.push_back({Path(tasks, i).str(), "is required"});
  }
}
void checkCrossRules(const BatchStartTransferTaskRequest& b, const Path& p, Violations& out) { checkBatchIds(b, p, out); }
void checkCrossRules(const BatchStopTransferTaskRequest& b, const Path& p, Violations& out) { checkBatchIds(b, p, out); }

template <typename Request>
Result<void> BatchTransferTaskRequest<Request>::validate() const {
  return delivery::detail::validateMessage(static_cast<const Request&>(*this),
                                           std::is_same_v<Request, BatchStartTransferTaskRequest>
                                               ? "BatchStartTransferTaskRequest"
                                               : "BatchStopTransferTaskRequest");
}
template Result<void> BatchTransferTaskRequest<BatchStartTransferTaskRequest>::validate() const;
template Result<void> BatchTransferTaskRequest<BatchStopTransferTaskRequest>::validate() const;

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
