#pragma once
// Types the DIS and DMS Kafka families share.

#include <string>

namespace delivery::huawei {

/// Time directories under an OBS path: "yyyy" ... "yyyy/MM/dd/HH/mm" (both services use the same set).
enum class PartitionFormat { YYYY, YYYY_MM, YYYY_MM_DD, YYYY_MM_DD_HH, YYYY_MM_DD_HH_MM };
const char* toString(PartitionFormat v) noexcept;

/// What every Huawei Cloud response carries.
class HuaweiResponse {
 public:
  /// X-Request-Id of the response.
  const std::string& getRequestId() const noexcept { return requestId_; }
  void setRequestId(std::string v) { requestId_ = std::move(v); }
  int getHttpStatus() const noexcept { return httpStatus_; }
  void setHttpStatus(int v) { httpStatus_ = v; }

 private:
  std::string requestId_;
  int httpStatus_ = 0;
};

}  // namespace delivery::huawei
