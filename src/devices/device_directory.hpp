#pragma once
// What the device layer reads and records about devices, owned here so that src/devices does not know
// the storage: the protocol sessions and the state writer call these interfaces; the database-backed
// implementation lives in service/charging/db_device_directory (wired in app/platform.cpp). Calls block:
// the sessions make them off their network threads.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "devices/camera/parking_events.hpp"
#include "devices/session_registry.hpp"

namespace zc::devices {

// A device as an OCPP charger identifies itself (car pile first, then e-bike device).
struct DeviceIdentity {
  DeviceKind kind = DeviceKind::car_pile;
  int64_t id = 0;
  std::string code, protocol;
  int64_t status = 0;      // 0 enabled
  int64_t connectors = 0;  // guns / sockets
};

// A car pile as the YKC login needs it.
struct YkcPile {
  int64_t id = 0;
  std::string code, protocol, timezone;
  int64_t status = 0, gun_count = 0, area_id = 0;
};

// What a YKC pile tells about itself at login (0x01).
struct YkcLogin {
  std::string pile_type, protocol_version, firmware, sim, network, crc_order, remote_ip;
  int64_t gun_count = 0, network_code = 0, carrier = 0;
};

class DeviceDirectory {
 public:
  virtual ~DeviceDirectory() = default;

  // The OCPP chargePointId (code or factory no.) → the device; with `with_secret` also its password's
  // (salt, hash) when one is set.
  struct Found {
    std::optional<DeviceIdentity> device;
    std::optional<std::pair<std::string, std::string>> secret;
  };
  virtual Found find_ocpp_device(const std::string& code_or_sn, bool with_secret) = 0;

  virtual std::optional<YkcPile> find_ykc_pile(const std::string& code) = 0;
  virtual void save_ykc_login(int64_t pile_id, const YkcLogin& login, int64_t now) = 0;
  virtual void set_ykc_crc_order(int64_t pile_id, const std::string& order) = 0;
  // The billing model the pile holds: "accepted", "sent" or "rejected".
  virtual void set_ykc_model(int64_t pile_id, int64_t model_no, const std::string& result, int64_t now) = 0;
  // A 0x61 report: the state of the ground lock wired to gun `gun` of the pile.
  virtual void set_gun_lock_state(int64_t pile_id, int64_t gun, const camera::LockState& state) = 0;
  // The charging transaction a device's session serial belongs to.
  virtual std::optional<int64_t> transaction_of_serial(DeviceKind kind, int64_t device_id,
                                                       const std::string& serial) = 0;
};

// Where StateWriter's coalesced batches go.
class DeviceStateStore {
 public:
  virtual ~DeviceStateStore() = default;

  struct OnlineEvent {
    DeviceKey key;
    bool online = false;
    std::string protocol, reason, remote;
    int64_t time = 0;
  };
  struct DeviceState {
    DeviceKey key;
    int online = -1;        // -1 unchanged, 0, 1
    int64_t last_seen = 0;  // 0: unchanged
    std::map<int64_t, std::string> connectors;
    std::map<int64_t, std::string> faults;  // connector → the device's fault code, for those now in fault
  };
  struct Meter {
    int64_t transaction_id = 0, value = 0, time = 0;
  };
  struct Batch {
    std::vector<OnlineEvent> events;
    std::vector<DeviceState> states;
    std::vector<Meter> meters;
  };
  // Writes the batch in one transaction; returns the rows written.
  virtual uint64_t write(const Batch& batch) = 0;
  // At server start: every device still marked online goes offline with a log row. Returns how many.
  virtual int64_t reset_online(const std::string& reason, int64_t now) = 0;
};

}  // namespace zc::devices
