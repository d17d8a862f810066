#pragma once
// Settlement and refund arithmetic of a charging order (docs/architecture.md §3, money units). Pure, integers only.
//
// Settlement: the tariff engines price the session exactly (1e-9 yuan) and round the total half-up to
// fen once (car tariff::Bill::total_fen, e-bike tariff::BikeBill::gross). Settlement takes that cost and
// the prepayment: charged = min(cost, prepaid); the unused part, prepaid − charged, is refunded
// automatically (a 预付余额退回 refund). Nothing is rounded here again.
//
// Refunds (ORD-CAR/ORD-BIKE 退费, ORD-REF): the most that may still be refunded is
// paid − refunded − pending (pending: requested, not yet confirmed by the gateway); an operator may
// choose any amount in 1 … max. The database enforces the same bound with a conditional update, so
// concurrent requests can never exceed it (storage/repositories/payment_repo.cpp).
#include <cstdint>
#include <string_view>

#include "core/money.hpp"

namespace zc::order {

using money::Fen;

inline constexpr int64_t kNanoPerFen = 10'000'000;  // 1e-9 yuan per fen
inline constexpr int64_t kMilliPerFen = 100;

// The one rounding: exact amounts (non-negative) to fen, half-up. std::invalid_argument when negative.
Fen fen_from_nano(int64_t nano);
Fen fen_from_milli(money::Milli milli);

struct Settlement {
  Fen prepaid = 0;
  Fen cost = 0;     // what the session cost (the engine's rounded total)
  Fen charged = 0;  // min(cost, prepaid)
  Fen refund = 0;   // prepaid − charged: returned to the payer
  bool capped = false;
  bool operator==(const Settlement&) const = default;
};

// std::invalid_argument for a negative cost or prepayment.
Settlement settle(Fen cost_fen, Fen prepaid_fen);
// Same from the exact cost in 1e-9 yuan (rounded half-up to fen first — once).
Settlement settle_exact(int64_t cost_nano, Fen prepaid_fen);

// paid − refunded − pending, never below 0.
Fen max_refund(Fen paid, Fen refunded, Fen pending = 0);

enum class RefundCheck { ok, not_positive, exceeds_max };
RefundCheck check_refund(Fen paid, Fen refunded, Fen pending, Fen amount);
std::string_view describe(RefundCheck c);  // a message for the operator (Chinese, as the admin UI)

// A charging fee refund (退费) needs a completed order that cost something (spec 3.4.1 4)).
bool fee_refund_allowed(bool order_completed, Fen charged);

}  // namespace zc::order
