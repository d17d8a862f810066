#pragma once
// The charging order's flow, once for both kinds (docs/orders.md): start request → payment hook
// (start_paid: the order in its first state) → start command (send_start) → charging sweep (sweep: one
// batched write per sweep) → settle (finish) → recover unstarted (recover_unstarted), with the driver's
// list and detail, the devices' idTag check and the admin end around it.
//
// OrderFlow<Self, K> is the base of CarOrders and BikeOrders (CRTP). K names the kind's types (order row,
// repository, state table, target, bill record) and its device; Self supplies what differs: the billing
// engine and its figures (sweep_one, view_of, cost_now, end_order), the checks of a start (prepare), and
// what the kind does with a device's answer (on_start_answer, on_stop_answer, stop_command).
// Repositories of both kinds have the same names for the same steps (target_by_id, lock_target,
// running_on_target, request_of, open_orders, fail_start, transition, set_device_lost, finish, …).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "devices/gateway.hpp"
#include "devices/meter_store.hpp"
#include "domain/order/state_table.hpp"
#include "service/order/card_sessions.hpp"
#include "service/order/order_actions.hpp"
#include "service/order/order_common.hpp"
#include "service/order/order_lifecycle.hpp"
#include "service/payment/payment_service.hpp"
#include "storage/database.hpp"

namespace zc::order {

struct FlowSettings {
  int64_t sweep_ms = 1000, command_timeout_ms = 15000;
  int64_t start_timeout_s = 60, suspend_timeout_s = 120;
  size_t workers = 1;
  // The payment hook posts the start to a worker (it waits for the target's row lock) or runs it in the
  // payment's notification.
  bool start_on_worker = false;
  int64_t card_min_balance = 100;  // fen: a card with less does not start a session
};

template <class Self, class K>
class OrderFlow : public RecordedCharging, public OrderEnder {
 public:
  using Order = typename K::Order;
  using Repo = typename K::Repo;
  using State = typename K::State;
  using Event = typename K::Event;

  OrderFlow(db::Database& db, devices::DeviceGateway& gateway, devices::MeterStore& meters,
            payment::PaymentService& payments, charging::ChargingService& recording, FlowSettings s)
      : RecordedCharging(recording),
        db_(db),
        gateway_(gateway),
        meters_(meters),
        payments_(payments),
        s_(s),
        life_(db, payments, K::name, s.sweep_ms, s.workers, [this] { sweep(); }) {}
  ~OrderFlow() override { stop(); }
  OrderFlow(const OrderFlow&) = delete;
  OrderFlow& operator=(const OrderFlow&) = delete;

  // Registers the payment hook (PaymentService::on_paid) and starts the sweeper and the workers. The kind
  // calls stop() in its destructor, before its own members go.
  void start() {
    if (s_.start_on_worker)
      life_.start([this](const db::payment::PayOrder& p) { post([this, p] { start_paid(p); }); });
    else
      life_.start([this](const db::payment::PayOrder& p) { start_paid(p); });
  }
  void stop() { life_.stop(); }

  // ---- driver API (the caller is signed in; every order is looked up as the caller's own) ----
  typename K::View detail_of_user(int64_t user_id, const std::string& order_no) {
    return self().view_of(own(user_id, order_no), true);
  }
  std::pair<std::vector<typename K::View>, int64_t> list_of_user(int64_t user_id, int64_t page_num,
                                                                 int64_t page_size) {
    page_num = std::max<int64_t>(1, page_num);
    page_size = std::clamp<int64_t>(page_size, 1, 100);
    auto [orders, total] = db_.read([&](db::Connection& c) {
      Repo repo(c);
      return std::make_pair(repo.of_user(user_id, (page_num - 1) * page_size, page_size),
                            repo.count_of_user(user_id));
    });
    std::vector<typename K::View> rows;
    rows.reserve(orders.size());
    for (const auto& o : orders) rows.push_back(self().view_of(o, false));
    return {std::move(rows), total};
  }

