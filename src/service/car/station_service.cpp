#include "service/car/station_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/error.hpp"
#include "core/json_body.hpp"
#include "core/timezone.hpp"
#include "service/system/context.hpp"
#include "service/system/rules.hpp"

namespace zc::car {

namespace json = boost::json;
using db::Connection;
using db::car::StationRepo;

// ---- validation ---------------------------------------------------------------------------------

static bool valid_hhmm(std::string_view s, bool allow_24) {
  if (s.size() != 5 || s[2] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (s[i] < '0' || s[i] > '9') return false;
  int h = (s[0] - '0') * 10 + (s[1] - '0');
  int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59) return false;
  return h < 24 || (allow_24 && h == 24 && m == 0);
}

void validate_station_fields(db::car::StationFields& f) {
  check_name("name", f.name);
  if (f.operation_type < 1 || f.operation_type > 3)
    fail_bad_request("operationType: 只能是1（对外开放）、2（内部专用）或3（个人私桩）");
  sys::check_contact_phone("contactPhone", f.contact_phone);
  sys::check_contact_phone("hotline", f.hotline);
  if (f.opening_hours.empty()) f.opening_hours = "00:00-24:00";
  {
    const std::string& h = f.opening_hours;
    if (h.size() != 11 || h[5] != '-' || !valid_hhmm(std::string_view(h).substr(0, 5), false) ||
        !valid_hhmm(std::string_view(h).substr(6, 5), true))
      fail_bad_request("openingHours: 格式应为HH:MM-HH:MM，例如00:00-24:00");
  }
  if (f.max_power < 0 || f.max_power > 1000000) fail_bad_request("maxPower: 必须在0到1000000（kW）之间");
  if (f.capacity_load < 0 || f.capacity_load > 1000000)
    fail_bad_request("capacityLoad: 必须在0到1000000（kVA）之间");
  if (f.longitude && (*f.longitude < -180000000 || *f.longitude > 180000000))
    fail_bad_request("longitude: 必须在-180到180之间");
  if (f.latitude && (*f.latitude < -90000000 || *f.latitude > 90000000))
    fail_bad_request("latitude: 必须在-90到90之间");
  if (f.timezone.empty()) f.timezone = std::string(kDefaultTimeZone);
  if (!TimeZone::find(f.timezone)) fail_bad_request("timezone: 时区无效：" + f.timezone);
}

static std::string fmt_opt(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : "";
}

// "name: A → B; hotline: …" for the change history.
static std::string changes(const db::car::StationFields& a, const db::car::StationFields& b) {
  std::string out;
  auto add = [&](const char* field, const std::string& x, const std::string& y) {
    if (x == y) return;
    if (!out.empty()) out += "; ";
    out += std::string(field) + ": " + x + " → " + y;
  };
  add("name", a.name, b.name);
  add("operationType", std::to_string(a.operation_type), std::to_string(b.operation_type));
  add("contact", a.contact, b.contact);
  add("contactPhone", a.contact_phone, b.contact_phone);
  add("intro", a.intro, b.intro);
  add("hotline", a.hotline, b.hotline);
  add("openingHours", a.opening_hours, b.opening_hours);
  add("maxPower", std::to_string(a.max_power), std::to_string(b.max_power));
  add("capacityLoad", std::to_string(a.capacity_load), std::to_string(b.capacity_load));
  add("province", a.province, b.province);
  add("city", a.city, b.city);
  add("district", a.district, b.district);
  add("address", a.address, b.address);
  add("longitude", fmt_opt(a.longitude), fmt_opt(b.longitude));
  add("latitude", fmt_opt(a.latitude), fmt_opt(b.latitude));
  add("timezone", a.timezone, b.timezone);
  return out;
}

// ---- stations -----------------------------------------------------------------------------------

db::Page StationService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return StationRepo(c).list(q, p.scope); });
}

json::object StationService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    StationRepo repo(c);
    auto row = repo.detail(id, p.scope);
    if (!row) fail_not_found("电站不存在");
    (*row)["counts"] = repo.counts(id);
    (*row)["history"] = repo.history(id);
    return *row;
  });
}

json::array StationService::options(std::optional<int64_t> property_id, bool enabled_only,
                                    const Principal& p) {
  return ctx_.db.read(
      [&](Connection& c) { return StationRepo(c).options(property_id, enabled_only, p.scope); });
}

