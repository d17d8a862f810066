#include "storage/repositories/bike_order_repo.hpp"

#include "storage/repositories/bike_tariff.hpp"

namespace zc::db::bikeorder {

namespace {

constexpr const char* kSocketSelect =
    "SELECT s.id, s.socket_no, s.status, s.code, s.state, d.id, d.status, d.code, d.protocol, s.station_id, "
    "s.area_id, s.provider_id, s.property_id, st.status, a.status, st.name "
    "FROM bike_socket s JOIN bike_device d ON d.id = s.device_id JOIN bike_station st ON st.id = "
    "s.station_id "
    "JOIN bike_area a ON a.id = s.area_id ";

std::optional<SocketTarget> socket_row(const Result& r) {
  if (r.empty()) return std::nullopt;
  SocketTarget t;
  t.socket_id = r.i64(0, 0);
  t.socket_no = r.i64(0, 1);
  t.socket_status = r.i64(0, 2);
  t.socket_code = r.str(0, 3);
  t.socket_state = r.str(0, 4);
  t.device_id = r.i64(0, 5);
  t.device_status = r.i64(0, 6);
  t.device_code = r.str(0, 7);
  t.device_protocol = r.str(0, 8);
  t.station_id = r.i64(0, 9);
  t.area_id = r.i64(0, 10);
  t.provider_id = r.i64(0, 11);
  t.property_id = r.i64(0, 12);
  t.station_status = r.i64(0, 13);
  t.area_status = r.i64(0, 14);
  t.station_name = r.str(0, 15);
  return t;
}

constexpr const char* kOrderSelect =
    "SELECT id, order_no, provider_id, property_id, station_id, area_id, device_id, device_code, socket_id, "
    "socket_no, user_id, phone, start_method, state, end_reason, tariff_id, pay_order_id, prepaid, "
    "prepaid_duration_s, duration_s, energy, energy_fee, service_fee, charged, refunded, power_w, "
    "device_txn_no, billing_detail, created_at, meter_start, start_at, end_at, last_report_at, "
    "device_lost_at, stop_requested_at, card_no FROM bike_charge_order ";

std::optional<int64_t> opt_i64(const Result& r, size_t row, size_t col) {
  if (r.is_null(row, col)) return std::nullopt;
  return r.i64(row, col);
}

BikeOrder order_row(const Result& r, size_t i) {
  BikeOrder o;
  o.id = r.i64(i, 0);
  o.order_no = r.str(i, 1);
  o.provider_id = r.i64(i, 2);
  o.property_id = r.i64(i, 3);
  o.station_id = r.i64(i, 4);
  o.area_id = r.i64(i, 5);
  o.device_id = r.i64(i, 6);
  o.device_code = r.str(i, 7);
  o.socket_id = r.i64(i, 8);
  o.socket_no = r.i64(i, 9);
  o.user_id = opt_i64(r, i, 10);
  o.phone = r.str(i, 11);
  o.start_method = r.str(i, 12);
  o.state = state_of_column(r.str(i, 13), order::parse_bike_order_state, "bike_charge_order");
  o.end_reason = r.str(i, 14);
  o.tariff_id = opt_i64(r, i, 15);
  o.pay_order_id = opt_i64(r, i, 16);
  o.prepaid = r.i64(i, 17);
  o.prepaid_duration_s = r.i64(i, 18);
  o.duration_s = r.i64(i, 19);
  o.energy = r.i64(i, 20);
  o.energy_fee = r.i64(i, 21);
  o.service_fee = r.i64(i, 22);
  o.charged = r.i64(i, 23);
  o.refunded = r.i64(i, 24);
  o.power_w = r.i64(i, 25);
  if (!r.is_null(i, 26)) o.device_txn_no = r.str(i, 26);
  o.billing_detail = r.str(i, 27);
  o.created_at = r.i64(i, 28);
  o.meter_start = r.i64(i, 29);
  o.start_at = opt_i64(r, i, 30);
  o.end_at = opt_i64(r, i, 31);
  o.last_report_at = opt_i64(r, i, 32);
  o.device_lost_at = opt_i64(r, i, 33);
  o.stop_requested_at = opt_i64(r, i, 34);
  o.card_no = r.str(i, 35);
  return o;
}

const std::string& open_states() {
  static const std::string s = state_list(order::kOpenBikeOrderStates);
  return s;
}

std::optional<BikeOrder> one(const Result& r) {
  if (r.empty()) return std::nullopt;
  return order_row(r, 0);
}

std::vector<BikeOrder> all(const Result& r) {
  std::vector<BikeOrder> out;
  out.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) out.push_back(order_row(r, i));
  return out;
}

}  // namespace

