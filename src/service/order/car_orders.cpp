#include "service/order/car_orders.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/money_text.hpp"
#include "core/timezone.hpp"
#include "domain/order/car_order_state.hpp"
#include "service/car/tariff_service.hpp"
#include "storage/repositories/station_common.hpp"

namespace zc::order {

namespace json = boost::json;
using db::Connection;
using db::car_order::CarOrderRepo;
using S = CarOrderState;
using E = CarOrderEvent;

namespace {

std::string state_name(S s) {
  return std::string(to_string(s));
}

// The state an event leads to from the stored state, or nullopt (not allowed: logged, nothing changes).
std::optional<S> after(const std::string& stored, E e) {
  auto s = parse_car_order_state(stored);
  if (!s) return std::nullopt;
  return next_state(*s, e);
}

bool is_open(const std::string& state) {
  return state == "starting" || state == "charging" || state == "stopping" || state == "suspended";
}

TimeZone zone_named(const std::string& name) {
  return TimeZone::find(name).value_or(TimeZone::shanghai());
}

}  // namespace

CarOrders::CarOrders(car::CarContext car, payment::PaymentService& payments, devices::MeterStore& meters,
                     charging::RecordingChargingService& recording)
    : car_(car),
      cfg_(car.cfg),
      payments_(payments),
      meters_(meters),
      recording_(recording),
      sweeper_("car-orders",
               std::chrono::milliseconds(std::max<int64_t>(100, car.cfg.order.sweep_interval_ms)),
               [this] { sweep(); }),
      workers_("car orders", static_cast<size_t>(std::clamp<int64_t>(car.cfg.order.command_threads, 1, 64))) {
}

CarOrders::~CarOrders() {
  stop();
}

void CarOrders::start() {
  payments_.on_paid([this](const db::payment::PayOrder& p) { on_paid(p); });
  workers_.start();
  sweeper_.start();
}

void CarOrders::stop() {
  sweeper_.stop();
  workers_.stop();
}

devices::DeviceRef CarOrders::pile_ref(const Order& o) const {
  return {devices::DeviceKind::car_pile, o.pile_id, o.pile_code};
}

// ---- app API -------------------------------------------------------------------------------------------

json::object CarOrders::create(const CarOrderRequest& r) {
  if (r.amount <= 0) fail_bad_request("amount: 预付金额必须大于0（分）");
  if (r.plate.size() > 16) fail_bad_request("plate: 车牌号过长");
  if (!r.gun_id && r.gun_code.empty()) fail_bad_request("gunId: 请提供充电枪（gunId或gunCode）");
  auto target = car_.db.read([&](Connection& c) {
    CarOrderRepo repo(c);
    return r.gun_id ? repo.gun_by_id(*r.gun_id) : repo.gun_by_code(r.gun_code);
  });
  if (!target) fail_not_found(r.gun_id ? "gunId: 充电枪不存在" : "gunCode: 充电枪不存在");
  const auto& g = *target;
  if (g.audit_status != 1 || g.station_status != 0) fail_conflict("电站未开放，不能充电：" + g.station_name);
  if (g.area_status != 0) fail_conflict("该区域已停用，不能充电");
  if (g.pile_status != 0) fail_conflict("电桩已停用，不能充电：" + g.pile_code);
  if (g.gun_status != 0) fail_conflict("充电枪已停用，不能充电：" + g.gun_code);
  if (!car_.gateway.is_online({devices::DeviceKind::car_pile, g.pile_id, g.pile_code}))
    fail_conflict("电桩离线，不能充电：" + g.pile_code);
  auto running = car_.db.read([&](Connection& c) { return CarOrderRepo(c).running_on_gun(g.gun_id); });
  if (running && running->user_id == r.user_id)
    fail_conflict("您在该充电枪已有进行中的订单：" + running->order_no);
  if (running || (g.gun_state != "idle" && g.gun_state != "plugged"))
    fail_conflict("充电枪当前不可用（" + (running ? std::string("使用中") : g.gun_state) + "）：" +
                  g.gun_code);
  bool has_merchant = car_.db.read([&](Connection& c) {
    return payments_.merchant_of(c, db::station::StationType::car, g.station_id).has_value();
  });
  if (!has_merchant) fail_conflict("该电站未配置支付，不能在线支付：" + g.station_name);
  auto tariff = car::TariffService(car_).in_force_for_area(g.area_id, car_.clock.now());
  if (!tariff) fail_conflict("该区域没有生效的计费规则，不能充电");
  bool listed = std::find(tariff->prepay_values.begin(), tariff->prepay_values.end(), r.amount) !=
                tariff->prepay_values.end();
  if (!listed && (r.amount < cfg_.order.min_prepay_fen || r.amount > cfg_.order.max_prepay_fen))
    fail_bad_request("amount: 预付金额须为计费规则的预付值之一，或在" +
                     std::to_string(cfg_.order.min_prepay_fen) + "到" +
                     std::to_string(cfg_.order.max_prepay_fen) + "分之间");

  payment::PrepayInput in;
  in.order_type = "car";
  in.station_type = db::station::StationType::car;
  in.station_id = g.station_id;
  in.amount = r.amount;
  in.phone = r.phone;
  in.user_id = r.user_id;
  in.description = "汽车充电预付 " + g.gun_code;
  auto p = payments_.create_prepay(in);
  car_.db.write([&](Connection& c) {
    CarOrderRepo(c).insert_prepay({p.id, r.user_id, g.gun_id, r.plate}, now_ms());
  });
  return json::object{{"payNo", p.pay_no},
                      {"cashierUrl", p.cashier_path},
                      {"amount", p.amount},
                      {"expireTime", p.expires_at},
                      {"gunCode", g.gun_code}};
}

json::object CarOrders::stop_by_driver(int64_t user_id, const std::string& order_no) {
  auto o = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_no(order_no); });
  if (!o || o->user_id != user_id) fail_not_found("orderNo: 订单不存在");
  if (o->state == "stopping") return json::object{{"orderNo", o->order_no}, {"state", "stopping"}};
  if (o->state != "charging") fail_conflict("订单当前状态为" + o->state + "，不能停止");
  bool now_stopping = car_.db.write(
      [&](Connection& c) { return CarOrderRepo(c).mark_stopping(o->id, "用户停止", now_ms()); });
  if (now_stopping) send_stop(*o);
  return json::object{{"orderNo", o->order_no}, {"state", "stopping"}};
}

