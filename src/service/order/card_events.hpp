#pragma once
// What follows a change of a card (member::CardWatcher; docs/members.md "Charging with a card"): a top-up
// during a session raises the session's cap (the order's prepaid) and tells a YKC pile the new balance
// (BalanceUpdate → 0x42; OCPP and e-bike devices have no such message); any other change reaches the offline
// card lists.
#include "devices/gateway.hpp"
#include "service/member/member_services.hpp"
#include "service/order/offline_cards.hpp"
#include "storage/database.hpp"

namespace zc::order {

class CardEvents final : public member::CardWatcher {
 public:
  CardEvents(db::Database& db, devices::DeviceGateway& gateway, OfflineCardLists& offline)
      : db_(db), gateway_(gateway), offline_(offline) {}
  void balance_changed(int64_t card_id) override;
  // the offline card lists of the piles where the card works follow (offline_cards.hpp)
  void card_changed(int64_t card_id) override { offline_.card_changed(card_id); }

 private:
  db::Database& db_;
  devices::DeviceGateway& gateway_;
  OfflineCardLists& offline_;
};

}  // namespace zc::order
