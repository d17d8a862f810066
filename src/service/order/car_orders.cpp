#include "service/order/car_orders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/timezone.hpp"
#include "domain/order/car_order_state.hpp"
#include "service/car/tariff_service.hpp"
#include "storage/repositories/member_card_use.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::order {

namespace json = boost::json;
using db::Connection;
using db::car_order::CarOrderRepo;
using S = CarOrderState;
using E = CarOrderEvent;

namespace {

TimeZone zone_named(const std::string& name) {
  return TimeZone::find(name).value_or(TimeZone::shanghai());
}

}  // namespace

CarOrders::CarOrders(car::CarContext car, payment::PaymentService& payments, devices::MeterStore& meters,
                     charging::RecordingChargingService& recording)
    : OrderFlow(car.db, car.gateway, meters, payments, recording,
                // never in the payment's notification: the start waits for the gun's lock
                {car.cfg.order.sweep_interval_ms, car.cfg.order.command_timeout_ms,
                 car.cfg.order.start_timeout_s, car.cfg.order.device_lost_timeout_s,
                 static_cast<size_t>(std::clamp<int64_t>(car.cfg.order.command_threads, 1, 64)), true,
                 car.cfg.order.card_min_balance_fen}),
      car_(car),
      cfg_(car.cfg) {}

// ---- app API -------------------------------------------------------------------------------------------

db::car_order::GunTarget CarOrders::checked_gun(const CarOrderRequest& r, bool paying) {
  if (r.plate.size() > 16) fail_bad_request("plate: 车牌号过长");
  if (!r.gun_id && r.gun_code.empty()) fail_bad_request("gunId: 请提供充电枪（gunId或gunCode）");
  auto target = db_.read([&](Connection& c) {
    CarOrderRepo repo(c);
    return r.gun_id ? repo.target_by_id(*r.gun_id) : repo.target_by_code(r.gun_code);
  });
  if (!target) fail_not_found(r.gun_id ? "gunId: 充电枪不存在" : "gunCode: 充电枪不存在");
  const auto& g = *target;
  if (g.audit_status != 1 || g.station_status != 0) fail_conflict("电站未开放，不能充电：" + g.station_name);
  if (g.area_status != 0) fail_conflict("该区域已停用，不能充电");
  if (g.pile_status != 0) fail_conflict("电桩已停用，不能充电：" + g.pile_code);
  if (g.gun_status != 0) fail_conflict("充电枪已停用，不能充电：" + g.gun_code);
  if (!gateway_.is_online({devices::DeviceKind::car_pile, g.pile_id, g.pile_code}))
    fail_conflict("电桩离线，不能充电：" + g.pile_code);
  auto running = db_.read([&](Connection& c) { return CarOrderRepo(c).running_on_target(g.gun_id); });
  if (running && running->user_id == r.user_id)
    fail_conflict("您在该充电枪已有进行中的订单：" + running->order_no);
  if (running || (g.gun_state != "idle" && g.gun_state != "plugged"))
    fail_conflict("充电枪当前不可用（" + (running ? std::string("使用中") : g.gun_state) + "）：" +
                  g.gun_code);
  bool has_merchant = !paying || db_.read([&](Connection& c) {
    return payments_.merchant_of(c, db::station::StationType::car, g.station_id).has_value();
  });
  if (!has_merchant) fail_conflict("该电站未配置支付，不能在线支付：" + g.station_name);
  return g;
}

CardStart CarOrders::start_by_card(const CarOrderRequest& r, int64_t card_id) {
  return start_with_card(r.user_id, card_id, checked_gun(r, false));
}

