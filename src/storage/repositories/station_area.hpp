#pragma once
// SQL of the areas of both station kinds (CAR-AREA, BIKE-AREA): one repository parameterised by the
// station type. What only one kind has is an extension: the car area's rated power, the children each
// kind counts (car: spots, piles, guns; e-bike: devices, sockets, tariffs).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::station {

// The owner ids every row under a station carries.
struct Owned {
  int64_t provider_id = 0, property_id = 0, station_id = 0;
};

struct AreaRec {
  int64_t id = 0, station_id = 0, provider_id = 0, property_id = 0;
  std::string code, name;
  int64_t status = 0;
  bool is_default = false;
};

struct AreaFields {
  std::string name, phone;
  int64_t power = 0;  // car only: rated power in kW (not stored for e-bike areas)
};

// An area of a station's select.
struct AreaOption {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> code;
  int64_t station_id = 0, status = 0;
};
BOOST_DESCRIBE_STRUCT(AreaOption, (), (id, name, code, station_id, status))

class AreaRepo {
 public:
  AreaRepo(Connection& c, StationType t) : c_(c), t_(t) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<AreaRec> find(int64_t id);  // no scope: callers check it
  bool in_scope(int64_t id, const DataScope& scope);
  std::vector<AreaOption> options(std::optional<int64_t> station_id, bool enabled_only,
                                  const DataScope& scope);
  // The area code Q + six digits of the id is written with the row.
  int64_t insert(const Owned& o, const AreaFields& f, bool is_default, const std::string& by, int64_t now);
  void update(int64_t id, const AreaFields& f, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  int64_t device_count(int64_t id);  // car piles, e-bike devices
  int64_t tariff_count(int64_t id);
  void remove(int64_t id);

 private:
  Connection& c_;
  StationType t_;
};

}  // namespace zc::db::station
