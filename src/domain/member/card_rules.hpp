#pragma once
// Rules of stored-value charging cards (MEM-PROD, MEM-CARD; docs/members.md): card numbers, the top-up
// bonus of a product, and whether a card may start a session. Pure, no I/O; money in fen.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zc::member {

// ---- card numbers ----
// The printed card number (实体卡号) is what AC piles, e-bike readers and OCPP idTags carry: 6–16 digits
// (YKC carries it as an 8-byte BCD logical card number, OCPP as an idTag of at most 20 characters).
// Returns the reason it is not one, or nothing.
std::optional<std::string> printed_number_error(std::string_view no);

// The physical number (物理卡号) is the IC card's UID as DC piles read it: 4, 7 or 8 bytes in hex. YKC sends
// it as 8 bytes, left-padded with zeros. Normal form: upper-case hex, 16 digits. Nothing when it is not one.
std::optional<std::string> normal_physical_number(std::string_view no);

// ---- top-up bonus ----
// A tier: a top-up of at least `min_amount` earns `bonus` on top (e.g. 100.00 → +10.00). Tiers are kept
// in ascending order of min_amount; the highest tier reached applies.
struct BonusTier {
  int64_t min_amount = 0;
  int64_t bonus = 0;
  bool operator==(const BonusTier&) const = default;
};

// The reason a product's tiers are not usable (naming the tier, 1-based), or nothing: each min_amount > 0,
// 0 < bonus ≤ min_amount, min_amounts strictly ascending, at most 10 tiers.
std::optional<std::string> bonus_tiers_error(const std::vector<BonusTier>& tiers);

// The bonus a top-up of `amount` earns under `tiers` (already validated).
int64_t bonus_for(const std::vector<BonusTier>& tiers, int64_t amount);

// ---- starting a session with a card ----
// Why a card may not start a session. The order is the order of the checks (the first that fails is
// reported), so a driver sees the most basic problem first.
enum class CardRefusal {
  none,
  unknown,        // no card with that number on this platform
  disabled,       // the card, its product or its holder is disabled
  not_yet_valid,  // before the validity period
  expired,        // after the validity period
  wrong_station,  // the product is not bound to the station of the device
  wrong_kind,     // a car-only card at an e-bike device, or the reverse
  busy,           // the card is on another gun or socket
  insufficient,   // balance below the minimum a session needs
};

// The stable code of a refusal (API, logs, the dictionary of the admin web): "unknown", "expired", ….
std::string_view refusal_code(CardRefusal r);

// What the check needs to know about the card, its product and its holder.
struct CardFacts {
  bool card_enabled = false;
  bool product_enabled = false;
  bool holder_enabled = false;
  int64_t valid_from = 0;      // epoch ms, inclusive
  int64_t valid_to = 0;        // epoch ms, exclusive; 0 = no end
  bool station_bound = false;  // the device's station is one of the product's stations
  bool kind_allowed = false;   // the product's type covers the device (car / e-bike)
  bool busy = false;           // an open session uses the card
  int64_t balance = 0;
};

// The first reason the card may not start a session at `now`, needing at least `min_balance` (fen).
CardRefusal check_start(const CardFacts& card, int64_t now, int64_t min_balance);

// The product types and what they cover: "car", "bike", "both".
bool product_type_valid(std::string_view type);
bool product_covers(std::string_view product_type, std::string_view order_kind);  // kind "car" | "bike"

}  // namespace zc::member
