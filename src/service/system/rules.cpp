#include "service/system/rules.hpp"

#include <boost/json/object.hpp>
#include <charconv>
#include <map>

#include "core/crypto.hpp"
#include "core/error.hpp"

namespace zc::sys {

namespace json = boost::json;

static std::string f(std::string_view field, std::string_view msg) {
  std::string s(field);
  s += ": ";
  s += msg;
  return s;
}

bool is_mobile_phone(std::string_view s) {
  if (s.size() != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_email(std::string_view s) {
  if (s.size() < 5 || s.size() > 100) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > domain.size()) return false;
  if (domain.find("..") != std::string_view::npos || domain.front() == '.') return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' ||
        c == '[' || c == ']' || c == '\\')
      return false;
  }
  return true;
}

bool is_contact_phone(std::string_view s) {
  if (s.size() < 5 || s.size() > 20) return false;
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != '-' && c != '+' && c != ' ')
      return false;
  }
  return digits >= 5;
}

void require_mobile(std::string_view field, std::string_view value) {
  if (value.empty()) fail_bad_request(f(field, "不能为空"));
  if (!is_mobile_phone(value)) fail_bad_request(f(field, "手机号必须是以1开头的11位数字"));
}

void check_email(std::string_view field, std::string_view value) {
  if (!value.empty() && !is_email(value)) fail_bad_request(f(field, "邮箱格式不正确"));
}

void check_contact_phone(std::string_view field, std::string_view value) {
  if (!value.empty() && !is_contact_phone(value)) fail_bad_request(f(field, "电话号码格式不正确"));
}

void check_status(std::string_view field, int64_t status) {
  if (status != 0 && status != 1) fail_bad_request(f(field, "只能是0（正常）或1（停用）"));
}

void check_role_key(std::string_view field, std::string_view key) {
  if (key.empty() || key.size() > 50) fail_bad_request(f(field, "长度必须为1到50个字符"));
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == ':' || c == '.';
    if (!ok) fail_bad_request(f(field, "只能包含字母、数字和 _ - : ."));
  }
  if (key == "admin" || key == "provider_admin" || key == "property_admin")
    fail_bad_request(f(field, "不能使用内置角色的标识"));
}

void check_password(std::string_view field, std::string_view password) {
  std::string p = crypto::password_problem(password);
  if (!p.empty()) fail_bad_request(f(field, p));
}

Owner owner_of_columns(int64_t provider_id, int64_t property_id, int64_t collective_id) {
  Owner o;
  o.provider_id = provider_id;
  o.property_id = property_id;
  o.collective_id = collective_id;
  if (property_id)
    o.type = UserType::property;
  else if (collective_id)
    o.type = UserType::collective;
  else if (provider_id)
    o.type = UserType::provider;
  else
    o.type = UserType::system;
  return o;
}

bool owner_in_scope(const Owner& o, const DataScope& s) {
  switch (s.kind) {
    case UserType::system:
      return true;
    case UserType::provider:
      return s.provider_id != 0 && o.provider_id == s.provider_id;
    case UserType::property:
      return s.property_id != 0 && o.property_id == s.property_id;
    case UserType::collective:
      return s.collective_id != 0 && o.collective_id == s.collective_id;
  }
  return false;
}

bool same_owner(const Owner& u, const Owner& r) {
  if (u.type != r.type) return false;
  switch (u.type) {
    case UserType::system:
      return true;
    case UserType::provider:
      return u.provider_id == r.provider_id;
    case UserType::property:
      return u.property_id == r.property_id;
    case UserType::collective:
      return u.collective_id == r.collective_id;
  }
  return false;
}

std::string child_ancestors(std::string_view parent_ancestors, int64_t parent_id) {
  std::string s(parent_ancestors.empty() ? "0" : parent_ancestors);
  return s + "," + std::to_string(parent_id);
}

std::vector<int64_t> parse_ancestors(std::string_view a) {
  std::vector<int64_t> out;
  while (!a.empty()) {
    auto comma = a.find(',');
    auto part = a.substr(0, comma);
    int64_t n = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
    if (ec == std::errc() && p == part.data() + part.size()) out.push_back(n);
    if (comma == std::string_view::npos) break;
    a.remove_prefix(comma + 1);
  }
  return out;
}

bool in_subtree(int64_t dept_id, int64_t candidate_id, std::string_view candidate_ancestors) {
  if (candidate_id == dept_id) return true;
  for (int64_t a : parse_ancestors(candidate_ancestors))
    if (a == dept_id) return true;
  return false;
}

std::string rebase_ancestors(std::string_view d, std::string_view old_prefix, std::string_view new_prefix) {
  if (d == old_prefix) return std::string(new_prefix);
  if (d.size() > old_prefix.size() && d.substr(0, old_prefix.size()) == old_prefix &&
      d[old_prefix.size()] == ',')
    return std::string(new_prefix) + std::string(d.substr(old_prefix.size()));
  return std::string(d);
}

static int64_t id_of(const json::value& v, std::string_view key) {
  const auto* o = v.if_object();
  if (!o) return 0;
  auto it = o->find(key);
  if (it == o->end()) return 0;
  if (it->value().is_int64()) return it->value().as_int64();
  if (it->value().is_uint64()) return static_cast<int64_t>(it->value().as_uint64());
  return 0;
}

json::array build_tree(const json::array& flat, std::string_view parent_key) {
  std::map<int64_t, size_t> index;
  for (size_t i = 0; i < flat.size(); ++i) index[id_of(flat[i], "id")] = i;
  std::vector<std::vector<size_t>> kids(flat.size());
  std::vector<size_t> roots;
  for (size_t i = 0; i < flat.size(); ++i) {
    int64_t parent = id_of(flat[i], parent_key);
    auto it = index.find(parent);
    if (parent != 0 && it != index.end() && it->second != i)
      kids[it->second].push_back(i);
    else
      roots.push_back(i);
  }
  // Depth-first copy; a cycle cannot occur from a well-formed table, but guard anyway.
  std::vector<bool> used(flat.size(), false);
  auto build = [&](auto&& self, size_t i, int depth) -> json::object {
    used[i] = true;
    json::object node = flat[i].as_object();
    json::array children;
    if (depth < 64)
      for (size_t k : kids[i])
        if (!used[k]) children.push_back(self(self, k, depth + 1));
    node["children"] = std::move(children);
    return node;
  };
  json::array out;
  for (size_t r : roots) out.push_back(build(build, r, 0));
  return out;
}

int64_t first_ungrantable(const std::vector<int64_t>& requested, const std::set<int64_t>& held,
                          const std::vector<MenuNode>& all) {
  std::map<int64_t, const MenuNode*> by_id;
  for (const auto& m : all) by_id[m.id] = &m;
  // Permission-less ancestors of held menus.
  std::set<int64_t> structural;
  for (int64_t h : held) {
    auto it = by_id.find(h);
    int guard = 0;
    while (it != by_id.end() && it->second->parent_id != 0 && guard++ < 64) {
      it = by_id.find(it->second->parent_id);
      if (it != by_id.end() && it->second->perms.empty()) structural.insert(it->first);
    }
  }
  for (int64_t id : requested)
    if (!held.count(id) && !structural.count(id)) return id;
  return 0;
}

}  // namespace zc::sys