  // The payment of a start request was applied (PaymentService::on_paid): the order is written in its
  // first state (OrderLifecycle::write_first_state) and the device told to start. `late`: the reason when
  // it is recovered late (recover_unstarted) — the order is made and failed at once, never started then.
  void start_paid(const db::payment::PayOrder& p, const std::string& late = "") {
    auto req = db_.read([&](db::Connection& c) { return Repo(c).request_of(p.id); });
    if (!req) return;  // a pay order of this type not made by a driver's start request: nothing to start
    int64_t target_id = K::target_of(*req);
    auto target = db_.read([&](db::Connection& c) { return Repo(c).target_by_id(target_id); });
    Order o;
    // What changed between the driver's request and the payment (the target was not reserved).
    std::optional<std::string> problem = target ? self().prepare(p, *req, *target, late, o) : std::nullopt;
    if (!problem) {
      spdlog::error("{} pay order {}: its {} {} or tariff is gone; the payment is returned", K::name,
                    p.pay_no, K::target_word, target_id);
      payments_.settle(p.id, 0);
      return;
    }
    auto first =
        life_.write_first_state(p.id, [&](db::Connection& c) -> std::optional<OrderLifecycle::FirstState> {
          Repo repo(c);
          repo.lock_target(target_id);  // then the checks: OrderLifecycle::write_first_state
          if (repo.find_by_pay_order(p.id)) return std::nullopt;  // this payment already has its order
          std::string why = *problem;
          if (why.empty() && repo.running_on_target(target_id)) why = K::target_busy;
          o.order_no = new_order_no(K::order_prefix);
          o.state = K::first_state;
          if (!why.empty()) self().mark_not_started(o, why);
          o.id = repo.insert(o);
          repo.link_pay_order(p.id, o.id);
          return OrderLifecycle::FirstState{o.id, why};
        });
    if (!first) return;
    if (!first->why.empty()) {
      spdlog::warn("{} order {}: not started ({}); the prepayment is returned", K::name, o.order_no,
                   first->why);
      return;
    }
    spdlog::info("{} order {} created for {} ({} {} of {}, prepaid {} fen)", K::name, o.order_no, p.pay_no,
                 K::target_word, K::connector_of(o), K::device_of(o).code, o.prepaid);
    send_start(o);
  }

  // Payments of start requests that never became an order (the process stopped between the payment and
  // the start), paid more than kUnstartedGraceMs before `now`: each becomes an abnormal order and the
  // whole prepayment is returned. The sweeper runs it every kRecoveryEveryMs (public for the test
  // route). Returns how many were recovered.
  int recover_unstarted(int64_t now) {
    return life_.recover_unstarted(
        now, [this](const db::payment::PayOrder& p, const std::string& why) { start_paid(p, why); });
  }

  // One sweep over the open orders (the sweeper thread; public for tests that drive time themselves):
  // their figures are written together, in one transaction.
  void sweep() {
    auto orders = db_.read([](db::Connection& c) { return Repo(c).open_orders(); });
    int64_t now = now_ms();
    if (life_.recovery_due(now)) recover_unstarted(now);
    self().before_sweep(orders);
    std::vector<typename K::Progress> progress;
    for (const auto& o : orders) {
      try {
        self().sweep_one(o, now, progress);
      } catch (const std::exception& e) {
        spdlog::error("{} order {}: sweep failed: {}", K::name, o.order_no, e.what());
      }
    }
    life_.write_batch(progress,
                      [](db::Connection& c, const typename K::Progress& p) { Repo(c).set_progress(p); });
  }

  // ---- ChargingService: the order's idTag (= order number) on its own device ----
  charging::IdTagResult authorize(const devices::DeviceRef& device, const std::string& id_tag) override {
    auto o = order_of_tag(id_tag);
    if (o && K::device_of(*o).id == device.id) {
      if (self().accepts_start(*o)) return {"Accepted", {}};
      return {"Invalid", {}};  // an ended order's idTag never starts another session
    }
    if (auto card = authorize_card(device, id_tag)) return *card;
    return recording_.authorize(device, id_tag);
  }

  // ---- OrderEnder (ORD-CAR / ORD-BIKE 结束) ----
  EndResult end(const EndRequest& r) override {
    auto o = find(r.order_id);
    if (!o) fail_not_found("订单不存在");
    if (!admin_can_end(o->state)) fail_conflict("订单状态为" + state_name(o->state) + "，不能结束");
    EndResult out = self().end_order(*o, r);
    // Best effort: a device that still charges is told to stop; its final report finds the order ended.
    if (self().may_still_run(*o) && gateway_.is_online(K::device_of(*o))) send_stop(*o);
    return out;
  }
  std::optional<int64_t> running_cost(int64_t order_id) override {
    auto o = find(order_id);
    if (!o || !is_open(o->state)) return std::nullopt;
    return self().cost_now(*o);
  }

