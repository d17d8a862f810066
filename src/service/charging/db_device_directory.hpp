#pragma once
// The device layer's directory and state store (devices/device_directory.hpp) over the database.
#include <functional>

#include "devices/device_directory.hpp"
#include "storage/database.hpp"

namespace zc::charging {

class DbDeviceDirectory final : public devices::DeviceDirectory {
 public:
  explicit DbDeviceDirectory(db::Database& db) : db_(db) {}
  Found find_ocpp_device(const std::string& code_or_sn, bool with_secret) override;
  std::optional<devices::YkcPile> find_ykc_pile(const std::string& code) override;
  void save_ykc_login(int64_t pile_id, const devices::YkcLogin& login, int64_t now) override;
  void set_ykc_crc_order(int64_t pile_id, const std::string& order) override;
  void set_ykc_model(int64_t pile_id, int64_t model_no, const std::string& result, int64_t now) override;
  void set_gun_lock_state(int64_t pile_id, int64_t gun, const devices::camera::LockState& state) override;
  std::optional<int64_t> transaction_of_serial(devices::DeviceKind kind, int64_t device_id,
                                               const std::string& serial) override;

  // Called after a YKC pile's login is saved (the offline card lists bring it up to date).
  void on_ykc_login(std::function<void(int64_t pile_id)> f) { on_ykc_login_ = std::move(f); }

 private:
  db::Database& db_;
  std::function<void(int64_t)> on_ykc_login_;
};

class DbDeviceStateStore final : public devices::DeviceStateStore {
 public:
  explicit DbDeviceStateStore(db::Database& db) : db_(db) {}
  uint64_t write(const Batch& batch) override;
  int64_t reset_online(const std::string& reason, int64_t now) override;

 private:
  db::Database& db_;
};

}  // namespace zc::charging
