#pragma once
// Service providers (SYS-PROV) and property companies (SYS-PROP): the tenants. Approving a provider or
// adding a property creates its login account and top-level department in the same transaction.
#include <optional>
#include <string>
#include <vector>

#include "service/system/context.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/system_provider.hpp"

namespace zc::sys {

struct ProviderInput {
  int64_t id = 0;  // update only
  std::string name, contact, email;
  std::optional<std::string> phone;  // required on create; must be unchanged on update
  std::optional<int64_t> parent_id;
};

struct PropertyInput {
  int64_t id = 0;
  std::optional<int64_t> provider_id;  // create only
  std::string name, contact, email, province, city, address;
  std::optional<std::string> phone;
};

// The login account created for a new tenant; the password is shown once.
struct AccountCreated {
  int64_t id = 0;  // the provider/property id
  std::string user_name;
  std::string initial_password;
};

class ProviderService {
 public:
  explicit ProviderService(SystemContext ctx) : ctx_(ctx) {}
  db::RowsPage<db::sys::ProviderRow> list(const QueryParams& q, const Principal& p);
  db::sys::ProviderRow get(int64_t id, const Principal& p);
  std::vector<db::sys::ProviderOption> options(const Principal& p);
  int64_t create(const ProviderInput& in, const Principal& p);
  void update(const ProviderInput& in, const Principal& p);
  // Approve (1) → the account; reject (2) → nothing.
  std::optional<AccountCreated> audit(int64_t id, int64_t audit_status, const std::string& remark,
                                      const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);

 private:
  SystemContext ctx_;
};

class PropertyService {
 public:
  explicit PropertyService(SystemContext ctx) : ctx_(ctx) {}
  db::RowsPage<db::sys::PropertyRow> list(const QueryParams& q, const Principal& p);
  db::sys::PropertyRow get(int64_t id, const Principal& p);
  std::vector<db::sys::PropertyOption> options(std::optional<int64_t> provider_id, const Principal& p);
  AccountCreated create(const PropertyInput& in, const Principal& p);
  void update(const PropertyInput& in, const Principal& p);
  void change_status(int64_t id, int64_t status, const Principal& p);

 private:
  SystemContext ctx_;
};

}  // namespace zc::sys
