// zhichong-sim ykc: starts the pile asks for (0x31 by card or VIN → 0x32), balance updates (0x42) and the
// offline card list (0x44 / 0x46 / 0x48).
#include "ykc_pile.hpp"

namespace zc::sim::ykcsim {

void Pile::send_start_request(Gun& g, uint8_t mode) {
  StartRequest s;
  s.pile_code = code_;
  s.gun = gun_to_bcd(g.no);
  s.start_mode = mode;
  if (mode == StartRequest::kCard) s.account = card_;
  if (mode == StartRequest::kVin) s.vin = Vin::from(o_.vin);
  g.plugged = true;
  g.auth_wait = true;
  g.auth_mode = mode;
  g.auth_deadline = Clock::now() + secs(std::max(o_.reply_timeout_s, 30.0));
  send(s);
  log("gun %u asks to start by %s", static_cast<unsigned>(g.no),
      mode == StartRequest::kCard ? "card" : "VIN");
}

void Pile::on_start_reply(const StartRequestReply& m) {
  Gun* g = gun_bcd(m.gun);
  if (!g || !g->auth_wait) {
    log("0x32 for gun %u that asked for nothing", static_cast<unsigned>(m.gun));
    return;
  }
  g->auth_wait = false;
  const bool by_card = g->auth_mode == StartRequest::kCard;
  const char* via = by_card ? "card" : "vin";
  if (m.authorized != StartRequestReply::kSuccess) {
    sh_.stats.start_refusals.fetch_add(1);
    log("start by %s refused by the platform (reason %u)", via, static_cast<unsigned>(m.reason));
    start_event(*g, via, m.serial, "refused", m.reason);
    return;
  }
  start_charging(*g, m.serial, by_card ? TransactionRecord::kCard : TransactionRecord::kVin,
                 by_card ? card_ : PhysicalCard{}, by_card ? Vin{} : Vin::from(o_.vin), via);
}

Pile::Gun* Pile::free_gun() {
  for (auto& g : guns_)
    if (!g.charging && !g.plug_wait && !g.auth_wait) return &g;
  return nullptr;
}

void Pile::on_balance_update(const Frame& f, const BalanceUpdate& m) {
  reply(f, BalanceUpdateReply{code_, m.physical_card, BalanceUpdateReply::kSuccess});
  command_event(f.type(), "0x41", {{"balance", m.balance}});
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
  if (card_at_ && now >= *card_at_ && have_model_) {
    if (Gun* g = free_gun()) {
      card_at_.reset();
      send_start_request(*g, StartRequest::kCard);
    }
  }
  if (vin_at_ && now >= *vin_at_ && have_model_) {
    if (Gun* g = free_gun()) {
      vin_at_.reset();
      send_start_request(*g, StartRequest::kVin);
    }
  }
  auto due = Clock::time_point::max();
  // without a billing model yet, look again in 200 ms
  if (card_at_)
    due = std::min(due, std::max(*card_at_, now + std::chrono::milliseconds(have_model_ ? 0 : 200)));
  if (vin_at_)
    due = std::min(due, std::max(*vin_at_, now + std::chrono::milliseconds(have_model_ ? 0 : 200)));
  return due;
}

}  // namespace zc::sim::ykcsim
