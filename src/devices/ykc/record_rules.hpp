#pragma once
// Whether a transaction record (0x3B) can belong to the logged-in pile and which gun it names
// (docs/ykc.md "Transaction records"). Pure; the TCP session (server/record_handler.cpp) applies it.
// A record that cannot belong to this pile or gun is still stored — under the session's pile, flagged
// with the reason — and answered 0x40 "illegal bill" (0x01), so the pile stops resending it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "devices/ykc/messages.hpp"

namespace zc::ykc {

struct RecordReview {
  int64_t connector = 0;           // the gun as the pile named it (the raw byte when it is not BCD)
  std::vector<std::string> flags;  // reasons for review, empty when nothing is wrong
  bool illegal = false;            // cannot belong to this pile or gun: answer 0x40 0x01
};

// `pile`: the logged-in pile's code; `gun_count`: the guns the session knows (the larger of the pile's
// gun count at login and in the platform); `session_abnormal`: the gun's session of this serial was
// flagged (two idle 0x13, §8.5) — the flag stays on its record.
RecordReview review_record(const TransactionRecord& m, const PileCode& pile, size_t gun_count,
                           bool session_abnormal);

// The reason text of the §8.5 flag (raised by the 0x13 rule and carried by the record).
inline constexpr const char* kTwoIdleReports = "two idle real-time reports (0x13) during the session";

}  // namespace zc::ykc
