#include "service/car/asset_service.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "export/qr.hpp"
#include "export/xlsx.hpp"
#include "service/car/tariff_service.hpp"
#include "service/export/export_jobs.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/ykc_repo.hpp"

namespace zc::car {

namespace json = boost::json;
using db::Connection;
using namespace db::car;
using devices::Command;
using devices::DeviceKind;
using devices::DeviceRef;

static constexpr std::chrono::milliseconds kCommandTimeout{10000};
static constexpr size_t kMaxExportRows = 20000;

static std::string two_digits(int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld", static_cast<long long>(n));
  return buf;
}

// ---- parking spots --------------------------------------------------------------------------------

static void check_lock_type(int64_t t) {
  if (t < 0 || t > 2) fail_bad_request("lockType: 只能是0（无锁）、1（地锁）或2（相机联动地锁）");
}

db::Page SpotService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return SpotRepo(c).list(q, p.scope); });
}

json::object SpotService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return SpotRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("车位不存在");
  return *row;
}

json::array SpotService::options(int64_t area_id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return SpotRepo(c).options(area_id, p.scope); });
}

std::vector<int64_t> SpotService::add_batch(const SpotBatch& in, const Principal& p) {
  if (in.count < 1 || in.count > 200) fail_bad_request("count: 必须在1到200之间");
  check_lock_type(in.lock_type);
  std::string prefix = in.name_prefix.empty() ? "车位" : in.name_prefix;
  if (utf8_length(prefix) > 20) fail_bad_request("namePrefix: 长度不能超过20个字符");
  return ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.station_id, p);
    auto a = area_of_station(c, in.area_id, s.id, p);
    require_station_enabled(c, s);
    require_area_enabled(a);
    SpotRepo repo(c);
    int64_t seq = repo.next_seq(a.id);
    int64_t now = ctx_.clock.now();
    std::vector<int64_t> ids;
    for (int64_t i = 0; i < in.count; ++i, ++seq) {
      char num[32];
      std::snprintf(num, sizeof num, "%03lld", static_cast<long long>(seq));
      ids.push_back(repo.insert(owned_by(s), a.id, seq, prefix + num, in.lock_type, p.user_name, now));
    }
    return ids;
  });
}

void SpotService::update(int64_t id, const std::string& name, int64_t lock_type, const Principal& p) {
  check_name("name", name);
  check_lock_type(lock_type);
  ctx_.db.write([&](Connection& c) {
    SpotRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("车位不存在");
    repo.update(id, name, lock_type, p.user_name, ctx_.clock.now());
  });
}

void SpotService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    SpotRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("车位不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
  });
}

json::object SpotService::lock(int64_t id, const std::string& action, const Principal& p) {
  if (action != "open" && action != "close") fail_bad_request("action: 只能是open或close");
  DeviceRef ref;
  Command cmd;
  cmd.name = action == "open" ? "lockOpen" : "lockClose";
  ctx_.db.read([&](Connection& c) {
    SpotRepo repo(c);
    auto s = repo.find(id);
    if (!s || !repo.in_scope(id, p.scope)) fail_not_found("车位不存在");
    if (s->lock_type == 0) fail_conflict("该车位没有地锁");
    if (s->lock_type == 2) {
      if (!s->camera_id) fail_conflict("该车位未绑定相机，无法控制地锁");
      auto cam = CameraRepo(c).find(s->camera_id);
      if (!cam) fail_conflict("该车位未绑定相机，无法控制地锁");
      if (cam->status != 0) fail_conflict("相机已停用，无法执行：" + cam->code);
      ref = {DeviceKind::car_camera, cam->id, cam->factory_no};
      cmd.args["side"] = cam->left_spot_id == s->id ? "left" : "right";
    } else if (db::dev::YkcRepo ykc(c); auto bound = ykc.lock_of_spot(id)) {
      // A ground lock wired to a YKC pile's gun (PUT /car/spot/lockPile): the pile drives it (0x62).
      auto pile = ykc.find_pile(bound->first);
      if (!pile) fail_conflict("地锁绑定的电桩不存在");
      ref = {DeviceKind::car_pile, pile->id, pile->code};
      cmd.args["gun"] = std::to_string(bound->second);
    } else {
      // No protocol connects a ground lock by itself: unbound, nothing can drive it (not "offline").
      fail_conflict("该车位的地锁未绑定控制设备，请先在“绑定电桩”中绑定控制它的电桩和枪");
    }
    cmd.args["spotCode"] = s->code;
  });
  auto out = command_outcome(ctx_.gateway.send(ref, cmd, kCommandTimeout));
  ctx_.db.write([&](Connection& c) { SpotRepo(c).set_lock_state(id, action == "open" ? "open" : "closed"); });
  return out;
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

static bool is_device_no(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' ||
           ch == '_';
  });
}

