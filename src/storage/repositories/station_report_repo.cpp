#include "storage/repositories/station_report_repo.hpp"

namespace zc::db::stat {

ListSpec station_report_spec() {
  ListSpec s;
  s.select =
      "r.id AS \"id\", r.station_type AS \"stationType\", r.station_id AS \"stationId\", COALESCE(cs.name, "
      "bs.name) AS \"stationName\", r.day AS \"day\", r.provider_id AS \"providerId\", r.property_id AS "
      "\"propertyId\", pr.name AS \"propertyName\", r.sessions AS \"sessions\", r.charge_seconds AS "
      "\"chargeSeconds\", r.energy AS \"energy\", r.energy_fee AS \"energyFee\", r.service_fee AS "
      "\"serviceFee\", r.occupancy_fee AS \"occupancyFee\", r.charged AS \"charged\", r.refunds AS "
      "\"refunds\", r.refunded AS \"refunded\", r.charged - r.refunded AS \"net\"";
  s.from =
      "stat_station_day r LEFT JOIN car_station cs ON r.station_type = 'car' AND cs.id = r.station_id LEFT "
      "JOIN "
      "bike_station bs ON r.station_type = 'bike' AND bs.id = r.station_id LEFT JOIN sys_property pr ON "
      "pr.id "
      "= r.property_id";
  s.filters = {{"stationType", "r.station_type", Match::equal, Kind::text},
               {"stationId", "r.station_id", Match::equal, Kind::integer},
               {"providerId", "r.provider_id", Match::equal, Kind::integer},
               {"propertyId", "r.property_id", Match::equal, Kind::integer},
               {"beginDate", "r.day", Match::at_least, Kind::text},
               {"endDate", "r.day", Match::at_most, Kind::text}};
  s.sortable = {
      {"day", "r.day"}, {"sessions", "r.sessions"}, {"energy", "r.energy"}, {"charged", "r.charged"}};
  s.default_order = "r.day DESC, r.station_type DESC, r.station_id DESC";
  s.scope = owner_columns("r");
  s.scope.car_station = "(CASE WHEN r.station_type = 'car' THEN r.station_id END)";
  s.scope.bike_station = "(CASE WHEN r.station_type = 'bike' THEN r.station_id END)";
  return s;
}

static const char* kSums =
    "COUNT(*), COALESCE(SUM(r.sessions), 0), COALESCE(SUM(r.charge_seconds), 0), COALESCE(SUM(r.energy), 0), "
    "COALESCE(SUM(r.energy_fee), 0), COALESCE(SUM(r.service_fee), 0), COALESCE(SUM(r.occupancy_fee), 0), "
    "COALESCE(SUM(r.charged), 0), COALESCE(SUM(r.refunds), 0), COALESCE(SUM(r.refunded), 0)";

static ReportFigures figures(const Result& r, size_t i, size_t first) {
  ReportFigures f;
  f.rows = r.i64(i, first);
  f.sessions = r.i64(i, first + 1);
  f.charge_seconds = r.i64(i, first + 2);
  f.energy = r.i64(i, first + 3);
  f.energy_fee = r.i64(i, first + 4);
  f.service_fee = r.i64(i, first + 5);
  f.occupancy_fee = r.i64(i, first + 6);
  f.charged = r.i64(i, first + 7);
  f.refunds = r.i64(i, first + 8);
  f.refunded = r.i64(i, first + 9);
  return f;
}

ReportFigures StationReportRepo::totals(const Where& where) {
  return figures(
      c_.query(std::string("SELECT ") + kSums + " FROM stat_station_day r" + where.sql(), where.params), 0,
      0);
}

std::vector<ReportFigures> StationReportRepo::per_day(const Where& where) {
  Result r = c_.query(std::string("SELECT r.day, ") + kSums + " FROM stat_station_day r" + where.sql() +
                          " GROUP BY r.day ORDER BY r.day",
                      where.params);
  std::vector<ReportFigures> out;
  for (size_t i = 0; i < r.size(); ++i) {
    out.push_back(figures(r, i, 1));
    out.back().day = r.str(i, 0);
  }
  return out;
}

}  // namespace zc::db::stat
