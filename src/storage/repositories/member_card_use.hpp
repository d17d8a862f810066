#pragma once
// SQL of a card in a charging session (docs/members.md "Charging with a card"): finding a card by either
// of its numbers with what the start check needs, its row lock, and marking the session that uses it
// (member_card.open_order_type / open_order_id: a card is never on two guns at once).
#include <boost/json/array.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/database.hpp"

namespace zc::db::member {

// The ledger lines in which a card paid for an order or got money back for it (the card's own account), as a
// condition on ledger_entry's unqualified columns: CardUseRepo::paid_for and the orders list's refundable.
inline constexpr const char* kCardLinesOfOrder =
    "kind IN ('card_spend', 'card_refund') AND card_id IS NOT NULL AND account = 'card:' || CAST(card_id AS "
    "TEXT)";

struct CardUse {
  int64_t id = 0, product_id = 0, user_id = 0, provider_id = 0, property_id = 0;
  std::string card_no, physical_no, phone, product_type;
  int64_t balance = 0, valid_from = 0, valid_to = 0;
  bool card_enabled = false, product_enabled = false, holder_enabled = false;
  std::optional<std::string> open_order_type;
  std::optional<int64_t> open_order_id, collective_id;
};

// A card as the start check at a device sees it: the device's station (none: no such device) and whether
// the card's product is bound to that station.
struct CardAtDevice {
  CardUse card;
  std::optional<int64_t> station_id;
  bool station_bound = false;
};

class CardUseRepo {
 public:
  explicit CardUseRepo(Connection& c) : c_(c) {}
  // The card whose printed or physical number is `number` (physical numbers in normal form).
  std::optional<CardUse> by_number(const std::string& number);
  std::optional<CardUse> by_id(int64_t id);
  // by_number with the device (kind car: car_pile, bike: bike_device) in one statement.
  std::optional<CardAtDevice> at_device(const std::string& number, const std::string& kind,
                                        int64_t device_id);
  // The card a session uses (open_order_type / open_order_id).
  std::optional<CardUse> of_order(const std::string& order_type, int64_t order_id);
  // The card's row, locked until the transaction ends (PostgreSQL; SQLite serialises its writers).
  std::optional<CardUse> lock(int64_t id);
  // Whether the card's product is bound to the station (station_type car | bike).
  bool station_bound(int64_t product_id, const std::string& station_type, int64_t station_id);
  // Marks the session using the card; false when another session holds it.
  bool open(int64_t id, const std::string& order_type, int64_t order_id, int64_t now);
  // Frees the card of that session (nothing when another one holds it).
  void close(int64_t id, const std::string& order_type, int64_t order_id, int64_t now);
  // The running session of a card follows its balance: the order's cap (prepaid) becomes `balance` when
  // that is more (order_type car | bike).
  void raise_cap(const std::string& order_type, int64_t order_id, int64_t balance, int64_t now);
  // The card could not cover `short_by` fen of the order's charge: said in its end reason.
  void note_short(const std::string& order_type, int64_t order_id, int64_t short_by, int64_t now);
  // The order's refunded figure after a refund to its card.
  void add_refunded(const std::string& order_type, int64_t order_id, int64_t amount, int64_t now);
  // The card that paid the order (its card_spend line), and what the card paid less what went back to it.
  struct Paid {
    int64_t card_id = 0, net = 0;
  };
  std::optional<Paid> paid_for(const std::string& order_type, int64_t order_id);
  // The order's lines in its card's account: {id, txnNo, kind, amount (signed, + into the card), cardId,
  // cardNo, createTime}, oldest first.
  boost::json::array ledger_of_order(const std::string& order_type, int64_t order_id);
  // ---- offline card lists (YKC piles allowed to charge cards offline) ----
  struct OfflinePile {
    int64_t id = 0, station_id = 0;
    std::string code;
    bool allowed = false;
  };
  std::optional<OfflinePile> offline_pile(int64_t pile_id);
  void set_offline_allowed(int64_t pile_id, bool allowed, int64_t now);
  // The YKC piles allowing offline cards at the car stations of the card's product.
  std::vector<int64_t> offline_piles_of_card(int64_t card_id);
  // The piles holding a card no longer valid at `now`, and the piles allowing offline cards where a card
  // became valid in (since, now].
  std::vector<int64_t> offline_piles_of_validity(int64_t since, int64_t now);
  // What the pile was last told it holds: physical number → printed number.
  std::vector<std::pair<std::string, std::string>> offline_held(int64_t pile_id);
  void offline_add(int64_t pile_id, const std::string& physical_no, const std::string& card_no, int64_t now);
  void offline_remove(int64_t pile_id, const std::string& physical_no);
  // The valid, enabled cards of the property whose product is bound to the car station and that have a
  // physical number: what a pile allowing offline card charging keeps (YKC 0x44).
  std::vector<CardUse> offline_list(int64_t station_id, int64_t now);

 private:
  std::optional<CardUse> one(const std::string& where, const Params& params, const char* suffix = "");
  Connection& c_;
};

}  // namespace zc::db::member
