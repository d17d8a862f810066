#pragma once
// SQL every table of rows under a station shares, whatever the station type (car spots, cameras, piles,
// guns and tariffs; e-bike devices, sockets and tariffs): the list skeleton (owner, station and area
// joins; the station, area and creation-time filters), data scope and status; for the devices also codes,
// factory numbers and the online state. Each repository adds its own columns.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::db::station {

// `table a` joined to its owners (pv, pr), its station (st) and its area (ar); e.g. ("car_pile", "e").
std::string child_from(StationType t, const std::string& table, const std::string& a);
// stationId, stationName, areaId, areaName of the row aliased `a` (needs child_from).
std::string child_place_select(const std::string& a);
// stationId and areaId, then the list's own filters, then beginTime/endTime on the creation time.
std::vector<Filter> child_filters(const std::string& a, std::vector<Filter> own);
// The tariff lists' filters (car and e-bike): child_filters + name, mode, status.
std::vector<Filter> tariff_filters(const std::string& a);

// How a table's rows are listed: the list's spec, the id column a detail selects by (e.g. "e.id"), and
// what each row needs after the query (0/1 → booleans, JSON text → arrays; none when null).
struct ListDef {
  ListSpec (*spec)();
  const char* id_expr;
  void (*row)(boost::json::object& row) = nullptr;
};

// A table of rows under a station: `table` has id, station_id, provider_id, property_id, status and the
// audit columns; `list` (a constant of the repository) how its rows are listed.
class ChildRows {
 public:
  ChildRows(Connection& c, StationType t, const char* table, const ListDef& list)
      : c_(c), t_(t), table_(table), list_(list) {}
  Page list(const QueryParams& q, const DataScope& scope);
  boost::json::array list_all(const QueryParams& q, const DataScope& scope);  // exports (no paging)
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  bool in_scope(int64_t id, const DataScope& scope);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);

 protected:
  Connection& c_;
  StationType t_;
  const char* table_;  // a constant, never input
  const ListDef& list_;
};

// A table of devices (car piles and cameras, e-bike devices): + code, factory_no, online, last_seen.
class DeviceRows : public ChildRows {
 public:
  using ChildRows::ChildRows;
  bool code_taken(const std::string& code);
  bool factory_no_taken(const std::string& factory_no, int64_t except_id);
  void set_code(int64_t id, const std::string& code);
  // Online stamps last_seen; offline keeps the last time seen.
  void set_online(int64_t id, bool online, int64_t now);
};

}  // namespace zc::db::station
