// Fuzzes what deliveryctl does with a spec file before anything is sent: the envelope, every
// family's fromJson() (the strict table reader, line numbers, JSON Pointer) and validate(). Each
// task that is read back without problems must also survive a round trip: toJson (secrets shown)
// -> fromJson -> toJson gives the same text.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "delivery/dis/json.h"
#include "delivery/kafka/json.h"
#include "delivery/tablestore/json.h"
#include "spec.h"

namespace {

volatile std::size_t fuzzSink = 0;

template <class Request, class Read>
void roundTrip(const Request& request, Read&& read) {
  delivery::JsonWriteOptions o;
  o.revealSecrets = true;
  o.pretty = false;
  std::string first;
  if constexpr (std::is_same_v<Request, delivery::tablestore::CreateDeliveryTaskRequest>) {
    first = delivery::tablestore::toJson(request, o);
  } else if constexpr (std::is_same_v<Request, delivery::dis::CreateTransferTaskRequest>) {
    first = delivery::dis::toJson(request, o);
  } else {
    first = delivery::kafka::toJson(request, o);
  }
  auto back = read(first);
  if (!back) std::abort();  // what toJson wrote, fromJson must read
  std::string second;
  if constexpr (std::is_same_v<Request, delivery::tablestore::CreateDeliveryTaskRequest>) {
    second = delivery::tablestore::toJson(*back, o);
  } else if constexpr (std::is_same_v<Request, delivery::dis::CreateTransferTaskRequest>) {
    second = delivery::dis::toJson(*back, o);
  } else {
    second = delivery::kafka::toJson(*back, o);
  }
  if (first != second) std::abort();
  fuzzSink = fuzzSink + first.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  deliveryctl::SpecFile spec = deliveryctl::parseSpec(text, "fuzz.json");
  for (const auto& p : spec.problems) fuzzSink = fuzzSink + p.toString().size();
  for (const auto& task : spec.tasks) {
    std::visit(
        [](const auto& r) {
          using R = std::decay_t<decltype(r)>;
          if constexpr (std::is_same_v<R, delivery::tablestore::CreateDeliveryTaskRequest>) {
            roundTrip(r, [](const std::string& s) { return delivery::tablestore::fromJson<R>(s); });
          } else if constexpr (std::is_same_v<R, delivery::dis::CreateTransferTaskRequest>) {
            roundTrip(r, [](const std::string& s) { return delivery::dis::fromJson<R>(s); });
          } else {
            roundTrip(r, [](const std::string& s) { return delivery::kafka::fromJson<R>(s); });
          }
        },
        task.request);
  }
  return 0;
}