StartOffer CarOrders::request_start(const CarOrderRequest& r) {
  if (r.amount <= 0) fail_bad_request("amount: 预付金额必须大于0（分）");
  auto g = checked_gun(r, true);
  auto tariff = car::TariffService(car_).in_force_for_area(g.area_id, car_.clock.now());
  if (!tariff) fail_conflict("该区域没有生效的计费规则，不能充电");
  bool listed = std::find(tariff->prepay_values.begin(), tariff->prepay_values.end(), r.amount) !=
                tariff->prepay_values.end();
  if (!listed && (r.amount < cfg_.order.min_prepay_fen || r.amount > cfg_.order.max_prepay_fen))
    fail_bad_request("amount: 预付金额须为计费规则的预付值之一，或在" +
                     std::to_string(cfg_.order.min_prepay_fen) + "到" +
                     std::to_string(cfg_.order.max_prepay_fen) + "分之间");

  return life_.request_start(
      {g.station_id, r.amount, r.user_id, r.phone, "汽车充电预付 " + g.gun_code, g.gun_code},
      [&](Connection& c, int64_t pay_order_id) {
        CarOrderRepo(c).insert_request({pay_order_id, r.user_id, g.gun_id, r.plate}, now_ms());
      });
}

void CarOrders::stop_by_driver(int64_t user_id, const std::string& order_no) {
  Order o = own(user_id, order_no);
  if (o.state == S::stopping) return;
  auto to = next_state(o.state, E::stop_requested);
  if (!to) fail_conflict("订单当前状态为" + state_name(o.state) + "，不能停止");
  bool now_stopping = db_.write(
      [&](Connection& c) { return CarOrderRepo(c).request_stop(o.id, o.state, *to, "用户停止", now_ms()); });
  if (now_stopping) send_stop(o);
}

std::optional<devices::LatestMeter> CarOrders::live_meter(const Order& o) const {
  if (!o.device_tx_id) return std::nullopt;
  auto m = meters_.latest({devices::DeviceKind::car_pile, o.pile_id}, o.gun_no);
  if (!m || m->transaction_id != o.device_tx_id) return std::nullopt;
  return m;
}

CarOrderView CarOrders::view_of(const Order& o, bool live) {
  CarOrderView v;
  v.order = o;
  v.station_name = db_.read([&](Connection& c) { return CarOrderRepo(c).station_name(o.station_id); });
  v.energy = o.energy;
  v.power_w = o.power_w;
  if (live && is_open(o.state)) {
    if (auto m = live_meter(o)) {
      if (m->energy) v.energy = std::max<int64_t>(0, *m->energy - o.meter_start);
      if (m->power_w) v.power_w = static_cast<int64_t>(*m->power_w);
      v.voltage = m->voltage_v;
      v.current = m->current_a;
      v.soc = m->soc;
    }
  }
  int64_t end = o.end_at.value_or(now_ms());
  v.duration_s = o.start_at ? std::max<int64_t>(0, end - *o.start_at) / 1000 : 0;
  v.cost_so_far = o.state == S::completed ? o.charged : running_cost_of(o, v.energy);
  return v;
}

// ---- pricing ---------------------------------------------------------------------------------------------

int64_t CarOrders::running_cost_of(const Order& o, int64_t energy) {
  if (!o.start_at || !o.tariff_version_id) return 0;
  return cost_so_far(o, energy, now_ms(), station_zone(o.station_id));
}

int64_t CarOrders::cost_now(const Order& o) {
  int64_t energy = o.energy;
  if (auto m = live_meter(o); m && m->energy) energy = std::max<int64_t>(0, *m->energy - o.meter_start);
  return running_cost_of(o, energy);
}

std::optional<tariff::CarTariff> CarOrders::tariff_of(const Order& o) {
  if (!o.area_id || !o.tariff_version_id) return std::nullopt;
  {
    std::lock_guard lk(tariff_mu_);
    if (auto it = tariff_versions_.find(*o.tariff_version_id); it != tariff_versions_.end())
      return it->second;
  }
  auto t = car::TariffService(car_).version_of_area(*o.area_id, *o.tariff_version_id);
  if (t) {
    std::lock_guard lk(tariff_mu_);
    if (tariff_versions_.size() >= kMaxCachedTariffs) tariff_versions_.clear();
    tariff_versions_.emplace(*o.tariff_version_id, *t);
  }
  return t;
}

