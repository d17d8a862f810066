// zhichong-sim ykc: a gun's charging session — start, real-time data (0x13, DC BMS frames), the end and its
// transaction record (0x3B, tiers split by the pile's local half-hours).
#include "ykc_pile.hpp"

namespace zc::sim::ykcsim {

namespace {
const char* tier_key(size_t i) {
  static constexpr const char* kNames[] = {"sharp", "peak", "flat", "valley"};
  return kNames[i];
}
}  // namespace

GroundLockStatus Pile::lock_status(const Gun& g) const {
  GroundLockStatus s;
  s.pile_code = code_;
  s.gun = g.no;
  s.lock_state = g.lock_state;
  s.bay_state = g.plugged ? 0xFF : 0x00;
  s.battery_percent = 90;
  return s;
}

int64_t Pile::session_energy(const Gun& g, Clock::time_point now) const {
  return energy_delivered(o_.power_kw,
                          std::chrono::duration_cast<std::chrono::milliseconds>(now - g.started).count());
}

RealtimeData Pile::realtime(const Gun& g) const {
  RealtimeData d;
  d.pile_code = code_;
  d.gun = gun_to_bcd(g.no);
  d.plugged = g.plugged ? 1 : 0;
  d.holstered = g.plugged ? 0 : 1;
  d.cable_temp = 25 + kTempOffset;
  if (!g.charging) {
    d.status = RealtimeData::kIdle;
    return d;
  }
  const auto now = Clock::now();
  const int64_t energy = session_energy(g, now);
  const double volts = o_.ac ? 220.0 : 500.0;
  d.serial = g.serial;
  d.status = RealtimeData::kCharging;
  d.voltage = static_cast<uint16_t>(volts * 10);
  d.current = static_cast<uint16_t>(std::min(6553.0, o_.power_kw * 1000.0 / volts * 10.0));
  d.charge_minutes =
      static_cast<uint16_t>(std::chrono::duration_cast<std::chrono::minutes>(now - g.started).count());
  d.energy = static_cast<uint32_t>(energy);
  d.loss_energy = d.energy;
  try {
    d.amount = record_tiers(g.model, sh_.tz, g.start_ms, pile_now_ms(), energy).total_amount;
  } catch (const std::exception&) {
  }
  if (!o_.ac) {  // a 60 kWh battery from 20 %
    const double soc = std::min(100.0, 20.0 + static_cast<double>(energy) / 10000.0 / 60.0 * 100.0);
    d.soc = static_cast<uint8_t>(soc);
    d.battery_max_temp = 30 + kTempOffset;
    d.remaining_minutes =
        static_cast<uint16_t>(o_.power_kw > 0 ? (100.0 - soc) / 100.0 * 60.0 / o_.power_kw * 60.0 : 0);
  }
  return d;
}

void Pile::send_realtime(Gun& g, Clock::time_point now) {
  send(realtime(g));
  sh_.stats.realtime.fetch_add(1, std::memory_order_relaxed);
  g.next_realtime = now + secs(g.charging ? o_.realtime_interval_s : o_.idle_interval_s);
}

void Pile::start_event(const Gun& g, const char* via, const Serial& serial, const char* result, int reason,
                       json::object extra) {
  if (!o_.events) return;
  auto ev = event("start");
  ev["gun"] = g.no;
  ev["serial"] = serial.str();
  ev["via"] = via;
  ev["result"] = result;
  if (reason >= 0) ev["reason"] = reason;
  for (auto& kv : extra) ev[kv.key()] = kv.value();
  sh_.emit(std::move(ev));
}

// The session on `g` ends (remote stop, duration reached, reboot): 0x13 idle, DC 0x19, and the 0x3B
// (queued; sent now when online, else after the next login).
void Pile::end_session(Gun& g, uint8_t stop_reason) {
  if (!g.charging) return;
  const auto now = Clock::now();
  const int64_t energy = session_energy(g, now);
  const int64_t end_ms = pile_now_ms();
  PendingRecord p;
  TransactionRecord& r = p.rec;
  r.serial = g.serial;
  r.pile_code = code_;
  r.gun = gun_to_bcd(g.no);
  r.start_time = cp56_from_epoch_ms(g.start_ms, sh_.tz);
  r.end_time = cp56_from_epoch_ms(end_ms, sh_.tz);
  try {
    const RecordTiers t = record_tiers(g.model, sh_.tz, g.start_ms, end_ms, energy);
    std::copy(t.tiers.begin(), t.tiers.end(), r.tiers.begin());
    r.total_energy = t.total_energy;
    r.total_amount = t.total_amount;
  } catch (const std::exception& e) {
    log("tier split failed: %s", e.what());
    r.total_energy = static_cast<uint32_t>(energy);
  }
  r.total_loss_energy = r.total_energy;
  r.meter_start = g.meter;
  r.meter_stop = g.meter + static_cast<uint64_t>(energy);
  r.vin = g.vin;
  r.start_type = g.start_type;
  r.trade_time = r.end_time;
  r.stop_reason = stop_reason;
  r.physical_card = g.card;
  g.meter = r.meter_stop;
  g.charging = false;
  if (o_.charge_after_s > 0) g.plugged = false;  // the car leaves; the next one plugs in later
  if (!o_.ac) {
    BmsChargeEnd e;
    e.serial = g.serial;
    e.pile_code = code_;
    e.gun = gun_to_bcd(g.no);
    const RealtimeData last = realtime_at_end(g, energy);
    e.end_soc = last.soc;
    e.charge_minutes = last.charge_minutes;
    e.output_energy = static_cast<uint16_t>(std::min<int64_t>(65535, energy / 1000));
    send(e);
  }
  g.serial = Serial{};
  sh_.stats.stops.fetch_add(1, std::memory_order_relaxed);
  log("gun %u stopped (reason 0x%02X), %u.%04u kWh", static_cast<unsigned>(g.no), stop_reason,
      r.total_energy / 10000, r.total_energy % 10000);
  if (o_.events) {
    auto ev = event("stop");
    ev["gun"] = g.no;
    ev["serial"] = r.serial.str();
    ev["reason"] = hex_byte(stop_reason);
    ev["energy"] = r.total_energy;
    ev["amount"] = r.total_amount;
    sh_.emit(std::move(ev));
  }
  send_realtime(g, now);
  p.copies_left = o_.retransmit_record;
  p.next_send = now;
  records_.push_back(std::move(p));
  if (reboot_pending_ && all_idle()) reboot_now_ = true;
  wake();
}

RealtimeData Pile::realtime_at_end(const Gun& g, int64_t energy) const {
  RealtimeData d;
  d.soc = static_cast<uint8_t>(std::min(100.0, 20.0 + static_cast<double>(energy) / 10000.0 / 60.0 * 100.0));
  d.charge_minutes = static_cast<uint16_t>(
      std::chrono::duration_cast<std::chrono::minutes>(Clock::now() - g.started).count());
  return d;
}

BmsDemand Pile::bms_demand(const Gun& g) const {
  BmsDemand d;
  d.serial = g.serial;
  d.pile_code = code_;
  d.gun = gun_to_bcd(g.no);
  const RealtimeData rt = realtime(g);
  d.demand_voltage = rt.voltage;
  d.demand_current = static_cast<uint16_t>(4000 + rt.current);
  d.mode = 0x02;  // constant current
  d.measured_voltage = rt.voltage;
  d.measured_current = static_cast<uint16_t>(4000 + rt.current);
  d.soc = rt.soc;
  d.remaining_minutes = rt.remaining_minutes;
  d.pile_voltage = rt.voltage;
  d.pile_current = static_cast<uint16_t>(4000 + rt.current);
  d.charge_minutes = rt.charge_minutes;
  return d;
}

void Pile::start_charging(Gun& g, const Serial& serial, uint8_t start_type, const PhysicalCard& card,
                          const Vin& vin, const char* via, json::object extra) {
  const auto now = Clock::now();
  g.charging = true;
  g.balance_cap = -1;
  g.plugged = true;
  g.serial = serial;
  g.start_type = start_type;
  g.card = card;
  g.vin = vin;
  g.start_ms = pile_now_ms();
  g.started = now;
  g.model = model_;
  g.stop_at = o_.charge_duration_s > 0 ? now + secs(o_.charge_duration_s) : Clock::time_point::max();
  sh_.stats.starts.fetch_add(1, std::memory_order_relaxed);
  log("gun %u charging, serial %s (%s)", static_cast<unsigned>(g.no), serial.str().c_str(), via);
  start_event(g, via, serial, "ok", -1, std::move(extra));
  if (!o_.ac) {  // DC: BMS handshake and parameters once (GB/T 27930 data as the pile relays it)
    BmsHandshake h;
    h.serial = serial;
    h.pile_code = code_;
    h.gun = gun_to_bcd(g.no);
    h.bms_version = {0x01, 0x01, 0x00};
    h.battery_type = 0x03;  // LFP
    h.rated_capacity = 1500;
    h.rated_voltage = 4000;
    h.vin = vin.is_zero() ? Vin::from(o_.vin) : vin;
    send(h);
    BmsParameters p;
    p.serial = serial;
    p.pile_code = code_;
    p.gun = gun_to_bcd(g.no);
    p.max_cell_voltage = 365;
    p.max_charge_current = 4000 + 2500;
    p.nominal_energy = 600;
    p.max_total_voltage = 5500;
    p.max_temp = 60 + kTempOffset;
    p.soc = 200;
    p.battery_voltage = 4800;
    p.pile_max_voltage = 7500;
    p.pile_min_voltage = 2000;
    p.pile_max_current = 4000 + 2500;
    p.pile_min_current = 4000;
    send(p);
  }
  send_realtime(g, now);
  wake();
}

void Pile::record_event(const PendingRecord& p, bool confirmed, const char* result) {
  if (!o_.events) return;
  auto ev = event("record");
  const auto& r = p.rec;
  ev["gun"] = gun_from_bcd(r.gun).value_or(0);
  ev["serial"] = r.serial.str();
  json::array tiers;
  for (size_t i = 0; i < 4; ++i)
    tiers.push_back(json::object{{"tier", tier_key(i)},
                                 {"unitPrice", r.tiers[i].unit_price},
                                 {"energy", r.tiers[i].energy},
                                 {"amount", r.tiers[i].amount}});
  ev["tiers"] = std::move(tiers);
  ev["totalEnergy"] = r.total_energy;
  ev["totalAmount"] = r.total_amount;
  ev["meterStart"] = r.meter_start;
  ev["meterStop"] = r.meter_stop;
  ev["startType"] = r.start_type;
  ev["stopReason"] = hex_byte(r.stop_reason);
  ev["start"] = r.start_time.to_string();
  ev["end"] = r.end_time.to_string();
  ev["copy"] = p.copy;
  ev["attempt"] = p.attempts;
  ev["confirmed"] = confirmed;
  if (result) ev["result"] = result;
  sh_.emit(std::move(ev));
}

}  // namespace zc::sim::ykcsim
