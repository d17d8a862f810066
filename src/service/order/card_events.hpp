#pragma once
// What follows a change of a card (member::CardWatcher; docs/members.md "Charging with a card"): a top-up
// during a session raises the session's cap (the order's prepaid) and tells a YKC pile the new balance
// (BalanceUpdate → 0x42; OCPP and e-bike devices have no such message).
#include "devices/gateway.hpp"
#include "service/member/member_services.hpp"
#include "storage/database.hpp"

namespace zc::order {

class CardEvents final : public member::CardWatcher {
 public:
  CardEvents(db::Database& db, devices::DeviceGateway& gateway) : db_(db), gateway_(gateway) {}
  void balance_changed(int64_t card_id) override;
  void card_changed(int64_t) override {}

 private:
  db::Database& db_;
  devices::DeviceGateway& gateway_;
};

}  // namespace zc::order
