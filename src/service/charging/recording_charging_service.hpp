#pragma once
// The charging service until the orders issue: records every transaction the devices report
// (charging_transaction) and nothing else — no order, no payment, no bill. idTags: those the platform
// itself sent in a RemoteStartTransaction are accepted for 10 minutes; any other idTag is Invalid,
// unless `accept_any_id_tag` (ocpp.accept_any_id_tag: demos and tests only).
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "devices/charging_service.hpp"
#include "storage/database.hpp"

namespace zc::charging {

class RecordingChargingService final : public ChargingService {
 public:
  RecordingChargingService(db::Database& db, bool accept_any_id_tag)
      : db_(db), accept_any_(accept_any_id_tag) {}
  IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) override;
  TxStartResult start_transaction(const TxStart& t) override;
  std::optional<IdTagResult> stop_transaction(const TxStop& t) override;
  void expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) override;
  TxRecordResult transaction_record(const TxRecord& r) override;
  void flag_transaction(const devices::DeviceRef& device, int64_t connector, const std::string& device_serial,
                        const std::string& why) override;

 private:
  db::Database& db_;
  bool accept_any_;
  std::mutex mu_;
  std::unordered_map<std::string, int64_t> remote_;  // "kind:id:idTag" → expiry (epoch ms)
};

}  // namespace zc::charging
