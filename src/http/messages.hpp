#pragma once
// English for the common error messages (Accept-Language: en). Messages are written in Chinese at
// their source; known phrases are translated here, fragment by fragment so field names and numbers
// survive. A message with no known phrase stays Chinese ("where available", docs/api-system.md).
#include <string>
#include <string_view>

namespace zc::http {
std::string localize_message(std::string_view msg, bool english);
}