static void check_camera_fields(const CameraFields& f) {
  if (!is_device_no(f.factory_no)) fail_bad_request("factoryNo: 应为1到32位字母、数字、-或_");
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

db::Page CameraService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return CameraRepo(c).list(q, p.scope); });
}

json::object CameraService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return CameraRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("相机不存在");
  return *row;
}

int64_t CameraService::create(const CameraInput& in, const Principal& p) {
  check_camera_fields(in.f);
  return ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.station_id, p);
    auto a = area_of_station(c, in.area_id, s.id, p);
    require_station_enabled(c, s);
    require_area_enabled(a);
    CameraRepo repo(c);
    if (repo.factory_no_taken(in.f.factory_no, 0)) fail_conflict("factoryNo: 出厂编号已存在");
    check_camera_spots(c, in.f, a.id, 0);
    int64_t id = repo.insert(owned_by(s), a.id, in.f, p.user_name, ctx_.clock.now());
    bind_spots(c, in.f, id);
    return id;
  });
}

void CameraService::update(const CameraInput& in, const Principal& p) {
  check_camera_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    CameraRepo repo(c);
    auto cam = repo.find(in.id);
    if (!cam || !repo.in_scope(in.id, p.scope)) fail_not_found("相机不存在");
    if (repo.factory_no_taken(in.f.factory_no, in.id)) fail_conflict("factoryNo: 出厂编号已存在");
    check_camera_spots(c, in.f, cam->area_id, in.id);
    repo.update(in.id, in.f, p.user_name, ctx_.clock.now());
    bind_spots(c, in.f, in.id);
  });
}

void CameraService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    CameraRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("相机不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
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
    auto r = repo.find(id);
    if (!r || !repo.in_scope(id, p.scope)) fail_not_found("相机不存在");
    return *r;
  });
  if (cam.status != 0) fail_conflict("相机已停用，不能执行指令：" + cam.code);
  int64_t spot_id = side == "left" ? cam.left_spot_id : cam.right_spot_id;
  if (lock_cmd && !spot_id) fail_bad_request("side: 该侧未绑定车位");
  DeviceRef ref{DeviceKind::car_camera, cam.id, cam.factory_no};
  if (command == "refresh") {
    bool online = ctx_.gateway.is_online(ref);
    ctx_.db.write([&](Connection& c) { CameraRepo(c).set_online(id, online, ctx_.clock.now()); });
    if (!online) fail_conflict("设备不在线，无法执行");
    json::object o;
    o["result"] = "accepted";
    o["message"] = "online";
    return o;
  }
  Command cmd{command, {}};
  if (lock_cmd || command == "syncLock") cmd.args["side"] = side;
  auto out = command_outcome(ctx_.gateway.send(ref, cmd, kCommandTimeout));
  if (lock_cmd)
    ctx_.db.write([&](Connection& c) {
      SpotRepo(c).set_lock_state(spot_id, command == "lockOpen" ? "open" : "closed");
    });
  return out;
}

