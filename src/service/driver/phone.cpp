#include "service/driver/phone.hpp"

namespace zc::driver {

bool is_mainland_mobile(std::string_view phone) {
  if (phone.size() != 11 || phone[0] != '1' || phone[1] < '3' || phone[1] > '9') return false;
  for (char c : phone)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace zc::driver
