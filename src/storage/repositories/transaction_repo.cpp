#include "storage/repositories/transaction_repo.hpp"

#include "domain/order/device_record.hpp"

namespace zc::db::dev {

namespace {

struct Owner {
  int64_t provider = 0, property = 0, station = 0;
};

// The owner ids of a device (data scope of its records): the car pile's or the e-bike device's.
Owner owner_of(Connection& c, const std::string& kind, int64_t device_id) {
  Owner o;
  const char* sql =
      kind == "car_pile"      ? "SELECT provider_id, property_id, station_id FROM car_pile WHERE id = ?"
      : kind == "bike_device" ? "SELECT provider_id, property_id, station_id FROM bike_device WHERE id = ?"
                              : nullptr;
  if (!sql) return o;
  Result r = c.query(sql, {device_id});
  if (!r.empty()) o = {r.i64(0, 0), r.i64(0, 1), r.i64(0, 2)};
  return o;
}

constexpr const char* kInsert =
    "INSERT INTO charging_transaction (device_kind, device_id, connector_id, id_tag, id_tag_status, "
    "meter_start, start_time, status, provider_id, property_id, station_id, created_at, device_serial, "
    "start_method, vin, card, abnormal, flags) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, "
    "?, "
    "?, ?)";

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
  return c_.insert(kInsert, {t.kind, t.device_id, t.connector_id, t.id_tag, t.id_tag_status, t.meter_start,
                             t.start_time, o.provider, o.property, o.station, now, t.device_serial,
                             t.start_method, t.vin, t.card, int64_t{0}, std::string()});
}

SerialTxApplied TransactionRepo::apply_record(const SerialTxRecord& r, int64_t now) {
  Result cur = c_.query(
      "SELECT id, status, flags FROM charging_transaction WHERE device_kind = ? AND device_id = ? AND "
      "device_serial = ?",
      {r.kind, r.device_id, r.device_serial});
  int64_t id = 0;
  std::string flags;
  if (!cur.empty()) {
    id = cur.i64(0, 0);
    if (cur.str(0, 1) != "active") return {id, false};
    flags = cur.str(0, 2);
  } else {
    Owner o = owner_of(c_, r.kind, r.device_id);
    id = c_.insert(kInsert, {r.kind, r.device_id, r.connector_id, std::string(), std::string("Device"),
                             r.meter_start, r.start_time, o.provider, o.property, o.station, now,
                             r.device_serial, r.start_method, r.vin, r.card, int64_t{0}, std::string()});
  }
  for (size_t pos = 0; pos < r.flags.size();) {
    size_t end = r.flags.find("; ", pos);
    if (end == std::string::npos) end = r.flags.size();
    flags = order::merge_flags(flags, r.flags.substr(pos, end - pos));
    pos = end + 2;
  }
  c_.execute(
      "UPDATE charging_transaction SET status = 'stopped', meter_start = ?, meter_stop = ?, meter_last = ?, "
      "meter_last_time = ?, start_time = ?, stop_time = ?, stop_reason = ?, stop_code = ?, energy = ?, "
      "amount = ?, tiers = ?, start_method = CASE WHEN start_method = '' THEN ? ELSE start_method END, "
      "vin = CASE WHEN vin = '' THEN ? ELSE vin END, card = CASE WHEN card = '' THEN ? ELSE card END, "
      "abnormal = CASE WHEN ? = 1 THEN 1 ELSE abnormal END, flags = ?, updated_at = ? "
      "WHERE id = ? AND status = 'active'",
      {r.meter_start, r.meter_stop, r.meter_stop, r.stop_time, r.start_time, r.stop_time, r.stop_reason,
       r.stop_code, r.energy, r.amount, r.tiers_json, r.start_method, r.vin, r.card,
       int64_t{flags.empty() ? 0 : 1}, flags, now, id});
  return {id, true};
}

void TransactionRepo::flag(const std::string& kind, int64_t device_id, int64_t connector_id,
                           const std::string& serial, const std::string& why, int64_t now) {
  if (auto id = find_by_serial(kind, device_id, serial)) return flag_id(*id, why, now);
  Owner o = owner_of(c_, kind, device_id);
  c_.insert(kInsert, {kind, device_id, connector_id, std::string(), std::string("Device"), int64_t{0}, now,
                      o.provider, o.property, o.station, now, serial, std::string(), std::string(),
                      std::string(), int64_t{1}, why});
}

void TransactionRepo::flag_id(int64_t id, const std::string& why, int64_t now) {
  auto flags = c_.query("SELECT flags FROM charging_transaction WHERE id = ?", {id});
  if (flags.empty()) return;
  c_.execute("UPDATE charging_transaction SET abnormal = 1, flags = ?, updated_at = ? WHERE id = ?",
             {order::merge_flags(flags.str(0, 0), why), now, id});
}

SerialTxApplied TransactionRepo::orphan_stop(const OrphanStop& s, int64_t now) {
  std::string serial = order::orphan_stop_serial(s.transaction_id);
  if (auto id = find_by_serial(s.kind, s.device_id, serial)) return {*id, false};
  Owner o = owner_of(c_, s.kind, s.device_id);
  // The start is unknown: connector 0, start = stop, meter start = meter stop (no energy is invented).
  int64_t id = c_.insert(kInsert, {s.kind, s.device_id, int64_t{0}, s.id_tag, std::string("Device"),
                                   s.meter_stop, s.stop_time, o.provider, o.property, o.station, now, serial,
                                   std::string(), std::string(), std::string(), int64_t{1}, s.why});
  c_.execute(
      "UPDATE charging_transaction SET status = 'stopped', meter_stop = ?, stop_time = ?, stop_reason = ?, "
      "stop_id_tag = ?, updated_at = ? WHERE id = ?",
      {s.meter_stop, s.stop_time, s.reason, s.id_tag, now, id});
  return {id, true};
}

}  // namespace zc::db::dev
