#include "service/bike/device_service.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/station/child_rows.hpp"
#include "service/station/device_support.hpp"
#include "service/station/station_rules.hpp"

namespace zc::bike {

namespace json = boost::json;
using db::Connection;
using db::bike::DeviceRepo;
using db::bike::SocketRepo;

static constexpr station::DeviceCode kDeviceCode{"设备", 12, 600000000000};  // 6 + the 11-digit id

bool is_device_code(const std::string& code) {
  return kDeviceCode.valid(code);
}

void validate_device_fields(const db::bike::DeviceFields& f) {
  station::check_factory_no(f.factory_no);
  station::check_name("name", f.name);
  if (f.device_type < 1 || f.device_type > 5)
    fail_bad_request("deviceType: 只能是1（单路）、2（双路）、3（十路）、4（充电柜）或5（其他）");
  if (utf8_length(f.location) > 100) fail_bad_request("location: 长度不能超过100个字符");
  auto range = [](const char* field, int64_t v, int64_t max, const char* unit) {
    if (v < 0 || v > max)
      fail_bad_request(std::string(field) + ": 必须在0到" + std::to_string(max) + "（" + unit + "）之间");
  };
  range("ratedPower", f.rated_power, 100000, "W");
  range("ratedVoltage", f.rated_voltage, 1000, "V");
  range("ratedCurrent", f.rated_current, 10000, "0.1A");
  range("currentUpperLimit", f.current_upper_limit, 10000, "0.1A");
  range("currentLowerLimit", f.current_lower_limit, 10000, "0.1A");
  if (f.current_lower_limit > f.current_upper_limit)
    fail_bad_request("currentLowerLimit: 电流下限不能大于电流上限");
  if (f.socket_count < 1 || f.socket_count > 20) fail_bad_request("socketCount: 必须在1到20之间");
  station::check_date("productionDate", f.production_date);
  station::check_date("deploymentDate", f.deployment_date);
  if (f.protocol != "ocpp16" && f.protocol != "vendor") fail_bad_request("protocol: 只能是ocpp16或vendor");
}

// ---- devices ------------------------------------------------------------------------------------

json::object DeviceService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    auto row = DeviceRepo(c).detail(id, p.scope);
    if (!row) fail_not_found("设备不存在");
    json::array sockets = SocketRepo(c).of_device(id);
    for (auto& s : sockets) {
      auto& o = s.as_object();
      o["qrUrl"] = socket_qr_url(ctx_.cfg, std::string(o["code"].as_string()));
    }
    (*row)["sockets"] = std::move(sockets);
    return *row;
  });
}

int64_t DeviceService::create(const DeviceInput& in, const Principal& p) {
  validate_device_fields(in.f);
  return station::create_device<DeviceRepo>(
      ctx_.db, ctx_.clock, kBike, kDeviceCode, in, p,
      [&](Connection& c, const station::Placement& at, int64_t id, const std::string& code, int64_t now) {
        SocketRepo sockets(c);
        for (int64_t n = 1; n <= in.f.socket_count; ++n)
          sockets.insert(at.owned(), at.area.id, id, n, code + station::two_digits(n),
                         "插座" + station::two_digits(n), p.user_name, now);
      });
}

void DeviceService::update(const DeviceInput& in, const Principal& p) {
  validate_device_fields(in.f);
  station::update_device<DeviceRepo>(ctx_.db, ctx_.clock, kDeviceCode, in, p, not_found_,
                                     [&](Connection&, const db::bike::DeviceRec& d, int64_t) {
                                       if (in.f.socket_count != d.socket_count)
                                         fail_bad_request("socketCount: 插座数量不可修改");
                                     });
}

void DeviceService::remove(const std::vector<int64_t>& ids, const Principal& p) {
  if (ids.empty()) fail_bad_request("ids: 不能为空");
  ctx_.db.write([&](Connection& c) {
    DeviceRepo repo(c);
    SocketRepo sockets(c);
    for (int64_t id : ids) {
      auto d = station::row_in_scope(repo, id, p, not_found_ + "：" + std::to_string(id));
      if (sockets.charging_count(id) > 0) fail_conflict("设备有插座正在充电，不能删除：" + d.code);
      repo.remove(id);
    }
  });
}

json::object DeviceService::command(int64_t id, const std::string& command, const Principal& p) {
  if (command != "refresh" && command != "reboot") fail_bad_request("command: 只能是refresh或reboot");
  auto d = ctx_.db.read([&](Connection& c) {
    DeviceRepo repo(c);
    return station::row_in_scope(repo, id, p, not_found_);
  });
  devices::DeviceRef ref{devices::DeviceKind::bike_device, d.id, d.code};
  // 刷新状态 also reaches a disabled device: it reads the state, changes nothing.
  if (command == "refresh")
    return station::refresh_device<DeviceRepo>(ctx_.db, ctx_.clock, ctx_.gateway, ref);
  if (d.status != 0) fail_conflict("设备已停用，不能下发指令：" + d.code);
  return station::command_outcome(ctx_.gateway.send(ref, devices::Reboot{}, station::kCommandTimeout));
}

std::string DeviceService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  QueryParams q = station::export_filters<DeviceRepo>(ctx_.db, filters, scope);
  Config cfg = ctx_.cfg;
  station::QrExportSpec spec;
  spec.file_name = "设备二维码.xlsx";
  spec.sheet_name = "设备二维码";
  spec.code_headers = {{"设备编号"}};
  spec.rows = [q, scope](Connection& c) { return DeviceRepo(c).list_all(q, scope); };
  spec.url = [cfg](const json::object& o) { return device_qr_url(cfg, station::str_field(o, "code")); };
  spec.codes = [](const json::object& o) { return std::vector<std::string>{station::str_field(o, "code")}; };
  return station::start_qr_export(ctx_.exports, ctx_.db, p, std::move(spec));
}

// ---- sockets ------------------------------------------------------------------------------------

void SocketService::update(int64_t id, const std::string& name, const Principal& p) {
  station::rename_row<SocketRepo>(ctx_.db, ctx_.clock, id, name, p, not_found_);
}

std::string SocketService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  QueryParams q = station::export_filters<SocketRepo>(ctx_.db, filters, scope);
  Config cfg = ctx_.cfg;
  station::QrExportSpec spec;
  spec.file_name = "插座二维码.xlsx";
  spec.sheet_name = "插座二维码";
  spec.code_headers = {{"设备编号"}, {"插座编号"}};
  spec.rows = [q, scope](Connection& c) { return SocketRepo(c).list_all(q, scope); };
  spec.url = [cfg](const json::object& o) { return socket_qr_url(cfg, station::str_field(o, "code")); };
  spec.codes = [](const json::object& o) {
    return std::vector<std::string>{station::str_field(o, "deviceCode"), station::str_field(o, "code")};
  };
  return station::start_qr_export(ctx_.exports, ctx_.db, p, std::move(spec));
}

void SocketService::set_state(int64_t id, const std::string& state) {
  if (state != "idle" && state != "charging" && state != "offline" && state != "fault")
    fail_bad_request("state: 只能是idle、charging、offline或fault");
  bool found = ctx_.db.write([&](Connection& c) { return SocketRepo(c).set_state(id, state); });
  if (!found) fail_not_found("插座不存在");
}

}  // namespace zc::bike
