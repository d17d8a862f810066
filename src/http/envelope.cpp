#include "http/envelope.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace zc::http {

namespace json = boost::json;

Response ok(json::value data, std::string_view msg) {
  json::object o;
  o["code"] = 200;
  o["msg"] = msg;
  o["data"] = std::move(data);
  Response r;
  r.body = json::serialize(o);
  return r;
}

Response ok_rows(json::array rows, int64_t total) {
  json::object o;
  o["code"] = 200;
  o["msg"] = "查询成功";
  o["rows"] = std::move(rows);
  o["total"] = total;
  Response r;
  r.body = json::serialize(o);
  return r;
}

Response error_response(int code, std::string_view msg, json::value data) {
  json::object o;
  o["code"] = code;
  o["msg"] = msg;
  o["data"] = std::move(data);
  Response r;
  r.status = code;
  r.body = json::serialize(o);
  return r;
}

}  // namespace zc::http
