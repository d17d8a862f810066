#pragma once
// Typed YKC v1.5/v1.6 messages (docs/ykc.md, "Wire format"), one struct per frame type.
//
// Each struct lists its fields once, in wire order, in `fields(F&)`; decode<Msg>(body) and encode(msg)
// are generated from that list (messages.cpp), so every frame round-trips byte-exactly.
//
// Conventions
//   - Bodies longer than the layout are accepted; the extra bytes are ignored (vendor extensions). Shorter
//     bodies are an Error naming the first field that does not fit. decode never throws.
//   - Identifiers are raw (Bcd<N>, PhysicalCard, Ascii<N>); `gun` is the raw wire byte (BCD: 0x01 = gun 1,
//     use gun_from_bcd; BIN in 0x61–0x63); enumerations are raw bytes with named constants, so vendor
//     codes survive. Scaled values keep the wire integer; the unit is in the comment.
//   - Reversed VIN (0x31, 0xA1) is stored in normal reading order. The 0x3B VIN is normal on the wire.
//   - Times are Cp56Time2a (pile local time); convert with cp56_to_epoch_ms and the station's zone.
//   - encode() throws std::invalid_argument / std::length_error only for values that cannot be written
//     (model_no > 9999, lists longer than the count byte): programming errors, not input errors.
#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "devices/ykc/encoding.hpp"
#include "devices/ykc/frame.hpp"
#include "devices/ykc/result.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

namespace zc::ykc {

enum class Direction : uint8_t { up, down };  // up = pile → platform

// ---------------------------------------------------------------------------------------------- 0x01–0x0A
struct Login {  // 0x01 充电桩登录认证
  static constexpr uint8_t kType = 0x01;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kDc = 0x00, kAc = 0x01;    // pile_type
  static constexpr uint8_t kV15 = 0x0F, kV16 = 0x10;  // protocol_version
  PileCode pile_code;
  uint8_t pile_type = kDc;
  uint8_t gun_count = 0;
  uint8_t protocol_version = kV16;  // version × 10
  Ascii<8> firmware;
  uint8_t network = 0;  // 0 SIM, 1 LAN, 2 WAN, 3 other (some firmware: 1..4) — informational
  Iccid sim;            // zero if none; may hold hex nibbles
  uint8_t carrier = 0;  // 0 CMCC, 2 CTCC, 3 CUCC, 4 other — informational
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(pile_type, "pile_type");
    f.u8(gun_count, "gun_count");
    f.u8(protocol_version, "protocol_version");
    f.ascii(firmware, "firmware");
    f.u8(network, "network");
    f.bcd(sim, "sim");
    f.u8(carrier, "carrier");
  }
  bool operator==(const Login&) const = default;
};

struct LoginReply {  // 0x02 登录认证应答
  static constexpr uint8_t kType = 0x02;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kSuccess = 0x00, kFailure = 0x01;
  PileCode pile_code;
  uint8_t result = kSuccess;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(result, "result");
  }
  bool operator==(const LoginReply&) const = default;
};

struct Heartbeat {  // 0x03 充电桩心跳包 (one per gun)
  static constexpr uint8_t kType = 0x03;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kNormal = 0x00, kFault = 0x01;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t gun_status = kNormal;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(gun_status, "gun_status");
  }
  bool operator==(const Heartbeat&) const = default;
};

struct HeartbeatReply {  // 0x04 心跳包应答
  static constexpr uint8_t kType = 0x04;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t reply = 0x00;  // always 0
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(reply, "reply");
  }
  bool operator==(const HeartbeatReply&) const = default;
};

struct ModelVerify {  // 0x05 计费模型验证请求
  static constexpr uint8_t kType = 0x05;
  static constexpr Direction kDir = Direction::up;
  PileCode pile_code;
  uint16_t model_no = 0;  // BCD on the wire; 0 = none yet
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.model_no(model_no, "model_no");
  }
  bool operator==(const ModelVerify&) const = default;
};

struct ModelVerifyReply {  // 0x06 计费模型验证请求应答
  static constexpr uint8_t kType = 0x06;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kConsistent = 0x00, kInconsistent = 0x01;
  PileCode pile_code;
  uint16_t model_no = 0;
  uint8_t result = kConsistent;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.model_no(model_no, "model_no");
    f.u8(result, "result");
  }
  bool operator==(const ModelVerifyReply&) const = default;
};

struct ModelRequest {  // 0x09 充电桩计费模型请求
  static constexpr uint8_t kType = 0x09;
  static constexpr Direction kDir = Direction::up;
  PileCode pile_code;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
  }
  bool operator==(const ModelRequest&) const = default;
};

