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
//
// The structs: messages_charging.hpp (0x01–0x40) and messages_settings.hpp (0x41–0xF1).
#include <array>
#include <concepts>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "devices/ykc/frame.hpp"
#include "devices/ykc/messages_settings.hpp"
#include "devices/ykc/result.hpp"

namespace zc::ykc {

// ---------------------------------------------------------------------------------------------- registry
// Every message type, in frame-code order. X(Struct).
#define ZC_YKC_MESSAGES(X)                                                                                   \
  X(Login)                                                                                                   \
  X(LoginReply)                                                                                              \
  X(Heartbeat)                                                                                               \
  X(HeartbeatReply)                                                                                          \
  X(ModelVerify)                                                                                             \
  X(ModelVerifyReply) X(ModelRequest) X(BillingModelReply) X(ReadRealtime) X(RealtimeData) X(BmsHandshake)   \
      X(BmsParameters) X(BmsChargeEnd) X(BmsError) X(BmsStop) X(ChargerStop) X(BmsDemand) X(BmsInfo)         \
          X(StartRequest) X(StartRequestReply) X(RemoteStartReply) X(RemoteStart) X(RemoteStopReply)         \
              X(RemoteStop) X(TransactionRecord) X(TransactionRecordAck) X(BalanceUpdateReply)               \
                  X(BalanceUpdate) X(OfflineCardSyncReply) X(OfflineCardSync) X(OfflineCardClearReply)       \
                      X(OfflineCardClear) X(OfflineCardQueryReply) X(OfflineCardQuery) X(WorkParamsReply)    \
                          X(WorkParams) X(TimeSyncReply) X(TimeSync) X(BillingModelSetReply)                 \
                              X(BillingModelSet) X(QrGbReply) X(QrGbSet) X(GroundLockStatus)                 \
                                  X(GroundLockCommand) X(GroundLockReply) X(RebootReply) X(Reboot)           \
                                      X(UpdateReply) X(RemoteUpdate) X(QrTldReply) X(QrTldSet)               \
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
