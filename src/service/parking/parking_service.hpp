#pragma once
// The parking rules (issue 17; docs/parking.md): what a plate entering or leaving a spot does (the
// camera gateway calls on_plate / on_lock_state through devices::camera::ParkingEvents), reservations
// (ORD-RSV, APP-6) and the occupancy fee of a stay, paid through the app as a pay order of order_type
// "occupancy" (captured whole when paid, in the one ledger).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "devices/camera/parking_events.hpp"
#include "devices/gateway.hpp"
#include "service/member/member_services.hpp"
#include "service/parking/locks.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::order {
class Sweeper;
}

namespace zc::parking {

using devices::camera::Direction;
using devices::camera::PlateColor;
using devices::camera::PlateDecision;

struct ParkingDeps {
  db::Database& db;
  devices::DeviceGateway& gateway;
  Clock& clock;
  const Config& cfg;
  payment::PaymentService& payments;
};

class ParkingService final : public devices::camera::ParkingEvents, public member::WhitelistWatcher {
 public:
  explicit ParkingService(ParkingDeps d);
  ~ParkingService() override;
  void start();  // the reservation timeout sweep and the occupancy payments' listener
  void stop();

  // ParkingEvents (the camera gateway).
  PlateDecision on_plate(const devices::camera::PlateEvent& e) override;
  void on_lock_state(int64_t camera_id, devices::LockSide side,
                     const devices::camera::LockState& st) override;
  // The rules for a plate at a spot, whatever reported it (on_plate after finding the camera's spot).
  PlateDecision plate_at_spot(int64_t spot_id, const std::string& plate, PlateColor color, Direction dir,
                              int64_t at);
  Locks& locks() { return locks_; }
  int64_t now() const { return d_.clock.now(); }  // the business clock (moved by /test/clock)

  // Driver (APP-6). The station's spots with their state; reserve, cancel, my reservations.
  boost::json::array spots(int64_t station_id, int64_t user_id);
  boost::json::object reserve(int64_t user_id, int64_t spot_id);
  void cancel(int64_t user_id, int64_t reservation_id);
  boost::json::array reservations_of(int64_t user_id);
  boost::json::array occupancies_of(int64_t user_id);
  // Pays an unpaid occupancy fee: a pay order (order_type occupancy) the driver pays at the cashier.
  boost::json::object pay_occupancy(int64_t user_id, int64_t occupancy_id);

  // Admin (ORD-RSV).
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object detail(int64_t id, const Principal& p);
  void end(int64_t id, const Principal& p);

  // The stations' enabled whitelisted plates to their enabled cameras (WhitelistSync; a camera that
  // keeps no local list, or a protocol without the command, answers unsupported: logged).
  void whitelist_changed(const std::vector<int64_t>& station_ids) override;

  // Times out reservations not arrived by `now` (the sweep; a test route). Returns how many.
  int sweep(int64_t now);

 private:
  PlateDecision enter(const db::parking::SpotInfo& s, const std::string& plate, PlateColor color, int64_t at);
  PlateDecision leave(const db::parking::SpotInfo& s, int64_t at);
  void paid(const db::payment::PayOrder& p);
  ParkingDeps d_;
  Locks locks_;
  std::unique_ptr<order::Sweeper> sweeper_;
};

}  // namespace zc::parking