// ---- piles ------------------------------------------------------------------------------------------

bool is_pile_code(const std::string& code) {
  return code.size() == 14 &&
         std::all_of(code.begin(), code.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

void validate_pile_fields(const PileFields& f) {
  if (!is_device_no(f.factory_no)) fail_bad_request("factoryNo: 应为1到32位字母、数字、-或_");
  check_name("name", f.name);
  if (utf8_length(f.model) > 50) fail_bad_request("model: 长度不能超过50个字符");
  if (utf8_length(f.version) > 50) fail_bad_request("version: 长度不能超过50个字符");
  if (f.gun_count < 1 || f.gun_count > 8) fail_bad_request("gunCount: 必须在1到8之间");
  if (f.sim.size() > 32) fail_bad_request("sim: 长度不能超过32个字符");
  if (f.operation_type < 1 || f.operation_type > 3) fail_bad_request("operationType: 只能是1、2或3");
  if (f.occupancy_fee < 0 || f.occupancy_fee > 100000)
    fail_bad_request("occupancyFee: 必须在0到100000（分/小时）之间");
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

static void add_guns(Connection& c, const PileRec& pile, int64_t from_no, int64_t to_no,
                     const std::string& by, int64_t now) {
  GunRepo guns(c);
  for (int64_t n = from_no; n <= to_no; ++n)
    guns.insert({pile.provider_id, pile.property_id, pile.station_id}, pile.area_id, pile.id, n,
                pile.code + two_digits(n), std::to_string(n) + "号枪", by, now);
}

db::Page PileService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return PileRepo(c).list(q, p.scope); });
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
  if (in.code && !in.code->empty() && !is_pile_code(*in.code))
    fail_bad_request("code: 电桩编号必须是14位数字");
  return ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.station_id, p);
    auto a = area_of_station(c, in.area_id, s.id, p);
    require_station_enabled(c, s);
    require_area_enabled(a);
    PileRepo repo(c);
    if (repo.factory_no_taken(in.f.factory_no, 0)) fail_conflict("factoryNo: 出厂标识已存在");
    if (in.code && !in.code->empty() && repo.code_taken(*in.code)) fail_conflict("code: 电桩编号已存在");
    int64_t now = ctx_.clock.now();
    int64_t id = repo.insert(owned_by(s), a.id, in.f, p.user_name, now);
    std::string code;
    if (in.code && !in.code->empty()) {
      code = *in.code;
    } else {  // assigned: 8 + the 13-digit id, skipping codes given by hand
      for (int64_t n = 80000000000000 + id;; ++n) {
        code = std::to_string(n);
        if (!repo.code_taken(code)) break;
      }
    }
    repo.set_code(id, code);
    auto pile = repo.find(id);
    add_guns(c, *pile, 1, in.f.gun_count, p.user_name, now);
    return id;
  });
}

void PileService::update(const PileInput& in, const Principal& p) {
  validate_pile_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    PileRepo repo(c);
    auto pile = repo.find(in.id);
    if (!pile || !repo.in_scope(in.id, p.scope)) fail_not_found("电桩不存在");
    if (in.code && !in.code->empty() && *in.code != pile->code) fail_bad_request("code: 电桩编号不可修改");
    if (in.f.factory_no != pile->factory_no) fail_bad_request("factoryNo: 出厂标识不可修改");
    int64_t now = ctx_.clock.now();
    if (in.f.gun_count > pile->gun_count) {
      if (pile->status != 0) fail_conflict("电桩已停用，不能添加充电枪");
      add_guns(c, *pile, pile->gun_count + 1, in.f.gun_count, p.user_name, now);
    } else if (in.f.gun_count < pile->gun_count) {
      GunRepo guns(c);
      auto all = guns.recs_of_pile(pile->id);
      for (const auto& g : all)
        if (g.gun_no > in.f.gun_count && g.state == "charging")
          fail_conflict("充电枪正在充电，不能减少枪数：" + g.code);
      for (const auto& g : all)
        if (g.gun_no > in.f.gun_count) guns.remove(g.id);
    }
    repo.update(in.id, in.f, p.user_name, now);
  });
}

