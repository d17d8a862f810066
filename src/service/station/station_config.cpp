#include "service/station/station_config.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/station/station_rules.hpp"
#include "service/system/context.hpp"

namespace zc::station {

namespace json = boost::json;
using db::Connection;
using db::station::StationRecords;

StationRef station_in_scope(Connection& c, StationType t, int64_t id, const Principal& p,
                            const std::string& field) {
  StationRecords repo(c, t);
  auto s = repo.find(id);
  if (!s || !repo.in_scope(id, p.scope)) fail_not_found(field + ": 电站不存在");
  return *s;
}

void require_station_enabled(Connection& c, const StationRef& s) {
  sys::Owner o;
  o.type = UserType::property;
  o.provider_id = s.provider_id;
  o.property_id = s.property_id;
  sys::check_owner_enabled(c, o);
  if (s.status != 0) fail_conflict("电站已停用，不能在其下新增数据：" + s.name);
}

std::optional<db::station::InvoiceRow> StationConfigService::invoice_config(int64_t station_id,
                                                                            const Principal& p) {
  return db_.read([&](Connection& c) {
    station_in_scope(c, type_, station_id, p);
    return StationRecords(c, type_).invoice(station_id);
  });
}

void StationConfigService::save_invoice_config(int64_t station_id, const db::station::InvoiceFields& f,
                                               const Principal& p) {
  validate_invoice_fields(f);
  db_.write([&](Connection& c) {
    station_in_scope(c, type_, station_id, p);
    StationRecords repo(c, type_);
    int64_t now = clock_.now();
    repo.save_invoice(station_id, f, p.user_name, now);
    repo.add_history(station_id, p.user_name, "invoice", "修改发票配置", now);
  });
}

static json::object stored_pay(StationRecords& repo, int64_t station_id) {
  auto s = repo.pay_config(station_id);
  if (!s) return {};
  boost::system::error_code ec;
  auto v = json::parse(*s, ec);
  if (ec || !v.is_object()) return {};
  return v.as_object();
}

json::object StationConfigService::pay_config(int64_t station_id, const Principal& p) {
  return db_.read([&](Connection& c) {
    station_in_scope(c, type_, station_id, p);
    StationRecords repo(c, type_);
    // Re-validating the stored document normalises it; no document gives the defaults.
    json::object cfg = parse_pay_config(stored_pay(repo, station_id), {});
    bool configured = pay_configured(cfg);
    mask_pay_secrets(cfg);
    cfg["stationId"] = station_id;
    cfg["payConfigured"] = configured;
    return cfg;
  });
}

void StationConfigService::save_pay_config(int64_t station_id, const json::object& body, const Principal& p) {
  db_.write([&](Connection& c) {
    station_in_scope(c, type_, station_id, p);
    StationRecords repo(c, type_);
    json::object cfg = parse_pay_config(body, stored_pay(repo, station_id));
    int64_t now = clock_.now();
    repo.save_pay_config(station_id, json::serialize(cfg), pay_configured(cfg), p.user_name, now);
    repo.add_history(station_id, p.user_name, "pay", "修改支付配置", now);
  });
}

namespace {

class Directory final : public sys::StationDirectory {
 public:
  explicit Directory(StationType t) : t_(t) {}
  std::vector<int64_t> invalid(Connection& c, const std::vector<int64_t>& ids, const sys::Owner& owner,
                               const DataScope& scope) override {
    if (owner.type == UserType::collective) return ids;
    return StationRecords(c, t_).invalid_for_owner(
        ids, owner.type == UserType::provider ? owner.provider_id : 0,
        owner.type == UserType::property ? owner.property_id : 0, scope);
  }
  std::vector<db::station::StationName> options(Connection& c, const sys::Owner& owner,
                                                const DataScope& scope) override {
    if (owner.type == UserType::collective) return {};
    return StationRecords(c, t_).options_for_owner(owner.type == UserType::provider ? owner.provider_id : 0,
                                                   owner.type == UserType::property ? owner.property_id : 0,
                                                   scope);
  }

 private:
  StationType t_;
};

}  // namespace

std::shared_ptr<sys::StationDirectory> make_station_directory(StationType type) {
  return std::make_shared<Directory>(type);
}

}  // namespace zc::station
