#include "delivery/kafka/model.h"

#include "kafka/codec.h"

namespace delivery::kafka {

const char* toString(ConsumerStrategy v) noexcept { return v == ConsumerStrategy::latest ? "latest" : "earliest"; }
const char* toString(DestinationFileType) noexcept { return "TEXT"; }

const char* toString(RecordDelimiter v) noexcept {
  switch (v) {
    case RecordDelimiter::COMMA: return ",";
    case RecordDelimiter::SEMICOLON: return ";";
    case RecordDelimiter::PIPE: return "|";
    case RecordDelimiter::NEWLINE: return "\n";
    case RecordDelimiter::NONE: return "NULL";
  }
  return "";
}

const char* toString(ConnectorSpecification v) noexcept {
  switch (v) {
    case ConnectorSpecification::MB100: return "100MB";
    case ConnectorSpecification::MB300: return "300MB";
    case ConnectorSpecification::MB600: return "600MB";
    case ConnectorSpecification::MB1200: return "1200MB";
  }
  return "";
}

std::string CreateSinkTaskRequest::toString() const {
  return "connector " + connectorId_ + ": " + detail::encodeCreate(*this, true);
}

}  // namespace delivery::kafka
