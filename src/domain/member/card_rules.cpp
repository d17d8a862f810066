#include "domain/member/card_rules.hpp"

#include <cctype>

namespace zc::member {

std::optional<std::string> printed_number_error(std::string_view no) {
  if (no.size() < 6 || no.size() > 16) return "应为6-16位数字";
  for (char ch : no)
    if (ch < '0' || ch > '9') return "应为6-16位数字";
  return std::nullopt;
}

std::optional<std::string> normal_physical_number(std::string_view no) {
  std::string hex;
  for (char ch : no) {
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return std::nullopt;
    hex.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  // the UID's own length, before the zero padding a pile adds
  size_t first = hex.find_first_not_of('0');
  size_t significant = first == std::string::npos ? 0 : hex.size() - first;
  if (hex.size() > 16 || significant == 0) return std::nullopt;
  if (hex.size() != 8 && hex.size() != 14 && hex.size() != 16) return std::nullopt;
  return std::string(16 - hex.size(), '0') + hex;
}

std::optional<std::string> bonus_tiers_error(const std::vector<BonusTier>& tiers) {
  if (tiers.size() > 10) return "最多10档";
  for (size_t i = 0; i < tiers.size(); ++i) {
    const std::string n = "第" + std::to_string(i + 1) + "档";
    if (tiers[i].min_amount <= 0) return n + "充值金额应大于0";
    if (tiers[i].bonus <= 0) return n + "赠送金额应大于0";
    if (tiers[i].bonus > tiers[i].min_amount) return n + "赠送金额不能超过充值金额";
    if (i > 0 && tiers[i].min_amount <= tiers[i - 1].min_amount) return n + "充值金额应大于上一档";
  }
  return std::nullopt;
}

int64_t bonus_for(const std::vector<BonusTier>& tiers, int64_t amount) {
  int64_t bonus = 0;
  for (const BonusTier& t : tiers)
    if (amount >= t.min_amount) bonus = t.bonus;
  return bonus;
}

std::string_view refusal_code(CardRefusal r) {
  switch (r) {
    case CardRefusal::none:
      return "none";
    case CardRefusal::unknown:
      return "unknown";
    case CardRefusal::disabled:
      return "disabled";
    case CardRefusal::not_yet_valid:
      return "not_yet_valid";
    case CardRefusal::expired:
      return "expired";
    case CardRefusal::wrong_station:
      return "wrong_station";
    case CardRefusal::wrong_kind:
      return "wrong_kind";
    case CardRefusal::busy:
      return "busy";
    case CardRefusal::insufficient:
      return "insufficient";
  }
  return "unknown";
}

CardRefusal check_start(const CardFacts& card, int64_t now, int64_t min_balance) {
  if (!card.card_enabled || !card.product_enabled || !card.holder_enabled) return CardRefusal::disabled;
  if (now < card.valid_from) return CardRefusal::not_yet_valid;
  if (card.valid_to != 0 && now >= card.valid_to) return CardRefusal::expired;
  if (!card.kind_allowed) return CardRefusal::wrong_kind;
  if (!card.station_bound) return CardRefusal::wrong_station;
  if (card.busy) return CardRefusal::busy;
  if (card.balance <= 0 || card.balance < min_balance) return CardRefusal::insufficient;
  return CardRefusal::none;
}

bool product_type_valid(std::string_view type) {
  return type == "car" || type == "bike" || type == "both";
}

bool product_covers(std::string_view product_type, std::string_view order_kind) {
  return product_type == "both" || product_type == order_kind;
}

}  // namespace zc::member