json::object CarOrders::detail(int64_t user_id, const std::string& order_no) {
  auto o = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_no(order_no); });
  if (!o || o->user_id != user_id) fail_not_found("orderNo: 订单不存在");
  return order_json(*o, true);
}

json::array CarOrders::list(int64_t user_id, int64_t page_num, int64_t page_size, int64_t& total) {
  auto rows = car_.db.read(
      [&](Connection& c) { return CarOrderRepo(c).user_orders(user_id, page_num, page_size, total); });
  json::array out;
  for (const auto& o : rows) out.push_back(order_json(o, false));
  return out;
}

std::optional<devices::LatestMeter> CarOrders::live_meter(const Order& o) const {
  if (!o.device_tx_id) return std::nullopt;
  auto m = meters_.latest({devices::DeviceKind::car_pile, o.pile_id}, o.gun_no);
  if (!m || m->transaction_id != o.device_tx_id) return std::nullopt;
  return m;
}

json::object CarOrders::order_json(const Order& o, bool live) {
  json::object j;
  j["orderNo"] = o.order_no;
  j["state"] = o.state;
  j["stationId"] = o.station_id;
  j["stationName"] = car_.db.read([&](Connection& c) { return CarOrderRepo(c).station_name(o.station_id); });
  j["pileCode"] = o.pile_code;
  j["gunCode"] = o.gun_code;
  j["gunNo"] = o.gun_no;
  j["plate"] = o.plate;
  j["startMethod"] = o.start_method;
  j["prepaid"] = o.prepaid;
  j["charged"] = o.charged;
  j["refunded"] = o.refunded;
  j["energyFee"] = o.energy_fee;
  j["serviceFee"] = o.service_fee;
  j["endReason"] = o.end_reason;
  j["createTime"] = o.created_at;
  j["startTime"] = o.start_at ? json::value(*o.start_at) : json::value(nullptr);
  j["endTime"] = o.end_at ? json::value(*o.end_at) : json::value(nullptr);
  int64_t energy = o.energy;
  j["powerW"] = o.power_w;
  j["voltage"] = nullptr;
  j["current"] = nullptr;
  j["soc"] = nullptr;
  if (live && is_open(o.state)) {
    if (auto m = live_meter(o)) {
      if (m->energy) energy = std::max<int64_t>(0, *m->energy - o.meter_start);
      if (m->power_w) j["powerW"] = static_cast<int64_t>(*m->power_w);
      if (m->voltage_v) j["voltage"] = *m->voltage_v;
      if (m->current_a) j["current"] = *m->current_a;
      if (m->soc) j["soc"] = *m->soc;
    }
  }
  j["energy"] = energy;
  j["kwh"] = money::energy_text(energy);
  int64_t end = o.end_at.value_or(now_ms());
  j["durationS"] = o.start_at ? std::max<int64_t>(0, end - *o.start_at) / 1000 : 0;
  if (o.state == "completed") {
    j["costSoFar"] = o.charged;
  } else if (o.start_at && o.tariff_version_id) {
    j["costSoFar"] = cost_so_far(o, energy, now_ms(), station_zone(o.station_id));
  } else {
    j["costSoFar"] = 0;
  }
  json::value tiers = json::array();
  if (!o.billing_detail.empty()) {
    boost::system::error_code ec;
    json::value d = json::parse(o.billing_detail, ec);
    if (!ec && d.is_object() && d.as_object().contains("tiers")) tiers = d.as_object().at("tiers");
  }
  j["tiers"] = std::move(tiers);
  return j;
}

