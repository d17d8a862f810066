#include "storage/repositories/rollup_repo.hpp"

namespace zc::db::stat {

static std::string orders(const std::string& type) {
  return type == "car" ? "car_charge_order" : "bike_charge_order";
}
static std::string stations(const std::string& type) {
  return type == "car" ? "car_station" : "bike_station";
}
// Charging time of an order: e-bike orders keep it, a car order's is its start to its end.
static std::string seconds(const std::string& type) {
  return type == "car" ? "CASE WHEN o.start_at IS NOT NULL AND o.end_at > o.start_at THEN (o.end_at - "
                         "o.start_at) / 1000 ELSE 0 END"
                       : "o.duration_s";
}

void RollupRepo::lock() {
  if (c_.dialect() == Dialect::postgres) c_.query("SELECT pg_advisory_xact_lock(724012)");
}

std::vector<DirtyMark> RollupRepo::take_marks(int limit) {
  Result r = c_.query(
      "DELETE FROM stat_dirty WHERE id IN (SELECT id FROM stat_dirty ORDER BY id LIMIT ?) RETURNING "
      "station_type, station_id, at, user_id",
      {int64_t{limit}});
  std::vector<DirtyMark> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back({r.str(i, 0), r.i64(i, 1), r.i64(i, 2), r.i64(i, 3)});
  return out;
}

std::optional<StationOwner> RollupRepo::station(const std::string& type, int64_t id) {
  Result r =
      c_.query("SELECT timezone, provider_id, property_id FROM " + stations(type) + " WHERE id = ?", {id});
  if (r.empty()) return std::nullopt;
  return StationOwner{r.str(0, 0), r.i64(0, 1), r.i64(0, 2)};
}

std::vector<int64_t> RollupRepo::station_ids(const std::string& type) {
  Result r = c_.query("SELECT id FROM " + stations(type) + " ORDER BY id");
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

void RollupRepo::roll_day(const std::string& type, int64_t station_id, const StationOwner& owner,
                          const std::string& day, int64_t from, int64_t to) {
  Result o =
      c_.query("SELECT COUNT(*), COALESCE(SUM(" + seconds(type) +
                   "), 0), COALESCE(SUM(o.energy), 0), COALESCE(SUM(o.energy_fee), 0), "
                   "COALESCE(SUM(o.service_fee), 0), COALESCE(SUM(o.charged), 0) FROM " +
                   orders(type) + " o WHERE o.station_id = ? AND o.created_at >= ? AND o.created_at < ?",
               {station_id, from, to});
  Result f = c_.query(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'succeeded' THEN amount ELSE 0 END), 0) FROM "
      "pay_refund WHERE station_id = ? AND station_type = ? AND refund_type = 'fee_refund' AND created_at >= "
      "? "
      "AND created_at < ?",
      {station_id, type, from, to});
  if (o.i64(0, 0) == 0 && f.i64(0, 0) == 0) {
    c_.execute("DELETE FROM stat_station_day WHERE station_type = ? AND station_id = ? AND day = ?",
               {type, station_id, day});
    return;
  }
  c_.execute(
      "INSERT INTO stat_station_day (station_type, station_id, day, provider_id, property_id, sessions, "
      "charge_seconds, energy, energy_fee, service_fee, charged, refunds, refunded) VALUES (?, ?, ?, ?, ?, "
      "?, ?, "
      "?, ?, ?, ?, ?, ?) ON CONFLICT (station_id, station_type, day) DO UPDATE SET provider_id = "
      "excluded.provider_id, property_id = excluded.property_id, sessions = excluded.sessions, "
      "charge_seconds = "
      "excluded.charge_seconds, energy = excluded.energy, energy_fee = excluded.energy_fee, service_fee = "
      "excluded.service_fee, charged = excluded.charged, refunds = excluded.refunds, refunded = "
      "excluded.refunded",
      {type, station_id, day, owner.provider_id, owner.property_id, o.i64(0, 0), o.i64(0, 1), o.i64(0, 2),
       o.i64(0, 3), o.i64(0, 4), o.i64(0, 5), f.i64(0, 0), f.i64(0, 1)});
}

