#include "devices/ykc/messages.hpp"

#include <array>
#include <type_traits>

#include "devices/ykc/wire.hpp"

namespace zc::ykc {

template <Message Msg>
Result<Msg> decode(std::span<const uint8_t> body) {
  Msg msg{};
  if constexpr (std::is_same_v<Msg, TransactionRecord>) {
    msg.tier_count = body.size() >= TransactionRecord::kFiveTierBodySize ? 5 : 4;
  }
  wire::Reader r(body);
  msg.fields(r);
  if (!r.ok()) return r.error();
  return msg;
}

template <Message Msg>
std::vector<uint8_t> encode(const Msg& msg) {
  std::vector<uint8_t> out;
  out.reserve(64);
  wire::Writer w(out);
  const_cast<Msg&>(msg).fields(w);  // the Writer only reads the fields
  return out;
}

#define ZC_YKC_INSTANTIATE(T)                                  \
  template Result<T> decode<T>(std::span<const uint8_t> body); \
  template std::vector<uint8_t> encode<T>(const T& msg);
ZC_YKC_MESSAGES(ZC_YKC_INSTANTIATE)
#undef ZC_YKC_INSTANTIATE

namespace {
template <class T>
Result<AnyMessage> decode_as(std::span<const uint8_t> body) {
  auto r = decode<T>(body);
  if (!r) return r.error();
  return AnyMessage(std::move(r).value());
}
using Decoder = Result<AnyMessage> (*)(std::span<const uint8_t>);
constexpr std::array<Decoder, 256> make_decoders() {
  std::array<Decoder, 256> t{};
#define ZC_YKC_ENTRY(T) t[T::kType] = &decode_as<T>;
  ZC_YKC_MESSAGES(ZC_YKC_ENTRY)
#undef ZC_YKC_ENTRY
  return t;
}
constexpr auto kDecoders = make_decoders();

std::string hex_byte(uint8_t b) {
  static constexpr char k[] = "0123456789ABCDEF";
  return {'0', 'x', k[b >> 4], k[b & 0xF]};
}
}  // namespace

Result<AnyMessage> decode_any(uint8_t type, std::span<const uint8_t> body) {
  if (const Decoder d = kDecoders[type]) return d(body);
  return Error{"type", "unknown frame type " + hex_byte(type)};
}

std::vector<uint8_t> encode_any(const AnyMessage& msg) {
  return std::visit(
      [](const auto& m) -> std::vector<uint8_t> {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::monostate>)
          return {};
        else
          return encode(m);
      },
      msg);
}

uint8_t type_of(const AnyMessage& msg) {
  return std::visit(
      [](const auto& m) -> uint8_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(m)>, std::monostate>)
          return 0;
        else
          return std::decay_t<decltype(m)>::kType;
      },
      msg);
}

