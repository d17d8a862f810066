#include "service/order/offline_cards.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include "core/clock.hpp"
#include "storage/repositories/member_card_use.hpp"

namespace zc::order {

using db::member::CardUseRepo;

void OfflineCardLists::pile_logged_in(int64_t pile_id) {
  worker_.post([this, pile_id] { sync(pile_id); });
}

void OfflineCardLists::card_changed(int64_t card_id) {
  auto piles = db_.read([&](db::Connection& c) { return CardUseRepo(c).offline_piles_of_card(card_id); });
  for (int64_t id : piles) worker_.post([this, id] { sync(id); });
}

void OfflineCardLists::set_allowed(int64_t pile_id, bool allowed) {
  db_.write([&](db::Connection& c) { CardUseRepo(c).set_offline_allowed(pile_id, allowed, now_ms()); });
  worker_.post([this, pile_id] { sync(pile_id); });
}

size_t OfflineCardLists::validity_changed(int64_t now) {
  int64_t since = looked_at_.exchange(now);
  auto piles =
      db_.read([&](db::Connection& c) { return CardUseRepo(c).offline_piles_of_validity(since, now); });
  for (int64_t id : piles) worker_.post([this, id] { sync(id); });
  return piles.size();
}

std::optional<std::pair<int, int>> OfflineCardLists::sync(int64_t pile_id) {
  auto pile = db_.read([&](db::Connection& c) { return CardUseRepo(c).offline_pile(pile_id); });
  if (!pile) return std::nullopt;
  const devices::DeviceRef ref{devices::DeviceKind::car_pile, pile->id, pile->code};
  if (!gateway_.is_online(ref)) return std::pair{0, 0};  // its login brings it up to date
  std::map<std::string, std::string> want;               // physical → printed
  std::map<std::string, std::string> held;
  db_.read([&](db::Connection& c) {
    CardUseRepo repo(c);
    if (pile->allowed)
      for (const auto& card : repo.offline_list(pile->station_id, now_ms()))
        want[card.physical_no] = card.card_no;
    for (auto& [physical, printed] : repo.offline_held(pile_id)) held[physical] = printed;
  });
  std::vector<devices::OfflineCardEntry> add;
  for (const auto& [physical, printed] : want)
    if (auto it = held.find(physical); it == held.end() || it->second != printed)
      add.push_back({printed, physical});
  std::vector<std::string> gone;
  for (const auto& [physical, printed] : held)
    if (!want.count(physical)) gone.push_back(physical);
  // each part as one command; a part the pile does not take ends the round (the next trigger retries)
  auto in_parts = [&](const auto& items, size_t size, auto command, auto stored) {
    int taken = 0;
    for (size_t i = 0; i < items.size(); i += size) {
      std::decay_t<decltype(items)> part(items.begin() + i, items.begin() + std::min(items.size(), i + size));
      auto r = gateway_.send(ref, command(part), std::chrono::milliseconds(15000));
      if (r.result != devices::CommandResult::accepted) {
        spdlog::warn("offline cards: {} did not take {}: {} {}", pile->code,
                     devices::command_name(command(part)), devices::reason_code(r), r.detail);
        break;
      }
      db_.write([&](db::Connection& c) {
        CardUseRepo repo(c);
        for (const auto& e : part) stored(repo, e);
      });
      taken += static_cast<int>(part.size());
    }
    return taken;
  };
  int cleared = in_parts(
      gone, 24, [](const auto& part) { return devices::DeviceCommand{devices::CardListClear{part}}; },
      [&](CardUseRepo& repo, const std::string& physical) { repo.offline_remove(pile_id, physical); });
  int sent = in_parts(
      add, 15, [](const auto& part) { return devices::DeviceCommand{devices::CardListSync{part}}; },
      [&](CardUseRepo& repo, const devices::OfflineCardEntry& e) {
        repo.offline_add(pile_id, e.physical_no, e.card_no, now_ms());
      });
  if (sent || cleared) spdlog::info("offline cards: {} got {} cards, cleared {}", pile->code, sent, cleared);
  return std::pair{sent, cleared};
}

}  // namespace zc::order
