#pragma once
// The RuoYi response envelope: {code,msg,data} and {code,msg,rows,total}.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <string_view>

#include "http/types.hpp"

namespace zc::http {

Response ok(boost::json::value data = nullptr, std::string_view msg = "操作成功");
Response ok_rows(boost::json::array rows, int64_t total);
Response error_response(int code, std::string_view msg, boost::json::value data = nullptr);

}  // namespace zc::http