// Body of 0x0A and 0x58: pile code + the billing model (rates in 0.00001 yuan/kWh, 48 half-hour slots).
struct BillingModelBody {
  PileCode pile_code;
  tariff::YkcBillingModel model;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.billing_model(model);
  }
  bool operator==(const BillingModelBody&) const = default;
};
struct BillingModelReply : BillingModelBody {  // 0x0A 计费模型请求应答
  static constexpr uint8_t kType = 0x0A;
  static constexpr Direction kDir = Direction::down;
  bool operator==(const BillingModelReply&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x12–0x25
struct ReadRealtime {  // 0x12 读取实时监测数据
  static constexpr uint8_t kType = 0x12;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  uint8_t gun = 0x01;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
  }
  bool operator==(const ReadRealtime&) const = default;
};

struct RealtimeData {  // 0x13 上传实时监测数据
  static constexpr uint8_t kType = 0x13;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kOffline = 0x00, kFault = 0x01, kIdle = 0x02, kCharging = 0x03;  // status
  Serial serial;                                                                            // zero when idle
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t status = kIdle;
  uint8_t holstered = 0;   // 0 no, 1 yes, 2 unknown
  uint8_t plugged = 0;     // 0 no, 1 yes
  uint16_t voltage = 0;    // 0.1 V
  uint16_t current = 0;    // 0.1 A
  uint8_t cable_temp = 0;  // °C + 50
  std::array<uint8_t, 8> cable_code{};
  uint8_t soc = 0;               // %
  uint8_t battery_max_temp = 0;  // °C + 50
  uint16_t charge_minutes = 0;
  uint16_t remaining_minutes = 0;
  uint32_t energy = 0;       // 0.0001 kWh
  uint32_t loss_energy = 0;  // 0.0001 kWh (real piles often send 0: fall back to energy)
  uint32_t amount = 0;       // 0.0001 yuan
  uint16_t faults = 0;       // bit 0 = spec "Bit1" (emergency stop) … bit 12 = door open
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(status, "status");
    f.u8(holstered, "holstered");
    f.u8(plugged, "plugged");
    f.u16(voltage, "voltage");
    f.u16(current, "current");
    f.u8(cable_temp, "cable_temp");
    f.raw(cable_code, "cable_code");
    f.u8(soc, "soc");
    f.u8(battery_max_temp, "battery_max_temp");
    f.u16(charge_minutes, "charge_minutes");
    f.u16(remaining_minutes, "remaining_minutes");
    f.u32(energy, "energy");
    f.u32(loss_energy, "loss_energy");
    f.u32(amount, "amount");
    f.u16(faults, "faults");
  }
  bool operator==(const RealtimeData&) const = default;
};

// The 24-byte prefix of the DC BMS frames.
#define ZC_YKC_GUN_SESSION_FIELDS \
  f.bcd(serial, "serial");        \
  f.bcd(pile_code, "pile_code");  \
  f.u8(gun, "gun")

struct BmsHandshake {  // 0x15 充电握手
  static constexpr uint8_t kType = 0x15;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  std::array<uint8_t, 3> bms_version{};
  uint8_t battery_type = 0;     // 01 lead-acid … 06 NCM, 08 LTO, FF other
  uint16_t rated_capacity = 0;  // 0.1 Ah
  uint16_t rated_voltage = 0;   // 0.1 V
  Ascii<4> maker;
  std::array<uint8_t, 4> pack_serial{};
  uint8_t production_year = 0;  // + 1985
  uint8_t production_month = 0;
  uint8_t production_day = 0;
  uint32_t charge_count = 0;  // 3 bytes
  uint8_t ownership = 0;      // 0 leased, 1 owned
  uint8_t reserved = 0;
  Vin vin;
  std::array<uint8_t, 8> bms_software{};
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.raw(bms_version, "bms_version");
    f.u8(battery_type, "battery_type");
    f.u16(rated_capacity, "rated_capacity");
    f.u16(rated_voltage, "rated_voltage");
    f.ascii(maker, "maker");
    f.raw(pack_serial, "pack_serial");
    f.u8(production_year, "production_year");
    f.u8(production_month, "production_month");
    f.u8(production_day, "production_day");
    f.u24(charge_count, "charge_count");
    f.u8(ownership, "ownership");
    f.u8(reserved, "reserved");
    f.ascii(vin, "vin");
    f.raw(bms_software, "bms_software");
  }
  bool operator==(const BmsHandshake&) const = default;
};

struct BmsParameters {  // 0x17 参数配置
  static constexpr uint8_t kType = 0x17;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint16_t max_cell_voltage = 0;    // 0.01 V
  uint16_t max_charge_current = 0;  // 0.1 A, −400 A
  uint16_t nominal_energy = 0;      // 0.1 kWh
  uint16_t max_total_voltage = 0;   // 0.1 V
  uint8_t max_temp = 0;             // °C + 50
  uint16_t soc = 0;                 // 0.1 %
  uint16_t battery_voltage = 0;     // 0.1 V
  uint16_t pile_max_voltage = 0;    // 0.1 V
  uint16_t pile_min_voltage = 0;    // 0.1 V
  uint16_t pile_max_current = 0;    // 0.1 A, −400 A
  uint16_t pile_min_current = 0;    // 0.1 A, −400 A
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u16(max_cell_voltage, "max_cell_voltage");
    f.u16(max_charge_current, "max_charge_current");
    f.u16(nominal_energy, "nominal_energy");
    f.u16(max_total_voltage, "max_total_voltage");
    f.u8(max_temp, "max_temp");
    f.u16(soc, "soc");
    f.u16(battery_voltage, "battery_voltage");
    f.u16(pile_max_voltage, "pile_max_voltage");
    f.u16(pile_min_voltage, "pile_min_voltage");
    f.u16(pile_max_current, "pile_max_current");
    f.u16(pile_min_current, "pile_min_current");
  }
  bool operator==(const BmsParameters&) const = default;
};

