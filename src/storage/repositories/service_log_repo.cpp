#include "storage/repositories/service_log_repo.hpp"

namespace zc::db::stat {

namespace json = boost::json;

ListSpec call_log_spec() {
  ListSpec s;
  s.select =
      "l.id AS \"id\", l.provider_id AS \"providerId\", l.property_id AS \"propertyId\", pr.name AS "
      "\"propertyName\", l.caller_name AS \"callerName\", l.caller_phone AS \"callerPhone\", l.agent_name AS "
      "\"agentName\", l.agent_phone AS \"agentPhone\", l.call_time AS \"callTime\", l.content AS "
      "\"content\", "
      "l.created_by AS \"createBy\", l.created_at AS \"createTime\", l.updated_by AS \"updateBy\", "
      "l.updated_at "
      "AS \"updateTime\"";
  s.from = "stat_call_log l LEFT JOIN sys_property pr ON pr.id = l.property_id";
  s.filters = {{"propertyId", "l.property_id", Match::equal, Kind::integer},
               {"providerId", "l.provider_id", Match::equal, Kind::integer},
               {"callerName", "l.caller_name", Match::contains, Kind::text},
               {"callerPhone", "l.caller_phone", Match::contains, Kind::text},
               {"agentName", "l.agent_name", Match::contains, Kind::text},
               {"agentPhone", "l.agent_phone", Match::contains, Kind::text},
               {"beginTime", "l.call_time", Match::at_least, Kind::integer},
               {"endTime", "l.call_time", Match::at_most, Kind::integer}};
  s.sortable = {{"callTime", "l.call_time"}, {"createTime", "l.created_at"}};
  s.default_order = "l.call_time DESC, l.id DESC";
  s.scope = owner_columns("l");
  return s;
}

ListSpec fault_spec() {
  ListSpec s;
  s.select =
      "f.id AS \"id\", f.provider_id AS \"providerId\", f.property_id AS \"propertyId\", pr.name AS "
      "\"propertyName\", f.reporter_name AS \"reporterName\", f.reporter_phone AS \"reporterPhone\", "
      "f.repairer_name AS \"repairerName\", f.repairer_phone AS \"repairerPhone\", f.summary AS \"summary\", "
      "f.detail AS \"detail\", f.solution AS \"solution\", f.state AS \"state\", f.source AS \"source\", "
      "f.fault_code AS \"faultCode\", f.device_type AS \"deviceType\", f.device_id AS \"deviceId\", "
      "COALESCE(cp.code, bd.code) AS \"deviceCode\", COALESCE(cp.name, bd.name) AS \"deviceName\", "
      "f.order_no AS "
      "\"orderNo\", f.solved_at AS \"solvedTime\", f.created_by AS \"createBy\", f.created_at AS "
      "\"createTime\", "
      "f.updated_by AS \"updateBy\", f.updated_at AS \"updateTime\"";
  s.from =
      "stat_fault f LEFT JOIN sys_property pr ON pr.id = f.property_id LEFT JOIN car_pile cp ON "
      "f.device_type = "
      "'car_pile' AND cp.id = f.device_id LEFT JOIN bike_device bd ON f.device_type = 'bike_device' AND "
      "bd.id = "
      "f.device_id";
  s.filters = {{"propertyId", "f.property_id", Match::equal, Kind::integer},
               {"providerId", "f.provider_id", Match::equal, Kind::integer},
               {"reporterName", "f.reporter_name", Match::contains, Kind::text},
               {"reporterPhone", "f.reporter_phone", Match::contains, Kind::text},
               {"repairerName", "f.repairer_name", Match::contains, Kind::text},
               {"repairerPhone", "f.repairer_phone", Match::contains, Kind::text},
               {"summary", "f.summary", Match::contains, Kind::text},
               {"state", "f.state", Match::equal, Kind::text},
               {"source", "f.source", Match::equal, Kind::text},
               {"deviceCode", "COALESCE(cp.code, bd.code)", Match::contains, Kind::text},
               {"beginTime", "f.created_at", Match::at_least, Kind::integer},
               {"endTime", "f.created_at", Match::at_most, Kind::integer}};
  s.sortable = {{"createTime", "f.created_at"}, {"state", "f.state"}};
  s.default_order = "f.id DESC";
  s.scope = owner_columns("f");
  return s;
}

// One row of a spec by id, within the scope.
static std::optional<json::object> row_of(Connection& c, const ListSpec& spec, const std::string& id_col,
                                          int64_t id, const DataScope& scope) {
  Where w;
  w.add(id_col + " = ?", {id});
  add_scope(w, spec.scope, scope);
  Result r = c.query("SELECT " + spec.select + " FROM " + spec.from + w.sql(), w.params);
  if (r.empty()) return std::nullopt;
  return r.row_json(0);
}

Page ServiceLogRepo::calls(const QueryParams& q, const DataScope& scope) {
  return list_page(c_, call_log_spec(), q, scope);
}
std::optional<json::object> ServiceLogRepo::call(int64_t id, const DataScope& scope) {
  return row_of(c_, call_log_spec(), "l.id", id, scope);
}

int64_t ServiceLogRepo::insert_call(int64_t provider_id, int64_t property_id, const CallFields& f,
                                    const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO stat_call_log (provider_id, property_id, caller_name, caller_phone, agent_name, "
      "agent_phone, "
      "call_time, content, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {provider_id, property_id, f.caller_name, f.caller_phone, f.agent_name, f.agent_phone, f.call_time,
       f.content, by, now});
}

