// validate() of the DIS transfer-task requests. Each rule names its source:
//   [DLI]  seed 002, "Adding DLI Dump Tasks" (path and body tables)
//   [DWS]  seed 004, "Adding DWS Dump Tasks" (body tables, Options)
//   [Spec] specs/huawei-dump-tasks.md §1.3-1.4, restating the OBS/MRS/CloudTable API pages and the
//          vendor SDK models (GO model_*_destination_descriptor_request.go, model_options.go, ...)
//   [OBS]  OBS bucket naming: 3 to 63 lowercase letters, digits, '-' and '.'
//   [Stream] DIS stream names: letters, digits, '-' and '_' (CreateStream); at most 60 in paths [DLI]
// Values are never quoted in messages: some fields (user_password) are secrets.

#include <algorithm>
#include <string>

#include "core/validation.h"
#include "dis/codec.h"
#include "delivery/dis/model.h"
#include "huawei/validation.h"

namespace delivery::dis {
namespace {

using huawei::detail::allOf;

class Checker {
 public:
  explicit Checker(std::vector<FieldViolation>& out) : out_(out) {}
  void add(const std::string& field, std::string message) { out_.push_back({field, std::move(message)}); }
  /// Non-empty, valid UTF-8, at most kMaxTextBytes: every string a body carries passes here or
  /// through text(). False when a violation was added, so that callers skip their finer rules.
  bool required(const std::string& field, const std::string& v) {
    if (v.empty()) add(field, "is required");
    return !v.empty() && text(field, v);
  }
  /// Valid UTF-8 of at most `maxBytes` (the generous bound unless the vendor documents one).
  bool text(const std::string& field, const std::string& v, std::size_t maxBytes = delivery::detail::kMaxTextBytes) {
    return delivery::detail::checkText(out_, field, v, maxBytes);
  }
  bool text(const std::string& field, const std::optional<std::string>& v) { return !v || text(field, *v); }
  void maxLength(const std::string& field, const std::string& v, std::size_t n) {
    if (v.size() > n) add(field, "must be at most " + std::to_string(n) + " characters");
  }
  void range(const std::string& field, long long v, long long lo, long long hi) {
    if (v < lo || v > hi) add(field, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  }

  // [DLI][DWS] task_name ^[A-Za-z0-9_-]{1,64}$
  void taskName(const std::string& field, const std::string& v) {
    if (!required(field, v)) return;
    maxLength(field, v, 64);
    if (!allOf(v, "_-")) add(field, "may contain only letters, digits, '-' and '_'");
  }
  // [Stream]
  void streamName(const std::string& v) {
    if (!required("streamName", v)) return;
    maxLength("streamName", v, 60);
    if (!allOf(v, "_-")) add("streamName", "may contain only letters, digits, '-' and '_'");
  }
  // [DLI][DWS] file_prefix: at most 50 letters, digits, '_' and '/', not starting with '/'.
  void filePrefix(const std::string& field, const std::optional<std::string>& v) {
    if (!v) return;
    maxLength(field, *v, 50);
    if (!allOf(*v, "_/")) add(field, "may contain only letters, digits, '_' and '/'");
    if (!v->empty() && v->front() == '/') add(field, "must not start with '/'");
  }
  // [OBS]
  void bucket(const std::string& field, const std::string& v) { huawei::detail::checkObsBucket(out_, field, v); }
  // [DLI][DWS][Spec] retry_duration 0..7200
  void retry(const std::string& path, const std::optional<int>& v) {
    if (v) range(path + ".retry_duration", *v, 0, 7200);
  }

  template <typename D>
  void common(const std::string& p, const D& d, bool agencyRequired) {
    taskName(p + ".task_name", d.getTaskName());
    // [DLI][DWS] agency_name: not blank, at most 64; optional for OBS only (see model.h).
    if (const auto& a = d.getAgencyName()) {
      if (a->empty()) add(p + ".agency_name", "must not be empty");
      if (text(p + ".agency_name", *a)) maxLength(p + ".agency_name", *a, 64);
    } else if (agencyRequired) {
      add(p + ".agency_name", "is required");
    }
    // [DLI][DWS] deliver_time_interval 30..900 seconds.
    range(p + ".deliver_time_interval", d.getDeliverTimeInterval(), 30, 900);
    if (const auto& c = d.getConsumerStrategy()) {
      if (static_cast<int>(*c) < 0 || static_cast<int>(*c) > 1) add(p + ".consumer_strategy", "is not LATEST or TRIM_HORIZON");
    }
  }

  void check(const std::string& p, const ObsDestinationDescriptor& d) {
    common(p, d, false);
    filePrefix(p + ".file_prefix", d.getFilePrefix());
    bucket(p + ".obs_bucket_path", d.getObsBucketPath());
    // [Spec] processing_schema: timestamp_name and timestamp_type required; a format with String.
    if (const auto& s = d.getProcessingSchema()) {
      required(p + ".processing_schema.timestamp_name", s->getTimestampName());
      if (s->getTimestampType() == TimestampType::String && !s->getTimestampFormat()) {
        add(p + ".processing_schema.timestamp_format", "is required when timestamp_type is String");
      }
    }
  }

  void check(const std::string& p, const MrsDestinationDescriptor& d) {
    common(p, d, true);
    required(p + ".mrs_cluster_name", d.getMrsClusterName());
    required(p + ".mrs_cluster_id", d.getMrsClusterId());
    required(p + ".mrs_hdfs_path", d.getMrsHdfsPath());
    filePrefix(p + ".file_prefix", d.getFilePrefix());
    if (const auto& f = d.getHdfsPrefixFolder()) {
      if (text(p + ".hdfs_prefix_folder", *f)) maxLength(p + ".hdfs_prefix_folder", *f, 50);  // [Spec]
    }
    bucket(p + ".obs_bucket_path", d.getObsBucketPath());
    retry(p, d.getRetryDuration());
  }

  void check(const std::string& p, const DliDestinationDescriptor& d) {
    common(p, d, true);
    required(p + ".dli_database_name", d.getDliDatabaseName());  // [DLI]
    required(p + ".dli_table_name", d.getDliTableName());
    bucket(p + ".obs_bucket_path", d.getObsBucketPath());
    filePrefix(p + ".file_prefix", d.getFilePrefix());
    retry(p, d.getRetryDuration());
  }

  void check(const std::string& p, const DWSDestinationDescriptor& d) {
    common(p, d, true);
    // [DWS] every one of these is mandatory.
    required(p + ".dws_cluster_name", d.getDwsClusterName());
    required(p + ".dws_cluster_id", d.getDwsClusterId());
    required(p + ".dws_database_name", d.getDwsDatabaseName());
    required(p + ".dws_schema", d.getDwsSchema());
    required(p + ".dws_table_name", d.getDwsTableName());
    if (!d.getDwsDelimiter()) add(p + ".dws_delimiter", "is required: ',', ';' or '|'");
    required(p + ".user_name", d.getUserName());
    required(p + ".user_password", d.getUserPassword());
    required(p + ".kms_user_key_name", d.getKmsUserKeyName());
    required(p + ".kms_user_key_id", d.getKmsUserKeyId());
    bucket(p + ".obs_bucket_path", d.getObsBucketPath());
    filePrefix(p + ".file_prefix", d.getFilePrefix());
    retry(p, d.getRetryDuration());
    text(p + ".dws_table_columns", d.getDwsTableColumns());
    if (const auto& o = d.getOptions()) {
      // [DWS] reject_limit: an integer or "unlimited".
      if (const auto& r = o->getRejectLimit()) {
        const bool number = !r->empty() && r->size() <= 10 &&
                            std::all_of(r->begin(), r->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!number && *r != "unlimited") add(p + ".options.reject_limit", "must be a non-negative integer or \"unlimited\"");
      }
      if (const auto& e = o->getErrorTableName()) {
        if (e->empty()) add(p + ".options.error_table_name", "must not be empty");
        text(p + ".options.error_table_name", *e);
      }
    }
  }

  void check(const std::string& p, const CloudtableDestinationDescriptor& d) {
    common(p, d, true);
    required(p + ".cloudtable_cluster_name", d.getCloudtableClusterName());
    required(p + ".cloudtable_cluster_id", d.getCloudtableClusterId());
    const bool hbase = d.getCloudtableSchema().has_value();
    const bool tsdb = d.getOpenTsdbSchema().has_value();
    // [Spec] exactly one of cloudtable_schema (HBase) and opentsdb_schema.
    if (hbase == tsdb) {
      add(p + ".cloudtable_schema", "set exactly one of cloudtable_schema (HBase) and opentsdb_schema (OpenTSDB)");
    }
    if (hbase) {
      if (!d.getCloudtableTableName() || d.getCloudtableTableName()->empty()) {
        add(p + ".cloudtable_table_name", "is required with cloudtable_schema");
      }
    }
    text(p + ".cloudtable_table_name", d.getCloudtableTableName());
    if (hbase) {
      const CloudtableSchema& s = *d.getCloudtableSchema();
      const std::string sp = p + ".cloudtable_schema";
      if (s.rowKey.empty() || s.rowKey.size() > 64) add(sp + ".row_key", "must have 1 to 64 entries");
      for (std::size_t i = 0; i < s.rowKey.size(); ++i) {
        required(sp + ".row_key[" + std::to_string(i) + "].value", s.rowKey[i].value);
      }
      if (s.columns.empty() || s.columns.size() > 4096) add(sp + ".columns", "must have 1 to 4096 entries");
      for (std::size_t i = 0; i < s.columns.size(); ++i) {
        const std::string cp = sp + ".columns[" + std::to_string(i) + "]";
        const auto& c = s.columns[i];
        required(cp + ".column_family_name", c.columnFamilyName);
        if (required(cp + ".column_name", c.columnName)) {
          maxLength(cp + ".column_name", c.columnName, 32);
          if (!allOf(c.columnName, "_")) add(cp + ".column_name", "may contain only letters, digits and '_'");
        }
        required(cp + ".value", c.value);
      }
    }
    if (tsdb) {
      const auto& list = *d.getOpenTsdbSchema();
      if (list.empty()) add(p + ".opentsdb_schema", "must have at least one entry");
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string sp = p + ".opentsdb_schema[" + std::to_string(i) + "]";
        const auto& s = list[i];
        if (s.metric.empty()) add(sp + ".metric", "must have at least one entry");
        for (std::size_t k = 0; k < s.metric.size(); ++k) {
          const std::string mp = sp + ".metric[" + std::to_string(k) + "].value";
          if (required(mp, s.metric[k].value)) {
            maxLength(mp, s.metric[k].value, 32);
            if (!allOf(s.metric[k].value, ".")) add(mp, "may contain only letters, digits and '.'");
          }
        }
        if (required(sp + ".timestamp.value", s.timestamp.value)) maxLength(sp + ".timestamp.value", s.timestamp.value, 32);
        if (s.timestamp.type == OpenTsdbTimestampType::String && !s.timestamp.format) {
          add(sp + ".timestamp.format", "is required when the timestamp type is String");
        }
        required(sp + ".value.value", s.value.value);
        if (s.tags.empty()) add(sp + ".tags", "must have at least one entry");
        for (std::size_t k = 0; k < s.tags.size(); ++k) {
          const std::string tp = sp + ".tags[" + std::to_string(k) + "]";
          required(tp + ".name", s.tags[k].name);
          required(tp + ".value", s.tags[k].value);
        }
      }
    }
    if (const auto& b = d.getObsBackupBucketPath()) bucket(p + ".obs_backup_bucket_path", *b);
    if (const auto& f = d.getBackupFilePrefix()) {  // [Spec] at most 50 letters, digits and '_'
      maxLength(p + ".backup_file_prefix", *f, 50);
      if (!allOf(*f, "_")) add(p + ".backup_file_prefix", "may contain only letters, digits and '_'");
    }
    retry(p, d.getRetryDuration());
  }