struct BmsChargeEnd {  // 0x19 充电结束
  static constexpr uint8_t kType = 0x19;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t end_soc = 0;            // %
  uint16_t min_cell_voltage = 0;  // 0.01 V
  uint16_t max_cell_voltage = 0;  // 0.01 V
  uint8_t min_temp = 0;           // °C + 50
  uint8_t max_temp = 0;           // °C + 50
  uint16_t charge_minutes = 0;
  uint16_t output_energy = 0;  // 0.1 kWh
  std::array<uint8_t, 4> charger_no{};
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u8(end_soc, "end_soc");
    f.u16(min_cell_voltage, "min_cell_voltage");
    f.u16(max_cell_voltage, "max_cell_voltage");
    f.u8(min_temp, "min_temp");
    f.u8(max_temp, "max_temp");
    f.u16(charge_minutes, "charge_minutes");
    f.u16(output_energy, "output_energy");
    f.raw(charger_no, "charger_no");
  }
  bool operator==(const BmsChargeEnd&) const = default;
};

// 2-bit field `index` (0-based, from the LSB of byte 0 upward) of a packed status array.
template <size_t N>
constexpr uint8_t two_bit(const std::array<uint8_t, N>& bytes, size_t index) {
  return index / 4 < N ? static_cast<uint8_t>((bytes[index / 4] >> (2 * (index % 4))) & 0x3) : 0;
}

struct BmsError {  // 0x1B 错误报文 — 2-bit timeout flags (00 normal, 01 timeout, 10 untrusted)
  static constexpr uint8_t kType = 0x1B;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  std::array<uint8_t, 8> flags{};  // see §6.7; two_bit(flags, i)
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.raw(flags, "flags");
  }
  bool operator==(const BmsError&) const = default;
};

struct BmsStop {  // 0x1D 充电阶段BMS中止
  static constexpr uint8_t kType = 0x1D;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t stop_reason = 0;    // 4 × 2 bits
  uint16_t fault_reason = 0;  // 8 × 2 bits
  uint8_t error_reason = 0;
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u8(stop_reason, "stop_reason");
    f.u16(fault_reason, "fault_reason");
    f.u8(error_reason, "error_reason");
  }
  bool operator==(const BmsStop&) const = default;
};

struct ChargerStop {  // 0x21 充电阶段充电机中止
  static constexpr uint8_t kType = 0x21;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t stop_reason = 0;
  uint16_t fault_reason = 0;
  uint8_t error_reason = 0;
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u8(stop_reason, "stop_reason");
    f.u16(fault_reason, "fault_reason");
    f.u8(error_reason, "error_reason");
  }
  bool operator==(const ChargerStop&) const = default;
};

struct BmsDemand {  // 0x23 充电过程BMS需求与充电机输出
  static constexpr uint8_t kType = 0x23;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint16_t demand_voltage = 0;          // 0.1 V
  uint16_t demand_current = 0;          // 0.1 A, −400 A
  uint8_t mode = 0;                     // 01 CV, 02 CC
  uint16_t measured_voltage = 0;        // 0.1 V
  uint16_t measured_current = 0;        // 0.1 A, −400 A
  uint16_t max_cell_voltage_group = 0;  // bits 0–11: 0.01 V, bits 12–15: group
  uint8_t soc = 0;
  uint16_t remaining_minutes = 0;
  uint16_t pile_voltage = 0;  // 0.1 V
  uint16_t pile_current = 0;  // 0.1 A, −400 A
  uint16_t charge_minutes = 0;
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u16(demand_voltage, "demand_voltage");
    f.u16(demand_current, "demand_current");
    f.u8(mode, "mode");
    f.u16(measured_voltage, "measured_voltage");
    f.u16(measured_current, "measured_current");
    f.u16(max_cell_voltage_group, "max_cell_voltage_group");
    f.u8(soc, "soc");
    f.u16(remaining_minutes, "remaining_minutes");
    f.u16(pile_voltage, "pile_voltage");
    f.u16(pile_current, "pile_current");
    f.u16(charge_minutes, "charge_minutes");
  }
  bool operator==(const BmsDemand&) const = default;
};

