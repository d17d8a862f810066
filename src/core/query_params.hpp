#pragma once
// URL query parameters, decoded; typed getters fail with a 400 naming the parameter.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace zc {

using QueryParams = std::map<std::string, std::string, std::less<>>;

// Empty or absent = no value. Non-numeric → ApiError(400) "<name>: 应为整数".
std::optional<int64_t> query_int(const QueryParams& q, std::string_view name);
std::optional<std::string> query_str(const QueryParams& q, std::string_view name);

}  // namespace zc
