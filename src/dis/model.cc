#include "delivery/dis/model.h"

#include "dis/codec.h"

namespace delivery::dis {

const char* toString(DestinationType v) noexcept {
  switch (v) {
    case DestinationType::OBS: return "OBS";
    case DestinationType::MRS: return "MRS";
    case DestinationType::DLI: return "DLI";
    case DestinationType::CLOUDTABLE: return "CLOUDTABLE";
    case DestinationType::DWS: return "DWS";
  }
  return "";
}

const char* toString(ConsumerStrategy v) noexcept { return v == ConsumerStrategy::LATEST ? "LATEST" : "TRIM_HORIZON"; }

const char* toString(DestinationFileType v) noexcept {
  switch (v) {
    case DestinationFileType::text: return "text";
    case DestinationFileType::parquet: return "parquet";
    case DestinationFileType::carbon: return "carbon";
  }
  return "";
}

const char* toString(RecordDelimiter v) noexcept {
  switch (v) {
    case RecordDelimiter::COMMA: return ",";
    case RecordDelimiter::SEMICOLON: return ";";
    case RecordDelimiter::PIPE: return "|";
    case RecordDelimiter::NEWLINE: return "\n";
  }
  return "";
}

const char* toString(DwsDelimiter v) noexcept {
  switch (v) {
    case DwsDelimiter::COMMA: return ",";
    case DwsDelimiter::SEMICOLON: return ";";
    case DwsDelimiter::PIPE: return "|";
  }
  return "";
}

const char* toString(TimestampType v) noexcept { return v == TimestampType::String ? "String" : "Timestamp"; }

const char* toString(TimestampFormat v) noexcept {
  switch (v) {
    case TimestampFormat::YYYY_MM_DD_SLASH: return "yyyy/MM/dd HH:mm:ss";
    case TimestampFormat::MM_DD_YYYY_SLASH: return "MM/dd/yyyy HH:mm:ss";
    case TimestampFormat::DD_MM_YYYY_SLASH: return "dd/MM/yyyy HH:mm:ss";
    case TimestampFormat::YYYY_MM_DD_DASH: return "yyyy-MM-dd HH:mm:ss";
    case TimestampFormat::MM_DD_YYYY_DASH: return "MM-dd-yyyy HH:mm:ss";
    case TimestampFormat::DD_MM_YYYY_DASH: return "dd-MM-yyyy HH:mm:ss";
  }
  return "";
}

const char* toString(CloudtableDataType v) noexcept {
  switch (v) {
    case CloudtableDataType::Bigint: return "Bigint";
    case CloudtableDataType::Double: return "Double";
    case CloudtableDataType::Boolean: return "Boolean";
    case CloudtableDataType::Timestamp: return "Timestamp";
    case CloudtableDataType::String: return "String";
    case CloudtableDataType::Decimal: return "Decimal";
  }
  return "";
}

const char* toString(OpenTsdbMetricType v) noexcept { return v == OpenTsdbMetricType::Constant ? "Constant" : "String"; }
const char* toString(OpenTsdbTimestampType v) noexcept {
  return v == OpenTsdbTimestampType::Timestamp ? "Timestamp" : "String";
}

const char* toString(RowKeyDelimiter v) noexcept {
  switch (v) {
    case RowKeyDelimiter::COMMA: return ",";
    case RowKeyDelimiter::DOT: return ".";
    case RowKeyDelimiter::PIPE: return "|";
    case RowKeyDelimiter::SEMICOLON: return ";";
    case RowKeyDelimiter::BACKSLASH: return "\\";
    case RowKeyDelimiter::HYPHEN: return "-";
    case RowKeyDelimiter::UNDERSCORE: return "_";
    case RowKeyDelimiter::TILDE: return "~";
  }
  return "";
}

const char* toString(TransferTaskState v) noexcept {
  switch (v) {
    case TransferTaskState::ERROR: return "ERROR";
    case TransferTaskState::STARTING: return "STARTING";
    case TransferTaskState::PAUSED: return "PAUSED";
    case TransferTaskState::RUNNING: return "RUNNING";
    case TransferTaskState::DELETE: return "DELETE";
    case TransferTaskState::ABNORMAL: return "ABNORMAL";
    case TransferTaskState::Unknown: return "Unknown";
  }
  return "Unknown";
}

DestinationType destinationTypeOf(const DestinationDescriptor& d) noexcept {
  switch (d.index()) {
    case 0: return DestinationType::OBS;
    case 1: return DestinationType::MRS;
    case 2: return DestinationType::DLI;
    case 3: return DestinationType::DWS;
    default: return DestinationType::CLOUDTABLE;
  }
}

template <typename Self>
std::string TransferTaskBodyBase<Self>::toString() const {
  detail::EncodeOptions options;
  options.redactSecrets = true;
  return "stream " + streamName_ + ": " + detail::encodeTaskBody(descriptor_, options);
}
template std::string TransferTaskBodyBase<CreateTransferTaskRequest>::toString() const;
template std::string TransferTaskBodyBase<UpdateTransferTaskRequest>::toString() const;

}  // namespace delivery::dis
