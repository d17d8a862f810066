#pragma once
// The arithmetic of an e-invoice (docs/invoices.md): the tax split of a tax-inclusive amount, the split of
// an order's kept fee into its electricity and service parts, and the amount in Chinese capitals (大写).
// Integer fen and basis points only: no floating point touches money.
#include <cstdint>
#include <string>

namespace zc::invoice {

// A tax rate in basis points of a percent as the station stores it (0.01 %): 1300 = 13 %, 600 = 6 %.
struct TaxSplit {
  int64_t tax = 0;       // fen
  int64_t excluded = 0;  // fen, amount − tax
};

// Tax of a tax-inclusive amount A at rate r: tax = round(A × r / (1 + r)), half up, to the fen; the
// amount without tax is A − tax. A ≥ 0, 0 ≤ rate_bp ≤ 10000.
TaxSplit split_tax(int64_t amount, int64_t rate_bp);

// The kept part of an order (fee − refunds) split between electricity and service in the proportion of the
// order's energy fee to its service fee; the electricity part is rounded down, the service part is the
// rest. No fees recorded: everything is electricity.
struct FeeParts {
  int64_t electricity = 0, service = 0;
};
FeeParts split_kept(int64_t kept, int64_t energy_fee, int64_t service_fee);

// "壹佰贰拾叁元肆角伍分", "伍元整", "零元整"; fen ≥ 0.
std::string capitals(int64_t fen);

// A rate as invoices print it: 1300 → "13%", 650 → "6.5%", 0 → "0%" (免税 is a seller's choice, not ours).
std::string rate_text(int64_t rate_bp);
// The rate as Nuonuo sends it: 1300 → "0.13", 650 → "0.065".
std::string rate_decimal(int64_t rate_bp);

}  // namespace zc::invoice
