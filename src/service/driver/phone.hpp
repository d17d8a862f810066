#pragma once
// Driver phone numbers: 11-digit mainland China mobile numbers (1[3-9] followed by 9 digits).
#include <string>
#include <string_view>

namespace zc::driver {

bool is_mainland_mobile(std::string_view phone);

}  // namespace zc::driver
