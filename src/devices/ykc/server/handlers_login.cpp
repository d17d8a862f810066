#include "devices/ykc/server/session_impl.hpp"

namespace zc::devices::ykc {

// ---- login ------------------------------------------------------------------------------------------

void Session::on_login(const y::Frame& f, y::Login&& m) {
  if (logged_in_ || login_pending_) {
    log_in_frame(f);
    spdlog::info("ykc: {} logged in again on the same connection: answered", who());
    if (logged_in_) reply(f, y::LoginReply{m.pile_code, y::LoginReply::kSuccess});
    return;
  }
  login_pending_ = true;
  std::string code = m.pile_code.str();
  auto* dir = &core_.deps.directory;
  auto job = [dir, code] { return dir->find_ykc_pile(code); };
  y::Sequence seq = f.seq();
  std::vector<uint8_t> raw(f.raw.begin(), f.raw.end());  // logged once the login is accepted
  blocking(job, [this, m, seq, code, raw = std::move(raw)](std::optional<YkcPile> p) {
    login_pending_ = false;
    std::string why = !p                     ? "unknown pile code"
                      : p->protocol != "ykc" ? "protocol is " + p->protocol
                      : p->status != 0       ? "pile disabled"
                                             : "";
    if (!why.empty()) {
      spdlog::warn("ykc: login refused for pile {} from {}: {} (0x02 failure, closing)", code, remote_, why);
      write_bytes(y::encode_frame(y::LoginReply{m.pile_code, y::LoginReply::kFailure}, seq, out_order()));
      close_after_write_ = true;
      close_reason_ = "login refused: " + why;
      blocked_ = true;  // read nothing more
      if (!writing_) flush_out();
      return;
    }
    pile_id_ = p->id;
    area_id_ = p->area_id;
    db_guns_ = p->gun_count;
    code_ = m.pile_code;
    code_str_ = code;
    key_ = {DeviceKind::car_pile, p->id};
    ref_ = {DeviceKind::car_pile, p->id, code};
    tz_ = TimeZone::find(p->timezone);
    if (!tz_) tz_ = TimeZone::shanghai();
    guns_.resize(
        std::clamp<size_t>(std::max<size_t>(m.gun_count, static_cast<size_t>(p->gun_count)), 1, kMaxGuns));
    last_crc_order_ = crc_.seen().value_or(y::CrcOrder::low_first);
    logged_in_ = true;
    int64_t now = now_ms();
    touch(now);
    auto self = shared_from_this();
    if (auto old = core_.deps.registry.attach(key_, self, code_str_, remote_, now))
      old->close("replaced by a new connection");
    core_.deps.state.online(key_, kProtocol, remote_, now);
    log_frame(true, raw);
    YkcLogin info;
    info.pile_type = y::pile_type_text(m.pile_type);
    info.gun_count = m.gun_count;
    info.protocol_version = y::protocol_version_text(m.protocol_version);
    info.firmware = m.firmware.str();
    info.sim = m.sim.is_zero() ? "" : m.sim.str();
    info.network = y::network_text(m.network);
    info.network_code = m.network;
    info.carrier = m.carrier;
    info.crc_order = last_crc_order_ == y::CrcOrder::low_first ? "low_first" : "high_first";
    info.remote_ip = remote_;
    background(
        [dir = &core_.deps.directory, id = pile_id_, info, now] { dir->save_ykc_login(id, info, now); });
    spdlog::info("ykc: {} online from {} ({} {} guns, v{}, firmware '{}')", code_str_, remote_,
                 info.pile_type, m.gun_count, info.protocol_version, info.firmware);
    write_bytes(y::encode_frame(y::LoginReply{m.pile_code, y::LoginReply::kSuccess}, seq, out_order()));
    // §8: the platform syncs the pile's clock after login (then every ykc.clock_sync_interval_s).
    sync_clock(now);
    next_clock_sync_ = steady_ms() + core_.clock_sync_ms;
    if (core_.stopping) close_now("server shutting down");
  });
}

// ---- heartbeat, billing model ------------------------------------------------------------------------

void Session::on_heartbeat(const y::Frame& f, y::Heartbeat&& m) {
  log_in_frame(f);
  reply(f, y::HeartbeatReply{code_, m.gun, 0x00});
  auto n = y::gun_from_bcd(m.gun);
  if (Gun* g = gun_at(m.gun)) {
    if (const char* s = y::heartbeat_gun_state(m.gun_status))
      set_gun_state(*n, *g, s);
    else if (!g->state || std::string_view(g->state) == "fault" || std::string_view(g->state) == "offline")
      set_gun_state(*n, *g, "idle");  // normal again; 0x13 gives the precise state
  }
}

void Session::on_model_verify(const y::Frame& f, y::ModelVerify&& m) {
  log_in_frame(f);
  auto lookup = core_.deps.tariffs;
  int64_t area = area_id_;
  y::Sequence seq = f.seq();
  blocking([lookup, area] { return lookup(area); },
           [this, m, seq](std::optional<tariff::YkcBillingModel> model) {
             bool same = model && m.model_no != 0 && m.model_no == model->model_no;
             y::ModelVerifyReply r{
                 code_, m.model_no,
                 same ? y::ModelVerifyReply::kConsistent : y::ModelVerifyReply::kInconsistent};
             write_bytes(y::encode_frame(r, seq, out_order()));
             if (!model)
               spdlog::warn("ykc: {} verifies model {:04}: no tariff in force for its area", code_str_,
                            m.model_no);
             if (same) record_model(m.model_no, "accepted");
           });
}

void Session::on_model_request(const y::Frame& f, y::ModelRequest&&) {
  log_in_frame(f);
  auto lookup = core_.deps.tariffs;
  int64_t area = area_id_;
  y::Sequence seq = f.seq();
  blocking(
      [lookup, area] { return lookup(area); },
      [this, seq](std::optional<tariff::YkcBillingModel> model) {
        if (!model) {
          spdlog::warn(
              "ykc: {} requests its billing model: no tariff in force for its area (not answered; the pile "
              "must not charge)",
              code_str_);
          return;
        }
        y::BillingModelReply r;
        r.pile_code = code_;
        r.model = *model;
        write_bytes(y::encode_frame(r, seq, out_order()));
        record_model(model->model_no, "sent");
      });
}

}  // namespace zc::devices::ykc
