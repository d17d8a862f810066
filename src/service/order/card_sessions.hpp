#pragma once
// Stored-value cards in charging sessions (docs/members.md "Charging with a card"), for both order kinds:
// the check of a card idTag, the card marked on its order under the card's row lock (never on two guns
// at once), and the session's spend in the one ledger (card −, revenue +) in the settlement's transaction.
#include <functional>
#include <optional>
#include <string>

#include "devices/charging_service.hpp"
#include "domain/member/card_rules.hpp"
#include "storage/database.hpp"
#include "storage/repositories/member_card_use.hpp"

namespace zc::order {

// The card number an idTag carries: "card:<hex>" (YKC 0x31: the IC's physical number, normal form) or a
// printed number (OCPP idTag, e-bike readers). Nothing when the idTag cannot be a card's.
std::optional<std::string> card_number_of(const std::string& id_tag);

// The protocols' answer to a card check: OCPP status (Accepted, Blocked, Expired, Invalid, ConcurrentTx),
// the balance and the refusal code (card_rules refusal_code).
charging::IdTagResult card_answer(member::CardRefusal r, int64_t balance);

// The driver's words for a refusal (the app's start by card).
std::string refusal_text(member::CardRefusal r);

// What the app's start by card (APP-4) gives back.
struct CardStart {
  std::string order_no, target_code;
  int64_t card_id = 0, balance = 0;
};

// Where a session would run: the order kind (car | bike) and the device's station.
struct CardPlace {
  std::string kind;
  int64_t station_id = 0;
};

// The first reason `card` may not start a session of `kind` (car | bike) now, its product bound to the
// station or not (card_rules::check_start).
member::CardRefusal check_card(const db::member::CardUse& card, const std::string& kind, bool station_bound,
                               int64_t min_balance, int64_t now);
// … at `place`, the binding read.
member::CardRefusal check_card(db::Connection& c, const db::member::CardUse& card, const CardPlace& place,
                               int64_t min_balance, int64_t now);

// Under the card's row lock: checked again and, when it may start, `insert(card)` writes its order (the
// card's balance is the session's cap) and the card is marked as used by it (open_order_*). The refusal,
// or none with the card as it was when the order was written.
struct CardOpened {
  member::CardRefusal refusal = member::CardRefusal::none;
  db::member::CardUse card;
  int64_t order_id = 0;
};
CardOpened open_card(db::Connection& c, int64_t card_id, const CardPlace& place, int64_t min_balance,
                     int64_t now, const std::function<int64_t(const db::member::CardUse&)>& insert);

// What a settlement took from the card of an order.
struct CardSpent {
  int64_t card_id = 0;
  int64_t paid = 0;      // fen, taken from the card (≤ its balance)
  int64_t short_by = 0;  // cost − paid: what the balance could not cover (flagged on the order)
  int64_t balance = 0;   // after
};
// The order's session pays `cost` from the card it holds (capped at the balance) and frees the card:
// card_spend posted (card −paid, revenue +paid). Nothing when no card holds the order.
struct SpendOf {
  std::string kind, order_no;
  int64_t order_id = 0, station_id = 0, cost = 0;
  std::string card_no;  // an offline card record's order (never marked on the card): its card by number
};
std::optional<CardSpent> spend_card(db::Connection& c, const SpendOf& s, int64_t now);

// A refund of a card order's fee back to the card that paid it (card_refund: revenue −amount, card
// +amount), at most what the card paid for the order less what was returned before. The card's balance
// after, or nothing when the order was not paid by a card or nothing is left to return.
std::optional<int64_t> refund_to_card(db::Connection& c, const SpendOf& s, int64_t amount,
                                      const std::string& refund_no, int64_t now);

}  // namespace zc::order