void ServiceLogRepo::update_call(int64_t id, const CallFields& f, const std::string& by, int64_t now) {
  c_.execute(
      "UPDATE stat_call_log SET caller_name = ?, caller_phone = ?, agent_name = ?, agent_phone = ?, "
      "call_time = ?, "
      "content = ?, updated_by = ?, updated_at = ? WHERE id = ?",
      {f.caller_name, f.caller_phone, f.agent_name, f.agent_phone, f.call_time, f.content, by, now, id});
}

Page ServiceLogRepo::faults(const QueryParams& q, const DataScope& scope) {
  return list_page(c_, fault_spec(), q, scope);
}
std::optional<json::object> ServiceLogRepo::fault(int64_t id, const DataScope& scope) {
  return row_of(c_, fault_spec(), "f.id", id, scope);
}

int64_t ServiceLogRepo::insert_fault(int64_t provider_id, int64_t property_id, const FaultFields& f,
                                     const std::string& by, int64_t now) {
  return c_.insert(
      "INSERT INTO stat_fault (provider_id, property_id, reporter_name, reporter_phone, repairer_name, "
      "repairer_phone, summary, detail, solution, state, source, device_type, device_id, order_no, "
      "solved_at, "
      "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?, ?, ?, ?)",
      {provider_id, property_id, f.reporter_name, f.reporter_phone, f.repairer_name, f.repairer_phone,
       f.summary, f.detail, f.solution, f.state, opt(f.device_type), opt(f.device_id), f.order_no,
       f.state == "solved" ? Value(now) : null(), by, now});
}

void ServiceLogRepo::update_fault(int64_t id, const FaultFields& f, const std::string& by, int64_t now) {
  // solved_at: set when the record becomes solved, kept while it stays solved, cleared when reopened
  c_.execute(
      "UPDATE stat_fault SET reporter_name = ?, reporter_phone = ?, repairer_name = ?, repairer_phone = ?, "
      "summary = ?, detail = ?, solution = ?, device_type = ?, device_id = ?, order_no = ?, solved_at = CASE "
      "WHEN "
      "? <> 'solved' THEN NULL WHEN state = 'solved' THEN solved_at ELSE ? END, state = ?, updated_by = ?, "
      "updated_at = ? WHERE id = ?",
      {f.reporter_name, f.reporter_phone, f.repairer_name, f.repairer_phone, f.summary, f.detail, f.solution,
       opt(f.device_type), opt(f.device_id), f.order_no, f.state, now, f.state, by, now, id});
}

std::optional<int64_t> ServiceLogRepo::device_property(const std::string& device_type, int64_t device_id,
                                                       const DataScope& scope) {
  const std::string table = device_type == "car_pile" ? "car_pile" : "bike_device";
  Where w;
  w.add("d.id = ?", {device_id});
  add_scope(w, owner_columns("d"), scope);
  return c_.scalar("SELECT d.property_id FROM " + table + " d" + w.sql(), w.params);
}

static const char* kUnsolvedOfDevice =
    "device_type = ? AND device_id = ? AND source = 'device' AND state <> 'solved'";

bool ServiceLogRepo::open_device_fault(const std::string& device_type, int64_t device_id,
                                       const std::string& code, const std::string& detail, int64_t now) {
  if (c_.scalar(std::string("SELECT id FROM stat_fault WHERE ") + kUnsolvedOfDevice,
                {device_type, device_id}))
    return false;
  const std::string table = device_type == "car_pile" ? "car_pile" : "bike_device";
  Result d = c_.query("SELECT provider_id, property_id, code FROM " + table + " WHERE id = ?", {device_id});
  if (d.empty()) return false;
  c_.execute(
      "INSERT INTO stat_fault (provider_id, property_id, summary, detail, state, source, fault_code, "
      "device_type, "
      "device_id, created_by, created_at) VALUES (?, ?, ?, ?, 'open', 'device', ?, ?, ?, 'device', ?)",
      {d.i64(0, 0), d.i64(0, 1), "设备上报故障 " + d.str(0, 2) + " " + code, detail, code, device_type,
       device_id, now});
  return true;
}

int64_t ServiceLogRepo::solve_device_faults(const std::string& device_type, int64_t device_id, int64_t now) {
  const std::string faulted = device_type == "car_pile"
                                  ? "SELECT 1 FROM car_gun WHERE pile_id = ? AND state = 'fault'"
                                  : "SELECT 1 FROM bike_socket WHERE device_id = ? AND state = 'fault'";
  return c_.execute(
      std::string("UPDATE stat_fault SET state = 'solved', solution = '设备上报恢复正常（自动）', "
                  "solved_at = ?, updated_by = 'device', updated_at = ? WHERE ") +
          kUnsolvedOfDevice + " AND NOT EXISTS (" + faulted + ")",
      {now, now, device_type, device_id, device_id});
}

}  // namespace zc::db::stat
