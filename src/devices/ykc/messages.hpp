#pragma once
// Typed YKC v1.5/v1.6 messages (docs/ykc.md, "Wire format"), one struct per frame type.
//
// Each struct lists its fields once, in wire order: ZC_YKC_FIELDS(Name, (kind, member[, limit])…) writes
// its `fields(F&)` (f.kind(member, "member"[, limit]) per field) and its memberwise ==; decode<Msg>(body)
// and encode(msg) are generated from that list (messages.cpp), so every frame round-trips byte-exactly.
// The field kinds are the members of wire::Reader / wire::Writer (wire.hpp).
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

// A frame's type code and direction.
#define ZC_YKC_FRAME(code, dir)          \
  static constexpr uint8_t kType = code; \
  static constexpr Direction kDir = Direction::dir

// ZC_YKC_FIELDS(Name, (kind, member[, limit])…): the field list (above) and memberwise ==.
#define ZC_YKC_FIELDS(Name, ...) \
  ZC_YKC_FIELD_LIST(__VA_ARGS__) \
  bool operator==(const Name&) const = default;
#define ZC_YKC_FIELD_LIST(...)                 \
  template <class F>                           \
  void fields(F& f) {                          \
    ZC_YKC_FOR_EACH(ZC_YKC_FIELD, __VA_ARGS__) \
  }
// ZC_YKC_EXTENDS(Base, Name, …): a frame that is Base's fields followed by its own (the V1.6 parallel
// frames).
#define ZC_YKC_EXTENDS(Base, Name, ...)        \
  template <class F>                           \
  void fields(F& f) {                          \
    Base::fields(f);                           \
    ZC_YKC_FOR_EACH(ZC_YKC_FIELD, __VA_ARGS__) \
  }                                            \
  bool operator==(const Name&) const = default;
#define ZC_YKC_FIELD(kind, member, ...) f.kind(member, #member __VA_OPT__(, ) __VA_ARGS__);
// ZC_YKC_FOR_EACH(M, (a…), (b…)…) → M(a…) M(b…) …, for up to 256 items (the usual __VA_OPT__ recursion).
#define ZC_YKC_PARENS ()
#define ZC_YKC_EXPAND(...) ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(ZC_YKC_EXPAND3(__VA_ARGS__))))
#define ZC_YKC_EXPAND3(...) ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(ZC_YKC_EXPAND2(__VA_ARGS__))))
#define ZC_YKC_EXPAND2(...) ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(ZC_YKC_EXPAND1(__VA_ARGS__))))
#define ZC_YKC_EXPAND1(...) __VA_ARGS__
#define ZC_YKC_FOR_EACH(M, ...) __VA_OPT__(ZC_YKC_EXPAND(ZC_YKC_FOR_EACH_STEP(M, __VA_ARGS__)))
#define ZC_YKC_FOR_EACH_STEP(M, item, ...) \
  M item __VA_OPT__(ZC_YKC_FOR_EACH_AGAIN ZC_YKC_PARENS(M, __VA_ARGS__))
#define ZC_YKC_FOR_EACH_AGAIN() ZC_YKC_FOR_EACH_STEP

// ---------------------------------------------------------------------------------------------- 0x01–0x0A
struct Login {  // 0x01 充电桩登录认证
  ZC_YKC_FRAME(0x01, up);
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
  ZC_YKC_FIELDS(Login, (bcd, pile_code), (u8, pile_type), (u8, gun_count), (u8, protocol_version),
                (ascii, firmware), (u8, network), (bcd, sim), (u8, carrier))
};

struct LoginReply {  // 0x02 登录认证应答
  ZC_YKC_FRAME(0x02, down);
  static constexpr uint8_t kSuccess = 0x00, kFailure = 0x01;
  PileCode pile_code;
  uint8_t result = kSuccess;
  ZC_YKC_FIELDS(LoginReply, (bcd, pile_code), (u8, result))
};

struct Heartbeat {  // 0x03 充电桩心跳包 (one per gun)
  ZC_YKC_FRAME(0x03, up);
  static constexpr uint8_t kNormal = 0x00, kFault = 0x01;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t gun_status = kNormal;
  ZC_YKC_FIELDS(Heartbeat, (bcd, pile_code), (u8, gun), (u8, gun_status))
};

