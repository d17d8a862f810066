#include "storage/repositories/app_pay_repo.hpp"

namespace zc::db::app {

std::optional<PayStatusRow> AppPayRepo::find(const std::string& pay_no, int64_t user_id) {
  auto r = c_.query(
      "SELECT p.pay_no, p.order_type, p.status, p.provider, p.gateway_prepay_id, "
      "COALESCE(co.order_no, bo.order_no, po.order_no, ''), p.amount, p.paid_amount, p.refunded_amount, "
      "p.expires_at, "
      "p.created_at, p.paid_at FROM pay_order p "
      "LEFT JOIN car_charge_order co ON p.order_type = 'car' AND co.id = p.charge_order_id "
      "LEFT JOIN bike_charge_order bo ON p.order_type = 'bike' AND bo.id = p.charge_order_id "
      "LEFT JOIN parking_occupancy po ON p.order_type = 'occupancy' AND po.id = p.charge_order_id "
      "WHERE p.pay_no = ? AND p.user_id = ?",
      {pay_no, user_id});
  if (r.empty()) return std::nullopt;
  PayStatusRow p;
  p.pay_no = r.str(0, 0);
  p.order_type = r.str(0, 1);
  p.status = r.str(0, 2);
  p.provider = r.str(0, 3);
  p.prepay_id = r.str(0, 4);
  p.order_no = r.str(0, 5);
  p.amount = r.i64(0, 6);
  p.paid_amount = r.i64(0, 7);
  p.refunded = r.i64(0, 8);
  p.expires_at = r.i64(0, 9);
  p.created_at = r.i64(0, 10);
  if (!r.is_null(0, 11)) p.paid_at = r.i64(0, 11);
  return p;
}

}  // namespace zc::db::app
