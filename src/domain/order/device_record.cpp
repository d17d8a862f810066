#include "domain/order/device_record.hpp"

#include <fmt/format.h>

namespace zc::order {

std::string merge_flags(std::string_view flags, std::string_view reason) {
  std::string out(flags);
  if (reason.empty()) return out;
  for (size_t pos = 0; pos <= flags.size();) {
    size_t end = flags.find("; ", pos);
    if (end == std::string_view::npos) end = flags.size();
    if (flags.substr(pos, end - pos) == reason) return out;
    pos = end + 2;
  }
  if (!out.empty()) out += "; ";
  out += reason;
  return out;
}

std::optional<std::string> meter_flag(int64_t meter_start, int64_t meter_stop) {
  if (meter_stop >= meter_start) return std::nullopt;
  return fmt::format("meter stop {} below meter start {}", meter_stop, meter_start);
}

std::string orphan_stop_serial(int64_t transaction_id) {
  return fmt::format("ocpp-tx:{}", transaction_id);
}

}  // namespace zc::order
