#pragma once

#include "delivery/export.h"
// Huawei Cloud DIS transfer (dump) tasks: destination descriptors, requests and responses.
// JSON names follow the DIS API (POST/PUT/GET /v2/{project_id}/streams/{stream_name}/transfer-tasks);
// class and accessor names follow the vendor SDKs (DliDestinationDescriptor, DWSDestinationDescriptor...).
//
// Each message is one field table (DELIVERY_MESSAGE): the table gives the accessors, the wire name
// and order, and the simple rules; the rules that tie fields together are in src/dis/validation.cc,
// beside the sources of every rule. validate() reports every violated rule at once, each with its
// path of wire names ("dws_destination_descriptor.options.reject_limit", "stream_name").
// Where the vendor documents contradict each other, this SDK chooses:
//
// - retry_duration: the API tables and every SDK model type it as a string, every documented example
//   sends a JSON integer (1800). It is sent as an integer; DisClientConfig::retryDurationAsString
//   switches to a string. Range 0..7200 either way.
// - record_delimiter (OBS): one doc cell names both "," and "\n" as the default. The SDK has no
//   default of its own: unset means omitted, and the service decides. Set it when it matters.
// - DWS options (fill_missing_fields, ignore_extra_data, compatible_illegal_chars): the models list
//   the literal values "true/on" and "false/off", the example sends "false". They are booleans here,
//   sent as "true" / "false".
// - agency_name: required by the DLI, DWS, MRS and CloudTable pages; the newest OBS page makes it
//   optional (the service then creates dis_admin_agency). Required except for OBS.
// - destination_file_type "carbon": an old example sends "CarbonData"; "carbon" is sent.
// - dws_delimiter: the DWS example sends "", which its own table forbids (one of , ; |). The empty
//   value is rejected.
// - Strings without a documented bound (cluster names and ids, user_name, user_password, KMS key
//   names, dws_table_columns, ...): valid UTF-8 of at most 65536 bytes (README, "Input bounds").
//   Documented bounds (task_name 64, agency_name 64, file_prefix 50, ...) are in the tables below,
//   their sources in src/dis/validation.cc. Integers keep their documented ranges (deliver_time_interval 30..900,
//   retry_duration 0..7200).
//
// Secrets: DWSDestinationDescriptor::user_password never appears in toString(), logs or errors.

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "delivery/core/enum.h"
#include "delivery/core/message.h"
#include "delivery/core/result.h"
#include "delivery/huawei/common.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

// ---- enums (toString gives the wire value) ------------------------------------------------------
// Enumerators are spelled as the constants of the vendor Java SDK (huaweicloud-sdk-java-v3,
// services/dis .../v2/model: TransferTask.DestinationTypeEnum, CommonDestinationDescriptor.
// ConsumerStrategyEnum, OBSDestinationDescriptorRequest.DestinationFileTypeEnum, RowKey.TypeEnum,
// OpenTSDBMetric.TypeEnum, TransferTask.StateEnum). Where that SDK types the field as a plain
// string, the enumerators are the UPPER_SNAKE form of the wire value, or of the character's name
// for one-character delimiters; each such enum says so.

#define DELIVERY_DIS_DESTINATION_TYPE(X) \
  X(OBS, "OBS") X(MRS, "MRS") X(DLI, "DLI") X(CLOUDTABLE, "CLOUDTABLE") X(DWS, "DWS")
/// Where a transfer task dumps data: OBS, MRS, DLI, CLOUDTABLE or DWS.
DELIVERY_ENUM(DestinationType, DELIVERY_DIS_DESTINATION_TYPE)

#define DELIVERY_DIS_CONSUMER_STRATEGY(X) X(LATEST, "LATEST") X(TRIM_HORIZON, "TRIM_HORIZON")
/// Where a new task starts reading the stream: LATEST or TRIM_HORIZON (the oldest record kept).
DELIVERY_ENUM(ConsumerStrategy, DELIVERY_DIS_CONSUMER_STRATEGY)

#define DELIVERY_DIS_DESTINATION_FILE_TYPE(X) X(TEXT, "text") X(PARQUET, "parquet") X(CARBON, "carbon")
/// File format of an OBS or MRS dump: text, parquet or carbon.
DELIVERY_ENUM(DestinationFileType, DELIVERY_DIS_DESTINATION_FILE_TYPE)

using huawei::PartitionFormat;

/// compression_format of the OBS and MRS descriptors: only in the old DIS-only Java SDK
/// (huaweicloud-sdk-java-dis, OBSDestinationDescriptorRequest.java / MRSDestinationDescriptorRequest.java:
/// "currently supported: no compression, gzip"). It names no token for "no compression": leave the
/// field unset for that. No API page documents the field (huawei-more.md §2.3, unconfirmed).
#define DELIVERY_DIS_COMPRESSION_FORMAT(X) X(GZIP, "gzip")
/// compression_format of OBS and MRS dumps: gzip (leave the field unset for none).
DELIVERY_ENUM(CompressionFormat, DELIVERY_DIS_COMPRESSION_FORMAT)

/// A plain string in the Java SDK: the characters' names.
#define DELIVERY_DIS_RECORD_DELIMITER(X) X(COMMA, ",") X(SEMICOLON, ";") X(PIPE, "|") X(NEWLINE, "\n")
/// record_delimiter between dumped records: ',', ';', '|' or a newline.
DELIVERY_ENUM(RecordDelimiter, DELIVERY_DIS_RECORD_DELIMITER)

/// A plain string in the Java SDK: the characters' names.
#define DELIVERY_DIS_DWS_DELIMITER(X) X(COMMA, ",") X(SEMICOLON, ";") X(PIPE, "|")
/// dws_delimiter between the columns of a DWS row: ',', ';' or '|'.
DELIVERY_ENUM(DwsDelimiter, DELIVERY_DIS_DWS_DELIMITER)

/// ProcessingSchema.timestamp_type, a plain string in the Java SDK: UPPER_SNAKE of the wire value.
#define DELIVERY_DIS_TIMESTAMP_TYPE(X) X(STRING, "String") X(TIMESTAMP, "Timestamp")
/// Type of the record field that holds the time: String or Timestamp.
DELIVERY_ENUM(TimestampType, DELIVERY_DIS_TIMESTAMP_TYPE)

/// A plain string in the Java SDK. The wire values differ only in their separator, which the
/// enumerators name: YYYY_MM_DD_SLASH is "yyyy/MM/dd HH:mm:ss", YYYY_MM_DD_DASH "yyyy-MM-dd HH:mm:ss".
#define DELIVERY_DIS_TIMESTAMP_FORMAT(X)          \
  X(YYYY_MM_DD_SLASH, "yyyy/MM/dd HH:mm:ss")      \
  X(MM_DD_YYYY_SLASH, "MM/dd/yyyy HH:mm:ss")      \
  X(DD_MM_YYYY_SLASH, "dd/MM/yyyy HH:mm:ss")      \
  X(YYYY_MM_DD_DASH, "yyyy-MM-dd HH:mm:ss")       \
  X(MM_DD_YYYY_DASH, "MM-dd-yyyy HH:mm:ss")       \
  X(DD_MM_YYYY_DASH, "dd-MM-yyyy HH:mm:ss")
/// Formats of a String timestamp (e.g. "yyyy/MM/dd HH:mm:ss").
DELIVERY_ENUM(TimestampFormat, DELIVERY_DIS_TIMESTAMP_FORMAT)

