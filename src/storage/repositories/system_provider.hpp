#pragma once
// SQL of service providers (SYS-PROV) and property companies (SYS-PROP).
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

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

// A provider of the list and the detail.
struct ProviderRow {
  int64_t id = 0;
  std::string name, contact, phone, email;
  int64_t merchant_type = 1;  // 1 service provider, 2 sub-merchant
  std::optional<int64_t> parent_id;
  std::optional<std::string> parent_name;
  int64_t status = 0, audit_status = 0;
  std::string audit_remark;
  std::optional<std::string> audit_by;
  std::optional<int64_t> audit_time, user_id;
  std::optional<std::string> user_name;
  std::optional<int64_t> dept_id;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(ProviderRow, (),
                      (id, name, contact, phone, email, merchant_type, parent_id, parent_name, status,
                       audit_status, audit_remark, audit_by, audit_time, user_id, user_name, dept_id, audit))

// An approved, enabled provider (a select's option).
struct ProviderOption {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> parent_id;
};
BOOST_DESCRIBE_STRUCT(ProviderOption, (), (id, name, parent_id))

struct ProviderFields {
  std::string name, contact, phone, email;
  int64_t parent_id = 0;  // 0 = a service provider, else a sub-merchant of it
};

class ProviderRepo {
 public:
  explicit ProviderRepo(Connection& c) : c_(c) {}
  RowsPage<ProviderRow> list(const QueryParams& q, const DataScope& scope);
  std::optional<ProviderRow> detail(int64_t id, const DataScope& scope);
  std::optional<ProviderRec> find(int64_t id);  // no scope: callers check it
  bool in_scope(int64_t id, const DataScope& scope);
  std::vector<ProviderOption> options(const DataScope& scope);  // approved + enabled
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

// A property company of the list and the detail.
struct PropertyRow {
  int64_t id = 0, provider_id = 0;
  std::string provider_name, name, contact, phone, email, province, city, address;
  int64_t status = 0;
  std::optional<int64_t> user_id;
  std::optional<std::string> user_name;
  std::optional<int64_t> dept_id;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(PropertyRow, (),
                      (id, provider_id, provider_name, name, contact, phone, email, province, city, address,
                       status, user_id, user_name, dept_id, audit))

struct PropertyOption {
  int64_t id = 0;
  std::string name;
  int64_t provider_id = 0;
};
BOOST_DESCRIBE_STRUCT(PropertyOption, (), (id, name, provider_id))

struct PropertyFields {
  int64_t provider_id = 0;
  std::string name, contact, phone, email, province, city, address;
};

class PropertyRepo {
 public:
  explicit PropertyRepo(Connection& c) : c_(c) {}
  RowsPage<PropertyRow> list(const QueryParams& q, const DataScope& scope);
  std::optional<PropertyRow> detail(int64_t id, const DataScope& scope);
  std::optional<PropertyRec> find(int64_t id);
  std::vector<PropertyOption> options(std::optional<int64_t> provider_id, const DataScope& scope);  // enabled
  int64_t insert(const PropertyFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const PropertyFields& f, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  void set_account(int64_t id, int64_t user_id, int64_t dept_id);
  void clear_user(int64_t user_id);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
