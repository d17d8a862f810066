// Stored-value cards (MEM-CARD): issue, numbers, status, top-up with the product's bonus, the card's ledger.
// Money (docs/members.md "Money"): a personal card is paid at the counter (price) and starts at its face
// value, the difference being promo; a collective card's face value and top-ups come from its collective.
#include "core/error.hpp"
#include "service/member/member_common.hpp"
#include "service/member/member_services.hpp"
#include "service/system/rules.hpp"
#include "storage/repositories/member_card.hpp"
#include "storage/repositories/member_collective.hpp"
#include "storage/repositories/member_ledger.hpp"
#include "storage/repositories/member_owner.hpp"
#include "storage/repositories/member_product.hpp"

namespace zc::member {

namespace json = boost::json;
using db::member::CardRepo;
using db::member::MemberLedgerRepo;
using db::member::Movement;
using Postings = std::vector<db::payment::Posting>;

// The numbers and validity of a card, checked (400 naming the field) and in normal form.
static db::member::CardFields card_fields(const CardInput& in) {
  db::member::CardFields f;
  if (auto e = printed_number_error(in.card_no)) fail_bad_request("cardNo: " + *e);
  f.card_no = in.card_no;
  if (!in.physical_no.empty()) {
    f.physical_no = normal_physical_number(in.physical_no);
    if (!f.physical_no) fail_bad_request("physicalNo: 应为IC卡的4、7或8字节卡号（16进制）");
  }
  f.holder_name = in.holder_name;
  if (in.valid_from <= 0) fail_bad_request("validFrom: 不能为空");
  if (in.valid_to != 0 && in.valid_to <= in.valid_from) fail_bad_request("validTo: 应晚于生效时间");
  f.valid_from = in.valid_from;
  f.valid_to = in.valid_to;
  return f;
}

static void require_numbers_free(CardRepo& repo, const db::member::CardFields& f, int64_t except_id) {
  if (repo.number_taken(f.card_no, except_id)) fail_conflict("cardNo: 卡号已存在");
  if (f.physical_no && repo.number_taken(*f.physical_no, except_id))
    fail_conflict("physicalNo: 物理卡号已存在");
}

// Postings that are zero are left out (a free card with no face value moves nothing).
static Postings nonzero(Postings in) {
  Postings out;
  for (auto& e : in)
    if (e.amount != 0) out.push_back(std::move(e));
  return out;
}

static Movement card_movement(const db::member::CardRec& card, std::string txn_no, std::string kind,
                              const std::string& remark) {
  Movement m;
  m.txn_no = std::move(txn_no);
  m.kind = std::move(kind);
  m.provider_id = card.provider_id;
  m.property_id = card.property_id;
  m.card_id = card.id;
  m.collective_id = card.collective_id;
  m.remark = remark;
  return m;
}

// Moves `amount` from the card's collective into the card; 409 when the collective cannot pay.
static void debit_collective(db::Connection& c, int64_t collective_id, int64_t amount, int64_t now) {
  if (!db::member::CollectiveRepo(c).add_balance(collective_id, -amount, now))
    fail_conflict("集体户余额不足");
}

db::Page CardService::list(const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) { return CardRepo(c).list(q, p.scope); });
}

// The stations a card works at (its product's), as {car: [{id, name}], bike: [..]}.
static json::object stations_of(db::Connection& c, const json::object& card) {
  auto product = db::member::ProductRepo(c).detail(card.at("productId").as_int64(), DataScope{});
  json::object stations;
  stations["car"] = product ? product->at("carStations") : json::array();
  stations["bike"] = product ? product->at("bikeStations") : json::array();
  return stations;
}

json::object CardService::get(int64_t id, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) {
    auto row = CardRepo(c).detail(id, p.scope);
    if (!row) fail_not_found("电卡不存在");
    (*row)["stations"] = stations_of(c, *row);
    return *row;
  });
}

json::array CardService::cards_of_driver(int64_t user_id) {
  return ctx_.db.read([&](db::Connection& c) {
    json::array cards = CardRepo(c).of_user(user_id, DataScope{});
    for (auto& card : cards) card.as_object()["stations"] = stations_of(c, card.as_object());
    return cards;
  });
}

db::Page CardService::ledger_of_driver(int64_t user_id, int64_t card_id, const QueryParams& q) {
  return ctx_.db.read([&](db::Connection& c) {
    auto card = CardRepo(c).find(card_id, DataScope{});
    if (!card || card->user_id != user_id) fail_not_found("电卡不存在");
    return MemberLedgerRepo(c).of_card(card_id, q);
  });
}

