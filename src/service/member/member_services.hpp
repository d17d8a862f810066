#pragma once
// The member center's use cases (MEM-PROD, MEM-COLL, MEM-CARD, MEM-MEMBER, MEM-OWNER; docs/api-member.md,
// docs/members.md). Scope: an id outside the caller's scope is answered as a missing one. Every money
// movement (card issue and top-up, collective top-up and issue) is posted to the one ledger in the
// transaction that changes the balance.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "domain/member/card_rules.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::member {

// Told after a card changed (committed): its balance (a top-up) or whether it may charge (issue, numbers,
// enable/disable). The charging side raises a running session's cap and tells the pile (YKC 0x42), and
// keeps the piles' offline card lists (docs/members.md "Charging with a card").
class CardWatcher {
 public:
  virtual ~CardWatcher() = default;
  virtual void balance_changed(int64_t card_id) = 0;
  virtual void card_changed(int64_t card_id) = 0;
};

// Told after the whitelist changed (committed): the car stations whose list of enabled plates may differ
// now (the parking side syncs it to the cameras that keep a local list).
class WhitelistWatcher {
 public:
  virtual ~WhitelistWatcher() = default;
  virtual void whitelist_changed(const std::vector<int64_t>& station_ids) = 0;
};

// `clock` stamps the admin rows (products, accounts, owners); money movements use the system clock.
struct MemberContext {
  db::Database& db;
  const Clock& clock;
  CardWatcher* watcher = nullptr;
  WhitelistWatcher* whitelist_watcher = nullptr;
};

struct ProductInput {
  int64_t id = 0;                      // update only
  std::optional<int64_t> property_id;  // create only; a property user's own when absent
  std::string name, product_type, issue_type, remark;
  int64_t price = 0, face_value = 0;
  std::vector<BonusTier> bonus_tiers;
  std::vector<int64_t> car_station_ids, bike_station_ids;
};

class ProductService {
 public:
  explicit ProductService(MemberContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  boost::json::array options(std::optional<std::string> issue_type, std::optional<int64_t> property_id,
                             const Principal& p);
  int64_t create(const ProductInput& in, const Principal& p);
  void update(const ProductInput& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);

 private:
  MemberContext ctx_;
};

struct CollectiveInput {
  int64_t id = 0;
  std::optional<int64_t> property_id;
  std::string name, email, contact, phone, address, remark;
};

class CollectiveService {
 public:
  explicit CollectiveService(MemberContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  boost::json::array options(std::optional<int64_t> property_id, const Principal& p);
  int64_t create(const CollectiveInput& in, const Principal& p);
  void update(const CollectiveInput& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  void lock(int64_t id, int64_t locked, const Principal& p);
  int64_t top_up(int64_t id, int64_t amount, const std::string& remark, const Principal& p);  // new balance
  db::Page ledger(int64_t id, const QueryParams& q, const Principal& p);

 private:
  MemberContext ctx_;
};

struct CardInput {
  int64_t id = 0;  // edit only
  std::string phone, holder_name, card_no, physical_no;
  int64_t product_id = 0;
  std::optional<int64_t> collective_id;
  int64_t valid_from = 0, valid_to = 0;
};

struct TopUpResult {
  int64_t balance = 0, bonus = 0;
};

class CardService {
 public:
  explicit CardService(MemberContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  int64_t issue(const CardInput& in, const Principal& p);
  void update(const CardInput& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  TopUpResult top_up(int64_t id, int64_t amount, const std::string& remark, const Principal& p);
  db::Page ledger(int64_t id, const QueryParams& q, const Principal& p);

  // The driver app's "my cards" (APP): every card issued to the driver's account, with the stations it
  // works at; a card of another driver is answered as a missing one.
  boost::json::array cards_of_driver(int64_t user_id);
  db::Page ledger_of_driver(int64_t user_id, int64_t card_id, const QueryParams& q);

 private:
  MemberContext ctx_;
};

struct OwnerInput {
  int64_t id = 0;
  std::optional<int64_t> property_id;  // create only: who adds the owner
  std::string phone, nickname, real_name, gender, remark;
  std::vector<std::string> plates;  // as typed; normalised and checked by the service
};

class OwnerService {
 public:
  explicit OwnerService(MemberContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  int64_t create(const OwnerInput& in, const Principal& p);
  void update(const OwnerInput& in, const Principal& p);
  void verify(int64_t id, int64_t verified, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);

  // Members: owners holding a card in scope.
  db::Page members(const QueryParams& q, const Principal& p);
  boost::json::object member(int64_t user_id, const Principal& p);  // + cards
  void update_member(const OwnerInput& in, const Principal& p);     // nickname, real name, plates

 private:
  MemberContext ctx_;
};

struct WhitelistInput {
  int64_t id = 0;                      // update only
  std::optional<int64_t> property_id;  // create only
  std::string plate;                   // create only (the plate is the row's identity)
  std::string remark;
  std::vector<int64_t> station_ids;  // car stations of the property, at least one
};

class WhitelistService {
 public:
  explicit WhitelistService(MemberContext ctx) : ctx_(ctx) {}
  db::Page list(const QueryParams& q, const Principal& p);
  boost::json::object get(int64_t id, const Principal& p);
  int64_t create(const WhitelistInput& in, const Principal& p);
  void update(const WhitelistInput& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);
  void remove(int64_t id, const Principal& p);

 private:
  void changed(const std::vector<int64_t>& station_ids);  // tells the whitelist watcher
  MemberContext ctx_;
};

}  // namespace zc::member