// ---- pricing ---------------------------------------------------------------------------------------------

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
  return zone_named(
      car_.db.read([&](Connection& c) { return CarOrderRepo(c).station_timezone(station_id); }));
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

void CarOrders::on_paid(const db::payment::PayOrder& p) {
  if (p.order_type != "car") return;
  post([this, p] { start_paid(p); });
}

void CarOrders::start_paid(const db::payment::PayOrder& p, const std::string& late) {
  auto prepay = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_prepay(p.id); });
  if (!prepay) return;  // a car pay order not made by the app (admin test prepay): nothing to start
  auto g = car_.db.read([&](Connection& c) { return CarOrderRepo(c).gun_by_id(prepay->gun_id); });
  if (!g) {
    spdlog::error("car pay order {}: gun {} is gone; the payment is returned", p.pay_no, prepay->gun_id);
    payments_.settle(p.id, 0);
    return;
  }
  auto tariff = car::TariffService(car_).in_force_for_area(g->area_id, car_.clock.now());
  Order o;
  o.provider_id = g->provider_id;
  o.property_id = g->property_id;
  o.station_id = g->station_id;
  o.area_id = g->area_id;
  o.pile_id = g->pile_id;
  o.pile_code = g->pile_code;
  o.gun_id = g->gun_id;
  o.gun_code = g->gun_code;
  o.gun_no = g->gun_no;
  o.user_id = prepay->user_id;
  o.phone = p.phone;
  o.plate = prepay->plate;
  o.start_method = "app";
  o.state = "starting";
  o.protocol = g->protocol;
  if (tariff) o.tariff_version_id = tariff->version_id;
  o.pay_order_id = p.id;
  o.prepaid = p.paid_amount;
  o.created_at = now_ms();
  // What changed between the driver's request and the payment (the gun was not reserved: docs/orders.md).
  std::string problem = late;  // recovered late: not started whatever the gun's state
  if (problem.empty()) {
    if (!tariff)
      problem = "没有生效的计费规则";
    else if (g->pile_status != 0 || g->gun_status != 0)
      problem = "电桩或充电枪已停用";
    else if (!car_.gateway.is_online(pile_ref(o)))
      problem = "电桩离线";
  }
  payment::PendingSettlement returned;  // a session that cannot start: the whole prepayment goes back
  std::string why;                      // problem, or what the transaction found
  for (int attempt = 0;; ++attempt) {
    o.order_no = new_order_no('C');
    try {
      o.id = car_.db.write([&](Connection& c) {
        CarOrderRepo repo(c);
        // Two drivers who paid for the gun at once: under the gun's lock the second sees the first's order
        // (read in this transaction, after the other committed) and is not started.
        repo.lock_gun(o.gun_id);
        why = problem;
        if (why.empty() && repo.running_on_gun(o.gun_id)) why = "充电枪已被占用";
        o.state = why.empty() ? "starting" : "abnormal";
        o.end_reason = why.empty() ? "" : "启动失败：" + why;
        int64_t id = repo.insert(o);
        repo.link_pay_order(p.id, id);
        if (!why.empty()) returned = payments_.settle_in(c, p.id, 0);
        return id;
      });
      problem = why;
      break;
    } catch (const db::DatabaseError& e) {
      if (!e.unique_violation() || attempt >= 5) throw;
      auto existing = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_pay_order(p.id); });
      if (existing) return;  // this payment already has its order
    }
  }
  if (!problem.empty()) {
    spdlog::warn("car order {}: not started ({}); the prepayment is returned", o.order_no, problem);
    payments_.send(returned);
    return;
  }
  devices::Command cmd{"remoteStart",
                       {{"connectorId", std::to_string(o.gun_no)},
                        {"idTag", o.order_no},
                        {"balance", std::to_string(o.prepaid)}}};
  // The answer comes back on a device thread; what it decides may write to the database: a worker.
  car_.gateway.send_async(pile_ref(o), cmd, std::chrono::milliseconds(cfg_.order.command_timeout_ms),
                          [this, o](devices::CommandReply reply) {
                            post([this, o, reply = std::move(reply)] { on_start_answer(o, reply); });
                          });
}

