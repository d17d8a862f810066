#include "service/order/bike_orders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
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

namespace {

devices::DeviceRef device_of(const BikeOrder& o) {
  return {devices::DeviceKind::bike_device, o.device_id, o.device_code};
}

bool started(const BikeOrder& o) {
  return o.device_txn_no.has_value() && o.start_at.has_value();
}

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
    : db_(db),
      gateway_(gateway),
      meters_(meters),
      payments_(payments),
      recording_(recording),
      s_(s),
      sweeper_("bike-orders sweeper", std::chrono::milliseconds(std::max<int64_t>(100, s.sweep_ms)),
               [this] { sweep(); }) {}

BikeOrders::~BikeOrders() {
  stop();
}

void BikeOrders::start() {
  worker_.start();
  sweeper_.start();
}

void BikeOrders::stop() {
  sweeper_.stop();
  worker_.stop();
}

// ---- start request → payment → order -------------------------------------------------------------------

BikeStartOffer BikeOrders::request_start(const BikeStartInput& in) {
  const char* field = in.socket_id ? "socketId" : "socketCode";
  if (!in.socket_id && in.socket_code.empty()) fail_bad_request("socketId: 请扫描或输入插座编号");
  if (in.amount <= 0) fail_bad_request("amount: 请选择预付金额");
  db::bikeorder::SocketTarget target;
  int64_t tariff_id = 0;
  db_.read([&](Connection& c) {
    BikeOrderRepo repo(c);
    auto t = in.socket_id ? repo.socket_by_id(*in.socket_id) : repo.socket_by_code(in.socket_code);
    if (!t) fail_not_found(std::string(field) + ": 插座不存在");
    target = *t;
    if (t->station_status != 0) fail_conflict("电站已停用，不能充电");
    if (t->area_status != 0) fail_conflict("区域已停用，不能充电");
    if (t->device_status != 0) fail_conflict("设备已停用，不能充电");
    if (t->socket_status != 0) fail_conflict("插座已停用，不能充电");
    if (!gateway_.is_online({devices::DeviceKind::bike_device, t->device_id, t->device_code}))
      fail_conflict("设备离线，暂不能充电");
    if (t->socket_state == "fault") fail_conflict("插座故障，不能充电");
    if (t->socket_state == "charging" || repo.socket_busy(t->socket_id)) fail_conflict("插座正在使用中");
    if (!payments_.merchant_of(c, db::station::StationType::bike, t->station_id))
      fail_conflict("该电站未配置支付，不能在线支付：" + t->station_name);
    auto tid = repo.tariff_in_force(t->area_id);
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
  payment::PrepayInput p;
  p.order_type = "bike";
  p.station_type = db::station::StationType::bike;
  p.station_id = target.station_id;
  p.amount = in.amount;
  p.phone = in.phone;
  p.user_id = in.user_id;
  p.description = "单车充电预付 插座" + target.socket_code;
  auto created = payments_.create_prepay(p);
  db_.write([&](Connection& c) {
    BikeOrderRepo(c).insert_request(
        {created.id, target.socket_id, target.device_id, tariff_id, in.user_id, now_ms()});
  });
  return {created.pay_no, created.cashier_path, created.amount, created.expires_at};
}

void BikeOrders::paid(const db::payment::PayOrder& p, const std::string& late) {
  if (p.order_type != "bike") return;
  bool busy = false, gone = false;
  auto order = db_.write([&](Connection& c) -> std::optional<BikeOrder> {
    BikeOrderRepo repo(c);
    if (repo.find_by_pay_order(p.id)) return std::nullopt;  // applied before
    auto req = repo.request_of(p.id);
    if (!req) return std::nullopt;  // not a start request of the app (nothing to start)
    auto t = repo.socket_by_id(req->socket_id);
    auto tariff = db::bike::TariffRepo(c).find(req->tariff_id);
    if (!t || !tariff) {
      spdlog::error("bike order of {}: socket {} or tariff {} gone; the payment is returned", p.pay_no,
                    req->socket_id, req->tariff_id);
      gone = true;
      return std::nullopt;
    }
    // two drivers who paid for the socket at once: the lock makes the second see the first's order
    repo.lock_socket(t->socket_id);
    busy = repo.socket_busy(t->socket_id);
    BikeOrder o;
    o.order_no = new_order_no('B');
    o.provider_id = t->provider_id;
    o.property_id = t->property_id;
    o.station_id = t->station_id;
    o.area_id = t->area_id;
    o.device_id = t->device_id;
    o.device_code = t->device_code;
    o.socket_id = t->socket_id;
    o.socket_no = t->socket_no;
    o.user_id = req->user_id;
    o.phone = p.phone;
    o.tariff_id = req->tariff_id;
    o.pay_order_id = p.id;
    o.prepaid = p.amount;
    o.prepaid_duration_s = tariff::bike_prepaid_duration(tariff->def, p.amount).duration_s;
    o.created_at = now_ms();
    o.id = repo.insert(o);
    repo.link_pay_order(p.id, o.id);
    return o;
  });
  if (gone) payments_.settle(p.id, 0);
  if (!order) return;
  spdlog::info("bike order {} created for {} (socket {} of {}, prepaid {} fen, {} s)", order->order_no,
               p.pay_no, order->socket_no, order->device_code, order->prepaid, order->prepaid_duration_s);
  if (!late.empty()) {
    fail_start(*order, late);
    return;
  }
  if (busy) {
    fail_start(*order, "插座已被占用，启动失败");
    return;
  }
  start_device(*order);
}

void BikeOrders::start_device(const BikeOrder& o) {
  devices::Command cmd{"remoteStart", {{"connectorId", std::to_string(o.socket_no)}, {"idTag", o.order_no}}};
  // The answer comes back on a device thread; a refusal writes to the database: a worker.
  gateway_.send_async(device_of(o), cmd, std::chrono::milliseconds(s_.command_timeout_ms),
                      [this, o](devices::CommandReply reply) {
                        post([this, o, reply = std::move(reply)] { on_start_answer(o, reply); });
                      });
}

void BikeOrders::on_start_answer(const BikeOrder& o, const devices::CommandReply& reply) {
  if (reply.result == devices::CommandResult::accepted) return;  // StartTransaction follows (or the timeout)
  std::string why = reply.result == devices::CommandResult::rejected  ? "设备拒绝启动"
                    : reply.result == devices::CommandResult::offline ? "设备离线"
                                                                      : "设备未应答启动指令";
  fail_start(o, "启动失败：" + why);
}

void BikeOrders::fail_start(const BikeOrder& o, const std::string& why) {
  payment::PendingSettlement returned;  // the whole prepayment goes back, in the same transaction
  bool failed = db_.write([&](Connection& c) {
    if (!BikeOrderRepo(c).fail_start(o.id, why, now_ms())) return false;
    if (o.pay_order_id) returned = payments_.settle_in(c, *o.pay_order_id, 0);
    return true;
  });
  if (!failed) return;  // it started meanwhile, or another path ended it
  spdlog::warn("bike order {}: {}", o.order_no, why);
  payments_.send(returned);
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

bool BikeOrders::settle(const BikeOrder& o, const Usage& u, const std::string& reason, EndResult* out) {
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
  // until it is finished — by this call or by another path (then false: settled once).
  // The order's end, the capture and the refund's reservation commit together (no money left held by a
  // crash in between); the refund goes to the gateway after the commit.
  payment::PendingSettlement pending;
  bool mine = db_.write([&](Connection& c) {
    BikeOrderRepo repo(c);
    std::string from = o.state;
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (repo.finish(o.id, from, f)) {
        if (o.pay_order_id) {
          pending = payments_.settle_in(c, *o.pay_order_id, f.charged);
          repo.set_charged(o.id, pending.settlement.charged, now_ms());
        }
        return true;
      }
      auto now = repo.find(o.id);
      if (!now || now->state == "finished") return false;
      from = now->state;
    }
    return false;
  });
  if (!mine) return false;
  {
    std::lock_guard lk(live_mu_);
    live_.erase(o.id);
  }
  int64_t charged = 0, refunded = 0;
  if (o.pay_order_id) {
    auto s = payments_.send(pending);
    charged = s.settlement.charged;
    refunded = s.settlement.refund;
  }
  spdlog::info("bike order {} finished: {} s, {} (0.0001 kWh), charged {} fen, returned {} fen — {}",
               o.order_no, f.duration_s, f.energy, charged, refunded, reason);
  if (out) *out = {"finished", charged, refunded, reason};
  return true;
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

int BikeOrders::recover_unstarted(int64_t now) {
  auto due = db_.read([&](Connection& c) {
    return db::payment::PaymentRepo(c).paid_without_order("bike", now - kRecoveryWindowMs,
                                                          now - kUnstartedGraceMs, 100);
  });
  int recovered = 0;
  for (const auto& p : due) {
    try {
      spdlog::warn("bike pay order {}: paid but no order was started; recovered", p.pay_no);
      paid(p, "支付后未能启动（服务中断），预付款已全额退回");
      ++recovered;
    } catch (const std::exception& e) {
      spdlog::error("bike pay order {}: recovery failed: {}", p.pay_no, e.what());
    }
  }
  return recovered;
}

void BikeOrders::sweep() {
  auto orders = db_.read([](Connection& c) { return BikeOrderRepo(c).active(); });
  int64_t now = now_ms();
  if (now - last_recovery_ms_ >= kRecoveryEveryMs) {
    last_recovery_ms_ = now;
    recover_unstarted(now);
  }
  {
    std::lock_guard lk(live_mu_);
    std::erase_if(live_, [&](const auto& kv) {
      return std::none_of(orders.begin(), orders.end(), [&](const BikeOrder& o) { return o.id == kv.first; });
    });
  }
  std::vector<db::bikeorder::Progress> progress;
  for (const auto& o : orders) {
    try {
      sweep_one(o, now, progress);
    } catch (const std::exception& e) {
      spdlog::error("bike order {}: {}", o.order_no, e.what());
    }
  }
  if (progress.empty()) return;
  try {  // one transaction per sweep, not one per session (an order ended meanwhile is left alone)
    db_.write([&](Connection& c) {
      BikeOrderRepo repo(c);
      for (const auto& p : progress) repo.set_progress(p);
    });
  } catch (const std::exception& e) {
    spdlog::error("bike orders: progress of {} sessions not written: {}", progress.size(), e.what());
  }
}

void BikeOrders::sweep_one(const BikeOrder& o, int64_t now, std::vector<db::bikeorder::Progress>& progress) {
  if (!started(o)) {
    if (o.state == "charging" && now - o.created_at >= s_.start_timeout_s * 1000)
      fail_start(o, "启动超时：设备未在" + std::to_string(s_.start_timeout_s) + "秒内开始充电");
    return;
  }
  bool online = gateway_.is_online(device_of(o));
  if (!online) {
    if (!o.device_lost_at) {
      db_.write([&](Connection& c) { BikeOrderRepo(c).set_device_lost(o.id, now); });
    } else if (o.state == "charging" && now - *o.device_lost_at >= s_.suspend_timeout_s * 1000) {
      db_.write([&](Connection& c) { BikeOrderRepo(c).transition(o.id, "charging", "suspended", "", now); });
      spdlog::warn("bike order {}: device {} offline for {} s, suspended", o.order_no, o.device_code,
                   (now - *o.device_lost_at) / 1000);
    }
  } else if (o.device_lost_at || o.state == "suspended") {
    db_.write([&](Connection& c) {
      BikeOrderRepo repo(c);
      repo.clear_device_lost(o.id);
      if (o.state == "suspended") repo.transition(o.id, "suspended", "charging", "", now);
    });
    if (o.state == "suspended")
      spdlog::info("bike order {}: device {} is back, charging", o.order_no, o.device_code);
  }

  // What the device reported since the last tick.
  auto t = tariff_of(o);
  auto m = meter_of(o);
  bool full = false, ever_powered = false;
  {
    std::lock_guard lk(live_mu_);
    auto [it, fresh] =
        live_.try_emplace(o.id, Live{{}, 0, FullDetector(s_.full_power_w, s_.full_hold_s), std::nullopt});
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
    // Power-priced modes: what the prepayment buys at the power the session really draws.
    if (b->power_w > 0 && (tariff::bike_mode_uses_bands(t->mode) || tariff::bike_mode_uses_energy(t->mode)))
      prepaid_duration = tariff::bike_prepaid_duration(*t, o.prepaid, b->power_w).duration_s;
  }
  if (reported_s != o.duration_s || u.energy != o.energy || u.power_w != o.power_w ||
      prepaid_duration != o.prepaid_duration_s) {
    progress.push_back(
        {o.id, reported_s, u.energy, u.power_w, u.last_report_at.value_or(now), prepaid_duration});
  }

  Usage last_reported = u;
  last_reported.duration_s = reported_s;
  if (o.stop_requested_at) {
    if (now - *o.stop_requested_at >= s_.stop_timeout_s * 1000)
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
    if (o.state == "suspended") settle(o, last_reported, reason + "（设备离线，按最后上报结算）");
    return;
  }
  if (db_.write([&](Connection& c) { return BikeOrderRepo(c).mark_stop_requested(o.id, reason, now); })) {
    spdlog::info("bike order {}: {}", o.order_no, reason);
    stop_device(o);
  }
}

void BikeOrders::stop_device(const BikeOrder& o) {
  if (!o.device_txn_no) return;
  devices::Command cmd{"remoteStop", {{"transactionId", *o.device_txn_no}}};
  gateway_.send_async(
      device_of(o), cmd, std::chrono::milliseconds(s_.command_timeout_ms),
      [order_no = o.order_no, stop_timeout_s = s_.stop_timeout_s](devices::CommandReply reply) {
        if (reply.result != devices::CommandResult::accepted)
          spdlog::warn("bike order {}: stop command {} {} (settled by the last report after {} s)", order_no,
                       devices::to_string(reply.result), reply.message, stop_timeout_s);
      });
}

// ---- device events (ChargingService for e-bike devices) -----------------------------------------------

charging::IdTagResult BikeOrders::authorize(const devices::DeviceRef& device, const std::string& id_tag) {
  auto o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find_by_no(id_tag); });
  if (o && o->device_id == device.id) {
    if (o->state == "charging" && !o->device_txn_no) return {"Accepted", {}};
    return {"Invalid", {}};
  }
  return recording_.authorize(device, id_tag);
}

charging::TxStartResult BikeOrders::start_transaction(const charging::TxStart& t) {
  auto r = recording_.start_transaction(t);
  auto o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find_by_no(t.id_tag); });
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
    return BikeOrderRepo(c).mark_started(o->id, txn, start_at, t.meter_start_wh * 10, now);
  });
  if (!ok) {
    spdlog::warn("bike order {}: StartTransaction on socket {} refused (order {}, socket {})", o->order_no,
                 t.connector, o->state, o->socket_no);
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
  if (!o || o->state == "finished" || !o->start_at) return res;  // unknown, or settled before: applied once
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

void BikeOrders::expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) {
  recording_.expect_remote_start(device, id_tag);
}