TimeZone CarOrders::station_zone(int64_t station_id) {
  return zone_named(db_.read([&](Connection& c) { return CarOrderRepo(c).station_timezone(station_id); }));
}

CarCharge CarOrders::charge_by_meter_of(const Order& o, int64_t end_ms, int64_t energy, const TimeZone& tz) {
  int64_t start = o.start_at.value_or(o.created_at);
  std::optional<tariff::CarTariff> t = tariff_of(o);
  if (!t) {  // the version is gone (cannot happen: versions are never deleted) — bill nothing, say so
    spdlog::error("car order {}: tariff version {} not found, billed 0", o.order_no,
                  o.tariff_version_id.value_or(0));
    t = tariff::unified_tariff({0, 0});
  }
  return order::charge_by_meter(*t, tz, start, end_ms, energy, o.prepaid);
}

int64_t CarOrders::cost_so_far(const Order& o, int64_t energy, int64_t at_ms, const TimeZone& tz) {
  try {
    return charge_by_meter_of(o, at_ms, energy, tz).bill.total_fen;
  } catch (const std::exception& e) {
    spdlog::warn("car order {}: cost so far not computed: {}", o.order_no, e.what());
    return 0;
  }
}

// ---- the payment starts the session -----------------------------------------------------------------

bool CarOrders::fill_target(const db::car_order::GunTarget& g, Order& o) {
  auto tariff = car::TariffService(car_).in_force_for_area(g.area_id, car_.clock.now());
  o.provider_id = g.provider_id;
  o.property_id = g.property_id;
  o.station_id = g.station_id;
  o.area_id = g.area_id;
  o.pile_id = g.pile_id;
  o.pile_code = g.pile_code;
  o.gun_id = g.gun_id;
  o.gun_code = g.gun_code;
  o.gun_no = g.gun_no;
  o.protocol = g.protocol;
  if (tariff) o.tariff_version_id = tariff->version_id;
  return tariff.has_value();
}

std::optional<std::string> CarOrders::card_target(const db::car_order::GunTarget& g, Order& o) {
  if (!fill_target(g, o)) return "该区域没有生效的计费规则，不能充电";
  return std::nullopt;
}

std::optional<std::string> CarOrders::card_order(const db::car_order::GunTarget& g,
                                                 const charging::TxStart& t, int64_t tx_id, Order& o) {
  if (auto problem = card_target(g, o)) return problem;
  o.state = S::charging;
  o.device_txn_no = CarKind::session_ref(t, tx_id);
  o.device_tx_id = tx_id;
  o.start_at = t.timestamp_ms > 0 ? t.timestamp_ms : now_ms();
  o.meter_start = t.meter_start_wh * 10;
  return std::nullopt;
}

std::optional<std::string> CarOrders::prepare(const db::payment::PayOrder& p,
                                              const db::car_order::StartRequest& req,
                                              const db::car_order::GunTarget& g, const std::string& late,
                                              Order& o) {
  bool tariff = fill_target(g, o);
  o.user_id = req.user_id;
  o.phone = p.phone;
  o.plate = req.plate;
  o.start_method = "app";
  o.pay_order_id = p.id;
  o.prepaid = p.paid_amount;
  o.created_at = now_ms();
  std::string problem = late;  // recovered late: not started whatever the gun's state
  if (problem.empty()) {
    if (!tariff)
      problem = "没有生效的计费规则";
    else if (g.pile_status != 0 || g.gun_status != 0)
      problem = "电桩或充电枪已停用";
    else if (!gateway_.is_online(CarKind::device_of(o)))
      problem = "电桩离线";
  }
  return problem;
}

