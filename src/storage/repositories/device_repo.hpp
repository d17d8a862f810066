#pragma once
// SQL of the device gateway (src/devices): device lookup at connect time, the coalesced state
// write-through (online flag, last seen, connector state), the online/offline log (STAT-ONLINE),
// charging transactions and device passwords. Device kinds are the strings of devices::kind_name().
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::dev {

struct DeviceIdentity {
  std::string kind;  // car_pile | bike_device
  int64_t id = 0;
  std::string code, factory_no, name, protocol;
  int64_t status = 0;      // 0 enabled
  int64_t connectors = 0;  // guns / sockets
  int64_t provider_id = 0, property_id = 0, station_id = 0;
};

struct TxStart {
  std::string kind;
  int64_t device_id = 0, connector_id = 0;
  std::string id_tag, id_tag_status;
  std::optional<int64_t> reservation_id;
  int64_t meter_start = 0;  // 0.0001 kWh
  int64_t start_time = 0;
};

struct TxRow {
  int64_t id = 0, device_id = 0, connector_id = 0, meter_start = 0;
  std::string kind, id_tag, status;
};

// Online/offline events of one hour (start, UTC epoch ms).
struct OnlineHour {
  int64_t hour = 0, online = 0, offline = 0;
};

// Devices of one kind in scope and how many are online now.
struct OnlineNow {
  std::string kind;
  int64_t online = 0, total = 0;
};

class DeviceRepo {
 public:
  explicit DeviceRepo(Connection& c) : c_(c) {}

  // A car pile by its code (the OCPP chargePointId), or by its factory number.
  std::optional<DeviceIdentity> find_car_pile(const std::string& code_or_sn);
  // An e-bike device by its 12-digit code, or by its factory number.
  std::optional<DeviceIdentity> find_bike_device(const std::string& code_or_sn);
  // The OCPP chargePointId → a car pile first, then an e-bike device.
  std::optional<DeviceIdentity> find_device(const std::string& code_or_sn);
  bool car_pile_in_scope(int64_t id, const DataScope& scope);
  bool bike_device_in_scope(int64_t id, const DataScope& scope);

  void set_online(const std::string& kind, int64_t id, bool online, int64_t last_seen);
  void set_last_seen(const std::string& kind, int64_t id, int64_t last_seen);
  // connector 0 = the whole device: only a fault applies to every connector.
  void set_connector_state(const std::string& kind, int64_t id, int64_t connector, const std::string& state);
  void log_online(const std::string& kind, int64_t id, const std::string& protocol, bool online,
                  const std::string& reason, const std::string& remote_ip, int64_t time);
  // At server start: every device still marked online (a crash left it so) goes offline, with a log row
  // each (state 0, `reason`). Returns the number of devices reset.
  int64_t reset_online(const std::string& reason, int64_t now);
  Page online_log(const QueryParams& q, const DataScope& scope);
  // The same filters and scope, counted per hour (hours without events left out).
  std::vector<OnlineHour> online_hourly(const QueryParams& q, const DataScope& scope);
  // Car piles and e-bike devices in scope: online now / total.
  std::vector<OnlineNow> online_now(const DataScope& scope);

  // Idempotent: the same start again (connector, timestamp, idTag, meterStart) returns the existing id.
  int64_t start_transaction(const TxStart& t, int64_t now);
  std::optional<TxRow> find_transaction(int64_t id);
  // Applies once: false when unknown or already stopped.
  bool stop_transaction(int64_t id, int64_t meter_stop, int64_t stop_time, const std::string& reason,
                        const std::string& id_tag, int64_t now);

  // The latest energy register of an active transaction (0.0001 kWh).
  void set_meter(int64_t transaction_id, int64_t meter, int64_t time);

  std::optional<std::pair<std::string, std::string>> secret(const std::string& kind,
                                                            int64_t id);  // salt, hash
  void set_secret(const std::string& kind, int64_t id, const std::string& salt, const std::string& hash,
                  const std::string& by, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::dev
