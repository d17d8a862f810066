#pragma once
// Steps the member services share: amounts, bonus tiers as stored, movement numbers.
#include <optional>
#include <string>

#include <vector>

#include "core/principal.hpp"
#include "domain/member/card_rules.hpp"
#include "service/system/rules.hpp"
#include "storage/database.hpp"

namespace zc::member {

// Money as the API gives it: fen, 1 … `max` (400 naming the field).
void check_amount(const std::string& field, int64_t amount, int64_t max);

// A product's bonus tiers as stored (JSON text [{"minAmount", "bonus"}]) and back; unreadable text = none.
std::string tiers_json(const std::vector<BonusTier>& tiers);
std::vector<BonusTier> parse_tiers(const std::string& json_text);

// A unique number for a counter movement (top-up): prefix + time + random digits.
std::string movement_no(char prefix);

}  // namespace zc::member