struct BmsInfo {  // 0x25 充电过程BMS信息
  static constexpr uint8_t kType = 0x25;
  static constexpr Direction kDir = Direction::up;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t max_cell_index = 0;       // + 1
  uint8_t max_temp = 0;             // °C + 50
  uint8_t max_temp_probe = 0;       // + 1
  uint8_t min_temp = 0;             // °C + 50
  uint8_t min_temp_probe = 0;       // + 1
  std::array<uint8_t, 2> states{};  // 2-bit states, two_bit(states, i)
  template <class F>
  void fields(F& f) {
    ZC_YKC_GUN_SESSION_FIELDS;
    f.u8(max_cell_index, "max_cell_index");
    f.u8(max_temp, "max_temp");
    f.u8(max_temp_probe, "max_temp_probe");
    f.u8(min_temp, "min_temp");
    f.u8(min_temp_probe, "min_temp_probe");
    f.raw(states, "states");
  }
  bool operator==(const BmsInfo&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x31–0x40
struct StartRequest {  // 0x31 充电桩主动申请启动充电
  static constexpr uint8_t kType = 0x31;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kCard = 0x01, kAccount = 0x02, kVin = 0x03;  // start_mode
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t start_mode = kCard;
  uint8_t needs_password = 0;
  PhysicalCard account{};              // account or physical card, BIN, 0-padded left
  std::array<uint8_t, 16> password{};  // MD5 of the input
  Vin vin;                             // normal order here; reversed on the wire
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(start_mode, "start_mode");
    f.u8(needs_password, "needs_password");
    f.raw(account, "account");
    f.raw(password, "password");
    f.vin_reversed(vin, "vin");
  }
  bool operator==(const StartRequest&) const = default;
};

struct StartRequestReply {  // 0x32 运营平台确认启动充电
  static constexpr uint8_t kType = 0x32;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;  // authorized
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  LogicalCard logical_card;
  uint32_t balance = 0;  // 0.01 yuan
  uint8_t authorized = kFail;
  uint8_t reason = 0;  // 0x01 account not found … 0x0B pile does not support cards (§6.9)
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.bcd(logical_card, "logical_card");
    f.u32(balance, "balance");
    f.u8(authorized, "authorized");
    f.u8(reason, "reason");
  }
  bool operator==(const StartRequestReply&) const = default;
};

struct RemoteStartReply {  // 0x33 远程启动充电命令回复
  static constexpr uint8_t kType = 0x33;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  static constexpr uint8_t kNotPlugged = 0x05;  // reason: a second 0x33 may follow within 60 s
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t result = kFail;
  uint8_t reason = 0;
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(result, "result");
    f.u8(reason, "reason");
  }
  bool operator==(const RemoteStartReply&) const = default;
};

struct RemoteStart {  // 0x34 运营平台远程控制启机
  static constexpr uint8_t kType = 0x34;
  static constexpr Direction kDir = Direction::down;
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  LogicalCard logical_card;
  PhysicalCard physical_card{};
  uint32_t balance = 0;  // 0.01 yuan
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.bcd(logical_card, "logical_card");
    f.raw(physical_card, "physical_card");
    f.u32(balance, "balance");
  }
  bool operator==(const RemoteStart&) const = default;
};

struct RemoteStopReply {  // 0x35 远程停机命令回复
  static constexpr uint8_t kType = 0x35;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t result = kFail;
  uint8_t reason = 0;  // 0 none, 1 pile mismatch, 2 gun not charging, 3 other
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(result, "result");
    f.u8(reason, "reason");
  }
  bool operator==(const RemoteStopReply&) const = default;
};

struct RemoteStop {  // 0x36 运营平台远程停机
  static constexpr uint8_t kType = 0x36;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  uint8_t gun = 0x01;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
  }
  bool operator==(const RemoteStop&) const = default;
};

struct TierRecord {          // one tier of a 0x3B record
  uint32_t unit_price = 0;   // 0.00001 yuan/kWh (energy + service)
  uint32_t energy = 0;       // 0.0001 kWh
  uint32_t loss_energy = 0;  // 0.0001 kWh
  uint32_t amount = 0;       // 0.0001 yuan
  template <class F>
  void fields(F& f) {
    f.u32(unit_price, "unit_price");
    f.u32(energy, "energy");
    f.u32(loss_energy, "loss_energy");
    f.u32(amount, "amount");
  }
  bool operator==(const TierRecord&) const = default;
};

