#include "service/export/list_export.hpp"

#include <memory>
#include <optional>
#include <stdexcept>

namespace zc::exports {

namespace json = boost::json;

namespace {

constexpr int64_t kMaxRows = 1'000'000;  // below Excel's 1,048,575
constexpr int64_t kBatch = 1000;

std::string as_text(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) return std::to_string(v.as_double());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  return "";
}

XlsxCell cell_of(const ListExportColumn& col, const json::object& row) {
  auto it = row.find(col.field);
  if (it == row.end() || it->value().is_null()) return std::monostate{};
  const json::value& v = it->value();
  if (col.kind == XlsxKind::text) {
    std::string s = as_text(v);
    if (auto l = col.labels.find(s); l != col.labels.end()) return l->second;
    return s;
  }
  if (v.is_int64()) return v.as_int64();
  if (v.is_uint64()) return static_cast<int64_t>(v.as_uint64());
  if (v.is_double()) return static_cast<int64_t>(v.as_double());
  if (v.is_string()) {
    try {
      return static_cast<int64_t>(std::stoll(std::string(v.as_string())));
    } catch (const std::exception&) {
      return std::monostate{};
    }
  }
  return std::monostate{};
}

}  // namespace

std::string start_list_export(db::Database& db, ExportJobs& jobs, const Principal& user, ListExport plan,
                              QueryParams filters) {
  DataScope scope = user.scope;
  // Parse as the list parses, now: what the list refuses is this request's 400, not a failed job.
  db.read([&](db::Connection& c) { db::parse_list_query(c, plan.spec, filters, scope); });
  for (const char* k : {"pageNum", "pageSize", "orderByColumn", "isAsc"}) filters.erase(k);
  std::string file_name = plan.file_name;
  db::Database* dbp = &db;
  auto shared = std::make_shared<const ListExport>(std::move(plan));
  return jobs.start(
      user.user_id, std::move(file_name),
      [dbp, shared, filters, scope](const std::string& path, JobControl& control) {
        const ListExport& p = *shared;
        dbp->read([&](db::Connection& c) {
          db::Where base = db::parse_list_query(c, p.spec, filters, scope).where;
          int64_t total =
              c.scalar("SELECT COUNT(*) FROM " + p.spec.from + base.sql(), base.params).value_or(0);
          if (total > kMaxRows)
            throw std::runtime_error("导出行数" + std::to_string(total) + "超过" + std::to_string(kMaxRows) +
                                     "行，请缩小查询范围");
          control.set_total(total);
          std::vector<XlsxColumn> cols;
          for (const auto& col : p.columns) cols.push_back({col.header, col.kind, col.width});
          XlsxOptions opt;
          opt.sheet_name = p.sheet;
          opt.on_progress = [&control](size_t n) { control.progress(static_cast<int64_t>(n)); };
          XlsxWriter w(path, cols, opt);
          std::vector<XlsxCell> cells(p.columns.size());
          std::optional<int64_t> after;
          for (;;) {
            db::Where wh = base;
            if (after) wh.add(p.id_col + " < ?", {*after});
            db::Params params = wh.params;
            params.emplace_back(kBatch);
            db::Result r = c.query("SELECT " + p.spec.select + " FROM " + p.spec.from + wh.sql() +
                                       " ORDER BY " + p.id_col + " DESC LIMIT ?",
                                   params);
            for (size_t i = 0; i < r.size(); ++i) {
              json::object row = r.row_json(i);
              after = row.at("id").to_number<int64_t>();
              if (p.enrich) p.enrich(row);
              for (size_t k = 0; k < p.columns.size(); ++k) cells[k] = cell_of(p.columns[k], row);
              w.add_row(cells);
            }
            if (static_cast<int64_t>(r.size()) < kBatch) break;
          }
          w.finish();
          control.progress(static_cast<int64_t>(w.rows()));
        });
      });
}

}  // namespace zc::exports
