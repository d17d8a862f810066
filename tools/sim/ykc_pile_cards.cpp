// zhichong-sim ykc: starts the pile asks for (0x31 by card or VIN → 0x32), balance updates (0x42) and the
// offline card list (0x44 / 0x46 / 0x48).
#include "sim_pick.hpp"
#include "ykc_pile.hpp"

namespace zc::sim::ykcsim {

namespace {
std::string card_hex(const PhysicalCard& c) {  // 16 hex digits, as cards are written everywhere else
  std::string hex = to_hex(std::span<const uint8_t>(c.data(), c.size()));
  std::erase(hex, ' ');
  return hex;
}
}  // namespace

void Pile::swipe_now() {
  asio::post(ioc_, [this] {
    card_at_ = Clock::now();
    wake();
  });
}

const PhysicalCard& Pile::next_card() {
  return sh_.cards[pick_entry(sh_.cards.size(), index_, sh_.pile_count, swipes_++, o_.card_random, rng_)];
}

void Pile::send_start_request(Gun& g, uint8_t mode) {
  StartRequest s;
  s.pile_code = code_;
  s.gun = gun_to_bcd(g.no);
  s.start_mode = mode;
  if (mode == StartRequest::kCard) {
    g.auth_card = next_card();
    s.account = g.auth_card;
    sh_.stats.swipes.fetch_add(1, std::memory_order_relaxed);
  }
  if (mode == StartRequest::kVin) s.vin = Vin::from(o_.vin);
  g.plugged = true;
  g.auth_wait = true;
  g.auth_mode = mode;
  g.auth_sent = Clock::now();
  g.auth_deadline = g.auth_sent + secs(std::max(o_.reply_timeout_s, 30.0));
  send(s);
  if (mode == StartRequest::kCard)
    log("gun %u: card %s swiped", static_cast<unsigned>(g.no), card_hex(g.auth_card).c_str());
  else
    log("gun %u asks to start by VIN", static_cast<unsigned>(g.no));
}

// 0x32: accepted → the session runs like a remote start's, capped at the card's balance; refused → the gun
// is idle again (the driver hangs it up; unplugged when cars come and go, --charge-after > 0).
void Pile::on_start_reply(const StartRequestReply& m) {
  Gun* g = gun_bcd(m.gun);
  if (!g || !g->auth_wait) {
    log("0x32 for gun %u that asked for nothing", static_cast<unsigned>(m.gun));
    return;
  }
  g->auth_wait = false;
  const bool by_card = g->auth_mode == StartRequest::kCard;
  const char* via = by_card ? "card" : "vin";
  const auto rtt = Clock::now() - g->auth_sent;
  if (by_card) sh_.stats.swipe_rtt.add(rtt);
  json::object extra;
  if (by_card)
    extra = {{"card", card_hex(g->auth_card)},
             {"balance", m.balance},
             {"authMs", std::chrono::duration<double, std::milli>(rtt).count()}};
  if (m.authorized != StartRequestReply::kSuccess) {
    sh_.stats.start_refusals.fetch_add(1);
    if (by_card) sh_.stats.swipes_refused.fetch_add(1, std::memory_order_relaxed);
    log("start by %s refused by the platform (reason 0x%02X)", via, static_cast<unsigned>(m.reason));
    start_event(*g, via, m.serial, "refused", m.reason, std::move(extra));
    if (o_.charge_after_s > 0) g->plugged = false;
    send_realtime(*g, Clock::now());
    wake();
    return;
  }
  if (by_card) sh_.stats.swipes_accepted.fetch_add(1, std::memory_order_relaxed);
  start_charging(*g, m.serial, by_card ? TransactionRecord::kCard : TransactionRecord::kVin,
                 by_card ? g->auth_card : PhysicalCard{}, by_card ? Vin{} : Vin::from(o_.vin), via,
                 std::move(extra));
  if (by_card) g->balance_cap = m.balance;
}

Pile::Gun* Pile::free_gun() {
  for (auto& g : guns_)
    if (!g.charging && !g.plug_wait && !g.auth_wait) return &g;
  return nullptr;
}

// 0x42: the card's balance changed (a top-up, or the platform's own reckoning during the session): a card
// session on that gun (the same card, or any when the frame names none) now stops at the new balance.
void Pile::on_balance_update(const Frame& f, const BalanceUpdate& m) {
  sh_.stats.balance_updates.fetch_add(1, std::memory_order_relaxed);
  reply(f, BalanceUpdateReply{code_, m.physical_card, BalanceUpdateReply::kSuccess});
  Gun* g = gun_bcd(m.gun);
  const bool applies = g && g->charging && g->balance_cap >= 0 &&
                       (m.physical_card == PhysicalCard{} || m.physical_card == g->card);
  if (applies) {
    g->balance_cap = m.balance;
    wake();
  }
  command_event(
      f.type(), "0x41",
      {{"gun", m.gun}, {"card", card_hex(m.physical_card)}, {"balance", m.balance}, {"applied", applies}});
}

// 0x44 / 0x46 / 0x48: the offline card list, kept in memory (0x43 / 0x45 / 0x47).
void Pile::on_offline_cards(const Frame& f) {
  auto has = [&](const PhysicalCard& c) {
    return std::find(offline_cards_.begin(), offline_cards_.end(), c) != offline_cards_.end();
  };
  switch (f.type()) {
    case OfflineCardSync::kType:
      if (auto m = body_of<OfflineCardSync>(f)) {
        for (auto& c : m->cards)
          if (!has(c.physical_card)) offline_cards_.push_back(c.physical_card);
        reply(f, OfflineCardSyncReply{code_, OfflineCardSyncReply::kSuccess, 0});
        command_event(f.type(), "0x43", {{"cards", m->cards.size()}});
      }
      break;
    case OfflineCardClear::kType:
      if (auto m = body_of<OfflineCardClear>(f)) {
        OfflineCardClearReply r{code_, {}};
        for (auto& c : m->cards) {
          std::erase(offline_cards_, c.physical_card);
          r.results.push_back({c.physical_card, 1, 0});
        }
        reply(f, r);
        command_event(f.type(), "0x45", {{"cards", m->cards.size()}});
      }
      break;
    case OfflineCardQuery::kType:
      if (auto m = body_of<OfflineCardQuery>(f)) {
        OfflineCardQueryReply r{code_, {}};
        for (auto& c : m->cards)
          r.results.push_back({c.physical_card, static_cast<uint8_t>(has(c.physical_card) ? 1 : 0)});
        reply(f, r);
        command_event(f.type(), "0x47", {{"cards", m->cards.size()}});
      }
      break;
  }
}

Clock::time_point Pile::pile_starts(Clock::time_point now) {
  auto due = Clock::time_point::max();
  for (auto& g : guns_) {
    if (!g.charging || g.balance_cap < 0) continue;
    const int64_t spent_fen = realtime(g).amount / 100;  // 0.0001 yuan → fen
    if (spent_fen >= g.balance_cap) {
      log("gun %u: the card's balance is spent", static_cast<unsigned>(g.no));
      end_session(g, 0x6E);  // abnormal stop: insufficient balance
    } else {
      due = std::min(due, now + std::chrono::seconds(1));
    }
  }
  // A start waits for the billing model (looked at again in 200 ms) and for a free gun (a gun that frees
  // wakes the main loop).
  auto start = [&](std::optional<Clock::time_point>& at, uint8_t mode, double every_s) {
    if (!at) return;
    Gun* g = have_model_ ? free_gun() : nullptr;
    if (now >= *at && g) {
      at.reset();
      if (every_s > 0) {
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        at = now + secs(every_s * jitter(rng_));
      }
      send_start_request(*g, mode);
    }
    if (!at) return;
    if (!have_model_)
      due = std::min(due, std::max(*at, now + std::chrono::milliseconds(200)));
    else if (free_gun())
      due = std::min(due, *at);
  };
  start(card_at_, StartRequest::kCard, o_.card_every_s);
  start(vin_at_, StartRequest::kVin, 0);
  return due;
}

}  // namespace zc::sim::ykcsim