charging::TxRecordResult BikeOrders::transaction_record(const charging::TxRecord& r) {
  return recording_.transaction_record(r);
}

void BikeOrders::flag_transaction(const devices::DeviceRef& device, int64_t connector,
                                  const std::string& device_serial, const std::string& why) {
  recording_.flag_transaction(device, connector, device_serial, why);
}

// ---- driver and admin actions ---------------------------------------------------------------------------

json::object BikeOrders::to_json(const BikeOrder& o, bool live) {
  json::object j;
  j["orderNo"] = o.order_no;
  j["state"] = o.state;
  bool running = o.state == "charging" || o.state == "suspended";
  j["phase"] = o.state != "charging" ? o.state
               : !started(o)         ? "starting"
               : o.stop_requested_at ? "stopping"
                                     : "charging";
  j["stationId"] = o.station_id;
  j["deviceId"] = o.device_id;
  j["deviceCode"] = o.device_code;
  j["socketId"] = o.socket_id;
  j["socketNo"] = o.socket_no;
  j["prepaid"] = o.prepaid;
  j["prepaidDurationS"] = o.prepaid_duration_s;
  j["durationS"] = o.duration_s;
  j["energy"] = o.energy;
  j["kwh"] = money::energy_text(o.energy);
  j["powerW"] = o.power_w;
  j["energyFee"] = o.energy_fee;
  j["serviceFee"] = o.service_fee;
  j["charged"] = o.charged;
  j["refunded"] = o.refunded;
  j["costSoFar"] = o.charged;
  j["endReason"] = o.end_reason;
  j["createTime"] = o.created_at;
  j["startTime"] = o.start_at ? json::value(*o.start_at) : json::value(nullptr);
  j["endTime"] = o.end_at ? json::value(*o.end_at) : json::value(nullptr);
  if (!o.billing_detail.empty()) {
    boost::system::error_code ec;
    auto v = json::parse(o.billing_detail, ec);
    if (!ec) j["billing"] = v;
  }
  if (live && running && started(o)) {
    int64_t now = now_ms();
    Usage u = usage_now(o, now);
    j["durationS"] = u.duration_s;
    j["energy"] = u.energy;
    j["kwh"] = money::energy_text(u.energy);
    j["powerW"] = u.power_w;
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
    j["remainingS"] = rest.seconds ? json::value(*rest.seconds) : json::value(nullptr);
    j["remainingMeasuring"] = rest.measuring;
    if (t) j["costSoFar"] = bill(*t, o, u).total;
  }
  return j;
}

