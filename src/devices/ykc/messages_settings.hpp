#pragma once
// Typed YKC messages 0x41–0xF1 (messages.hpp explains the conventions): balance and offline cards,
// parameters, clock, billing model push, ground locks, reboot, update, parallel charging (V1.6), QR codes.
#include <array>
#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "devices/ykc/messages_charging.hpp"

namespace zc::ykc {

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

}  // namespace zc::ykc
