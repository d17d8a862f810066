#include "storage/list_query.hpp"

#include "core/error.hpp"

namespace zc::db {

void Where::add(std::string condition, Params p) {
  conditions.push_back(std::move(condition));
  for (auto& v : p) params.push_back(std::move(v));
}

std::string Where::sql() const {
  if (conditions.empty()) return {};
  std::string s = " WHERE ";
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (i) s += " AND ";
    s += "(" + conditions[i] + ")";
  }
  return s;
}

static std::string in_list(const std::string& col, const std::vector<int64_t>& ids, Params& p) {
  std::string s = col + " IN (";
  for (size_t i = 0; i < ids.size(); ++i) {
    s += i ? ",?" : "?";
    p.emplace_back(ids[i]);
  }
  return s + ")";
}

ScopeColumns owner_columns(const std::string& alias, const std::string& station_kind,
                           const std::string& station_col) {
  ScopeColumns s;
  s.provider = alias + ".provider_id";
  s.property = alias + ".property_id";
  if (station_kind == "car") s.car_station = station_col;
  if (station_kind == "bike") s.bike_station = station_col;
  return s;
}

void add_scope(Where& w, const ScopeColumns& cols, const DataScope& scope) {
  auto owner = [&](const std::string& col, int64_t id) {
    if (col.empty()) return w.add("1 = 0");
    if (col.find('?') == std::string::npos) return w.add(col + " = ?", {id});
    Params p;
    for (char ch : col)
      if (ch == '?') p.emplace_back(id);
    w.add(col, std::move(p));
  };
  switch (scope.kind) {
    case UserType::system:
      break;
    case UserType::provider:
      owner(cols.provider, scope.provider_id);
      break;
    case UserType::property:
      owner(cols.property, scope.property_id);
      break;
    case UserType::collective:
      owner(cols.collective, scope.collective_id);
      break;
  }
  if (!scope.car_station_ids.empty() && !cols.car_station.empty()) {
    Params p;
    std::string c = in_list(cols.car_station, scope.car_station_ids, p);
    w.add(c, std::move(p));
  }
  if (!scope.bike_station_ids.empty() && !cols.bike_station.empty()) {
    Params p;
    std::string c = in_list(cols.bike_station, scope.bike_station_ids, p);
    w.add(c, std::move(p));
  }
}

static std::string like_pattern(const std::string& v) {
  std::string s = "%";
  for (char c : v) {
    if (c == '%' || c == '_' || c == '\\') s += '\\';
    s += c;
  }
  return s + "%";
}

void add_filters(Where& w, const std::vector<Filter>& filters, const QueryParams& q, Dialect d) {
  for (const Filter& f : filters) {
    Value v;
    if (f.kind == Kind::integer) {
      auto n = query_int(q, f.param);
      if (!n) continue;
      v = *n;
    } else {
      auto s = query_str(q, f.param);
      if (!s) continue;
      if (s->size() > 200) fail_bad_request(f.param + ": 长度不能超过200个字符");
      v = *s;
    }
    switch (f.match) {
      case Match::equal:
        w.add(f.expr + " = ?", {v});
        break;
      case Match::at_least:
        w.add(f.expr + " >= ?", {v});
        break;
      case Match::at_most:
        w.add(f.expr + " <= ?", {v});
        break;
      case Match::contains:
        w.add(f.expr + (d == Dialect::postgres ? " ILIKE ?" : " LIKE ?") + " ESCAPE '\\'",
              {like_pattern(std::get<std::string>(v))});
        break;
      case Match::custom: {
        Params p;
        for (char ch : f.expr)
          if (ch == '?') p.push_back(v);
        w.add(f.expr, std::move(p));
        break;
      }
    }
  }
}

static std::string order_by(const ListSpec& spec, const QueryParams& q) {
  auto col = query_str(q, "orderByColumn");
  if (col) {
    for (const auto& [field, expr] : spec.sortable) {
      if (field == *col) {
        auto dir = query_str(q, "isAsc");
        bool asc = dir && (*dir == "asc" || *dir == "ascending");
        return " ORDER BY " + expr + (asc ? " ASC" : " DESC") +
               (spec.default_order.empty() ? "" : ", " + spec.default_order);
      }
    }
    fail_bad_request("orderByColumn: 不支持按该字段排序");
  }
  return spec.default_order.empty() ? "" : " ORDER BY " + spec.default_order;
}

ListQuery parse_list_query(Connection& c, const ListSpec& spec, const QueryParams& q,
                           const DataScope& scope) {
  ListQuery lq;
  lq.page_num = query_int(q, "pageNum").value_or(1);
  lq.page_size = query_int(q, "pageSize").value_or(10);
  if (lq.page_num < 1) fail_bad_request("pageNum: 必须大于0");
  if (lq.page_size < 1 || lq.page_size > 500) fail_bad_request("pageSize: 必须在1到500之间");
  if (!spec.where.empty()) lq.where.add(spec.where, spec.where_params);
  add_filters(lq.where, spec.filters, q, c.dialect());
  add_scope(lq.where, spec.scope, scope);
  lq.order_by = order_by(spec, q);
  return lq;
}

Result list_page_result(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope,
                        int64_t& total) {
  ListQuery lq = parse_list_query(c, spec, q, scope);
  const Where& w = lq.where;
  Params p = spec.from_params;
  p.insert(p.end(), w.params.begin(), w.params.end());
  total = c.scalar("SELECT COUNT(*) FROM " + spec.from + w.sql(), p).value_or(0);
  if (total == 0) return {};
  p.emplace_back(lq.page_size);
  p.emplace_back((lq.page_num - 1) * lq.page_size);
  return c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql() + lq.order_by + " LIMIT ? OFFSET ?",
                 p);
}

Page list_page(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope) {
  Page page;
  page.rows = list_page_result(c, spec, q, scope, page.total).to_json();
  return page;
}

Result list_all_result(Connection& c, const ListSpec& spec, const QueryParams& q, const DataScope& scope) {
  ListQuery lq = parse_list_query(c, spec, q, scope);
  Params p = spec.from_params;
  p.insert(p.end(), lq.where.params.begin(), lq.where.params.end());
  return c.query("SELECT " + spec.select + " FROM " + spec.from + lq.where.sql() + lq.order_by, p);
}

boost::json::array list_all(Connection& c, const ListSpec& spec, const QueryParams& q,
                            const DataScope& scope) {
  return list_all_result(c, spec, q, scope).to_json();
}

}  // namespace zc::db
