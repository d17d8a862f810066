// Typed commands → YKC frames and the pile's answers → typed replies: the one place that knows which
// frame carries a command (docs/ykc.md "Commands").
#include <algorithm>

#include "devices/ykc/server/session_impl.hpp"

namespace zc::devices::ykc {

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};

// 16 hex digits → the 8 bytes of a physical card number.
bool hex_bytes(const std::string& hex, y::PhysicalCard& out) {
  if (hex.size() != out.size() * 2) return false;
  auto digit = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<uint8_t>(hi * 16 + lo);
  }
  return true;
}

// A physical number as the platform writes it: 16 hex digits.
std::string card_hex(const y::PhysicalCard& card) {
  std::string hex = y::to_hex(card);
  hex.erase(std::remove(hex.begin(), hex.end(), ' '), hex.end());
  return hex;
}

// Physical numbers → the card references of 0x46 / 0x48 (1 … max of them).
bool card_refs(const std::vector<std::string>& numbers, size_t max, std::vector<y::CardRef>& out) {
  if (numbers.empty() || numbers.size() > max) return false;
  for (const auto& n : numbers) {
    y::CardRef r;
    if (!hex_bytes(n, r.physical_card)) return false;
    out.push_back(r);
  }
  return true;
}

CommandReply invalid(std::string detail) {
  return CommandReply::rejected(RejectReason::invalid_argument, std::move(detail));
}

}  // namespace

// 0x33 reasons: 0x01 pile code mismatch, 0x02 gun already charging, 0x03 device fault, 0x04 device offline,
// 0x05 gun not plugged (the pile starts by itself when plugged within 60 s and sends a second 0x33).
CommandReply remote_start_refusal(const y::RemoteStartReply& m) {
  std::string detail = fmt::format("serial={} reason 0x{:02X}", m.serial.str(), m.reason);
  RejectReason why = m.reason == y::RemoteStartReply::kNotPlugged ? RejectReason::not_plugged_in
                     : m.reason == 0x02                           ? RejectReason::busy
                     : m.reason == 0x03 || m.reason == 0x04       ? RejectReason::failed
                                                                  : RejectReason::refused;
  return CommandReply::rejected(why, std::move(detail));
}

// 0x35 reasons: 0x01 pile code mismatch, 0x02 gun not charging, 0x03 other.
CommandReply remote_stop_reply(const y::RemoteStopReply& m) {
  if (m.result == y::RemoteStopReply::kSuccess) return CommandReply::accepted("stopping");
  return CommandReply::rejected(m.reason == 0x02 ? RejectReason::not_charging : RejectReason::refused,
                                fmt::format("reason 0x{:02X}", m.reason));
}

void Session::enqueue(const DeviceCommand& cmd, std::chrono::milliseconds timeout, ReplyHandler done) {
  if (closed_ || !logged_in_) return done(CommandReply::offline("connection closing"));
  Pending p;
  p.cmd = cmd;
  p.done = std::move(done);
  p.deadline = steady_ms() + std::min<int64_t>(timeout.count(), core_.command_timeout_ms);
  // The pile gets the model in force for its area now, whatever the caller saw.
  if (std::holds_alternative<TariffSync>(cmd)) return send_model(std::move(p));
  if (auto refused = translate(p)) return p.done(std::move(*refused));
  prepare(std::move(p));
}

