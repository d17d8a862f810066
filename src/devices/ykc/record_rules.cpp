#include "devices/ykc/record_rules.hpp"

#include <fmt/format.h>

namespace zc::ykc {

RecordReview review_record(const TransactionRecord& m, const PileCode& pile, size_t gun_count,
                           bool session_abnormal) {
  RecordReview r;
  auto gun = gun_from_bcd(m.gun);
  r.connector = gun ? static_cast<int64_t>(*gun) : m.gun;
  if (m.pile_code != pile) {
    r.illegal = true;
    r.flags.push_back(
        fmt::format("record of pile {}, not of the logged-in pile {}", m.pile_code.str(), pile.str()));
  }
  if (!gun || *gun == 0 || *gun > gun_count) {
    r.illegal = true;
    r.flags.push_back(fmt::format("gun {} is not a gun of the pile ({} guns)",
                                  gun ? std::to_string(*gun) : fmt::format("0x{:02X}", m.gun), gun_count));
  }
  if (session_abnormal) r.flags.emplace_back(std::string_view(kTwoIdleReports));
  return r;
}

}  // namespace zc::ykc
