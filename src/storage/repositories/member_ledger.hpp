#pragma once
// Card and collective-account movements in the one ledger (ledger_entry; docs/members.md "Money"):
// posting them, listing an account's lines, and the books check of card and collective balances.
#include <optional>
#include <string>
#include <vector>

#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/payment_repo.hpp"

namespace zc::db::member {

// Accounts a card or collective movement uses besides the payment ones (payment_repo.hpp).
inline constexpr const char* kCounter = "counter";      // money taken or paid at the property's counter
inline constexpr const char* kPromo = "promo";          // discounts and bonuses the operator gives
std::string card_account(int64_t card_id);              // "card:<id>"
std::string collective_account(int64_t collective_id);  // "collective:<id>"

// What a movement is about; the postings say where the money goes.
struct Movement {
  std::string txn_no;  // unique per movement and account: a movement is posted once
  std::string kind;    // card_issue | card_topup | card_bonus | card_spend | card_refund | collective_topup |
                       // collective_issue
  std::string order_type = "card";  // card | collective | car | bike (a spend names its charging order)
  std::optional<int64_t> charge_order_id;
  std::string station_type;
  int64_t station_id = 0;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  std::optional<int64_t> card_id;
  std::optional<int64_t> collective_id;
  std::string remark;
};

class MemberLedgerRepo {
 public:
  explicit MemberLedgerRepo(Connection& c) : c_(c) {}
  void post(const Movement& m, const std::vector<payment::Posting>& postings, int64_t at);
  // The lines of one card's or collective's account, newest first; `amount` signed (+ into the account).
  Page of_card(int64_t card_id, const QueryParams& q);
  Page of_collective(int64_t collective_id, const QueryParams& q);
  // Books that do not balance for cards and collective accounts: a movement without a pay order whose
  // postings do not sum to 0, a card or collective whose balance column differs from its ledger account, a
  // card order whose charged / refunded figures differ from its card's spend / refund lines.
  std::vector<std::string> reconcile();

 private:
  Page of_account(const std::string& id_column, int64_t id, const std::string& account, const QueryParams& q);
  Connection& c_;
};

}  // namespace zc::db::member
