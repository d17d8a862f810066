#include "service/car/asset_service.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "service/car/tariff_service.hpp"
#include "service/parking/locks.hpp"
#include "service/station/child_rows.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/ykc_repo.hpp"

namespace zc::car {

namespace json = boost::json;
using db::Connection;
using namespace db::car;
using devices::DeviceCommand;
using devices::DeviceKind;
using devices::DeviceRef;
static constexpr auto kCar = db::station::StationType::car;

using station::kCommandTimeout;

static constexpr station::DeviceCode kPileCode{"电桩", 14, 80000000000000};  // 8 + the 13-digit id

// ---- parking spots --------------------------------------------------------------------------------

static void check_lock_type(int64_t t) {
  if (t < 0 || t > 2) fail_bad_request("lockType: 只能是0（无锁）、1（地锁）或2（相机联动地锁）");
}

std::vector<db::car::SpotOption> SpotService::options(int64_t area_id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return SpotRepo(c).options(area_id, p.scope); });
}

std::vector<int64_t> SpotService::add_batch(const SpotBatch& in, const Principal& p) {
  if (in.count < 1 || in.count > 200) fail_bad_request("count: 必须在1到200之间");
  check_lock_type(in.lock_type);
  std::string prefix = in.name_prefix.empty() ? "车位" : in.name_prefix;
  if (utf8_length(prefix) > 20) fail_bad_request("namePrefix: 长度不能超过20个字符");
  return ctx_.db.write([&](Connection& c) {
    auto at = station::place_in_area(c, kCar, in.station_id, in.area_id, p);
    SpotRepo repo(c);
    int64_t seq = repo.next_seq(at.area.id);
    int64_t now = ctx_.clock.now();
    std::vector<int64_t> ids;
    for (int64_t i = 0; i < in.count; ++i, ++seq) {
      char num[32];
      std::snprintf(num, sizeof num, "%03lld", static_cast<long long>(seq));
      ids.push_back(repo.insert(at.owned(), at.area.id, seq, prefix + num, in.lock_type, p.user_name, now));
    }
    return ids;
  });
}

void SpotService::update(int64_t id, const std::string& name, int64_t lock_type, const Principal& p) {
  check_name("name", name);
  check_lock_type(lock_type);
  ctx_.db.write([&](Connection& c) {
    SpotRepo repo(c);
    station::require_in_scope(repo, id, p, not_found_);
    repo.update(id, name, lock_type, p.user_name, ctx_.clock.now());
  });
}

void SpotService::bind_gun(int64_t id, std::optional<int64_t> gun_id, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    SpotRepo repo(c);
    station::require_in_scope(repo, id, p, not_found_);
    if (gun_id) {
      auto spot = repo.find(id);
      if (!spot || GunRepo(c).station_of(*gun_id) != spot->station_id)
        fail_bad_request("gunId: 充电枪不存在或不属于该车位的电站");
    }
    repo.set_gun(id, gun_id);
  });
}

json::object SpotService::lock(int64_t id, const std::string& action, const Principal& p) {
  if (action != "open" && action != "close") fail_bad_request("action: 只能是open或close");
  ctx_.db.read([&](Connection& c) {
    if (!SpotRepo(c).in_scope(id, p.scope)) fail_not_found(not_found_);
  });
  return parking::Locks(ctx_.db, ctx_.gateway, ctx_.clock).command(id, action == "open");
}

// ---- cameras ----------------------------------------------------------------------------------------

static bool is_ipv4(const std::string& s) {
  int parts = 0;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find('.', i);
    if (j == std::string::npos) j = s.size();
    std::string part = s.substr(i, j - i);
    if (part.empty() || part.size() > 3) return false;
    for (char ch : part)
      if (ch < '0' || ch > '9') return false;
    if (std::stoi(part) > 255) return false;
    ++parts;
    i = j + 1;
    if (j == s.size()) break;
  }
  return parts == 4;
}

static void check_camera_fields(const CameraFields& f) {
  station::check_factory_no(f.factory_no);
  if (!f.ip.empty() && !is_ipv4(f.ip)) fail_bad_request("ip: 不是有效的IPv4地址");
  check_name("name", f.name);
  if (f.sim.size() > 32) fail_bad_request("sim: 长度不能超过32个字符");
  if (f.left_spot_id < 0 || f.right_spot_id < 0) fail_bad_request("leftSpotId: 应为正整数");
  if (f.left_spot_id && f.left_spot_id == f.right_spot_id) fail_bad_request("rightSpotId: 左右车位不能相同");
}

