#include "devices/ykc/server/session_impl.hpp"

#include <algorithm>

namespace zc::devices::ykc {

// ---- real-time data: the hot path (no database, no blocking) ------------------------------------------

void Session::on_realtime(const y::Frame& f, y::RealtimeData&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  if (!g) return;
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  const char* state = y::gun_state(m.status, m.plugged);
  set_gun_state(n, *g, state, m.faults ? fmt::format("ykc:0x{:04X}", m.faults) : "");
  bool has_serial = !m.serial.is_zero();
  if (m.status == y::RealtimeData::kCharging && has_serial && (!g->idle.active() || g->serial != m.serial)) {
    // a session the platform did not start on this connection (reconnect, pile-local start)
    g->serial = m.serial;
    g->tx_id = 0;
    g->idle.begin();
    auto* dir = &core_.deps.directory;
    blocking(
        [dir, id = pile_id_, serial = m.serial.str()] {
          return dir->transaction_of_serial(DeviceKind::car_pile, id, serial);
        },
        [this, n, s = m.serial](std::optional<int64_t> tx) {
          if (tx) attach_tx(n, s, *tx);
        },
        false);
  }
  if (g->idle.observe(m.status)) {
    std::string serial = g->serial.str();
    spdlog::warn("ykc: {} gun {} reported idle twice during session {}: flagged abnormal (§8.5)", code_str_,
                 n, serial);
    auto* charging = &core_.deps.charging;
    DeviceRef ref = ref_;
    background(
        [charging, ref, n, serial] { charging->flag_transaction(ref, n, serial, y::kTwoIdleReports); });
  }
  int64_t now = now_ms();
  LatestMeter lm;
  lm.time = now;
  // Only a report of the gun's session carries its energy. The idle report a pile sends as the session
  // ends has a zero serial and zero energy: it must not wipe the session's last reading, which an admin's
  // end settles by while the 0x3B record is still on its way.
  bool of_session = has_serial && m.serial == g->serial;
  bool session_figures = of_session || !g->tx_id;  // no session to keep: the report's figures stand
  if (g->tx_id && of_session) lm.transaction_id = g->tx_id;
  if (session_figures) lm.energy = static_cast<int64_t>(m.energy);
  lm.voltage_v = m.voltage / 10.0;
  lm.current_a = m.current / 10.0;
  lm.power_w = lm.voltage_v.value() * lm.current_a.value();
  if (m.soc > 0 || m.status == y::RealtimeData::kCharging) lm.soc = m.soc;
  if (session_figures) lm.amount = static_cast<int64_t>(m.amount);
  lm.state = state;
  lm.abnormal = g->idle.flagged();
  core_.deps.meters.update(key_, n, lm);
  if (g->tx_id && of_session) core_.deps.state.meter(g->tx_id, m.energy, now);
  if (Pending* p = cmds_.inflight(); p && p->expect == y::RealtimeData::kType && --p->remaining <= 0)
    complete(CommandReply::accepted(fmt::format("gun {} {}", n, state)));
}

// ---- charging: pile-initiated start, remote start/stop, records ----------------------------------------

void Session::start_session_tx(unsigned gun, const y::Serial& serial, const std::string& id_tag,
                               const char* method, const std::string& vin, const std::string& card) {
  Gun& g = guns_[gun - 1];
  g.serial = serial;
  g.tx_id = 0;
  g.idle.begin();
  charging::TxStart t;
  t.device = ref_;
  t.connector = gun;
  t.id_tag = id_tag;
  t.timestamp_ms = now_ms();
  t.device_serial = serial.str();
  t.start_method = method;
  t.vin = vin;
  t.card = card;
  auto* charging = &core_.deps.charging;
  blocking([charging, t] { return charging->start_transaction(t).transaction_id; },
           [this, gun, serial](int64_t tx) { attach_tx(gun, serial, tx); }, false);
}

// The transaction id arrives from a background job: a real-time report (0x13) of the session may have come
// first (a pile reports right after the start). Its sample is given the id now — else the order's live
// values would wait for the next report, 15 s later.
void Session::attach_tx(unsigned gun, const y::Serial& serial, int64_t tx) {
  Gun& g = guns_[gun - 1];
  if (g.serial != serial || tx <= 0) return;
  g.tx_id = tx;
  auto m = core_.deps.meters.latest(key_, gun);
  if (!m || m->transaction_id || !m->state || std::string_view(m->state) != "charging") return;
  m->transaction_id = tx;
  core_.deps.meters.update(key_, gun, *m);
  if (m->energy) core_.deps.state.meter(tx, *m->energy, m->time);
}

void Session::on_start_request(const y::Frame& f, y::StartRequest&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  y::Sequence seq = f.seq();
  if (!g) {
    y::StartRequestReply r{{}, code_, m.gun, {}, 0, y::StartRequestReply::kFail, 0x05};
    return write_bytes(y::encode_frame(r, seq, out_order()));
  }
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  bool by_vin = m.start_mode == y::StartRequest::kVin;
  std::string card = y::to_hex(m.account);
  card.erase(std::remove(card.begin(), card.end(), ' '), card.end());
  std::string vin = m.vin.str();
  std::string tag = by_vin ? "vin:" + vin : "card:" + card;
  if (m.start_mode == y::StartRequest::kAccount) {
    y::StartRequestReply r{{}, code_, m.gun, {}, 0, y::StartRequestReply::kFail, 0x01};
    spdlog::info("ykc: {} gun {} start by account: not supported, refused", code_str_, n);
    return write_bytes(y::encode_frame(r, seq, out_order()));
  }
  y::Serial serial = y::make_serial(code_, n, now_ms(), *tz_, serial_counter_++);
  auto* charging = &core_.deps.charging;
  DeviceRef ref = ref_;
  blocking([charging, ref, tag] { return charging->authorize(ref, tag); },
           [this, m, seq, n, serial, tag, by_vin, vin, card](charging::IdTagResult r) {
             bool ok = r.status == "Accepted";
             y::StartRequestReply out;
             out.serial = serial;
             out.pile_code = code_;
             out.gun = m.gun;
             if (!by_vin) {
               auto lc = y::LogicalCard::parse(card);
               if (lc) out.logical_card = *lc;
             }
             // a card's balance (0.01 yuan = fen); an accepted idTag that is no card's (VIN, accept-any)
             // is not limited by the pile
             int64_t balance = r.balance.value_or(ok ? 100000000 : 0);
             out.balance = static_cast<uint32_t>(std::clamp<int64_t>(balance, 0, UINT32_MAX));
             out.authorized = ok ? y::StartRequestReply::kSuccess : y::StartRequestReply::kFail;
             out.reason = ok ? 0 : by_vin ? 0x09 : y::card_refusal_code(r.refusal);
             spdlog::info("ykc: {} gun {} start by {}: {} {} (balance {})", code_str_, n, tag, r.status,
                          r.refusal, out.balance);
             write_bytes(y::encode_frame(out, seq, out_order()));
             if (ok)
               start_session_tx(n, serial, tag, by_vin ? "vin" : "card", by_vin ? vin : "",
                                by_vin ? "" : card);
           });
}

void Session::on_remote_start_reply(const y::Frame& f, y::RemoteStartReply&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  if (!g) return;
  unsigned n = static_cast<unsigned>(g - guns_.data()) + 1;
  const Pending* p = cmds_.inflight();
  bool ours = p && p->expect == y::RemoteStartReply::kType && p->serial == m.serial;
  bool ok = m.result == y::RemoteStartReply::kSuccess;
  if (ours) {
    std::string tag = p->id_tag;
    if (ok) {
      start_session_tx(n, m.serial, tag, "app", "", "");
      complete(CommandReply::accepted("serial=" + m.serial.str()));
    } else if (m.reason == y::RemoteStartReply::kNotPlugged) {
      g->pending = m.serial;
      g->pending_tag = tag;
      g->pending_until = steady_ms() + kPlugWindowMs;
    }
    if (!ok) complete(remote_start_refusal(m));
    return;
  }
  // the second 0x33 of §6.11 (plugged within 60 s) or a late answer
  if (ok && !g->pending.is_zero() && g->pending == m.serial) {
    if (steady_ms() > g->pending_until)
      spdlog::warn("ykc: {} gun {} confirmed start {} after the 60 s window: recorded anyway", code_str_, n,
                   m.serial.str());
    else
      spdlog::info("ykc: {} gun {} plugged in: session {} started", code_str_, n, m.serial.str());
    std::string tag = g->pending_tag;
    g->pending = {};
    start_session_tx(n, m.serial, tag, "app", "", "");
    return;
  }
  spdlog::info("ykc: {} gun {} sent an unexpected 0x33 (serial {}, result {})", code_str_, n, m.serial.str(),
               m.result);
}

void Session::on_remote_stop_reply(const y::Frame& f, y::RemoteStopReply&& m) {
  log_in_frame(f);
  Gun* g = gun_at(m.gun);
  const Pending* p = cmds_.inflight();
  bool ours = p && p->expect == y::RemoteStopReply::kType && p->gun == m.gun;
  if (m.result == y::RemoteStopReply::kSuccess && g)
    g->idle.end();  // stopping: idle reports are expected now
  if (!ours) return;
  complete(remote_stop_reply(m));
}

void Session::on_record(const y::Frame& f, y::TransactionRecord&& m) {
  log_in_frame(f);
  // Whether the record can belong to this pile and gun (docs/ykc.md "Transaction records"): it is stored
  // in any case, flagged with the reason; one that cannot belong here is answered 0x40 "illegal".
  auto gun = y::gun_from_bcd(m.gun);
  Gun* g = gun && *gun >= 1 && *gun <= guns_.size() ? &guns_[*gun - 1] : nullptr;
  bool of_session = g && g->serial == m.serial;
  y::RecordReview review = y::review_record(m, code_, guns_.size(), of_session && g->idle.flagged());
  unsigned n = g ? static_cast<unsigned>(*gun) : 0;
  static const char* tier_names[] = {"sharp", "peak", "flat", "valley", "tier5"};
  charging::TxRecord r;
  r.device = ref_;
  r.connector = review.connector;
  r.flags = std::move(review.flags);
  r.illegal = review.illegal;
  r.device_serial = m.serial.str();
  r.start_method = y::start_method_text(m.start_type);
  r.vin = m.vin.str();
  if (std::any_of(m.physical_card.begin(), m.physical_card.end(), [](uint8_t b) { return b != 0; })) {
    r.card = y::to_hex(m.physical_card);
    r.card.erase(std::remove(r.card.begin(), r.card.end(), ' '), r.card.end());
  }
  int64_t now = now_ms();
  auto start = y::cp56_to_epoch_ms(m.start_time, *tz_);
  auto stop = y::cp56_to_epoch_ms(m.end_time, *tz_);
  if (!start || !stop)
    spdlog::warn("ykc: {} record {}: bad time ({}), using the receive time", code_str_, r.device_serial,
                 !start ? start.error().to_string() : stop.error().to_string());
  r.stop_ms = stop ? *stop : now;
  r.start_ms = start ? *start : r.stop_ms;
  r.meter_start = static_cast<int64_t>(m.meter_start);
  r.meter_stop = static_cast<int64_t>(m.meter_stop);
  r.energy = m.total_energy;
  r.amount = m.total_amount;
  for (size_t i = 0; i < m.tier_count && i < m.tiers.size(); ++i)
    r.tiers.push_back({tier_names[i], m.tiers[i].unit_price, m.tiers[i].energy, m.tiers[i].amount});
  r.stop_code = m.stop_reason;
  r.stop_reason = y::stop_reason_text(m.stop_reason);
  if (of_session) g->idle.end();
  auto* charging = &core_.deps.charging;
  y::Sequence seq = f.seq();
  std::vector<uint8_t> raw(f.raw.begin(), f.raw.end());
  // 0x40 only once the record is stored (or was): a failure leaves it unanswered — the pile sends it
  // again — and is logged with the frame's bytes, in the server log and in the pile's message log.
  blocking(
      [charging, r]() -> std::variant<charging::TxRecordResult, std::string> {
        try {
          return charging->transaction_record(r);
        } catch (const std::exception& e) {
          return std::string(e.what());
        }
      },
      [this, seq, serial = m.serial, n,
       raw = std::move(raw)](std::variant<charging::TxRecordResult, std::string> out) {
        if (auto* err = std::get_if<std::string>(&out)) {
          spdlog::error("ykc: {} record {} NOT stored ({}), not acknowledged (the pile resends it): {}",
                        code_str_, serial.str(), *err, y::to_hex(raw));
          if (core_.log_frames)
            core_.deps.messages.add_ykc_invalid(key_, now_ms(), "record_not_stored", *err, raw);
          return;
        }
        auto& res = std::get<charging::TxRecordResult>(out);
        spdlog::info("ykc: {} record {} gun {}: {} (transaction {})", code_str_, serial.str(), n, res.message,
                     res.transaction_id);
        y::TransactionRecordAck ack{
            serial, res.accepted ? y::TransactionRecordAck::kAccepted : y::TransactionRecordAck::kIllegal};
        write_bytes(y::encode_frame(ack, seq, out_order()));
        if (n) {
          Gun& g2 = guns_[n - 1];
          if (g2.serial == serial) g2.serial = {}, g2.tx_id = 0;
        }
      });
}

}  // namespace zc::devices::ykc