 protected:
  Self& self() { return static_cast<Self&>(*this); }

  // The order an idTag names (its number); a YKC card's idTag ("card:…") names none, not looked up.
  std::optional<Order> order_of_tag(const std::string& id_tag) {
    if (id_tag.rfind("card:", 0) == 0) return std::nullopt;
    return find_by_no(id_tag);
  }

  // ---- cards (docs/members.md "Charging with a card") ----
  // A card's idTag at the device: the start check with its balance (one statement: every swipe of a burst
  // waits for it); nothing when no card has that number (then the idTag is treated as before cards).
  std::optional<charging::IdTagResult> authorize_card(const devices::DeviceRef& device,
                                                      const std::string& id_tag) {
    auto number = card_number_of(id_tag);
    if (!number) return std::nullopt;
    auto at = db_.read(
        [&](db::Connection& c) { return db::member::CardUseRepo(c).at_device(*number, K::name, device.id); });
    if (!at) return std::nullopt;
    if (!at->station_id) return card_answer(member::CardRefusal::wrong_station, at->card.balance);
    return card_answer(check_card(at->card, K::name, at->station_bound, s_.card_min_balance, now_ms()),
                       at->card.balance);
  }

  // The driver starts with one of their cards (APP-4) instead of paying: the order is written under the
  // target's and the card's locks (the card checked again, its balance the cap) and the device is told to
  // start, as after a payment. 404 for a card that is not the driver's, 409 naming the refusal.
  CardStart start_with_card(int64_t user_id, int64_t card_id, const typename K::Target& target) {
    auto card = db_.read([&](db::Connection& c) { return db::member::CardUseRepo(c).by_id(card_id); });
    if (!card || card->user_id != user_id) fail_not_found("cardId: 电卡不存在");
    Order o;
    o.state = K::first_state;
    if (auto problem = self().card_target(target, o)) fail_conflict(*problem);
    std::string why;
    CardOpened opened = write_card_order(o, K::target_id(target), card_id, &why);
    if (!why.empty()) fail_conflict(why);
    if (opened.refusal != member::CardRefusal::none)
      fail_conflict("cardId: " + refusal_text(opened.refusal) + "，不能启动充电");
    spdlog::info("{} order {}: card {} started from the app on {} {} (balance {} fen)", K::name, o.order_no,
                 opened.card.card_no, K::device_of(o).code, K::connector_of(o), opened.card.balance);
    send_start(o);
    return {o.order_no, K::target_code(target), card_id, opened.card.balance};
  }

  // A session the device started for a card (YKC 0x31 → start_transaction; OCPP StartTransaction with the
  // printed number): the card's order, started, its balance the cap (`r`: the recorded transaction).
  // Nothing when the idTag names no card: recorded only, as before cards.
  std::optional<charging::TxStartResult> start_card_session(const charging::TxStart& t,
                                                            charging::TxStartResult r) {
    auto number = card_number_of(t.id_tag);
    if (!number) return std::nullopt;
    auto card = db_.read([&](db::Connection& c) { return db::member::CardUseRepo(c).by_number(*number); });
    if (!card) return std::nullopt;
    const std::string txn = K::session_ref(t, r.transaction_id);
    auto known = db_.read([&](db::Connection& c) { return Repo(c).find_by_txn(t.device.id, txn); });
    if (known) {  // a retried start
      r.id_tag = card_answer(member::CardRefusal::none, card->balance);
      return r;
    }
    auto target =
        db_.read([&](db::Connection& c) { return Repo(c).target_on_device(t.device.id, t.connector); });
    if (!target) {
      r.id_tag = card_answer(member::CardRefusal::wrong_station, card->balance);
      return r;
    }
    Order o;
    std::optional<std::string> problem = self().card_order(*target, t, r.transaction_id, o);
    std::string why = problem.value_or("");
    CardOpened opened;
    if (why.empty()) {
      opened = write_card_order(o, K::target_id(*target), card->id, &why);
      if (opened.refusal == member::CardRefusal::none && why.empty()) {
        spdlog::info("{} order {}: card {} started on {} {} (balance {} fen)", K::name, o.order_no,
                     opened.card.card_no, K::device_of(o).code, K::connector_of(o), opened.card.balance);
        r.id_tag = card_answer(member::CardRefusal::none, opened.card.balance);
        return r;
      }
    }
    if (opened.refusal != member::CardRefusal::none) {
      r.id_tag = card_answer(opened.refusal, opened.card.balance);
      why = std::string(member::refusal_code(opened.refusal));
    } else {
      r.id_tag = {"Blocked", {}, card->balance, "wrong_station"};
    }
    spdlog::warn("{} card {} on {} {}: not started ({}); the session is stopped", K::name, card->card_no,
                 t.device.code, t.connector, why);
    return r;
  }

