#pragma once
// APP-3: a scanned or typed code → the gun (car) or socket (e-bike), its pile/device and station, the tariff
// in force with the current price tier, the prepay values, and whether a session can start (and why not).
// Codes: a gun code (pile code + 2-digit gun no.), a socket code (device code + 2-digit socket no.), a pile
// or device code (its only gun/socket, or the one named by `number`), or the QR URL that carries any of
// them ({app.public_url}/app/gun|pile|socket|device/{code}).
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "service/car/context.hpp"
#include "service/payment/payment_service.hpp"

namespace zc::driver {

class ScanService {
 public:
  ScanService(car::CarContext car, payment::PaymentService* payments) : car_(car), payments_(payments) {}
  // 400 naming `code` when it is empty or malformed; 404 when nothing visible has that code.
  boost::json::object scan(const std::string& code, std::optional<int64_t> number);

 private:
  car::CarContext car_;
  payment::PaymentService* payments_;
};

}  // namespace zc::driver
