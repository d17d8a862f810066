#include "devices/ykc/pile_rules.hpp"

#include <fmt/format.h>

#include "devices/ykc/messages.hpp"

namespace zc::ykc {

const char* gun_state(uint8_t status, uint8_t plugged) {
  switch (status) {
    case RealtimeData::kOffline:
      return "offline";
    case RealtimeData::kFault:
      return "fault";
    case RealtimeData::kCharging:
      return "charging";
    case RealtimeData::kIdle:
      return plugged == 1 ? "plugged" : "idle";
    default:
      return "fault";  // undefined status values: not usable
  }
}

const char* heartbeat_gun_state(uint8_t gun_status) {
  return gun_status == Heartbeat::kFault ? "fault" : nullptr;
}

std::string protocol_version_text(uint8_t v) {
  return std::to_string(v / 10) + "." + std::to_string(v % 10);
}

const char* pile_type_text(uint8_t t) {
  return t == Login::kDc ? "DC" : t == Login::kAc ? "AC" : "unknown";
}

const char* network_text(uint8_t n) {
  switch (n) {
    case 0:
      return "sim";
    case 1:
      return "lan";
    case 2:
      return "wan";
    default:
      return "other";
  }
}

const char* start_method_text(uint8_t t) {
  switch (t) {
    case TransactionRecord::kApp:
      return "app";
    case TransactionRecord::kCard:
      return "card";
    case TransactionRecord::kOfflineCard:
      return "offline_card";
    case TransactionRecord::kVin:
      return "vin";
    default:
      return "unknown";
  }
}

uint8_t card_refusal_code(std::string_view r) {
  if (r == "disabled" || r == "expired" || r == "not_yet_valid") return 0x02;
  if (r == "insufficient") return 0x03;
  if (r == "busy") return 0x04;
  if (r == "wrong_station" || r == "wrong_kind") return 0x06;
  return 0x01;
}

bool start_failed(uint8_t c) {
  return c >= 0x4A && c <= 0x69;
}

std::string stop_reason_text(uint8_t c) {
  static const char* finished[] = {"APP remote stop",       "SOC 100 %",           "energy target reached",
                                   "amount target reached", "time target reached", "manual stop at pile"};
  std::string code = fmt::format("0x{:02X}", c);
  if (c >= 0x40 && c <= 0x45) return std::string("finished: ") + finished[c - 0x40] + " (" + code + ")";
  if (c >= 0x40 && c <= 0x49) return "finished (" + code + ")";
  if (start_failed(c)) return "start failed (" + code + ")";
  if (c >= 0x6A && c <= 0x8F) return "abnormal stop (" + code + ")";
  return "unknown reason (" + code + ")";
}

Serial make_serial(const PileCode& pile, unsigned gun, int64_t utc_ms, const TimeZone& zone,
                   unsigned counter) {
  Serial s;
  std::copy(pile.bytes.begin(), pile.bytes.end(), s.bytes.begin());
  s.bytes[7] = gun_to_bcd(gun);
  auto t = zone.to_local(utc_ms);
  s.bytes[8] = to_bcd_byte(static_cast<unsigned>(t.date.year % 100));
  s.bytes[9] = to_bcd_byte(static_cast<unsigned>(t.date.month));
  s.bytes[10] = to_bcd_byte(static_cast<unsigned>(t.date.day));
  s.bytes[11] = to_bcd_byte(static_cast<unsigned>(t.hour));
  s.bytes[12] = to_bcd_byte(static_cast<unsigned>(t.minute));
  s.bytes[13] = to_bcd_byte(static_cast<unsigned>(t.second));
  counter %= 10000;
  s.bytes[14] = to_bcd_byte(counter / 100);
  s.bytes[15] = to_bcd_byte(counter % 100);
  return s;
}

bool IdleReportRule::observe(uint8_t status) {
  if (!active_ || status != RealtimeData::kIdle) return false;
  if (idle_reports_ < 255) ++idle_reports_;
  if (idle_reports_ == 2 && !flagged_) {
    flagged_ = true;
    return true;
  }
  return false;
}

std::string qr_prefix(const std::string& url, const std::string& gun_code) {
  if (gun_code.empty() || url.size() <= gun_code.size() ||
      url.compare(url.size() - gun_code.size(), gun_code.size(), gun_code) != 0)
    return {};
  return url.substr(0, url.size() - gun_code.size());
}

std::string frame_type_label(uint8_t type) {
  const auto* info = frame_type_info(type);
  return fmt::format("0x{:02X} {}", type, info ? info->name : "Unknown");
}

namespace {

std::string gun_of(uint8_t bcd) {
  auto g = gun_from_bcd(bcd);
  return g ? std::to_string(*g) : fmt::format("0x{:02X}", bcd);
}
std::string yuan4(uint64_t v) {
  return format_scaled(static_cast<int64_t>(v), 4);
}
const char* ok01(uint8_t r) {
  return r == 0x01 ? "success" : "fail";
}

template <class Msg, class F>
std::string with(std::span<const uint8_t> body, F&& f) {
  auto m = decode<Msg>(body);
  if (!m) return "decode error: " + m.error().to_string();
  return f(*m);
}

}  // namespace

std::string frame_summary(uint8_t type, std::span<const uint8_t> body) {
  switch (type) {
    case Login::kType:
      return with<Login>(body, [](const Login& m) {
        return fmt::format("pile {} {} guns {} v{} firmware '{}' network {} sim {}", m.pile_code.str(),
                           pile_type_text(m.pile_type), m.gun_count,
                           protocol_version_text(m.protocol_version), m.firmware.str(),
                           network_text(m.network), m.sim.str());
      });
    case LoginReply::kType:
      return with<LoginReply>(body, [](const LoginReply& m) {
        return fmt::format("pile {} {}", m.pile_code.str(),
                           m.result == LoginReply::kSuccess ? "success" : "failure");
      });
    case Heartbeat::kType:
      return with<Heartbeat>(body, [](const Heartbeat& m) {
        return fmt::format("gun {} {}", gun_of(m.gun),
                           m.gun_status == Heartbeat::kNormal ? "normal" : "fault");
      });
    case HeartbeatReply::kType:
      return with<HeartbeatReply>(body, [](const HeartbeatReply& m) { return "gun " + gun_of(m.gun); });
    case ModelVerify::kType:
      return with<ModelVerify>(body,
                               [](const ModelVerify& m) { return fmt::format("model {:04}", m.model_no); });
    case ModelVerifyReply::kType:
      return with<ModelVerifyReply>(body, [](const ModelVerifyReply& m) {
        return fmt::format("model {:04} {}", m.model_no,
                           m.result == ModelVerifyReply::kConsistent ? "consistent" : "inconsistent");
      });
    case BillingModelReply::kType:
    case BillingModelSet::kType: {
      auto m = decode<BillingModelSet>(body);
      if (!m) return "decode error: " + m.error().to_string();
      const auto& r = m->model.rates;
      return fmt::format("model {:04} sharp {}+{} peak {}+{} flat {}+{} valley {}+{} (0.00001 yuan/kWh)",
                         m->model.model_no, r[0].energy, r[0].service, r[1].energy, r[1].service, r[2].energy,
                         r[2].service, r[3].energy, r[3].service);
    }
    case ReadRealtime::kType:
      return with<ReadRealtime>(body, [](const ReadRealtime& m) { return "gun " + gun_of(m.gun); });
    case RealtimeData::kType:
      return with<RealtimeData>(body, [](const RealtimeData& m) {
        return fmt::format("gun {} {} serial {} {} V {} A SOC {} % {} kWh {} yuan faults 0x{:04X}",
                           gun_of(m.gun), gun_state(m.status, m.plugged), m.serial.str(),
                           format_scaled(m.voltage, 1), format_scaled(m.current, 1), m.soc,
                           format_scaled(m.energy, 4), yuan4(m.amount), m.faults);
      });
    case StartRequest::kType:
      return with<StartRequest>(body, [](const StartRequest& m) {
        return fmt::format("gun {} by {} card {} vin '{}'", gun_of(m.gun),
                           m.start_mode == StartRequest::kCard  ? "card"
                           : m.start_mode == StartRequest::kVin ? "vin"
                                                                : "account",
                           to_hex(m.account), m.vin.str());
      });
    case StartRequestReply::kType:
      return with<StartRequestReply>(body, [](const StartRequestReply& m) {
        return fmt::format("gun {} serial {} {} reason 0x{:02X}", gun_of(m.gun), m.serial.str(),
                           m.authorized == StartRequestReply::kSuccess ? "authorized" : "refused", m.reason);
      });
    case RemoteStartReply::kType:
      return with<RemoteStartReply>(body, [](const RemoteStartReply& m) {
        return fmt::format("gun {} serial {} {} reason 0x{:02X}", gun_of(m.gun), m.serial.str(),
                           ok01(m.result), m.reason);
      });
    case RemoteStart::kType:
      return with<RemoteStart>(body, [](const RemoteStart& m) {
        return fmt::format("gun {} serial {} balance {} yuan", gun_of(m.gun), m.serial.str(),
                           format_scaled(m.balance, 2));
      });
    case RemoteStopReply::kType:
      return with<RemoteStopReply>(body, [](const RemoteStopReply& m) {
        return fmt::format("gun {} {} reason 0x{:02X}", gun_of(m.gun), ok01(m.result), m.reason);
      });
    case RemoteStop::kType:
      return with<RemoteStop>(body, [](const RemoteStop& m) { return "gun " + gun_of(m.gun); });
    case TransactionRecord::kType:
      return with<TransactionRecord>(body, [](const TransactionRecord& m) {
        return fmt::format("gun {} serial {} {} tiers {} → {} kWh {} yuan {} {}", gun_of(m.gun),
                           m.serial.str(), m.start_time.to_string(), m.tier_count,
                           format_scaled(m.total_energy, 4), yuan4(m.total_amount),
                           start_method_text(m.start_type), stop_reason_text(m.stop_reason));
      });
    case TransactionRecordAck::kType:
      return with<TransactionRecordAck>(body, [](const TransactionRecordAck& m) {
        return fmt::format("serial {} {}", m.serial.str(),
                           m.result == TransactionRecordAck::kAccepted ? "accepted" : "illegal bill");
      });
    case TimeSync::kType:
      return with<TimeSync>(body, [](const TimeSync& m) { return m.time.to_string(); });
    case TimeSyncReply::kType:
      return with<TimeSyncReply>(body, [](const TimeSyncReply& m) { return m.time.to_string(); });
    case BillingModelSetReply::kType:
      return with<BillingModelSetReply>(body, [](const BillingModelSetReply& m) { return ok01(m.result); });
    case RebootReply::kType:
      return with<RebootReply>(body, [](const RebootReply& m) { return ok01(m.result); });
    case QrPrefixReply::kType:
      return with<QrPrefixReply>(body, [](const QrPrefixReply& m) { return ok01(m.result); });
    case Reboot::kType:
      return with<Reboot>(body,
                          [](const Reboot& m) { return m.control == Reboot::kNow ? "now" : "when idle"; });
    case QrPrefix::kType:
      return with<QrPrefix>(
          body, [](const QrPrefix& m) { return fmt::format("type {} '{}'", m.prefix_type, m.prefix); });
    case GroundLockStatus::kType:
      return with<GroundLockStatus>(body, [](const GroundLockStatus& m) {
        return fmt::format("gun {} lock 0x{:02X} bay 0x{:02X} battery {} % alarm 0x{:02X}", m.gun,
                           m.lock_state, m.bay_state, m.battery_percent, m.alarm);
      });
    case GroundLockCommand::kType:
      return with<GroundLockCommand>(body, [](const GroundLockCommand& m) {
        return fmt::format("gun {} {}", m.gun, m.command == GroundLockCommand::kRaise ? "raise" : "lower");
      });
    case GroundLockReply::kType:
      return with<GroundLockReply>(
          body, [](const GroundLockReply& m) { return fmt::format("gun {} {}", m.gun, ok01(m.result)); });
    default: {
      auto m = decode_any(type, body);
      if (!m) return "decode error: " + m.error().to_string();
      return fmt::format("{} bytes", body.size());
    }
  }
}

}  // namespace zc::ykc