std::optional<SocketTarget> BikeOrderRepo::target_by_id(int64_t socket_id) {
  return socket_row(c_.query(std::string(kSocketSelect) + "WHERE s.id = ?", {socket_id}));
}

std::optional<SocketTarget> BikeOrderRepo::target_by_code(const std::string& code) {
  return socket_row(c_.query(std::string(kSocketSelect) + "WHERE s.code = ?", {code}));
}

std::optional<SocketTarget> BikeOrderRepo::target_on_device(int64_t device_id, int64_t connector) {
  return socket_row(c_.query(std::string(kSocketSelect) + "WHERE s.device_id = ? AND s.socket_no = ?",
                             {device_id, connector}));
}

std::optional<int64_t> BikeOrderRepo::station_of_device(int64_t device_id) {
  return c_.scalar("SELECT station_id FROM bike_device WHERE id = ?", {device_id});
}

std::optional<int64_t> BikeOrderRepo::tariff_in_force(int64_t area_id) {
  return bike::TariffRepo(c_).in_force_of_area(area_id);
}

void BikeOrderRepo::lock_target(int64_t socket_id) {
  c_.execute("UPDATE bike_socket SET id = id WHERE id = ?", {socket_id});
}

std::optional<BikeOrder> BikeOrderRepo::running_on_target(int64_t socket_id) {
  return one(c_.query(std::string(kOrderSelect) + "WHERE socket_id = ? AND state IN " + open_states() +
                          " ORDER BY id DESC LIMIT 1",
                      {socket_id}));
}

void BikeOrderRepo::insert_request(const StartRequest& r) {
  c_.execute(
      "INSERT INTO bike_order_request (pay_order_id, socket_id, device_id, tariff_id, user_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {r.pay_order_id, r.socket_id, r.device_id, r.tariff_id, r.user_id, r.created_at});
}

std::optional<StartRequest> BikeOrderRepo::request_of(int64_t pay_order_id) {
  auto r = c_.query(
      "SELECT pay_order_id, socket_id, device_id, tariff_id, user_id, created_at FROM bike_order_request "
      "WHERE pay_order_id = ?",
      {pay_order_id});
  if (r.empty()) return std::nullopt;
  return StartRequest{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2), r.i64(0, 3), r.i64(0, 4), r.i64(0, 5)};
}

int64_t BikeOrderRepo::insert(const BikeOrder& o) {
  return c_.insert(
      "INSERT INTO bike_charge_order (order_no, provider_id, property_id, station_id, area_id, device_id, "
      "device_code, socket_id, socket_no, user_id, phone, start_method, state, end_reason, tariff_id, "
      "pay_order_id, prepaid, prepaid_duration_s, created_at, end_at, updated_at, card_no, device_txn_no, "
      "start_at, meter_start, last_report_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, "
      "?, ?, ?, ?, ?, ?, ?)",
      {o.order_no,
       o.provider_id,
       o.property_id,
       o.station_id,
       o.area_id,
       o.device_id,
       o.device_code,
       o.socket_id,
       o.socket_no,
       opt(o.user_id),
       o.phone,
       o.start_method,
       state_column(o.state),
       o.end_reason,
       opt(o.tariff_id),
       opt(o.pay_order_id),
       o.prepaid,
       o.prepaid_duration_s,
       o.created_at,
       opt(o.end_at),
       o.created_at,
       o.card_no,
       opt(o.device_txn_no),
       opt(o.start_at),
       o.meter_start,
       opt(o.start_at)});
}

void BikeOrderRepo::link_pay_order(int64_t pay_order_id, int64_t order_id) {
  c_.execute("UPDATE pay_order SET charge_order_id = ? WHERE id = ? AND order_type = 'bike'",
             {order_id, pay_order_id});
}

std::optional<BikeOrder> BikeOrderRepo::find(int64_t id) {
  return one(c_.query(std::string(kOrderSelect) + "WHERE id = ?", {id}));
}

std::optional<BikeOrder> BikeOrderRepo::find_by_no(const std::string& order_no) {
  return one(c_.query(std::string(kOrderSelect) + "WHERE order_no = ?", {order_no}));
}

std::optional<BikeOrder> BikeOrderRepo::find_by_pay_order(int64_t pay_order_id) {
  return one(c_.query(std::string(kOrderSelect) + "WHERE pay_order_id = ?", {pay_order_id}));
}

std::optional<BikeOrder> BikeOrderRepo::find_by_txn(int64_t device_id, const std::string& device_txn_no) {
  return one(c_.query(std::string(kOrderSelect) + "WHERE device_id = ? AND device_txn_no = ?",
                      {device_id, device_txn_no}));
}