/// Column and value types of CloudTable (HBase) and OpenTSDB schemas (RowKey.TypeEnum, Column.TypeEnum).
#define DELIVERY_DIS_CLOUDTABLE_DATA_TYPE(X)                                                   \
  X(BIGINT, "Bigint") X(DOUBLE, "Double") X(BOOLEAN, "Boolean") X(TIMESTAMP, "Timestamp") \
  X(STRING, "String") X(DECIMAL, "Decimal")
/// Data types of CloudTable (HBase and OpenTSDB) values.
DELIVERY_ENUM(CloudtableDataType, DELIVERY_DIS_CLOUDTABLE_DATA_TYPE)

/// OpenTSDBMetric.TypeEnum.
#define DELIVERY_DIS_OPENTSDB_METRIC_TYPE(X) X(CONSTANT, "Constant") X(STRING, "String")
/// How an OpenTSDB metric is given: a Constant or a String attribute of the record.
DELIVERY_ENUM(OpenTsdbMetricType, DELIVERY_DIS_OPENTSDB_METRIC_TYPE)

/// OpenTSDBTimestamp.type, a plain string in the Java SDK: UPPER_SNAKE of the wire value.
#define DELIVERY_DIS_OPENTSDB_TIMESTAMP_TYPE(X) X(TIMESTAMP, "Timestamp") X(STRING, "String")
/// Type of an OpenTSDB timestamp attribute: Timestamp or String.
DELIVERY_ENUM(OpenTsdbTimestampType, DELIVERY_DIS_OPENTSDB_TIMESTAMP_TYPE)

/// A plain string in the Java SDK: the characters' names.
#define DELIVERY_DIS_ROW_KEY_DELIMITER(X)                                                       \
  X(COMMA, ",") X(DOT, ".") X(PIPE, "|") X(SEMICOLON, ";") X(BACKSLASH, "\\") X(HYPHEN, "-") \
  X(UNDERSCORE, "_") X(TILDE, "~")
/// Delimiter between the parts of an HBase row key.
DELIVERY_ENUM(RowKeyDelimiter, DELIVERY_DIS_ROW_KEY_DELIMITER)

/// Task state from list/show (TransferTask.StateEnum). UNKNOWN is this SDK's own: the state of a
/// task whose wire value it does not know yet (TransferTask::getStateText() has that value).
#define DELIVERY_DIS_TRANSFER_TASK_STATE(X)                                                  \
  X(ERROR, "ERROR") X(STARTING, "STARTING") X(PAUSED, "PAUSED") X(RUNNING, "RUNNING")     \
  X(DELETE, "DELETE") X(ABNORMAL, "ABNORMAL") X(UNKNOWN, "UNKNOWN")
/// State of a transfer task as the service reports it; UNKNOWN for a state this SDK does not know.
DELIVERY_ENUM(TransferTaskState, DELIVERY_DIS_TRANSFER_TASK_STATE)

using huawei::toString;

// ---- the rules the tables share (sources in src/dis/validation.cc) -------------------------------