// Fills the frames of `p` and the answer it waits for; the platform's refusal when YKC cannot carry it.
std::optional<CommandReply> Session::translate(Pending& p) {
  auto add = [&](uint8_t type, std::vector<uint8_t> body) {
    p.types.push_back(type);
    p.frames.push_back(static_cast<uint8_t>(body.size()));
    p.frames.insert(p.frames.end(), body.begin(), body.end());
  };
  auto is_gun = [&](unsigned g) { return g >= 1 && g <= guns_.size(); };
  auto lock = [&](unsigned gun, uint8_t action) -> std::optional<CommandReply> {
    if (!is_gun(gun)) return invalid("gun of the ground lock missing");
    y::GroundLockCommand c;
    c.pile_code = code_;
    c.gun = static_cast<uint8_t>(gun);  // BIN in 0x62
    c.command = action;
    p.gun = c.gun;
    p.expect = y::GroundLockReply::kType;
    add(y::GroundLockCommand::kType, y::encode(c));
    return std::nullopt;
  };
  // 0x46 / 0x48: the pile code and the cards' references, answered by `answer`
  auto card_list = [&](auto m, const std::vector<std::string>& numbers,
                       uint8_t answer) -> std::optional<CommandReply> {
    using M = decltype(m);
    m.pile_code = code_;
    if (!card_refs(numbers, M::kMaxCards, m.cards))
      return invalid("1–" + std::to_string(M::kMaxCards) + " physical numbers of 16 hex digits");
    p.expect = answer;
    add(M::kType, y::encode(m));
    return std::nullopt;
  };
  using R = std::optional<CommandReply>;
  return std::visit(
      overloaded{
          [&](const Reboot&) -> R {
            add(y::Reboot::kType, y::encode(y::Reboot{code_, y::Reboot::kNow}));
            p.expect = y::RebootReply::kType;
            return std::nullopt;
          },
          [&](const ClockSync&) -> R {
            p.expect = y::TimeSyncReply::kType;
            add(y::TimeSync::kType, {});  // the time is taken when the frame is sent
            return std::nullopt;
          },
          [&](const Refresh&) -> R {
            for (unsigned g = 1; g <= guns_.size(); ++g)
              add(y::ReadRealtime::kType, y::encode(y::ReadRealtime{code_, y::gun_to_bcd(g)}));
            p.expect = y::RealtimeData::kType;
            p.remaining = static_cast<int>(guns_.size());
            return std::nullopt;
          },
          [&](const QrSync& c) -> R {
            // The gun-1 URL minus its gun code is the "prefix + pile code" prefix.
            std::string first;
            for (const auto& [gun, url] : c.urls)
              if (gun == 1) first = url;
            std::string prefix = y::qr_prefix(first, code_str_ + "01");
            if (prefix.empty()) return invalid("no URL of gun 1 ending with its gun code");
            if (prefix.size() > 200) return invalid("QR prefix longer than 200 bytes");
            add(y::QrPrefix::kType, y::encode(y::QrPrefix{code_, y::QrPrefix::kPrefixPile, prefix}));
            p.expect = y::QrPrefixReply::kType;
            return std::nullopt;
          },
          [&](const RemoteStart& c) -> R {
            if (!is_gun(c.connector))
              return invalid("gun number 1–" + std::to_string(guns_.size()) + " required");
            if (c.id_tag.empty()) return invalid("idTag missing");
            int64_t balance = c.balance_fen.value_or(1000000);  // fen (= 0.01 yuan)
            if (balance < 0 || balance > 0xFFFFFFFFLL) return invalid("balance must be 0–4294967295 fen");
            y::RemoteStart rs;
            rs.serial = y::make_serial(code_, c.connector, now_ms(), *tz_, serial_counter_++);
            rs.pile_code = code_;
            rs.gun = y::gun_to_bcd(c.connector);
            if (auto lc = y::LogicalCard::parse(c.id_tag); lc && c.id_tag.size() <= 16) rs.logical_card = *lc;
            rs.balance = static_cast<uint32_t>(balance);
            p.serial = rs.serial;
            p.id_tag = c.id_tag;
            p.gun = rs.gun;
            p.expect = y::RemoteStartReply::kType;
            add(y::RemoteStart::kType, y::encode(rs));
            auto* charging = &core_.deps.charging;
            background([charging, ref = ref_, tag = c.id_tag] { charging->expect_remote_start(ref, tag); });
            return std::nullopt;
          },
          [&](const RemoteStop& c) -> R {
            unsigned gun = is_gun(c.connector) ? c.connector : 0;
            if (!gun && c.transaction_id) {
              for (size_t i = 0; i < guns_.size(); ++i)
                if (guns_[i].tx_id == *c.transaction_id) gun = static_cast<unsigned>(i + 1);
              if (!gun) return invalid("no running session of this pile has that transaction id");
            }
            if (!gun) return invalid("gun number or transaction id required");
            p.gun = y::gun_to_bcd(gun);
            p.expect = y::RemoteStopReply::kType;
            add(y::RemoteStop::kType, y::encode(y::RemoteStop{code_, p.gun}));
            return std::nullopt;
          },
          [&](const BalanceUpdate& c) -> R {
            if (!is_gun(c.connector)) return invalid("gun number required");
            if (c.balance_fen < 0 || c.balance_fen > 0xFFFFFFFFLL)
              return invalid("balance must be 0–4294967295 fen");
            y::BalanceUpdate b;
            b.pile_code = code_;
            b.gun = y::gun_to_bcd(c.connector);
            if (!c.card.empty() && !hex_bytes(c.card, b.physical_card))
              return invalid("card must be 16 hex digits");
            b.balance = static_cast<uint32_t>(c.balance_fen);
            p.gun = b.gun;
            p.expect = y::BalanceUpdateReply::kType;
            add(y::BalanceUpdate::kType, y::encode(b));
            return std::nullopt;
          },
          [&](const CardListSync& c) -> R {
            if (c.cards.empty() || c.cards.size() > y::OfflineCardSync::kMaxCards)
              return invalid("1–15 cards per sync");
            y::OfflineCardSync m;
            m.pile_code = code_;
            for (const auto& e : c.cards) {
              y::OfflineCard card;
              auto lc = y::LogicalCard::parse(e.card_no);
              if (!lc || !hex_bytes(e.physical_no, card.physical_card))
                return invalid("card " + e.card_no + ": printed ≤ 16 digits and physical 16 hex digits");
              card.logical_card = *lc;
              m.cards.push_back(card);
            }
            p.expect = y::OfflineCardSyncReply::kType;
            add(y::OfflineCardSync::kType, y::encode(m));
            return std::nullopt;
          },
          [&](const CardListClear& c) -> R {
            return card_list(y::OfflineCardClear{}, c.physical_nos, y::OfflineCardClearReply::kType);
          },
          [&](const CardListQuery& c) -> R {
            return card_list(y::OfflineCardQuery{}, c.physical_nos, y::OfflineCardQueryReply::kType);
          },
          [&](const LockOpen& c) -> R { return lock(c.gun, y::GroundLockCommand::kLower); },
          [&](const LockClose& c) -> R { return lock(c.gun, y::GroundLockCommand::kRaise); },
          // YKC v1.5/v1.6 has no frame for the rest (hotline, camera, OCPP maintenance): not sent.
          [&](const auto&) -> R {
            return CommandReply::rejected(RejectReason::unsupported_by_protocol,
                                          "YKC has no frame for " + command_name(p.cmd));
          },
      },
      p.cmd);
}

