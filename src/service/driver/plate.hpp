#pragma once
// Chinese licence plates (GA 36): province abbreviation + issuing-office letter + 5 characters (7 in all,
// the last may be 挂/学/警/港/澳), or a new-energy plate of 8 characters (D/F + letter-or-digit + 4 digits
// for small cars, 5 digits + D/F for large ones). Letters I and O are never used.
#include <optional>
#include <string>
#include <string_view>

namespace zc::driver {

// The plate in its canonical form (upper case, no spaces or "·"), or nullopt when it is not a valid plate.
std::optional<std::string> normalize_plate(std::string_view input);

inline constexpr int kMaxPlatesPerUser = 5;

}  // namespace zc::driver
