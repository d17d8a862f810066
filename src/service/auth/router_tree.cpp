#include "service/auth/router_tree.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <map>

namespace zc::auth {

namespace json = boost::json;

static std::string route_name(const db::MenuRow& m) {
  // Unique, stable route names: path words capitalised + id (paths repeat across modules, e.g. "area").
  std::string n;
  bool up = true;
  for (char c : m.path) {
    if (c == '/' || c == '-' || c == '_') {
      up = true;
      continue;
    }
    n += up ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    up = false;
  }
  return (n.empty() ? std::string("Home") : n) + std::to_string(m.id);
}

static json::object node(const db::MenuRow& m) {
  json::object o;
  o["name"] = route_name(m);
  o["path"] = m.path;
  o["hidden"] = false;
  o["component"] = m.type == "M" ? "Layout" : m.component;
  json::object meta;
  meta["title"] = m.name;
  meta["titleEn"] = m.name_en;
  meta["icon"] = m.icon;
  meta["noCache"] = false;
  o["meta"] = std::move(meta);
  return o;
}

json::array build_router_tree(const std::vector<db::MenuRow>& menus) {
  std::map<int64_t, std::vector<const db::MenuRow*>> children;
  for (const auto& m : menus) children[m.parent_id].push_back(&m);
  for (auto& [_, v] : children)
    std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->order < b->order; });

  json::array tree;
  for (const db::MenuRow* top : children[0]) {
    if (top->type != "M") continue;
    auto kids = children.find(top->id);
    if (kids == children.end()) continue;  // a module with no visible page is not shown
    json::object t = node(*top);
    json::array list;
    for (const db::MenuRow* c : kids->second)
      if (c->type == "C") list.push_back(node(*c));
    if (list.empty()) continue;
    std::string first = json::value_to<std::string>(list.front().as_object().at("path"));
    t["redirect"] = top->path == "/" ? "/" + first : top->path + "/" + first;
    t["alwaysShow"] = list.size() > 1 || top->path != "/";
    t["children"] = std::move(list);
    tree.push_back(std::move(t));
  }
  return tree;
}

}  // namespace zc::auth
