#pragma once
// What the admin order pages (ORD-CAR, ORD-BIKE) ask of the car and e-bike order services: end an
// order, and the running cost of an open one. Implemented by the car orders and the e-bike orders; the
// admin routes only see this.
// Errors are zc::ApiError (404 unknown or out of scope is checked by the route before; 409 when the
// order's state does not allow ending, naming the state).
#include <cstdint>
#include <optional>
#include <string>

namespace zc::order {

struct EndRequest {
  int64_t order_id = 0;
  // E-bike only: settle by this duration instead of the last reported one (ORD-BIKE "custom duration").
  std::optional<int64_t> duration_s;
  std::string op;      // operator user name (recorded as the end reason's author)
  std::string reason;  // free text shown in the detail; "" = 管理员结束
};

struct EndResult {
  std::string state;     // the order's state afterwards (completed / finished / …)
  int64_t charged = 0;   // fen
  int64_t refunded = 0;  // fen returned by the settlement (prepay_return)
  std::string message;
};

class OrderEnder {
 public:
  virtual ~OrderEnder() = default;
  // Ends the order: stops the device if it still charges (best effort, never waits for ever) and
  // settles by the last reported value. Applied once: ending an already ended order is a 409.
  virtual EndResult end(const EndRequest& r) = 0;
  // What the open order costs so far (fen; as the driver's live page shows it), nullopt once it ended.
  virtual std::optional<int64_t> running_cost(int64_t order_id) = 0;
};

}  // namespace zc::order
