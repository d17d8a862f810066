#pragma once
// Typed device commands and replies (ARCHITECTURE: Flow, "Device outbound"). Services build one of the
// command structs; each protocol translates it to its wire form in one place (ykc/server/commands.cpp,
// ocpp16/commands.cpp) and answers with a CommandReply whose reason is a stable code (docs/api-car.md
// "Device commands"). A command a protocol cannot carry is refused by the platform without being sent:
// rejected / unsupported_by_protocol.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace zc::devices {

// Start charging on `connector` for `id_tag` (the order number); `balance_fen`: the prepaid amount the
// pile may spend (protocols that carry one).
struct RemoteStart {
  unsigned connector = 0;  // 0: the device picks (OCPP); YKC needs a gun
  std::string id_tag;
  std::optional<int64_t> balance_fen;
};
// Stop the session on `connector` or with the device's `transaction_id` (whichever the protocol uses).
struct RemoteStop {
  unsigned connector = 0;
  std::optional<int64_t> transaction_id;
};
// A card's balance changed during its session (a top-up): the pile shows and limits by the new one. YKC
// 0x42; OCPP has no message for it (refused unsupported_by_protocol, nothing to do).
struct BalanceUpdate {
  unsigned connector = 0;
  std::string card;  // the IC's physical number (16 hex digits), "" = the gun's current user
  int64_t balance_fen = 0;
};
// The offline card list of a pile allowed to charge without the platform (YKC 0x44 / 0x46 / 0x48; OCPP:
// refused unsupported_by_protocol): cards it may start offline (printed number + physical number, 16 hex),
// cards to forget, cards to ask about. At most 15 / 24 / 26 cards per command (the frames' limits).
struct OfflineCardEntry {
  std::string card_no, physical_no;
};
struct CardListSync {
  std::vector<OfflineCardEntry> cards;
};
struct CardListClear {
  std::vector<std::string> physical_nos;
};
struct CardListQuery {
  std::vector<std::string> physical_nos;
};
struct Reboot {
  bool hard = false;
};
struct ClockSync {};
struct TariffSync {
  int64_t model_no = 0;  // the billing model in force for the device's area
};
// The URL printed on each connector's QR code.
struct QrSync {
  std::vector<std::pair<unsigned, std::string>> urls;
};
struct HotlineSync {
  std::string hotline;
};
// Ask the device for its current state.
struct Refresh {};

// A ground lock: on a camera by the camera's side, on a pile by the gun it is wired to.
enum class LockSide { none, left, right };
struct LockOpen {
  LockSide side = LockSide::none;
  unsigned gun = 0;
};
struct LockClose {
  LockSide side = LockSide::none;
  unsigned gun = 0;
};
// Camera commands.
struct Capture {};
struct SyncLock {
  LockSide side = LockSide::none;
};
// The plates a camera that keeps a local list opens for by itself (Vzenith white_list_operate): the whole
// list of its station's enabled whitelisted plates, replacing what it held. Times epoch ms, 0 = unbounded.
struct WhitelistEntry {
  std::string plate;
  bool enabled = true;
  int64_t from_ms = 0, until_ms = 0;
};
struct WhitelistSync {
  std::vector<WhitelistEntry> plates;
};

// Maintenance commands (super admin's test route; docs/ocpp.md).
struct UnlockConnector {
  unsigned connector = 0;
};
struct ChangeAvailability {
  unsigned connector = 0;  // 0: the whole device
  bool operative = true;
};
struct GetConfiguration {
  std::vector<std::string> keys;
};
struct ChangeConfiguration {
  std::string key, value;
};
struct ClearCache {};
// A protocol's own message by name with its payload as JSON text (OCPP: any server-initiated action).
struct ProtocolCall {
  std::string action, payload;
};

using DeviceCommand =
    std::variant<RemoteStart, RemoteStop, Reboot, ClockSync, TariffSync, QrSync, HotlineSync, Refresh,
                 LockOpen, LockClose, Capture, SyncLock, UnlockConnector, ChangeAvailability,
                 GetConfiguration, ChangeConfiguration, ClearCache, ProtocolCall, BalanceUpdate, CardListSync,
                 CardListClear, CardListQuery, WhitelistSync>;

// The command's name in logs and in the test route: "remoteStart", "clockSync", …
std::string command_name(const DeviceCommand& c);
// The test route's form (name + string arguments, docs/ocpp.md "Commands") as a typed command; nullopt
// with `error` set when the name is unknown or an argument does not parse.
std::optional<DeviceCommand> parse_command(const std::string& name,
                                           const std::map<std::string, std::string>& args,
                                           std::string& error);

enum class CommandResult { accepted, rejected, offline, timeout };

// Why a command was rejected. The first group is the device's answer; the second the platform's decision
// (the command was not sent).
enum class RejectReason {
  none,
  refused,                  // the device said no and gave no usable reason
  not_plugged_in,           // remote start: no vehicle plugged in (a YKC pile starts by itself within 60 s)
  not_charging,             // remote stop: nothing charging there
  busy,                     // the connector is occupied / another session runs
  failed,                   // the device tried and failed (lock did not move, reboot failed, …)
  unsupported_by_device,    // the device does not implement it
  unsupported_by_protocol,  // platform: the device's protocol cannot carry this command
  invalid_argument,         // platform: the command does not fit this device (gun number, URL, …)
  no_tariff,                // platform: no tariff in force for the device's area
};

struct CommandReply {
  CommandResult result = CommandResult::offline;
  RejectReason reason = RejectReason::none;  // rejected: why
  std::string detail;  // for logs and diagnostics (serial, the device's own words); never the UI's text

  static CommandReply accepted(std::string detail = {}) {
    return {CommandResult::accepted, {}, std::move(detail)};
  }
  static CommandReply rejected(RejectReason why, std::string detail = {}) {
    return {CommandResult::rejected, why, std::move(detail)};
  }
  static CommandReply offline(std::string detail = {}) {
    return {CommandResult::offline, {}, std::move(detail)};
  }
  static CommandReply timeout(std::string detail = {}) {
    return {CommandResult::timeout, {}, std::move(detail)};
  }
};

const char* to_string(CommandResult r);
const char* to_string(RejectReason r);
// The reply's stable code for clients: "accepted", "offline", "timeout", or the rejection reason
// ("refused", "not_plugged_in", …, "unsupported_by_protocol").
const char* reason_code(const CommandReply& r);

}  // namespace zc::devices