void CarOrders::mark_not_started(Order& o, const std::string& why) {
  o.state = *next_state(o.state, E::start_refused);
  o.end_reason = "启动失败：" + why;
}

void CarOrders::on_start_answer(const Order& o, const devices::CommandReply& reply) {
  spdlog::info("car order {}: remoteStart on {} gun {}: {} {}", o.order_no, o.pile_code, o.gun_no,
               devices::reason_code(reply), reply.detail);
  if (reply.reason == devices::RejectReason::not_plugged_in) {
    // YKC §6.11: the pile starts by itself when the gun is plugged within 60 s — the start timeout decides
    spdlog::info("car order {}: waiting for the driver to plug in", o.order_no);
    return;
  }
  if (reply.result == devices::CommandResult::rejected || reply.result == devices::CommandResult::offline)
    fail_start(o, E::start_refused,
               std::string("启动失败：") +
                   (reply.result == devices::CommandResult::offline ? "电桩离线" : "电桩拒绝启动"));
  // accepted: the device's start confirmation moves it on; timeout: the sweeper's start timeout decides
}

std::optional<devices::DeviceCommand> CarOrders::stop_command(const Order& o) const {
  return devices::RemoteStop{static_cast<unsigned>(o.gun_no), o.device_tx_id};
}

void CarOrders::on_stop_answer(const Order& o, const devices::CommandReply& reply) {
  spdlog::info("car order {}: remoteStop on {} gun {}: {} {}", o.order_no, o.pile_code, o.gun_no,
               devices::reason_code(reply), reply.detail);
  if (reply.result == devices::CommandResult::rejected) {
    // the pile says it is not charging that session: its record settles it; if it still charges, the
    // order goes back to charging (the driver may stop again)
    auto now = db_.read([&](Connection& c) { return CarOrderRepo(c).find(o.id); });
    auto to = now ? next_state(now->state, E::stop_refused) : std::nullopt;
    if (to)
      db_.write([&](Connection& c) { CarOrderRepo(c).transition(o.id, now->state, *to, "", now_ms()); });
  }
}

// ---- settlement ---------------------------------------------------------------------------------------

std::optional<EndResult> CarOrders::settle(const Order& o, const CarCharge& c, const std::string& end_reason,
                                           E e) {
  auto to = next_state(o.state, e);
  if (!to) return std::nullopt;  // completed before: settled once
  db::car_order::Finish done;
  done.energy = c.bill.total_energy;
  done.energy_fee = c.capped.charged.energy_fee_total;
  done.service_fee = c.capped.charged.service_fee_total;
  done.charged = c.capped.charged.total;
  done.billing_detail = billing_detail_json(c);
  done.end_reason = end_reason.empty() ? o.end_reason : end_reason;
  done.end_at = c.end_ms > 0 ? c.end_ms : now_ms();
  // The order's end, the capture and the refund's reservation commit together (no money left held by
  // a crash in between); the refund goes to the gateway after the commit.
  auto s = finish(o, e, c.bill.total_fen, done);
  if (!s) return std::nullopt;
  EndResult out{state_name(*to), done.charged, 0, "已结束"};
  if (o.pay_order_id) {
    out.charged = s->settlement.charged;
    out.refunded = s->refund && s->refund->status == "pending" ? s->settlement.refund : 0;
  }
  spdlog::info("car order {} completed: energy {} cost {} charged {} refunded {} ({})", o.order_no,
               done.energy, c.bill.total_fen, out.charged, out.refunded, c.method);
  return out;
}

// ---- ChargingService ------------------------------------------------------------------------------------