struct HeartbeatReply {  // 0x04 心跳包应答
  ZC_YKC_FRAME(0x04, down);
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t reply = 0x00;  // always 0
  ZC_YKC_FIELDS(HeartbeatReply, (bcd, pile_code), (u8, gun), (u8, reply))
};

struct ModelVerify {  // 0x05 计费模型验证请求
  ZC_YKC_FRAME(0x05, up);
  PileCode pile_code;
  uint16_t model_no = 0;  // BCD on the wire; 0 = none yet
  ZC_YKC_FIELDS(ModelVerify, (bcd, pile_code), (model_no, model_no))
};

struct ModelVerifyReply {  // 0x06 计费模型验证请求应答
  ZC_YKC_FRAME(0x06, down);
  static constexpr uint8_t kConsistent = 0x00, kInconsistent = 0x01;
  PileCode pile_code;
  uint16_t model_no = 0;
  uint8_t result = kConsistent;
  ZC_YKC_FIELDS(ModelVerifyReply, (bcd, pile_code), (model_no, model_no), (u8, result))
};

struct ModelRequest {  // 0x09 充电桩计费模型请求
  ZC_YKC_FRAME(0x09, up);
  PileCode pile_code;
  ZC_YKC_FIELDS(ModelRequest, (bcd, pile_code))
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
  ZC_YKC_FRAME(0x0A, down);
  bool operator==(const BillingModelReply&) const = default;
};

// ---------------------------------------------------------------------------------------------- 0x12–0x25
struct ReadRealtime {  // 0x12 读取实时监测数据
  ZC_YKC_FRAME(0x12, down);
  PileCode pile_code;
  uint8_t gun = 0x01;
  ZC_YKC_FIELDS(ReadRealtime, (bcd, pile_code), (u8, gun))
};

struct RealtimeData {  // 0x13 上传实时监测数据
  ZC_YKC_FRAME(0x13, up);
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
  ZC_YKC_FIELDS(RealtimeData, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, status), (u8, holstered),
                (u8, plugged), (u16, voltage), (u16, current), (u8, cable_temp), (raw, cable_code), (u8, soc),
                (u8, battery_max_temp), (u16, charge_minutes), (u16, remaining_minutes), (u32, energy),
                (u32, loss_energy), (u32, amount), (u16, faults))
};

struct BmsHandshake {  // 0x15 充电握手
  ZC_YKC_FRAME(0x15, up);
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
  ZC_YKC_FIELDS(BmsHandshake, (bcd, serial), (bcd, pile_code), (u8, gun), (raw, bms_version),
                (u8, battery_type), (u16, rated_capacity), (u16, rated_voltage), (ascii, maker),
                (raw, pack_serial), (u8, production_year), (u8, production_month), (u8, production_day),
                (u24, charge_count), (u8, ownership), (u8, reserved), (ascii, vin), (raw, bms_software))
};

struct BmsParameters {  // 0x17 参数配置
  ZC_YKC_FRAME(0x17, up);
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
  ZC_YKC_FIELDS(BmsParameters, (bcd, serial), (bcd, pile_code), (u8, gun), (u16, max_cell_voltage),
                (u16, max_charge_current), (u16, nominal_energy), (u16, max_total_voltage), (u8, max_temp),
                (u16, soc), (u16, battery_voltage), (u16, pile_max_voltage), (u16, pile_min_voltage),
                (u16, pile_max_current), (u16, pile_min_current))
};

struct BmsChargeEnd {  // 0x19 充电结束
  ZC_YKC_FRAME(0x19, up);
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
  ZC_YKC_FIELDS(BmsChargeEnd, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, end_soc),
                (u16, min_cell_voltage), (u16, max_cell_voltage), (u8, min_temp), (u8, max_temp),
                (u16, charge_minutes), (u16, output_energy), (raw, charger_no))
};

// 2-bit field `index` (0-based, from the LSB of byte 0 upward) of a packed status array.
template <size_t N>
constexpr uint8_t two_bit(const std::array<uint8_t, N>& bytes, size_t index) {
  return index / 4 < N ? static_cast<uint8_t>((bytes[index / 4] >> (2 * (index % 4))) & 0x3) : 0;
}

