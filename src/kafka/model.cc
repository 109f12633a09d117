#include "delivery/kafka/model.h"

#include "kafka/codec.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

std::string CreateSinkTaskRequest::toString() const {
  return "connector " + getConnectorId() + ": " + detail::encodeCreate(*this, true);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
