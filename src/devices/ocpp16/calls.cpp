// CALLs both ways (session.hpp): inbound CALLs through the handler table to their answers, and the
// outbound commands — one in flight, its CALLRESULT / CALLERROR matched by message id.
#include <unordered_map>

#include "devices/ocpp16/schema.hpp"
#include "devices/ocpp16/session.hpp"

namespace zc::devices::ocpp16 {

// ---- inbound ------------------------------------------------------------------------------------
// The frame's DOM lives in the worker's monotonic buffer, released when the frame is handled.
void Session::on_text(std::string_view text) {
  {
    auto parsed = parse_frame(text, json::storage_ptr(&w_.dom));
    on_frame(text, parsed);
  }
  w_.dom.release();
}

void Session::on_frame(std::string_view text, std::variant<Frame, FrameError>& parsed) {
  if (auto* fe = std::get_if<FrameError>(&parsed)) {
    log(true, LoggedKind::ocpp_invalid, text);
    spdlog::warn("ocpp: {} malformed frame ({}): {}", ref_.code, fe->error.description, text.substr(0, 256));
    if (fe->reply) send_error(fe->id, fe->error);
    bad_frame();
    return;
  }
  auto& f = std::get<Frame>(parsed);
  if (f.type != 2) {
    log(true, f.type == 3 ? LoggedKind::ocpp_result : LoggedKind::ocpp_error, text);
    on_answer(f);
    return;
  }
  log(true, LoggedKind::ocpp_call, text);
  if (auto r = dispatch(f.id, f.action, f.payload)) answer(f.id, f.action, *r);
}

void Session::send_error(std::string_view id, const CallError& e) {
  auto& t = w_.text;
  t.clear();
  append_error(t, id, e.code, e.description);
  send_text(t, LoggedKind::ocpp_error);
}

void Session::answer(const std::string& id, const std::string& action, const Reply& r) {
  if (auto* e = std::get_if<CallError>(&r)) {
    send_error(id, *e);
    if (e->code != "InternalError") {
      spdlog::warn("ocpp: {} {} refused ({}): {}", ref_.code, action, e->code, e->description);
      bad_frame();
    }
    return;
  }
  auto& t = w_.text;
  t.clear();
  append_result(t, id, std::get<json::object>(r));
  send_text(t, LoggedKind::ocpp_result);
}

void Session::bad_frame() {
  if (bad_.exceeded(steady_ms(), kMaxBadFrames)) {
    spdlog::warn("ocpp: {} sent more than {} malformed frames in a minute: disconnected", ref_.code,
                 kMaxBadFrames);
    start_close(ws::policy_error, "too many malformed frames");
  }
}

// The inbound handler table: action → member (session.hpp lists them by functional area).
std::optional<Reply> Session::dispatch(const std::string& id, const std::string& action,
                                       const json::value& payload) {
  static const std::unordered_map<std::string, Handler> table = {
      {"BootNotification", &Session::typed<decode_boot, &Session::on_boot>},
      {"Heartbeat", &Session::typed<decode_heartbeat, &Session::on_heartbeat>},
      {"StatusNotification", &Session::typed<decode_status, &Session::on_status>},
      {"DataTransfer", &Session::typed<decode_data_transfer, &Session::on_data_transfer>},
      {"FirmwareStatusNotification", &Session::typed<decode_firmware_status, &Session::on_firmware_status>},
      {"DiagnosticsStatusNotification",
       &Session::typed<decode_diagnostics_status, &Session::on_diagnostics_status>},
      {"MeterValues", &Session::typed<decode_meter_values, &Session::on_meter_values>},
      {"Authorize", &Session::typed<decode_authorize, &Session::on_authorize>},
      {"StartTransaction", &Session::typed<decode_start, &Session::on_start>},
      {"StopTransaction", &Session::typed<decode_stop, &Session::on_stop>},
  };
  auto it = table.find(action);
  if (it == table.end()) {
    if (Schemas::get().known(action))
      return CallError{"NotSupported", action + " is sent by the central system, not by a charge point"};
    return CallError{"NotImplemented", "unknown action " + action.substr(0, 64)};
  }
  try {
    return (this->*(it->second))(id, payload);
  } catch (const std::exception& e) {
    spdlog::error("ocpp: {} {}: {}", ref_.code, action, e.what());
    return internal_error();
  }
}

// ---- outbound commands ------------------------------------------------------------------------
// The wire form comes from ocpp16/commands.cpp; here only the queue and the session's side effects.
void Session::enqueue(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done) {
  if (closed_ || closing_) return done(CommandReply::offline("connection closing"));
  auto t = to_call(cmd);
  if (auto* r = std::get_if<CommandReply>(&t)) return done(std::move(*r));
  if (const auto* start = std::get_if<RemoteStart>(&cmd))
    ep_.d.charging.expect_remote_start(ref_, start->id_tag);
  Pending p;
  p.call = std::get<OutboundCall>(std::move(t));
  // Our own request must satisfy the official schema too (e.g. a ChangeConfiguration value ≤ 500).
  if (auto e = Schemas::get().validate(p.call.action, true, p.call.payload))
    return done(CommandReply::rejected(RejectReason::invalid_argument, "not sent: " + e->description));
  p.cmd = cmd;
  p.done = std::move(done);
  p.deadline = steady_ms() + std::min<int64_t>(timeout.count(), ep_.d.cfg.ocpp.command_timeout_ms);
  cmds_.enqueue(std::move(p));
  pump();
}

void Session::pump() {
  if (closed_) return;
  cmds_.pump(steady_ms(), [this](Pending& p) {
    p.msg_id = std::to_string(++next_id_);
    send_text(encode_call(p.msg_id, p.call.action, p.call.payload), LoggedKind::ocpp_call);
  });
}

void Session::complete_inflight(CommandReply r) {
  Pending p = cmds_.take();
  spdlog::info("ocpp: {} command {} ({}) → {} {}", ref_.code, command_name(p.cmd), p.call.action,
               reason_code(r), r.detail);
  p.done(std::move(r));
  pump();
}

void Session::on_answer(const Frame& f) {
  const Pending* p = cmds_.inflight();
  if (!p || p->msg_id != f.id) {
    spdlog::warn("ocpp: {} answered unknown message id {}", ref_.code, f.id);
    return;
  }
  complete_inflight(f.type == 4 ? reply_of_error(f.error_code, f.error_description)
                                : reply_of(p->call.action, f.payload));
}

}  // namespace zc::devices::ocpp16