struct TransactionRecord {  // 0x3B 交易记录 (158 B; 174 B five-tier variant)
  static constexpr uint8_t kType = 0x3B;
  static constexpr Direction kDir = Direction::up;
  static constexpr size_t kBodySize = 158, kFiveTierBodySize = 174;
  static constexpr uint8_t kApp = 0x01, kCard = 0x02, kOfflineCard = 0x04, kVin = 0x05;  // start_type
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  Cp56Time2a start_time;
  Cp56Time2a end_time;
  uint8_t tier_count = 4;  // 4 (sharp, peak, flat, valley) or 5 (vendor five-tier: extra tier last)
  std::array<TierRecord, 5> tiers{};  // tiers[4] only meaningful when tier_count == 5
  uint64_t meter_start = 0;           // 5 bytes, 0.0001 kWh
  uint64_t meter_stop = 0;            // 5 bytes, 0.0001 kWh
  uint32_t total_energy = 0;          // 0.0001 kWh
  uint32_t total_loss_energy = 0;
  uint32_t total_amount = 0;  // 0.0001 yuan
  Vin vin;                    // normal order
  uint8_t start_type = kApp;
  Cp56Time2a trade_time;
  uint8_t stop_reason = 0;  // §7.1
  PhysicalCard physical_card{};
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.time(start_time, "start_time");
    f.time(end_time, "end_time");
    static constexpr const char* kTier[5][4] = {
        {"tiers[0].unit_price", "tiers[0].energy", "tiers[0].loss_energy", "tiers[0].amount"},
        {"tiers[1].unit_price", "tiers[1].energy", "tiers[1].loss_energy", "tiers[1].amount"},
        {"tiers[2].unit_price", "tiers[2].energy", "tiers[2].loss_energy", "tiers[2].amount"},
        {"tiers[3].unit_price", "tiers[3].energy", "tiers[3].loss_energy", "tiers[3].amount"},
        {"tiers[4].unit_price", "tiers[4].energy", "tiers[4].loss_energy", "tiers[4].amount"}};
    for (size_t i = 0; i < (tier_count == 5 ? 5u : 4u); ++i) {
      f.u32(tiers[i].unit_price, kTier[i][0]);
      f.u32(tiers[i].energy, kTier[i][1]);
      f.u32(tiers[i].loss_energy, kTier[i][2]);
      f.u32(tiers[i].amount, kTier[i][3]);
    }
    f.u40(meter_start, "meter_start");
    f.u40(meter_stop, "meter_stop");
    f.u32(total_energy, "total_energy");
    f.u32(total_loss_energy, "total_loss_energy");
    f.u32(total_amount, "total_amount");
    f.ascii(vin, "vin");
    f.u8(start_type, "start_type");
    f.time(trade_time, "trade_time");
    f.u8(stop_reason, "stop_reason");
    f.raw(physical_card, "physical_card");
  }
  bool operator==(const TransactionRecord&) const = default;
};

struct TransactionRecordAck {  // 0x40 交易记录确认
  static constexpr uint8_t kType = 0x40;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kAccepted = 0x00, kIllegal = 0x01;
  Serial serial;
  uint8_t result = kAccepted;
  template <class F>
  void fields(F& f) {
    f.bcd(serial, "serial");
    f.u8(result, "result");
  }
  bool operator==(const TransactionRecordAck&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x41–0x48
struct BalanceUpdateReply {  // 0x41 余额更新应答
  static constexpr uint8_t kType = 0x41;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kSuccess = 0x00, kPileError = 0x01, kCardError = 0x02;
  PileCode pile_code;
  PhysicalCard physical_card{};
  uint8_t result = kSuccess;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.raw(physical_card, "physical_card");
    f.u8(result, "result");
  }
  bool operator==(const BalanceUpdateReply&) const = default;
};

struct BalanceUpdate {  // 0x42 远程账户余额更新
  static constexpr uint8_t kType = 0x42;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  uint8_t gun = 0x01;
  PhysicalCard physical_card{};  // zero: the current user, no card check
  uint32_t balance = 0;          // 0.01 yuan
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.raw(physical_card, "physical_card");
    f.u32(balance, "balance");
  }
  bool operator==(const BalanceUpdate&) const = default;
};

struct OfflineCard {  // 0x44 entry
  LogicalCard logical_card;
  PhysicalCard physical_card{};
  template <class F>
  void fields(F& f) {
    f.bcd(logical_card, "logical_card");
    f.raw(physical_card, "physical_card");
  }
  bool operator==(const OfflineCard&) const = default;
};
struct CardRef {  // 0x46 / 0x48 entry
  PhysicalCard physical_card{};
  template <class F>
  void fields(F& f) {
    f.raw(physical_card, "physical_card");
  }
  bool operator==(const CardRef&) const = default;
};

struct OfflineCardSyncReply {  // 0x43 离线卡数据同步应答
  static constexpr uint8_t kType = 0x43;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t result = kFail;
  uint8_t reason = 0;  // 1 card format error, 2 storage full
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(result, "result");
    f.u8(reason, "reason");
  }
  bool operator==(const OfflineCardSyncReply&) const = default;
};

struct OfflineCardSync {  // 0x44 离线卡数据同步 (spec: ≤ 15 cards)
  static constexpr uint8_t kType = 0x44;
  static constexpr Direction kDir = Direction::down;
  static constexpr size_t kMaxCards = 15;
  PileCode pile_code;
  std::vector<OfflineCard> cards;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.counted(cards, "cards", 16);
  }
  bool operator==(const OfflineCardSync&) const = default;
};

struct ClearResult {  // 0x45 entry
  PhysicalCard physical_card{};
  uint8_t cleared = 0;  // 0 fail, 1 cleared
  uint8_t reason = 0;   // 1 card format error
  template <class F>
  void fields(F& f) {
    f.raw(physical_card, "physical_card");
    f.u8(cleared, "cleared");
    f.u8(reason, "reason");
  }
  bool operator==(const ClearResult&) const = default;
};

struct OfflineCardClearReply {  // 0x45 离线卡数据清除应答
  static constexpr uint8_t kType = 0x45;
  static constexpr Direction kDir = Direction::up;
  PileCode pile_code;
  std::vector<ClearResult> results;  // to the end of the body
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.rest(results, "results", 10);
  }
  bool operator==(const OfflineCardClearReply&) const = default;
};