void CarOrders::on_start_answer(const Order& o, const devices::CommandReply& reply) {
  spdlog::info("car order {}: remoteStart on {} gun {}: {} {}", o.order_no, o.pile_code, o.gun_no,
               devices::to_string(reply.result), reply.message);
  if (reply.result == devices::CommandResult::rejected &&
      reply.message.find("gun not plugged") != std::string::npos) {
    // YKC §6.11: the pile starts by itself when the gun is plugged within 60 s — the start timeout decides
    spdlog::info("car order {}: waiting for the driver to plug in", o.order_no);
    return;
  }
  if (reply.result == devices::CommandResult::rejected || reply.result == devices::CommandResult::offline)
    fail_start(o, std::string("启动失败：") + (reply.result == devices::CommandResult::offline
                                                   ? "电桩离线"
                                                   : "电桩拒绝启动 " + reply.message));
  // accepted: the device's start confirmation moves it on; timeout: the sweeper's start timeout decides
}

void CarOrders::fail_start(const Order& o, const std::string& reason) {
  auto to = after(o.state, reason.find("超时") != std::string::npos ? E::start_timeout : E::start_refused);
  if (!to) return;
  payment::PendingSettlement returned;
  bool moved = car_.db.write([&](Connection& c) {
    if (!CarOrderRepo(c).transition(o.id, o.state, state_name(*to), reason, now_ms())) return false;
    if (o.pay_order_id) returned = payments_.settle_in(c, *o.pay_order_id, 0);
    return true;
  });
  if (!moved || !o.pay_order_id) return;
  spdlog::info("car order {}: {} — the prepayment is returned", o.order_no, reason);
  payments_.send(returned);
}

void CarOrders::send_stop(const Order& o) {
  devices::Command cmd{"remoteStop", {{"connectorId", std::to_string(o.gun_no)}}};
  if (o.device_tx_id) cmd.args["transactionId"] = std::to_string(*o.device_tx_id);
  car_.gateway.send_async(pile_ref(o), cmd, std::chrono::milliseconds(cfg_.order.command_timeout_ms),
                          [this, o](devices::CommandReply reply) {
                            post([this, o, reply = std::move(reply)] { on_stop_answer(o, reply); });
                          });
}

