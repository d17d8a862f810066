#include "devices/command.hpp"

#include <charconv>

namespace zc::devices {

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};

std::optional<int64_t> to_int(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<LockSide> side_of(const std::string& s) {
  if (s == "left") return LockSide::left;
  if (s == "right") return LockSide::right;
  if (s.empty()) return LockSide::none;
  return std::nullopt;
}

}  // namespace

std::string command_name(const DeviceCommand& c) {
  if (const auto* p = std::get_if<ProtocolCall>(&c)) return "ocpp." + p->action;
  return std::visit(overloaded{
                        [](const RemoteStart&) { return "remoteStart"; },
                        [](const RemoteStop&) { return "remoteStop"; },
                        [](const Reboot&) { return "reboot"; },
                        [](const ClockSync&) { return "clockSync"; },
                        [](const TariffSync&) { return "tariffSync"; },
                        [](const QrSync&) { return "qrSync"; },
                        [](const HotlineSync&) { return "hotlineSync"; },
                        [](const Refresh&) { return "refresh"; },
                        [](const LockOpen&) { return "lockOpen"; },
                        [](const LockClose&) { return "lockClose"; },
                        [](const Capture&) { return "capture"; },
                        [](const SyncLock&) { return "syncLock"; },
                        [](const UnlockConnector&) { return "unlock"; },
                        [](const ChangeAvailability&) { return "changeAvailability"; },
                        [](const GetConfiguration&) { return "getConfiguration"; },
                        [](const ChangeConfiguration&) { return "changeConfiguration"; },
                        [](const ClearCache&) { return "clearCache"; },
                        [](const ProtocolCall&) { return "ocpp"; },
                        [](const BalanceUpdate&) { return "balanceUpdate"; },
                        [](const CardListSync&) { return "cardListSync"; },
                        [](const CardListClear&) { return "cardListClear"; },
                        [](const CardListQuery&) { return "cardListQuery"; },
                        [](const WhitelistSync&) { return "whitelistSync"; },
                    },
                    c);
}

std::optional<DeviceCommand> parse_command(const std::string& n,
                                           const std::map<std::string, std::string>& args,
                                           std::string& error) {
  auto arg = [&](const char* k) -> std::string {
    auto it = args.find(k);
    return it == args.end() ? std::string() : it->second;
  };
  auto bad = [&](std::string m) -> std::optional<DeviceCommand> {
    error = std::move(m);
    return std::nullopt;
  };
  // a connector number ≥ `min`, or 0 when absent
  auto connector = [&](const char* k, int64_t min, unsigned& out) {
    if (arg(k).empty()) return true;
    auto v = to_int(arg(k));
    if (!v || *v < min || *v > 255) return false;
    out = static_cast<unsigned>(*v);
    return true;
  };
  if (n == "reboot") return Reboot{arg("type") == "Hard"};
  if (n == "clockSync") return ClockSync{};
  if (n == "refresh") return Refresh{};
  if (n == "clearCache") return ClearCache{};
  if (n == "capture") return Capture{};
  if (n == "hotlineSync") return HotlineSync{arg("hotline")};
  if (n == "tariffSync") {
    auto v = to_int(arg("modelNo"));
    if (!v) return bad("modelNo must be an integer");
    return TariffSync{*v};
  }
  if (n == "qrSync") {
    QrSync q;
    std::string urls = arg("qrUrls");
    for (size_t i = 0; i < urls.size();) {
      size_t j = urls.find(' ', i);
      if (j == std::string::npos) j = urls.size();
      std::string item = urls.substr(i, j - i);
      size_t eq = item.find('=');
      auto gun = eq == std::string::npos ? std::nullopt : to_int(item.substr(0, eq));
      if (!item.empty() && (!gun || *gun < 0)) return bad("qrUrls: items are <connector>=<url>");
      if (gun) q.urls.emplace_back(static_cast<unsigned>(*gun), item.substr(eq + 1));
      i = j + 1;
    }
    return q;
  }
  if (n == "remoteStart") {
    RemoteStart r;
    r.id_tag = arg("idTag");
    if (r.id_tag.empty()) return bad("idTag missing");
    if (!connector("connectorId", 1, r.connector)) return bad("connectorId must be a positive integer");
    if (!arg("balance").empty()) {
      auto b = to_int(arg("balance"));
      if (!b || *b < 0) return bad("balance must be a number of fen ≥ 0");
      r.balance_fen = *b;
    }
    return r;
  }
  if (n == "remoteStop") {
    RemoteStop r;
    if (!connector("connectorId", 1, r.connector)) return bad("connectorId must be a positive integer");
    if (!arg("transactionId").empty()) {
      r.transaction_id = to_int(arg("transactionId"));
      if (!r.transaction_id) return bad("transactionId must be an integer");
    }
    return r;
  }
  if (n == "lockOpen" || n == "lockClose" || n == "syncLock") {
    auto side = side_of(arg("side"));
    unsigned gun = 0;
    if (!side) return bad("side: left or right");
    if (!connector("gun", 1, gun)) return bad("gun must be a positive integer");
    if (n == "syncLock") return SyncLock{*side};
    if (n == "lockOpen") return LockOpen{*side, gun};
    return LockClose{*side, gun};
  }
  if (n == "unlock") {
    UnlockConnector u;
    if (arg("connectorId").empty() || !connector("connectorId", 1, u.connector))
      return bad("connectorId must be a positive integer");
    return u;
  }
  if (n == "changeAvailability") {
    ChangeAvailability a;
    if (arg("connectorId").empty() || !connector("connectorId", 0, a.connector))
      return bad("connectorId must be an integer ≥ 0");
    a.operative = arg("type") != "Inoperative";
    return a;
  }
  if (n == "getConfiguration") {
    GetConfiguration g;
    std::string keys = arg("keys");
    for (size_t i = 0; i < keys.size();) {
      size_t j = keys.find(',', i);
      if (j == std::string::npos) j = keys.size();
      if (j > i) g.keys.push_back(keys.substr(i, j - i));
      i = j + 1;
    }
    return g;
  }
  if (n == "changeConfiguration") {
    if (arg("key").empty()) return bad("key missing");
    return ChangeConfiguration{arg("key"), arg("value")};
  }
  if (n.rfind("ocpp.", 0) == 0) return ProtocolCall{n.substr(5), arg("payload")};
  return bad("unknown command: " + n);
}

const char* to_string(CommandResult r) {
  switch (r) {
    case CommandResult::accepted:
      return "accepted";
    case CommandResult::rejected:
      return "rejected";
    case CommandResult::offline:
      return "offline";
    case CommandResult::timeout:
      return "timeout";
  }
  return "offline";
}

const char* to_string(RejectReason r) {
  switch (r) {
    case RejectReason::none:
    case RejectReason::refused:
      return "refused";
    case RejectReason::not_plugged_in:
      return "not_plugged_in";
    case RejectReason::not_charging:
      return "not_charging";
    case RejectReason::busy:
      return "busy";
    case RejectReason::failed:
      return "failed";
    case RejectReason::unsupported_by_device:
      return "unsupported_by_device";
    case RejectReason::unsupported_by_protocol:
      return "unsupported_by_protocol";
    case RejectReason::invalid_argument:
      return "invalid_argument";
    case RejectReason::no_tariff:
      return "no_tariff";
  }
  return "refused";
}

const char* reason_code(const CommandReply& r) {
  return r.result == CommandResult::rejected ? to_string(r.reason) : to_string(r.result);
}

}  // namespace zc::devices