// Spots of the camera's area, each bound to no other camera.
static void check_camera_spots(Connection& c, const CameraFields& f, int64_t area_id, int64_t camera_id) {
  SpotRepo spots(c);
  for (auto [field, sid] :
       {std::pair{"leftSpotId", f.left_spot_id}, std::pair{"rightSpotId", f.right_spot_id}}) {
    if (!sid) continue;
    auto s = spots.find(sid);
    if (!s || s->area_id != area_id) fail_bad_request(std::string(field) + ": 车位不存在或不属于该区域");
    if (s->camera_id && s->camera_id != camera_id)
      fail_conflict(std::string(field) + ": 车位已绑定其他相机：" + s->code);
  }
}

static void bind_spots(Connection& c, const CameraFields& f, int64_t camera_id) {
  SpotRepo spots(c);
  spots.clear_camera(camera_id);
  if (f.left_spot_id) spots.set_camera(f.left_spot_id, camera_id);
  if (f.right_spot_id) spots.set_camera(f.right_spot_id, camera_id);
}

int64_t CameraService::create(const CameraInput& in, const Principal& p) {
  check_camera_fields(in.f);
  return ctx_.db.write([&](Connection& c) {
    auto at = station::place_in_area(c, kCar, in.station_id, in.area_id, p);
    CameraRepo repo(c);
    if (repo.factory_no_taken(in.f.factory_no, 0)) fail_conflict("factoryNo: 出厂编号已存在");
    check_camera_spots(c, in.f, at.area.id, 0);
    int64_t id = repo.insert(at.owned(), at.area.id, in.f, p.user_name, ctx_.clock.now());
    bind_spots(c, in.f, id);
    return id;
  });
}

void CameraService::update(const CameraInput& in, const Principal& p) {
  check_camera_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    CameraRepo repo(c);
    auto cam = station::row_in_scope(repo, in.id, p, not_found_);
    if (repo.factory_no_taken(in.f.factory_no, in.id)) fail_conflict("factoryNo: 出厂编号已存在");
    check_camera_spots(c, in.f, cam.area_id, in.id);
    repo.update(in.id, in.f, p.user_name, ctx_.clock.now());
    bind_spots(c, in.f, in.id);
  });
}

json::object CameraService::command(int64_t id, const std::string& command, const std::string& side,
                                    const Principal& p) {
  static const std::vector<std::string> known = {"reboot",  "clockSync", "capture",  "syncLock",
                                                 "refresh", "lockOpen",  "lockClose"};
  if (std::find(known.begin(), known.end(), command) == known.end())
    fail_bad_request("command: 只能是reboot、clockSync、capture、syncLock、refresh、lockOpen或lockClose");
  bool lock_cmd = command == "lockOpen" || command == "lockClose";
  if (lock_cmd && side != "left" && side != "right") fail_bad_request("side: 只能是left或right");
  auto cam = ctx_.db.read([&](Connection& c) {
    CameraRepo repo(c);
    return station::row_in_scope(repo, id, p, not_found_);
  });
  if (cam.status != 0) fail_conflict("相机已停用，不能执行指令：" + cam.code);
  int64_t spot_id = side == "left" ? cam.left_spot_id : cam.right_spot_id;
  if (lock_cmd && !spot_id) fail_bad_request("side: 该侧未绑定车位");
  DeviceRef ref{DeviceKind::car_camera, cam.id, cam.factory_no};
  auto lock_side = side == "left"    ? devices::LockSide::left
                   : side == "right" ? devices::LockSide::right
                                     : devices::LockSide::none;
  DeviceCommand cmd = command == "reboot"      ? DeviceCommand{devices::Reboot{}}
                      : command == "clockSync" ? DeviceCommand{devices::ClockSync{}}
                      : command == "capture"   ? DeviceCommand{devices::Capture{}}
                      : command == "syncLock"  ? DeviceCommand{devices::SyncLock{lock_side}}
                      : command == "refresh"   ? DeviceCommand{devices::Refresh{}}
                      : command == "lockOpen"  ? DeviceCommand{devices::LockOpen{lock_side, 0}}
                                               : DeviceCommand{devices::LockClose{lock_side, 0}};
  auto out = command_outcome(ctx_.gateway.send(ref, cmd, kCommandTimeout));
  if (lock_cmd)
    ctx_.db.write([&](Connection& c) {
      SpotRepo(c).set_lock_state(spot_id, command == "lockOpen" ? "open" : "closed");
    });
  return out;
}

// ---- piles ------------------------------------------------------------------------------------------

bool is_pile_code(const std::string& code) {
  return kPileCode.valid(code);
}