std::pair<json::array, int64_t> BikeOrders::list_of_user(int64_t user_id, int64_t page_num,
                                                         int64_t page_size) {
  page_num = std::max<int64_t>(1, page_num);
  page_size = std::clamp<int64_t>(page_size, 1, 100);
  auto [orders, total] = db_.read([&](Connection& c) {
    BikeOrderRepo repo(c);
    return std::make_pair(repo.of_user(user_id, (page_num - 1) * page_size, page_size),
                          repo.count_of_user(user_id));
  });
  json::array rows;
  for (const auto& o : orders) rows.push_back(to_json(o, false));
  return {std::move(rows), total};
}

json::object BikeOrders::detail_of_user(int64_t user_id, const std::string& order_no) {
  auto o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find_by_no(order_no); });
  if (!o || o->user_id != user_id) fail_not_found("orderNo: 订单不存在");
  return to_json(*o, true);
}

json::object BikeOrders::stop_by_driver(int64_t user_id, const std::string& order_no) {
  auto o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find_by_no(order_no); });
  if (!o || o->user_id != user_id) fail_not_found("orderNo: 订单不存在");
  if (o->state != "charging" && o->state != "suspended")
    fail_conflict("订单已" + std::string(o->state == "finished" ? "结束" : "异常结束") + "，无需停止");
  int64_t now = now_ms();
  if (!started(*o)) {  // the device has not started yet: cancelled, nothing charged
    settle(*o, Usage{}, "用户在设备启动前取消");
  } else if (o->stop_requested_at) {
    // already stopping: the device's StopTransaction (or the stop timeout) settles it
  } else if (!gateway_.is_online(device_of(*o))) {
    Usage u = usage_now(*o, now);
    u.duration_s = o->duration_s;
    settle(*o, u, "用户结束充电（设备离线，按最后上报结算）");
  } else if (db_.write([&](Connection& c) {
               return BikeOrderRepo(c).mark_stop_requested(o->id, "用户结束充电", now);
             })) {
    stop_device(*o);
  }
  auto now_o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find(o->id); });
  return to_json(*now_o, true);
}

