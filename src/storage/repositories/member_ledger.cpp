#include "storage/repositories/member_ledger.hpp"

namespace zc::db::member {

std::string card_account(int64_t card_id) {
  return "card:" + std::to_string(card_id);
}
std::string collective_account(int64_t collective_id) {
  return "collective:" + std::to_string(collective_id);
}

// Every posting to a card or collective account is on a row carrying that card_id / collective_id (the
// books check and the ledger lists find them by it).
void MemberLedgerRepo::post(const Movement& m, const std::vector<payment::Posting>& postings, int64_t at) {
  for (const payment::Posting& e : postings)
    c_.execute(
        "INSERT INTO ledger_entry (txn_no, kind, account, amount, pay_order_id, refund_id, order_type, "
        "charge_order_id, station_type, station_id, provider_id, property_id, created_at, card_id, "
        "collective_id, remark) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {m.txn_no, m.kind, e.account, e.amount, m.order_type, opt(m.charge_order_id), m.station_type,
         m.station_id, m.provider_id, m.property_id, at, opt(m.card_id), opt(m.collective_id), m.remark});
}

Page MemberLedgerRepo::of_account(const std::string& id_column, int64_t id, const std::string& account,
                                  const QueryParams& q) {
  ListSpec s;
  s.select =
      "l.id AS \"id\", l.txn_no AS \"txnNo\", l.kind AS \"kind\", l.amount AS \"amount\", l.order_type AS "
      "\"orderType\", l.charge_order_id AS \"chargeOrderId\", COALESCE(co.order_no, bo.order_no) AS "
      "\"orderNo\", mc.card_no AS \"cardNo\", l.remark AS \"remark\", l.created_at AS \"createTime\"";
  s.from =
      "ledger_entry l LEFT JOIN car_charge_order co ON l.order_type = 'car' AND co.id = l.charge_order_id "
      "LEFT JOIN bike_charge_order bo ON l.order_type = 'bike' AND bo.id = l.charge_order_id "
      "LEFT JOIN member_card mc ON mc.id = l.card_id";
  s.where = "l." + id_column + " = ? AND l.account = ?";
  s.where_params = {id, account};
  s.filters = {{"kind", "l.kind", Match::equal, Kind::text},
               {"beginTime", "l.created_at", Match::at_least, Kind::integer},
               {"endTime", "l.created_at", Match::at_most, Kind::integer}};
  s.default_order = "l.id DESC";
  return list_page(c_, s, q, DataScope{});  // the caller has checked the card or collective is in scope
}

Page MemberLedgerRepo::of_card(int64_t card_id, const QueryParams& q) {
  return of_account("card_id", card_id, card_account(card_id), q);
}
Page MemberLedgerRepo::of_collective(int64_t collective_id, const QueryParams& q) {
  return of_account("collective_id", collective_id, collective_account(collective_id), q);
}

std::vector<std::string> MemberLedgerRepo::reconcile() {
  std::vector<std::string> out;
  Result t = c_.query(
      "SELECT txn_no, SUM(amount) FROM ledger_entry WHERE pay_order_id IS NULL GROUP BY txn_no HAVING "
      "SUM(amount) <> 0");
  for (size_t i = 0; i < t.size(); ++i) out.push_back("movement " + t.str(i, 0) + " sums to " + t.str(i, 1));
  Result cards = c_.query(
      "SELECT mc.card_no, mc.balance, COALESCE((SELECT SUM(l.amount) FROM ledger_entry l WHERE l.card_id = "
      "mc.id "
      "AND l.account = 'card:' || CAST(mc.id AS TEXT)), 0) FROM member_card mc");
  for (size_t i = 0; i < cards.size(); ++i)
    if (cards.i64(i, 1) != cards.i64(i, 2))
      out.push_back("card " + cards.str(i, 0) + " balance " + cards.str(i, 1) + " ≠ ledger " +
                    cards.str(i, 2));
  Result colls = c_.query(
      "SELECT ca.id, ca.balance, COALESCE((SELECT SUM(l.amount) FROM ledger_entry l WHERE l.collective_id = "
      "ca.id AND l.account = 'collective:' || CAST(ca.id AS TEXT)), 0) FROM collective_account ca");
  for (size_t i = 0; i < colls.size(); ++i)
    if (colls.i64(i, 1) != colls.i64(i, 2))
      out.push_back("collective " + colls.str(i, 0) + " balance " + colls.str(i, 1) + " ≠ ledger " +
                    colls.str(i, 2));
  // A card order (no pay order) was paid by its card: charged = its card_spend, refunded = its card_refund.
  for (auto [kind, table] : {std::pair{"car", "car_charge_order"}, std::pair{"bike", "bike_charge_order"}}) {
    Result o = c_.query(
        std::string(
            "SELECT o.order_no, o.charged, o.refunded, COALESCE(SUM(CASE WHEN l.kind = 'card_spend' "
            "THEN -l.amount END), 0), COALESCE(SUM(CASE WHEN l.kind = 'card_refund' THEN l.amount END), "
            "0) FROM ") +
            table +
            " o LEFT JOIN ledger_entry l ON l.order_type = ? AND l.charge_order_id = o.id AND l.card_id IS "
            "NOT "
            "NULL AND l.account = 'card:' || CAST(l.card_id AS TEXT) WHERE o.pay_order_id IS NULL AND "
            "o.start_method IN ('card', 'offline_card') GROUP BY o.id, o.order_no, o.charged, o.refunded",
        {std::string(kind)});
    for (size_t i = 0; i < o.size(); ++i)
      if (o.i64(i, 1) != o.i64(i, 3) || o.i64(i, 2) != o.i64(i, 4))
        out.push_back("card order " + o.str(i, 0) + " charged " + o.str(i, 1) + " / refunded " + o.str(i, 2) +
                      " ≠ card ledger " + o.str(i, 3) + " / " + o.str(i, 4));
  }
  return out;
}

}  // namespace zc::db::member
