#pragma once
// SQL of parking reservations (ORD-RSV, APP-6; migration 0026, docs/parking.md "Reservations").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/parking_repo.hpp"

namespace zc::db::parking {

struct ReservationRec {
  int64_t id = 0, station_id = 0, spot_id = 0, user_id = 0;
  std::string reservation_no, state, plates;
  int64_t created_at = 0, expires_at = 0;
};

class ReservationRepo {
 public:
  explicit ReservationRepo(Connection& c) : c_(c) {}
  int64_t insert(const SpotInfo& s, const std::string& no, int64_t user_id, const std::string& phone,
                 const std::string& plates, int64_t now, int64_t expires_at);
  std::optional<ReservationRec> find(int64_t id);
  std::optional<ReservationRec> find_in_scope(int64_t id, const DataScope& scope);
  std::optional<ReservationRec> active_of_user(int64_t user_id);
  std::optional<ReservationRec> active_of_spot(int64_t spot_id);
  // A reserved (not yet arrived) reservation at the station whose plates include `plate`.
  std::optional<ReservationRec> reserved_at_station(int64_t station_id, const std::string& plate);
  // Moves a reserved reservation to another free spot of its station (the car parked next to it).
  void move_to_spot(int64_t id, const SpotInfo& s, int64_t now);
  // reserved → occupying: the plate entered; false when it was no longer reserved.
  bool arrive(int64_t id, const std::string& plate, int64_t at, bool lock_opened);
  // A state change of an active reservation (cancel, admin end, left, timeout): false when it was no
  // longer in one of `from` (comma-separated SQL literals, e.g. "'reserved','occupying'").
  bool finish(int64_t id, const char* from, const std::string& state, const std::string& reason,
              const std::string& by, int64_t at);
  void lock_closed(int64_t id, int64_t at);
  // reserved and expired before `now`: timed_out. Returns the ids.
  std::vector<int64_t> time_out(int64_t now, int64_t limit);
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  boost::json::array of_user(int64_t user_id, int64_t limit);
  // The spots of a car station with their state for the app: free | reserved | occupied | disabled.
  boost::json::array spots_of_station(int64_t station_id, int64_t user_id);

 private:
  Connection& c_;
};

}  // namespace zc::db::parking
