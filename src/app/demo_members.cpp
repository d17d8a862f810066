// The demo member center of `make run`: card products of the demo property bound to both demo stations,
// a collective account, and drivers with cards (personal and collective, topped up), created through the
// member services as the property's account would. Only when the demo property has no product yet.
// The simulators of scripts/run-demo.sh swipe these cards by themselves: the YKC piles their physical
// numbers, the OCPP piles and e-bike devices their printed numbers, and the simulated drivers 19900000001-02
// start with their cards in the app; the list also holds refused ones (unknown, disabled, insufficient
// balance).
#include <spdlog/spdlog.h>

#include "app/demo.hpp"
#include "service/member/member_services.hpp"

namespace zc::app {

namespace {

std::optional<int64_t> id_of(db::Database& db, const std::string& sql, const db::Params& params) {
  return db.read([&](db::Connection& c) { return c.scalar(sql, params); });
}

}  // namespace

void seed_demo_members(db::Database& db, const Clock& clock) {
  auto property = db.read([&](db::Connection& c) {
    return c.query("SELECT id, provider_id FROM sys_property WHERE name = ?", {std::string(kDemoProperty)});
  });
  if (property.empty()) return;  // not a demo database
  const int64_t property_id = property.i64(0, 0);
  if (id_of(db, "SELECT id FROM card_product WHERE property_id = ?", {property_id})) return;
  auto car_station = id_of(db, "SELECT id FROM car_station WHERE property_id = ? ORDER BY id", {property_id});
  auto bike_station =
      id_of(db, "SELECT id FROM bike_station WHERE property_id = ? ORDER BY id", {property_id});
  if (!car_station || !bike_station) return;

  // The property's own account issues cards (spec 3.5.2: property accounts only).
  Principal staff;
  staff.user_name = "demo";
  staff.scope.kind = UserType::property;
  staff.scope.provider_id = property.i64(0, 1);
  staff.scope.property_id = property_id;
  member::MemberContext ctx{db, clock};

  member::ProductInput personal;
  personal.name = "阳光花园充电储值卡";
  personal.product_type = "both";
  personal.issue_type = "personal";
  personal.price = 10000;
  personal.face_value = 10000;
  personal.bonus_tiers = {{10000, 500}, {50000, 5000}};
  personal.car_station_ids = {*car_station};
  personal.bike_station_ids = {*bike_station};
  member::ProductService products(ctx);
  int64_t personal_id = products.create(personal, staff);
  member::ProductInput company = personal;
  company.name = "企业集体充电卡";
  company.issue_type = "collective";
  company.price = 0;
  company.face_value = 20000;
  int64_t company_id = products.create(company, staff);
  member::ProductInput trial = personal;  // no value on it: its card is refused for insufficient balance
  trial.name = "体验卡（零面值）";
  trial.price = 0;
  trial.face_value = 0;
  trial.bonus_tiers = {};
  int64_t trial_id = products.create(trial, staff);

  member::CollectiveService collectives(ctx);
  member::CollectiveInput acc;
  acc.name = "阳光科技有限公司";
  acc.contact = "孙行政";
  acc.phone = "0571-88886666";
  acc.email = "hr@sunshine.example";
  acc.address = "西湖区文三路100号8楼";
  int64_t collective_id = collectives.create(acc, staff);
  collectives.top_up(collective_id, 200000, "示例数据：对公转账", staff);

  member::CardService cards(ctx);
  const int64_t now = clock.now();
  enum Kind { personal_card, collective_card, trial_card, disabled_card };
  struct Holder {
    const char *phone, *name, *card_no, *physical_no;
    Kind kind;
    int64_t top_up;
  };
  // 19900000001-02 are drivers of the simulator (zhichong-sim drivers --phones 3). Unknown to the platform
  // and swiped as well: physical 00000000DEADBEEF, printed 100000000099.
  const Holder holders[] = {
      {"19900000001", "刘一", "100000000001", "00000000A1B2C3D4", personal_card, 50000},
      {"19900000002", "陈二", "100000000002", "00000000A1B2C3D5", personal_card, 10000},
      {"13800000103", "张三", "100000000003", "04A1B2C3D4E5F6", collective_card, 0},
      {"13800000104", "李四", "100000000004", "00000000A1B2C3D6", collective_card, 10000},
      {"13800000105", "王五", "100000000005", "00000000A1B2C3D7", trial_card, 0},
      {"13800000106", "赵六", "100000000006", "00000000A1B2C3D8", disabled_card, 0},
      {"13800000107", "孙七", "100000000007", "00000000A1B2C3D9", personal_card, 20000},
      {"13800000108", "周八", "100000000008", "00000000A1B2C3DA", collective_card, 0},
      {"13800000109", "吴九", "100000000009", "00000000A1B2C3DB", personal_card, 0},
      {"13800000110", "郑十", "100000000010", "00000000A1B2C3DC", personal_card, 5000}};
  for (const Holder& h : holders) {
    member::CardInput in;
    in.phone = h.phone;
    in.holder_name = h.name;
    in.card_no = h.card_no;
    in.physical_no = h.physical_no;
    in.product_id = h.kind == collective_card ? company_id : h.kind == trial_card ? trial_id : personal_id;
    if (h.kind == collective_card) in.collective_id = collective_id;
    in.valid_from = now - 86'400'000;
    in.valid_to = now + 365 * 86'400'000LL;
    int64_t card_id = cards.issue(in, staff);
    if (h.top_up > 0) cards.top_up(card_id, h.top_up, "示例数据：前台充值", staff);
    if (h.kind == disabled_card) cards.change_status(card_id, 1, staff);
  }
  spdlog::info("demo member center seeded: 3 card products, 1 collective account, 10 cards");
}

}  // namespace zc::app
