#include "api/row_json.hpp"

namespace zc::api {

std::string camel_case(std::string_view snake) {
  std::string out;
  out.reserve(snake.size());
  bool up = false;
  for (char c : snake) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    up = false;
  }
  return out;
}

}  // namespace zc::api