struct OfflineCardClear {  // 0x46 离线卡数据清除 (spec: ≤ 24 cards)
  static constexpr uint8_t kType = 0x46;
  static constexpr Direction kDir = Direction::down;
  static constexpr size_t kMaxCards = 24;
  PileCode pile_code;
  std::vector<CardRef> cards;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.counted(cards, "cards", 8);
  }
  bool operator==(const OfflineCardClear&) const = default;
};

struct QueryResult {  // 0x47 entry
  PhysicalCard physical_card{};
  uint8_t present = 0;  // 0 absent, 1 present
  template <class F>
  void fields(F& f) {
    f.raw(physical_card, "physical_card");
    f.u8(present, "present");
  }
  bool operator==(const QueryResult&) const = default;
};

struct OfflineCardQueryReply {  // 0x47 离线卡数据查询应答
  static constexpr uint8_t kType = 0x47;
  static constexpr Direction kDir = Direction::up;
  PileCode pile_code;
  std::vector<QueryResult> results;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.rest(results, "results", 9);
  }
  bool operator==(const OfflineCardQueryReply&) const = default;
};

struct OfflineCardQuery {  // 0x48 离线卡数据查询 (spec: ≤ 26 cards)
  static constexpr uint8_t kType = 0x48;
  static constexpr Direction kDir = Direction::down;
  static constexpr size_t kMaxCards = 26;
  PileCode pile_code;
  std::vector<CardRef> cards;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.counted(cards, "cards", 8);
  }
  bool operator==(const OfflineCardQuery&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x51–0x63
// Pile code + one result byte (0x51, 0x57, 0x91, 0x93, 0xF1).
#define ZC_YKC_PILE_RESULT(Name, code, result_name)  \
  struct Name {                                      \
    static constexpr uint8_t kType = code;           \
    static constexpr Direction kDir = Direction::up; \
    PileCode pile_code;                              \
    uint8_t result_name = 0;                         \
    template <class F>                               \
    void fields(F& f) {                              \
      f.bcd(pile_code, "pile_code");                 \
      f.u8(result_name, #result_name);               \
    }                                                \
    bool operator==(const Name&) const = default;    \
  }

ZC_YKC_PILE_RESULT(WorkParamsReply, 0x51, result);       // 0x00 fail, 0x01 success
ZC_YKC_PILE_RESULT(BillingModelSetReply, 0x57, result);  // 0x00 fail, 0x01 success (≠ 0x02/0x40 polarity)
ZC_YKC_PILE_RESULT(RebootReply, 0x91, result);           // 0x00 fail, 0x01 success
ZC_YKC_PILE_RESULT(UpdateReply, 0x93, status);    // 0 success, 1 pile code error, 2 model mismatch, 3 timeout
ZC_YKC_PILE_RESULT(QrPrefixReply, 0xF1, result);  // 0x00 fail, 0x01 success

struct WorkParams {  // 0x52 充电桩工作参数设置
  static constexpr uint8_t kType = 0x52;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kAllowed = 0x00, kLocked = 0x01;
  PileCode pile_code;
  uint8_t work = kAllowed;
  uint8_t max_power_percent = 100;  // 30..100
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(work, "work");
    f.u8(max_power_percent, "max_power_percent");
  }
  bool operator==(const WorkParams&) const = default;
};

struct TimeSyncReply {  // 0x55 对时设置应答 (echoes the time set)
  static constexpr uint8_t kType = 0x55;
  static constexpr Direction kDir = Direction::up;
  PileCode pile_code;
  Cp56Time2a time;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.time(time, "time");
  }
  bool operator==(const TimeSyncReply&) const = default;
};

struct TimeSync {  // 0x56 对时设置
  static constexpr uint8_t kType = 0x56;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  Cp56Time2a time;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.time(time, "time");
  }
  bool operator==(const TimeSync&) const = default;
};

struct BillingModelSet : BillingModelBody {  // 0x58 计费模型设置
  static constexpr uint8_t kType = 0x58;
  static constexpr Direction kDir = Direction::down;
  bool operator==(const BillingModelSet&) const = default;
};

struct GroundLockStatus {  // 0x61 地锁数据上送
  static constexpr uint8_t kType = 0x61;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kNotInPosition = 0x00, kRaised = 0x55, kLowered = 0xFF;  // lock_state
  PileCode pile_code;
  uint8_t gun = 1;  // BIN here
  uint8_t lock_state = kNotInPosition;
  uint8_t bay_state = 0;  // 0x00 empty, 0xFF vehicle
  uint8_t battery_percent = 0;
  uint8_t alarm = 0;  // 0x00 none, 0xFF arm damaged in standby, 0x55 arm movement abnormal
  std::array<uint8_t, 4> reserved{};
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(lock_state, "lock_state");
    f.u8(bay_state, "bay_state");
    f.u8(battery_percent, "battery_percent");
    f.u8(alarm, "alarm");
    f.raw(reserved, "reserved");
  }
  bool operator==(const GroundLockStatus&) const = default;
};

