#include "delivery/tablestore/model.h"

namespace delivery::tablestore {

const char* toString(DeliveryTaskType v) noexcept {
  switch (v) {
    case DeliveryTaskType::BASE: return "BASE";
    case DeliveryTaskType::INC: return "INC";
    case DeliveryTaskType::BASE_INC: return "BASE_INC";
  }
  return "UNKNOWN";
}

const char* toString(EventTimeFormat v) noexcept {
  switch (v) {
    case EventTimeFormat::RFC822: return "RFC822";
    case EventTimeFormat::RFC850: return "RFC850";
    case EventTimeFormat::RFC1123: return "RFC1123";
    case EventTimeFormat::RFC3339: return "RFC3339";
    case EventTimeFormat::Unix: return "Unix";
  }
  return "UNKNOWN";
}

const char* toString(DataType v) noexcept {
  switch (v) {
    case DataType::BOOL: return "BOOL";
    case DataType::INT64: return "INT64";
    case DataType::UTF8: return "UTF8";
    case DataType::DOUBLE: return "DOUBLE";
    case DataType::DATE: return "DATE";
    case DataType::DECIMAL: return "DECIMAL";
    case DataType::TIME_MILLIS: return "TIME_MILLIS";
    case DataType::TIME_MICROS: return "TIME_MICROS";
    case DataType::TIMESTAMP_MILLIS: return "TIMESTAMP_MILLIS";
    case DataType::TIMESTAMP_MICROS: return "TIMESTAMP_MICROS";
    case DataType::LIST: return "LIST";
    case DataType::MAP: return "MAP";
    case DataType::INTERVAL: return "INTERVAL";
    case DataType::FLOAT: return "FLOAT";
    case DataType::INT32: return "INT32";
    case DataType::INT96: return "INT96";
  }
  return "UNKNOWN";
}

const char* toString(OSSFileEncoding v) noexcept {
  switch (v) {
    case OSSFileEncoding::PLAIN: return "PLAIN";
    case OSSFileEncoding::PLAIN_DICTIONARY: return "PLAIN_DICTIONARY";
    case OSSFileEncoding::DELTA_BINARY_PACKED: return "DELTA_BINARY_PACKED";
    case OSSFileEncoding::DELTA_BYTE_ARRAY: return "DELTA_BYTE_ARRAY";
    case OSSFileEncoding::DELTA_LENGTH_BYTE_ARRAY: return "DELTA_LENGTH_BYTE_ARRAY";
  }
  return "UNKNOWN";
}

const char* toString(OSSFileFormat v) noexcept {
  return v == OSSFileFormat::Parquet ? "Parquet" : "UNKNOWN";
}

const char* toString(TaskSyncPhase v) noexcept {
  switch (v) {
    case TaskSyncPhase::INIT: return "INIT";
    case TaskSyncPhase::FULL: return "FULL";
    case TaskSyncPhase::INCR: return "INCR";
  }
  return "UNKNOWN";
}

const char* toString(DeliveryErrorType v) noexcept {
  switch (v) {
    case DeliveryErrorType::OK: return "OK";
    case DeliveryErrorType::UNAUTHORIZED: return "UNAUTHORIZED";
    case DeliveryErrorType::INVALID_OSS_BUCKET: return "INVALID_OSS_BUCKET";
  }
  return "UNKNOWN";
}

}  // namespace delivery::tablestore
