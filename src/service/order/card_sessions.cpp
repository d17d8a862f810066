#include "service/order/card_sessions.hpp"

#include <stdexcept>

#include "storage/repositories/member_ledger.hpp"
#include "storage/repositories/payment_repo.hpp"

namespace zc::order {

using member::CardRefusal;

std::optional<std::string> card_number_of(const std::string& id_tag) {
  if (id_tag.rfind("card:", 0) == 0) return member::normal_physical_number(id_tag.substr(5));
  if (member::printed_number_error(id_tag)) return std::nullopt;
  return id_tag;
}

charging::IdTagResult card_answer(CardRefusal r, int64_t balance) {
  charging::IdTagResult out;
  out.balance = balance;
  switch (r) {
    case CardRefusal::none:
      out.status = "Accepted";
      break;
    case CardRefusal::unknown:
      out.status = "Invalid";
      break;
    case CardRefusal::not_yet_valid:
    case CardRefusal::expired:
      out.status = "Expired";
      break;
    case CardRefusal::busy:
      out.status = "ConcurrentTx";
      break;
    default:
      out.status = "Blocked";
      break;  // disabled, wrong station or kind, insufficient
  }
  if (r != CardRefusal::none) out.refusal = std::string(member::refusal_code(r));
  return out;
}

std::string refusal_text(CardRefusal r) {
  switch (r) {
    case CardRefusal::none:
      return "";
    case CardRefusal::unknown:
      return "电卡不存在";
    case CardRefusal::disabled:
      return "电卡、电卡产品或持卡人已停用";
    case CardRefusal::not_yet_valid:
      return "电卡未到生效时间";
    case CardRefusal::expired:
      return "电卡已过期";
    case CardRefusal::wrong_station:
      return "电卡不能在该电站使用";
    case CardRefusal::wrong_kind:
      return "电卡不适用于该类充电设备";
    case CardRefusal::busy:
      return "电卡正在其他充电枪或插座使用中";
    case CardRefusal::insufficient:
      return "电卡余额不足";
  }
  return "";
}

CardRefusal check_card(const db::member::CardUse& card, const std::string& kind, bool station_bound,
                       int64_t min_balance, int64_t now) {
  member::CardFacts f;
  f.card_enabled = card.card_enabled;
  f.product_enabled = card.product_enabled;
  f.holder_enabled = card.holder_enabled;
  f.valid_from = card.valid_from;
  f.valid_to = card.valid_to;
  f.kind_allowed = member::product_covers(card.product_type, kind);
  f.station_bound = station_bound;
  f.busy = card.open_order_id.has_value();
  f.balance = card.balance;
  return member::check_start(f, now, min_balance);
}

CardRefusal check_card(db::Connection& c, const db::member::CardUse& card, const CardPlace& place,
                       int64_t min_balance, int64_t now) {
  bool bound = db::member::CardUseRepo(c).station_bound(card.product_id, place.kind, place.station_id);
  return check_card(card, place.kind, bound, min_balance, now);
}

CardOpened open_card(db::Connection& c, int64_t card_id, const CardPlace& place, int64_t min_balance,
                     int64_t now, const std::function<int64_t(const db::member::CardUse&)>& insert) {
  db::member::CardUseRepo repo(c);
  CardOpened out;
  auto card = repo.lock(card_id);
  if (!card) return {CardRefusal::unknown, {}, 0};
  out.card = *card;
  out.refusal = check_card(c, *card, place, min_balance, now);
  if (out.refusal != CardRefusal::none) return out;
  out.order_id = insert(*card);
  if (!repo.open(card_id, place.kind, out.order_id, now))  // cannot happen under the lock: say so loudly
    throw std::runtime_error("card " + card->card_no + " taken by another session under its lock");
  return out;
}

static db::member::Movement movement(const db::member::CardUse& card, const SpendOf& s, std::string txn,
                                     const char* kind) {
  db::member::Movement m;
  m.txn_no = std::move(txn);
  m.kind = kind;
  m.order_type = s.kind;
  m.charge_order_id = s.order_id;
  m.station_type = s.kind;
  m.station_id = s.station_id;
  m.provider_id = card.provider_id;
  m.property_id = card.property_id;
  m.card_id = card.id;
  m.collective_id = card.collective_id;
  return m;
}

std::optional<CardSpent> spend_card(db::Connection& c, const SpendOf& s, int64_t now) {
  db::member::CardUseRepo repo(c);
  auto held = s.card_no.empty() ? repo.of_order(s.kind, s.order_id) : repo.by_number(s.card_no);
  if (!held) return std::nullopt;
  auto card = repo.lock(held->id);  // a top-up may be adding to it: its balance as committed
  CardSpent out;
  out.card_id = card->id;
  out.paid = std::min(std::max<int64_t>(0, s.cost), card->balance);
  out.short_by = std::max<int64_t>(0, s.cost - out.paid);
  out.balance = card->balance - out.paid;
  if (out.paid > 0) {
    c.execute("UPDATE member_card SET balance = balance - ?, updated_at = ? WHERE id = ? AND balance >= ?",
              {out.paid, now, card->id, out.paid});
    db::member::MemberLedgerRepo(c).post(
        movement(*card, s, "spend:" + s.order_no, "card_spend"),
        {{db::member::card_account(card->id), -out.paid}, {db::payment::kRevenue, out.paid}}, now);
  }
  repo.close(card->id, s.kind, s.order_id, now);
  return out;
}

std::optional<int64_t> refund_to_card(db::Connection& c, const SpendOf& s, int64_t amount,
                                      const std::string& refund_no, int64_t now) {
  db::member::CardUseRepo repo(c);
  auto paid = repo.paid_for(s.kind, s.order_id);
  if (!paid || amount <= 0 || amount > paid->net) return std::nullopt;
  auto card = repo.lock(paid->card_id);
  if (!card) return std::nullopt;
  c.execute("UPDATE member_card SET balance = balance + ?, updated_at = ? WHERE id = ?",
            {amount, now, card->id});
  db::member::MemberLedgerRepo(c).post(
      movement(*card, s, "refund:" + refund_no, "card_refund"),
      {{db::payment::kRevenue, -amount}, {db::member::card_account(card->id), amount}}, now);
  return card->balance + amount;
}

}  // namespace zc::order