struct GroundLockCommand {  // 0x62 遥控地锁升锁与降锁命令
  static constexpr uint8_t kType = 0x62;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kRaise = 0x55, kLower = 0xFF;
  PileCode pile_code;
  uint8_t gun = 1;  // BIN
  uint8_t command = kRaise;
  std::array<uint8_t, 4> reserved{};
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(command, "command");
    f.raw(reserved, "reserved");
  }
  bool operator==(const GroundLockCommand&) const = default;
};

struct GroundLockReply {  // 0x63 充电桩返回数据（地锁）
  static constexpr uint8_t kType = 0x63;
  static constexpr Direction kDir = Direction::up;
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t gun = 1;  // BIN
  uint8_t result = kFail;
  std::array<uint8_t, 4> reserved{};
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.u8(result, "result");
    f.raw(reserved, "reserved");
  }
  bool operator==(const GroundLockReply&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x92–0x94
struct Reboot {  // 0x92 远程重启
  static constexpr uint8_t kType = 0x92;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kNow = 0x01, kWhenIdle = 0x02;
  PileCode pile_code;
  uint8_t control = kNow;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(control, "control");
  }
  bool operator==(const Reboot&) const = default;
};

struct RemoteUpdate {  // 0x94 远程更新 (FTP)
  static constexpr uint8_t kType = 0x94;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kDc = 0x01, kAc = 0x02;  // pile_model
  PileCode pile_code;
  uint8_t pile_model = kDc;
  uint16_t power_kw = 0;
  Ascii<16> server;
  uint16_t port = 21;
  Ascii<16> user;
  Ascii<16> password;
  Ascii<32> path;
  uint8_t control = 0x01;  // 0x01 now, 0x02 when idle
  uint8_t timeout_minutes = 0;
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(pile_model, "pile_model");
    f.u16(power_kw, "power_kw");
    f.ascii(server, "server");
    f.u16(port, "port");
    f.ascii(user, "user");
    f.ascii(password, "password");
    f.ascii(path, "path");
    f.u8(control, "control");
    f.u8(timeout_minutes, "timeout_minutes");
  }
  bool operator==(const RemoteUpdate&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0xA1–0xA4
struct ParallelStartRequest : StartRequest {  // 0xA1 充电桩主动申请并充充电 (V1.6)
  static constexpr uint8_t kType = 0xA1;
  static constexpr uint8_t kMain = 0x00, kAuxiliary = 0x01;
  uint8_t role = kMain;
  ParallelNo parallel_no;
  template <class F>
  void fields(F& f) {
    StartRequest::fields(f);
    f.u8(role, "role");
    f.bcd(parallel_no, "parallel_no");
  }
  bool operator==(const ParallelStartRequest&) const = default;
};

struct ParallelStartRequestReply : StartRequestReply {  // 0xA2 运营平台确认并充启动充电
  static constexpr uint8_t kType = 0xA2;
  ParallelNo parallel_no;
  template <class F>
  void fields(F& f) {
    StartRequestReply::fields(f);
    f.bcd(parallel_no, "parallel_no");
  }
  bool operator==(const ParallelStartRequestReply&) const = default;
};

struct ParallelRemoteStartReply : RemoteStartReply {  // 0xA3 远程并充启机命令回复
  static constexpr uint8_t kType = 0xA3;
  uint8_t role = 0;
  ParallelNo parallel_no;
  template <class F>
  void fields(F& f) {
    RemoteStartReply::fields(f);
    f.u8(role, "role");
    f.bcd(parallel_no, "parallel_no");
  }
  bool operator==(const ParallelRemoteStartReply&) const = default;
};

struct ParallelRemoteStart : RemoteStart {  // 0xA4 运营平台远程控制并充启机
  static constexpr uint8_t kType = 0xA4;
  ParallelNo parallel_no;
  template <class F>
  void fields(F& f) {
    RemoteStart::fields(f);
    f.bcd(parallel_no, "parallel_no");
  }
  bool operator==(const ParallelRemoteStart&) const = default;
};

// ---------------------------------------------------------------------------------------------- QR codes
struct QrPrefix {  // 0xF0 后台下发二维码前缀
  static constexpr uint8_t kType = 0xF0;
  static constexpr Direction kDir = Direction::down;
  static constexpr uint8_t kPrefixPile = 0x00, kPrefixOrgPile = 0x01;
  PileCode pile_code;
  uint8_t prefix_type = kPrefixPile;
  std::string prefix;  // ASCII, length byte on the wire
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(prefix_type, "prefix_type");
    f.prefixed8(prefix, "prefix");
  }
  bool operator==(const QrPrefix&) const = default;
};

struct QrGbSet {  // 0x5A QR config, "国充" variant (vendor)
  static constexpr uint8_t kType = 0x5A;
  static constexpr Direction kDir = Direction::down;
  PileCode pile_code;
  uint8_t gun = 0x01;
  std::string data;  // to the end of the body
  template <class F>
  void fields(F& f) {
    f.bcd(pile_code, "pile_code");
    f.u8(gun, "gun");
    f.rest_bytes(data, "data");
  }
  bool operator==(const QrGbSet&) const = default;
};

