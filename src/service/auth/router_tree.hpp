#pragma once
// Builds the /getRouters menu tree (RuoYi shape) from flat menu rows. Pure: unit-tested.
#include <boost/json/array.hpp>
#include <vector>

#include "storage/repositories/auth_repository.hpp"

namespace zc::auth {
boost::json::array build_router_tree(const std::vector<db::MenuRow>& menus);
}
