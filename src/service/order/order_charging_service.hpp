#pragma once
// The ChargingService the device gateways call (OCPP, YKC): routes each call by the device's kind to
// the car orders (car piles) or the e-bike orders (e-bike devices). Each side implements the whole
// ChargingService for its devices; this class only dispatches, so the protocols stay unaware of orders.
#include "devices/charging_service.hpp"

namespace zc::order {

class OrderChargingService final : public charging::ChargingService {
 public:
  OrderChargingService(charging::ChargingService& car, charging::ChargingService& bike)
      : car_(car), bike_(bike) {}
  charging::IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) override;
  charging::TxStartResult start_transaction(const charging::TxStart& t) override;
  std::optional<charging::IdTagResult> stop_transaction(const charging::TxStop& t) override;
  void expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) override;
  charging::TxRecordResult transaction_record(const charging::TxRecord& r) override;
  void flag_transaction(const devices::DeviceRef& device, int64_t connector, const std::string& device_serial,
                        const std::string& why) override;

 private:
  charging::ChargingService& side(const devices::DeviceRef& d) {
    return d.kind == devices::DeviceKind::bike_device ? bike_ : car_;
  }
  charging::ChargingService& car_;
  charging::ChargingService& bike_;
};

}  // namespace zc::order