int64_t StationService::create(StationInput in, const Principal& p) {
  if (!in.property_id) fail_bad_request("propertyId: 不能为空");
  validate_station_fields(in.f);
  return ctx_.db.write([&](Connection& c) {
    sys::OwnerRequest req;
    req.type = UserType::property;
    req.property_id = in.property_id;
    req.provider_id = in.provider_id;
    sys::Owner owner = sys::resolve_owner(c, req, p);  // scope, enabled provider/property
    int64_t now = ctx_.clock.now();
    StationRepo repo(c);
    int64_t id = repo.insert(owner.provider_id, owner.property_id, in.f, p.user_name, now);
    db::car::AreaRepo(c).insert({owner.provider_id, owner.property_id, id}, "默认区域", "", 0, true,
                                p.user_name, now);
    repo.add_history(id, p.user_name, "create", "新增电站（自动创建默认区域）", now);
    return id;
  });
}

void StationService::update(StationInput in, const Principal& p) {
  validate_station_fields(in.f);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, in.id, p, "id");
    StationRepo repo(c);
    auto old = repo.fields(in.id);
    int64_t now = ctx_.clock.now();
    bool resubmit = s.audit_status == 2;  // editing a rejected station submits it for audit again
    repo.update(in.id, in.f, resubmit, p.user_name, now);
    std::string detail = changes(*old, in.f);
    repo.add_history(in.id, p.user_name, "edit", detail.empty() ? "未修改字段" : detail, now);
    if (resubmit) repo.add_history(in.id, p.user_name, "resubmit", "驳回后修改，重新提交审核", now);
  });
}

void StationService::audit(int64_t id, int64_t audit_status, const std::string& remark, const Principal& p) {
  if (audit_status != 1 && audit_status != 2) fail_bad_request("auditStatus: 只能是1（通过）或2（驳回）");
  if (p.scope.kind != UserType::system && p.scope.kind != UserType::provider)
    fail_forbidden("只有系统或服务商用户可以审核电站");
  if (utf8_length(remark) > 200) fail_bad_request("auditRemark: 长度不能超过200个字符");
  ctx_.db.write([&](Connection& c) {
    station_in_scope(c, id, p, "id");
    StationRepo repo(c);
    int64_t now = ctx_.clock.now();
    if (!repo.audit(id, audit_status, remark, p.user_name, now)) fail_conflict("只能审核待审核的电站");
    repo.add_history(
        id, p.user_name, audit_status == 1 ? "approve" : "reject",
        std::string(audit_status == 1 ? "审核通过" : "审核驳回") + (remark.empty() ? "" : "：" + remark),
        now);
  });
}

void StationService::change_status(int64_t id, int64_t status, const Principal& p) {
  check_status_value(status);
  ctx_.db.write([&](Connection& c) {
    auto s = station_in_scope(c, id, p, "id");
    if (s.status == status) return;
    StationRepo repo(c);
    int64_t now = ctx_.clock.now();
    repo.set_status(id, status, p.user_name, now);
    repo.add_history(id, p.user_name, status == 0 ? "enable" : "disable",
                     status == 0 ? "启用电站" : "停用电站", now);
  });
}

// ---- invoice configuration ----------------------------------------------------------------------

json::value StationService::invoice_config(int64_t station_id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) -> json::value {
    station_in_scope(c, station_id, p);
    auto o = StationRepo(c).invoice(station_id);
    if (!o) return nullptr;
    return *o;
  });
}

static bool is_taxpayer_id(const std::string& s) {
  if (s.size() < 15 || s.size() > 20) return false;
  for (char ch : s)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) return false;
  return true;
}

void StationService::save_invoice_config(int64_t station_id, const db::car::InvoiceFields& f,
                                         const Principal& p) {
  if (f.merchant_no.empty()) fail_bad_request("merchantNo: 不能为空");
  if (f.company_name.empty()) fail_bad_request("companyName: 不能为空");
  if (!is_taxpayer_id(f.taxpayer_id)) fail_bad_request("taxpayerId: 纳税人识别号应为15到20位数字或大写字母");
  for (auto [field, rate] : {std::pair{"electricityTaxRate", f.electricity_tax_rate},
                             std::pair{"serviceTaxRate", f.service_tax_rate}})
    if (rate < 0 || rate > 10000) fail_bad_request(std::string(field) + ": 必须在0到10000（0.01%）之间");
  sys::check_contact_phone("phone", f.phone);
  ctx_.db.write([&](Connection& c) {
    station_in_scope(c, station_id, p);
    StationRepo repo(c);
    int64_t now = ctx_.clock.now();
    repo.save_invoice(station_id, f, p.user_name, now);
    repo.add_history(station_id, p.user_name, "invoice", "修改发票配置", now);
  });
}

