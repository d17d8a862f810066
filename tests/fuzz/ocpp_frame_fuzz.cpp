// libFuzzer target for the OCPP 1.6J frame parser, schema validator and message converters (build and
// run: scripts/fuzz-ocpp.sh [seconds]).
//
// Each input is used three ways:
//   1. as a WebSocket text frame for parse_frame; a CALL's payload then goes through the decoder of its
//      action (and the decoders of every other action, so the fuzzer reaches all converters without
//      having to guess action names); a CALLRESULT's payload through interpret_conf of every action;
//   2. as a bare payload (JSON) for every decoder, and as the raw JSON of a server-initiated command;
//   3. as a date-time string for parse_datetime;
//   4. as the bytes a charger sends over the WebSocket, for the RFC 6455 framer (ws_framer.hpp): fed whole,
//      then cut into chunks the input chooses, with the sink pausing decoding (as a session waiting for
//      the database does) and resuming — both must give the same events; every message it hands over is
//      within the size limit and, when text, valid UTF-8; re-framed (masked) it decodes to the same.
// Invariants (abort on violation): no crash/UB (ASan/UBSan), no exception escapes (the endpoint would
// answer InternalError instead of the right CALLERROR), a decoder accepts only what the schema accepts,
// a decoded connectorId/meter value is never negative, encode(parse(frame)) parses back to the same
// frame, every CALLERROR code is one of OCPP's, our own answers always satisfy the official .conf schema,
// and format_datetime(parse_datetime(s)) parses back to the same instant.
#include <algorithm>
#include <boost/json/src.hpp>  // header-only build of Boost.JSON, instrumented with the rest
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <variant>

#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"
#include "devices/ocpp16/schema.hpp"
#include "devices/ocpp16/ws_framer.hpp"

using namespace zc::devices::ocpp16;
namespace json = boost::json;

namespace {

void fail_at(int line) {
  std::fprintf(stderr, "ocpp_frame_fuzz: invariant violated at line %d\n", line);
  std::abort();
}
#define check(ok) ((ok) ? void() : fail_at(__LINE__))

bool ocpp_error_code(const std::string& c) {
  static const char* codes[] = {"NotImplemented",
                                "NotSupported",
                                "InternalError",
                                "ProtocolError",
                                "SecurityError",
                                "FormationViolation",
                                "PropertyConstraintViolation",
                                "OccurenceConstraintViolation",
                                "TypeConstraintViolation",
                                "GenericError"};
  for (const char* x : codes)
    if (c == x) return true;
  return false;
}

// JSON equality up to the last bit of a double: Boost.JSON's default parser reads decimals to within
// one ulp, so a re-encoded 5.5e56 may come back one ulp away — not a bug of ours.
bool same(const json::value& a, const json::value& b) {
  if (a.is_double() || b.is_double()) {
    if (!a.is_number() || !b.is_number()) return false;
    double x = a.to_number<double>(), y = b.to_number<double>();
    return x == y || std::fabs(x - y) <= 1e-14 * std::max(std::fabs(x), std::fabs(y));
  }
  if (a.kind() != b.kind()) return a == b;
  if (a.is_array()) {
    const auto &x = a.get_array(), &y = b.get_array();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!same(x[i], y[i])) return false;
    return true;
  }
  if (a.is_object()) {
    const auto &x = a.get_object(), &y = b.get_object();
    if (x.size() != y.size()) return false;
    for (const auto& kv : x) {
      auto* v = y.if_contains(kv.key());
      if (!v || !same(kv.value(), *v)) return false;
    }
    return true;
  }
  return a == b;
}

// A number literal beyond the range of a double (1e999) parses as infinity, which has no JSON text:
// such payloads are refused by the schema check (TypeConstraintViolation) and never re-encoded.
bool finite(const json::value& v) {
  if (v.is_double()) return std::isfinite(v.get_double());
  if (v.is_array()) {
    for (const auto& x : v.get_array())
      if (!finite(x)) return false;
  }
  if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (!finite(kv.value())) return false;
  }
  return true;
}

