#include "devices/ocpp16/frame.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/serializer.hpp>

namespace zc::devices::ocpp16 {

namespace json = boost::json;

std::variant<Frame, FrameError> parse_frame(std::string_view text, json::storage_ptr sp) {
  auto fail = [](std::string id, std::string desc, bool reply = true) {
    return FrameError{std::move(id), CallError{"FormationViolation", std::move(desc)}, reply};
  };
  boost::system::error_code ec;
  json::parse_options opt;
  opt.max_depth = 32;
  json::value v = json::parse(text, ec, std::move(sp), opt);
  if (ec) return fail("-1", "frame is not valid JSON");
  if (!v.is_array()) return fail("-1", "frame must be a JSON array");
  auto& a = v.get_array();
  if (a.empty()) return fail("-1", "frame must have at least 3 elements");
  if (!a[0].is_int64() && !a[0].is_uint64()) return fail("-1", "message type must be an integer");
  int64_t type = a[0].to_number<int64_t>();
  // Answers (CALLRESULT, CALLERROR) are never answered, however broken: read the type first.
  const bool answerable = type != 3 && type != 4;
  if (a.size() < 3) return fail("-1", "frame must have at least 3 elements", answerable);
  if (!a[1].is_string()) return fail("-1", "message id must be a string", answerable);
  std::string id(a[1].get_string());
  if (id.empty() || id.size() > 36) return fail("-1", "message id must be 1–36 characters", answerable);
  Frame f;
  f.type = static_cast<int>(type);
  f.id = id;
  switch (type) {
    case 2:
      if (a.size() != 4) return fail(id, "CALL must have 4 elements");
      if (!a[2].is_string()) return fail(id, "action must be a string");
      f.action = std::string(a[2].get_string());
      f.payload = std::move(a[3]);
      return f;
    case 3:
      if (a.size() != 3) return fail(id, "CALLRESULT must have 3 elements", false);
      f.payload = std::move(a[2]);
      return f;
    case 4:
      if (a.size() != 5 || !a[2].is_string() || !a[3].is_string())
        return fail(id, "CALLERROR must be [4, id, code, description, details]", false);
      f.error_code = std::string(a[2].get_string());
      f.error_description = std::string(a[3].get_string());
      f.payload = std::move(a[4]);
      return f;
    default:
      return fail(id, "unknown message type " + std::to_string(type));
  }
}

std::string encode_call(const std::string& id, const std::string& action, const json::value& payload) {
  json::array a{2, json::string(id), json::string(action), payload};
  return json::serialize(a);
}
std::string encode_result(const std::string& id, const json::value& payload) {
  json::array a{3, json::string(id), payload};
  return json::serialize(a);
}
std::string encode_error(const std::string& id, const std::string& code, const std::string& description) {
  json::array a{4, json::string(id), json::string(code), json::string(description), json::object{}};
  return json::serialize(a);
}

namespace {

void append_quoted(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20) {
      // the short forms first, as Boost.JSON writes them (the message log shows the same text)
      const char* esc = c == '\b'   ? "\\b"
                        : c == '\f' ? "\\f"
                        : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t"
                                    : nullptr;
      if (esc) {
        out.append(esc);
        continue;
      }
      out.append("\\u00");
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

void append_json(std::string& out, const json::value& v) {
  if (v.is_object() && v.get_object().empty()) {
    out.append("{}");
    return;
  }
  json::serializer sr;
  sr.reset(&v);
  char buf[512];
  while (!sr.done()) out.append(sr.read(buf, sizeof buf));
}

}  // namespace

void append_result(std::string& out, std::string_view id, const json::value& payload) {
  out.append("[3,");
  append_quoted(out, id);
  out.push_back(',');
  append_json(out, payload);
  out.push_back(']');
}

void append_error(std::string& out, std::string_view id, std::string_view code,
                  std::string_view description) {
  out.append("[4,");
  append_quoted(out, id);
  out.push_back(',');
  append_quoted(out, code);
  out.push_back(',');
  append_quoted(out, description);
  out.append(",{}]");
}

const char* frame_type_name(int type) {
  switch (type) {
    case 2:
      return "CALL";
    case 3:
      return "CALLRESULT";
    case 4:
      return "CALLERROR";
  }
  return "invalid";
}

}  // namespace zc::devices::ocpp16
