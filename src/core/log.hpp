#pragma once
#include <spdlog/spdlog.h>

#include <string>

namespace zc {
void init_logging(const std::string& level);
}
