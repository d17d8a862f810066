#include "service/order/order_charging_service.hpp"

namespace zc::order {

charging::IdTagResult OrderChargingService::authorize(const devices::DeviceRef& device,
                                                      const std::string& id_tag) {
  return side(device).authorize(device, id_tag);
}

charging::TxStartResult OrderChargingService::start_transaction(const charging::TxStart& t) {
  return side(t.device).start_transaction(t);
}

std::optional<charging::IdTagResult> OrderChargingService::stop_transaction(const charging::TxStop& t) {
  return side(t.device).stop_transaction(t);
}

void OrderChargingService::expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) {
  side(device).expect_remote_start(device, id_tag);
}

charging::TxRecordResult OrderChargingService::transaction_record(const charging::TxRecord& r) {
  return side(r.device).transaction_record(r);
}

void OrderChargingService::flag_transaction(const devices::DeviceRef& device, int64_t connector,
                                            const std::string& device_serial, const std::string& why) {
  side(device).flag_transaction(device, connector, device_serial, why);
}

}  // namespace zc::order
