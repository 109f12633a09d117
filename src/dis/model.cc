#include "delivery/dis/model.h"

#include "dis/codec.h"

DELIVERY_NAMESPACE_BEGIN namespace dis {

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
std::string TransferTaskBody<Self>::toString() const {
  detail::EncodeOptions options;
  options.redactSecrets = true;
  return "stream " + static_cast<const Self&>(*this).getStreamName() + ": " +
         detail::encodeTaskBody(descriptor_, options);
}
template std::string TransferTaskBody<CreateTransferTaskRequest>::toString() const;
template std::string TransferTaskBody<UpdateTransferTaskRequest>::toString() const;

}  DELIVERY_NAMESPACE_END  // namespace delivery::dis
