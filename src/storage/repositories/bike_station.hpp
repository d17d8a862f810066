#pragma once
// SQL of e-bike stations (BIKE-ST) and areas (BIKE-AREA). History, invoice and payment configuration
// and user ↔ station binding are the shared station records (station_common.hpp, type bike).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::bike {

// The editable fields; longitude/latitude in micro-degrees.
struct StationFields {
  std::string name, short_name, service_phone;
  int64_t operation_type = 1;
  std::string opening_hours;
  std::string province, city, district, address;
  std::optional<int64_t> longitude, latitude;
  std::string timezone;
};

// The owner ids every row under a station carries.
struct Owned {
  int64_t provider_id = 0, property_id = 0, station_id = 0;
};

class StationRepo {
 public:
  explicit StationRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<StationFields> fields(int64_t id);
  boost::json::array options(std::optional<int64_t> property_id, bool enabled_only, const DataScope& scope);
  int64_t insert(int64_t provider_id, int64_t property_id, const StationFields& f, const std::string& by,
                 int64_t now);
  void update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by, int64_t now);
  // Only a pending station is audited; false when it was not pending.
  bool audit(int64_t id, int64_t audit_status, const std::string& remark, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  boost::json::object counts(int64_t id);  // {areas, devices, sockets}

 private:
  Connection& c_;
};

struct AreaRec {
  int64_t id = 0, station_id = 0, provider_id = 0, property_id = 0;
  std::string code, name;
  int64_t status = 0;
  bool is_default = false;
};

class AreaRepo {
 public:
  explicit AreaRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<AreaRec> find(int64_t id);
  bool in_scope(int64_t id, const DataScope& scope);
  boost::json::array options(std::optional<int64_t> station_id, bool enabled_only, const DataScope& scope);
  int64_t insert(const Owned& o, const std::string& name, const std::string& phone, bool is_default,
                 const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const std::string& phone, const std::string& by,
              int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  int64_t device_count(int64_t id);
  int64_t tariff_count(int64_t id);
  void remove(int64_t id);

 private:
  Connection& c_;
};

}  // namespace zc::db::bike