// ---- payment configuration ----------------------------------------------------------------------

static const char* kMasked = "******";

static const json::object* sub(const json::object& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || it->value().is_null()) return nullptr;
  if (!it->value().is_object()) fail_bad_request(std::string(key) + ": 应为对象");
  return &it->value().as_object();
}

static bool flag(const json::object& o, const std::string& path, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return false;
  if (it->value().is_bool()) return it->value().as_bool();
  if (it->value().is_int64() && (it->value().as_int64() == 0 || it->value().as_int64() == 1))
    return it->value().as_int64() == 1;
  fail_bad_request(path + "." + key + ": 应为布尔值");
}

static std::string text(const json::object& o, const std::string& path, const char* key,
                        size_t max_len = 64) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return "";
  if (!it->value().is_string()) fail_bad_request(path + "." + key + ": 应为字符串");
  std::string s = trim(std::string_view(it->value().as_string()));
  if (utf8_length(s) > max_len)
    fail_bad_request(path + "." + key + ": 长度不能超过" + std::to_string(max_len) + "个字符");
  return s;
}

static json::object parse_pay(const json::object& body, const json::object& stored) {
  json::object out;
  // LeShua (乐刷): merchant no., profit sharing with split accounts whose ratios (0.01 %) sum ≤ 100 %.
  {
    json::object l;
    const json::object* in = sub(body, "leshua");
    json::object empty;
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "leshua", "enabled");
    std::string merchant = text(o, "leshua", "merchantNo");
    bool sharing = flag(o, "leshua", "profitSharing");
    if (enabled && merchant.empty()) fail_bad_request("leshua.merchantNo: 启用乐刷时商户号不能为空");
    json::array accounts;
    int64_t sum = 0;
    if (auto it = o.find("splitAccounts"); it != o.end() && !it->value().is_null()) {
      if (!it->value().is_array()) fail_bad_request("splitAccounts: 应为数组");
      const auto& arr = it->value().as_array();
      if (arr.size() > 20) fail_bad_request("splitAccounts: 最多20个分账账号");
      for (size_t i = 0; i < arr.size(); ++i) {
        std::string path = "splitAccounts[" + std::to_string(i) + "]";
        if (!arr[i].is_object()) fail_bad_request(path + ": 应为对象");
        const auto& a = arr[i].as_object();
        std::string account = text(a, path, "account");
        if (account.empty()) fail_bad_request(path + ".account: 不能为空");
        std::string name = text(a, path, "name", 50);
        auto r = a.find("ratio");
        if (r == a.end() || !r->value().is_int64()) fail_bad_request(path + ".ratio: 应为整数（0.01%）");
        int64_t ratio = r->value().as_int64();
        if (ratio <= 0 || ratio > 10000) fail_bad_request(path + ".ratio: 必须在1到10000（0.01%）之间");
        sum += ratio;
        json::object e;
        e["account"] = account;
        e["name"] = name;
        e["ratio"] = ratio;
        accounts.push_back(std::move(e));
      }
    }
    if (sum > 10000) fail_bad_request("splitAccounts: 分账比例合计不能超过100%");
    if (enabled && sharing && accounts.empty())
      fail_bad_request("splitAccounts: 开启分账时至少需要一个分账账号");
    l["enabled"] = enabled;
    l["merchantNo"] = merchant;
    l["profitSharing"] = sharing;
    l["splitAccounts"] = std::move(accounts);
    out["leshua"] = std::move(l);
  }
  // Suixingpay (随行付).
  {
    json::object s;
    const json::object* in = sub(body, "suixingpay");
    json::object empty;
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "suixingpay", "enabled");
    std::string merchant = text(o, "suixingpay", "merchantNo");
    if (enabled && merchant.empty()) fail_bad_request("suixingpay.merchantNo: 启用随行付时商户号不能为空");
    s["enabled"] = enabled;
    s["merchantNo"] = merchant;
    s["orgId"] = text(o, "suixingpay", "orgId");
    out["suixingpay"] = std::move(s);
  }
  // WeChat Pay v3: the API v3 key is write-only ("******" keeps the stored one).
  {
    json::object w;
    const json::object* in = sub(body, "wechat");
    json::object empty;
    const json::object& o = in ? *in : empty;
    bool enabled = flag(o, "wechat", "enabled");
    std::string mch = text(o, "wechat", "mchId");
    std::string app = text(o, "wechat", "appId");
    std::string key = text(o, "wechat", "apiV3Key");
    if (key == kMasked) {
      key.clear();
      if (auto it = stored.find("wechat"); it != stored.end() && it->value().is_object()) {
        const auto& sw = it->value().as_object();
        if (auto k = sw.find("apiV3Key"); k != sw.end() && k->value().is_string())
          key = std::string(k->value().as_string());
      }
      if (key.empty()) fail_bad_request("wechat.apiV3Key: 尚未设置，请输入APIv3密钥");
    }
    if (!key.empty() && key.size() != 32) fail_bad_request("wechat.apiV3Key: APIv3密钥应为32个字符");
    if (enabled) {
      if (mch.empty()) fail_bad_request("wechat.mchId: 启用微信支付时商户号不能为空");
      if (app.empty()) fail_bad_request("wechat.appId: 启用微信支付时AppID不能为空");
      if (key.empty()) fail_bad_request("wechat.apiV3Key: 启用微信支付时APIv3密钥不能为空");
    }
    w["enabled"] = enabled;
    w["mchId"] = mch;
    w["appId"] = app;
    w["serialNo"] = text(o, "wechat", "serialNo");
    w["apiV3Key"] = key;
    out["wechat"] = std::move(w);
  }
  return out;
}

