#include "storage/repositories/station_common.hpp"

#include <iterator>

namespace zc::db::station {

namespace json = boost::json;

const char* type_name(StationType t) {
  return t == StationType::car ? "car" : "bike";
}

const char* station_table(StationType t) {
  return t == StationType::car ? "car_station" : "bike_station";
}

std::string owner_select(const std::string& a) {
  return a + ".provider_id AS \"providerId\", pv.name AS \"providerName\", " + a +
         ".property_id AS \"propertyId\", pr.name AS \"propertyName\"";
}

std::string owner_join(const std::string& a) {
  return " JOIN sys_provider pv ON pv.id = " + a + ".provider_id JOIN sys_property pr ON pr.id = " + a +
         ".property_id";
}

std::string audit_select(const std::string& a) {
  return a + ".created_by AS \"createBy\", " + a + ".created_at AS \"createTime\", " + a +
         ".updated_by AS \"updateBy\", " + a + ".updated_at AS \"updateTime\"";
}

static ScopeColumns scope_of(StationType t, const std::string& a, const std::string& station_col) {
  ScopeColumns s;
  s.provider = a + ".provider_id";
  s.property = a + ".property_id";
  (t == StationType::car ? s.car_station : s.bike_station) = a + "." + station_col;
  return s;
}

ScopeColumns station_scope(StationType t, const std::string& a) {
  return scope_of(t, a, "id");
}

ScopeColumns child_scope(StationType t, const std::string& a) {
  return scope_of(t, a, "station_id");
}

std::string configured_select(StationType t, const std::string& a) {
  std::string type = type_name(t);  // a constant, not user input
  return "CASE WHEN EXISTS (SELECT 1 FROM station_invoice_config ic WHERE ic.station_type = '" + type +
         "' AND ic.station_id = " + a + ".id) THEN 1 ELSE 0 END AS \"invoiceConfigured\", " +
         "CASE WHEN EXISTS (SELECT 1 FROM station_pay_config pc WHERE pc.station_type = '" + type +
         "' AND pc.station_id = " + a +
         ".id AND pc.pay_configured = 1) THEN 1 ELSE 0 END AS \"payConfigured\"";
}

void to_bools(json::object& row, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = row.find(k);
    if (it == row.end()) continue;
    if (it->value().is_int64()) it->value() = it->value().as_int64() != 0;
  }
}

void to_bools(json::array& rows, std::initializer_list<const char*> keys) {
  for (auto& r : rows)
    if (r.is_object()) to_bools(r.as_object(), keys);
}

void to_degrees(json::object& row, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = row.find(k);
    if (it == row.end() || !it->value().is_int64()) continue;
    it->value() = static_cast<double>(it->value().as_int64()) / 1e6;
  }
}

