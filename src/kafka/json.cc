// DMS Kafka requests as JSON (delivery/kafka/json.h): the generic table walk (core/model_json.h);
// every Kafka request is its table, nothing more.
#include "delivery/kafka/json.h"

#include "core/model_json.h"

DELIVERY_NAMESPACE_BEGIN namespace kafka {

namespace {
// A show answer's own table holds only the descriptor and the topics: the task's fields (its base
// SinkTask) come first. A Smart Connect show answer is the task entity.
struct JsonPolicy : delivery::detail::PlainJsonPolicy {
  template <class W, class T>
  static void writeExtra(W& w, const T& message, const JsonWriteOptions& options) {
    if constexpr (std::is_same_v<T, ShowSinkTaskResponse>) {
      delivery::detail::writeModelMembers<JsonPolicy>(w, static_cast<const SinkTask&>(message), options);
    }
    (void)w, (void)message, (void)options;
  }
  using PlainJsonPolicy::written;
  static const SmartConnectTaskEntity& written(const ShowConnectorTaskResponse& message) { return message; }
};
}  // namespace

DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_KAFKA_JSON_REQUESTS)
DELIVERY_JSON_DEFINE_WRITERS(DELIVERY_KAFKA_JSON_RESPONSES)
DELIVERY_JSON_DEFINE_READERS(DELIVERY_KAFKA_JSON_REQUESTS, "a Kafka request")

}  DELIVERY_NAMESPACE_END  // namespace delivery::kafka