void PileService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    PileRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("电桩不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
  });
}

json::object PileService::command(int64_t id, const std::string& command, const Principal& p) {
  static const std::vector<std::string> known = {"reboot",     "clockSync",   "qrSync",
                                                 "tariffSync", "hotlineSync", "refresh"};
  if (std::find(known.begin(), known.end(), command) == known.end())
    fail_bad_request("command: 只能是reboot、clockSync、qrSync、tariffSync、hotlineSync或refresh");
  Command cmd{command, {}};
  PileRec pile = ctx_.db.read([&](Connection& c) {
    PileRepo repo(c);
    auto r = repo.find(id);
    if (!r || !repo.in_scope(id, p.scope)) fail_not_found("电桩不存在");
    if (r->status != 0) fail_conflict("电桩已停用，不能下发指令：" + r->code);
    if (command == "hotlineSync") {
      auto s = StationRepo(c).find(r->station_id);
      if (!s || s->hotline.empty()) fail_conflict("电站未设置服务热线");
      cmd.args["hotline"] = s->hotline;
    } else if (command == "qrSync") {
      std::string urls;
      for (const auto& g : GunRepo(c).recs_of_pile(r->id))
        urls += (urls.empty() ? "" : " ") + std::to_string(g.gun_no) + "=" + gun_qr_url(ctx_.cfg, g.code);
      cmd.args["qrUrls"] = urls;
    }
    return *r;
  });
  if (command == "tariffSync") {
    auto model = TariffService(ctx_).model_for_area(pile.area_id);
    if (!model) fail_conflict("电桩所在区域没有生效的计费规则，无法同步");
    cmd.args["modelNo"] = std::to_string(*model);
  }
  DeviceRef ref{DeviceKind::car_pile, pile.id, pile.code};
  if (command == "refresh") {
    bool online = ctx_.gateway.is_online(ref);
    ctx_.db.write([&](Connection& c) { PileRepo(c).set_online(id, online, ctx_.clock.now()); });
    if (!online) fail_conflict("设备不在线，无法执行");
    // Online: the gateway asks the pile for its current status (OCPP TriggerMessage StatusNotification).
  }
  return command_outcome(ctx_.gateway.send(ref, cmd, kCommandTimeout));
}

std::string PileService::qr(int64_t id, const std::string& tmpl, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return PileRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("电桩不存在");
  std::string code(row->at("code").as_string());
  return qr_label_png(tmpl, pile_qr_url(ctx_.cfg, code), std::string(row->at("stationName").as_string()),
                      code);
}

// ---- QR exports ---------------------------------------------------------------------------------------

