#include "storage/repositories/car_order_repo.hpp"

#include <algorithm>

namespace zc::db::car_order {

namespace {

constexpr const char* kOrderColumns =
    "id, order_no, provider_id, property_id, station_id, area_id, pile_id, pile_code, gun_id, gun_code, "
    "gun_no, user_id, phone, plate, card_no, start_method, state, end_reason, protocol, tariff_version_id, "
    "pay_order_id, prepaid, energy, energy_fee, service_fee, charged, refunded, power_w, device_txn_no, "
    "device_tx_id, meter_start, billing_detail, created_at, start_at, end_at, last_report_at, "
    "device_lost_at, "
    "stop_sent_at";

const std::string& open_states() {
  static const std::string s = state_list(order::kOpenCarOrderStates);
  return s;
}

std::optional<int64_t> opt_i64(const Result& r, size_t row, size_t col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.i64(row, col);
}

CarOrder order_at(const Result& r, size_t i) {
  CarOrder o;
  size_t k = 0;
  o.id = r.i64(i, k++);
  o.order_no = r.str(i, k++);
  o.provider_id = r.i64(i, k++);
  o.property_id = r.i64(i, k++);
  o.station_id = r.i64(i, k++);
  o.area_id = opt_i64(r, i, k++);
  o.pile_id = r.i64(i, k++);
  o.pile_code = r.str(i, k++);
  o.gun_id = r.i64(i, k++);
  o.gun_code = r.str(i, k++);
  o.gun_no = r.i64(i, k++);
  o.user_id = opt_i64(r, i, k++);
  o.phone = r.str(i, k++);
  o.plate = r.str(i, k++);
  o.card_no = r.str(i, k++);
  o.start_method = r.str(i, k++);
  o.state = state_of_column(r.str(i, k++), order::parse_car_order_state, "car_charge_order");
  o.end_reason = r.str(i, k++);
  o.protocol = r.str(i, k++);
  o.tariff_version_id = opt_i64(r, i, k++);
  o.pay_order_id = opt_i64(r, i, k++);
  o.prepaid = r.i64(i, k++);
  o.energy = r.i64(i, k++);
  o.energy_fee = r.i64(i, k++);
  o.service_fee = r.i64(i, k++);
  o.charged = r.i64(i, k++);
  o.refunded = r.i64(i, k++);
  o.power_w = r.i64(i, k++);
  if (!r.is_null(i, k)) o.device_txn_no = r.str(i, k);
  ++k;
  o.device_tx_id = opt_i64(r, i, k++);
  o.meter_start = r.i64(i, k++);
  o.billing_detail = r.str(i, k++);
  o.created_at = r.i64(i, k++);
  o.start_at = opt_i64(r, i, k++);
  o.end_at = opt_i64(r, i, k++);
  o.last_report_at = opt_i64(r, i, k++);
  o.device_lost_at = opt_i64(r, i, k++);
  o.stop_sent_at = opt_i64(r, i, k++);
  return o;
}

std::optional<CarOrder> one(Connection& c, const std::string& where, const Params& params) {
  auto r = c.query(std::string("SELECT ") + kOrderColumns + " FROM car_charge_order WHERE " + where, params);
  if (r.empty()) return std::nullopt;
  return order_at(r, 0);
}

std::optional<GunTarget> gun_where(Connection& c, const char* where, const Params& params) {
  auto r =
      c.query(std::string("SELECT g.id, g.gun_no, g.status, g.code, g.state, p.id, p.status, "
                          "COALESCE(p.code, ''), p.protocol, a.id, a.status, s.id, s.status, "
                          "s.audit_status, s.name, s.provider_id, s.property_id "
                          "FROM car_gun g JOIN car_pile p ON p.id = g.pile_id "
                          "JOIN car_area a ON a.id = p.area_id JOIN car_station s ON s.id = p.station_id "
                          "WHERE ") +
                  where,
              params);
  if (r.empty()) return std::nullopt;
  GunTarget t;
  size_t k = 0;
  t.gun_id = r.i64(0, k++);
  t.gun_no = r.i64(0, k++);
  t.gun_status = r.i64(0, k++);
  t.gun_code = r.str(0, k++);
  t.gun_state = r.str(0, k++);
  t.pile_id = r.i64(0, k++);
  t.pile_status = r.i64(0, k++);
  t.pile_code = r.str(0, k++);
  t.protocol = r.str(0, k++);
  t.area_id = r.i64(0, k++);
  t.area_status = r.i64(0, k++);
  t.station_id = r.i64(0, k++);
  t.station_status = r.i64(0, k++);
  t.audit_status = r.i64(0, k++);
  t.station_name = r.str(0, k++);
  t.provider_id = r.i64(0, k++);
  t.property_id = r.i64(0, k++);
  return t;
}

}  // namespace

std::optional<GunTarget> CarOrderRepo::target_by_id(int64_t gun_id) {
  return gun_where(c_, "g.id = ?", {gun_id});
}

std::optional<GunTarget> CarOrderRepo::target_by_code(const std::string& gun_code) {
  return gun_where(c_, "g.code = ?", {gun_code});
}

std::optional<GunTarget> CarOrderRepo::target_on_device(int64_t pile_id, int64_t connector) {
  return gun_where(c_, "g.pile_id = ? AND g.gun_no = ?", {pile_id, connector});
}

std::optional<int64_t> CarOrderRepo::station_of_device(int64_t pile_id) {
  return c_.scalar("SELECT station_id FROM car_pile WHERE id = ?", {pile_id});
}

void CarOrderRepo::insert_request(const StartRequest& p, int64_t now) {
  c_.execute(
      "INSERT INTO car_prepay (pay_order_id, user_id, gun_id, plate, created_at) VALUES (?, ?, ?, ?, ?)",
      {p.pay_order_id, p.user_id, p.gun_id, p.plate, now});
}

std::optional<StartRequest> CarOrderRepo::request_of(int64_t pay_order_id) {
  auto r = c_.query("SELECT pay_order_id, user_id, gun_id, plate FROM car_prepay WHERE pay_order_id = ?",
                    {pay_order_id});
  if (r.empty()) return std::nullopt;
  return StartRequest{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.str(0, 3)};
}

int64_t CarOrderRepo::insert(const CarOrder& o) {
  return c_.insert(
      "INSERT INTO car_charge_order (order_no, provider_id, property_id, station_id, area_id, pile_id, "
      "pile_code, gun_id, gun_code, gun_no, user_id, phone, plate, card_no, start_method, state, end_reason, "
      "protocol, tariff_version_id, pay_order_id, prepaid, energy, energy_fee, service_fee, charged, "
      "device_txn_no, device_tx_id, meter_start, billing_detail, created_at, start_at, end_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?)",
      {o.order_no,
       o.provider_id,
       o.property_id,
       o.station_id,
       opt(o.area_id),
       o.pile_id,
       o.pile_code,
       o.gun_id,
       o.gun_code,
       o.gun_no,
       opt(o.user_id),
       o.phone,
       o.plate,
       o.card_no,
       o.start_method,
       state_column(o.state),
       o.end_reason,
       o.protocol,
       opt(o.tariff_version_id),
       opt(o.pay_order_id),
       o.prepaid,
       o.energy,
       o.energy_fee,
       o.service_fee,
       o.charged,
       opt(o.device_txn_no),
       opt(o.device_tx_id),
       o.meter_start,
       o.billing_detail,
       o.created_at,
       opt(o.start_at),
       opt(o.end_at),
       o.created_at});
}

void CarOrderRepo::link_pay_order(int64_t pay_order_id, int64_t order_id) {
  c_.execute("UPDATE pay_order SET charge_order_id = ? WHERE id = ? AND charge_order_id IS NULL",
             {order_id, pay_order_id});
}

std::optional<CarOrder> CarOrderRepo::find(int64_t id) {
  return one(c_, "id = ?", {id});
}

std::optional<CarOrder> CarOrderRepo::find_by_no(const std::string& order_no) {
  return one(c_, "order_no = ?", {order_no});
}

std::optional<CarOrder> CarOrderRepo::find_by_pay_order(int64_t pay_order_id) {
  return one(c_, "pay_order_id = ?", {pay_order_id});
}

std::optional<CarOrder> CarOrderRepo::find_by_txn(int64_t pile_id, const std::string& device_txn_no) {
  return one(c_, "pile_id = ? AND device_txn_no = ?", {pile_id, device_txn_no});
}

std::optional<CarOrder> CarOrderRepo::running_on_target(int64_t gun_id) {
  return one(c_, "gun_id = ? AND state IN " + open_states() + " ORDER BY id DESC LIMIT 1", {gun_id});
}

void CarOrderRepo::lock_target(int64_t gun_id) {
  c_.execute("UPDATE car_gun SET id = id WHERE id = ?", {gun_id});
}

std::vector<CarOrder> CarOrderRepo::open_orders() {
  auto r = c_.query(std::string("SELECT ") + kOrderColumns + " FROM car_charge_order WHERE state IN " +
                    open_states() + " ORDER BY id");
  std::vector<CarOrder> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back(order_at(r, i));
  return out;
}

bool CarOrderRepo::confirm_start(int64_t id, order::CarOrderState from, order::CarOrderState to,
                                 const std::string& device_txn_no, int64_t device_tx_id, int64_t start_at,
                                 int64_t meter_start, int64_t now) {
  return c_.execute(
             "UPDATE car_charge_order SET state = ?, device_txn_no = ?, device_tx_id = ?, start_at = ?, "
             "meter_start = ?, last_report_at = ?, updated_at = ? WHERE id = ? AND state = ?",
             {state_column(to), device_txn_no, device_tx_id, start_at, meter_start, now, now, id,
              state_column(from)}) > 0;
}

bool CarOrderRepo::fail_start(int64_t id, order::CarOrderState from, order::CarOrderState to,
                              const std::string& reason, int64_t now) {
  return transition(id, from, to, reason, now);
}

bool CarOrderRepo::transition(int64_t id, order::CarOrderState from, order::CarOrderState to,
                              const std::string& end_reason, int64_t now) {
  if (end_reason.empty())
    return c_.execute("UPDATE car_charge_order SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                      {state_column(to), now, id, state_column(from)}) > 0;
  return c_.execute(
             "UPDATE car_charge_order SET state = ?, end_reason = ?, updated_at = ? WHERE id = ? AND state = "
             "?",
             {state_column(to), end_reason, now, id, state_column(from)}) > 0;
}

bool CarOrderRepo::request_stop(int64_t id, order::CarOrderState from, order::CarOrderState to,
                                const std::string& end_reason, int64_t now) {
  return c_.execute(
             "UPDATE car_charge_order SET state = ?, end_reason = ?, stop_sent_at = ?, updated_at = ? "
             "WHERE id = ? AND state = ?",
             {state_column(to), end_reason, now, now, id, state_column(from)}) > 0;
}

void CarOrderRepo::set_progress(const Progress& v) {
  c_.execute(
      "UPDATE car_charge_order SET energy = ?, power_w = ?, last_report_at = ? WHERE id = ? AND state IN " +
          open_states(),
      {v.energy, v.power_w, v.last_report_at, v.order_id});
}

void CarOrderRepo::set_device_lost(int64_t id, std::optional<int64_t> at) {
  // two statements: a brace list of opt() and an id trips GCC 12's -Wmaybe-uninitialized at -O3
  if (at)
    c_.execute("UPDATE car_charge_order SET device_lost_at = ? WHERE id = ?", {*at, id});
  else
    c_.execute("UPDATE car_charge_order SET device_lost_at = NULL WHERE id = ?", {id});
}

bool CarOrderRepo::finish(int64_t id, order::CarOrderState from, order::CarOrderState to, const Finish& r) {
  return c_.execute(
             "UPDATE car_charge_order SET state = ?, energy = ?, energy_fee = ?, service_fee = ?, "
             "charged = ?, billing_detail = ?, end_reason = ?, end_at = ?, power_w = 0, device_lost_at = "
             "NULL, "
             "updated_at = ? WHERE id = ? AND state = ?",
             {state_column(to), r.energy, r.energy_fee, r.service_fee, r.charged, r.billing_detail,
              r.end_reason, r.end_at, r.end_at, id, state_column(from)}) > 0;
}

void CarOrderRepo::set_charged(int64_t id, int64_t charged, int64_t now) {
  c_.execute("UPDATE car_charge_order SET charged = ?, updated_at = ? WHERE id = ?", {charged, now, id});
}

std::vector<CarOrder> CarOrderRepo::of_user(int64_t user_id, int64_t offset, int64_t limit) {
  auto r = c_.query(
      std::string("SELECT ") + kOrderColumns +
          " FROM car_charge_order WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
      {user_id, limit, offset});
  std::vector<CarOrder> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(order_at(r, i));
  return out;
}

int64_t CarOrderRepo::count_of_user(int64_t user_id) {
  return c_.scalar("SELECT COUNT(*) FROM car_charge_order WHERE user_id = ?", {user_id}).value_or(0);
}

std::string CarOrderRepo::station_timezone(int64_t station_id) {
  auto r = c_.query("SELECT timezone FROM car_station WHERE id = ?", {station_id});
  return r.empty() ? "" : r.str(0, 0);
}

std::string CarOrderRepo::station_name(int64_t station_id) {
  auto r = c_.query("SELECT name FROM car_station WHERE id = ?", {station_id});
  return r.empty() ? "" : r.str(0, 0);
}

}  // namespace zc::db::car_order
