#include "storage/repositories/transaction_repo.hpp"

namespace zc::db::dev {

namespace {

struct Owner {
  int64_t provider = 0, property = 0, station = 0;
};

Owner owner_of(Connection& c, const std::string& kind, int64_t device_id) {
  Owner o;
  if (kind != "car_pile") return o;
  Result r = c.query("SELECT provider_id, property_id, station_id FROM car_pile WHERE id = ?", {device_id});
  if (!r.empty()) o = {r.i64(0, 0), r.i64(0, 1), r.i64(0, 2)};
  return o;
}

}  // namespace

std::optional<int64_t> TransactionRepo::find_by_serial(const std::string& kind, int64_t device_id,
                                                       const std::string& serial) {
  return c_.scalar(
      "SELECT id FROM charging_transaction WHERE device_kind = ? AND device_id = ? AND device_serial = ?",
      {kind, device_id, serial});
}

int64_t TransactionRepo::start(const SerialTxStart& t, int64_t now) {
  if (auto id = find_by_serial(t.kind, t.device_id, t.device_serial)) return *id;
  Owner o = owner_of(c_, t.kind, t.device_id);
  return c_.insert(
      "INSERT INTO charging_transaction (device_kind, device_id, connector_id, id_tag, id_tag_status, "
      "meter_start, start_time, status, provider_id, property_id, station_id, created_at, device_serial, "
      "start_method, vin, card) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.kind, t.device_id, t.connector_id, t.id_tag, t.id_tag_status, t.meter_start, t.start_time,
       o.provider, o.property, o.station, now, t.device_serial, t.start_method, t.vin, t.card});
}

SerialTxApplied TransactionRepo::apply_record(const SerialTxRecord& r, int64_t now) {
  Result cur = c_.query(
      "SELECT id, status FROM charging_transaction WHERE device_kind = ? AND device_id = ? AND device_serial "
      "= ?",
      {r.kind, r.device_id, r.device_serial});
  int64_t id = 0;
  if (!cur.empty()) {
    id = cur.i64(0, 0);
    if (cur.str(0, 1) != "active") return {id, false};
  } else {
    Owner o = owner_of(c_, r.kind, r.device_id);
    id = c_.insert(
        "INSERT INTO charging_transaction (device_kind, device_id, connector_id, id_tag, id_tag_status, "
        "meter_start, start_time, status, provider_id, property_id, station_id, created_at, device_serial, "
        "start_method, vin, card) VALUES (?, ?, ?, '', 'Device', ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?)",
        {r.kind, r.device_id, r.connector_id, r.meter_start, r.start_time, o.provider, o.property, o.station,
         now, r.device_serial, r.start_method, r.vin, r.card});
  }
  c_.execute(
      "UPDATE charging_transaction SET status = 'stopped', meter_start = ?, meter_stop = ?, meter_last = ?, "
      "meter_last_time = ?, start_time = ?, stop_time = ?, stop_reason = ?, stop_code = ?, energy = ?, "
      "amount = ?, "
      "tiers = ?, start_method = CASE WHEN start_method = '' THEN ? ELSE start_method END, "
      "vin = CASE WHEN vin = '' THEN ? ELSE vin END, card = CASE WHEN card = '' THEN ? ELSE card END, "
      "updated_at = ? WHERE id = ? AND status = 'active'",
      {r.meter_start, r.meter_stop, r.meter_stop, r.stop_time, r.start_time, r.stop_time, r.stop_reason,
       r.stop_code, r.energy, r.amount, r.tiers_json, r.start_method, r.vin, r.card, now, id});
  return {id, true};
}

bool TransactionRepo::flag(const std::string& kind, int64_t device_id, const std::string& serial,
                           const std::string& why, int64_t now) {
  return c_.execute(
             "UPDATE charging_transaction SET abnormal = 1, flags = CASE WHEN flags = '' THEN ? ELSE flags "
             "|| '; ' "
             "|| ? END, updated_at = ? WHERE device_kind = ? AND device_id = ? AND device_serial = ?",
             {why, why, now, kind, device_id, serial}) > 0;
}

}  // namespace zc::db::dev