// tariffSync: the model in force for the pile's area is looked up off the network thread, then pushed
// (0x58).
void Session::send_model(Pending p) {
  p.expect = y::BillingModelSetReply::kType;
  auto lookup = core_.deps.tariffs;
  int64_t area = area_id_;
  run_blocking(
      core_.pool, w_.io.get_executor(), [lookup, area] { return lookup(area); },
      [self = shared_from_this(), p = std::move(p)](auto out) mutable {
        auto model = out.value ? std::move(*out.value) : std::nullopt;
        if (!model)
          return p.done(CommandReply::rejected(
              RejectReason::no_tariff, out.value ? "no tariff in force for the pile's area" : out.what()));
        if (self->closed_) return p.done(CommandReply::offline("connection closed"));
        y::BillingModelSet set;
        set.pile_code = self->code_;
        set.model = *model;
        auto body = y::encode(set);
        p.types.push_back(y::BillingModelSet::kType);
        p.frames.push_back(static_cast<uint8_t>(body.size()));
        p.frames.insert(p.frames.end(), body.begin(), body.end());
        p.model = model;
        self->prepare(std::move(p));
      });
}

void Session::prepare(Pending p) {
  if (closed_) return p.done(CommandReply::offline("connection closed"));
  cmds_.enqueue(std::move(p));
  pump();
}

void Session::pump() {
  if (closed_) return;
  cmds_.pump(steady_ms(), [this](Pending& p) {
    size_t at = 0;
    for (uint8_t type : p.types) {
      size_t len = p.frames[at];
      std::vector<uint8_t> body(p.frames.begin() + at + 1, p.frames.begin() + at + 1 + len);
      at += 1 + len;
      if (type == y::TimeSync::kType)
        body = y::encode(y::TimeSync{code_, y::cp56_from_epoch_ms(now_ms(), *tz_)});
      write_bytes(y::encode_frame(type, seq_.next(), body, out_order()));
    }
  });
}

void Session::complete(CommandReply r) {
  Pending p = cmds_.take();
  spdlog::info("ykc: {} command {} → {} {}", code_str_, command_name(p.cmd), reason_code(r), r.detail);
  p.done(std::move(r));
  pump();
}