// A decoder's verdict must agree with the schema's: the schema is the judge of what is well-formed.
template <class T, class Check>
void decoded(const char* action, const json::value& payload, const Decoded<T>& d, Check&& valid) {
  auto schema = Schemas::get().validate(action, true, payload);
  if (auto* e = std::get_if<CallError>(&d)) {
    check(ocpp_error_code(e->code));
    // A converter may refuse more than the schema (a negative connectorId), never less.
    return;
  }
  check(!schema.has_value());
  valid(std::get<T>(d));
}

void meter_ok(const std::vector<MeterValue>& values) {
  for (const auto& mv : values) check(!mv.sampled.empty());
}

void all_decoders(const json::value& p) {
  decoded("BootNotification", p, decode_boot(p),
          [](const BootNotificationReq& b) { check(b.vendor.size() <= 20 && b.model.size() <= 20); });
  decoded("Heartbeat", p, decode_heartbeat(p), [](const HeartbeatReq&) {});
  decoded("StatusNotification", p, decode_status(p),
          [](const StatusNotificationReq& s) { check(s.connector_id >= 0); });
  decoded("MeterValues", p, decode_meter_values(p), [](const MeterValuesReq& m) {
    check(m.connector_id >= 0);
    check(!m.values.empty());
    meter_ok(m.values);
  });
  decoded("Authorize", p, decode_authorize(p), [](const AuthorizeReq& a) { check(a.id_tag.size() <= 20); });
  decoded("StartTransaction", p, decode_start(p),
          [](const StartTransactionReq& s) { check(s.connector_id >= 0 && s.id_tag.size() <= 20); });
  decoded("StopTransaction", p, decode_stop(p), [](const StopTransactionReq& s) { meter_ok(s.data); });
  decoded("DataTransfer", p, decode_data_transfer(p), [](const DataTransferReq&) {});
  decoded("FirmwareStatusNotification", p, decode_firmware_status(p),
          [](const FirmwareStatusNotificationReq&) {});
  decoded("DiagnosticsStatusNotification", p, decode_diagnostics_status(p),
          [](const DiagnosticsStatusNotificationReq&) {});
}

const char* const kServerActions[] = {"Reset",
                                      "TriggerMessage",
                                      "ChangeConfiguration",
                                      "GetConfiguration",
                                      "RemoteStartTransaction",
                                      "RemoteStopTransaction",
                                      "UnlockConnector",
                                      "ChangeAvailability",
                                      "ClearCache",
                                      "ReserveNow",
                                      "CancelReservation",
                                      "SetChargingProfile",
                                      "ClearChargingProfile",
                                      "UpdateFirmware",
                                      "GetDiagnostics",
                                      "SendLocalList",
                                      "GetLocalListVersion",
                                      "DataTransfer",
                                      "GetCompositeSchedule"};

void answers(const json::value& payload) {
  for (const char* a : kServerActions) {
    auto r = interpret_conf(a, payload);
    // Accepted only for an answer that satisfies the action's .conf schema.
    if (r.accepted) check(!Schemas::get().validate(a, false, payload).has_value());
  }
}

// Our own answers, built from values the input chooses, must satisfy the official schemas.
void our_answers(const uint8_t* data, size_t size) {
  int64_t n = 0;
  for (size_t i = 0; i < size && i < 8; ++i) n = (n << 8) | data[i];
  int64_t now = n % (int64_t{4102444800000});  // before 2100
  if (now < 0) now = -now;
  check(!Schemas::get().validate("Heartbeat", false, heartbeat_conf(now)).has_value());
  check(!Schemas::get()
             .validate("BootNotification", false, boot_conf("Accepted", now, n & 0xffff))
             .has_value());
  IdTagInfo info{"Accepted", now, {}};
  check(!Schemas::get().validate("Authorize", false, authorize_conf(info)).has_value());
  check(!Schemas::get().validate("StartTransaction", false, start_conf(n & 0x7fffffff, info)).has_value());
  check(!Schemas::get().validate("StopTransaction", false, stop_conf(info)).has_value());
  check(!Schemas::get().validate("DataTransfer", false, data_transfer_conf("UnknownVendorId")).has_value());
}

