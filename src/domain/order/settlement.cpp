#include "domain/order/settlement.hpp"

#include <algorithm>
#include <stdexcept>

namespace zc::order {

Fen fen_from_nano(int64_t nano) {
  if (nano < 0) throw std::invalid_argument("amount: must not be negative");
  return money::div_round_half_up(nano, kNanoPerFen);
}

Fen fen_from_milli(money::Milli milli) {
  if (milli < 0) throw std::invalid_argument("amount: must not be negative");
  return money::div_round_half_up(milli, kMilliPerFen);
}

Settlement settle(Fen cost_fen, Fen prepaid_fen) {
  if (cost_fen < 0) throw std::invalid_argument("cost: must not be negative");
  if (prepaid_fen < 0) throw std::invalid_argument("prepaid: must not be negative");
  Settlement s;
  s.prepaid = prepaid_fen;
  s.cost = cost_fen;
  s.charged = std::min(cost_fen, prepaid_fen);
  s.capped = cost_fen > prepaid_fen;
  s.refund = prepaid_fen - s.charged;
  return s;
}

Settlement settle_exact(int64_t cost_nano, Fen prepaid_fen) {
  return settle(fen_from_nano(cost_nano), prepaid_fen);
}

Fen max_refund(Fen paid, Fen refunded, Fen pending) {
  return std::max<Fen>(0, paid - refunded - pending);
}

RefundCheck check_refund(Fen paid, Fen refunded, Fen pending, Fen amount) {
  if (amount <= 0) return RefundCheck::not_positive;
  if (amount > max_refund(paid, refunded, pending)) return RefundCheck::exceeds_max;
  return RefundCheck::ok;
}

std::string_view describe(RefundCheck c) {
  switch (c) {
    case RefundCheck::ok:
      return "";
    case RefundCheck::not_positive:
      return "退费金额必须大于0";
    case RefundCheck::exceeds_max:
      return "退费金额不能超过最大可退金额（支付金额减去已退金额）";
  }
  return "";
}

bool fee_refund_allowed(bool order_completed, Fen charged) {
  return order_completed && charged > 0;
}

}  // namespace zc::order
