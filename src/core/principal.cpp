#include "core/principal.hpp"

namespace zc {

const char* to_string(UserType t) {
  switch (t) {
    case UserType::system:
      return "system";
    case UserType::provider:
      return "provider";
    case UserType::property:
      return "property";
    case UserType::collective:
      return "collective";
  }
  return "system";
}

bool parse_user_type(std::string_view s, UserType& out) {
  if (s == "system")
    out = UserType::system;
  else if (s == "provider")
    out = UserType::provider;
  else if (s == "property")
    out = UserType::property;
  else if (s == "collective")
    out = UserType::collective;
  else
    return false;
  return true;
}

}  // namespace zc