void Session::on_answer(uint8_t type, CommandReply r) {
  const Pending* p = cmds_.inflight();
  if (!p || p->expect != type) {
    spdlog::info("ykc: {} answered {} without a command waiting", code_str_, y::frame_type_label(type));
    return;
  }
  if (type == y::BillingModelSetReply::kType && p->model)
    record_model(p->model->model_no, r.result == CommandResult::accepted ? "accepted" : "rejected");
  complete(std::move(r));
}

// 0x55: the answer to an operator's clockSync command, else to the platform's own sync (login, interval).
void Session::on_time_sync_reply(const y::Frame& f, y::TimeSyncReply&& m) {
  log_in_frame(f);
  const Pending* p = cmds_.inflight();
  if (own_clock_sync_ && !(p && p->expect == y::TimeSyncReply::kType)) {
    own_clock_sync_ = false;
    spdlog::debug("ykc: {} clock set to {}", code_str_, m.time.to_string());
    return;
  }
  on_answer(y::TimeSyncReply::kType, CommandReply::accepted("pile clock " + m.time.to_string()));
}

void Session::on_model_set_reply(const y::Frame& f, y::BillingModelSetReply&& m) {
  log_in_frame(f);
  on_answer(y::BillingModelSetReply::kType,
            m.result == 0x01 ? CommandReply::accepted()
                             : CommandReply::rejected(RejectReason::refused, "the pile refused the model"));
}

void Session::on_reboot_reply(const y::Frame& f, y::RebootReply&& m) {
  log_in_frame(f);
  on_answer(y::RebootReply::kType,
            m.result == 0x01 ? CommandReply::accepted() : CommandReply::rejected(RejectReason::refused));
}

void Session::on_qr_prefix_reply(const y::Frame& f, y::QrPrefixReply&& m) {
  log_in_frame(f);
  on_answer(y::QrPrefixReply::kType,
            m.result == 0x01
                ? CommandReply::accepted()
                : CommandReply::rejected(RejectReason::refused, "the pile refused the QR prefix"));
}

// 0x41 results: 0x00 success, 0x01 pile code error, 0x02 card error.
void Session::on_balance_reply(const y::Frame& f, y::BalanceUpdateReply&& m) {
  log_in_frame(f);
  on_answer(y::BalanceUpdateReply::kType,
            m.result == y::BalanceUpdateReply::kSuccess
                ? CommandReply::accepted()
                : CommandReply::rejected(RejectReason::refused, fmt::format("result 0x{:02X}", m.result)));
}

// 0x43: 0x01 success; else the reason (0x01 card format, 0x02 storage full).
void Session::on_card_sync_reply(const y::Frame& f, y::OfflineCardSyncReply&& m) {
  log_in_frame(f);
  on_answer(y::OfflineCardSyncReply::kType,
            m.result == y::OfflineCardSyncReply::kSuccess
                ? CommandReply::accepted()
                : CommandReply::rejected(m.reason == 0x02 ? RejectReason::failed : RejectReason::refused,
                                         fmt::format("reason 0x{:02X}", m.reason)));
}

// 0x45 / 0x47: per card; the detail lists "<physical>=<0|1>" (cleared / present).
void Session::on_card_clear_reply(const y::Frame& f, y::OfflineCardClearReply&& m) {
  log_in_frame(f);
  std::string detail;
  bool all = true;
  for (const auto& r : m.results) {
    detail += (detail.empty() ? "" : ",") + card_hex(r.physical_card) + "=" + std::to_string(r.cleared);
    all = all && r.cleared == 1;
  }
  on_answer(y::OfflineCardClearReply::kType,
            all ? CommandReply::accepted(detail) : CommandReply::rejected(RejectReason::failed, detail));
}

void Session::on_card_query_reply(const y::Frame& f, y::OfflineCardQueryReply&& m) {
  log_in_frame(f);
  std::string detail;
  for (const auto& r : m.results)
    detail += (detail.empty() ? "" : ",") + card_hex(r.physical_card) + "=" + std::to_string(r.present);
  on_answer(y::OfflineCardQueryReply::kType, CommandReply::accepted(detail));
}

void Session::record_model(uint16_t model_no, const std::string& result) {
  background([dir = &core_.deps.directory, id = pile_id_, model_no, result, now = now_ms()] {
    dir->set_ykc_model(id, model_no, result, now);
  });
}

}  // namespace zc::devices::ykc
