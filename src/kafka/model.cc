#include "delivery/kafka/model.h"

#include "kafka/codec.h"

namespace delivery::kafka {

std::string CreateSinkTaskRequest::toString() const {
  return "connector " + getConnectorId() + ": " + detail::encodeCreate(*this, true);
}

}  // namespace delivery::kafka