void frame(std::string_view text) {
  auto parsed = parse_frame(text);
  if (auto* fe = std::get_if<FrameError>(&parsed)) {
    check(fe->error.code == "FormationViolation");
    std::string appended;
    append_error(appended, fe->id, fe->error.code, fe->error.description);
    check(appended == encode_error(fe->id, fe->error.code, fe->error.description));
    check(!fe->id.empty() && fe->id.size() <= 36);
    // The CALLERROR we would send parses as a CALLERROR with the same id.
    auto back = parse_frame(encode_error(fe->id, fe->error.code, fe->error.description));
    check(std::holds_alternative<Frame>(back) && std::get<Frame>(back).type == 4 &&
          std::get<Frame>(back).id == fe->id);
    return;
  }
  const Frame& f = std::get<Frame>(parsed);
  check(f.type >= 2 && f.type <= 4 && !f.id.empty() && f.id.size() <= 36);
  if (f.type == 2) {
    if (finite(f.payload)) {
      auto back = parse_frame(encode_call(f.id, f.action, f.payload));
      check(std::holds_alternative<Frame>(back));
      const Frame& b = std::get<Frame>(back);
      check(b.type == 2 && b.id == f.id && b.action == f.action && same(b.payload, f.payload));
    }
    auto v = Schemas::get().validate(f.action, true, f.payload);
    if (v) check(ocpp_error_code(v->code));
    all_decoders(f.payload);
  } else if (f.type == 3) {
    if (finite(f.payload)) {
      auto back = parse_frame(encode_result(f.id, f.payload));
      check(std::holds_alternative<Frame>(back) && same(std::get<Frame>(back).payload, f.payload));
      std::string appended;
      append_result(appended, f.id, f.payload);
      auto back2 = parse_frame(appended);
      check(std::holds_alternative<Frame>(back2) && std::get<Frame>(back2).id == f.id &&
            same(std::get<Frame>(back2).payload, f.payload));
    }
    answers(f.payload);
  }
}

// ---- the WebSocket framer ----------------------------------------------------------------------------
constexpr uint32_t kFuzzMaxMessage = 300;

struct Recorder final : ws::FrameSink {
  std::vector<std::string> events;
  size_t pause_every = 0, calls = 0;
  bool on_message(std::string_view payload, bool binary) override {
    check(payload.size() <= kFuzzMaxMessage);
    if (!binary) check(ws::valid_utf8(payload));
    events.push_back((binary ? "B:" : "T:") + std::string(payload));
    return pause_every == 0 || ++calls % pause_every != 0;
  }
  void on_ping(std::string_view payload) override {
    check(payload.size() <= 125);
    events.push_back("ping:" + std::string(payload));
  }
  void on_pong() override { events.push_back("pong"); }
  void on_close(uint16_t code, std::string_view reason) override {
    check(ws::valid_utf8(reason));
    events.push_back("close:" + std::to_string(code) + ":" + std::string(reason));
  }
  void on_protocol_error(uint16_t code, const char* reason) override {
    check(code == ws::protocol_error || code == ws::bad_payload || code == ws::too_big);
    events.push_back("error:" + std::to_string(code) + ":" + reason);
  }
};

std::vector<std::string> decode_whole(const uint8_t* data, size_t size) {
  Recorder r;
  ws::FrameReader reader(kFuzzMaxMessage);
  std::string copy(reinterpret_cast<const char*>(data), size);
  reader.feed({reinterpret_cast<uint8_t*>(copy.data()), copy.size()}, r);
  check(reader.buffered() <= size);
  return r.events;
}

// Chunks of 1..16 bytes (lengths from the input itself); the sink pauses after every `pause` messages.
std::vector<std::string> decode_chunked(const uint8_t* data, size_t size, size_t pause) {
  Recorder r;
  r.pause_every = pause;
  ws::FrameReader reader(kFuzzMaxMessage);
  std::string copy(reinterpret_cast<const char*>(data), size);
  size_t pos = 0, k = 0;
  while (pos < size && !reader.done()) {
    size_t n = std::min<size_t>(size - pos, 1 + (data[k++ % size] & 15));
    bool go = reader.feed({reinterpret_cast<uint8_t*>(copy.data()) + pos, n}, r);
    pos += n;
    while (!go && !reader.done()) go = reader.resume(r);
  }
  return r.events;
}

