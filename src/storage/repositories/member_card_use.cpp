#include "storage/repositories/member_card_use.hpp"

namespace zc::db::member {

static const char* kColumns =
    "SELECT mc.id, mc.product_id, mc.user_id, mc.provider_id, mc.property_id, mc.card_no, mc.physical_no, "
    "mc.phone, cp.product_type, mc.balance, mc.valid_from, mc.valid_to, mc.status, cp.status, "
    "COALESCE(u.status, 0), mc.open_order_type, mc.open_order_id, mc.collective_id";
static const char* kFrom =
    " FROM member_card mc JOIN card_product cp ON cp.id = mc.product_id LEFT JOIN app_user u ON u.id = "
    "mc.user_id";
static const std::string kSelect = std::string(kColumns) + kFrom;

// The card with its device's station and whether its product is bound there (params: station type, device
// id, number, number).
static std::string at_device_sql(const char* device_table) {
  return std::string(kColumns) +
         ", d.station_id, CASE WHEN EXISTS (SELECT 1 FROM card_product_station s WHERE s.product_id = "
         "mc.product_id AND s.station_type = ? AND s.station_id = d.station_id) THEN 1 ELSE 0 END" +
         kFrom + " LEFT JOIN " + device_table + " d ON d.id = ? WHERE mc.card_no = ? OR mc.physical_no = ?";
}

static CardUse card_at(const Result& r, size_t i) {
  CardUse c;
  c.id = r.i64(i, 0);
  c.product_id = r.i64(i, 1);
  c.user_id = r.i64(i, 2);
  c.provider_id = r.i64(i, 3);
  c.property_id = r.i64(i, 4);
  c.card_no = r.str(i, 5);
  c.physical_no = r.str(i, 6);
  c.phone = r.str(i, 7);
  c.product_type = r.str(i, 8);
  c.balance = r.i64(i, 9);
  c.valid_from = r.i64(i, 10);
  c.valid_to = r.i64(i, 11);
  c.card_enabled = r.i64(i, 12) == 0;
  c.product_enabled = r.i64(i, 13) == 0;
  c.holder_enabled = r.i64(i, 14) == 0;
  if (!r.is_null(i, 15)) c.open_order_type = r.str(i, 15);
  if (!r.is_null(i, 16)) c.open_order_id = r.i64(i, 16);
  if (!r.is_null(i, 17)) c.collective_id = r.i64(i, 17);
  return c;
}

std::optional<CardUse> CardUseRepo::one(const std::string& where, const Params& params, const char* suffix) {
  Result r = c_.query(std::string(kSelect) + " WHERE " + where + suffix, params);
  if (r.empty()) return std::nullopt;
  return card_at(r, 0);
}

std::optional<CardUse> CardUseRepo::by_number(const std::string& number) {
  return one("mc.card_no = ? OR mc.physical_no = ?", {number, number});
}

std::optional<CardAtDevice> CardUseRepo::at_device(const std::string& number, const std::string& kind,
                                                   int64_t device_id) {
  static const std::string car = at_device_sql("car_pile"), bike = at_device_sql("bike_device");
  Result r = c_.query(kind == "bike" ? bike : car, {kind, device_id, number, number});
  if (r.empty()) return std::nullopt;
  CardAtDevice out{card_at(r, 0), std::nullopt, r.i64(0, 19) == 1};
  if (!r.is_null(0, 18)) out.station_id = r.i64(0, 18);
  return out;
}

std::optional<CardUse> CardUseRepo::by_id(int64_t id) {
  return one("mc.id = ?", {id});
}

std::optional<CardUse> CardUseRepo::of_order(const std::string& order_type, int64_t order_id) {
  return one("mc.open_order_type = ? AND mc.open_order_id = ?", {order_type, order_id});
}

std::optional<CardUse> CardUseRepo::lock(int64_t id) {
  return one("mc.id = ?", {id}, c_.dialect() == Dialect::postgres ? " FOR UPDATE OF mc" : "");
}

bool CardUseRepo::station_bound(int64_t product_id, const std::string& station_type, int64_t station_id) {
  return c_
      .scalar(
          "SELECT 1 FROM card_product_station WHERE product_id = ? AND station_type = ? AND station_id = ?",
          {product_id, station_type, station_id})
      .has_value();
}

bool CardUseRepo::open(int64_t id, const std::string& order_type, int64_t order_id, int64_t now) {
  return c_.execute(
             "UPDATE member_card SET open_order_type = ?, open_order_id = ?, updated_at = ? WHERE id = ? AND "
             "open_order_id IS NULL",
             {order_type, order_id, now, id}) == 1;
}

void CardUseRepo::close(int64_t id, const std::string& order_type, int64_t order_id, int64_t now) {
  c_.execute(
      "UPDATE member_card SET open_order_type = NULL, open_order_id = NULL, updated_at = ? WHERE id = ? AND "
      "open_order_type = ? AND open_order_id = ?",
      {now, id, order_type, order_id});
}

void CardUseRepo::raise_cap(const std::string& order_type, int64_t order_id, int64_t balance, int64_t now) {
  const char* table = order_type == "bike" ? "bike_charge_order" : "car_charge_order";
  c_.execute(std::string("UPDATE ") + table +
                 " SET prepaid = ?, updated_at = ? WHERE id = ? AND prepaid < ? AND pay_order_id IS NULL",
             {balance, now, order_id, balance});
}

void CardUseRepo::note_short(const std::string& order_type, int64_t order_id, int64_t short_by, int64_t now) {
  const char* table = order_type == "bike" ? "bike_charge_order" : "car_charge_order";
  c_.execute(
      std::string("UPDATE ") + table + " SET end_reason = end_reason || ?, updated_at = ? WHERE id = ?",
      {"（电卡余额不足，少收" + std::to_string(short_by) + "分）", now, order_id});
}

void CardUseRepo::add_refunded(const std::string& order_type, int64_t order_id, int64_t amount, int64_t now) {
  const char* table = order_type == "bike" ? "bike_charge_order" : "car_charge_order";
  c_.execute(std::string("UPDATE ") + table + " SET refunded = refunded + ?, updated_at = ? WHERE id = ?",
             {amount, now, order_id});
}

std::optional<CardUseRepo::Paid> CardUseRepo::paid_for(const std::string& order_type, int64_t order_id) {
  Result r =
      c_.query(std::string("SELECT MAX(card_id), -SUM(amount) FROM ledger_entry WHERE order_type = ? AND "
                           "charge_order_id = ? AND ") +
                   kCardLinesOfOrder,
               {order_type, order_id});
  if (r.empty() || r.is_null(0, 0)) return std::nullopt;
  return Paid{r.i64(0, 0), r.i64(0, 1)};
}

boost::json::array CardUseRepo::ledger_of_order(const std::string& order_type, int64_t order_id) {
  return c_
      .query(
          "SELECT l.id AS \"id\", l.txn_no AS \"txnNo\", l.kind AS \"kind\", l.amount AS \"amount\", "
          "l.card_id AS \"cardId\", mc.card_no AS \"cardNo\", l.created_at AS \"createTime\" FROM "
          "ledger_entry l LEFT JOIN member_card mc ON mc.id = l.card_id WHERE l.order_type = ? AND "
          "l.charge_order_id = ? AND l.card_id IS NOT NULL AND l.account = 'card:' || CAST(l.card_id AS "
          "TEXT) "
          "ORDER BY l.id",
          {order_type, order_id})
      .to_json();
}

std::vector<CardUse> CardUseRepo::offline_list(int64_t station_id, int64_t now) {
  Result r = c_.query(std::string(kSelect) +
                          " WHERE mc.status = 0 AND cp.status = 0 AND COALESCE(u.status, 0) = 0 AND "
                          "mc.physical_no IS NOT NULL AND mc.valid_from <= ? AND (mc.valid_to = 0 OR "
                          "mc.valid_to > ?) AND cp.product_type IN ('car', 'both') AND EXISTS (SELECT 1 FROM "
                          "card_product_station s WHERE s.product_id = mc.product_id AND s.station_type = "
                          "'car' AND s.station_id = ?) ORDER BY mc.id",
                      {now, now, station_id});
  std::vector<CardUse> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(card_at(r, i));
  return out;
}

std::optional<CardUseRepo::OfflinePile> CardUseRepo::offline_pile(int64_t pile_id) {
  Result r = c_.query(
      "SELECT id, station_id, COALESCE(code, ''), allow_offline_card FROM car_pile WHERE id = ? AND protocol "
      "= "
      "'ykc'",
      {pile_id});
  if (r.empty()) return std::nullopt;
  return OfflinePile{r.i64(0, 0), r.i64(0, 1), r.str(0, 2), r.i64(0, 3) == 1};
}

void CardUseRepo::set_offline_allowed(int64_t pile_id, bool allowed, int64_t now) {
  c_.execute("UPDATE car_pile SET allow_offline_card = ?, updated_at = ? WHERE id = ?",
             {int64_t{allowed ? 1 : 0}, now, pile_id});
}

std::vector<int64_t> CardUseRepo::offline_piles_of_card(int64_t card_id) {
  Result r = c_.query(
      "SELECT DISTINCT p.id FROM member_card mc JOIN card_product_station s ON s.product_id = mc.product_id "
      "AND "
      "s.station_type = 'car' JOIN car_pile p ON p.station_id = s.station_id WHERE mc.id = ? AND p.protocol "
      "= "
      "'ykc' AND (p.allow_offline_card = 1 OR EXISTS (SELECT 1 FROM pile_offline_card o WHERE o.pile_id = "
      "p.id))",
      {card_id});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

std::vector<int64_t> CardUseRepo::offline_piles_of_validity(int64_t since, int64_t now) {
  Result r = c_.query(
      "SELECT o.pile_id FROM pile_offline_card o JOIN member_card mc ON mc.physical_no = o.physical_no WHERE "
      "mc.valid_to <> 0 AND mc.valid_to <= ? UNION SELECT p.id FROM member_card mc JOIN card_product_station "
      "s ON s.product_id = mc.product_id AND s.station_type = 'car' JOIN car_pile p ON p.station_id = "
      "s.station_id WHERE mc.valid_from > ? AND mc.valid_from <= ? AND mc.physical_no IS NOT NULL AND "
      "p.protocol = 'ykc' AND p.allow_offline_card = 1",
      {now, since, now});
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.i64(i, 0));
  return out;
}

std::vector<std::pair<std::string, std::string>> CardUseRepo::offline_held(int64_t pile_id) {
  Result r = c_.query(
      "SELECT physical_no, card_no FROM pile_offline_card WHERE pile_id = ? ORDER BY physical_no", {pile_id});
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < r.size(); ++i) out.emplace_back(r.str(i, 0), r.str(i, 1));
  return out;
}

void CardUseRepo::offline_add(int64_t pile_id, const std::string& physical_no, const std::string& card_no,
                              int64_t now) {
  c_.execute("DELETE FROM pile_offline_card WHERE pile_id = ? AND physical_no = ?", {pile_id, physical_no});
  c_.execute("INSERT INTO pile_offline_card (pile_id, physical_no, card_no, synced_at) VALUES (?, ?, ?, ?)",
             {pile_id, physical_no, card_no, now});
}

void CardUseRepo::offline_remove(int64_t pile_id, const std::string& physical_no) {
  c_.execute("DELETE FROM pile_offline_card WHERE pile_id = ? AND physical_no = ?", {pile_id, physical_no});
}

}  // namespace zc::db::member