  // Writes a card's order `o` (filled by the kind) under the target's and the card's locks: the card is
  // checked again, the order gets the card's number, holder and balance (the cap). `why`: the target runs
  // another order.
  CardOpened write_card_order(Order& o, int64_t target_id, int64_t card_id, std::string* why) {
    for (int attempt = 0;; ++attempt) {
      try {
        return db_.write([&](db::Connection& c) {
          Repo repo(c);
          repo.lock_target(target_id);
          if (repo.running_on_target(target_id)) {
            *why = K::target_busy;
            return CardOpened{};
          }
          CardPlace place{K::name, o.station_id};
          return open_card(c, card_id, place, s_.card_min_balance, now_ms(),
                           [&](const db::member::CardUse& card) {
                             of_card(o, card, "card");
                             return o.id = repo.insert(o);
                           });
        });
      } catch (const db::DatabaseError& e) {  // an order number taken meanwhile: drawn again
        if (!e.unique_violation() || attempt >= 5) throw;
      }
    }
  }

  // The card's part of its order: a new number, the card, its holder, its balance as the cap.
  void of_card(Order& o, const db::member::CardUse& card, const char* start_method) {
    o.order_no = new_order_no(K::order_prefix);
    o.start_method = start_method;
    o.card_no = card.card_no;
    o.user_id = card.user_id;
    o.phone = card.phone;
    o.prepaid = card.balance;
    o.created_at = now_ms();
    self().card_cap(o);
  }

  // Settlement of a card's order, in its transaction: the card pays what the session cost (capped at its
  // balance; what it could not cover is left uncharged, noted in the end reason) and is freed.
  void pay_by_card(db::Connection& c, const Order& o, int64_t charged) {
    bool offline = o.start_method == "offline_card";
    if ((o.start_method != "card" && !offline) || o.pay_order_id) return;
    auto spent =
        spend_card(c, {K::name, o.order_no, o.id, o.station_id, charged, offline ? o.card_no : ""}, now_ms());
    if (!spent) return;
    if (spent->short_by > 0) {
      Repo(c).set_charged(o.id, spent->paid, now_ms());
      db::member::CardUseRepo(c).note_short(K::name, o.id, spent->short_by, now_ms());
      spdlog::warn("{} order {}: the card's balance covered {} of {} fen", K::name, o.order_no, spent->paid,
                   charged);
    }
  }
  void post(std::function<void()> job) { life_.post(std::move(job)); }

  std::optional<Order> find(int64_t id) {
    return db_.read([&](db::Connection& c) { return Repo(c).find(id); });
  }
  std::optional<Order> find_by_no(const std::string& order_no) {
    return db_.read([&](db::Connection& c) { return Repo(c).find_by_no(order_no); });
  }
  // The driver's own order (404 otherwise).
  Order own(int64_t user_id, const std::string& order_no) {
    auto o = find_by_no(order_no);
    if (!o || o->user_id != user_id) fail_not_found("orderNo: 订单不存在");
    return *o;
  }

  // The start command; returns at once. The answer comes back on a device thread; what it decides may
  // write to the database: a worker.
  void send_start(const Order& o) {
    devices::RemoteStart cmd{K::connector_of(o), o.order_no, K::start_balance(o)};
    gateway_.send_async(K::device_of(o), cmd, std::chrono::milliseconds(s_.command_timeout_ms),
                        [this, o](devices::CommandReply reply) {
                          post([this, o, reply = std::move(reply)] { self().on_start_answer(o, reply); });
                        });
  }
  // The stop command (none when the kind has no session to name yet); the answer goes to a worker.
  void send_stop(const Order& o) {
    auto cmd = self().stop_command(o);
    if (!cmd) return;
    gateway_.send_async(K::device_of(o), *cmd, std::chrono::milliseconds(s_.command_timeout_ms),
                        [this, o](devices::CommandReply reply) {
                          post([this, o, reply = std::move(reply)] { self().on_stop_answer(o, reply); });
                        });
  }

