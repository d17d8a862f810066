#pragma once
// Departments (SYS-DEPT) and posts (SYS-POST). A dept's owner is inherited from its parent; a post's
// from its dept.
#include <optional>
#include <string>
#include <vector>

#include "service/system/context.hpp"
#include "storage/list_query.hpp"
#include "storage/repositories/system_dept.hpp"

namespace zc::sys {

struct DeptInput {
  int64_t id = 0;  // update only
  int64_t parent_id = 0;
  std::string dept_name;
  int64_t order_num = 0;
  std::string leader, phone, email;
  int64_t status = 0;
};

struct PostInput {
  int64_t id = 0;
  int64_t dept_id = 0;
  std::string post_code, post_name;
  int64_t order_num = 0;
  int64_t status = 0;
  std::string remark;
};

class DeptService {
 public:
  explicit DeptService(SystemContext ctx) : ctx_(ctx) {}
  std::vector<db::sys::DeptRow> list(const QueryParams& q, const Principal& p);
  db::sys::DeptRow get(int64_t id, const Principal& p);
  // Flat, parents before children (the api builds the tree).
  std::vector<db::sys::DeptNode> treeselect(std::optional<int64_t> provider_id,
                                            std::optional<int64_t> property_id,
                                            std::optional<int64_t> collective_id, const Principal& p);
  int64_t create(const DeptInput& in, const Principal& p);
  void update(const DeptInput& in, const Principal& p);
  void remove(int64_t id, const Principal& p);

 private:
  SystemContext ctx_;
};

class PostService {
 public:
  explicit PostService(SystemContext ctx) : ctx_(ctx) {}
  db::RowsPage<db::sys::PostRow> list(const QueryParams& q, const Principal& p);
  db::sys::PostRow get(int64_t id, const Principal& p);
  std::vector<db::sys::PostOption> options(const QueryParams& q, const Principal& p);
  int64_t create(const PostInput& in, const Principal& p);
  void update(const PostInput& in, const Principal& p);
  void remove(const std::vector<int64_t>& ids, const Principal& p);

 private:
  SystemContext ctx_;
};

}  // namespace zc::sys