std::vector<BikeOrder> BikeOrderRepo::open_orders() {
  return all(c_.query(std::string(kOrderSelect) + "WHERE state IN " + open_states() + " ORDER BY id"));
}

std::vector<BikeOrder> BikeOrderRepo::of_user(int64_t user_id, int64_t offset, int64_t limit) {
  return all(c_.query(std::string(kOrderSelect) +
                          "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? "
                          "OFFSET ?",
                      {user_id, limit, offset}));
}

int64_t BikeOrderRepo::count_of_user(int64_t user_id) {
  return c_.scalar("SELECT COUNT(*) FROM bike_charge_order WHERE user_id = ?", {user_id}).value_or(0);
}

bool BikeOrderRepo::confirm_start(int64_t id, order::BikeOrderState in, const std::string& device_txn_no,
                                  int64_t start_at, int64_t meter_start, int64_t now) {
  return c_.execute(
             "UPDATE bike_charge_order SET device_txn_no = ?, start_at = ?, meter_start = ?, last_report_at "
             "= ?, updated_at = ? WHERE id = ? AND state = ? AND device_txn_no IS NULL",
             {device_txn_no, start_at, meter_start, now, now, id, state_column(in)}) == 1;
}

bool BikeOrderRepo::fail_start(int64_t id, order::BikeOrderState from, order::BikeOrderState to,
                               const std::string& reason, int64_t now) {
  return c_.execute(
             "UPDATE bike_charge_order SET state = ?, end_reason = ?, end_at = ?, updated_at = ? WHERE id = "
             "? AND state = ? AND device_txn_no IS NULL",
             {state_column(to), reason, now, now, id, state_column(from)}) == 1;
}

bool BikeOrderRepo::transition(int64_t id, order::BikeOrderState from, order::BikeOrderState to,
                               const std::string& end_reason, int64_t now) {
  if (end_reason.empty())
    return c_.execute("UPDATE bike_charge_order SET state = ?, updated_at = ? WHERE id = ? AND state = ?",
                      {state_column(to), now, id, state_column(from)}) == 1;
  return c_.execute(
             "UPDATE bike_charge_order SET state = ?, end_reason = ?, updated_at = ? WHERE id = ? AND state "
             "= ?",
             {state_column(to), end_reason, now, id, state_column(from)}) == 1;
}

void BikeOrderRepo::set_progress(const Progress& p) {
  static const std::string sql =
      "UPDATE bike_charge_order SET duration_s = ?, energy = ?, power_w = ?, last_report_at = ?, "
      "prepaid_duration_s = ? WHERE id = ? AND state IN " +
      open_states();
  c_.execute(sql, {p.duration_s, p.energy, p.power_w, p.last_report_at, p.prepaid_duration_s, p.order_id});
}

void BikeOrderRepo::set_device_lost(int64_t id, std::optional<int64_t> at) {
  // two statements, as CarOrderRepo::set_device_lost (GCC 12's -Wmaybe-uninitialized on opt() lists)
  if (at)
    c_.execute("UPDATE bike_charge_order SET device_lost_at = ? WHERE id = ?", {*at, id});
  else
    c_.execute("UPDATE bike_charge_order SET device_lost_at = NULL WHERE id = ?", {id});
}

bool BikeOrderRepo::request_stop(int64_t id, const std::string& reason, int64_t now) {
  static const std::string sql =
      "UPDATE bike_charge_order SET stop_requested_at = ?, end_reason = ?, updated_at = ? WHERE id = ? AND "
      "stop_requested_at IS NULL AND state IN " +
      open_states();
  return c_.execute(sql, {now, reason, now, id}) == 1;
}

bool BikeOrderRepo::finish(int64_t id, order::BikeOrderState from, order::BikeOrderState to,
                           const Finish& f) {
  return c_.execute(
             "UPDATE bike_charge_order SET state = ?, end_reason = ?, duration_s = ?, energy = ?, "
             "power_w = ?, energy_fee = ?, service_fee = ?, charged = ?, billing_detail = ?, end_at = ?, "
             "updated_at = ? WHERE id = ? AND state = ?",
             {state_column(to), f.end_reason, f.duration_s, f.energy, f.power_w, f.energy_fee, f.service_fee,
              f.charged, f.billing_detail, f.end_at, f.end_at, id, state_column(from)}) == 1;
}

void BikeOrderRepo::set_charged(int64_t id, int64_t charged, int64_t now) {
  c_.execute("UPDATE bike_charge_order SET charged = ?, updated_at = ? WHERE id = ?", {charged, now, id});
}

}  // namespace zc::db::bikeorder