struct BmsError {  // 0x1B 错误报文 — 2-bit timeout flags (00 normal, 01 timeout, 10 untrusted)
  ZC_YKC_FRAME(0x1B, up);
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  std::array<uint8_t, 8> flags{};  // see §6.7; two_bit(flags, i)
  ZC_YKC_FIELDS(BmsError, (bcd, serial), (bcd, pile_code), (u8, gun), (raw, flags))
};

struct BmsStop {  // 0x1D 充电阶段BMS中止
  ZC_YKC_FRAME(0x1D, up);
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t stop_reason = 0;    // 4 × 2 bits
  uint16_t fault_reason = 0;  // 8 × 2 bits
  uint8_t error_reason = 0;
  ZC_YKC_FIELDS(BmsStop, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, stop_reason), (u16, fault_reason),
                (u8, error_reason))
};

struct ChargerStop {  // 0x21 充电阶段充电机中止
  ZC_YKC_FRAME(0x21, up);
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t stop_reason = 0;
  uint16_t fault_reason = 0;
  uint8_t error_reason = 0;
  ZC_YKC_FIELDS(ChargerStop, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, stop_reason),
                (u16, fault_reason), (u8, error_reason))
};

struct BmsDemand {  // 0x23 充电过程BMS需求与充电机输出
  ZC_YKC_FRAME(0x23, up);
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
  ZC_YKC_FIELDS(BmsDemand, (bcd, serial), (bcd, pile_code), (u8, gun), (u16, demand_voltage),
                (u16, demand_current), (u8, mode), (u16, measured_voltage), (u16, measured_current),
                (u16, max_cell_voltage_group), (u8, soc), (u16, remaining_minutes), (u16, pile_voltage),
                (u16, pile_current), (u16, charge_minutes))
};

struct BmsInfo {  // 0x25 充电过程BMS信息
  ZC_YKC_FRAME(0x25, up);
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t max_cell_index = 0;       // + 1
  uint8_t max_temp = 0;             // °C + 50
  uint8_t max_temp_probe = 0;       // + 1
  uint8_t min_temp = 0;             // °C + 50
  uint8_t min_temp_probe = 0;       // + 1
  std::array<uint8_t, 2> states{};  // 2-bit states, two_bit(states, i)
  ZC_YKC_FIELDS(BmsInfo, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, max_cell_index), (u8, max_temp),
                (u8, max_temp_probe), (u8, min_temp), (u8, min_temp_probe), (raw, states))
};

// ---------------------------------------------------------------------------------------------- 0x31–0x40
struct StartRequest {  // 0x31 充电桩主动申请启动充电
  ZC_YKC_FRAME(0x31, up);
  static constexpr uint8_t kCard = 0x01, kAccount = 0x02, kVin = 0x03;  // start_mode
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t start_mode = kCard;
  uint8_t needs_password = 0;
  PhysicalCard account{};              // account or physical card, BIN, 0-padded left
  std::array<uint8_t, 16> password{};  // MD5 of the input
  Vin vin;                             // normal order here; reversed on the wire
  ZC_YKC_FIELDS(StartRequest, (bcd, pile_code), (u8, gun), (u8, start_mode), (u8, needs_password),
                (raw, account), (raw, password), (vin_reversed, vin))
};

struct StartRequestReply {  // 0x32 运营平台确认启动充电
  ZC_YKC_FRAME(0x32, down);
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;  // authorized
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  LogicalCard logical_card;
  uint32_t balance = 0;  // 0.01 yuan
  uint8_t authorized = kFail;
  uint8_t reason = 0;  // 0x01 account not found … 0x0B pile does not support cards (§6.9)
  ZC_YKC_FIELDS(StartRequestReply, (bcd, serial), (bcd, pile_code), (u8, gun), (bcd, logical_card),
                (u32, balance), (u8, authorized), (u8, reason))
};

struct RemoteStartReply {  // 0x33 远程启动充电命令回复
  ZC_YKC_FRAME(0x33, up);
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  static constexpr uint8_t kNotPlugged = 0x05;  // reason: a second 0x33 may follow within 60 s
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t result = kFail;
  uint8_t reason = 0;
  ZC_YKC_FIELDS(RemoteStartReply, (bcd, serial), (bcd, pile_code), (u8, gun), (u8, result), (u8, reason))
};

