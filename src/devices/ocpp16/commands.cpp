#include "devices/ocpp16/commands.hpp"

#include "devices/ocpp16/schema.hpp"

namespace zc::devices::ocpp16 {

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};

using Out = std::variant<OutboundCall, CommandReply>;

Out invalid(std::string detail) {
  return CommandReply::rejected(RejectReason::invalid_argument, std::move(detail));
}
Out unsupported(const DeviceCommand& c) {
  return CommandReply::rejected(RejectReason::unsupported_by_protocol,
                                "OCPP 1.6 has no message for " + command_name(c));
}
// The platform's own settings travel as vendor configuration keys (docs/ocpp.md "Configuration keys").
Out vendor_key(const char* key, std::string value, const char* what) {
  if (value.empty()) return invalid(std::string(what) + " missing");
  return to_call(ChangeConfigurationReq{key, std::move(value)});
}

}  // namespace

Out to_call(const DeviceCommand& cmd) {
  return std::visit(
      overloaded{
          [](const RemoteStart& c) -> Out {
            RemoteStartTransactionReq r;
            r.id_tag = c.id_tag;
            if (r.id_tag.empty()) return invalid("idTag missing");
            if (c.connector) r.connector_id = c.connector;
            return to_call(r);
          },
          [](const RemoteStop& c) -> Out {
            if (!c.transaction_id) return invalid("transactionId required");
            return to_call(RemoteStopTransactionReq{*c.transaction_id});
          },
          [](const Reboot& c) -> Out { return to_call(ResetReq{c.hard ? "Hard" : "Soft"}); },
          [](const ClockSync&) -> Out {
            return to_call(TriggerMessageReq{"Heartbeat", {}});
          },
          [](const Refresh&) -> Out {
            return to_call(TriggerMessageReq{"StatusNotification", {}});
          },
          [](const TariffSync& c) -> Out {
            return vendor_key("ZhichongTariffModel", std::to_string(c.model_no), "modelNo");
          },
          [](const QrSync& c) -> Out {
            std::string urls;
            for (const auto& [connector, url] : c.urls)
              urls += (urls.empty() ? "" : " ") + std::to_string(connector) + "=" + url;
            return vendor_key("ZhichongQrUrls", urls, "qrUrls");
          },
          [](const HotlineSync& c) -> Out { return vendor_key("ZhichongHotline", c.hotline, "hotline"); },
          [](const UnlockConnector& c) -> Out {
            if (!c.connector) return invalid("connectorId must be a positive integer");
            return to_call(UnlockConnectorReq{c.connector});
          },
          [](const ChangeAvailability& c) -> Out {
            return to_call(ChangeAvailabilityReq{c.connector, c.operative ? "Operative" : "Inoperative"});
          },
          [](const GetConfiguration& c) -> Out { return to_call(GetConfigurationReq{c.keys}); },
          [](const ChangeConfiguration& c) -> Out {
            if (c.key.empty()) return invalid("key missing");
            return to_call(ChangeConfigurationReq{c.key, c.value});
          },
          [](const ClearCache&) -> Out { return to_call(ClearCacheReq{}); },
          [](const ProtocolCall& c) -> Out {
            auto r = raw_call(c.action, c.payload);
            if (auto* e = std::get_if<CallError>(&r)) return invalid(e->code + ": " + e->description);
            return std::get<OutboundCall>(std::move(r));
          },
          // ground locks and camera commands: no OCPP 1.6 message
          [&cmd](const auto&) -> Out { return unsupported(cmd); },
      },
      cmd);
}

CommandReply reply_of(const std::string& action, const json::value& payload) {
  auto c = interpret_conf(action, payload);
  if (c.accepted) return CommandReply::accepted(c.detail);
  const std::string& s = c.detail;
  RejectReason why = s == "NotSupported" || s == "NotImplemented" ? RejectReason::unsupported_by_device
                     : s == "Occupied" || s == "Unavailable"      ? RejectReason::busy
                     : s == "UnlockFailed" || s == "Failed" || s == "Faulted" ? RejectReason::failed
                                                                              : RejectReason::refused;
  return CommandReply::rejected(why, s);
}

CommandReply reply_of_error(const std::string& code, const std::string& description) {
  RejectReason why = code == "NotImplemented" || code == "NotSupported" ? RejectReason::unsupported_by_device
                                                                        : RejectReason::failed;
  return CommandReply::rejected(why, "CALLERROR " + code + ": " + description);
}

}  // namespace zc::devices::ocpp16