namespace {
using D = Direction;
constexpr FrameTypeInfo kTypes[] = {
    {0x01, D::up, "Login", "充电桩登录认证", 0x02, 30, false},
    {0x02, D::down, "LoginReply", "登录认证应答", 0, 8, false},
    {0x03, D::up, "Heartbeat", "充电桩心跳包", 0x04, 9, false},
    {0x04, D::down, "HeartbeatReply", "心跳包应答", 0, 9, false},
    {0x05, D::up, "ModelVerify", "计费模型验证请求", 0x06, 9, false},
    {0x06, D::down, "ModelVerifyReply", "计费模型验证请求应答", 0, 10, false},
    {0x09, D::up, "ModelRequest", "充电桩计费模型请求", 0x0A, 7, false},
    {0x0A, D::down, "BillingModelReply", "计费模型请求应答", 0, 90, false},
    {0x12, D::down, "ReadRealtime", "读取实时监测数据", 0x13, 8, false},
    {0x13, D::up, "RealtimeData", "上传实时监测数据", 0, 60, false},
    {0x15, D::up, "BmsHandshake", "充电握手", 0, 73, false},
    {0x17, D::up, "BmsParameters", "参数配置", 0, 45, false},
    {0x19, D::up, "BmsChargeEnd", "充电结束", 0, 39, false},
    {0x1B, D::up, "BmsError", "错误报文", 0, 32, false},
    {0x1D, D::up, "BmsStop", "充电阶段BMS中止", 0, 28, false},
    {0x21, D::up, "ChargerStop", "充电阶段充电机中止", 0, 28, false},
    {0x23, D::up, "BmsDemand", "充电过程BMS需求与充电机输出", 0, 44, false},
    {0x25, D::up, "BmsInfo", "充电过程BMS信息", 0, 31, false},
    {0x31, D::up, "StartRequest", "充电桩主动申请启动充电", 0x32, 51, false},
    {0x32, D::down, "StartRequestReply", "运营平台确认启动充电", 0, 38, false},
    {0x33, D::up, "RemoteStartReply", "远程启动充电命令回复", 0, 26, false},
    {0x34, D::down, "RemoteStart", "运营平台远程控制启机", 0x33, 44, false},
    {0x35, D::up, "RemoteStopReply", "远程停机命令回复", 0, 10, false},
    {0x36, D::down, "RemoteStop", "运营平台远程停机", 0x35, 8, false},
    {0x3B, D::up, "TransactionRecord", "交易记录", 0x40, 158, true},
    {0x40, D::down, "TransactionRecordAck", "交易记录确认", 0, 17, false},
    {0x41, D::up, "BalanceUpdateReply", "余额更新应答", 0, 16, false},
    {0x42, D::down, "BalanceUpdate", "远程账户余额更新", 0x41, 20, false},
    {0x43, D::up, "OfflineCardSyncReply", "离线卡数据同步应答", 0, 9, false},
    {0x44, D::down, "OfflineCardSync", "离线卡数据同步", 0x43, 8, true},
    {0x45, D::up, "OfflineCardClearReply", "离线卡数据清除应答", 0, 7, true},
    {0x46, D::down, "OfflineCardClear", "离线卡数据清除", 0x45, 8, true},
    {0x47, D::up, "OfflineCardQueryReply", "离线卡数据查询应答", 0, 7, true},
    {0x48, D::down, "OfflineCardQuery", "离线卡数据查询", 0x47, 8, true},
    {0x51, D::up, "WorkParamsReply", "充电桩工作参数设置应答", 0, 8, false},
    {0x52, D::down, "WorkParams", "充电桩工作参数设置", 0x51, 9, false},
    {0x55, D::up, "TimeSyncReply", "对时设置应答", 0, 14, false},
    {0x56, D::down, "TimeSync", "对时设置", 0x55, 14, false},
    {0x57, D::up, "BillingModelSetReply", "计费模型应答", 0, 8, false},
    {0x58, D::down, "BillingModelSet", "计费模型设置", 0x57, 90, false},
    {0x59, D::up, "QrGbReply", "二维码设置应答(国充)", 0, 9, false},
    {0x5A, D::down, "QrGbSet", "二维码设置(国充)", 0x59, 8, true},
    {0x61, D::up, "GroundLockStatus", "地锁数据上送", 0, 16, false},
    {0x62, D::down, "GroundLockCommand", "遥控地锁升锁与降锁命令", 0x63, 13, false},
    {0x63, D::up, "GroundLockReply", "充电桩返回数据（地锁）", 0, 13, false},
    {0x91, D::up, "RebootReply", "远程重启应答", 0, 8, false},
    {0x92, D::down, "Reboot", "远程重启", 0x91, 8, false},
    {0x93, D::up, "UpdateReply", "远程更新应答", 0, 8, false},
    {0x94, D::down, "RemoteUpdate", "远程更新", 0x93, 94, false},
    {0x9B, D::up, "QrTldReply", "二维码设置应答(特来电)", 0, 9, false},
    {0x9C, D::down, "QrTldSet", "二维码设置(特来电)", 0x9B, 3, true},
    {0xA1, D::up, "ParallelStartRequest", "充电桩主动申请并充充电", 0xA2, 58, false},
    {0xA2, D::down, "ParallelStartRequestReply", "运营平台确认并充启动充电", 0, 44, false},
    {0xA3, D::up, "ParallelRemoteStartReply", "远程并充启机命令回复", 0, 33, false},
    {0xA4, D::down, "ParallelRemoteStart", "运营平台远程控制并充启机", 0xA3, 50, false},
    {0xF0, D::down, "QrPrefix", "后台下发二维码前缀", 0xF1, 9, true},
    {0xF1, D::up, "QrPrefixReply", "桩应答二维码前缀", 0, 8, false},
};
constexpr std::array<const FrameTypeInfo*, 256> make_index() {
  std::array<const FrameTypeInfo*, 256> t{};
  for (const auto& i : kTypes) t[i.code] = &i;
  return t;
}
constexpr auto kIndex = make_index();
static_assert(std::size(kTypes) == std::variant_size_v<AnyMessage> - 1, "catalogue covers every message");
}  // namespace

const FrameTypeInfo* frame_type_info(uint8_t code) {
  return kIndex[code];
}
std::span<const FrameTypeInfo> frame_types() {
  return kTypes;
}

}  // namespace zc::ykc
