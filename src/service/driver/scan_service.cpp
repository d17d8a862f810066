#include "service/driver/scan_service.hpp"

#include <array>

#include "core/error.hpp"
#include "service/driver/point_rules.hpp"
#include "service/driver/station_finder.hpp"

namespace zc::driver {

namespace json = boost::json;
using db::app::PointRow;
using db::app::StationKind;

namespace {

enum class CodeKind { any, gun, pile, socket, device };

struct ParsedCode {
  CodeKind kind = CodeKind::any;
  std::string code;
};

// A bare code, or the QR URL's last path segment after /app/gun|pile|socket|device/.
ParsedCode parse_code(const std::string& input) {
  static const std::array<std::pair<const char*, CodeKind>, 4> kPaths = {
      {{"/app/gun/", CodeKind::gun},
       {"/app/pile/", CodeKind::pile},
       {"/app/socket/", CodeKind::socket},
       {"/app/device/", CodeKind::device}}};
  ParsedCode out{CodeKind::any, input};
  for (const auto& [path, kind] : kPaths) {
    auto at = input.find(path);
    if (at == std::string::npos) continue;
    std::string rest = input.substr(at + std::string_view(path).size());
    rest = rest.substr(0, rest.find_first_of("/?#"));
    out = {kind, rest};
    break;
  }
  if (out.code.empty() || out.code.size() > 32) fail_bad_request("code: 无法识别的二维码或编号");
  for (char c : out.code)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_'))
      fail_bad_request("code: 无法识别的二维码或编号");
  return out;
}

// Hidden (station not shown, area disabled) counts as unknown: the app never sees it.
bool shown(const PointRow& p) {
  return p.station_visible && p.area_status == 0;
}

}  // namespace

json::object ScanService::scan(const std::string& input, std::optional<int64_t> number) {
  ParsedCode parsed = parse_code(input);
  StationKind kind = StationKind::car;
  std::optional<PointRow> point;
  std::vector<PointRow> siblings;  // the device's points when a pile/device code was given
  std::optional<db::app::StationSummary> station;
  bool busy = false, payable = false;
  car_.db.read([&](db::Connection& c) {
    db::app::AppStationRepo repo(c, car_.clock.now());
    auto by_point = [&](StationKind k) {
      if (auto p = repo.point_by_code(k, parsed.code); p && shown(*p)) {
        kind = k;
        point = p;
      }
    };
    auto by_device = [&](StationKind k) {
      auto all = repo.points_of_device(k, parsed.code);
      if (all.empty() || !shown(all.front())) return;
      kind = k;
      siblings = all;
      if (number) {
        for (const auto& p : all)
          if (p.number == *number) point = p;
        if (!point)
          fail_not_found(std::string(k == StationKind::car ? "gunNo" : "socketNo") + ": 没有这个编号");
      } else if (all.size() == 1) {
        point = all.front();
      }
    };
    switch (parsed.kind) {
      case CodeKind::gun:
        by_point(StationKind::car);
        break;
      case CodeKind::socket:
        by_point(StationKind::bike);
        break;
      case CodeKind::pile:
        by_device(StationKind::car);
        break;
      case CodeKind::device:
        by_device(StationKind::bike);
        break;
      case CodeKind::any:
        by_point(StationKind::car);
        if (!point) by_point(StationKind::bike);
        if (!point) by_device(StationKind::car);
        if (!point && siblings.empty()) by_device(StationKind::bike);
        break;
    }
    if (!point && siblings.empty()) return;
    const PointRow& any = point ? *point : siblings.front();
    auto found = repo.stations(kind, "", any.station_id);
    if (!found.empty()) station = found.front();
    if (point) busy = repo.has_active_order(kind, point->id);
    auto type = kind == StationKind::car ? db::station::StationType::car : db::station::StationType::bike;
    payable = payments_ ? payments_->merchant_of(c, type, any.station_id).has_value()
                        : (station && station->payable);
  });
  if ((!point && siblings.empty()) || !station) fail_not_found("code: 未找到该编号的充电枪或插座");

  const bool car = kind == StationKind::car;
  const PointRow& dev = point ? *point : siblings.front();
  json::object o;
  o["type"] = kind_name(kind);
  o["station"] = {{"id", station->id},
                  {"name", station->name},
                  {"address", station->address},
                  {"phone", station->phone},
                  {"openingHours", station->opening_hours}};
  json::object device{
      {"id", dev.device_id},         {"code", dev.device_code},           {"name", dev.device_name},
      {"online", dev.device_online}, {"stopped", dev.device_status != 0}, {"powerW", dev.power_w}};
  if (car) device["currentType"] = dev.current_type;
  if (!siblings.empty()) {
    json::array all;
    for (const auto& p : siblings) all.push_back(point_json(kind, p));
    device[car ? "guns" : "sockets"] = std::move(all);
  }
  o[car ? "pile" : "device"] = std::move(device);
  if (point)
    o[car ? "gun" : "socket"] = point_json(kind, *point);
  else
    o[car ? "gun" : "socket"] = nullptr;

  auto tariff = tariff_of_area(car_, kind, dev.area_id, station->timezone);
  if (tariff) {
    o["tariff"] = std::move(tariff->tariff);
    o["prepayValues"] = std::move(tariff->prepay_values);
  } else {
    o["tariff"] = nullptr;
    o["prepayValues"] = json::array();
  }

  std::string reason;
  if (!point)
    reason = car ? "请选择充电枪" : "请选择插座";
  else if (auto p = state_problem(kind, *point); !p.empty())
    reason = p;
  else if (busy)
    reason = car ? "充电枪正在使用中" : "插座正在使用中";
  else if (!tariff)
    reason = kNoTariffInForce;
  else if (!payable)
    reason = "该电站未配置支付，不能在线支付";
  o["canStart"] = reason.empty();
  o["reason"] = reason;
  return o;
}

}  // namespace zc::driver