struct RemoteStart {  // 0x34 运营平台远程控制启机
  ZC_YKC_FRAME(0x34, down);
  Serial serial;
  PileCode pile_code;
  uint8_t gun = 0x01;
  LogicalCard logical_card;
  PhysicalCard physical_card{};
  uint32_t balance = 0;  // 0.01 yuan
  ZC_YKC_FIELDS(RemoteStart, (bcd, serial), (bcd, pile_code), (u8, gun), (bcd, logical_card),
                (raw, physical_card), (u32, balance))
};

struct RemoteStopReply {  // 0x35 远程停机命令回复
  ZC_YKC_FRAME(0x35, up);
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t gun = 0x01;
  uint8_t result = kFail;
  uint8_t reason = 0;  // 0 none, 1 pile mismatch, 2 gun not charging, 3 other
  ZC_YKC_FIELDS(RemoteStopReply, (bcd, pile_code), (u8, gun), (u8, result), (u8, reason))
};

struct RemoteStop {  // 0x36 运营平台远程停机
  ZC_YKC_FRAME(0x36, down);
  PileCode pile_code;
  uint8_t gun = 0x01;
  ZC_YKC_FIELDS(RemoteStop, (bcd, pile_code), (u8, gun))
};

struct TierRecord {          // one tier of a 0x3B record
  uint32_t unit_price = 0;   // 0.00001 yuan/kWh (energy + service)
  uint32_t energy = 0;       // 0.0001 kWh
  uint32_t loss_energy = 0;  // 0.0001 kWh
  uint32_t amount = 0;       // 0.0001 yuan
  ZC_YKC_FIELDS(TierRecord, (u32, unit_price), (u32, energy), (u32, loss_energy), (u32, amount))
};

struct TransactionRecord {  // 0x3B 交易记录 (158 B; 174 B five-tier variant)
  ZC_YKC_FRAME(0x3B, up);
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
  ZC_YKC_FRAME(0x40, down);
  static constexpr uint8_t kAccepted = 0x00, kIllegal = 0x01;
  Serial serial;
  uint8_t result = kAccepted;
  ZC_YKC_FIELDS(TransactionRecordAck, (bcd, serial), (u8, result))
};

// ---------------------------------------------------------------------------------------------- 0x41–0x48
struct BalanceUpdateReply {  // 0x41 余额更新应答
  ZC_YKC_FRAME(0x41, up);
  static constexpr uint8_t kSuccess = 0x00, kPileError = 0x01, kCardError = 0x02;
  PileCode pile_code;
  PhysicalCard physical_card{};
  uint8_t result = kSuccess;
  ZC_YKC_FIELDS(BalanceUpdateReply, (bcd, pile_code), (raw, physical_card), (u8, result))
};

struct BalanceUpdate {  // 0x42 远程账户余额更新
  ZC_YKC_FRAME(0x42, down);
  PileCode pile_code;
  uint8_t gun = 0x01;
  PhysicalCard physical_card{};  // zero: the current user, no card check
  uint32_t balance = 0;          // 0.01 yuan
  ZC_YKC_FIELDS(BalanceUpdate, (bcd, pile_code), (u8, gun), (raw, physical_card), (u32, balance))
};

struct OfflineCard {  // 0x44 entry
  LogicalCard logical_card;
  PhysicalCard physical_card{};
  ZC_YKC_FIELDS(OfflineCard, (bcd, logical_card), (raw, physical_card))
};
struct CardRef {  // 0x46 / 0x48 entry
  PhysicalCard physical_card{};
  ZC_YKC_FIELDS(CardRef, (raw, physical_card))
};

struct OfflineCardSyncReply {  // 0x43 离线卡数据同步应答
  ZC_YKC_FRAME(0x43, up);
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t result = kFail;
  uint8_t reason = 0;  // 1 card format error, 2 storage full
  ZC_YKC_FIELDS(OfflineCardSyncReply, (bcd, pile_code), (u8, result), (u8, reason))
};

struct OfflineCardSync {  // 0x44 离线卡数据同步 (spec: ≤ 15 cards)
  ZC_YKC_FRAME(0x44, down);
  static constexpr size_t kMaxCards = 15;
  PileCode pile_code;
  std::vector<OfflineCard> cards;
  ZC_YKC_FIELDS(OfflineCardSync, (bcd, pile_code), (counted, cards, 16))
};