  // An order that never started → abnormal by `e`, and the whole prepayment returned in the same
  // transaction. Nothing when it started meanwhile or another path ended it.
  void fail_start(const Order& o, Event e, const std::string& why) {
    auto to = next_state(o.state, e);
    if (!to) return;
    auto failed = life_.end_and_settle(o.pay_order_id, 0, [&](db::Connection& c) {
      bool ended = Repo(c).fail_start(o.id, o.state, *to, why, now_ms());
      if (ended) pay_by_card(c, o, 0);  // frees the card
      return ended;
    });
    if (failed) spdlog::warn("{} order {}: {} — the prepayment is returned", K::name, o.order_no, why);
  }

  // The sweeper's start timeout: true while `o` waits for the device's start (then nothing else to do).
  bool awaiting_start(const Order& o, int64_t now) {
    if (K::started(o)) return false;
    if (start_timed_out(o.created_at, now, s_.start_timeout_s * 1000))
      fail_start(o, K::start_timeout_event, self().start_timeout_reason());
    return true;
  }

  // The device's connection as the sweeper sees it: lost → device_lost_at; lost longer than the suspend
  // timeout → suspended; back with the session (`session_back`) → charging again.
  void follow_connection(const Order& o, int64_t now, bool online, bool session_back) {
    if (!online) {
      if (!o.device_lost_at) {
        db_.write([&](db::Connection& c) { Repo(c).set_device_lost(o.id, now); });
      } else if (auto to = next_state(o.state, Event::device_lost_timeout);
                 to && suspend_due(*o.device_lost_at, now, s_.suspend_timeout_s * 1000)) {
        if (db_.write([&](db::Connection& c) { return Repo(c).transition(o.id, o.state, *to, "", now); }))
          spdlog::warn("{} order {}: device {} offline for {} s: suspended", K::name, o.order_no,
                       K::device_of(o).code, (now - *o.device_lost_at) / 1000);
      }
      return;
    }
    if (o.state == State::suspended) {
      auto to = session_back ? next_state(o.state, Event::device_returned) : std::nullopt;
      if (!to) return;
      bool back = db_.write([&](db::Connection& c) {
        Repo repo(c);
        bool moved = repo.transition(o.id, o.state, *to, "", now);
        if (moved) repo.set_device_lost(o.id, std::nullopt);
        return moved;
      });
      if (back)
        spdlog::info("{} order {}: the device is back with the session: charging", K::name, o.order_no);
    } else if (o.device_lost_at) {
      db_.write([&](db::Connection& c) { Repo(c).set_device_lost(o.id, std::nullopt); });
    }
  }

  // The order's end with the bill `f` and its money in one transaction (OrderLifecycle::end_and_settle;
  // `cost` is captured up to the prepayment). o.state → next_state(·, e); when the order moved meanwhile
  // (suspended ↔ charging) tried again from its state now, `attempts` times in all. nullopt when another
  // path ended it first: settled once.
  std::optional<payment::Settled> finish(const Order& o, Event e, int64_t cost, const typename K::Finish& f,
                                         int attempts = 1) {
    return life_.end_and_settle(
        o.pay_order_id, cost,
        [&](db::Connection& c) {
          Repo repo(c);
          State from = o.state;
          for (int attempt = 1;; ++attempt) {
            auto to = next_state(from, e);
            if (!to) return false;
            if (repo.finish(o.id, from, *to, f)) {
              pay_by_card(c, o, f.charged);
              return true;
            }
            if (attempt >= attempts) return false;
            auto now = repo.find(o.id);
            if (!now) return false;
            from = now->state;
          }
        },
        [&](db::Connection& c, int64_t captured) { Repo(c).set_charged(o.id, captured, now_ms()); });
  }

  db::Database& db_;
  devices::DeviceGateway& gateway_;
  devices::MeterStore& meters_;
  payment::PaymentService& payments_;
  FlowSettings s_;
  OrderLifecycle life_;  // the sweeper and the workers (starts after the payment, the devices' answers)
};

}  // namespace zc::order
