#include "service/order/bike_orders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money_text.hpp"
#include "domain/order/bike_order_state.hpp"
#include "storage/repositories/bike_tariff.hpp"

namespace zc::order {

namespace json = boost::json;
using db::Connection;
using db::bikeorder::BikeOrder;
using db::bikeorder::BikeOrderRepo;
using BS = BikeOrderState;
using E = BikeOrderEvent;

namespace {

// The device's StopTransaction reason, as the order's end reason.
std::string device_reason(const std::string& r) {
  if (r == "EVDisconnected" || r.empty()) return "充电器已拔出，充电结束";
  if (r == "Local") return "设备端结束充电";
  if (r == "Remote") return "平台停止充电";
  if (r == "PowerLoss") return "设备断电，充电结束";
  if (r == "HardReset" || r == "SoftReset" || r == "Reboot") return "设备重启，充电结束";
  return "设备结束充电（" + r + "）";
}

json::object bill_json(const tariff::BikeBill& b) {
  json::object o;
  o["mode"] = std::string(1, tariff::bike_mode_code(b.mode));
  o["durationS"] = b.duration_s;
  o["billedS"] = b.billed_s;
  o["units"] = b.units;
  o["powerW"] = b.power_w;
  if (b.band) o["band"] = tariff::format_band(*b.band);
  o["energy"] = b.energy;
  o["energyFeeMilli"] = b.energy_fee_milli;
  o["serviceFeeMilli"] = b.service_fee_milli;
  o["gross"] = b.gross;
  o["energyFee"] = b.energy_fee;
  o["serviceFee"] = b.service_fee;
  o["total"] = b.total;
  o["free"] = b.free;
  o["maxDurationReached"] = b.max_duration_reached;
  o["cap"] = b.cap == tariff::BikeCap::none               ? "none"
             : b.cap == tariff::BikeCap::auto_stop_amount ? "autoStopAmount"
                                                          : "prepaid";
  return o;
}

}  // namespace

BikeOrders::BikeOrders(db::Database& db, devices::DeviceGateway& gateway, devices::MeterStore& meters,
                       payment::PaymentService& payments, charging::ChargingService& recording,
                       BikeOrderSettings s)
    : OrderFlow(db, gateway, meters, payments, recording,
                // in the payment's notification: the start command itself is sent asynchronously
                {s.sweep_ms, s.command_timeout_ms, s.start_timeout_s, s.suspend_timeout_s, 1, false,
                 s.card_min_balance}),
      bs_(s) {}

// ---- start request → payment → order -------------------------------------------------------------------

db::bikeorder::SocketTarget BikeOrders::checked_socket(const BikeOrderRequest& in, bool paying) {
  const char* field = in.socket_id ? "socketId" : "socketCode";
  if (!in.socket_id && in.socket_code.empty()) fail_bad_request("socketId: 请扫描或输入插座编号");
  return db_.read([&](Connection& c) {
    BikeOrderRepo repo(c);
    auto t = in.socket_id ? repo.target_by_id(*in.socket_id) : repo.target_by_code(in.socket_code);
    if (!t) fail_not_found(std::string(field) + ": 插座不存在");
    if (t->station_status != 0) fail_conflict("电站已停用，不能充电");
    if (t->area_status != 0) fail_conflict("区域已停用，不能充电");
    if (t->device_status != 0) fail_conflict("设备已停用，不能充电");
    if (t->socket_status != 0) fail_conflict("插座已停用，不能充电");
    if (!gateway_.is_online({devices::DeviceKind::bike_device, t->device_id, t->device_code}))
      fail_conflict("设备离线，暂不能充电");
    if (t->socket_state == "fault") fail_conflict("插座故障，不能充电");
    if (t->socket_state == "charging" || repo.running_on_target(t->socket_id))
      fail_conflict("插座正在使用中");
    if (paying && !payments_.merchant_of(c, db::station::StationType::bike, t->station_id))
      fail_conflict("该电站未配置支付，不能在线支付：" + t->station_name);
    return *t;
  });
}

CardStart BikeOrders::start_by_card(const BikeOrderRequest& in, int64_t card_id) {
  return start_with_card(in.user_id, card_id, checked_socket(in, false));
}

StartOffer BikeOrders::request_start(const BikeOrderRequest& in) {
  if (in.amount <= 0) fail_bad_request("amount: 请选择预付金额");
  db::bikeorder::SocketTarget target = checked_socket(in, true);
  int64_t tariff_id = 0;
  db_.read([&](Connection& c) {
    auto tid = BikeOrderRepo(c).tariff_in_force(target.area_id);
    if (!tid) fail_conflict("该区域没有启用的计费规则，不能充电");
    tariff_id = *tid;
    auto tariff = db::bike::TariffRepo(c).find(*tid);
    const auto& values = tariff->def.prepay_values;
    if (std::find(values.begin(), values.end(), in.amount) == values.end()) {
      std::string list;
      for (auto v : values) list += (list.empty() ? "" : "、") + money::yuan_text(v);
      fail_bad_request("amount: 预付金额须为计费规则的预付值之一" +
                       (list.empty() ? "（未设置预付值）" : "：" + list));
    }
  });
  return life_.request_start(
      {target.station_id, in.amount, in.user_id, in.phone, "单车充电预付 插座" + target.socket_code,
       target.socket_code},
      [&](Connection& c, int64_t pay_order_id) {
        BikeOrderRepo(c).insert_request(
            {pay_order_id, target.socket_id, target.device_id, tariff_id, in.user_id, now_ms()});
      });
}

void BikeOrders::fill_target(const db::bikeorder::SocketTarget& t, Order& o) {
  o.provider_id = t.provider_id;
  o.property_id = t.property_id;
  o.station_id = t.station_id;
  o.area_id = t.area_id;
  o.device_id = t.device_id;
  o.device_code = t.device_code;
  o.socket_id = t.socket_id;
  o.socket_no = t.socket_no;
}

std::optional<std::string> BikeOrders::card_target(const db::bikeorder::SocketTarget& t, Order& o) {
  fill_target(t, o);
  o.tariff_id = db_.read([&](Connection& c) { return BikeOrderRepo(c).tariff_in_force(t.area_id); });
  if (!o.tariff_id) return "该区域没有启用的计费规则，不能充电";
  return std::nullopt;
}

std::optional<std::string> BikeOrders::card_order(const db::bikeorder::SocketTarget& t,
                                                  const charging::TxStart& s, int64_t tx_id, Order& o) {
  if (auto problem = card_target(t, o)) return problem;
  int64_t now = now_ms();
  o.state = BS::charging;
  o.device_txn_no = BikeKind::session_ref(s, tx_id);
  o.start_at = std::llabs(s.timestamp_ms - now) <= 5 * 60 * 1000 ? s.timestamp_ms : now;
  o.meter_start = s.meter_start_wh * 10;
  return std::nullopt;
}

void BikeOrders::card_cap(Order& o) {
  auto t = db_.read([&](Connection& c) { return db::bike::TariffRepo(c).find(*o.tariff_id); });
  if (t) o.prepaid_duration_s = tariff::bike_prepaid_duration(t->def, o.prepaid).duration_s;
}

std::optional<std::string> BikeOrders::prepare(const db::payment::PayOrder& p,
                                               const db::bikeorder::StartRequest& req,
                                               const db::bikeorder::SocketTarget& t, const std::string& late,
                                               Order& o) {
  auto tariff = db_.read([&](Connection& c) { return db::bike::TariffRepo(c).find(req.tariff_id); });
  if (!tariff) return std::nullopt;
  fill_target(t, o);
  o.user_id = req.user_id;
  o.phone = p.phone;
  o.tariff_id = req.tariff_id;
  o.pay_order_id = p.id;
  o.prepaid = p.amount;
  o.prepaid_duration_s = tariff::bike_prepaid_duration(tariff->def, p.amount).duration_s;
  o.created_at = now_ms();
  return late;  // recovered late: never started whatever the socket's state
}

void BikeOrders::mark_not_started(Order& o, const std::string& why) {
  o.state = *next_state(o.state, E::start_failed);
  o.end_reason = why;
  o.end_at = o.created_at;
}

void BikeOrders::on_start_answer(const BikeOrder& o, const devices::CommandReply& reply) {
  if (reply.result == devices::CommandResult::accepted) return;  // StartTransaction follows (or the timeout)
  std::string why = reply.result == devices::CommandResult::rejected  ? "设备拒绝启动"
                    : reply.result == devices::CommandResult::offline ? "设备离线"
                                                                      : "设备未应答启动指令";
  fail_start(o, E::start_failed, "启动失败：" + why);
}

// ---- billing and settlement ----------------------------------------------------------------------------

std::optional<tariff::BikeTariff> BikeOrders::tariff_of(const BikeOrder& o) {
  if (!o.tariff_id) return std::nullopt;
  {
    std::lock_guard lk(live_mu_);
    if (auto it = live_.find(o.id); it != live_.end() && it->second.tariff) return it->second.tariff;
  }
  auto t = db_.read([&](Connection& c) { return db::bike::TariffRepo(c).find(*o.tariff_id); });
  if (!t) return std::nullopt;
  std::lock_guard lk(live_mu_);
  if (auto it = live_.find(o.id); it != live_.end())
    it->second.tariff = t->def;  // running: kept for the sweeper
  return t->def;
}

tariff::BikeBill BikeOrders::bill(const tariff::BikeTariff& t, const BikeOrder& o, const Usage& u) {
  tariff::BikeSession session;
  session.duration_s = u.duration_s;
  session.prepaid = o.prepaid;
  {
    std::lock_guard lk(live_mu_);
    if (auto it = live_.find(o.id); it != live_.end()) session.samples = it->second.samples;
  }
  tariff::BikeSample last;
  last.at_s = u.duration_s;
  last.energy = u.energy;
  if (session.samples.empty() && u.power_w > 0) {  // no history (e.g. after a restart): the last power
    session.samples.push_back({0, static_cast<int32_t>(u.power_w), 0});
  }
  session.samples.push_back(last);
  return tariff::bill_bike_session(t, session);
}

std::optional<EndResult> BikeOrders::settle(const BikeOrder& o, const Usage& u, const std::string& reason) {
  auto t = tariff_of(o);
  db::bikeorder::Finish f;
  f.end_reason = reason;
  f.duration_s = u.duration_s;
  f.energy = u.energy;
  f.power_w = u.power_w;
  f.end_at = now_ms();
  if (t) {
    tariff::BikeBill b = bill(*t, o, u);
    f.energy_fee = b.energy_fee;
    f.service_fee = b.service_fee;
    f.charged = b.total;
    f.power_w = b.power_w > 0 ? b.power_w : u.power_w;
    f.billing_detail = json::serialize(bill_json(b));
  } else {
    spdlog::error("bike order {}: its tariff is gone, settled at 0", o.order_no);
  }
  // The order may have moved on since it was read (suspended ↔ charging): retried from its state now,
  // until it is finished — by this call or by another path (then nullopt: settled once).
  auto s = finish(o, E::session_ended, f.charged, f, 3);
  if (!s) return std::nullopt;
  {
    std::lock_guard lk(live_mu_);
    live_.erase(o.id);
  }
  int64_t charged = o.pay_order_id ? s->settlement.charged : 0;
  int64_t refunded = o.pay_order_id ? s->settlement.refund : 0;
  spdlog::info("bike order {} finished: {} s, {} (0.0001 kWh), charged {} fen, returned {} fen — {}",
               o.order_no, f.duration_s, f.energy, charged, refunded, reason);
  return EndResult{state_name(BS::finished), charged, refunded, reason};
}

std::optional<devices::LatestMeter> BikeOrders::meter_of(const BikeOrder& o) {
  auto m = meters_.latest({devices::DeviceKind::bike_device, o.device_id}, o.socket_no);
  if (!m || !o.device_txn_no || !m->transaction_id || std::to_string(*m->transaction_id) != *o.device_txn_no)
    return std::nullopt;
  return m;
}

BikeOrders::Usage BikeOrders::usage_now(const BikeOrder& o, int64_t now) {
  Usage u;
  u.duration_s = o.start_at ? std::max<int64_t>(0, (now - *o.start_at) / 1000) : 0;
  u.energy = o.energy;
  u.power_w = o.power_w;
  u.last_report_at = o.last_report_at;
  if (auto m = meter_of(o)) {
    if (m->energy) u.energy = std::max<int64_t>(0, *m->energy - o.meter_start);
    if (m->power_w) u.power_w = std::llround(*m->power_w);
    u.last_report_at = m->time;
  }
  return u;
}

// ---- the sweeper -----------------------------------------------------------------------------------------

void BikeOrders::before_sweep(const std::vector<BikeOrder>& open) {
  std::lock_guard lk(live_mu_);
  std::erase_if(live_, [&](const auto& kv) {
    return std::none_of(open.begin(), open.end(), [&](const BikeOrder& o) { return o.id == kv.first; });
  });
}

std::string BikeOrders::start_timeout_reason() const {
  return "启动超时：设备未在" + std::to_string(bs_.start_timeout_s) + "秒内开始充电";
}

void BikeOrders::sweep_one(const BikeOrder& o, int64_t now, std::vector<db::bikeorder::Progress>& progress) {
  if (awaiting_start(o, now)) return;
  bool online = gateway_.is_online(BikeKind::device_of(o));
  follow_connection(o, now, online, true);  // the device names the session in every report

  // What the device reported since the last tick.
  auto t = tariff_of(o);
  auto m = meter_of(o);
  bool full = false, ever_powered = false;
  {
    std::lock_guard lk(live_mu_);
    auto [it, fresh] =
        live_.try_emplace(o.id, Live{{}, 0, FullDetector(bs_.full_power_w, bs_.full_hold_s), std::nullopt});
    Live& l = it->second;
    if (fresh) l.full.start(*o.start_at);  // the hold counts from the start
    if (m && m->time > l.last_sample_ms && l.samples.size() < 20000) {
      l.last_sample_ms = m->time;
      tariff::BikeSample smp;
      smp.at_s = std::max<int64_t>(0, (m->time - *o.start_at) / 1000);
      if (m->power_w)
        smp.power_w = static_cast<int32_t>(std::clamp(std::llround(*m->power_w), 0LL, 100000LL));
      if (m->energy) smp.energy = std::max<int64_t>(0, *m->energy - o.meter_start);
      l.samples.push_back(smp);
      if (m->power_w) l.full.report(m->time, *m->power_w);
    }
    full = l.full.full(now);
    ever_powered = l.full.ever_powered();
  }
  Usage u = usage_now(o, now);
  int64_t reported_s = u.last_report_at ? std::max<int64_t>(0, (*u.last_report_at - *o.start_at) / 1000) : 0;
  std::optional<tariff::BikeBill> b;
  int64_t prepaid_duration = o.prepaid_duration_s;
  if (t) {
    b = bill(*t, o, u);
    // What the prepayment buys now (a card session's cap follows a top-up, in every mode); the
    // power-priced modes at the power the session really draws once it is known.
    std::optional<int32_t> power;
    if (b->power_w > 0 && (tariff::bike_mode_uses_bands(t->mode) || tariff::bike_mode_uses_energy(t->mode)))
      power = b->power_w;
    prepaid_duration = tariff::bike_prepaid_duration(*t, o.prepaid, power).duration_s;
  }
  if (reported_s != o.duration_s || u.energy != o.energy || u.power_w != o.power_w ||
      prepaid_duration != o.prepaid_duration_s) {
    progress.push_back(
        {o.id, reported_s, u.energy, u.power_w, u.last_report_at.value_or(now), prepaid_duration});
  }

  Usage last_reported = u;
  last_reported.duration_s = reported_s;
  if (o.stop_requested_at) {
    if (now - *o.stop_requested_at >= bs_.stop_timeout_s * 1000)
      settle(o, last_reported, o.end_reason + "（设备未确认停止，按最后上报结算）");
    return;
  }
  AutoStopInput in;
  in.elapsed_s = u.duration_s;
  in.prepaid_duration_s = prepaid_duration;
  in.prepaid = o.prepaid;
  in.tariff = t ? &*t : nullptr;
  in.bill = b ? &*b : nullptr;
  in.full = full && online;
  in.ever_powered = ever_powered;
  std::string reason = auto_stop_reason(in);
  if (reason.empty()) return;
  if (!online) {  // suspended and its time is up: the device cannot be told, the last report is billed
    if (o.state == BS::suspended) settle(o, last_reported, reason + "（设备离线，按最后上报结算）");
    return;
  }
  if (db_.write([&](Connection& c) { return BikeOrderRepo(c).request_stop(o.id, reason, now); })) {
    spdlog::info("bike order {}: {}", o.order_no, reason);
    send_stop(o);
  }
}

std::optional<devices::DeviceCommand> BikeOrders::stop_command(const BikeOrder& o) const {
  if (!o.device_txn_no) return std::nullopt;
  devices::RemoteStop cmd;
  int64_t txn = 0;  // OCPP transaction ids are integers; another text is refused as invalid_argument
  if (auto [end, ec] =
          std::from_chars(o.device_txn_no->data(), o.device_txn_no->data() + o.device_txn_no->size(), txn);
      ec == std::errc() && end == o.device_txn_no->data() + o.device_txn_no->size())
    cmd.transaction_id = txn;
  return cmd;
}

void BikeOrders::on_stop_answer(const BikeOrder& o, const devices::CommandReply& reply) const {
  if (reply.result != devices::CommandResult::accepted)
    spdlog::warn("bike order {}: stop command {} {} (settled by the last report after {} s)", o.order_no,
                 devices::reason_code(reply), reply.detail, bs_.stop_timeout_s);
}

// ---- device events (ChargingService for e-bike devices) -----------------------------------------------

charging::TxStartResult BikeOrders::start_transaction(const charging::TxStart& t) {
  auto r = recording_.start_transaction(t);
  auto o = order_of_tag(t.id_tag);
  if (!o)
    if (auto card = start_card_session(t, r)) return *card;
  if (!o || o->device_id != t.device.id) return r;
  std::string txn = std::to_string(r.transaction_id);
  if (o->device_txn_no == txn) {  // the same StartTransaction again
    r.id_tag = {"Accepted", {}};
    return r;
  }
  int64_t now = now_ms();
  // The device's clock stamps the start (the stop is stamped by the same clock); far off → ours.
  int64_t start_at = std::llabs(t.timestamp_ms - now) <= 5 * 60 * 1000 ? t.timestamp_ms : now;
  bool ok = o->socket_no == t.connector && db_.write([&](Connection& c) {
    return BikeOrderRepo(c).confirm_start(o->id, BS::charging, txn, start_at, t.meter_start_wh * 10, now);
  });
  if (!ok) {
    spdlog::warn("bike order {}: StartTransaction on socket {} refused (order {}, socket {})", o->order_no,
                 t.connector, to_string(o->state), o->socket_no);
    r.id_tag = {"Invalid", {}};
    return r;
  }
  {
    std::lock_guard lk(live_mu_);
    live_.erase(o->id);
  }
  spdlog::info("bike order {}: charging (transaction {})", o->order_no, txn);
  r.id_tag = {"Accepted", {}};
  return r;
}

std::optional<charging::IdTagResult> BikeOrders::stop_transaction(const charging::TxStop& t) {
  auto res = recording_.stop_transaction(t);
  auto o = db_.read([&](Connection& c) {
    return BikeOrderRepo(c).find_by_txn(t.device.id, std::to_string(t.transaction_id));
  });
  if (!o || is_final(o->state) || !o->start_at) return res;  // unknown, or settled before: applied once
  Usage u;
  u.duration_s = std::max<int64_t>(0, (t.timestamp_ms - *o->start_at) / 1000);
  // meterStop is whole Wh; the MeterValues read finer (0.1 Wh): the larger of the two is what was drawn.
  u.energy = std::max<int64_t>({0, t.meter_stop_wh * 10 - o->meter_start, usage_now(*o, now_ms()).energy});
  u.power_w = o->power_w;
  std::string reason =
      o->stop_requested_at && !o->end_reason.empty() ? o->end_reason : device_reason(t.reason);
  settle(*o, u, reason);
  if (res && t.id_tag && *t.id_tag == o->order_no) res = charging::IdTagResult{"Accepted", {}};
  return res;
}

// ---- driver and admin actions ---------------------------------------------------------------------------

BikeOrderView BikeOrders::view_of(const BikeOrder& o, bool live) {
  BikeOrderView v;
  v.order = o;
  v.phase = o.state != BS::charging ? state_name(o.state)
            : !BikeKind::started(o) ? "starting"
            : o.stop_requested_at   ? "stopping"
                                    : "charging";
  v.duration_s = o.duration_s;
  v.energy = o.energy;
  v.power_w = o.power_w;
  v.cost_so_far = o.charged;
  bool running = o.state == BS::charging || o.state == BS::suspended;
  if (!live || !running || !BikeKind::started(o)) return v;
  v.live = true;
  Usage u = usage_now(o, now_ms());
  v.duration_s = u.duration_s;
  v.energy = u.energy;
  v.power_w = u.power_w;
  std::optional<int64_t> powered_at = u.power_w > 0 ? std::optional<int64_t>(0) : std::nullopt;
  {
    std::lock_guard lk(live_mu_);  // the first report of drawn power (none here after a restart)
    if (auto it = live_.find(o.id); it != live_.end())
      for (const auto& smp : it->second.samples)
        if (smp.power_w.value_or(0) > 0 || smp.energy.value_or(0) > 0) {
          powered_at = smp.at_s;
          break;
        }
  }
  auto t = tariff_of(o);
  auto rest =
      remaining_time(t ? t->mode : tariff::BikeMode::A, u.duration_s, o.prepaid_duration_s, powered_at);
  v.remaining_s = rest.seconds;
  v.remaining_measuring = rest.measuring;
  if (t) v.cost_so_far = bill(*t, o, u).total;
  return v;
}

BikeOrderView BikeOrders::stop_by_driver(int64_t user_id, const std::string& order_no) {
  const BikeOrder o = own(user_id, order_no);
  if (!is_open(o.state))
    fail_conflict("订单已" + std::string(is_final(o.state) ? "结束" : "异常结束") + "，无需停止");
  int64_t now = now_ms();
  if (!BikeKind::started(o)) {  // the device has not started yet: cancelled, nothing charged
    settle(o, Usage{}, "用户在设备启动前取消");
  } else if (o.stop_requested_at) {
    // already stopping: the device's StopTransaction (or the stop timeout) settles it
  } else if (!gateway_.is_online(BikeKind::device_of(o))) {
    Usage u = usage_now(o, now);
    u.duration_s = o.duration_s;
    settle(o, u, "用户结束充电（设备离线，按最后上报结算）");
  } else if (db_.write(
                 [&](Connection& c) { return BikeOrderRepo(c).request_stop(o.id, "用户结束充电", now); })) {
    send_stop(o);
  }
  return view_of(*find(o.id), true);
}

int64_t BikeOrders::cost_now(const BikeOrder& o) {
  auto t = BikeKind::started(o) ? tariff_of(o) : std::nullopt;
  return t ? bill(*t, o, usage_now(o, now_ms())).total : o.charged;
}

EndResult BikeOrders::end_order(const BikeOrder& o, const EndRequest& r) {
  if (r.duration_s && (*r.duration_s < 0 || *r.duration_s > int64_t{tariff::kBikeMaxDurationMin} * 60))
    fail_bad_request("durationS: 自定义时长须在0到48小时之间（秒）");
  Usage u;
  u.duration_s = r.duration_s ? *r.duration_s : (BikeKind::started(o) ? o.duration_s : 0);
  u.energy = o.energy;
  u.power_w = o.power_w;
  std::string reason = (r.reason.empty() ? "管理员结束" : "管理员结束：" + r.reason) +
                       (r.duration_s ? "，按自定义时长" + std::to_string(*r.duration_s / 60) + "分钟结算"
                                     : "，按最后上报时长结算") +
                       (r.op.empty() ? "" : "（" + r.op + "）");
  auto out = settle(o, u, reason);
  if (!out) fail_conflict("订单已结束");
  return *out;
}

}  // namespace zc::order