void CarOrders::on_stop_answer(const Order& o, const devices::CommandReply& reply) {
  spdlog::info("car order {}: remoteStop on {} gun {}: {} {}", o.order_no, o.pile_code, o.gun_no,
               devices::to_string(reply.result), reply.message);
  if (reply.result == devices::CommandResult::rejected) {
    // the pile says it is not charging that session: its record settles it; if it still charges, the
    // order goes back to charging (the driver may stop again)
    auto now = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find(o.id); });
    if (now && now->state == "stopping" && after("stopping", E::stop_refused))
      car_.db.write(
          [&](Connection& c) { CarOrderRepo(c).transition(o.id, "stopping", "charging", "", now_ms()); });
  }
}

// ---- settlement ---------------------------------------------------------------------------------------

std::optional<CarOrders::Settled> CarOrders::settle(const Order& o, const CarCharge& c,
                                                    const std::string& end_reason) {
  db::car_order::Completion done;
  done.energy = c.bill.total_energy;
  done.energy_fee = c.capped.charged.energy_fee_total;
  done.service_fee = c.capped.charged.service_fee_total;
  done.charged = c.capped.charged.total;
  done.billing_detail = billing_detail_json(c);
  done.end_reason = end_reason.empty() ? o.end_reason : end_reason;
  done.end_at = c.end_ms > 0 ? c.end_ms : now_ms();
  // The order's end, the capture and the refund's reservation commit together (no money left held by
  // a crash in between); the refund goes to the gateway after the commit.
  payment::PendingSettlement pending;
  bool claimed = car_.db.write([&](Connection& x) {
    CarOrderRepo repo(x);
    if (!repo.complete(o.id, o.state, done)) return false;
    if (o.pay_order_id) {
      pending = payments_.settle_in(x, *o.pay_order_id, c.bill.total_fen);
      repo.set_charged(o.id, pending.settlement.charged);
    }
    return true;
  });
  if (!claimed) return std::nullopt;
  Settled out{"completed", done.charged, 0};
  if (o.pay_order_id) {
    auto s = payments_.send(pending);
    out.charged = s.settlement.charged;
    out.refunded = s.refund && s.refund->status == "pending" ? s.settlement.refund : 0;
  }
  spdlog::info("car order {} completed: energy {} cost {} charged {} refunded {} ({})", o.order_no,
               done.energy, c.bill.total_fen, out.charged, out.refunded, c.method);
  return out;
}

// ---- ChargingService ------------------------------------------------------------------------------------

charging::IdTagResult CarOrders::authorize(const devices::DeviceRef& device, const std::string& id_tag) {
  auto o = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_no(id_tag); });
  if (o && o->pile_id == device.id) {
    if (is_open(o->state)) return {"Accepted", {}};
    return {"Invalid", {}};  // an ended order's idTag never starts another session
  }
  return recording_.authorize(device, id_tag);
}

void CarOrders::expect_remote_start(const devices::DeviceRef& device, const std::string& id_tag) {
  recording_.expect_remote_start(device, id_tag);
}

