#include "service/driver/plate.hpp"

#include <array>
#include <vector>

namespace zc::driver {

namespace {

constexpr std::array<std::string_view, 31> kProvinces = {
    "京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
    "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"};
constexpr std::array<std::string_view, 5> kSuffixes = {"挂", "学", "警", "港", "澳"};

bool is_letter(std::string_view c) {
  return c.size() == 1 && c[0] >= 'A' && c[0] <= 'Z' && c[0] != 'I' && c[0] != 'O';
}
bool is_digit(std::string_view c) {
  return c.size() == 1 && c[0] >= '0' && c[0] <= '9';
}
bool is_alnum(std::string_view c) {
  return is_letter(c) || is_digit(c);
}
bool is_new_energy_class(std::string_view c) {
  return c == "D" || c == "F";
}
template <size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view c) {
  for (auto s : set)
    if (s == c) return true;
  return false;
}

// Splits UTF-8 text into its characters; nullopt for malformed UTF-8.
std::optional<std::vector<std::string>> characters(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return std::nullopt;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::optional<std::string> normalize_plate(std::string_view input) {
  if (input.size() > 64) return std::nullopt;
  auto chars = characters(input);
  if (!chars) return std::nullopt;
  std::vector<std::string> c;
  for (auto& ch : *chars) {
    if (ch == " " || ch == "·" || ch == "-") continue;
    if (ch.size() == 1 && ch[0] >= 'a' && ch[0] <= 'z') ch[0] = static_cast<char>(ch[0] - 'a' + 'A');
    c.push_back(ch);
  }
  if (c.size() != 7 && c.size() != 8) return std::nullopt;
  if (!one_of(kProvinces, c[0]) || !is_letter(c[1])) return std::nullopt;
  bool ok = false;
  if (c.size() == 7) {
    ok = is_alnum(c[2]) && is_alnum(c[3]) && is_alnum(c[4]) && is_alnum(c[5]) &&
         (is_alnum(c[6]) || one_of(kSuffixes, c[6]));
  } else {
    bool small = is_new_energy_class(c[2]) && is_alnum(c[3]) && is_digit(c[4]) && is_digit(c[5]) &&
                 is_digit(c[6]) && is_digit(c[7]);
    bool large = is_digit(c[2]) && is_digit(c[3]) && is_digit(c[4]) && is_digit(c[5]) && is_digit(c[6]) &&
                 is_new_energy_class(c[7]);
    ok = small || large;
  }
  if (!ok) return std::nullopt;
  std::string out;
  for (auto& ch : c) out += ch;
  return out;
}

}  // namespace zc::driver