static std::string str_of(const json::object& o, const char* k) {
  auto it = o.find(k);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

using RowsFn = std::function<json::array(Connection&)>;

// The export of a QR list: station, QR image, QR URL, factory id, pile code (and gun code).
static std::string start_qr_export(CarContext ctx, const Principal& p, const std::string& file_name,
                                   RowsFn rows_fn, bool guns) {
  Config cfg = ctx.cfg;
  db::Database* db = &ctx.db;
  return ctx.exports.start(
      p.user_id, file_name, [db, cfg, rows_fn, guns](const std::string& path, exports::JobControl& control) {
        json::array rows = db->read([&](Connection& c) { return rows_fn(c); });
        if (rows.size() > kMaxExportRows)
          throw std::runtime_error("导出行数超过" + std::to_string(kMaxExportRows) + "行，请缩小查询范围");
        control.set_total(static_cast<int64_t>(rows.size()));
        std::vector<XlsxColumn> cols = {{"电站", XlsxKind::text, 24},
                                        {"二维码", XlsxKind::image_png, 0},
                                        {"二维码URL", XlsxKind::text, 48},
                                        {"出厂标识", XlsxKind::text, 20},
                                        {"电桩编号", XlsxKind::text, 18}};
        if (guns) cols.push_back({"充电枪编号", XlsxKind::text, 20});
        XlsxOptions opt;
        opt.sheet_name = guns ? "充电枪二维码" : "电桩二维码";
        opt.max_rows = kMaxExportRows;
        opt.progress_every = 100;
        opt.on_progress = [&control](size_t n) { control.progress(static_cast<int64_t>(n)); };
        XlsxWriter w(path, cols, opt);
        for (const auto& v : rows) {
          const auto& o = v.as_object();
          std::string url = guns ? gun_qr_url(cfg, str_of(o, "code")) : pile_qr_url(cfg, str_of(o, "code"));
          std::vector<XlsxCell> cells = {str_of(o, "stationName"), qr_png(url, 4, 2), url,
                                         str_of(o, "factoryNo"),
                                         guns ? str_of(o, "pileCode") : str_of(o, "code")};
          if (guns) cells.emplace_back(str_of(o, "code"));
          w.add_row(cells);
        }
        w.finish();
        control.progress(static_cast<int64_t>(rows.size()));
      });
}

std::string PileService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  // Parse the request as the list parses it, now (a value the list refuses is a 400 of this request, not
  // a failed job); then paging goes: an export has every row.
  ctx_.db.read([&](Connection& c) { PileRepo(c).list(filters, scope); });
  QueryParams q = filters;
  q.erase("pageNum");
  q.erase("pageSize");
  return start_qr_export(
      ctx_, p, "电桩二维码.xlsx", [q, scope](Connection& c) { return PileRepo(c).list_all(q, scope); },
      false);
}

// ---- guns -------------------------------------------------------------------------------------------

db::Page GunService::list(const QueryParams& q, const Principal& p) {
  auto page = ctx_.db.read([&](Connection& c) { return GunRepo(c).list(q, p.scope); });
  for (auto& g : page.rows) {
    auto& o = g.as_object();
    o["qrUrl"] = gun_qr_url(ctx_.cfg, std::string(o["code"].as_string()));
  }
  return page;
}

json::object GunService::get(int64_t id, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return GunRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("充电枪不存在");
  (*row)["qrUrl"] = gun_qr_url(ctx_.cfg, std::string((*row)["code"].as_string()));
  return *row;
}

void GunService::update(int64_t id, const std::string& name, const Principal& p) {
  check_name("name", name);
  ctx_.db.write([&](Connection& c) {
    GunRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("充电枪不存在");
    repo.update(id, name, p.user_name, ctx_.clock.now());
  });
}

void GunService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    GunRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("充电枪不存在");
    repo.set_status(id, status, p.user_name, ctx_.clock.now());
  });
}

std::string GunService::qr(int64_t id, const std::string& tmpl, const Principal& p) {
  auto row = ctx_.db.read([&](Connection& c) { return GunRepo(c).detail(id, p.scope); });
  if (!row) fail_not_found("充电枪不存在");
  std::string code(row->at("code").as_string());
  return qr_label_png(tmpl, gun_qr_url(ctx_.cfg, code), std::string(row->at("stationName").as_string()),
                      code);
}

std::string GunService::qr_export(const QueryParams& filters, const Principal& p) {
  DataScope scope = p.scope;
  ctx_.db.read([&](Connection& c) { GunRepo(c).list(filters, scope); });  // as for the piles
  QueryParams q = filters;
  q.erase("pageNum");
  q.erase("pageSize");
  return start_qr_export(
      ctx_, p, "充电枪二维码.xlsx", [q, scope](Connection& c) { return GunRepo(c).list_all(q, scope); },
      true);
}

}  // namespace zc::car
