#pragma once
// SQL of e-bike stations (BIKE-ST). History, invoice and payment configuration
// and user ↔ station binding are the shared station records (station_common.hpp, type bike).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_area.hpp"

namespace zc::db::bike {

// The editable fields: the common ones and the e-bike station's own.
struct StationFields : station::CommonFields {
  std::string short_name, service_phone;
};

// Areas (BIKE-AREA) are the shared station areas (station_area.hpp, type bike).
using station::AreaRec;
using station::Owned;

class StationRepo {
 public:
  explicit StationRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<StationFields> fields(int64_t id);
  int64_t insert(int64_t provider_id, int64_t property_id, const StationFields& f, const std::string& by,
                 int64_t now);
  void update(int64_t id, const StationFields& f, bool reset_audit, const std::string& by, int64_t now);
  boost::json::object counts(int64_t id);  // {areas, devices, sockets}

 private:
  Connection& c_;
};

}  // namespace zc::db::bike
