#pragma once
// The session's frame-type → handler table, and the small per-connection helpers a YKC session needs
// (reply framing with the echoed sequence, CRC byte-order memory). No I/O.
//
//   struct PileSession { ... };
//   Dispatcher<PileSession> d;
//   d.on<Login>([](PileSession& s, const Frame& f, Login&& m) { ... s.reply(f, LoginReply{...}); })
//    .on<Heartbeat>(...)
//    .on_decode_error([](PileSession& s, const Frame& f, const Error& e) { log bytes + e })
//    .on_unknown([](PileSession& s, const Frame& f) { log });
//   d.dispatch(session, frame);
#include <array>
#include <functional>
#include <optional>
#include <utility>

#include "devices/ykc/frame.hpp"
#include "devices/ykc/messages.hpp"

namespace zc::ykc {

enum class DispatchOutcome : uint8_t { handled, decode_error, unknown };

template <class Context>
class Dispatcher {
 public:
  using RawHandler = std::function<void(Context&, const Frame&)>;
  using ErrorHandler = std::function<void(Context&, const Frame&, const Error&)>;

  // Typed handler: f(Context&, const Frame&, Msg&&). The body is decoded first; a decode failure goes
  // to on_decode_error with the Error naming the field. Replaces an earlier handler for that type.
  template <Message Msg, class F>
  Dispatcher& on(F&& f) {
    table_[Msg::kType] = [this, fn = std::forward<F>(f)](Context& ctx, const Frame& frame) {
      auto msg = decode<Msg>(frame.body);
      if (!msg) {
        if (on_error_) on_error_(ctx, frame, msg.error());
        return DispatchOutcome::decode_error;
      }
      fn(ctx, frame, std::move(msg).value());
      return DispatchOutcome::handled;
    };
    return *this;
  }
  // A member function of the context as the typed handler: d.on(&PileSession::on_login).
  template <Message Msg>
  Dispatcher& on(void (Context::*h)(const Frame&, Msg&&)) {
    return on<Msg>([h](Context& ctx, const Frame& f, Msg&& m) { (ctx.*h)(f, std::move(m)); });
  }
  // Handler that gets the frame undecoded (vendor frames, pass-through).
  Dispatcher& on_raw(uint8_t type, RawHandler h) {
    table_[type] = [h = std::move(h)](Context& ctx, const Frame& frame) {
      h(ctx, frame);
      return DispatchOutcome::handled;
    };
    return *this;
  }
  Dispatcher() = default;
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  Dispatcher& on_decode_error(ErrorHandler h) {
    on_error_ = std::move(h);
    return *this;
  }
  Dispatcher& on_unknown(RawHandler h) {
    on_unknown_ = std::move(h);
    return *this;
  }

  bool handles(uint8_t type) const { return static_cast<bool>(table_[type]); }

  // Encrypted frames (flag ≠ 0) cannot be read (3DES key handling is undocumented): decode_error with
  // field "encryption". Frames without a handler: on_unknown.
  DispatchOutcome dispatch(Context& ctx, const Frame& frame) const {
    if (frame.header.encryption != kPlain) {
      if (on_error_)
        on_error_(ctx, frame,
                  Error{"encryption", "encrypted frames (flag " + std::to_string(frame.header.encryption) +
                                          ") are not supported"});
      return DispatchOutcome::decode_error;
    }
    const auto& h = table_[frame.header.type];
    if (!h) {
      if (on_unknown_) on_unknown_(ctx, frame);
      return DispatchOutcome::unknown;
    }
    return h(ctx, frame);
  }

 private:
  // Handlers are only read by dispatch(), so one Dispatcher may serve sessions on several threads once it
  // is set up. Typed handlers capture `this` (for on_decode_error): do not copy or move a Dispatcher after
  // registering them.
  std::array<std::function<DispatchOutcome(Context&, const Frame&)>, 256> table_{};
  ErrorHandler on_error_;
  RawHandler on_unknown_;
};

// A reply to `request`: same raw sequence bytes (§3.1), given CRC order.
template <Message Msg>
std::vector<uint8_t> encode_reply(const Frame& request, const Msg& msg,
                                  CrcOrder order = CrcOrder::low_first) {
  return encode_frame(msg, request.header.seq, order);
}

// Which CRC byte order to send to one pile. Policy `standard`: always low byte first (spec);
// `mirror`: the order of the last valid frame the pile sent (low first until one is seen).
enum class CrcReplyPolicy : uint8_t { standard, mirror };

class CrcOrderMemory {
 public:
  void observe(const Frame& f) { seen_ = f.crc_order; }
  std::optional<CrcOrder> seen() const { return seen_; }
  CrcOrder order_for(CrcReplyPolicy policy) const {
    return policy == CrcReplyPolicy::mirror && seen_ ? *seen_ : CrcOrder::low_first;
  }

 private:
  std::optional<CrcOrder> seen_;
};

}  // namespace zc::ykc