static bool pay_configured(const json::object& cfg) {
  auto on = [&](const char* k, const char* id) {
    const auto& o = cfg.at(k).as_object();
    return o.at("enabled").as_bool() && !o.at(id).as_string().empty();
  };
  return on("leshua", "merchantNo") || on("suixingpay", "merchantNo") || on("wechat", "mchId");
}

static json::object stored_pay(StationRepo& repo, int64_t station_id) {
  auto s = repo.pay_config(station_id);
  if (!s) return {};
  boost::system::error_code ec;
  auto v = json::parse(*s, ec);
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

json::object StationService::pay_config(int64_t station_id, const Principal& p) {
  return ctx_.db.read([&](Connection& c) {
    station_in_scope(c, station_id, p);
    StationRepo repo(c);
    json::object cfg = parse_pay(stored_pay(repo, station_id), {});
    // parse_pay of the stored document re-validates and normalises it; an empty one gives the defaults.
    auto& w = cfg["wechat"].as_object();
    w["apiV3Key"] = w["apiV3Key"].as_string().empty() ? "" : kMasked;
    cfg["stationId"] = station_id;
    cfg["payConfigured"] = pay_configured(cfg);
    return cfg;
  });
}

void StationService::save_pay_config(int64_t station_id, const json::object& body, const Principal& p) {
  ctx_.db.write([&](Connection& c) {
    station_in_scope(c, station_id, p);
    StationRepo repo(c);
    json::object cfg = parse_pay(body, stored_pay(repo, station_id));
    int64_t now = ctx_.clock.now();
    repo.save_pay_config(station_id, json::serialize(cfg), pay_configured(cfg), p.user_name, now);
    repo.add_history(station_id, p.user_name, "pay", "修改支付配置", now);
  });
}

// ---- private-pile applications ------------------------------------------------------------------

std::string StationService::private_apply_qr(int64_t station_id, const std::string& tmpl,
                                             const Principal& p) {
  auto s = ctx_.db.read([&](Connection& c) { return station_in_scope(c, station_id, p); });
  return qr_label_png(tmpl, private_apply_url(ctx_.cfg, station_id), s.name, "私桩申请",
                      "请使用手机扫码填写私桩申请");
}

// A station the public form may use: approved, enabled, provider and property enabled.
static std::optional<db::car::StationRec> public_station_rec(Connection& c, int64_t id) {
  auto s = StationRepo(c).find(id);
  if (!s || s->status != 0 || s->audit_status != 1) return std::nullopt;
  auto st = c.query(
      "SELECT pv.status, pr.status FROM sys_provider pv, sys_property pr WHERE pv.id = ? AND pr.id = ?",
      {s->provider_id, s->property_id});
  if (st.empty() || st.i64(0, 0) != 0 || st.i64(0, 1) != 0) return std::nullopt;
  return s;
}

json::object StationService::public_station(int64_t station_id) {
  return ctx_.db.read([&](Connection& c) {
    auto s = public_station_rec(c, station_id);
    if (!s) fail_not_found("电站不存在或未开放申请");
    json::object o;
    o["stationId"] = s->id;
    o["stationName"] = s->name;
    o["address"] = s->address;
    return o;
  });
}

int64_t StationService::submit_private_apply(const PrivateApplyInput& in) {
  check_name("name", in.name, 30);
  sys::require_mobile("phone", in.phone);
  if (utf8_length(in.plate) > 10) fail_bad_request("plate: 长度不能超过10个字符");
  if (utf8_length(in.community) > 50) fail_bad_request("community: 长度不能超过50个字符");
  if (utf8_length(in.parking_spot) > 30) fail_bad_request("parkingSpot: 长度不能超过30个字符");
  if (utf8_length(in.remark) > 200) fail_bad_request("remark: 长度不能超过200个字符");
  return ctx_.db.write([&](Connection& c) {
    if (c.dialect() == db::Dialect::postgres)  // serialise concurrent submissions for the per-day limit
      c.query("SELECT id FROM car_station WHERE id = ? FOR UPDATE", {in.station_id});
    auto s = public_station_rec(c, in.station_id);
    if (!s) fail_not_found("stationId: 电站不存在或未开放申请");
    int64_t now = ctx_.clock.now();
    auto tz = TimeZone::find(s->timezone).value_or(TimeZone::shanghai());
    int64_t day_start = tz.start_of_day(tz.local_date(now));
    db::car::PrivateApplyRepo repo(c);
    if (repo.count_since(s->id, in.phone, day_start) >= 5) fail_conflict("提交过于频繁，请明天再试");
    db::car::PrivateApplyFields f{s->id,    s->provider_id, s->property_id,  in.name,   in.phone,
                                  in.plate, in.community,   in.parking_spot, in.remark, in.ip};
    return repo.insert(f, now);
  });
}

db::Page StationService::private_applies(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](Connection& c) { return db::car::PrivateApplyRepo(c).list(q, p.scope); });
}

