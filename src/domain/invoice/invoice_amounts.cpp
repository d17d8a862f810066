#include "domain/invoice/invoice_amounts.hpp"

#include <stdexcept>
#include <string_view>

namespace zc::invoice {

TaxSplit split_tax(int64_t amount, int64_t rate_bp) {
  if (amount < 0 || rate_bp < 0 || rate_bp > 10000) throw std::invalid_argument("split_tax: out of range");
  // A × r / (1 + r) with r = rate_bp / 10000 → A × rate_bp / (10000 + rate_bp); half up in integers.
  const int64_t den = 10000 + rate_bp;
  const int64_t tax = (2 * amount * rate_bp + den) / (2 * den);
  return {tax, amount - tax};
}

FeeParts split_kept(int64_t kept, int64_t energy_fee, int64_t service_fee) {
  if (kept <= 0) return {0, 0};
  const int64_t total = energy_fee + service_fee;
  if (total <= 0) return {kept, 0};
  const int64_t electricity = kept * energy_fee / total;
  return {electricity, kept - electricity};
}

namespace {

constexpr std::string_view kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::string_view kSmall[] = {"", "拾", "佰", "仟"};
constexpr std::string_view kGroups[] = {"", "万", "亿", "万亿"};

// The integer yuan part: groups of four digits from the right, 零 once for each run of zeros between
// non-zero digits (also across groups), group units only for non-zero groups.
std::string yuan_capitals(int64_t yuan) {
  if (yuan == 0) return "";
  int64_t groups[4] = {};
  int n = 0;
  for (int64_t v = yuan; v > 0 && n < 4; v /= 10000) groups[n++] = v % 10000;
  std::string out;
  bool pending_zero = false;
  for (int g = n - 1; g >= 0; --g) {
    const int64_t group = groups[g];
    if (group == 0) {
      pending_zero = !out.empty();
      continue;
    }
    int64_t d[4] = {group / 1000, group / 100 % 10, group / 10 % 10, group % 10};
    for (int i = 0; i < 4; ++i) {
      if (d[i] == 0) {
        pending_zero = pending_zero || !out.empty();
        continue;
      }
      if (pending_zero) out += kDigits[0];
      pending_zero = false;
      out += kDigits[d[i]];
      out += kSmall[3 - i];
    }
    out += kGroups[g];
  }
  return out;
}

}  // namespace

std::string capitals(int64_t fen) {
  if (fen < 0) throw std::invalid_argument("capitals: negative amount");
  const int64_t yuan = fen / 100, jiao = fen / 10 % 10, f = fen % 10;
  std::string out = yuan_capitals(yuan);
  if (!out.empty()) out += "元";
  if (jiao == 0 && f == 0) return (out.empty() ? std::string("零元") : out) + "整";
  if (jiao > 0) {
    out += kDigits[jiao];
    out += "角";
  } else if (!out.empty()) {
    out += kDigits[0];  // 壹元零伍分
  }
  if (f > 0) {
    out += kDigits[f];
    out += "分";
  } else {
    out += "整";  // 壹元伍角整
  }
  return out;
}

std::string rate_text(int64_t rate_bp) {
  std::string s = std::to_string(rate_bp / 100);
  if (int64_t frac = rate_bp % 100; frac != 0) {
    s += '.';
    s += std::to_string(frac / 10);
    if (frac % 10) s += std::to_string(frac % 10);
  }
  return s + "%";
}

std::string rate_decimal(int64_t rate_bp) {
  // rate_bp / 10000 with trailing zeros removed: 1300 → 0.13, 650 → 0.065, 0 → 0
  if (rate_bp == 0) return "0";
  std::string digits = std::to_string(rate_bp % 10000);
  digits.insert(0, 4 - digits.size(), '0');
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return std::to_string(rate_bp / 10000) + (digits.empty() ? "" : "." + digits);
}

}  // namespace zc::invoice
