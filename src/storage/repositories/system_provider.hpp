#pragma once
// SQL of service providers (SYS-PROV) and property companies (SYS-PROP).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::sys {

struct ProviderRec {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string name;
  std::string phone;
  std::string email;
  int64_t status = 0;
  int64_t audit_status = 0;
  int64_t user_id = 0;
  int64_t dept_id = 0;
};

struct ProviderFields {
  std::string name, contact, phone, email;
  int64_t parent_id = 0;  // 0 = a service provider, else a sub-merchant of it
};

class ProviderRepo {
 public:
  explicit ProviderRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<ProviderRec> find(int64_t id);  // no scope: callers check it
  bool in_scope(int64_t id, const DataScope& scope);
  boost::json::array options(const DataScope& scope);  // approved + enabled
  int64_t insert(const ProviderFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const std::string& name, const std::string& contact, const std::string& email,
              const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  // Only a pending row changes; returns false when it was no longer pending.
  bool audit(int64_t id, int64_t audit_status, const std::string& remark, int64_t user_id, int64_t dept_id,
             const std::string& by, int64_t now);
  void clear_user(int64_t user_id);

 private:
  Connection& c_;
};

struct PropertyRec {
  int64_t id = 0;
  int64_t provider_id = 0;
  std::string name;
  std::string phone;
  std::string email;
  int64_t status = 0;
  int64_t user_id = 0;
  int64_t dept_id = 0;
};

struct PropertyFields {
  int64_t provider_id = 0;
  std::string name, contact, phone, email, province, city, address;
};

class PropertyRepo {
 public:
  explicit PropertyRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<PropertyRec> find(int64_t id);
  boost::json::array options(std::optional<int64_t> provider_id, const DataScope& scope);  // enabled
  int64_t insert(const PropertyFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const PropertyFields& f, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  void set_account(int64_t id, int64_t user_id, int64_t dept_id);
  void clear_user(int64_t user_id);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
