#pragma once
// SQL shared by the station modules (car CAR-*, e-bike BIKE-*): one implementation parameterised by the
// station type. Owner/audit select fragments, data scope of station rows and their children, row
// post-processing, and the per-station records every station type has: change history, invoice
// configuration (CAR-ST-INV / BIKE-ST) and payment configuration (CAR-ST-PAY / BIKE-ST), in the generic
// tables station_history, station_invoice_config and station_pay_config keyed by (station_type, id).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

namespace zc::db::station {

enum class StationType { car, bike };

const char* type_name(StationType t);      // "car" | "bike" (the station_type column, user bindings)
const char* station_table(StationType t);  // "car_station" | "bike_station"

// `providerId, providerName, propertyId, propertyName` of the row aliased `a` (needs owner_join(a)).
std::string owner_select(const std::string& a);
std::string owner_join(const std::string& a);
// createBy, createTime, updateBy, updateTime.
std::string audit_select(const std::string& a);
// Data scope of a station row (`a.id` is the station) or of a row that belongs to one (`a.station_id`).
ScopeColumns station_scope(StationType t, const std::string& a);
ScopeColumns child_scope(StationType t, const std::string& a);
// `invoiceConfigured`, `payConfigured` (0/1) of the station row aliased `a`.
std::string configured_select(StationType t, const std::string& a);

// 0/1 → false/true for the given keys (of a row, of every row).
void to_bools(boost::json::object& row, std::initializer_list<const char*> keys);
void to_bools(boost::json::array& rows, std::initializer_list<const char*> keys);
// Integer micro-degrees → JSON numbers with ≤ 6 decimals (longitude, latitude).
void to_degrees(boost::json::object& row, std::initializer_list<const char*> keys);
// One row of `spec` by id (`id_expr` = ?), within `scope`.
std::optional<boost::json::object> row_by_id(Connection& c, const ListSpec& spec, const std::string& id_expr,
                                             int64_t id, const DataScope& scope);
// True when `table` (aliased `a`) has a row `id` inside `scope`.
bool exists_in_scope(Connection& c, const std::string& table, const std::string& a, const ScopeColumns& cols,
                     int64_t id, const DataScope& scope);

// What every station row has, whatever its type.
struct StationRef {
  int64_t id = 0;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  std::string name;
  std::string timezone;
  int64_t status = 0;
  int64_t audit_status = 0;
};

// The editable fields every station type has; longitude/latitude in micro-degrees. Each type's fields
// extend it with its own columns (db::car::StationFields, db::bike::StationFields).
struct CommonFields {
  std::string name;
  int64_t operation_type = 1;
  std::string opening_hours;
  std::string province, city, district, address;
  std::optional<int64_t> longitude, latitude;
  std::string timezone;
};
inline constexpr size_t kCommonFieldColumns = 10;  // the columns StationRecords::fields reads first

// A type's own columns and their values, in the same order (constants of the type's repository).
struct TypeColumns {
  std::vector<const char*> names;
  Params values;
};

// A station of a select: its id and name (the user binding's options), and for the station options
// also its property and status.
struct StationName {
  int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(StationName, (), (id, name))

struct StationOption {
  int64_t id = 0;
  std::string name;
  int64_t property_id = 0, status = 0;
};
BOOST_DESCRIBE_STRUCT(StationOption, (), (id, name, property_id, status))

struct InvoiceFields {
  std::string merchant_no, seller_address, bank_account, bank_name, drawer, company_name, payee, reviewer,
      taxpayer_id;
  int64_t electricity_tax_rate = 0;
  std::string electricity_tax_code;
  int64_t service_tax_rate = 0;
  std::string service_tax_code, phone;
};
BOOST_DESCRIBE_STRUCT(InvoiceFields, (),
                      (merchant_no, seller_address, bank_account, bank_name, drawer, company_name, payee,
                       reviewer, taxpayer_id, electricity_tax_rate, electricity_tax_code, service_tax_rate,
                       service_tax_code, phone))

// The invoice configuration of a station (CAR-ST-INV / BIKE-ST) as stored.
struct InvoiceRow {
  int64_t station_id = 0;
  InvoiceFields fields;
  std::optional<std::string> update_by;
  std::optional<int64_t> update_time;
};
BOOST_DESCRIBE_STRUCT(InvoiceRow, (), (station_id, fields, update_by, update_time))

class StationRecords {
 public:
  StationRecords(Connection& c, StationType t) : c_(c), t_(t) {}

  // The station list and one row of it: the columns every type has plus `type_columns`, the type's own
  // ("s.hotline AS \"hotline\", …", constants of the type's repository); booleans and degrees converted.
  Page list(const std::string& type_columns, const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(const std::string& type_columns, int64_t id,
                                            const DataScope& scope);
  std::optional<StationRef> find(int64_t id);  // no scope: callers check it
  // The editable columns of station `id`: the common ones read into `f`; the row returned holds them and
  // then `type_columns` (from index kCommonFieldColumns). nullopt when there is no such station.
  std::optional<Result> fields(int64_t id, const std::vector<const char*>& type_columns, CommonFields& f);
  // A new station row (pending audit, enabled); returns its id.
  int64_t insert(int64_t provider_id, int64_t property_id, const CommonFields& f, const TypeColumns& type,
                 const std::string& by, int64_t now);
  // `reset_audit`: back to pending (an edit after a rejection).
  void update(int64_t id, const CommonFields& f, const TypeColumns& type, bool reset_audit,
              const std::string& by, int64_t now);
  bool in_scope(int64_t id, const DataScope& scope);
  // The stations in `scope`.
  std::vector<StationOption> options(std::optional<int64_t> property_id, bool enabled_only,
                                     const DataScope& scope);
  // Only a pending station is audited; false when it was not pending.
  bool audit(int64_t id, int64_t audit_status, const std::string& remark, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);

  void add_history(int64_t station_id, const std::string& user, const std::string& action,
                   const std::string& detail, int64_t now);
  boost::json::array history(int64_t station_id);  // [{time, user, action, detail}] oldest first

  std::optional<InvoiceRow> invoice(int64_t station_id);
  void save_invoice(int64_t station_id, const InvoiceFields& f, const std::string& by, int64_t now);
  std::optional<std::string> pay_config(int64_t station_id);  // the stored JSON document
  void save_pay_config(int64_t station_id, const std::string& json, bool configured, const std::string& by,
                       int64_t now);

  // User ↔ station binding: ids that are missing, out of `scope`, or not of the user's owner
  // (owner_provider/owner_property 0 = any); and the stations such a user may be bound to.
  std::vector<int64_t> invalid_for_owner(const std::vector<int64_t>& ids, int64_t owner_provider,
                                         int64_t owner_property, const DataScope& scope);
  std::vector<StationName> options_for_owner(int64_t owner_provider, int64_t owner_property,
                                             const DataScope& scope);

 private:
  Connection& c_;
  StationType t_;
};

}  // namespace zc::db::station