struct ClearResult {  // 0x45 entry
  PhysicalCard physical_card{};
  uint8_t cleared = 0;  // 0 fail, 1 cleared
  uint8_t reason = 0;   // 1 card format error
  ZC_YKC_FIELDS(ClearResult, (raw, physical_card), (u8, cleared), (u8, reason))
};

struct OfflineCardClearReply {  // 0x45 离线卡数据清除应答
  ZC_YKC_FRAME(0x45, up);
  PileCode pile_code;
  std::vector<ClearResult> results;  // to the end of the body
  ZC_YKC_FIELDS(OfflineCardClearReply, (bcd, pile_code), (rest, results, 10))
};

struct OfflineCardClear {  // 0x46 离线卡数据清除 (spec: ≤ 24 cards)
  ZC_YKC_FRAME(0x46, down);
  static constexpr size_t kMaxCards = 24;
  PileCode pile_code;
  std::vector<CardRef> cards;
  ZC_YKC_FIELDS(OfflineCardClear, (bcd, pile_code), (counted, cards, 8))
};

struct QueryResult {  // 0x47 entry
  PhysicalCard physical_card{};
  uint8_t present = 0;  // 0 absent, 1 present
  ZC_YKC_FIELDS(QueryResult, (raw, physical_card), (u8, present))
};

struct OfflineCardQueryReply {  // 0x47 离线卡数据查询应答
  ZC_YKC_FRAME(0x47, up);
  PileCode pile_code;
  std::vector<QueryResult> results;
  ZC_YKC_FIELDS(OfflineCardQueryReply, (bcd, pile_code), (rest, results, 9))
};

struct OfflineCardQuery {  // 0x48 离线卡数据查询 (spec: ≤ 26 cards)
  ZC_YKC_FRAME(0x48, down);
  static constexpr size_t kMaxCards = 26;
  PileCode pile_code;
  std::vector<CardRef> cards;
  ZC_YKC_FIELDS(OfflineCardQuery, (bcd, pile_code), (counted, cards, 8))
};

// ---------------------------------------------------------------------------------------------- 0x51–0x63
// Pile code + one result byte (0x51, 0x57, 0x91, 0x93, 0xF1).
#define ZC_YKC_PILE_RESULT(Name, code, result_name)          \
  struct Name {                                              \
    ZC_YKC_FRAME(code, up);                                  \
    PileCode pile_code;                                      \
    uint8_t result_name = 0;                                 \
    ZC_YKC_FIELDS(Name, (bcd, pile_code), (u8, result_name)) \
  }

ZC_YKC_PILE_RESULT(WorkParamsReply, 0x51, result);       // 0x00 fail, 0x01 success
ZC_YKC_PILE_RESULT(BillingModelSetReply, 0x57, result);  // 0x00 fail, 0x01 success (≠ 0x02/0x40 polarity)
ZC_YKC_PILE_RESULT(RebootReply, 0x91, result);           // 0x00 fail, 0x01 success
ZC_YKC_PILE_RESULT(UpdateReply, 0x93, status);    // 0 success, 1 pile code error, 2 model mismatch, 3 timeout
ZC_YKC_PILE_RESULT(QrPrefixReply, 0xF1, result);  // 0x00 fail, 0x01 success

struct WorkParams {  // 0x52 充电桩工作参数设置
  ZC_YKC_FRAME(0x52, down);
  static constexpr uint8_t kAllowed = 0x00, kLocked = 0x01;
  PileCode pile_code;
  uint8_t work = kAllowed;
  uint8_t max_power_percent = 100;  // 30..100
  ZC_YKC_FIELDS(WorkParams, (bcd, pile_code), (u8, work), (u8, max_power_percent))
};

struct TimeSyncReply {  // 0x55 对时设置应答 (echoes the time set)
  ZC_YKC_FRAME(0x55, up);
  PileCode pile_code;
  Cp56Time2a time;
  ZC_YKC_FIELDS(TimeSyncReply, (bcd, pile_code), (time, time))
};

