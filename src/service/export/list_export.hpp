#pragma once
// An Excel export of a list (docs/api-system.md "Exports"): the request's filters are parsed now by the
// list's own parser (db::parse_list_query — a filter the list refuses is a 400 of this request, with
// the list's message, before a job starts), then a background job (ExportJobs) writes every matching
// row, newest first, in batches (keyset on the list's id column), one sheet column per ListExportColumn.
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "export/xlsx.hpp"
#include "service/export/export_jobs.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::exports {

struct ListExportColumn {
  std::string header;  // e.g. "登录时间"
  std::string field;   // the row's camelCase alias (or a field added by ListExport::enrich)
  XlsxKind kind = XlsxKind::text;
  double width = 0;
  // text columns: stored value (as text) → label, e.g. {"0", "成功"}; a value not in it is written as is
  std::map<std::string, std::string> labels = {};
};

struct ListExport {
  db::ListSpec spec;
  std::string id_col;  // SQL of the row id, selected as "id" by the spec: the keyset (newest first)
  std::vector<ListExportColumn> columns;
  std::string sheet;                                      // sheet name
  std::string file_name;                                  // offered to the browser, e.g. "登录日志.xlsx"
  std::function<void(boost::json::object&)> enrich = {};  // adds derived fields to each row (optional)
};

// Starts the export of `user`'s list with `filters` (paging and sorting are ignored); returns the job id.
std::string start_list_export(db::Database& db, ExportJobs& jobs, const Principal& user, ListExport plan,
                              QueryParams filters);

}  // namespace zc::exports