struct QrTldSet {  // 0x9C QR config, "特来电" variant (vendor; no pile code)
  static constexpr uint8_t kType = 0x9C;
  static constexpr Direction kDir = Direction::down;
  uint8_t gun = 0x01;
  std::string data;  // 2-byte LE length on the wire
  template <class F>
  void fields(F& f) {
    f.u8(gun, "gun");
    f.prefixed16(data, "data");
  }
  bool operator==(const QrTldSet&) const = default;
};

#define ZC_YKC_PILE_GUN_RESULT(Name, code)           \
  struct Name {                                      \
    static constexpr uint8_t kType = code;           \
    static constexpr Direction kDir = Direction::up; \
    PileCode pile_code;                              \
    uint8_t gun = 0x01;                              \
    uint8_t result = 0;                              \
    template <class F>                               \
    void fields(F& f) {                              \
      f.bcd(pile_code, "pile_code");                 \
      f.u8(gun, "gun");                              \
      f.u8(result, "result");                        \
    }                                                \
    bool operator==(const Name&) const = default;    \
  }
ZC_YKC_PILE_GUN_RESULT(QrGbReply, 0x59);   // reply to 0x5A
ZC_YKC_PILE_GUN_RESULT(QrTldReply, 0x9B);  // reply to 0x9C

// ---------------------------------------------------------------------------------------------- registry
// Every message type, in frame-code order. X(Struct).
#define ZC_YKC_MESSAGES(X)                                                                                   \
  X(Login)                                                                                                   \
  X(LoginReply) X(Heartbeat) X(HeartbeatReply) X(ModelVerify) X(ModelVerifyReply) X(ModelRequest)            \
      X(BillingModelReply) X(ReadRealtime) X(RealtimeData) X(BmsHandshake) X(BmsParameters) X(BmsChargeEnd)  \
          X(BmsError) X(BmsStop) X(ChargerStop) X(BmsDemand) X(BmsInfo) X(StartRequest) X(StartRequestReply) \
              X(RemoteStartReply) X(RemoteStart) X(RemoteStopReply) X(RemoteStop) X(TransactionRecord)       \
                  X(TransactionRecordAck) X(BalanceUpdateReply) X(BalanceUpdate) X(OfflineCardSyncReply)     \
                      X(OfflineCardSync) X(OfflineCardClearReply) X(OfflineCardClear)                        \
                          X(OfflineCardQueryReply) X(OfflineCardQuery) X(WorkParamsReply) X(WorkParams)      \
                              X(TimeSyncReply) X(TimeSync) X(BillingModelSetReply) X(BillingModelSet)        \
                                  X(QrGbReply) X(QrGbSet) X(GroundLockStatus) X(GroundLockCommand)           \
                                      X(GroundLockReply) X(RebootReply) X(Reboot) X(UpdateReply)             \
                                          X(RemoteUpdate) X(QrTldReply) X(QrTldSet) X(ParallelStartRequest)  \
                                              X(ParallelStartRequestReply) X(ParallelRemoteStartReply)       \
                                                  X(ParallelRemoteStart) X(QrPrefix) X(QrPrefixReply)

#define ZC_YKC_COMMA_LIST(T) T,
using AnyMessage = std::variant<ZC_YKC_MESSAGES(ZC_YKC_COMMA_LIST) std::monostate>;
#undef ZC_YKC_COMMA_LIST

template <class Msg>
concept Message = requires {
  { Msg::kType } -> std::convertible_to<uint8_t>;
  { Msg::kDir } -> std::convertible_to<Direction>;
};

// Body ↔ struct. Instantiated (in messages.cpp) for every type of ZC_YKC_MESSAGES.
template <Message Msg>
Result<Msg> decode(std::span<const uint8_t> body);
template <Message Msg>
std::vector<uint8_t> encode(const Msg& msg);

// A whole frame: platform-initiated (own counter) or a reply (pass the request's raw sequence).
template <Message Msg>
std::vector<uint8_t> encode_frame(const Msg& msg, Sequence seq, CrcOrder order = CrcOrder::low_first) {
  return encode_frame(Msg::kType, seq, encode(msg), order);
}

// By frame type: decode_any → the matching alternative (Error "type" for an unknown code);
// encode_any → body of whichever alternative (monostate → empty); type_of → its code (0 for monostate).
Result<AnyMessage> decode_any(uint8_t type, std::span<const uint8_t> body);
std::vector<uint8_t> encode_any(const AnyMessage& msg);
uint8_t type_of(const AnyMessage& msg);

// Frame-type catalogue (§5), for logs and the session: nullptr for codes YKC v1.6 does not define.
struct FrameTypeInfo {
  uint8_t code;
  Direction dir;
  const char* name;     // struct name, e.g. "TransactionRecord"
  const char* name_cn;  // e.g. "交易记录"
  uint8_t reply;        // the frame that answers it, 0 if none (or if it is itself an answer)
  size_t body_size;     // fixed layout size; for variable frames the minimum
  bool variable;        // list / string frames (0x44–0x48, 0x5A, 0x9C, 0xF0) and 0x3B (4/5 tiers)
};
const FrameTypeInfo* frame_type_info(uint8_t code);
std::span<const FrameTypeInfo> frame_types();

}  // namespace zc::ykc