std::optional<json::object> row_by_id(Connection& c, const ListSpec& spec, const std::string& id_expr,
                                      int64_t id, const DataScope& scope) {
  Where w;
  if (!spec.where.empty()) w.add(spec.where);
  w.add(id_expr + " = ?", {id});
  add_scope(w, spec.scope, scope);
  Result r = c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

bool exists_in_scope(Connection& c, const std::string& table, const std::string& a, const ScopeColumns& cols,
                     int64_t id, const DataScope& scope) {
  Where w;
  w.add(a + ".id = ?", {id});
  add_scope(w, cols, scope);
  return c.scalar("SELECT " + a + ".id FROM " + table + " " + a + w.sql(), w.params).has_value();
}

// ---- station records --------------------------------------------------------------------------------

std::optional<StationRef> StationRecords::find(int64_t id) {
  Result r = c_.query(std::string("SELECT id, provider_id, property_id, name, timezone, status, audit_status "
                                  "FROM ") +
                          station_table(t_) + " WHERE id = ?",
                      {id});
  if (r.empty()) return std::nullopt;
  StationRef s;
  s.id = r.i64(0, 0);
  s.provider_id = r.i64(0, 1);
  s.property_id = r.i64(0, 2);
  s.name = r.str(0, 3);
  s.timezone = r.str(0, 4);
  s.status = r.i64(0, 5);
  s.audit_status = r.i64(0, 6);
  return s;
}

static ListSpec station_spec(StationType t, const std::string& type_columns) {
  ListSpec s;
  s.select = "s.id AS \"id\", " + owner_select("s") + ", s.name AS \"name\", " + type_columns +
             "s.operation_type AS \"operationType\", s.opening_hours AS \"openingHours\", "
             "s.province AS \"province\", s.city AS \"city\", s.district AS \"district\", s.address AS "
             "\"address\", s.longitude AS \"longitude\", s.latitude AS \"latitude\", s.timezone AS "
             "\"timezone\", s.status AS \"status\", s.audit_status AS \"auditStatus\", s.audit_remark AS "
             "\"auditRemark\", s.audit_by AS \"auditBy\", s.audit_time AS \"auditTime\", " +
             configured_select(t, "s") + ", " + audit_select("s");
  s.from = std::string(station_table(t)) + " s" + owner_join("s");
  s.filters = {
      {"name", "s.name", Match::contains, Kind::text},
      {"auditStatus", "s.audit_status", Match::equal, Kind::integer},
      {"status", "s.status", Match::equal, Kind::integer},
      {"providerId", "s.provider_id", Match::equal, Kind::integer},
      {"propertyId", "s.property_id", Match::equal, Kind::integer},
      {"operationType", "s.operation_type", Match::equal, Kind::integer},
      {"beginTime", "s.created_at", Match::at_least, Kind::integer},
      {"endTime", "s.created_at", Match::at_most, Kind::integer},
  };
  s.sortable = {{"id", "s.id"},
                {"name", "s.name"},
                {"status", "s.status"},
                {"auditStatus", "s.audit_status"},
                {"createTime", "s.created_at"},
                {"updateTime", "s.updated_at"}};
  s.default_order = "s.id DESC";
  s.scope = station_scope(t, "s");
  return s;
}

static void station_row(json::object& o) {
  to_bools(o, {"invoiceConfigured", "payConfigured"});
  to_degrees(o, {"longitude", "latitude"});
}

Page StationRecords::list(const std::string& type_columns, const QueryParams& q, const DataScope& scope) {
  Page p = list_page(c_, station_spec(t_, type_columns), q, scope);
  for (auto& r : p.rows) station_row(r.as_object());
  return p;
}

std::optional<json::object> StationRecords::detail(const std::string& type_columns, int64_t id,
                                                   const DataScope& scope) {
  auto o = row_by_id(c_, station_spec(t_, type_columns), "s.id", id, scope);
  if (o) station_row(*o);
  return o;
}

static const char* const kCommonColumns[] = {"name",     "operation_type", "opening_hours", "province",
                                             "city",     "district",       "address",       "longitude",
                                             "latitude", "timezone"};
static_assert(std::size(kCommonColumns) == kCommonFieldColumns);

static Params common_params(const CommonFields& f) {
  return {f.name,     f.operation_type, f.opening_hours,  f.province,      f.city,
          f.district, f.address,        opt(f.longitude), opt(f.latitude), f.timezone};
}

std::optional<Result> StationRecords::fields(int64_t id, const std::vector<const char*>& type_columns,
                                             CommonFields& f) {
  std::string cols;
  for (const char* c : kCommonColumns) cols += std::string(cols.empty() ? "" : ", ") + c;
  for (const char* c : type_columns) cols += std::string(", ") + c;
  Result r = c_.query("SELECT " + cols + " FROM " + station_table(t_) + " WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  f.name = r.str(0, 0);
  f.operation_type = r.i64(0, 1);
  f.opening_hours = r.str(0, 2);
  f.province = r.str(0, 3);
  f.city = r.str(0, 4);
  f.district = r.str(0, 5);
  f.address = r.str(0, 6);
  f.longitude = r.is_null(0, 7) ? std::nullopt : std::optional<int64_t>(r.i64(0, 7));
  f.latitude = r.is_null(0, 8) ? std::nullopt : std::optional<int64_t>(r.i64(0, 8));
  f.timezone = r.str(0, 9);
  return r;
}

int64_t StationRecords::insert(int64_t provider_id, int64_t property_id, const CommonFields& f,
                               const TypeColumns& type, const std::string& by, int64_t now) {
  std::string cols = "provider_id, property_id";
  std::string marks = "?, ?";
  auto add = [&](const char* c) {
    cols += std::string(", ") + c;
    marks += ", ?";
  };
  for (const char* c : kCommonColumns) add(c);
  for (const char* c : type.names) add(c);
  Params p{provider_id, property_id};
  for (auto& v : common_params(f)) p.push_back(std::move(v));
  p.insert(p.end(), type.values.begin(), type.values.end());
  p.insert(p.end(), {by, now});
  return c_.insert(std::string("INSERT INTO ") + station_table(t_) + " (" + cols +
                       ", status, audit_status, created_by, created_at) VALUES (" + marks + ", 0, 0, ?, ?)",
                   p);
}

void StationRecords::update(int64_t id, const CommonFields& f, const TypeColumns& type, bool reset_audit,
                            const std::string& by, int64_t now) {
  std::string sets;
  for (const char* c : kCommonColumns) sets += std::string(sets.empty() ? "" : ", ") + c + " = ?";
  for (const char* c : type.names) sets += std::string(", ") + c + " = ?";
  Params p = common_params(f);
  p.insert(p.end(), type.values.begin(), type.values.end());
  p.insert(p.end(), {by, now, id});
  c_.execute(std::string("UPDATE ") + station_table(t_) + " SET " + sets +
                 ", updated_by = ?, updated_at = ?" + (reset_audit ? ", audit_status = 0" : "") +
                 " WHERE id = ?",
             p);
}

bool StationRecords::in_scope(int64_t id, const DataScope& scope) {
  return exists_in_scope(c_, station_table(t_), "s", station_scope(t_, "s"), id, scope);
}

std::vector<StationOption> StationRecords::options(std::optional<int64_t> property_id, bool enabled_only,
                                                   const DataScope& scope) {
  Where w;
  if (property_id) w.add("s.property_id = ?", {*property_id});
  if (enabled_only) w.add("s.status = 0");
  add_scope(w, station_scope(t_, "s"), scope);
  return read_rows<StationOption>(c_.query(std::string("SELECT s.id, s.name, s.property_id, s.status FROM ") +
                                               station_table(t_) + " s" + w.sql() + " ORDER BY s.id",
                                           w.params));
}

bool StationRecords::audit(int64_t id, int64_t audit_status, const std::string& remark, const std::string& by,
                           int64_t now) {
  return c_.execute(
             std::string("UPDATE ") + station_table(t_) +
                 " SET audit_status = ?, audit_remark = ?, audit_by = ?, audit_time = ?, updated_by = ?, "
                 "updated_at = ? WHERE id = ? AND audit_status = 0",
             {audit_status, remark, by, now, by, now, id}) > 0;
}

void StationRecords::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute(std::string("UPDATE ") + station_table(t_) +
                 " SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

void StationRecords::add_history(int64_t station_id, const std::string& user, const std::string& action,
                                 const std::string& detail, int64_t now) {
  c_.execute(
      "INSERT INTO station_history (station_type, station_id, time, user_name, action, detail) VALUES (?, ?, "
      "?, ?, ?, ?)",
      {std::string(type_name(t_)), station_id, now, user, action, detail});
}

json::array StationRecords::history(int64_t station_id) {
  return c_
      .query(
          "SELECT time AS \"time\", user_name AS \"user\", action AS \"action\", detail AS \"detail\" FROM "
          "station_history WHERE station_type = ? AND station_id = ? ORDER BY id",
          {std::string(type_name(t_)), station_id})
      .to_json();
}

std::optional<InvoiceRow> StationRecords::invoice(int64_t station_id) {
  return read_first<InvoiceRow>(c_.query(
      "SELECT station_id, merchant_no, seller_address, bank_account, bank_name, drawer, company_name, payee, "
      "reviewer, taxpayer_id, electricity_tax_rate, electricity_tax_code, service_tax_rate, "
      "service_tax_code, "
      "phone, updated_by, updated_at FROM station_invoice_config WHERE station_type = ? AND station_id = ?",
      {std::string(type_name(t_)), station_id}));
}

void StationRecords::save_invoice(int64_t station_id, const InvoiceFields& f, const std::string& by,
                                  int64_t now) {
  std::string type = type_name(t_);
  c_.execute("DELETE FROM station_invoice_config WHERE station_type = ? AND station_id = ?",
             {type, station_id});
  c_.execute(
      "INSERT INTO station_invoice_config (station_type, station_id, merchant_no, seller_address, "
      "bank_account, bank_name, drawer, company_name, payee, reviewer, taxpayer_id, electricity_tax_rate, "
      "electricity_tax_code, service_tax_rate, service_tax_code, phone, updated_by, updated_at) VALUES (?, "
      "?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {type, station_id, f.merchant_no, f.seller_address, f.bank_account, f.bank_name, f.drawer,
       f.company_name, f.payee, f.reviewer, f.taxpayer_id, f.electricity_tax_rate, f.electricity_tax_code,
       f.service_tax_rate, f.service_tax_code, f.phone, by, now});
}

std::optional<std::string> StationRecords::pay_config(int64_t station_id) {
  Result r = c_.query("SELECT config FROM station_pay_config WHERE station_type = ? AND station_id = ?",
                      {std::string(type_name(t_)), station_id});
  if (r.empty()) return std::nullopt;
  return r.str(0, 0);
}

void StationRecords::save_pay_config(int64_t station_id, const std::string& json, bool configured,
                                     const std::string& by, int64_t now) {
  std::string type = type_name(t_);
  c_.execute("DELETE FROM station_pay_config WHERE station_type = ? AND station_id = ?", {type, station_id});
  c_.execute(
      "INSERT INTO station_pay_config (station_type, station_id, config, pay_configured, updated_by, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      {type, station_id, json, int64_t{configured ? 1 : 0}, by, now});
}

static void owner_filter(Where& w, int64_t owner_provider, int64_t owner_property) {
  if (owner_property)
    w.add("s.property_id = ?", {owner_property});
  else if (owner_provider)
    w.add("s.provider_id = ?", {owner_provider});
}

std::vector<int64_t> StationRecords::invalid_for_owner(const std::vector<int64_t>& ids,
                                                       int64_t owner_provider, int64_t owner_property,
                                                       const DataScope& scope) {
  std::vector<int64_t> bad;
  for (int64_t id : ids) {
    Where w;
    w.add("s.id = ?", {id});
    owner_filter(w, owner_provider, owner_property);
    add_scope(w, station_scope(t_, "s"), scope);
    if (!c_.scalar(std::string("SELECT s.id FROM ") + station_table(t_) + " s" + w.sql(), w.params))
      bad.push_back(id);
  }
  return bad;
}

std::vector<StationName> StationRecords::options_for_owner(int64_t owner_provider, int64_t owner_property,
                                                           const DataScope& scope) {
  Where w;
  owner_filter(w, owner_provider, owner_property);
  add_scope(w, station_scope(t_, "s"), scope);
  return read_rows<StationName>(c_.query(
      std::string("SELECT s.id, s.name FROM ") + station_table(t_) + " s" + w.sql() + " ORDER BY s.id",
      w.params));
}

}  // namespace zc::db::station
