#pragma once
// SQL of departments (SYS-DEPT) and posts (SYS-POST).
#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"
#include "storage/row_struct.hpp"

namespace zc::db::sys {

struct DeptRec {
  int64_t id = 0;
  int64_t parent_id = 0;
  std::string ancestors;
  std::string dept_name;
  int64_t status = 0;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  int64_t collective_id = 0;
};

// A department of the list and the detail.
struct DeptRow {
  int64_t id = 0, parent_id = 0;
  std::string ancestors, dept_name;
  int64_t order_num = 0;
  std::string leader, phone, email;
  int64_t status = 0;
  std::optional<int64_t> provider_id, property_id, collective_id;
  std::optional<std::string> parent_name;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(DeptRow, (),
                      (id, parent_id, ancestors, dept_name, order_num, leader, phone, email, status,
                       provider_id, property_id, collective_id, parent_name, audit))

// A department of the tree select (flat; the tree is built above).
struct DeptNode {
  int64_t id = 0, parent_id = 0;
  std::string label;
  bool disabled = false;  // not enabled
};
BOOST_DESCRIBE_STRUCT(DeptNode, (), (id, parent_id, label, disabled))

struct DeptFields {
  int64_t parent_id = 0;
  std::string ancestors;
  std::string dept_name;
  int64_t order_num = 0;
  std::string leader, phone, email;
  int64_t status = 0;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;  // owner (insert only)
};

class DeptRepo {
 public:
  explicit DeptRepo(Connection& c) : c_(c) {}
  std::vector<DeptRow> list(const QueryParams& q, const DataScope& scope);  // all matching rows
  std::optional<DeptRow> detail(int64_t id, const DataScope& scope);
  std::optional<DeptRec> find(int64_t id);
  // The depts of an owner level: provider-level depts when only `provider_id` is given, a property's
  // when `property_id` is given.
  std::vector<DeptNode> tree_rows(std::optional<int64_t> provider_id, std::optional<int64_t> property_id,
                                  std::optional<int64_t> collective_id, const DataScope& scope);
  int64_t insert(const DeptFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const DeptFields& f, const std::string& by, int64_t now);
  // Descendants: (id, ancestors) of every dept under `id` whose ancestors start with `prefix`.
  std::vector<std::pair<int64_t, std::string>> descendants(const std::string& prefix);
  void set_ancestors(int64_t id, const std::string& ancestors);
  bool has_children(int64_t id);
  bool has_users(int64_t id);
  bool has_posts(int64_t id);
  bool is_owner_top_dept(int64_t id);  // the top-level dept of a provider or property
  void remove(int64_t id);

 private:
  Connection& c_;
};

struct PostRec {
  int64_t id = 0;
  int64_t dept_id = 0;
  int64_t status = 0;
  int64_t provider_id = 0;
  int64_t property_id = 0;
  int64_t collective_id = 0;
};

// A post of the list and the detail.
struct PostRow {
  int64_t id = 0, dept_id = 0;
  std::optional<std::string> dept_name;
  std::string post_code, post_name;
  int64_t order_num = 0, status = 0;
  std::string remark;
  std::optional<int64_t> provider_id, property_id, collective_id;
  Audit audit;
};
BOOST_DESCRIBE_STRUCT(PostRow, (),
                      (id, dept_id, dept_name, post_code, post_name, order_num, status, remark, provider_id,
                       property_id, collective_id, audit))

// An enabled post (a select's option; `name` repeats post_name for the generic option pickers).
struct PostOption {
  int64_t id = 0;
  std::string post_name, name, post_code;
  int64_t dept_id = 0;
};
BOOST_DESCRIBE_STRUCT(PostOption, (), (id, post_name, name, post_code, dept_id))

struct PostFields {
  int64_t dept_id = 0;
  std::string post_code, post_name;
  int64_t order_num = 0;
  int64_t status = 0;
  std::string remark;
  int64_t provider_id = 0, property_id = 0, collective_id = 0;  // owner = the dept's
};

class PostRepo {
 public:
  explicit PostRepo(Connection& c) : c_(c) {}
  RowsPage<PostRow> list(const QueryParams& q, const DataScope& scope);
  std::optional<PostRow> detail(int64_t id, const DataScope& scope);
  std::optional<PostRec> find(int64_t id);
  std::vector<PostOption> options(const QueryParams& q, const DataScope& scope);  // enabled posts
  int64_t insert(const PostFields& f, const std::string& by, int64_t now);
  void update(int64_t id, const PostFields& f, const std::string& by, int64_t now);
  bool held(int64_t id);
  void remove(int64_t id);

 private:
  Connection& c_;
};

}  // namespace zc::db::sys