charging::TxStartResult CarOrders::start_transaction(const charging::TxStart& t) {
  charging::TxStartResult r = recording_.start_transaction(t);
  auto o = order_of_tag(t.id_tag);
  if (!o)
    if (auto card = start_card_session(t, r)) return *card;
  if (!o || o->pile_id != t.device.id) return r;  // not a platform order: recorded only
  std::string txn = t.device_serial.empty() ? std::to_string(r.transaction_id) : t.device_serial;
  if (auto to = next_state(o->state, E::start_confirmed)) {
    bool ok = db_.write([&](Connection& c) {
      return CarOrderRepo(c).confirm_start(o->id, o->state, *to, txn, r.transaction_id,
                                           t.timestamp_ms > 0 ? t.timestamp_ms : now_ms(),
                                           t.meter_start_wh * 10, now_ms());
    });
    if (ok) spdlog::info("car order {}: charging (session {})", o->order_no, txn);
    r.id_tag = {"Accepted", {}};
    return r;
  }
  if (is_open(o->state) && o->device_txn_no == txn) {  // a retried start
    r.id_tag = {"Accepted", {}};
    return r;
  }
  // A start for an order that already ended (refused or timed out and refunded): the session is not paid
  // for — stop it (OCPP: the Invalid idTag makes the pile stop too).
  spdlog::warn("car order {} is {}: the late start {} on {} is stopped", o->order_no, state_name(o->state),
               txn, o->pile_code);
  Order copy = *o;
  copy.device_tx_id = r.transaction_id;
  send_stop(copy);
  r.id_tag = {"Invalid", {}};
  return r;
}

std::optional<charging::IdTagResult> CarOrders::stop_transaction(const charging::TxStop& t) {
  auto answer = recording_.stop_transaction(t);
  auto o = db_.read([&](Connection& c) {
    return CarOrderRepo(c).find_by_txn(t.device.id, std::to_string(t.transaction_id));
  });
  if (!o) return answer;
  if (t.id_tag && *t.id_tag == o->order_no) answer = charging::IdTagResult{"Accepted", {}};
  if (!next_state(o->state, E::final_record))
    return answer;  // already completed: a repeated stop changes nothing
  int64_t energy = std::max<int64_t>(0, t.meter_stop_wh * 10 - o->meter_start);
  CarCharge c = charge_by_meter_of(*o, t.timestamp_ms, energy, station_zone(o->station_id));
  std::string reason = o->end_reason;
  if (reason.empty()) reason = "电桩结束：" + (t.reason.empty() ? std::string("Local") : t.reason);
  settle(*o, c, reason, E::final_record);
  return answer;
}

charging::TxRecordResult CarOrders::transaction_record(const charging::TxRecord& r) {
  charging::TxRecordResult res = recording_.transaction_record(r);
  if (!res.first) return res;     // a retransmitted record: acknowledged again, nothing changes
  if (!res.accepted) return res;  // cannot belong to this pile or gun: stored for review, settles nothing
  auto o = db_.read([&](Connection& c) { return CarOrderRepo(c).find_by_txn(r.device.id, r.device_serial); });
  if (!o && !r.card.empty()) o = offline_card_order(r, res.transaction_id);
  if (!o) {
    // The platform never saw the start confirmation of an app order (lost 0x33): the transaction row of
    // the serial carries the idTag = order number when the pile confirmed it, else it is a card/VIN/offline
    // session without a platform order (recorded only; docs/orders.md).
    spdlog::info("car record {} on {}: no platform order (start method {}); recorded only", r.device_serial,
                 r.device.code, r.start_method);
    return res;
  }
  if (!next_state(o->state, E::final_record)) return res;
  CarCharge c;
  std::optional<tariff::CarTariff> t = tariff_of(*o);
  std::optional<CarCharge> by_tiers;
  if (t) by_tiers = charge_by_device_tiers(*t, r.tiers, r.start_ms, r.stop_ms, o->prepaid);
  if (by_tiers) {
    c = *by_tiers;
  } else {
    Order copy = *o;
    copy.start_at = r.start_ms;
    c = charge_by_meter_of(copy, r.stop_ms, r.energy, station_zone(o->station_id));
  }
  std::string reason = o->end_reason.empty() ? "电桩结束：" + r.stop_reason : o->end_reason;
  settle(*o, c, reason, E::final_record);
  return res;
}

