#pragma once
// What every system-management use case needs, and the owner checks they share (SYS-SCOPE).
#include <optional>
#include <string>

#include "core/config.hpp"
#include "core/principal.hpp"
#include "service/auth/session_revoker.hpp"
#include "service/system/rules.hpp"
#include "storage/database.hpp"

namespace zc::sys {

struct SystemContext {
  db::Database& db;
  const Config& cfg;
  auth::SessionRevoker& sessions;
};

// The owner ids a request names for a user or role of `type`.
struct OwnerRequest {
  UserType type = UserType::system;
  std::optional<int64_t> provider_id, property_id, collective_id;
};

// Resolves and checks the owner of a new user or role: the ids the type needs are present (400 naming
// the field), exist and are inside the caller's scope (404), and — for creating — the provider is
// approved and enabled and the property enabled (409 "服务商已停用…" / "物业已停用…").
Owner resolve_owner(db::Connection& c, const OwnerRequest& req, const Principal& caller);

// The property a new property-owned row (card product, collective, call/fault record, …) belongs to:
// `property_id` within the caller's scope (a property user's own when absent), provider and property
// enabled (400/404/409 naming the field).
Owner property_owner(db::Connection& c, std::optional<int64_t> property_id, const Principal& caller);

// 409 when the provider or property of `owner` is disabled (creating anything under it).
void check_owner_enabled(db::Connection& c, const Owner& owner);

}  // namespace zc::sys