void client_frame(std::string& out, uint8_t op, std::string_view payload, uint8_t key_seed) {
  out.push_back(static_cast<char>(0x80 | op));
  size_t n = payload.size();
  if (n < 126) {
    out.push_back(static_cast<char>(0x80 | n));
  } else {
    out.push_back(static_cast<char>(0x80 | 126));
    out.push_back(static_cast<char>(n >> 8));
    out.push_back(static_cast<char>(n & 0xFF));
  }
  uint8_t key[4] = {key_seed, static_cast<uint8_t>(key_seed * 7 + 1), 0x5A, static_cast<uint8_t>(~key_seed)};
  out.append(reinterpret_cast<const char*>(key), 4);
  for (size_t i = 0; i < n; ++i) out.push_back(static_cast<char>(payload[i] ^ key[i & 3]));
}

void websocket(const uint8_t* data, size_t size) {
  auto whole = decode_whole(data, size);
  check(decode_chunked(data, size, 0) == whole);
  if (size > 0) check(decode_chunked(data, size, 1 + data[0] % 3) == whole);
  // The messages handed over, framed again by a client, decode to the same messages.
  std::string again;
  std::vector<std::string> messages;
  for (const auto& e : whole) {
    if (e.rfind("T:", 0) != 0 && e.rfind("B:", 0) != 0) continue;
    messages.push_back(e);
    client_frame(again, e[0] == 'T' ? 1 : 2, std::string_view(e).substr(2),
                 static_cast<uint8_t>(messages.size()));
  }
  check(decode_whole(reinterpret_cast<const uint8_t*>(again.data()), again.size()) == messages);
  // Our own frames: a text frame of the input parses back (server frames are unmasked: check the header).
  std::string out;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ws::append_text(out, text);
  check(out.size() >= size + 2 && out.compare(out.size() - size, size, text) == 0);
  std::string closing;
  ws::append_close(closing, 1000, text);
  check(closing.size() <= 127);
  if (ws::valid_utf8(text)) check(ws::valid_utf8(std::string_view(closing).substr(4)));
}

}  // namespace

// An exception through a noexcept frame ends in std::terminate: name it before the abort.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::set_terminate([] {
    if (auto e = std::current_exception()) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& x) {
        std::fprintf(stderr, "ocpp_frame_fuzz: terminate: %s\n", x.what());
      } catch (...) {
        std::fprintf(stderr, "ocpp_frame_fuzz: terminate: unknown exception\n");
      }
    } else {
      std::fprintf(stderr, "ocpp_frame_fuzz: terminate without an exception\n");
    }
    std::abort();
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    frame(text);
    websocket(data, size);

    boost::system::error_code ec;
    json::parse_options opt;
    opt.max_depth = 32;
    json::value payload = json::parse(text, ec, {}, opt);
    if (!ec) {
      all_decoders(payload);
      answers(payload);
    }
    std::string raw(text);
    for (const char* a : kServerActions) {
      auto r = raw_call(a, raw);
      if (auto* call = std::get_if<OutboundCall>(&r)) {
        check(call->action == a);
        check(!Schemas::get().validate(a, true, call->payload).has_value());
      } else {
        check(ocpp_error_code(std::get<CallError>(r).code));
      }
    }

    if (auto ms = parse_datetime(text)) {
      std::string s = format_datetime(*ms);
      auto again = parse_datetime(s);
      check(again.has_value() && *again == *ms);
    }
    our_answers(data, size);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ocpp_frame_fuzz: exception escaped: %s\n", e.what());
    std::abort();  // the converters never throw: an exception would turn a bad frame into InternalError
  } catch (...) {
    std::abort();  // the converters never throw: an exception would turn a bad frame into InternalError
  }
  return 0;
}
