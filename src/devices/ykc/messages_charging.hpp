#pragma once
// Typed YKC messages 0x01–0x40 (messages.hpp explains the conventions): login, heartbeat, billing model,
// real-time data, BMS frames, starts, stops and transaction records.
#include <array>
#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "devices/ykc/encoding.hpp"
#include "devices/ykc/frame.hpp"
#include "devices/ykc/message_fields.hpp"
#include "domain/tariff/ykc_billing_model.hpp"

namespace zc::ykc {

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

}  // namespace zc::ykc