int64_t CardService::issue(const CardInput& in, const Principal& p) {
  if (p.scope.kind != UserType::property) fail_forbidden("只有物业账号可以发卡");
  sys::require_mobile("phone", in.phone);
  auto f = card_fields(in);
  int64_t issued = ctx_.db.write([&](db::Connection& c) {
    const int64_t now = now_ms();  // money moves on the system clock, as payments do
    auto product = db::member::ProductRepo(c).find(in.product_id, p.scope);
    if (!product) fail_not_found("productId: 电卡产品不存在");
    if (product->status != 0) fail_conflict("productId: 电卡产品已禁用，不能发卡");
    CardRepo cards(c);
    require_numbers_free(cards, f, 0);
    std::optional<int64_t> collective_id;
    if (product->issue_type == "collective") {
      if (!in.collective_id) fail_bad_request("collectiveId: 集体卡须选择集体户");
      auto acc = db::member::CollectiveRepo(c).find(*in.collective_id, p.scope);
      if (!acc || acc->property_id != product->property_id) fail_not_found("collectiveId: 集体户不存在");
      if (acc->status != 0) fail_conflict("collectiveId: 集体户已停用，不能发卡");
      if (acc->locked != 0) fail_conflict("collectiveId: 集体户已锁定，不能发卡");
      collective_id = acc->id;
    }
    // The holder: the app account of the phone, added for the driver when there is none yet.
    db::member::OwnerRepo owners(c);
    auto holder = owners.find_by_phone(in.phone);
    if (holder && holder->status != 0) fail_conflict("phone: 车主已禁用，不能发卡");
    int64_t user_id = holder ? holder->id
                             : owners.insert(in.phone, {"", in.holder_name, "", ""}, product->provider_id,
                                             product->property_id, p.user_name, now);
    db::member::NewCard n{f,
                          product->id,
                          user_id,
                          product->face_value,
                          product->provider_id,
                          product->property_id,
                          product->issue_type,
                          in.phone,
                          collective_id};
    int64_t id = cards.insert(n, p.user_name, now);
    auto card = cards.find(id, DataScope{});
    const std::string account = db::member::card_account(id);
    const int64_t face = product->face_value, price = product->price;
    if (collective_id) {
      if (face > 0) debit_collective(c, *collective_id, face, now);
      MemberLedgerRepo(c).post(
          card_movement(*card, "issue:" + std::to_string(id), "collective_issue", ""),
          nonzero({{db::member::collective_account(*collective_id), -face}, {account, face}}), now);
    } else {
      MemberLedgerRepo(c).post(card_movement(*card, "issue:" + std::to_string(id), "card_issue", ""),
                               nonzero({{db::member::kCounter, -price},
                                        {account, face},
                                        {db::member::kPromo, price - face < 0 ? price - face : 0},
                                        {db::payment::kRevenue, price - face > 0 ? price - face : 0}}),
                               now);
    }
    if (face > 0) cards.add_balance(id, face, now);
    return id;
  });
  if (ctx_.watcher) ctx_.watcher->card_changed(issued);
  return issued;
}

void CardService::update(const CardInput& in, const Principal& p) {
  auto f = card_fields(in);
  ctx_.db.write([&](db::Connection& c) {
    CardRepo cards(c);
    if (!cards.find(in.id, p.scope)) fail_not_found("电卡不存在");
    require_numbers_free(cards, f, in.id);
    cards.update(in.id, f, p.user_name, ctx_.clock.now());
  });
  if (ctx_.watcher) ctx_.watcher->card_changed(in.id);
}

void CardService::change_status(int64_t id, int64_t status, const Principal& p) {
  sys::check_status("status", status);
  ctx_.db.write([&](db::Connection& c) {
    CardRepo cards(c);
    if (!cards.find(id, p.scope)) fail_not_found("电卡不存在");
    cards.set_status(id, status, p.user_name, ctx_.clock.now());
  });
  if (ctx_.watcher) ctx_.watcher->card_changed(id);
}

TopUpResult CardService::top_up(int64_t id, int64_t amount, const std::string& remark, const Principal& p) {
  check_amount("amount", amount, 10'000'000);
  TopUpResult out = ctx_.db.write([&](db::Connection& c) {
    CardRepo cards(c);
    auto card = cards.find(id, p.scope);
    if (!card) fail_not_found("电卡不存在");
    if (card->status != 0) fail_conflict("电卡已禁用，不能充值");
    const int64_t now = now_ms();  // money moves on the system clock, as payments do
    auto product = db::member::ProductRepo(c).find(card->product_id, DataScope{});
    const int64_t bonus = product ? bonus_for(parse_tiers(product->bonus_tiers), amount) : 0;
    const std::string no = movement_no('T');
    const std::string account = db::member::card_account(id);
    MemberLedgerRepo ledger(c);
    if (card->collective_id) {
      debit_collective(c, *card->collective_id, amount, now);
      ledger.post(card_movement(*card, "topup:" + no, "card_topup", remark),
                  {{db::member::collective_account(*card->collective_id), -amount}, {account, amount}}, now);
    } else {
      ledger.post(card_movement(*card, "topup:" + no, "card_topup", remark),
                  {{db::member::kCounter, -amount}, {account, amount}}, now);
    }
    if (bonus > 0)
      ledger.post(card_movement(*card, "bonus:" + no, "card_bonus", remark),
                  {{db::member::kPromo, -bonus}, {account, bonus}}, now);
    auto balance = cards.add_balance(id, amount + bonus, now);
    return TopUpResult{balance.value_or(0), bonus};
  });
  if (ctx_.watcher) ctx_.watcher->balance_changed(id);
  return out;
}

db::Page CardService::ledger(int64_t id, const QueryParams& q, const Principal& p) {
  return ctx_.db.read([&](db::Connection& c) {
    if (!CardRepo(c).find(id, p.scope)) fail_not_found("电卡不存在");
    return MemberLedgerRepo(c).of_card(id, q);
  });
}

}  // namespace zc::member