void StationService::handle_private_apply(int64_t id, int64_t status, const std::string& remark,
                                          const Principal& p) {
  if (status != 1 && status != 2) fail_bad_request("status: 只能是1（已通过）或2（已拒绝）");
  if (utf8_length(remark) > 200) fail_bad_request("remark: 长度不能超过200个字符");
  ctx_.db.write([&](Connection& c) {
    db::car::PrivateApplyRepo repo(c);
    if (!repo.in_scope(id, p.scope)) fail_not_found("申请不存在");
    if (repo.status_of(id).value_or(-1) != 0) fail_conflict("只能处理待处理的申请");
    repo.handle(id, status, remark, p.user_name, ctx_.clock.now());
  });
}

// ---- station directory ----------------------------------------------------------------------------

namespace {

class CarStationDirectory final : public sys::StationDirectory {
 public:
  std::vector<int64_t> invalid(Connection& c, const std::vector<int64_t>& ids, const sys::Owner& owner,
                               const DataScope& scope) override {
    if (owner.type == UserType::collective) return ids;
    return StationRepo(c).invalid_for_owner(ids, owner.type == UserType::provider ? owner.provider_id : 0,
                                            owner.type == UserType::property ? owner.property_id : 0, scope);
  }
  json::array options(Connection& c, const sys::Owner& owner, const DataScope& scope) override {
    if (owner.type == UserType::collective) return {};
    return StationRepo(c).options_for_owner(owner.type == UserType::provider ? owner.provider_id : 0,
                                            owner.type == UserType::property ? owner.property_id : 0, scope);
  }
};

}  // namespace

std::shared_ptr<sys::StationDirectory> make_car_station_directory() {
  return std::make_shared<CarStationDirectory>();
}

}  // namespace zc::car
