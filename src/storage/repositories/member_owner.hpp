#pragma once
// SQL of car owners (MEM-OWNER): the app users an operator sees — those it added, those holding its
// cards and those who charged at its stations — and what the admin keeps about them (migration 0019).
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::member {

struct OwnerFields {
  std::string nickname, real_name, gender, remark;
};

struct OwnerRec {
  int64_t id = 0, status = 0, verified = 0;
  std::string phone;
};

class OwnerRepo {
 public:
  explicit OwnerRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<OwnerRec> find(int64_t id, const DataScope& scope);
  std::optional<OwnerRec> find_by_phone(const std::string& phone);  // no scope: a phone is one account
  // A new app user added by an operator (provider/property: who added it, NULL for system users).
  int64_t insert(const std::string& phone, const OwnerFields& f, std::optional<int64_t> provider_id,
                 std::optional<int64_t> property_id, const std::string& by, int64_t now);
  void update(int64_t id, const OwnerFields& f, int64_t now);
  void update_names(int64_t id, const std::string& nickname, const std::string& real_name, int64_t now);
  void replace_plates(int64_t id, const std::vector<std::string>& plates, int64_t now);
  void set_verified(int64_t id, int64_t verified, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, int64_t now);

 private:
  Connection& c_;
};

}  // namespace zc::db::member
