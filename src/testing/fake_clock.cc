#include "delivery/testing/fake_clock.h"

#include <stdexcept>
#include <string>

#include "core/text.h"

DELIVERY_NAMESPACE_BEGIN namespace testing {

std::shared_ptr<FakeClock> FakeClock::at(const char* iso) {
  std::chrono::system_clock::time_point t{};
  if (!detail::parseIso8601(iso, t)) throw std::invalid_argument(std::string("FakeClock::at: bad time ") + iso);
  return std::make_shared<FakeClock>(t);
}

}  DELIVERY_NAMESPACE_END  // namespace delivery::testing