void validate_pile_fields(const PileFields& f) {
  station::check_factory_no(f.factory_no);
  check_name("name", f.name);
  if (utf8_length(f.model) > 50) fail_bad_request("model: 长度不能超过50个字符");
  if (utf8_length(f.version) > 50) fail_bad_request("version: 长度不能超过50个字符");
  if (f.gun_count < 1 || f.gun_count > 8) fail_bad_request("gunCount: 必须在1到8之间");
  if (f.sim.size() > 32) fail_bad_request("sim: 长度不能超过32个字符");
  if (f.operation_type < 1 || f.operation_type > 3) fail_bad_request("operationType: 只能是1、2或3");
  if (f.occupancy_fee < 0 || f.occupancy_fee > 100000)
    fail_bad_request("occupancyFee: 必须在0到100000（分/计费周期）之间");
  if (f.occupancy_free_min < 0 || f.occupancy_free_min > 1440)
    fail_bad_request("occupancyFreeMin: 必须在0到1440（分钟）之间");
  if (f.occupancy_period_min < 1 || f.occupancy_period_min > 1440)
    fail_bad_request("occupancyPeriodMin: 必须在1到1440（分钟）之间");
  if (f.occupancy_cap < 0 || f.occupancy_cap > 1000000)
    fail_bad_request("occupancyCap: 必须在0到1000000（分）之间");
  if (f.occupancy_cap > 0 && f.occupancy_cap < f.occupancy_fee)
    fail_bad_request("occupancyCap: 封顶金额不能低于每周期价格");
  if (f.output_current < 0 || f.output_current > 100000)
    fail_bad_request("outputCurrent: 必须在0到100000（0.1A）之间");
  if (f.output_power < 0 || f.output_power > 10000000)
    fail_bad_request("outputPower: 必须在0到10000000（W）之间");
  if (f.output_voltage < 0 || f.output_voltage > 2000)
    fail_bad_request("outputVoltage: 必须在0到2000（V）之间");
  if (f.current_type != "AC" && f.current_type != "DC") fail_bad_request("currentType: 只能是AC或DC");
  if (f.charging_type < 1 || f.charging_type > 4) fail_bad_request("chargingType: 只能是1到4");
  if (f.speed < 1 || f.speed > 3) fail_bad_request("speed: 只能是1（慢充）、2（快充）或3（超充）");
  if (f.install_method < 1 || f.install_method > 2)
    fail_bad_request("installMethod: 只能是1（落地式）或2（壁挂式）");
  static const std::vector<std::string> classes = {"IP54", "IP55", "IP65", "IP67"};
  if (std::find(classes.begin(), classes.end(), f.protection_class) == classes.end())
    fail_bad_request("protectionClass: 只能是IP54、IP55、IP65或IP67");
  if (f.comm_method < 1 || f.comm_method > 3)
    fail_bad_request("commMethod: 只能是1（4G）、2（以太网）或3（WiFi）");
  if (f.protocol != "ykc" && f.protocol != "ocpp16") fail_bad_request("protocol: 只能是ykc或ocpp16");
}

// Guns from_no..to_no of the pile, coded pile code + 2 digits.
static void add_guns(Connection& c, const Owned& o, int64_t area_id, int64_t pile_id, const std::string& code,
                     int64_t from_no, int64_t to_no, const std::string& by, int64_t now) {
  GunRepo guns(c);
  for (int64_t n = from_no; n <= to_no; ++n)
    guns.insert(o, area_id, pile_id, n, code + station::two_digits(n), std::to_string(n) + "号枪", by, now);
}

json::object PileService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    auto row = PileRepo(c).detail(id, p.scope);
    if (!row) fail_not_found("电桩不存在");
    json::array guns = GunRepo(c).of_pile(id);
    for (auto& g : guns) {
      auto& o = g.as_object();
      o["qrUrl"] = gun_qr_url(ctx_.cfg, std::string(o["code"].as_string()));
    }
    (*row)["guns"] = std::move(guns);
    (*row)["qrUrl"] = pile_qr_url(ctx_.cfg, std::string((*row)["code"].as_string()));
    (*row)["ykc"] = db::dev::YkcRepo(c).info(id);  // what a YKC pile reported at login (null: never)
    return *row;
  });
}

int64_t PileService::create(const PileInput& in, const Principal& p) {
  validate_pile_fields(in.f);
  return station::create_device<PileRepo>(
      ctx_.db, ctx_.clock, kCar, kPileCode, in, p,
      [&](Connection& c, const station::Placement& at, int64_t id, const std::string& code, int64_t now) {
        add_guns(c, at.owned(), at.area.id, id, code, 1, in.f.gun_count, p.user_name, now);
      });
}

