#pragma once
// SQL of the driver's view of a payment (GET /app/pay/{payNo}): the pay order and, once it exists, the
// charging order it paid for.
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace zc::db::app {

struct PayStatusRow {
  std::string pay_no, order_type, status, provider, prepay_id, order_no;
  int64_t amount = 0, paid_amount = 0, refunded = 0, expires_at = 0, created_at = 0;
  std::optional<int64_t> paid_at;
};

class AppPayRepo {
 public:
  explicit AppPayRepo(Connection& c) : c_(c) {}
  // The pay order `pay_no` of the driver `user_id`; nullopt when unknown or someone else's.
  std::optional<PayStatusRow> find(const std::string& pay_no, int64_t user_id);

 private:
  Connection& c_;
};

}  // namespace zc::db::app
