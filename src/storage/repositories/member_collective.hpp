#pragma once
// SQL of collective accounts (MEM-COLL).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::member {

struct CollectiveFields {
  std::string name, email, contact, phone, address, remark;
};

struct CollectiveRec {
  int64_t id = 0, provider_id = 0, property_id = 0, balance = 0, status = 0, locked = 0;
  std::string name;
};

class CollectiveRepo {
 public:
  explicit CollectiveRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<CollectiveRec> find(int64_t id, const DataScope& scope);
  boost::json::array options(std::optional<int64_t> property_id, const DataScope& scope);
  int64_t insert(int64_t provider_id, int64_t property_id, const CollectiveFields& f, const std::string& by,
                 int64_t now);
  void update(int64_t id, const CollectiveFields& f, const std::string& by, int64_t now);
  void set_flag(int64_t id, const char* column, int64_t value, const std::string& by,
                int64_t now);  // status | locked
  // balance += delta unless that takes it below zero (the guard against concurrent debits). The new
  // balance, or nothing when refused.
  std::optional<int64_t> add_balance(int64_t id, int64_t delta, int64_t now);

 private:
  Connection& c_;
};

// The scope columns of a member-center row owned by a property (`alias`.provider_id / .property_id); a
// collective user sees the rows `collective_condition` (with one `?` for its collective id) selects.
ScopeColumns property_owned(const std::string& alias, const std::string& collective_condition);

}  // namespace zc::db::member