EndResult BikeOrders::end(const EndRequest& r) {
  auto o = db_.read([&](Connection& c) { return BikeOrderRepo(c).find(r.order_id); });
  if (!o) fail_not_found("订单不存在");
  auto state = parse_bike_order_state(o->state);
  if (!state || !admin_can_end(*state)) fail_conflict("订单状态为" + o->state + "，不能结束");
  if (r.duration_s && (*r.duration_s < 0 || *r.duration_s > int64_t{tariff::kBikeMaxDurationMin} * 60))
    fail_bad_request("durationS: 自定义时长须在0到48小时之间（秒）");
  Usage u;
  u.duration_s = r.duration_s ? *r.duration_s : (started(*o) ? o->duration_s : 0);
  u.energy = o->energy;
  u.power_w = o->power_w;
  std::string reason = (r.reason.empty() ? "管理员结束" : "管理员结束：" + r.reason) +
                       (r.duration_s ? "，按自定义时长" + std::to_string(*r.duration_s / 60) + "分钟结算"
                                     : "，按最后上报时长结算") +
                       (r.op.empty() ? "" : "（" + r.op + "）");
  EndResult out;
  if (!settle(*o, u, reason, &out)) fail_conflict("订单已结束");
  if (started(*o) && (o->state == "charging" || o->state == "suspended") &&
      gateway_.is_online(device_of(*o))) {
    stop_device(*o);  // best effort; its StopTransaction finds the order ended
  }
  return out;
}

}  // namespace zc::order
