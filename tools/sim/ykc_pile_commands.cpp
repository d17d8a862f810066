// zhichong-sim ykc: a pile answers the platform's frames (login and heartbeat replies, billing models,
// remote start/stop, record acks, clock, ground lock, reboot, QR and work settings, update, parallel start).
#include "ykc_pile.hpp"

namespace zc::sim::ykcsim {

void Pile::on_frame(const Frame& f) {
  if (f.header.encryption != kPlain) {
    log("encrypted frame 0x%02X ignored", f.type());
    return;
  }
  switch (f.type()) {
    case LoginReply::kType:
      if (auto m = body_of<LoginReply>(f)) {
        if (login_result_ >= 0) break;  // a repeated 0x02
        login_result_ = m->result == LoginReply::kSuccess ? 0 : 1;
        if (o_.events) {  // here, so the event precedes those of frames that follow the 0x02 (0x56 …)
          auto ev = event("login");
          ev["result"] = login_result_ == 0 ? "ok" : "refused";
          sh_.emit(std::move(ev));
        }
        wake();
      }
      break;
    case HeartbeatReply::kType:
      if (auto m = body_of<HeartbeatReply>(f)) on_heartbeat_reply(*m);
      break;
    case ModelVerifyReply::kType:
      if (auto m = body_of<ModelVerifyReply>(f)) {
        if (model_step_ != ModelStep::verify) break;
        if (m->result == ModelVerifyReply::kConsistent && have_model_) {
          model_step_ = ModelStep::done;
        } else {
          model_step_ = ModelStep::request;
          model_deadline_ = Clock::now() + secs(o_.reply_timeout_s);
          send(ModelRequest{code_});
        }
        wake();
      }
      break;
    case BillingModelReply::kType:
      if (auto m = body_of<BillingModelReply>(f)) accept_model(m->model, "0x0A");
      break;
    case BillingModelSet::kType:
      if (auto m = body_of<BillingModelSet>(f)) {
        accept_model(m->model, "0x58");
        reply(f, BillingModelSetReply{code_, 0x01});
      }
      break;
    case ReadRealtime::kType:
      if (auto m = body_of<ReadRealtime>(f)) {
        if (Gun* g = gun_bcd(m->gun)) {
          reply(f, realtime(*g));
          sh_.stats.realtime.fetch_add(1, std::memory_order_relaxed);
          command_event(f.type(), "0x13", {{"gun", g->no}});
        } else {
          command_event(f.type(), nullptr, {{"gun", m->gun}, {"error", "no such gun"}});
        }
      }
      break;
    case RemoteStart::kType:
      if (auto m = body_of<RemoteStart>(f)) on_remote_start(f, *m);
      break;
    case RemoteStop::kType:
      if (auto m = body_of<RemoteStop>(f)) on_remote_stop(f, *m);
      break;
    case StartRequestReply::kType:
      if (auto m = body_of<StartRequestReply>(f)) on_start_reply(*m);
      break;
    case TransactionRecordAck::kType:
      if (auto m = body_of<TransactionRecordAck>(f)) on_record_ack(*m);
      break;
    case TimeSync::kType:
      if (auto m = body_of<TimeSync>(f)) {
        auto t = cp56_to_epoch_ms(m->time, sh_.tz);
        if (t) skew_ms_ = *t - utc_now_ms();
        reply(f, TimeSyncReply{code_, m->time});
        command_event(f.type(), "0x55", {{"time", m->time.to_string()}, {"skewMs", skew_ms_}});
      }
      break;
    case GroundLockCommand::kType:
      if (auto m = body_of<GroundLockCommand>(f)) on_lock_command(f, *m);
      break;
    case Reboot::kType:
      if (auto m = body_of<Reboot>(f)) {
        reply(f, RebootReply{code_, 0x01});
        command_event(f.type(), "0x91", {{"control", m->control}});
        if (m->control == Reboot::kWhenIdle && !all_idle())
          reboot_pending_ = true;
        else
          reboot_now_ = true;
        wake();
      }
      break;
    case QrPrefix::kType:
      if (auto m = body_of<QrPrefix>(f)) {
        qr_prefix_ = m->prefix;
        reply(f, QrPrefixReply{code_, 0x01});
        command_event(f.type(), "0xF1", {{"prefix", m->prefix}, {"prefixType", m->prefix_type}});
      }
      break;
    case QrGbSet::kType:
      if (auto m = body_of<QrGbSet>(f)) {
        reply(f, QrGbReply{code_, m->gun, 0x01});
        command_event(f.type(), "0x59", {{"data", m->data}});
      }
      break;
    case QrTldSet::kType:
      if (auto m = body_of<QrTldSet>(f)) {
        reply(f, QrTldReply{code_, m->gun, 0x01});
        command_event(f.type(), "0x9B", {{"data", m->data}});
      }
      break;
    case WorkParams::kType:
      if (auto m = body_of<WorkParams>(f)) {
        reply(f, WorkParamsReply{code_, 0x01});
        command_event(f.type(), "0x51", {{"work", m->work}, {"maxPowerPercent", m->max_power_percent}});
      }
      break;
    case BalanceUpdate::kType:
      if (auto m = body_of<BalanceUpdate>(f)) on_balance_update(f, *m);
      break;
    case OfflineCardSync::kType:
    case OfflineCardClear::kType:
    case OfflineCardQuery::kType:
      on_offline_cards(f);
      break;
    case RemoteUpdate::kType:
      if (auto m = body_of<RemoteUpdate>(f)) {
        // The simulator has no FTP client: it says so the way a pile would (download timeout).
        reply(f, UpdateReply{code_, 0x03});
        command_event(f.type(), "0x93",
                      {{"server", m->server.str()}, {"path", m->path.str()}, {"status", 3}});
      }
      break;
    case ParallelRemoteStart::kType:
      if (auto m = body_of<ParallelRemoteStart>(f)) {
        ParallelRemoteStartReply r;
        r.serial = m->serial;
        r.pile_code = code_;
        r.gun = m->gun;
        r.result = RemoteStartReply::kFail;
        r.reason = 0x03;
        r.parallel_no = m->parallel_no;
        reply(f, r);
        command_event(f.type(), "0xA3", {{"result", "fail"}, {"error", "parallel charging not simulated"}});
      }
      break;
    default:
      sh_.stats.unknown_frames.fetch_add(1, std::memory_order_relaxed);
      log("unexpected frame 0x%02X: %s", f.type(), to_hex(f.raw).c_str());
  }
}

void Pile::command_event(uint8_t type, const char* answer, json::object extra) {
  sh_.stats.commands.fetch_add(1, std::memory_order_relaxed);
  if (!o_.events) return;
  auto ev = event("command");
  ev["type"] = hex_byte(type);
  if (answer)
    ev["answer"] = answer;
  else
    ev["answer"] = nullptr;
  for (auto& kv : extra) ev[kv.key()] = kv.value();
  sh_.emit(std::move(ev));
}

void Pile::on_heartbeat_reply(const HeartbeatReply& m) {
  sh_.stats.heartbeat_answers.fetch_add(1, std::memory_order_relaxed);
  if (Gun* g = gun_bcd(m.gun)) g->hb_missed = 0;
  if (bench_wait_) {
    bench_wait_ = false;
    if (sh_.measuring.load(std::memory_order_relaxed)) {
      sh_.stats.window_rtt.add(Clock::now() - bench_sent_);
      sh_.stats.bench_windows.fetch_add(1, std::memory_order_relaxed);
      sh_.stats.bench_frames.fetch_add(static_cast<uint64_t>(o_.bench_window) + 1, std::memory_order_relaxed);
    }
    wake();
  }
}

void Pile::accept_model(const tariff::YkcBillingModel& model, const char* via) {
  model_ = model;
  have_model_ = true;
  model_step_ = ModelStep::done;
  sh_.stats.models.fetch_add(1, std::memory_order_relaxed);
  log("billing model %04u accepted (%s)", static_cast<unsigned>(model.model_no), via);
  if (o_.events) {
    auto ev = event("model");
    ev["modelNo"] = model.model_no;
    ev["via"] = via;
    json::array rates, slots;
    for (auto& r : model.rates) rates.push_back(json::object{{"energy", r.energy}, {"service", r.service}});
    for (auto s : model.slots) slots.push_back(s);
    ev["rates"] = std::move(rates);
    ev["slots"] = std::move(slots);
    sh_.emit(std::move(ev));
  }
  wake();
}

void Pile::on_remote_start(const Frame& f, const RemoteStart& m) {
  Gun* g = gun_bcd(m.gun);
  RemoteStartReply r;
  r.serial = m.serial;
  r.pile_code = code_;
  r.gun = m.gun;
  r.result = RemoteStartReply::kFail;
  if (o_.no_start_confirm) {  // a pile that swallows the command: no 0x33, no start
    command_event(f.type(), nullptr, {{"gun", m.gun}, {"serial", m.serial.str()}});
    return;
  }
  const char* result = "refused";
  if (m.pile_code != code_) {
    r.reason = 0x01;
  } else if (!g) {
    r.reason = 0x03;
  } else if (o_.refuse_start) {
    r.reason = 0x03;  // device fault
  } else if (g->charging || g->plug_wait || g->auth_wait) {
    r.reason = 0x02;
  } else if (!have_model_) {
    r.reason = 0x06;  // vendor code: no valid billing model yet (charging forbidden until obtained)
  } else if (!g->plugged) {
    r.reason = RemoteStartReply::kNotPlugged;
    result = "unplugged";
    g->plug_wait = true;
    g->command_at = Clock::now();
    g->plug_at = g->command_at + secs(o_.charge_after_s);
    g->plug_serial = m.serial;
    g->plug_card = m.physical_card;
    wake();
  } else {
    r.result = RemoteStartReply::kSuccess;
    result = "ok";
  }
  reply(f, r);
  command_event(f.type(), "0x33",
                {{"gun", m.gun}, {"serial", m.serial.str()}, {"result", result}, {"reason", r.reason}});
  if (r.result == RemoteStartReply::kSuccess) {
    start_charging(*g, m.serial, TransactionRecord::kApp, m.physical_card, Vin{}, "remote");
  } else if (g) {
    if (r.reason != RemoteStartReply::kNotPlugged) sh_.stats.start_refusals.fetch_add(1);
    start_event(*g, "remote", m.serial, result, r.reason);
  }
}

void Pile::on_remote_stop(const Frame& f, const RemoteStop& m) {
  Gun* g = gun_bcd(m.gun);
  RemoteStopReply r{code_, m.gun, RemoteStopReply::kFail, 0};
  if (m.pile_code != code_)
    r.reason = 0x01;
  else if (!g || !g->charging)
    r.reason = 0x02;
  else
    r.result = RemoteStopReply::kSuccess;
  if (g && g->plug_wait) g->plug_wait = false;  // the platform closed the order
  reply(f, r);
  command_event(f.type(), "0x35",
                {{"gun", m.gun},
                 {"result", r.result == RemoteStopReply::kSuccess ? "ok" : "fail"},
                 {"reason", r.reason}});
  if (r.result == RemoteStopReply::kSuccess) end_session(*g, 0x40);  // finished: APP remote stop
}

void Pile::on_record_ack(const TransactionRecordAck& m) {
  auto it = std::find_if(records_.begin(), records_.end(),
                         [&](const PendingRecord& p) { return p.awaiting && p.rec.serial == m.serial; });
  if (it == records_.end()) {
    log("0x40 for unknown record %s", m.serial.str().c_str());
    return;
  }
  sh_.stats.records_confirmed.fetch_add(1, std::memory_order_relaxed);
  record_event(*it, true, m.result == TransactionRecordAck::kAccepted ? "ok" : "illegal");
  if (it->copies_left > 0) {  // --retransmit-record: send the very same record again
    --it->copies_left;
    ++it->copy;
    it->attempts = 0;
    it->awaiting = false;
    it->next_send = Clock::now();
    wake();
  } else {
    records_.erase(it);
  }
}

void Pile::on_lock_command(const Frame& f, const GroundLockCommand& m) {
  Gun* g = gun_bin(m.gun);
  const bool ok = g && (m.command == GroundLockCommand::kRaise || m.command == GroundLockCommand::kLower);
  reply(f, GroundLockReply{code_, m.gun, ok ? GroundLockReply::kSuccess : GroundLockReply::kFail, {}});
  if (ok) {
    g->lock_state =
        m.command == GroundLockCommand::kRaise ? GroundLockStatus::kRaised : GroundLockStatus::kLowered;
    send(lock_status(*g));
  }
  sh_.stats.commands.fetch_add(1, std::memory_order_relaxed);
  if (o_.events) {
    auto ev = event("lock");
    ev["gun"] = m.gun;
    ev["command"] = m.command == GroundLockCommand::kRaise   ? "raise"
                    : m.command == GroundLockCommand::kLower ? "lower"
                                                             : hex_byte(m.command);
    ev["result"] = ok ? "ok" : "fail";
    if (g) ev["state"] = g->lock_state == GroundLockStatus::kRaised ? "raised" : "lowered";
    ev["answer"] = "0x63";
    sh_.emit(std::move(ev));
  }
}

}  // namespace zc::sim::ykcsim