struct TimeSync {  // 0x56 对时设置
  ZC_YKC_FRAME(0x56, down);
  PileCode pile_code;
  Cp56Time2a time;
  ZC_YKC_FIELDS(TimeSync, (bcd, pile_code), (time, time))
};

struct BillingModelSet : BillingModelBody {  // 0x58 计费模型设置
  ZC_YKC_FRAME(0x58, down);
  bool operator==(const BillingModelSet&) const = default;
};

struct GroundLockStatus {  // 0x61 地锁数据上送
  ZC_YKC_FRAME(0x61, up);
  static constexpr uint8_t kNotInPosition = 0x00, kRaised = 0x55, kLowered = 0xFF;  // lock_state
  PileCode pile_code;
  uint8_t gun = 1;  // BIN here
  uint8_t lock_state = kNotInPosition;
  uint8_t bay_state = 0;  // 0x00 empty, 0xFF vehicle
  uint8_t battery_percent = 0;
  uint8_t alarm = 0;  // 0x00 none, 0xFF arm damaged in standby, 0x55 arm movement abnormal
  std::array<uint8_t, 4> reserved{};
  ZC_YKC_FIELDS(GroundLockStatus, (bcd, pile_code), (u8, gun), (u8, lock_state), (u8, bay_state),
                (u8, battery_percent), (u8, alarm), (raw, reserved))
};

struct GroundLockCommand {  // 0x62 遥控地锁升锁与降锁命令
  ZC_YKC_FRAME(0x62, down);
  static constexpr uint8_t kRaise = 0x55, kLower = 0xFF;
  PileCode pile_code;
  uint8_t gun = 1;  // BIN
  uint8_t command = kRaise;
  std::array<uint8_t, 4> reserved{};
  ZC_YKC_FIELDS(GroundLockCommand, (bcd, pile_code), (u8, gun), (u8, command), (raw, reserved))
};

struct GroundLockReply {  // 0x63 充电桩返回数据（地锁）
  ZC_YKC_FRAME(0x63, up);
  static constexpr uint8_t kFail = 0x00, kSuccess = 0x01;
  PileCode pile_code;
  uint8_t gun = 1;  // BIN
  uint8_t result = kFail;
  std::array<uint8_t, 4> reserved{};
  ZC_YKC_FIELDS(GroundLockReply, (bcd, pile_code), (u8, gun), (u8, result), (raw, reserved))
};

// ---------------------------------------------------------------------------------------------- 0x92–0x94
struct Reboot {  // 0x92 远程重启
  ZC_YKC_FRAME(0x92, down);
  static constexpr uint8_t kNow = 0x01, kWhenIdle = 0x02;
  PileCode pile_code;
  uint8_t control = kNow;
  ZC_YKC_FIELDS(Reboot, (bcd, pile_code), (u8, control))
};

struct RemoteUpdate {  // 0x94 远程更新 (FTP)
  ZC_YKC_FRAME(0x94, down);
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
  ZC_YKC_FIELDS(RemoteUpdate, (bcd, pile_code), (u8, pile_model), (u16, power_kw), (ascii, server),
                (u16, port), (ascii, user), (ascii, password), (ascii, path), (u8, control),
                (u8, timeout_minutes))
};

// ---------------------------------------------------------------------------------------------- 0xA1–0xA4
struct ParallelStartRequest : StartRequest {  // 0xA1 充电桩主动申请并充充电 (V1.6)
  static constexpr uint8_t kType = 0xA1;
  static constexpr uint8_t kMain = 0x00, kAuxiliary = 0x01;
  uint8_t role = kMain;
  ParallelNo parallel_no;
  ZC_YKC_EXTENDS(StartRequest, ParallelStartRequest, (u8, role), (bcd, parallel_no))
};

struct ParallelStartRequestReply : StartRequestReply {  // 0xA2 运营平台确认并充启动充电
  static constexpr uint8_t kType = 0xA2;
  ParallelNo parallel_no;
  ZC_YKC_EXTENDS(StartRequestReply, ParallelStartRequestReply, (bcd, parallel_no))
};

struct ParallelRemoteStartReply : RemoteStartReply {  // 0xA3 远程并充启机命令回复
  static constexpr uint8_t kType = 0xA3;
  uint8_t role = 0;
  ParallelNo parallel_no;
  ZC_YKC_EXTENDS(RemoteStartReply, ParallelRemoteStartReply, (u8, role), (bcd, parallel_no))
};

