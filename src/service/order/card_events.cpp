#include "service/order/card_events.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "storage/repositories/car_order_repo.hpp"
#include "storage/repositories/member_card_use.hpp"

namespace zc::order {

namespace {
struct Push {
  devices::DeviceRef pile;
  devices::BalanceUpdate cmd;
  std::string order_no;
};
}  // namespace

void CardEvents::balance_changed(int64_t card_id) {
  // The cap and the pile's figure follow the balance as committed (a settlement may have freed the card).
  auto push = db_.write([&](db::Connection& c) -> std::optional<Push> {
    db::member::CardUseRepo cards(c);
    auto card = cards.lock(card_id);
    if (!card || !card->open_order_id) return std::nullopt;
    cards.raise_cap(*card->open_order_type, *card->open_order_id, card->balance, now_ms());
    if (*card->open_order_type != "car") return std::nullopt;
    auto o = db::car_order::CarOrderRepo(c).find(*card->open_order_id);
    if (!o || o->protocol != "ykc") return std::nullopt;
    return Push{{devices::DeviceKind::car_pile, o->pile_id, o->pile_code},
                {static_cast<unsigned>(o->gun_no), card->physical_no, card->balance},
                o->order_no};
  });
  offline_.card_changed(card_id);
  if (!push) return;
  gateway_.send_async(push->pile, push->cmd, std::chrono::milliseconds(15000),
                      [no = push->order_no, balance = push->cmd.balance_fen](devices::CommandReply r) {
                        spdlog::info("car order {}: balance {} fen sent to the pile: {} {}", no, balance,
                                     devices::reason_code(r), r.detail);
                      });
}

}  // namespace zc::order