 private:
  std::vector<FieldViolation>& out_;
};


}  // namespace

std::vector<FieldViolation> validate(const DestinationDescriptor& descriptor, const std::string& path) {
  std::vector<FieldViolation> v;
  Checker c(v);
  std::visit([&](const auto& d) { c.check(path, d); }, descriptor);
  return v;
}

template <typename Self>
Result<void> TransferTaskBodyBase<Self>::validate() const {
  std::vector<FieldViolation> v;
  Checker c(v);
  c.streamName(streamName_);
  if (!descriptor_) {
    c.add("descriptor", "is required: one of the five destination descriptors");
  } else {
    for (auto& x : dis::validate(*descriptor_, detail::descriptorKey(*descriptor_))) v.push_back(std::move(x));
  }
  return delivery::detail::toValidationResult(
      std::move(v), std::is_same_v<Self, CreateTransferTaskRequest> ? "CreateTransferTaskRequest" : "UpdateTransferTaskRequest");
}
template class TransferTaskBodyBase<CreateTransferTaskRequest>;
template class TransferTaskBodyBase<UpdateTransferTaskRequest>;

Result<void> ListTransferTasksRequest::validate() const {
  std::vector<FieldViolation> v;
  Checker(v).streamName(streamName_);
  return delivery::detail::toValidationResult(std::move(v), "ListTransferTasksRequest");
}

template <typename Self>
Result<void> TransferTaskRequestBase<Self>::validate() const {
  std::vector<FieldViolation> v;
  Checker c(v);
  c.streamName(streamName_);
  c.taskName("taskName", taskName_);
  return delivery::detail::toValidationResult(std::move(v),
                std::is_same_v<Self, ShowTransferTaskRequest> ? "ShowTransferTaskRequest" : "DeleteTransferTaskRequest");
}
template class TransferTaskRequestBase<ShowTransferTaskRequest>;
template class TransferTaskRequestBase<DeleteTransferTaskRequest>;

template <typename Self>
Result<void> BatchTransferTaskRequestBase<Self>::validate() const {
  std::vector<FieldViolation> v;
  Checker c(v);
  c.streamName(streamName_);
  // [Spec] action and tasks[].id are mandatory.
  if (taskIds_.empty()) c.add("taskIds", "must name at least one task id");
  for (std::size_t i = 0; i < taskIds_.size(); ++i) c.required("taskIds[" + std::to_string(i) + "]", taskIds_[i]);
  return delivery::detail::toValidationResult(std::move(v), std::is_same_v<Self, BatchStartTransferTaskRequest> ? "BatchStartTransferTaskRequest"
                                                                                   : "BatchStopTransferTaskRequest");
}
template class BatchTransferTaskRequestBase<BatchStartTransferTaskRequest>;
template class BatchTransferTaskRequestBase<BatchStopTransferTaskRequest>;

}  // namespace delivery::dis