struct ParallelRemoteStart : RemoteStart {  // 0xA4 运营平台远程控制并充启机
  static constexpr uint8_t kType = 0xA4;
  ParallelNo parallel_no;
  ZC_YKC_EXTENDS(RemoteStart, ParallelRemoteStart, (bcd, parallel_no))
};

// ---------------------------------------------------------------------------------------------- QR codes
struct QrPrefix {  // 0xF0 后台下发二维码前缀
  ZC_YKC_FRAME(0xF0, down);
  static constexpr uint8_t kPrefixPile = 0x00, kPrefixOrgPile = 0x01;
  PileCode pile_code;
  uint8_t prefix_type = kPrefixPile;
  std::string prefix;  // ASCII, length byte on the wire
  ZC_YKC_FIELDS(QrPrefix, (bcd, pile_code), (u8, prefix_type), (prefixed8, prefix))
};

struct QrGbSet {  // 0x5A QR config, "国充" variant (vendor)
  ZC_YKC_FRAME(0x5A, down);
  PileCode pile_code;
  uint8_t gun = 0x01;
  std::string data;  // to the end of the body
  ZC_YKC_FIELDS(QrGbSet, (bcd, pile_code), (u8, gun), (rest_bytes, data))
};

struct QrTldSet {  // 0x9C QR config, "特来电" variant (vendor; no pile code)
  ZC_YKC_FRAME(0x9C, down);
  uint8_t gun = 0x01;
  std::string data;  // 2-byte LE length on the wire
  ZC_YKC_FIELDS(QrTldSet, (u8, gun), (prefixed16, data))
};

#define ZC_YKC_PILE_GUN_RESULT(Name, code)                         \
  struct Name {                                                    \
    ZC_YKC_FRAME(code, up);                                        \
    PileCode pile_code;                                            \
    uint8_t gun = 0x01;                                            \
    uint8_t result = 0;                                            \
    ZC_YKC_FIELDS(Name, (bcd, pile_code), (u8, gun), (u8, result)) \
  }
ZC_YKC_PILE_GUN_RESULT(QrGbReply, 0x59);   // reply to 0x5A
ZC_YKC_PILE_GUN_RESULT(QrTldReply, 0x9B);  // reply to 0x9C

// ---------------------------------------------------------------------------------------------- registry
// Every message type, in frame-code order. X(Struct).
#define ZC_YKC_MESSAGES(X)                                                                                   \
  X(Login)                                                                                                   \
  X(LoginReply)                                                                                              \
  X(Heartbeat)                                                                                               \
  X(HeartbeatReply) X(ModelVerify) X(ModelVerifyReply) X(ModelRequest) X(BillingModelReply) X(ReadRealtime)  \
      X(RealtimeData) X(BmsHandshake) X(BmsParameters) X(BmsChargeEnd) X(BmsError) X(BmsStop) X(ChargerStop) \
          X(BmsDemand) X(BmsInfo) X(StartRequest) X(StartRequestReply) X(RemoteStartReply) X(RemoteStart)    \
              X(RemoteStopReply) X(RemoteStop) X(TransactionRecord) X(TransactionRecordAck)                  \
                  X(BalanceUpdateReply) X(BalanceUpdate) X(OfflineCardSyncReply) X(OfflineCardSync)          \
                      X(OfflineCardClearReply) X(OfflineCardClear) X(OfflineCardQueryReply)                  \
                          X(OfflineCardQuery) X(WorkParamsReply) X(WorkParams) X(TimeSyncReply) X(TimeSync)  \
                              X(BillingModelSetReply) X(BillingModelSet) X(QrGbReply) X(QrGbSet)             \
                                  X(GroundLockStatus) X(GroundLockCommand) X(GroundLockReply) X(RebootReply) \
                                      X(Reboot) X(UpdateReply) X(RemoteUpdate) X(QrTldReply) X(QrTldSet)     \
                                          X(ParallelStartRequest) X(ParallelStartRequestReply)               \
                                              X(ParallelRemoteStartReply) X(ParallelRemoteStart) X(QrPrefix) \
                                                  X(QrPrefixReply)

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