namespace rules {
using field::Rule;
inline constexpr std::size_t kMany = std::numeric_limits<std::size_t>::max();
inline constexpr char kLettersDigitsUnderscore[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
inline constexpr char kLettersDigitsUnderscoreSlash[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/";
inline constexpr char kLettersDigitsDot[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";
inline constexpr char kBucketChars[] = "abcdefghijklmnopqrstuvwxyz0123456789-.";

/// Stream and task names: 1..max letters, digits, '-' and '_'.
constexpr Rule name(std::size_t max, const char* tooLong) {
  return field::text(1, max).chars(field::kNameChars, "may contain only letters, digits, '-' and '_'").sizeMessage(tooLong);
}
inline constexpr Rule kTaskName = name(64, "must be at most 64 characters");
inline constexpr Rule kStreamName = name(60, "must be at most 60 characters");
/// Required, present (not blank) and other rules for agency_name are hand-written (OBS differs).
inline constexpr Rule kAgencyName = field::text(0, 64).sizeMessage("must be at most 64 characters");
inline constexpr Rule kDeliverTimeInterval = field::range(30, 900);
inline constexpr Rule kConsumerStrategy = field::any().message("is not LATEST or TRIM_HORIZON");
inline constexpr Rule kRetryDuration = field::range(0, 7200);
/// Not starting with '/' is hand-written.
inline constexpr Rule kFilePrefix = field::text(0, 50)
                                        .chars(kLettersDigitsUnderscoreSlash, "may contain only letters, digits, '_' and '/'")
                                        .sizeMessage("must be at most 50 characters");
/// An OBS bucket name: 3 to 63 lowercase letters, digits, '-' and '.'.
inline constexpr Rule kBucket = field::text(3, 63)
                                    .chars(kBucketChars, "may contain only lowercase letters, digits, '-' and '.'")
                                    .sizeMessage("must be 3 to 63 characters long");
/// The same when the bucket is optional (set but empty is hand-written).
constexpr Rule optionalBucket() {
  Rule r = kBucket;
  r.required = false;
  return r;
}
/// A task name that may be left out (set but empty is hand-written).
constexpr Rule optionalTaskName() {
  Rule r = kTaskName;
  r.required = false;
  return r;
}
/// At least one item.
inline constexpr Rule kNonEmptyList = field::required().size(1, kMany).message("must have at least one entry");
}  // namespace rules

// ---- destination descriptors -------------------------------------------------------------------

/// The fields every destination descriptor starts with (CommonDestinationDescriptor), in wire order:
///   task_name: 1..64 letters, digits, '-' and '_';
///   agency_name: the IAM agency DIS acts through, at most 64 characters (e.g. "dis_admin_agency");
///     required except for OBS;
///   deliver_time_interval: seconds between dumps, 30..900; 300 unless set; always sent;
///   consumer_strategy: LATEST (the service's default when omitted) or TRIM_HORIZON.
#define DELIVERY_DIS_COMMON_FIELDS(X)                                                                   \
  X(VALUE, std::string, TaskName, "task_name", , ::delivery::dis::rules::kTaskName)                     \
  X(OPTIONAL, std::string, AgencyName, "agency_name", , ::delivery::dis::rules::kAgencyName)            \
  X(VALUE, int, DeliverTimeInterval, "deliver_time_interval", = 300, ::delivery::dis::rules::kDeliverTimeInterval) \
  X(OPTIONAL, ConsumerStrategy, ConsumerStrategy, "consumer_strategy", , ::delivery::dis::rules::kConsumerStrategy)

/// Which field of the records holds their time, for OBS partitioning. timestamp_format is
/// required when the type is STRING.
#define DELIVERY_DIS_PROCESSING_SCHEMA_FIELDS(X)                                                  \
  X(VALUE, std::string, TimestampName, "timestamp_name", , ::delivery::field::required())       \
  X(VALUE, TimestampType, TimestampType, "timestamp_type", = TimestampType::TIMESTAMP, ::delivery::field::any()) \
  X(OPTIONAL, TimestampFormat, TimestampFormat, "timestamp_format", , ::delivery::field::any())

/// The record field that holds each record's time, for OBS partitioning (fields: timestamp_name,
/// timestamp_type, timestamp_format).
class ProcessingSchema {
  DELIVERY_MESSAGE(ProcessingSchema, DELIVERY_DIS_PROCESSING_SCHEMA_FIELDS)
  ProcessingSchema() = default;
  /// With the given fields set.
  ProcessingSchema(std::string timestampName, TimestampType type)
      : TimestampName_(std::move(timestampName)), TimestampType_(type) {}
};

/// obs_bucket_path: the bucket (required). file_prefix: a directory in the bucket, at most 50
/// letters, digits, '_' and '/', not starting with '/'. destination_file_type: text (the service's
/// default), parquet or carbon (the last two need a JSON stream). record_delimiter: see the note at
/// the top of this file about its default.
#define DELIVERY_DIS_OBS_FIELDS(X)                                                                      \
  DELIVERY_DIS_COMMON_FIELDS(X)                                                                         \
  X(OPTIONAL, std::string, FilePrefix, "file_prefix", , ::delivery::dis::rules::kFilePrefix)            \
  X(OPTIONAL, PartitionFormat, PartitionFormat, "partition_format", , ::delivery::field::any())         \
  X(VALUE, std::string, ObsBucketPath, "obs_bucket_path", , ::delivery::dis::rules::kBucket)            \
  X(OPTIONAL, DestinationFileType, DestinationFileType, "destination_file_type", , ::delivery::field::any()) \
  X(OPTIONAL, ProcessingSchema, ProcessingSchema, "processing_schema", , ::delivery::field::any())      \
  X(OPTIONAL, RecordDelimiter, RecordDelimiter, "record_delimiter", , ::delivery::field::any())           \
  X(OPTIONAL, CompressionFormat, CompressionFormat, "compression_format", , ::delivery::field::any())

/// carbon_properties (OBS and MRS): CarbonData writer table properties, a JSON object of string
/// values ("CarbonWriter.builder.withTableProperties" in the old DIS-only Java SDK, the only source;
/// huawei-more.md §2.3, unconfirmed). A map is not a table field: it is written after the table's
/// fields, and its rules (only with destination_file_type carbon; keys not empty) are in
/// src/dis/validation.cc.
using CarbonProperties = std::map<std::string, std::string>;

/// The carbon_properties accessors of a descriptor (Self is the descriptor).
template <typename Self>
class WithCarbonProperties {
 public:
  /// The carbon_properties; empty: not sent.
  const CarbonProperties& getCarbonProperties() const noexcept { return carbonProperties_; }
  /// Replaces every carbon property.
  Self& setCarbonProperties(CarbonProperties v) {
    carbonProperties_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  /// Sets one carbon property, replacing a value already under `key`.
  Self& addCarbonProperty(std::string key, std::string value) {
    carbonProperties_[std::move(key)] = std::move(value);
    return static_cast<Self&>(*this);
  }
  /// Removes every carbon property (none is sent).
  Self& clearCarbonProperties() {
    carbonProperties_.clear();
    return static_cast<Self&>(*this);
  }

 private:
  CarbonProperties carbonProperties_;  // empty: not sent
};

/// compression_format and carbon_properties come from the old DIS-only Java SDK only (see above).
class ObsDestinationDescriptor : public WithCarbonProperties<ObsDestinationDescriptor> {
  DELIVERY_MESSAGE(ObsDestinationDescriptor, DELIVERY_DIS_OBS_FIELDS)
};

/// mrs_hdfs_path: e.g. "/user". hdfs_prefix_folder: at most 50 characters, '/'-separated.
/// obs_bucket_path: a temporary bucket (required). retry_duration: seconds to keep retrying a
/// failed dump, 0..7200 (service default 1800).
#define DELIVERY_DIS_MRS_FIELDS(X)                                                                      \
  DELIVERY_DIS_COMMON_FIELDS(X)                                                                         \
  X(VALUE, std::string, MrsClusterName, "mrs_cluster_name", , ::delivery::field::required())            \
  X(VALUE, std::string, MrsClusterId, "mrs_cluster_id", , ::delivery::field::required())                \
  X(VALUE, std::string, MrsHdfsPath, "mrs_hdfs_path", , ::delivery::field::required())                  \
  X(OPTIONAL, std::string, FilePrefix, "file_prefix", , ::delivery::dis::rules::kFilePrefix)            \
  X(OPTIONAL, std::string, HdfsPrefixFolder, "hdfs_prefix_folder", ,                                     \
    ::delivery::field::text(0, 50).sizeMessage("must be at most 50 characters"))                       \
  X(VALUE, std::string, ObsBucketPath, "obs_bucket_path", , ::delivery::dis::rules::kBucket)            \
  X(OPTIONAL, int, RetryDuration, "retry_duration", , ::delivery::dis::rules::kRetryDuration)           \
  X(OPTIONAL, DestinationFileType, DestinationFileType, "destination_file_type", , ::delivery::field::any()) \
  X(OPTIONAL, PartitionFormat, PartitionFormat, "partition_format", , ::delivery::field::any())         \
  X(OPTIONAL, CompressionFormat, CompressionFormat, "compression_format", , ::delivery::field::any())

/// The last three fields and carbon_properties are not in the MRS page's table; they follow it
/// (the old DIS-only Java SDK's MRSDestinationDescriptorRequest.java has them all). destination_file_type: text, parquet or
/// carbon; the documented MRS examples send "text" (OTC adding_mrs_dump_tasks.rst, Huawei
/// api-dis/dis_02_0410.html). partition_format: the five OBS values (Java SDK only, unconfirmed).
/// compression_format and carbon_properties: as for OBS. huawei-more.md §2.3.
class MrsDestinationDescriptor : public WithCarbonProperties<MrsDestinationDescriptor> {
  DELIVERY_MESSAGE(MrsDestinationDescriptor, DELIVERY_DIS_MRS_FIELDS)
};

/// dli_table_name: a table whose data is stored in DLI, which you may insert into.
#define DELIVERY_DIS_DLI_FIELDS(X)                                                                      \
  DELIVERY_DIS_COMMON_FIELDS(X)                                                                         \
  X(VALUE, std::string, DliDatabaseName, "dli_database_name", , ::delivery::field::required())          \
  X(VALUE, std::string, DliTableName, "dli_table_name", , ::delivery::field::required())                \
  X(VALUE, std::string, ObsBucketPath, "obs_bucket_path", , ::delivery::dis::rules::kBucket)            \
  X(OPTIONAL, std::string, FilePrefix, "file_prefix", , ::delivery::dis::rules::kFilePrefix)            \
  X(OPTIONAL, int, RetryDuration, "retry_duration", , ::delivery::dis::rules::kRetryDuration)

/// A DLI destination: the DLI database and table to insert into, and the OBS bucket that stages data.
class DliDestinationDescriptor {
  DELIVERY_MESSAGE(DliDestinationDescriptor, DELIVERY_DIS_DLI_FIELDS)
};

/// DWS fault-tolerance options. The three flags travel as "true" / "false" (see the note at the
/// top of this file). reject_limit: a non-negative integer as text, or "unlimited".
#define DELIVERY_DIS_OPTIONS_FIELDS(X)                                                                  \
  X(OPTIONAL, bool, FillMissingFields, "fill_missing_fields", , ::delivery::field::any().asText())      \
  X(OPTIONAL, bool, IgnoreExtraData, "ignore_extra_data", , ::delivery::field::any().asText())          \
  X(OPTIONAL, bool, CompatibleIllegalChars, "compatible_illegal_chars", , ::delivery::field::any().asText()) \
  X(OPTIONAL, std::string, RejectLimit, "reject_limit", , ::delivery::field::any())                     \
  X(OPTIONAL, std::string, ErrorTableName, "error_table_name", , ::delivery::field::any())

/// DWS fault-tolerance options (fill_missing_fields, ignore_extra_data, compatible_illegal_chars,
/// reject_limit, error_table_name).
class Options {
  DELIVERY_MESSAGE(Options, DELIVERY_DIS_OPTIONS_FIELDS)
};

/// Every DWS field is mandatory but file_prefix, retry_duration, dws_table_columns (columns to
/// fill, e.g. "c1,c2"; all columns when unset) and options. user_password is a secret: never printed.
#define DELIVERY_DIS_DWS_FIELDS(X)                                                                      \
  DELIVERY_DIS_COMMON_FIELDS(X)                                                                         \
  X(VALUE, std::string, DwsClusterName, "dws_cluster_name", , ::delivery::field::required())            \
  X(VALUE, std::string, DwsClusterId, "dws_cluster_id", , ::delivery::field::required())                \
  X(VALUE, std::string, DwsDatabaseName, "dws_database_name", , ::delivery::field::required())          \
  X(VALUE, std::string, DwsSchema, "dws_schema", , ::delivery::field::required())                       \
  X(VALUE, std::string, DwsTableName, "dws_table_name", , ::delivery::field::required())                \
  X(OPTIONAL, DwsDelimiter, DwsDelimiter, "dws_delimiter", ,                                             \
    ::delivery::field::required().whenMissing("is required: ',', ';' or '|'"))                          \
  X(VALUE, std::string, UserName, "user_name", , ::delivery::field::required())                         \
  X(VALUE, std::string, UserPassword, "user_password", , ::delivery::field::required().hidden())        \
  X(VALUE, std::string, KmsUserKeyName, "kms_user_key_name", , ::delivery::field::required())           \
  X(VALUE, std::string, KmsUserKeyId, "kms_user_key_id", , ::delivery::field::required())               \
  X(VALUE, std::string, ObsBucketPath, "obs_bucket_path", , ::delivery::dis::rules::kBucket)            \
  X(OPTIONAL, std::string, FilePrefix, "file_prefix", , ::delivery::dis::rules::kFilePrefix)            \
  X(OPTIONAL, int, RetryDuration, "retry_duration", , ::delivery::dis::rules::kRetryDuration)           \
  X(OPTIONAL, std::string, DwsTableColumns, "dws_table_columns", , ::delivery::field::any())            \
  X(OPTIONAL, Options, Options, "options", , ::delivery::field::any())

/// A DWS (GaussDB(DWS)) destination: cluster, database, schema, table, user and staging bucket.
/// The user password is a secret.
class DWSDestinationDescriptor {
  DELIVERY_MESSAGE(DWSDestinationDescriptor, DELIVERY_DIS_DWS_FIELDS)
};

// ---- CloudTable -----------------------------------------------------------------------------------

/// value: the JSON attribute holding the key part.
#define DELIVERY_DIS_ROW_KEY_FIELDS(X)                                              \
  X(VALUE, std::string, Value, "value", , ::delivery::field::required())          \
  X(VALUE, CloudtableDataType, Type, "type", = CloudtableDataType::STRING, ::delivery::field::any())

/// One part of an HBase row key: a JSON attribute and its type.
class RowKey {
  DELIVERY_MESSAGE(RowKey, DELIVERY_DIS_ROW_KEY_FIELDS)
  RowKey() = default;
  /// With the given fields set.
  RowKey(std::string value, CloudtableDataType type) : Value_(std::move(value)), Type_(type) {}
};

/// column_name: 1..32 letters, digits and '_'. value: the JSON attribute holding the value.
#define DELIVERY_DIS_CLOUDTABLE_COLUMN_FIELDS(X)                                                      \
  X(VALUE, std::string, ColumnFamilyName, "column_family_name", , ::delivery::field::required())    \
  X(VALUE, std::string, ColumnName, "column_name", ,                                                 \
    ::delivery::field::text(1, 32)                                                                   \
        .chars(::delivery::dis::rules::kLettersDigitsUnderscore, "may contain only letters, digits and '_'") \
        .sizeMessage("must be at most 32 characters"))                                              \
  X(VALUE, std::string, Value, "value", , ::delivery::field::required())                            \
  X(VALUE, CloudtableDataType, Type, "type", = CloudtableDataType::STRING, ::delivery::field::any())

/// One HBase column: column family, column name, the JSON attribute holding its value and its type.
class CloudtableColumn {
  DELIVERY_MESSAGE(CloudtableColumn, DELIVERY_DIS_CLOUDTABLE_COLUMN_FIELDS)
  CloudtableColumn() = default;
  /// With the given fields set.
  CloudtableColumn(std::string columnFamilyName, std::string columnName, std::string value, CloudtableDataType type)
      : ColumnFamilyName_(std::move(columnFamilyName)), ColumnName_(std::move(columnName)), Value_(std::move(value)),
        Type_(type) {}
};

/// HBase schema: row key parts (1..64) and columns (1..4096).
#define DELIVERY_DIS_CLOUDTABLE_SCHEMA_FIELDS(X)                                                      \
  X(VALUE, std::vector<RowKey>, RowKey, "row_key", ,                                                 \
    ::delivery::field::required().size(1, 64).message("must have 1 to 64 entries"))                 \
  X(VALUE, std::vector<CloudtableColumn>, Columns, "columns", ,                                      \
    ::delivery::field::required().size(1, 4096).message("must have 1 to 4096 entries"))

/// An HBase schema for a CloudTable destination: row key parts and columns.
class CloudtableSchema {
  DELIVERY_MESSAGE(CloudtableSchema, DELIVERY_DIS_CLOUDTABLE_SCHEMA_FIELDS)
};

/// value: 1..32 letters, digits and '.'.
#define DELIVERY_DIS_OPENTSDB_METRIC_FIELDS(X)                                                       \
  X(VALUE, OpenTsdbMetricType, Type, "type", = OpenTsdbMetricType::CONSTANT, ::delivery::field::any()) \
  X(VALUE, std::string, Value, "value", ,                                                           \
    ::delivery::field::text(1, 32)                                                                  \
        .chars(::delivery::dis::rules::kLettersDigitsDot, "may contain only letters, digits and '.'") \
        .sizeMessage("must be at most 32 characters"))

/// The metric of an OpenTSDB schema: a constant or the JSON attribute holding it.
class OpenTsdbMetric {
  DELIVERY_MESSAGE(OpenTsdbMetric, DELIVERY_DIS_OPENTSDB_METRIC_FIELDS)
  OpenTsdbMetric() = default;
  /// With the given fields set.
  OpenTsdbMetric(OpenTsdbMetricType type, std::string value) : Type_(type), Value_(std::move(value)) {}
};

/// format: required when the type is STRING.
#define DELIVERY_DIS_OPENTSDB_TIMESTAMP_FIELDS(X)                                                          \
  X(VALUE, OpenTsdbTimestampType, Type, "type", = OpenTsdbTimestampType::TIMESTAMP, ::delivery::field::any()) \
  X(VALUE, std::string, Value, "value", , ::delivery::field::text(1, 32).sizeMessage("must be at most 32 characters")) \
  X(OPTIONAL, TimestampFormat, Format, "format", , ::delivery::field::any())

/// The timestamp of an OpenTSDB schema: the JSON attribute holding it, its type and format.
class OpenTsdbTimestamp {
  DELIVERY_MESSAGE(OpenTsdbTimestamp, DELIVERY_DIS_OPENTSDB_TIMESTAMP_FIELDS)
  OpenTsdbTimestamp() = default;
  /// With the given fields set.
  OpenTsdbTimestamp(OpenTsdbTimestampType type, std::string value, std::optional<TimestampFormat> format = std::nullopt)
      : Type_(type), Value_(std::move(value)), Format_(format) {}
};

#define DELIVERY_DIS_OPENTSDB_VALUE_FIELDS(X)                                                        \
  X(VALUE, CloudtableDataType, Type, "type", = CloudtableDataType::DOUBLE, ::delivery::field::any()) \
  X(VALUE, std::string, Value, "value", , ::delivery::field::required())

/// The value of an OpenTSDB schema: the JSON attribute holding it and its type.
class OpenTsdbValue {
  DELIVERY_MESSAGE(OpenTsdbValue, DELIVERY_DIS_OPENTSDB_VALUE_FIELDS)
  OpenTsdbValue() = default;
  /// With the given fields set.
  OpenTsdbValue(CloudtableDataType type, std::string value) : Type_(type), Value_(std::move(value)) {}
};

#define DELIVERY_DIS_OPENTSDB_TAG_FIELDS(X)                                                          \
  X(VALUE, std::string, Name, "name", , ::delivery::field::required())                             \
  X(VALUE, CloudtableDataType, Type, "type", = CloudtableDataType::STRING, ::delivery::field::any()) \
  X(VALUE, std::string, Value, "value", , ::delivery::field::required())

/// One tag of an OpenTSDB schema: name, value and type.
class OpenTsdbTag {
  DELIVERY_MESSAGE(OpenTsdbTag, DELIVERY_DIS_OPENTSDB_TAG_FIELDS)
  OpenTsdbTag() = default;
  /// With the given fields set.
  OpenTsdbTag(std::string name, CloudtableDataType type, std::string value)
      : Name_(std::move(name)), Type_(type), Value_(std::move(value)) {}
};

/// One OpenTSDB schema: at least one metric and one tag.
#define DELIVERY_DIS_OPENTSDB_SCHEMA_FIELDS(X)                                                           \
  X(VALUE, std::vector<OpenTsdbMetric>, Metric, "metric", , ::delivery::dis::rules::kNonEmptyList)     \
  X(VALUE, OpenTsdbTimestamp, Timestamp, "timestamp", , ::delivery::field::any())                      \
  X(VALUE, OpenTsdbValue, Value, "value", , ::delivery::field::any())                                  \
  X(VALUE, std::vector<OpenTsdbTag>, Tags, "tags", , ::delivery::dis::rules::kNonEmptyList)

/// One OpenTSDB schema: metrics, timestamp, value and tags.
class OpenTsdbSchema {
  DELIVERY_MESSAGE(OpenTsdbSchema, DELIVERY_DIS_OPENTSDB_SCHEMA_FIELDS)
};

/// Exactly one of the HBase schema (cloudtable_schema, which also needs cloudtable_table_name) and
/// the OpenTSDB schemas. backup_file_prefix: at most 50 letters, digits and '_'.
#define DELIVERY_DIS_CLOUDTABLE_FIELDS(X)                                                                \
  DELIVERY_DIS_COMMON_FIELDS(X)                                                                          \
  X(VALUE, std::string, CloudtableClusterName, "cloudtable_cluster_name", , ::delivery::field::required()) \
  X(VALUE, std::string, CloudtableClusterId, "cloudtable_cluster_id", , ::delivery::field::required())   \
  X(OPTIONAL, std::string, CloudtableTableName, "cloudtable_table_name", , ::delivery::field::any())     \
  X(OPTIONAL, CloudtableSchema, CloudtableSchema, "cloudtable_schema", , ::delivery::field::any())       \
  X(OPTIONAL, std::vector<OpenTsdbSchema>, OpenTsdbSchema, "opentsdb_schema", , ::delivery::field::any()) \
  X(OPTIONAL, RowKeyDelimiter, CloudtableRowKeyDelimiter, "cloudtable_row_key_delimiter", , ::delivery::field::any()) \
  X(OPTIONAL, std::string, ObsBackupBucketPath, "obs_backup_bucket_path", , ::delivery::dis::rules::optionalBucket()) \
  X(OPTIONAL, std::string, BackupFilePrefix, "backup_file_prefix", ,                                      \
    ::delivery::field::text(0, 50)                                                                        \
        .chars(::delivery::dis::rules::kLettersDigitsUnderscore, "may contain only letters, digits and '_'") \
        .sizeMessage("must be at most 50 characters"))                                                   \
  X(OPTIONAL, int, RetryDuration, "retry_duration", , ::delivery::dis::rules::kRetryDuration)

/// A CloudTable destination: the cluster and either an HBase schema or OpenTSDB schemas.
class CloudtableDestinationDescriptor {
  DELIVERY_MESSAGE(CloudtableDestinationDescriptor, DELIVERY_DIS_CLOUDTABLE_FIELDS)
};

/// One of the five descriptors; the destination type follows from which one it holds.
using DestinationDescriptor = std::variant<ObsDestinationDescriptor, MrsDestinationDescriptor, DliDestinationDescriptor,
                                           DWSDestinationDescriptor, CloudtableDestinationDescriptor>;

/// The destination type of the descriptor the variant holds.
DELIVERY_API DestinationType destinationTypeOf(const DestinationDescriptor& descriptor) noexcept;

/// Every violated rule of a descriptor; `path` prefixes the field paths.
DELIVERY_API std::vector<FieldViolation> validate(const DestinationDescriptor& descriptor, const std::string& path);

// ---- requests -------------------------------------------------------------------------------------
// stream_name and task_name travel in the URL path; violations name them so.

/// stream_name: at most 60 letters, digits, '-' and '_'.
#define DELIVERY_DIS_STREAM_FIELDS(X) \
  X(VALUE, std::string, StreamName, "stream_name", , ::delivery::dis::rules::kStreamName)

/// What create and update send: the stream (in the path) and one destination descriptor (the body).
/// Derived requests chain as themselves.
template <typename Self>
class TransferTaskBody {
 public:
  /// The destination descriptor; empty when none is set.
  const std::optional<DestinationDescriptor>& getDescriptor() const noexcept { return descriptor_; }
  /// Sets the destination descriptor (and so the destination type).
  Self& setDescriptor(DestinationDescriptor v) {
    descriptor_ = std::move(v);
    return static_cast<Self&>(*this);
  }
  /// Removes the descriptor; validate() then reports it missing.
  Self& clearDescriptor() {
    descriptor_.reset();
    return static_cast<Self&>(*this);
  }
  /// The descriptor's destination; OBS when none is set.
  DestinationType getDestinationType() const noexcept {
    return descriptor_ ? destinationTypeOf(*descriptor_) : DestinationType::OBS;
  }

  /// Every violated rule (the request's fields and its descriptor's) at once, as an InvalidArgument error.
  DELIVERY_API Result<void> validate() const;
  /// The JSON body with secrets replaced by "<redacted>", for logs and debugging.
  DELIVERY_API std::string toString() const;

 protected:
  TransferTaskBody() = default;
  /// With a descriptor already set.
  explicit TransferTaskBody(DestinationDescriptor descriptor) : descriptor_(std::move(descriptor)) {}

 private:
  std::optional<DestinationDescriptor> descriptor_;
};

// Instantiated (and exported) once, in the library; declared before the requests derive from them.
class CreateTransferTaskRequest;
class UpdateTransferTaskRequest;
extern template class DELIVERY_API TransferTaskBody<CreateTransferTaskRequest>;
extern template class DELIVERY_API TransferTaskBody<UpdateTransferTaskRequest>;

/// POST .../streams/{stream_name}/transfer-tasks: adds a task for any destination.
class CreateTransferTaskRequest : public TransferTaskBody<CreateTransferTaskRequest> {
  DELIVERY_MESSAGE(CreateTransferTaskRequest, DELIVERY_DIS_STREAM_FIELDS)
  CreateTransferTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  CreateTransferTaskRequest(std::string streamName, DestinationDescriptor descriptor)
      : TransferTaskBody(std::move(descriptor)), StreamName_(std::move(streamName)) {}
};

/// PUT .../streams/{stream_name}/transfer-tasks: replaces a task's settings (same body as create).
/// A distinct type: it cannot be passed where a create is expected, nor the other way round.
class UpdateTransferTaskRequest : public TransferTaskBody<UpdateTransferTaskRequest> {
  DELIVERY_MESSAGE(UpdateTransferTaskRequest, DELIVERY_DIS_STREAM_FIELDS)
  UpdateTransferTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  UpdateTransferTaskRequest(std::string streamName, DestinationDescriptor descriptor)
      : TransferTaskBody(std::move(descriptor)), StreamName_(std::move(streamName)) {}
};

/// GET .../streams/{stream_name}/transfer-tasks[?limit=..&start_task_name=..], one page of tasks.
///
/// Paging, as the sources have it (huawei-more.md §2.1):
///   - limit: the current Huawei API page "Querying Dump Tasks" (support.huaweicloud.com/intl/en-us/
///     api-dis/ListTransferTasks.html, updated 2025-11-25) lists `limit`, optional, "ranges from 1 to
///     10" (in its path-parameter table; it is not in the path, so it travels in the query, as the old
///     Java SDK sends it). Older pages (OTC querying_dump_tasks.rst, Huawei dis_02_0413.html) and the
///     v3 SDKs (huaweicloud-sdk-go-v3 services/dis/v2/model/model_list_transfer_tasks_request.go:
///     stream_name only) have no query parameter at all.
///   - start_task_name: the name of the last task of the previous page, excluded from the answer. No
///     API page documents it; the old DIS-only Java SDK sends it (huaweicloud-sdk-java-dis
///     huaweicloud-sdk-java-dis-iface/.../transfertask/request/ListTransferTasksRquest.java, with
///     `limit`, default 10; AbstractDISClient.setParameters turns both into query parameters of the
///     GET). Whether the service honours it is not confirmed by any source.
///   - Does the service page by default? No source says it does: no page documents a default limit,
///     the documented answers (total_number, quota, tasks) carry no "has more" marker, and every
///     documented example answers the unparameterised GET with all the stream's tasks (total_number
///     equal to the number of tasks listed). A stream holds at most 5 dump tasks (error DIS.4357,
///     OTC data-ingestion-service api-ref/source/appendix/error_codes.rst), fewer than the largest
///     page. So a request with neither parameter sends neither (as the v3 SDKs do) and is taken as
///     the whole list; DisClient::listAllTransferTasks walks pages for callers who want to be safe.
/// Both are unset unless set; only what is set is sent.
#define DELIVERY_DIS_LIST_FIELDS(X)                                                                   \
  DELIVERY_DIS_STREAM_FIELDS(X)                                                                       \
  X(OPTIONAL, int, Limit, "limit", ,                                                                  \
    ::delivery::field::range(1, 10).message("must be between 1 and 10").urlParameter())              \
  X(OPTIONAL, std::string, StartTaskName, "start_task_name", ,                                        \
    ::delivery::dis::rules::optionalTaskName().urlParameter())

/// Lists one page of a stream's transfer tasks (stream_name, limit, start_task_name).
class ListTransferTasksRequest {
  DELIVERY_MESSAGE(ListTransferTasksRequest, DELIVERY_DIS_LIST_FIELDS)
  ListTransferTasksRequest() = default;
  /// With the given fields set; validate() checks them.
  explicit ListTransferTasksRequest(std::string streamName) : StreamName_(std::move(streamName)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// Show and delete address a task by stream and task name (both in the path).
#define DELIVERY_DIS_TASK_NAME_FIELDS(X) \
  DELIVERY_DIS_STREAM_FIELDS(X)          \
  X(VALUE, std::string, TaskName, "task_name", , ::delivery::dis::rules::kTaskName)

/// GET .../transfer-tasks/{task_name}.
class ShowTransferTaskRequest {
  DELIVERY_MESSAGE(ShowTransferTaskRequest, DELIVERY_DIS_TASK_NAME_FIELDS)
  ShowTransferTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  ShowTransferTaskRequest(std::string streamName, std::string taskName)
      : StreamName_(std::move(streamName)), TaskName_(std::move(taskName)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// DELETE .../transfer-tasks/{task_name}.
class DeleteTransferTaskRequest {
  DELIVERY_MESSAGE(DeleteTransferTaskRequest, DELIVERY_DIS_TASK_NAME_FIELDS)
  DeleteTransferTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  DeleteTransferTaskRequest(std::string streamName, std::string taskName)
      : StreamName_(std::move(streamName)), TaskName_(std::move(taskName)) {}
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// POST .../transfer-tasks/action with "start" or "stop": tasks are named by id (from list/show),
/// sent as "tasks":[{"id":...}]. At least one id, none empty.
#define DELIVERY_DIS_BATCH_FIELDS(X) \
  DELIVERY_DIS_STREAM_FIELDS(X)      \
  X(VALUE, std::vector<std::string>, TaskIds, "tasks", ,                      \
    ::delivery::field::required().size(1, ::delivery::dis::rules::kMany).message("must name at least one task id"))

/// What batch start and stop share: the stream, the task ids, and their accessors, which return
/// the request itself (Request: BatchStartTransferTaskRequest or BatchStopTransferTaskRequest).
/// Start and stop stay distinct types: one cannot be passed where the other is expected.
template <typename Request>
class BatchTransferTaskRequest {
  DELIVERY_MESSAGE(Request, DELIVERY_DIS_BATCH_FIELDS)
  /// No stream and no task id yet.
  BatchTransferTaskRequest() = default;
  /// With the given fields set; validate() checks them.
  BatchTransferTaskRequest(std::string streamName, std::vector<std::string> taskIds)
      : StreamName_(std::move(streamName)), TaskIds_(std::move(taskIds)) {}
  /// Appends one task id.
  Self& addTaskId(std::string id) {
    TaskIds_.push_back(std::move(id));
    return static_cast<Self&>(*this);
  }
  /// Every violated rule at once, each named by its field path: an InvalidArgument Error whose violations list them; success when there is none.
  DELIVERY_API Result<void> validate() const;
};

/// Starts transfer tasks of a stream, named by task id.
class BatchStartTransferTaskRequest : public BatchTransferTaskRequest<BatchStartTransferTaskRequest> {
 public:
  using BatchTransferTaskRequest::BatchTransferTaskRequest;
};

/// Stops transfer tasks of a stream, named by task id.
class BatchStopTransferTaskRequest : public BatchTransferTaskRequest<BatchStopTransferTaskRequest> {
 public:
  using BatchTransferTaskRequest::BatchTransferTaskRequest;
};

// ---- responses (read-only) ------------------------------------------------------------------------

/// The base of every DIS response: request id and HTTP status (ResponseMetadata).
using DisResponse = huawei::HuaweiResponse;

/// The answer to a create: request id and HTTP status only (the service sends no body).
class CreateTransferTaskResponse : public DisResponse {};
/// The answer to an update: request id and HTTP status only.
class UpdateTransferTaskResponse : public DisResponse {};
/// The answer to a delete: request id and HTTP status only.
class DeleteTransferTaskResponse : public DisResponse {};
/// The answer to a batch start: request id and HTTP status only.
class BatchStartTransferTaskResponse : public DisResponse {};
/// The answer to a batch stop: request id and HTTP status only.
class BatchStopTransferTaskResponse : public DisResponse {};

/// One task in a list (TransferTask). task_id is what batch start/stop need; times are ms since
/// the epoch; state is the text the service sent (getState() parses it).
#define DELIVERY_DIS_TRANSFER_TASK_FIELDS(X)                                                        \
  X(READ, std::string, TaskId, "task_id", , ::delivery::field::any())                              \
  X(READ, std::string, TaskName, "task_name", , ::delivery::field::any())                          \
  X(READ, std::string, StateText, "state", , ::delivery::field::any())                             \
  X(READ, std::string, DestinationType, "destination_type", , ::delivery::field::any())            \
  X(READ, std::int64_t, CreateTime, "create_time", = 0, ::delivery::field::any())                  \
  X(READ, std::int64_t, LastTransferTimestamp, "last_transfer_timestamp", = 0, ::delivery::field::any())

/// One transfer task as a list returns it: id, name, state, destination type, times.
class TransferTask {
  DELIVERY_MESSAGE(TransferTask, DELIVERY_DIS_TRANSFER_TASK_FIELDS)
  /// The state; UNKNOWN for a value this SDK does not know yet.
  TransferTaskState getState() const noexcept {
    return enumFromText<TransferTaskState>(StateText_).value_or(TransferTaskState::UNKNOWN);
  }
};

#define DELIVERY_DIS_LIST_RESPONSE_FIELDS(X)                                                        \
  X(READ, std::int64_t, TotalNumber, "total_number", = 0, ::delivery::field::any())                \
  X(READ, std::int64_t, Quota, "quota", = 0, ::delivery::field::any())                             \
  X(READ, std::vector<TransferTask>, Tasks, "tasks", , ::delivery::field::any())

/// One page of a stream's transfer tasks, with the paging fields the service returns.
class ListTransferTasksResponse : public DisResponse {
  DELIVERY_MESSAGE(ListTransferTasksResponse, DELIVERY_DIS_LIST_RESPONSE_FIELDS)
};

/// One partition of a task, as show reports it (PartitionResult). The API model names
/// partition_id and status; its example sends partitionId and state: either is read.
#define DELIVERY_DIS_PARTITION_FIELDS(X)                                                            \
  X(READ, std::string, PartitionId, "partition_id", , ::delivery::field::any())                    \
  X(READ, std::string, Status, "status", , ::delivery::field::any())                               \
  X(READ, std::string, HashRange, "hash_range", , ::delivery::field::any())                        \
  X(READ, std::string, SequenceNumberRange, "sequence_number_range", , ::delivery::field::any())   \
  X(READ, std::string, ParentPartitions, "parent_partitions", , ::delivery::field::any())          \
  X(READ_OPTIONAL, std::int64_t, Discard, "discard", , ::delivery::field::any())                   \
  X(READ_OPTIONAL, std::int64_t, LastTransferTimestamp, "last_transfer_timestamp", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::int64_t, LastTransferOffset, "last_transfer_offset", , ::delivery::field::any())

/// One partition of a task as show reports it.
class PartitionResult {
  DELIVERY_MESSAGE(PartitionResult, DELIVERY_DIS_PARTITION_FIELDS)
};

/// The destination's settings exactly as show sent them: every documented field of every
/// destination's description, each present when the answer had it, text as sent. Sources: the v3
/// models the API pages use for descriptions (huaweicloud-sdk-go-v3 services/dis/v2/model/
/// model_show_transfer_task_response.go: *_destination_descriptor_request.go) and the old DIS-only
/// Java SDK's description classes (huaweicloud-sdk-java-dis, huaweicloud-sdk-java-dis-iface/.../
/// transfertask/response/destination/OBSDestinationDescription.java, which MRS, DLI and DWS extend,
/// and CloudtableDestinationDescription.java); huawei-more.md §2.2.
///   - Enumerated values (partition_format, destination_file_type, consumer_strategy,
///     record_delimiter, dws_delimiter, ...) are the wire strings, whether or not this SDK's enums
///     know them: "N/A", "CarbonData" and "" stay readable (enumFromText<PartitionFormat>(...)
///     gives the typed value when there is one). Nothing is defaulted: an absent field is unset.
///   - retry_duration and deliver_time_interval: a JSON number or a numeric string.
///   - dws_delimiter "" (the DWS example's) reads as set and empty, not as unset.
///   - user_password is not kept, whatever the answer carries (a secret).
///   - The nested objects (processing_schema, options, cloudtable_schema, opentsdb_schema) are
///     as-sent copies of the request's (ProcessingSchemaDescription, ...): the same fields, each
///     optional, enums and flags as their wire text.
#define DELIVERY_DIS_DESCRIPTION_FIELDS(X)                                                              \
  X(READ_OPTIONAL, std::string, TaskName, "task_name", , ::delivery::field::any())                     \
  X(READ_OPTIONAL, std::string, AgencyName, "agency_name", , ::delivery::field::any())                 \
  X(READ_OPTIONAL, std::int64_t, DeliverTimeInterval, "deliver_time_interval", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, ConsumerStrategy, "consumer_strategy", , ::delivery::field::any())     \
  X(READ_OPTIONAL, std::string, FilePrefix, "file_prefix", , ::delivery::field::any())                 \
  X(READ_OPTIONAL, std::string, PartitionFormat, "partition_format", , ::delivery::field::any())       \
  X(READ_OPTIONAL, std::string, ObsBucketPath, "obs_bucket_path", , ::delivery::field::any())          \
  X(READ_OPTIONAL, std::string, DestinationFileType, "destination_file_type", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, RecordDelimiter, "record_delimiter", , ::delivery::field::any())       \
  X(READ_OPTIONAL, std::string, CompressionFormat, "compression_format", , ::delivery::field::any())   \
  X(READ_OPTIONAL, std::string, DeliverDataType, "deliver_data_type", , ::delivery::field::any())      \
  X(READ_OPTIONAL, std::string, AvroSchema, "avro_schema", , ::delivery::field::any())                 \
  X(READ_OPTIONAL, std::int64_t, RetryDuration, "retry_duration", , ::delivery::field::any())          \
  X(READ_OPTIONAL, std::string, MrsClusterName, "mrs_cluster_name", , ::delivery::field::any())        \
  X(READ_OPTIONAL, std::string, MrsClusterId, "mrs_cluster_id", , ::delivery::field::any())            \
  X(READ_OPTIONAL, std::string, MrsHdfsPath, "mrs_hdfs_path", , ::delivery::field::any())              \
  X(READ_OPTIONAL, std::string, HdfsPrefixFolder, "hdfs_prefix_folder", , ::delivery::field::any())    \
  X(READ_OPTIONAL, std::string, DliDatabaseName, "dli_database_name", , ::delivery::field::any())      \
  X(READ_OPTIONAL, std::string, DliTableName, "dli_table_name", , ::delivery::field::any())            \
  X(READ_OPTIONAL, std::string, DwsClusterName, "dws_cluster_name", , ::delivery::field::any())        \
  X(READ_OPTIONAL, std::string, DwsClusterId, "dws_cluster_id", , ::delivery::field::any())            \
  X(READ_OPTIONAL, std::string, DwsDatabaseName, "dws_database_name", , ::delivery::field::any())      \
  X(READ_OPTIONAL, std::string, DwsSchema, "dws_schema", , ::delivery::field::any())                   \
  X(READ_OPTIONAL, std::string, DwsTableName, "dws_table_name", , ::delivery::field::any())            \
  X(READ_OPTIONAL, std::string, DwsDelimiter, "dws_delimiter", , ::delivery::field::any())             \
  X(READ_OPTIONAL, std::string, UserName, "user_name", , ::delivery::field::any())                     \
  X(READ_OPTIONAL, std::string, KmsUserKeyName, "kms_user_key_name", , ::delivery::field::any())       \
  X(READ_OPTIONAL, std::string, KmsUserKeyId, "kms_user_key_id", , ::delivery::field::any())           \
  X(READ_OPTIONAL, std::string, DwsTableColumns, "dws_table_columns", , ::delivery::field::any())      \
  X(READ_OPTIONAL, std::string, CloudtableClusterName, "cloudtable_cluster_name", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, CloudtableClusterId, "cloudtable_cluster_id", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, CloudtableTableName, "cloudtable_table_name", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, CloudtableRowKeyDelimiter, "cloudtable_row_key_delimiter", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, ObsBackupBucketPath, "obs_backup_bucket_path", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::string, BackupFilePrefix, "backup_file_prefix", , ::delivery::field::any())    \
  X(READ_OPTIONAL, ProcessingSchemaDescription, ProcessingSchema, "processing_schema", , ::delivery::field::any()) \
  X(READ_OPTIONAL, OptionsDescription, Options, "options", , ::delivery::field::any())                 \
  X(READ_OPTIONAL, CloudtableSchemaDescription, CloudtableSchema, "cloudtable_schema", , ::delivery::field::any()) \
  X(READ_OPTIONAL, std::vector<OpenTsdbSchemaDescription>, OpenTsdbSchema, "opentsdb_schema", , ::delivery::field::any())

// The nested objects of a description, as sent: one line each, the fields follow the request's tables.
/// ProcessingSchema as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(ProcessingSchemaDescription, ProcessingSchema, DELIVERY_DIS_PROCESSING_SCHEMA_FIELDS);
/// Options as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OptionsDescription, Options, DELIVERY_DIS_OPTIONS_FIELDS);
/// RowKey as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(RowKeyDescription, RowKey, DELIVERY_DIS_ROW_KEY_FIELDS);
/// CloudtableColumn as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(CloudtableColumnDescription, CloudtableColumn, DELIVERY_DIS_CLOUDTABLE_COLUMN_FIELDS);
/// CloudtableSchema as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(CloudtableSchemaDescription, CloudtableSchema, DELIVERY_DIS_CLOUDTABLE_SCHEMA_FIELDS);
/// OpenTsdbMetric as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OpenTsdbMetricDescription, OpenTsdbMetric, DELIVERY_DIS_OPENTSDB_METRIC_FIELDS);
/// OpenTsdbTimestamp as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OpenTsdbTimestampDescription, OpenTsdbTimestamp, DELIVERY_DIS_OPENTSDB_TIMESTAMP_FIELDS);
/// OpenTsdbValue as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OpenTsdbValueDescription, OpenTsdbValue, DELIVERY_DIS_OPENTSDB_VALUE_FIELDS);
/// OpenTsdbTag as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OpenTsdbTagDescription, OpenTsdbTag, DELIVERY_DIS_OPENTSDB_TAG_FIELDS);
/// OpenTsdbSchema as the service sent it back (see DELIVERY_AS_SENT_MESSAGE).
DELIVERY_AS_SENT_MESSAGE(OpenTsdbSchemaDescription, OpenTsdbSchema, DELIVERY_DIS_OPENTSDB_SCHEMA_FIELDS);

namespace detail {
struct ShowResponseAccess;  // lets the decoder fill the task and the description (internal)
}

/// A task's destination settings as show returns them, one descriptor per destination type.
class DestinationDescription {
  DELIVERY_MESSAGE(DestinationDescription, DELIVERY_DIS_DESCRIPTION_FIELDS)
  /// carbon_properties (OBS, MRS): a map, so not a table field; empty when absent.
  const CarbonProperties& getCarbonProperties() const noexcept { return carbonProperties_; }

 private:
  friend struct detail::ShowResponseAccess;
  CarbonProperties carbonProperties_;
};

/// Show: the task's own fields (getTask(), at the top level of the body), the stream, the
/// partitions, and the destination's settings. stream_id: only in the example answer of the OTC
/// page "Querying Dump Task Details" (querying_dump_task_details.rst; huawei-more.md §2.2).
#define DELIVERY_DIS_SHOW_RESPONSE_FIELDS(X)                                                        \
  X(READ, std::string, StreamName, "stream_name", , ::delivery::field::any())                      \
  X(READ, std::string, StreamId, "stream_id", , ::delivery::field::any())                          \
  X(READ, std::vector<PartitionResult>, Partitions, "partitions", , ::delivery::field::any())

/// The answer to a show: the task, its stream, its partitions and its destination settings.
class ShowTransferTaskResponse : public DisResponse {
  DELIVERY_MESSAGE(ShowTransferTaskResponse, DELIVERY_DIS_SHOW_RESPONSE_FIELDS)
  /// The task's own fields (sent at the top level of the body).
  const TransferTask& getTask() const noexcept { return task_; }
  /// The destination's settings as the service echoes them (from "<type>_destination_description"
  /// or the misspelled "<type>_destination_descripton"), when present, typed as the descriptor a
  /// create sends: a value the descriptor's type cannot hold (an enum value this SDK does not know,
  /// such as partition_format "N/A", dws_delimiter "", or a field the descriptor lacks, such as the
  /// OBS retry_duration) is left unset here; getDestinationDescription() has it.
  const std::optional<DestinationDescriptor>& getDescription() const noexcept { return description_; }
  /// The same description with every documented field as sent (see DestinationDescription).
  const std::optional<DestinationDescription>& getDestinationDescription() const noexcept {
    return destinationDescription_;
  }

 private:
  friend struct detail::ShowResponseAccess;
  TransferTask task_;
  std::optional<DestinationDescriptor> description_;
  std::optional<DestinationDescription> destinationDescription_;
};

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
