#pragma once
// Offline card lists of YKC piles allowed to charge cards without the platform (docs/members.md "Charging
// with a card"): the pile holds the valid cards of its station (0x44, ≤ 15 a frame) and forgets the ones no
// longer valid (0x46, ≤ 24 a frame). A pile is brought up to date on its login and when a card of its
// station changes (issue, numbers, status, top-up) or its setting changes; pile_offline_card keeps what it
// was told. The work runs on the service's own thread (commands wait for the pile's answer).
#include "devices/gateway.hpp"
#include "service/order/order_common.hpp"
#include "storage/database.hpp"

namespace zc::order {

class OfflineCardLists {
 public:
  OfflineCardLists(db::Database& db, devices::DeviceGateway& gateway)
      : db_(db), gateway_(gateway), worker_("offline cards", 1) {}
  ~OfflineCardLists() { stop(); }
  void start() { worker_.start(); }
  void stop() { worker_.stop(); }

  void pile_logged_in(int64_t pile_id);
  void card_changed(int64_t card_id);
  // The admin setting of a pile (a YKC car pile): stored, then the list follows.
  void set_allowed(int64_t pile_id, bool allowed);
  // Brings the pile's list up to date now (the worker; public for the test route). The number of cards
  // sent and cleared, or nothing when the pile is no YKC pile.
  std::optional<std::pair<int, int>> sync(int64_t pile_id);

 private:
  db::Database& db_;
  devices::DeviceGateway& gateway_;
  Workers worker_;
};

}  // namespace zc::order
