#pragma once
// E-bike charging devices (BIKE-DEV) and their sockets (BIKE-SOCK): codes (device 12 digits, socket =
// device code + 2-digit socket no.), socket creation from the socket count, enable/disable, delete,
// device commands through the DeviceGateway, QR labels and the QR Excel exports (shared station
// mechanisms, src/service/station/device_support.hpp).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "service/bike/context.hpp"
#include "service/station/child_rows.hpp"
#include "service/station/device_support.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/bike_device.hpp"

namespace zc::bike {

using DeviceInput = station::DeviceInput<db::bike::DeviceFields>;

class DeviceService : public station::RowService<db::bike::DeviceRepo> {
 public:
  explicit DeviceService(BikeContext ctx) : RowService(ctx, "设备不存在", device_qr_url), ctx_(ctx) {}
  boost::json::object get(int64_t id, const Principal& p);  // row + sockets
  int64_t create(const DeviceInput& in, const Principal& p);
  void update(const DeviceInput& in, const Principal& p);
  void remove(const std::vector<int64_t>& ids, const Principal& p);  // 409 while a socket is charging
  boost::json::object command(int64_t id, const std::string& command, const Principal& p);
  std::string qr_export(const QueryParams& filters, const Principal& p);  // the job id

 private:
  BikeContext ctx_;
};

class SocketService : public station::RowService<db::bike::SocketRepo> {
 public:
  explicit SocketService(BikeContext ctx) : RowService(ctx, "插座不存在", socket_qr_url, true), ctx_(ctx) {}
  void update(int64_t id, const std::string& name, const Principal& p);
  std::string qr_export(const QueryParams& filters, const Principal& p);
  // The socket state as the device gateway reports it: idle, charging, offline, fault.
  void set_state(int64_t id, const std::string& state);

 private:
  BikeContext ctx_;
};

// Device field rules (factory no., name, type 1–5, ranges, limits, socket count 1–20, dates, protocol).
void validate_device_fields(const db::bike::DeviceFields& f);
bool is_device_code(const std::string& code);  // 12 digits

}  // namespace zc::bike
