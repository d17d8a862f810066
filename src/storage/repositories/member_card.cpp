#include "storage/repositories/member_card.hpp"

#include "storage/repositories/member_collective.hpp"

namespace zc::db::member {

namespace json = boost::json;

static const char* kSelect =
    "mc.id AS \"id\", mc.card_no AS \"cardNo\", mc.physical_no AS \"physicalNo\", mc.product_id AS "
    "\"productId\", cp.name AS \"productName\", cp.product_type AS \"productType\", mc.issue_type AS "
    "\"issueType\", mc.collective_id AS \"collectiveId\", ca.name AS \"collectiveName\", mc.user_id AS "
    "\"userId\", mc.holder_name AS \"holderName\", mc.phone AS \"phone\", mc.valid_from AS \"validFrom\", "
    "mc.valid_to AS \"validTo\", mc.face_value AS \"faceValue\", mc.balance AS \"balance\", mc.status AS "
    "\"status\", CASE WHEN mc.open_order_id IS NULL THEN 0 ELSE 1 END AS \"charging\", mc.provider_id AS "
    "\"providerId\", mc.property_id AS \"propertyId\", pr.name AS \"propertyName\", mc.created_by AS "
    "\"createBy\", mc.created_at AS \"createTime\", mc.updated_by AS \"updateBy\", mc.updated_at AS "
    "\"updateTime\"";
static const char* kFrom =
    "member_card mc JOIN card_product cp ON cp.id = mc.product_id LEFT JOIN collective_account ca ON ca.id = "
    "mc.collective_id LEFT JOIN sys_property pr ON pr.id = mc.property_id";

static ScopeColumns scope_columns() {
  return property_owned("mc", "mc.collective_id");
}

Page CardRepo::list(const QueryParams& q, const DataScope& scope) {
  ListSpec s;
  s.select = kSelect;
  s.from = kFrom;
  s.filters = {{"cardNo", "(mc.card_no LIKE '%' || ? || '%' OR mc.physical_no LIKE '%' || UPPER(?) || '%')",
                Match::custom, Kind::text},
               {"productName", "cp.name", Match::contains, Kind::text},
               {"productId", "mc.product_id", Match::equal, Kind::integer},
               {"phone", "mc.phone", Match::contains, Kind::text},
               {"holderName", "mc.holder_name", Match::contains, Kind::text},
               {"productType", "cp.product_type", Match::equal, Kind::text},
               {"issueType", "mc.issue_type", Match::equal, Kind::text},
               {"collectiveId", "mc.collective_id", Match::equal, Kind::integer},
               {"status", "mc.status", Match::equal, Kind::integer},
               {"providerId", "mc.provider_id", Match::equal, Kind::integer},
               {"propertyId", "mc.property_id", Match::equal, Kind::integer},
               {"userId", "mc.user_id", Match::equal, Kind::integer}};
  s.sortable = {{"id", "mc.id"}, {"balance", "mc.balance"}, {"createTime", "mc.created_at"}};
  s.default_order = "mc.id DESC";
  s.scope = scope_columns();
  return list_page(c_, s, q, scope);
}

json::array CardRepo::of_user(int64_t user_id, const DataScope& scope) {
  Where w;
  w.add("mc.user_id = ?", {user_id});
  add_scope(w, scope_columns(), scope);
  return c_
      .query(std::string("SELECT ") + kSelect + " FROM " + kFrom + w.sql() + " ORDER BY mc.id DESC", w.params)
      .to_json();
}

std::optional<json::object> CardRepo::detail(int64_t id, const DataScope& scope) {
  Where w;
  w.add("mc.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(std::string("SELECT ") + kSelect + " FROM " + kFrom + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

std::optional<CardRec> CardRepo::find(int64_t id, const DataScope& scope) {
  Where w;
  w.add("mc.id = ?", {id});
  add_scope(w, scope_columns(), scope);
  Result r = c_.query(
      "SELECT mc.id, mc.product_id, mc.user_id, mc.provider_id, mc.property_id, mc.balance, mc.status, "
      "mc.collective_id, mc.card_no, mc.issue_type FROM member_card mc" +
          w.sql(),
      w.params);
  if (r.empty()) return std::nullopt;
  CardRec c{r.i64(0, 0), r.i64(0, 1), r.i64(0, 2),  r.i64(0, 3), r.i64(0, 4),
            r.i64(0, 5), r.i64(0, 6), std::nullopt, r.str(0, 8), r.str(0, 9)};
  if (!r.is_null(0, 7)) c.collective_id = r.i64(0, 7);
  return c;
}

std::optional<int64_t> CardRepo::number_taken(const std::string& number, int64_t except_id) {
  return c_.scalar("SELECT id FROM member_card WHERE (card_no = ? OR physical_no = ?) AND id <> ?",
                   {number, number, except_id});
}

int64_t CardRepo::insert(const NewCard& n, const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO member_card (card_no, physical_no, product_id, issue_type, collective_id, user_id, "
      "holder_name, phone, valid_from, valid_to, face_value, balance, status, provider_id, property_id, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
      {n.f.card_no, opt(n.f.physical_no), n.product_id, n.issue_type, opt(n.collective_id), n.user_id,
       n.f.holder_name, n.phone, n.f.valid_from, n.f.valid_to, n.face_value, n.provider_id, n.property_id, by,
       now});
}

void CardRepo::update(int64_t id, const CardFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE member_card SET card_no = ?, physical_no = ?, holder_name = ?, valid_from = ?, valid_to = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      {f.card_no, opt(f.physical_no), f.holder_name, f.valid_from, f.valid_to, by, now, id});
}

void CardRepo::set_status(int64_t id, int64_t status, const std::string& by, int64_t now) {
  c_.execute("UPDATE member_card SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?",
             {status, by, now, id});
}

std::optional<int64_t> CardRepo::add_balance(int64_t id, int64_t delta, int64_t now) {
  if (c_.execute(
          "UPDATE member_card SET balance = balance + ?, updated_at = ? WHERE id = ? AND balance + ? >= 0",
          {delta, now, id, delta}) == 0)
    return std::nullopt;
  return c_.scalar("SELECT balance FROM member_card WHERE id = ?", {id});
}

// ---- members ------------------------------------------------------------------------------------

Page CardRepo::members(const QueryParams& q, const DataScope& scope) {
  // The member's figures count only the cards the caller may see: the scope goes inside the derived table.
  Where cards;
  add_scope(cards, scope_columns(), scope);
  const char* agg = c_.dialect() == Dialect::sqlite ? "GROUP_CONCAT" : "STRING_AGG";
  ListSpec s;
  s.select =
      std::string(
          "u.id AS \"userId\", u.phone AS \"phone\", u.nickname AS \"nickname\", u.real_name AS "
          "\"realName\", (SELECT ") +
      agg +
      "(p.plate, ',') FROM app_plate p WHERE p.user_id = u.id) AS \"plates\", m.cards AS \"cardCount\", "
      "m.balance AS \"balance\", m.last_at AS \"lastCardTime\", u.status AS \"status\"";
  s.from =
      "app_user u JOIN (SELECT mc.user_id, COUNT(*) AS cards, SUM(mc.balance) AS balance, MAX(mc.created_at) "
      "AS last_at FROM member_card mc" +
      cards.sql() + " GROUP BY mc.user_id) m ON m.user_id = u.id";
  s.from_params = cards.params;
  s.filters = {
      {"phone", "u.phone", Match::contains, Kind::text},
      {"realName", "u.real_name", Match::contains, Kind::text},
      {"nickname", "u.nickname", Match::contains, Kind::text},
      {"plate", "EXISTS (SELECT 1 FROM app_plate p WHERE p.user_id = u.id AND p.plate LIKE '%' || ? || '%')",
       Match::custom, Kind::text}};
  s.sortable = {{"lastCardTime", "m.last_at"}, {"balance", "m.balance"}};
  s.default_order = "m.last_at DESC";
  return list_page(c_, s, q, DataScope{});  // scoped above
}

bool CardRepo::holds_card_in_scope(int64_t user_id, const DataScope& scope) {
  Where w;
  w.add("mc.user_id = ?", {user_id});
  add_scope(w, scope_columns(), scope);
  return c_.scalar("SELECT 1 FROM member_card mc" + w.sql(), w.params).has_value();
}

}  // namespace zc::db::member
