#include "core/log.hpp"

namespace zc {
void init_logging(const std::string& level) {
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ [%t] %v");
  spdlog::set_level(spdlog::level::from_str(level));
}
}  // namespace zc
