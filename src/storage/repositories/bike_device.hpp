#pragma once
// SQL of e-bike charging devices (BIKE-DEV) and their sockets (BIKE-SOCK).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/bike_station.hpp"
#include "storage/repositories/station_child.hpp"

namespace zc::db::bike {

// The editable fields of a device (code, factory no. and socket count are fixed after creation).
struct DeviceFields {
  std::string factory_no, name;
  int64_t device_type = 1;
  std::string location;
  int64_t rated_power = 0, rated_voltage = 0, rated_current = 0;  // W, V, 0.1 A
  int64_t current_upper_limit = 0, current_lower_limit = 0;       // 0.1 A
  int64_t socket_count = 1;
  std::string production_date, deployment_date;  // YYYY-MM-DD or ""
  std::string protocol = "ocpp16";
};

struct DeviceRec {
  int64_t id = 0, station_id = 0, area_id = 0;
  std::string code, factory_no, name;
  int64_t socket_count = 0, status = 0;
};

class DeviceRepo : public station::DeviceRows {
 public:
  explicit DeviceRepo(Connection& c);
  std::optional<DeviceRec> find(int64_t id);
  int64_t insert(const Owned& o, int64_t area_id, const DeviceFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const DeviceFields& f, const std::string& by, int64_t now);
  void remove(int64_t id);  // with its sockets
};

class SocketRepo : public station::ChildRows {
 public:
  explicit SocketRepo(Connection& c);
  boost::json::array of_device(int64_t device_id);
  void insert(const Owned& o, int64_t area_id, int64_t device_id, int64_t socket_no, const std::string& code,
              const std::string& name, const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const std::string& by, int64_t now);
  int64_t charging_count(int64_t device_id);
  // Socket state from the device gateway (idle, charging, offline, fault); false when no such socket.
  bool set_state(int64_t id, const std::string& state);
};

}  // namespace zc::db::bike
