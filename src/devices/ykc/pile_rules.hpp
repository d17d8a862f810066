#pragma once
// The platform-side rules of a YKC pile session that need no I/O (docs/ykc.md "Session"): how frame
// values map to the gateway core's protocol-neutral states, the transaction serials the platform issues,
// the "two idle reports during a session" rule, the QR prefix of 0xF0 and the one-line summaries of the
// message log. Unit-tested in tests/unit/ykc_pile_rules_test.cpp; the TCP session (server/) uses them.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/timezone.hpp"
#include "devices/ykc/encoding.hpp"
#include "devices/ykc/frame.hpp"

namespace zc::ykc {

// 0x13 status (+ plugged) → gun state of docs/api-car.md: offline | fault | idle | plugged | charging.
const char* gun_state(uint8_t realtime_status, uint8_t plugged);
// 0x03 gun status: 0x00 normal → nullptr (no change claimed), 0x01 fault → "fault".
const char* heartbeat_gun_state(uint8_t gun_status);

std::string protocol_version_text(uint8_t version_x10);  // 0x10 → "1.6", 0x0F → "1.5"
const char* pile_type_text(uint8_t pile_type);           // 0 DC, 1 AC, else "unknown"
const char* network_text(uint8_t network);               // sim | lan | wan | other
// 0x3B start type → charging-service start method: app | card | offline_card | vin | unknown.
const char* start_method_text(uint8_t start_type);
// 0x32 失败原因 of a refused card (§6.9) from the charging service's refusal code (card_rules
// refusal_code): unknown 0x01, disabled / expired / not_yet_valid 0x02, insufficient 0x03, busy 0x04,
// wrong_station / wrong_kind 0x06; anything else (a refused idTag that names no card) 0x01.
uint8_t card_refusal_code(std::string_view refusal);
// 0x3B stop reason (§7.1) → "finished: …" | "start failed: …" | "abnormal stop: …" | "unknown reason".
std::string stop_reason_text(uint8_t code);
// True when the stop reason says the charging never started (0x4A–0x69).
bool start_failed(uint8_t stop_code);

// A platform-issued transaction serial (§4.1 recommendation): pile code (7) + gun (1 BCD) + local
// yyMMddHHmmss (6 BCD) + counter (2 BCD, 0000–9999).
Serial make_serial(const PileCode& pile, unsigned gun, int64_t utc_ms, const TimeZone& zone,
                   unsigned counter);

// The rule of §8.5: a gun with a running session must not report idle; the second idle 0x13 of one
// session flags it abnormal. One per gun; begin() on start, end() on stop/record.
class IdleReportRule {
 public:
  void begin() { active_ = true, idle_reports_ = 0, flagged_ = false; }
  void end() { active_ = false; }
  bool active() const { return active_; }
  bool flagged() const { return flagged_; }
  // A 0x13 with this status: true exactly once per session, at the second idle report.
  bool observe(uint8_t realtime_status);

 private:
  bool active_ = false, flagged_ = false;
  uint8_t idle_reports_ = 0;
};

// The 0xF0 prefix for "prefix + pile code" piles from the gun-1 QR URL of the car module
// (`{public_url}/app/gun/{pileCode}{gunNo 2 digits}` → `{public_url}/app/gun/`). Empty when the URL does not
// end with the gun code.
std::string qr_prefix(const std::string& gun_url, const std::string& gun_code);

// "0x13 RealtimeData 实时监测数据" for the message log's `type`/`action`.
std::string frame_type_label(uint8_t type);
// A short decoded summary of a frame ("gun 1 charging 380.0 V 20.0 A SOC 50 % 1.2345 kWh 2.3456 yuan"),
// or the decode error naming the field.
std::string frame_summary(uint8_t type, std::span<const uint8_t> body);

}  // namespace zc::ykc
