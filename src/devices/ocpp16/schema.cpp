#include "devices/ocpp16/schema.hpp"

#include <boost/json/parse.hpp>
#include <cmath>
#include <ctime>
#include <memory>
#include <unordered_map>
#include <vector>

namespace zc::devices::ocpp16 {

namespace json = boost::json;

struct Schemas::Node {
  enum class Type { any, object, array, string, integer, number, boolean } type = Type::any;
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> props;
  std::vector<std::string> required;
  bool additional = true;
  int64_t max_len = -1;
  bool datetime = false;
  std::vector<std::string> enums;
  std::unique_ptr<Node> items;
  int64_t min_items = -1;
  double multiple_of = 0;
};

using Node = Schemas::Node;

struct Schemas::Impl {
  std::unordered_map<std::string, std::unique_ptr<Node>> by_id;  // "Authorize.req"
};

static std::unique_ptr<Node> compile(const json::object& s) {
  auto n = std::make_unique<Node>();
  if (auto* t = s.if_contains("type"); t && t->is_string()) {
    std::string_view ty = t->as_string();
    using T = Node::Type;
    n->type = ty == "object"    ? T::object
              : ty == "array"   ? T::array
              : ty == "string"  ? T::string
              : ty == "integer" ? T::integer
              : ty == "number"  ? T::number
              : ty == "boolean" ? T::boolean
                                : T::any;
  }
  if (auto* p = s.if_contains("properties"); p && p->is_object()) {
    if (n->type == Node::Type::any) n->type = Node::Type::object;
    for (auto& [k, v] : p->as_object())
      if (v.is_object()) n->props.emplace_back(std::string(k), compile(v.as_object()));
  }
  if (auto* r = s.if_contains("required"); r && r->is_array())
    for (auto& x : r->as_array())
      if (x.is_string()) n->required.emplace_back(x.as_string());
  if (auto* a = s.if_contains("additionalProperties"); a && a->is_bool()) n->additional = a->as_bool();
  if (auto* m = s.if_contains("maxLength"); m && m->is_number()) n->max_len = m->to_number<int64_t>();
  if (auto* f = s.if_contains("format"); f && f->is_string()) n->datetime = f->as_string() == "date-time";
  if (auto* e = s.if_contains("enum"); e && e->is_array())
    for (auto& x : e->as_array())
      if (x.is_string()) n->enums.emplace_back(x.as_string());
  if (auto* i = s.if_contains("items"); i && i->is_object()) n->items = compile(i->as_object());
  if (auto* m = s.if_contains("minItems"); m && m->is_number()) n->min_items = m->to_number<int64_t>();
  if (auto* m = s.if_contains("multipleOf"); m && m->is_number()) n->multiple_of = m->to_number<double>();
  return n;
}

Schemas::Schemas() : impl_(new Impl) {
  json::value all = json::parse(official_schemas());
  for (auto& s : all.as_array()) {
    const auto& o = s.as_object();
    std::string id(o.at("$id").as_string());
    if (id.rfind("urn:", 0) == 0) id = id.substr(4);
    impl_->by_id.emplace(std::move(id), compile(o));
  }
}

Schemas::~Schemas() {
  delete impl_;
}

const Schemas& Schemas::get() {
  static const Schemas s;
  return s;
}

bool Schemas::known(std::string_view action) const {
  return impl_->by_id.count(std::string(action) + ".req") > 0;
}

namespace {

bool is_integer(const json::value& v) {
  if (v.is_int64() || v.is_uint64()) return true;
  if (v.is_double()) {
    double d = v.get_double();
    return std::isfinite(d) && d == std::floor(d);
  }
  return false;
}

const char* type_name(Node::Type t) {
  switch (t) {
    case Node::Type::object:
      return "object";
    case Node::Type::array:
      return "array";
    case Node::Type::string:
      return "string";
    case Node::Type::integer:
      return "integer";
    case Node::Type::number:
      return "number";
    case Node::Type::boolean:
      return "boolean";
    case Node::Type::any:
      break;
  }
  return "any";
}

// UTF-8 code points (maxLength counts characters, not bytes).
size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<CallError> check(const Node& n, const json::value& v, const std::string& path) {
  using T = Node::Type;
  auto where = [&] { return path.empty() ? std::string("payload") : path; };
  bool type_ok = true;
  switch (n.type) {
    case T::object:
      type_ok = v.is_object();
      break;
    case T::array:
      type_ok = v.is_array();
      break;
    case T::string:
      type_ok = v.is_string();
      break;
    case T::integer:
      type_ok = is_integer(v);
      break;
    case T::number:
      type_ok = v.is_number();
      break;
    case T::boolean:
      type_ok = v.is_bool();
      break;
    case T::any:
      break;
  }
  if (!type_ok) {
    if (path.empty()) return CallError{"FormationViolation", "payload must be a JSON object"};
    return CallError{"TypeConstraintViolation", where() + " must be " + type_name(n.type)};
  }
  if (v.is_string()) {
    std::string_view s = v.get_string();
    if (n.max_len >= 0 && code_points(s) > static_cast<size_t>(n.max_len))
      return CallError{"PropertyConstraintViolation",
                       where() + " must not be longer than " + std::to_string(n.max_len) + " characters"};
    if (!n.enums.empty()) {
      bool found = false;
      for (auto& e : n.enums) found = found || e == s;
      if (!found)
        return CallError{"PropertyConstraintViolation", where() + " has a value outside its enumeration"};
    }
    if (n.datetime && !parse_datetime(s))
      return CallError{"PropertyConstraintViolation", where() + " must be an RFC 3339 date-time"};
  }
  if (v.is_number() && n.multiple_of > 0) {
    double q = v.to_number<double>() / n.multiple_of;
    if (std::fabs(std::round(q) - q) > 1e-6)
      return CallError{"PropertyConstraintViolation",
                       where() + " must be a multiple of " + std::to_string(n.multiple_of)};
  }
  if (v.is_array()) {
    const auto& a = v.get_array();
    if (n.min_items >= 0 && a.size() < static_cast<size_t>(n.min_items))
      return CallError{"OccurenceConstraintViolation",
                       where() + " needs at least " + std::to_string(n.min_items) + " items"};
    if (n.items)
      for (size_t i = 0; i < a.size(); ++i)
        if (auto e = check(*n.items, a[i], where() + "[" + std::to_string(i) + "]")) return e;
  }
  if (v.is_object()) {
    const auto& o = v.get_object();
    for (auto& r : n.required)
      if (!o.contains(r))
        return CallError{"OccurenceConstraintViolation",
                         (path.empty() ? r : path + "." + r) + " is required"};
    if (!n.additional)
      for (auto& [k, x] : o) {
        bool declared = false;
        for (auto& p : n.props) declared = declared || p.first == k;
        if (!declared)
          return CallError{"FormationViolation",
                           "unknown field " + (path.empty() ? std::string(k) : path + "." + std::string(k))};
      }
    for (auto& [name, child] : n.props)
      if (auto* x = o.if_contains(name))
        if (auto e = check(*child, *x, path.empty() ? name : path + "." + name)) return e;
  }
  return std::nullopt;
}

}  // namespace

std::optional<CallError> Schemas::validate(std::string_view action, bool request,
                                           const json::value& payload) const {
  auto it = impl_->by_id.find(std::string(action) + (request ? ".req" : ".conf"));
  if (it == impl_->by_id.end()) return CallError{"NotImplemented", "unknown action " + std::string(action)};
  return check(*it->second, payload, "");
}

std::optional<int64_t> parse_datetime(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int Y, M, D, h, m, sec;
  if (!digits(0, 4, Y) || s.size() < 20 || s[4] != '-' || !digits(5, 2, M) || s[7] != '-' ||
      !digits(8, 2, D) || (s[10] != 'T' && s[10] != 't') || !digits(11, 2, h) || s[13] != ':' ||
      !digits(14, 2, m) || s[16] != ':' || !digits(17, 2, sec))
    return std::nullopt;
  if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60) return std::nullopt;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (D > mdays[M - 1]) return std::nullopt;
  size_t i = 19;
  int64_t frac_ms = 0;
  if (i < s.size() && s[i] == '.') {
    ++i;
    size_t start = i;
    int64_t scale = 100;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      frac_ms += (s[i] - '0') * scale;
      scale /= 10;
      ++i;
    }
    if (i == start) return std::nullopt;
  }
  if (i >= s.size()) return std::nullopt;
  int64_t offset_min = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    int oh, om;
    if (!digits(i + 1, 2, oh) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(i + 4, 2, om) || oh > 23 ||
        om > 59)
      return std::nullopt;
    offset_min = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  // days from civil (Howard Hinnant)
  int y = Y - (M <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (M + (M > 2 ? -3 : 9)) + 2) / 5 + D - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + doe - 719468;
  int64_t secs = days * 86400 + h * 3600 + m * 60 + (sec == 60 ? 59 : sec) - offset_min * 60;
  return secs * 1000 + frac_ms;
}

std::string format_datetime(int64_t ms) {
  // floor division: a time before 1970 (a valid RFC 3339 year such as 0226) keeps a non-negative fraction
  int64_t secs = ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms - secs * 1000));
  return buf;
}

}  // namespace zc::devices::ocpp16