void RollupRepo::roll_total(const std::string& type, int64_t station_id, const StationOwner& owner) {
  c_.execute(
      "INSERT INTO stat_station_total (station_type, station_id, provider_id, property_id, sessions) VALUES "
      "(?, ?, "
      "?, ?, (SELECT COALESCE(SUM(sessions), 0) FROM stat_station_day WHERE station_type = ? AND station_id "
      "= ?)) "
      "ON CONFLICT (station_type, station_id) DO UPDATE SET provider_id = excluded.provider_id, property_id "
      "= "
      "excluded.property_id, sessions = excluded.sessions",
      {type, station_id, owner.provider_id, owner.property_id, type, station_id});
}

void RollupRepo::roll_users(const std::string& type, int64_t station_id, const StationOwner& owner,
                            const std::vector<int64_t>& users) {
  for (int64_t user : users) {
    int64_t n = c_.scalar("SELECT COUNT(*) FROM " + orders(type) + " WHERE user_id = ? AND station_id = ?",
                          {user, station_id})
                    .value_or(0);
    c_.execute("DELETE FROM stat_user_station WHERE station_type = ? AND station_id = ? AND user_id = ?",
               {type, station_id, user});
    if (n > 0)
      c_.execute(
          "INSERT INTO stat_user_station (station_type, station_id, user_id, provider_id, property_id, "
          "sessions) VALUES (?, ?, ?, ?, ?, ?)",
          {type, station_id, user, owner.provider_id, owner.property_id, n});
    c_.execute("DELETE FROM stat_user_property WHERE user_id = ? AND property_id = ?",
               {user, owner.property_id});
    c_.execute(
        "INSERT INTO stat_user_property (property_id, user_id, provider_id, car_sessions, bike_sessions, "
        "sessions) SELECT property_id, user_id, MIN(provider_id), SUM(CASE WHEN station_type = 'car' THEN "
        "sessions ELSE 0 END), SUM(CASE WHEN station_type = 'bike' THEN sessions ELSE 0 END), SUM(sessions) "
        "FROM stat_user_station WHERE user_id = ? AND property_id = ? GROUP BY property_id, user_id",
        {user, owner.property_id});
    c_.execute("DELETE FROM stat_user_total WHERE user_id = ?", {user});
    c_.execute(
        "INSERT INTO stat_user_total (user_id, car_sessions, bike_sessions, sessions) SELECT user_id, "
        "SUM(car_sessions), SUM(bike_sessions), SUM(sessions) FROM stat_user_property WHERE user_id = ? "
        "GROUP "
        "BY user_id",
        {user});
  }
}

void RollupRepo::rebuild_users() {
  c_.execute("DELETE FROM stat_user_station");
  for (const std::string type : {"car", "bike"})
    c_.execute(
        "INSERT INTO stat_user_station (station_type, station_id, user_id, provider_id, property_id, "
        "sessions) SELECT '" +
        type + "', o.station_id, o.user_id, MIN(s.provider_id), MIN(s.property_id), COUNT(*) FROM " +
        orders(type) + " o JOIN " + stations(type) +
        " s ON s.id = o.station_id WHERE o.user_id IS NOT NULL GROUP BY o.station_id, o.user_id");
  c_.execute("DELETE FROM stat_user_property");
  c_.execute(
      "INSERT INTO stat_user_property (property_id, user_id, provider_id, car_sessions, bike_sessions, "
      "sessions) SELECT property_id, user_id, MIN(provider_id), SUM(CASE WHEN station_type = 'car' THEN "
      "sessions ELSE 0 END), SUM(CASE WHEN station_type = 'bike' THEN sessions ELSE 0 END), SUM(sessions) "
      "FROM "
      "stat_user_station GROUP BY property_id, user_id");
  c_.execute("DELETE FROM stat_user_total");
  c_.execute(
      "INSERT INTO stat_user_total (user_id, car_sessions, bike_sessions, sessions) SELECT user_id, "
      "SUM(car_sessions), SUM(bike_sessions), SUM(sessions) FROM stat_user_property GROUP BY user_id");
}

}  // namespace zc::db::stat