std::optional<CarOrders::Order> CarOrders::offline_card_order(const charging::TxRecord& r, int64_t tx_id) {
  auto number = member::normal_physical_number(r.card);
  if (!number) return std::nullopt;
  auto [card, target] = db_.read([&](Connection& c) {
    return std::make_pair(db::member::CardUseRepo(c).by_number(*number),
                          CarOrderRepo(c).target_on_device(r.device.id, r.connector));
  });
  if (!card || !target) return std::nullopt;
  charging::TxStart t;
  t.device_serial = r.device_serial;
  t.timestamp_ms = r.start_ms;
  Order o;
  if (card_order(*target, t, tx_id, o)) return std::nullopt;  // no tariff: recorded only
  for (int attempt = 0;; ++attempt) {
    try {
      of_card(o, *card, "offline_card");
      o.id = db_.write([&](Connection& c) { return CarOrderRepo(c).insert(o); });
      break;
    } catch (const db::DatabaseError& e) {  // the order number taken meanwhile: drawn again
      if (!e.unique_violation() || attempt >= 5) throw;
    }
  }
  spdlog::info("car order {}: offline card {} session {} on {}", o.order_no, card->card_no, r.device_serial,
               r.device.code);
  return o;
}

// ---- OrderEnder -----------------------------------------------------------------------------------------

EndResult CarOrders::end_order(const Order& o, const EndRequest& r) {
  // The order settles now by the last reported energy; a later device record only adds to
  // charging_transaction.
  int64_t energy = o.energy;
  int64_t end_ms = o.last_report_at.value_or(now_ms());
  if (auto m = live_meter(o); m && m->energy) {
    energy = std::max<int64_t>(energy, *m->energy - o.meter_start);
    end_ms = std::max(end_ms, m->time);
  }
  if (!o.start_at) energy = 0;  // never started: nothing to bill
  std::string reason =
      (r.reason.empty() ? std::string("管理员结束") : r.reason) + (r.op.empty() ? "" : "（" + r.op + "）");
  CarCharge c = charge_by_meter_of(o, end_ms, energy, station_zone(o.station_id));
  auto s = settle(o, c, reason, E::admin_end);
  if (!s) fail_conflict("订单状态已变化，请刷新后重试");
  return *s;
}

// ---- the sweep of one open order -----------------------------------------------------------------------

void CarOrders::sweep_one(const Order& o, int64_t now, std::vector<db::car_order::Progress>& progress) {
  if (awaiting_start(o, now)) return;
  bool online = gateway_.is_online(CarKind::device_of(o));
  auto m = live_meter(o);
  follow_connection(o, now, online, m && m->time > o.device_lost_at.value_or(0));
  if (!online || o.state == S::suspended) return;
  // charging / stopping
  if (!m || !m->energy) return;
  int64_t energy = std::max<int64_t>(0, *m->energy - o.meter_start);
  int64_t power = m->power_w ? static_cast<int64_t>(*m->power_w) : 0;
  if (energy != o.energy || power != o.power_w) progress.push_back({o.id, energy, power, m->time});
  if (o.state == S::charging && o.prepaid > 0) {
    auto zone = sweep_zones_.find(o.station_id);
    if (zone == sweep_zones_.end())
      zone = sweep_zones_.emplace(o.station_id, station_zone(o.station_id)).first;
    if (cost_so_far(o, energy, std::max(m->time, now), zone->second) < o.prepaid) return;
    bool stopping = db_.write([&](Connection& c) {
      return CarOrderRepo(c).request_stop(o.id, o.state, *next_state(o.state, E::stop_requested),
                                          "预付金额已用完", now);
    });
    if (stopping) {
      spdlog::info("car order {}: cost reached the prepayment {}: stopping", o.order_no, o.prepaid);
      send_stop(o);
    }
  }
}

}  // namespace zc::order