charging::TxStartResult CarOrders::start_transaction(const charging::TxStart& t) {
  charging::TxStartResult r = recording_.start_transaction(t);
  auto o = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_no(t.id_tag); });
  if (!o || o->pile_id != t.device.id) return r;  // not a platform order: recorded only
  std::string txn = t.device_serial.empty() ? std::to_string(r.transaction_id) : t.device_serial;
  if (o->state == "starting") {
    bool ok = car_.db.write([&](Connection& c) {
      return CarOrderRepo(c).confirm_start(o->id, txn, r.transaction_id,
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
  spdlog::warn("car order {} is {}: the late start {} on {} is stopped", o->order_no, o->state, txn,
               o->pile_code);
  Order copy = *o;
  copy.device_tx_id = r.transaction_id;
  send_stop(copy);
  r.id_tag = {"Invalid", {}};
  return r;
}

std::optional<charging::IdTagResult> CarOrders::stop_transaction(const charging::TxStop& t) {
  auto answer = recording_.stop_transaction(t);
  auto o = car_.db.read([&](Connection& c) {
    return CarOrderRepo(c).find_by_txn(t.device.id, std::to_string(t.transaction_id));
  });
  if (!o) return answer;
  if (t.id_tag && *t.id_tag == o->order_no) answer = charging::IdTagResult{"Accepted", {}};
  if (!after(o->state, E::final_record)) return answer;  // already completed: a repeated stop changes nothing
  int64_t energy = std::max<int64_t>(0, t.meter_stop_wh * 10 - o->meter_start);
  CarCharge c = charge_by_meter_of(*o, t.timestamp_ms, energy, station_zone(o->station_id));
  std::string reason = o->end_reason;
  if (reason.empty()) reason = "电桩结束：" + (t.reason.empty() ? std::string("Local") : t.reason);
  settle(*o, c, reason);
  return answer;
}

charging::TxRecordResult CarOrders::transaction_record(const charging::TxRecord& r) {
  charging::TxRecordResult res = recording_.transaction_record(r);
  if (!res.first) return res;     // a retransmitted record: acknowledged again, nothing changes
  if (!res.accepted) return res;  // cannot belong to this pile or gun: stored for review, settles nothing
  auto o =
      car_.db.read([&](Connection& c) { return CarOrderRepo(c).find_by_txn(r.device.id, r.device_serial); });
  if (!o) {
    // The platform never saw the start confirmation of an app order (lost 0x33): the transaction row of
    // the serial carries the idTag = order number when the pile confirmed it, else it is a card/VIN/offline
    // session without a platform order (recorded only; docs/orders.md).
    spdlog::info("car record {} on {}: no platform order (start method {}); recorded only", r.device_serial,
                 r.device.code, r.start_method);
    return res;
  }
  if (!after(o->state, E::final_record)) return res;
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
  settle(*o, c, reason);
  return res;
}

void CarOrders::flag_transaction(const devices::DeviceRef& device, int64_t connector,
                                 const std::string& device_serial, const std::string& why) {
  recording_.flag_transaction(device, connector, device_serial, why);
}

// ---- OrderEnder -----------------------------------------------------------------------------------------

EndResult CarOrders::end(const EndRequest& r) {
  auto o = car_.db.read([&](Connection& c) { return CarOrderRepo(c).find(r.order_id); });
  if (!o) fail_not_found("订单不存在");
  auto st = parse_car_order_state(o->state);
  if (!st || !admin_can_end(*st)) fail_conflict("订单状态为" + o->state + "，不能结束");
  // The order settles now by the last reported energy; a later device record only adds to
  // charging_transaction.
  int64_t energy = o->energy;
  int64_t end_ms = o->last_report_at.value_or(now_ms());
  if (auto m = live_meter(*o); m && m->energy) {
    energy = std::max<int64_t>(energy, *m->energy - o->meter_start);
    end_ms = std::max(end_ms, m->time);
  }
  if (!o->start_at) energy = 0;  // never started: nothing to bill
  std::string reason =
      (r.reason.empty() ? std::string("管理员结束") : r.reason) + (r.op.empty() ? "" : "（" + r.op + "）");
  CarCharge c = charge_by_meter_of(*o, end_ms, energy, station_zone(o->station_id));
  auto s = settle(*o, c, reason);
  if (!s) fail_conflict("订单状态已变化，请刷新后重试");
  // Best effort: a pile that still charges is told to stop; its final record finds the order completed.
  if ((o->state == "charging" || o->state == "stopping") && car_.gateway.is_online(pile_ref(*o)))
    send_stop(*o);
  return EndResult{"completed", s->charged, s->refunded, "已结束"};
}

// ---- timers -----------------------------------------------------------------------------------------------

int CarOrders::recover_unstarted(int64_t now) {
  auto due = car_.db.read([&](Connection& c) {
    return db::payment::PaymentRepo(c).paid_without_order("car", now - kRecoveryWindowMs,
                                                          now - kUnstartedGraceMs, 100);
  });
  int recovered = 0;
  for (const auto& p : due) {
    try {
      spdlog::warn("car pay order {}: paid at {} but no order was started; recovered", p.pay_no,
                   p.paid_at.value_or(0));
      start_paid(p, "支付后未能启动（服务中断），预付款已全额退回");
      ++recovered;
    } catch (const std::exception& e) {
      spdlog::error("car pay order {}: recovery failed: {}", p.pay_no, e.what());
    }
  }
  return recovered;
}

void CarOrders::sweep() {
  auto orders = car_.db.read([&](Connection& c) { return CarOrderRepo(c).open_orders(); });
  int64_t now = now_ms();
  if (now - last_recovery_ms_ >= kRecoveryEveryMs) {
    last_recovery_ms_ = now;
    recover_unstarted(now);
  }
  std::vector<db::car_order::LiveValues> live;  // written together below: one transaction per sweep
  std::map<int64_t, TimeZone> zones;            // station → zone, read once per sweep
  auto zone_of = [&](int64_t station_id) -> const TimeZone& {
    auto it = zones.find(station_id);
    if (it == zones.end()) it = zones.emplace(station_id, station_zone(station_id)).first;
    return it->second;
  };
  for (const auto& o : orders) {
    try {
      if (o.state == "starting") {
        if (start_timed_out(o.created_at, now, cfg_.order.start_timeout_s * 1000))
          fail_start(o, "启动超时：电桩未确认启动");
        continue;
      }
      bool online = car_.gateway.is_online(pile_ref(o));
      auto m = live_meter(o);
      if (o.state == "suspended") {
        if (online && m && m->time > o.device_lost_at.value_or(0) && after(o.state, E::device_returned)) {
          bool back = car_.db.write([&](Connection& c) {
            CarOrderRepo repo(c);
            bool moved = repo.transition(o.id, "suspended", "charging", "", now);
            if (moved) repo.set_device_lost(o.id, std::nullopt);
            return moved;
          });
          if (back)
            spdlog::info("car order {}: the pile is back with the session: charging again", o.order_no);
        }
        continue;
      }
      // charging / stopping
      if (!online) {
        if (!o.device_lost_at) {
          car_.db.write([&](Connection& c) { CarOrderRepo(c).set_device_lost(o.id, now); });
        } else if (suspend_due(*o.device_lost_at, now, cfg_.order.device_lost_timeout_s * 1000)) {
          auto to = after(o.state, E::device_lost_timeout);
          if (to && car_.db.write([&](Connection& c) {
                return CarOrderRepo(c).transition(o.id, o.state, state_name(*to), "", now);
              }))
            spdlog::warn("car order {}: pile {} offline for {} s: suspended", o.order_no, o.pile_code,
                         (now - *o.device_lost_at) / 1000);
        }
        continue;
      }
      if (o.device_lost_at)
        car_.db.write([&](Connection& c) { CarOrderRepo(c).set_device_lost(o.id, std::nullopt); });
      if (!m || !m->energy) continue;
      int64_t energy = std::max<int64_t>(0, *m->energy - o.meter_start);
      int64_t power = m->power_w ? static_cast<int64_t>(*m->power_w) : 0;
      if (energy != o.energy || power != o.power_w) live.push_back({o.id, energy, power, m->time});
      if (o.state == "charging" && o.prepaid > 0 &&
          cost_so_far(o, energy, std::max(m->time, now), zone_of(o.station_id)) >= o.prepaid) {
        bool stopping = car_.db.write(
            [&](Connection& c) { return CarOrderRepo(c).mark_stopping(o.id, "预付金额已用完", now); });
        if (stopping) {
          spdlog::info("car order {}: cost reached the prepayment {}: stopping", o.order_no, o.prepaid);
          send_stop(o);
        }
      }
    } catch (const std::exception& e) {
      spdlog::error("car order {}: sweep failed: {}", o.order_no, e.what());
    }
  }
  if (!live.empty()) {
    try {
      car_.db.write([&](Connection& c) {
        CarOrderRepo repo(c);
        for (const auto& v : live) repo.set_live(v);
      });
    } catch (const std::exception& e) {
      spdlog::error("car orders: live values of {} orders not written: {}", live.size(), e.what());
    }
  }
}

}  // namespace zc::order