void PileService::update(const PileInput& in, const Principal& p) {
  validate_pile_fields(in.f);
  station::update_device<PileRepo>(ctx_.db, ctx_.clock, kPileCode, in, p, not_found_,
                                   [&](Connection& c, const PileRec& pile, int64_t now) {
                                     if (in.f.gun_count > pile.gun_count) {
                                       if (pile.status != 0) fail_conflict("电桩已停用，不能添加充电枪");
                                       add_guns(c, {pile.provider_id, pile.property_id, pile.station_id},
                                                pile.area_id, pile.id, pile.code, pile.gun_count + 1,
                                                in.f.gun_count, p.user_name, now);
                                     } else if (in.f.gun_count < pile.gun_count) {
                                       GunRepo guns(c);
                                       auto all = guns.recs_of_pile(pile.id);
                                       for (const auto& g : all)
                                         if (g.gun_no > in.f.gun_count && g.state == "charging")
                                           fail_conflict("充电枪正在充电，不能减少枪数：" + g.code);
                                       for (const auto& g : all)
                                         if (g.gun_no > in.f.gun_count) guns.remove(g.id);
                                     }
                                   });
}

json::object PileService::command(int64_t id, const std::string& command, const Principal& p) {
  static const std::vector<std::string> known = {"reboot",     "clockSync",   "qrSync",
                                                 "tariffSync", "hotlineSync", "refresh"};
  if (std::find(known.begin(), known.end(), command) == known.end())
    fail_bad_request("command: 只能是reboot、clockSync、qrSync、tariffSync、hotlineSync或refresh");
  DeviceCommand cmd = command == "reboot"      ? DeviceCommand{devices::Reboot{}}
                      : command == "clockSync" ? DeviceCommand{devices::ClockSync{}}
                                               : DeviceCommand{devices::Refresh{}};
  PileRec pile = ctx_.db.read([&](Connection& c) {
    PileRepo repo(c);
    auto r = station::row_in_scope(repo, id, p, not_found_);
    if (r.status != 0) fail_conflict("电桩已停用，不能下发指令：" + r.code);
    if (command == "hotlineSync") {
      auto s = StationRepo(c).find(r.station_id);
      if (!s || s->hotline.empty()) fail_conflict("电站未设置服务热线");
      cmd = devices::HotlineSync{s->hotline};
    } else if (command == "qrSync") {
      devices::QrSync q;
      for (const auto& g : GunRepo(c).recs_of_pile(r.id))
        q.urls.emplace_back(static_cast<unsigned>(g.gun_no), gun_qr_url(ctx_.cfg, g.code));
      cmd = std::move(q);
    }
    return r;
  });
  if (command == "tariffSync") {
    auto model = TariffService(ctx_).model_for_area(pile.area_id);
    if (!model) command_outcome(devices::CommandReply::rejected(devices::RejectReason::no_tariff));
    cmd = devices::TariffSync{*model};
  }
  DeviceRef ref{DeviceKind::car_pile, pile.id, pile.code};
  if (command == "refresh") return station::refresh_device<PileRepo>(ctx_.db, ctx_.clock, ctx_.gateway, ref);
  return command_outcome(ctx_.gateway.send(ref, cmd, kCommandTimeout));
}

// ---- QR exports ---------------------------------------------------------------------------------------

// The QR export of the pile or gun list: station, QR image, QR URL, factory id, pile code (and gun code).
static std::string qr_export_of(CarContext ctx, const Principal& p, bool guns,
                                std::function<json::array(Connection&)> rows) {
  Config cfg = ctx.cfg;
  station::QrExportSpec spec;
  spec.file_name = guns ? "充电枪二维码.xlsx" : "电桩二维码.xlsx";
  spec.sheet_name = guns ? "充电枪二维码" : "电桩二维码";
  spec.code_headers = {{"电桩编号", 18}};
  if (guns) spec.code_headers.push_back({"充电枪编号", 20});
  spec.rows = std::move(rows);
  spec.url = [cfg, guns](const json::object& o) {
    return guns ? gun_qr_url(cfg, station::str_field(o, "code"))
                : pile_qr_url(cfg, station::str_field(o, "code"));
  };
  spec.codes = [guns](const json::object& o) {
    return guns ? std::vector<std::string>{station::str_field(o, "pileCode"), station::str_field(o, "code")}
                : std::vector<std::string>{station::str_field(o, "code")};
  };
  return station::start_qr_export(ctx.exports, ctx.db, p, std::move(spec));
}

std::string PileService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  QueryParams q = station::export_filters<PileRepo>(ctx_.db, filters, scope);
  return qr_export_of(ctx_, p, false, [q, scope](Connection& c) { return PileRepo(c).list_all(q, scope); });
}

// ---- guns -------------------------------------------------------------------------------------------

void GunService::update(int64_t id, const std::string& name, const Principal& p) {
  station::rename_row<GunRepo>(ctx_.db, ctx_.clock, id, name, p, not_found_);
}

std::string GunService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  QueryParams q = station::export_filters<GunRepo>(ctx_.db, filters, scope);
  return qr_export_of(ctx_, p, true, [q, scope](Connection& c) { return GunRepo(c).list_all(q, scope); });
}

}  // namespace zc::car
