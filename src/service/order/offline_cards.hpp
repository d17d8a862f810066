#pragma once
// Offline card lists of YKC piles allowed to charge cards without the platform (docs/members.md "Charging
// with a card"): the pile holds the valid cards of its station (0x44, ≤ 15 a frame) and forgets the ones no
// longer valid (0x46, ≤ 24 a frame). A pile is brought up to date on its login, when a card of its station
// changes (issue, numbers, status, top-up) or its setting changes, and when a card's validity begins or ends
// (looked for every `validity_every`); pile_offline_card keeps what it was told. The work runs on the
// service's own thread (commands wait for the pile's answer).
#include <atomic>
#include <chrono>

#include "core/clock.hpp"
#include "devices/gateway.hpp"
#include "service/order/order_common.hpp"
#include "storage/database.hpp"

namespace zc::order {

class OfflineCardLists {
 public:
  OfflineCardLists(db::Database& db, devices::DeviceGateway& gateway,
                   std::chrono::milliseconds validity_every = std::chrono::minutes(1))
      : db_(db),
        gateway_(gateway),
        worker_("offline cards", 1),
        validity_("offline card validity", validity_every, [this] { validity_changed(now_ms()); }) {}
  ~OfflineCardLists() { stop(); }
  void start() {
    worker_.start();
    validity_.start();
  }
  void stop() {
    validity_.stop();
    worker_.stop();
  }

  void pile_logged_in(int64_t pile_id);
  void card_changed(int64_t card_id);
  // The admin setting of a pile (a YKC car pile): stored, then the list follows.
  void set_allowed(int64_t pile_id, bool allowed);
  // Brings the pile's list up to date now (the worker; public for the test route). The number of cards
  // sent and cleared, or nothing when the pile is no YKC pile.
  std::optional<std::pair<int, int>> sync(int64_t pile_id);
  // The piles holding a card whose validity has ended, and the ones that should hold a card whose
  // validity began since the last look, are brought up to date (the sweeper; public for the test route).
  // How many piles.
  size_t validity_changed(int64_t now);

 private:
  db::Database& db_;
  devices::DeviceGateway& gateway_;
  Workers worker_;
  std::atomic<int64_t> looked_at_{now_ms()};  // a pile's login syncs all it should hold before this
  Sweeper validity_;
};

}  // namespace zc::order
