#include "storage/repositories/device_record_repo.hpp"

#include "core/error.hpp"

namespace zc::db::records {

namespace {

// A record's platform order: the car order that took its reference (YKC serial, or the OCPP transaction
// id as text) on its pile, or the e-bike order of its transaction id on its device (docs/orders.md).
constexpr const char* kFrom =
    "charging_transaction t "
    "LEFT JOIN car_pile p ON t.device_kind = 'car_pile' AND p.id = t.device_id "
    "LEFT JOIN bike_device d ON t.device_kind = 'bike_device' AND d.id = t.device_id "
    "LEFT JOIN car_station cs ON t.device_kind = 'car_pile' AND cs.id = t.station_id "
    "LEFT JOIN bike_station bs ON t.device_kind = 'bike_device' AND bs.id = t.station_id "
    "LEFT JOIN car_charge_order co ON t.device_kind = 'car_pile' AND co.pile_id = t.device_id AND "
    "co.device_txn_no = COALESCE(t.device_serial, CAST(t.id AS TEXT)) "
    "LEFT JOIN bike_charge_order bo ON t.device_kind = 'bike_device' AND bo.device_id = t.device_id AND "
    "bo.device_txn_no = CAST(t.id AS TEXT)";

// The columns of RecordRow.
constexpr const char* kSelect =
    "t.id, t.device_kind, t.device_id, COALESCE(p.name, d.name, ''), COALESCE(p.code, d.code, ''), "
    "t.station_id, COALESCE(cs.name, bs.name, ''), t.connector_id, t.device_serial, t.id_tag, "
    "t.id_tag_status, "
    "t.start_method, t.vin, t.card, t.start_time, t.stop_time, t.meter_start, t.meter_stop, t.meter_last, "
    "t.energy, t.amount, t.status, t.stop_reason, t.stop_code, t.abnormal, t.flags, t.reconcile, "
    "t.reconcile_note, t.reconciled_by, t.reconciled_at, COALESCE(co.order_no, bo.order_no), "
    "COALESCE(co.id, bo.id), t.created_at";

// Data scope: the owner ids on the row; station bindings narrow the records of their kind.
void add_record_scope(ListSpec& s, const DataScope& scope) {
  s.scope.provider = "t.provider_id";
  s.scope.property = "t.property_id";
  auto bound = [&](const char* kind, const std::vector<int64_t>& ids) {
    if (ids.empty()) return;
    std::string c = std::string("(t.device_kind <> '") + kind + "' OR t.station_id IN (";
    for (size_t i = 0; i < ids.size(); ++i) {
      c += i ? ",?" : "?";
      s.where_params.emplace_back(ids[i]);
    }
    s.where += (s.where.empty() ? "" : " AND ") + c + "))";
  };
  bound("car_pile", scope.car_station_ids);
  bound("bike_device", scope.bike_station_ids);
}

std::optional<int64_t> flag01(const QueryParams& q, const char* name) {
  auto v = query_int(q, name);
  if (v && *v != 0 && *v != 1) fail_bad_request(std::string(name) + ": 只能是0或1");
  return v;
}

ListSpec spec_of(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kSelect;
  s.from = kFrom;
  if (auto t = query_str(q, "deviceType"); t && *t != "car_pile" && *t != "bike_device")
    fail_bad_request("deviceType: 只能是car_pile或bike_device");
  if (auto r = query_str(q, "reconcile"); r && *r != "open" && *r != "reviewed")
    fail_bad_request("reconcile: 只能是open或reviewed");
  if (auto s2 = query_str(q, "status"); s2 && *s2 != "active" && *s2 != "stopped")
    fail_bad_request("status: 只能是active或stopped");
  flag01(q, "flagged");
  if (auto w = flag01(q, "withoutOrder"))
    s.where = *w ? "co.id IS NULL AND bo.id IS NULL" : "(co.id IS NOT NULL OR bo.id IS NOT NULL)";
  s.filters = {
      {"deviceType", "t.device_kind", Match::equal, Kind::text},
      {"deviceId", "t.device_id", Match::equal, Kind::integer},
      {"deviceCode", "COALESCE(p.code, d.code, '')", Match::contains, Kind::text},
      {"stationId", "t.station_id", Match::equal, Kind::integer},
      {"connectorId", "t.connector_id", Match::equal, Kind::integer},
      {"serial", "t.device_serial", Match::contains, Kind::text},
      {"idTag", "t.id_tag", Match::contains, Kind::text},
      {"status", "t.status", Match::equal, Kind::text},
      {"beginTime", "t.start_time", Match::at_least, Kind::integer},
      {"endTime", "t.start_time", Match::at_most, Kind::integer},
      {"flagged", "t.abnormal", Match::equal, Kind::integer},
      {"reconcile", "t.reconcile", Match::equal, Kind::text},
  };
  s.sortable = {{"id", "t.id"},
                {"startTime", "t.start_time"},
                {"stopTime", "t.stop_time"},
                {"energy", "t.energy"},
                {"amount", "t.amount"}};
  s.default_order = "t.start_time DESC, t.id DESC";
  add_record_scope(s, scope);
  return s;
}

}  // namespace

RowsPage<RecordRow> list(Connection& c, const QueryParams& q, const DataScope& scope) {
  return list_page_of<RecordRow>(c, spec_of(q, scope), q, scope);
}

std::optional<RecordRow> find(Connection& c, int64_t id, const DataScope& scope) {
  ListSpec s = spec_of({}, scope);
  s.where = s.where.empty() ? "t.id = ?" : s.where + " AND t.id = ?";
  s.where_params.emplace_back(id);
  auto rows = list_all_of<RecordRow>(c, s, {}, scope);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool review(Connection& c, int64_t id, const std::string& status, const std::string& note,
            const std::string& by, int64_t now, const DataScope& scope) {
  if (!find(c, id, scope)) return false;
  c.execute(
      "UPDATE charging_transaction SET reconcile = ?, reconcile_note = ?, reconciled_by = ?, reconciled_at = "
      "? "
      "WHERE id = ?",
      {status, note, by, now, id});
  return true;
}

}  // namespace zc::db::records
