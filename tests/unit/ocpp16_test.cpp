// OCPP 1.6J codec: frames, schema validation error codes, date-times, typed converters.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "devices/ocpp16/frame.hpp"
#include "devices/ocpp16/messages.hpp"
#include "devices/ocpp16/schema.hpp"

using namespace zc::devices;
using namespace zc::devices::ocpp16;
namespace json = boost::json;

static std::string code_of(const json::value& payload, const char* action, bool req = true) {
  auto e = Schemas::get().validate(action, req, payload);
  return e ? e->code : "ok";
}

TEST(Ocpp16Frame, ParsesTheThreeFrameTypes) {
  auto c = std::get<Frame>(parse_frame(R"([2,"1","Heartbeat",{}])"));
  EXPECT_EQ(c.type, 2);
  EXPECT_EQ(c.id, "1");
  EXPECT_EQ(c.action, "Heartbeat");
  auto r = std::get<Frame>(parse_frame(R"([3,"7",{"status":"Accepted"}])"));
  EXPECT_EQ(r.type, 3);
  auto e = std::get<Frame>(parse_frame(R"([4,"8","NotSupported","no",{}])"));
  EXPECT_EQ(e.error_code, "NotSupported");
}

TEST(Ocpp16Frame, BrokenFramesAreFormationViolations) {
  for (const char* bad : {"", "nope", "{}", "[2]", R"([2,1,"Heartbeat",{}])", R"(["2","a","Heartbeat",{}])",
                          R"([2,"a","Heartbeat"])", R"([2,"a",5,{}])", R"([9,"a","Heartbeat",{}])",
                          R"([2,"0123456789012345678901234567890123456","Heartbeat",{}])"}) {
    auto p = parse_frame(bad);
    ASSERT_TRUE(std::holds_alternative<FrameError>(p)) << bad;
    EXPECT_EQ(std::get<FrameError>(p).error.code, "FormationViolation") << bad;
  }
  EXPECT_EQ(std::get<FrameError>(parse_frame(R"([2,"abc","Heartbeat"])")).id, "abc");
  EXPECT_FALSE(std::get<FrameError>(parse_frame(R"([3,"abc"])")).reply);  // answers are never answered
}

TEST(Ocpp16Schema, ErrorCodes) {
  EXPECT_EQ(code_of(json::parse(R"({"chargePointVendor":"V","chargePointModel":"M"})"), "BootNotification"),
            "ok");
  EXPECT_EQ(code_of(json::parse(R"({"chargePointVendor":1,"chargePointModel":"M"})"), "BootNotification"),
            "TypeConstraintViolation");
  EXPECT_EQ(code_of(json::parse(R"({"chargePointModel":"M"})"), "BootNotification"),
            "OccurenceConstraintViolation");
  EXPECT_EQ(code_of(json::parse(R"({"chargePointVendor":"VVVVVVVVVVVVVVVVVVVVV","chargePointModel":"M"})"),
                    "BootNotification"),
            "PropertyConstraintViolation");
  EXPECT_EQ(code_of(json::parse(R"({"x":1})"), "Heartbeat"), "FormationViolation");
  EXPECT_EQ(code_of(json::parse(R"([])"), "Heartbeat"), "FormationViolation");
  EXPECT_EQ(
      code_of(json::parse(R"({"connectorId":1,"errorCode":"NoError","status":"Zzz"})"), "StatusNotification"),
      "PropertyConstraintViolation");
  EXPECT_EQ(code_of(json::parse(R"({"connectorId":1.0,"errorCode":"NoError","status":"Available"})"),
                    "StatusNotification"),
            "ok");  // 1.0 is an integer for JSON schema
  EXPECT_EQ(code_of(json::parse(R"({"connectorId":1.5,"errorCode":"NoError","status":"Available"})"),
                    "StatusNotification"),
            "TypeConstraintViolation");
  EXPECT_EQ(code_of(json::parse(R"({})"), "NoSuchAction"), "NotImplemented");
  EXPECT_TRUE(Schemas::get().known("RemoteStartTransaction"));
  EXPECT_FALSE(Schemas::get().known("SignCertificate"));  // security extension not embedded
}

TEST(Ocpp16Schema, DateTimes) {
  EXPECT_EQ(parse_datetime("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_datetime("2026-11-24T08:00:00.5+08:00"), 1795478400500);
  EXPECT_EQ(parse_datetime("2026-11-24T00:00:00.500Z"), 1795478400500);
  for (const char* bad :
       {"", "2026-11-24", "2026-11-24T00:00:00", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-11-24T00:00:00.Z", "2026-11-24T00:00:00Zx", "yesterday"})
    EXPECT_FALSE(parse_datetime(bad)) << bad;
  EXPECT_EQ(format_datetime(1795478400500), "2026-11-24T00:00:00.500Z");
  // before 1970 (found by the fuzzer): the fraction stays positive and the text round-trips
  EXPECT_EQ(format_datetime(-500), "1969-12-31T23:59:59.500Z");
  auto old = parse_datetime("0226-04-29T23:59:60.5-01:15");
  ASSERT_TRUE(old);
  EXPECT_EQ(format_datetime(*old), "0226-04-30T01:14:59.500Z");
  EXPECT_EQ(parse_datetime(format_datetime(*old)), old);
}

TEST(Ocpp16Messages, ConvertersAndConfirmations) {
  auto m = decode_meter_values(json::parse(
      R"({"connectorId":1,"transactionId":5,"meterValue":[{"timestamp":"2026-11-24T00:00:00Z","sampledValue":[{"value":"12.5","measurand":"Power.Active.Import","unit":"kW"}]}]})"));
  ASSERT_TRUE(std::holds_alternative<MeterValuesReq>(m));
  const auto& mv = std::get<MeterValuesReq>(m);
  EXPECT_EQ(mv.transaction_id, 5);
  EXPECT_EQ(mv.values.at(0).sampled.at(0).unit, "kW");
  auto neg = decode_status(json::parse(R"({"connectorId":-1,"errorCode":"NoError","status":"Available"})"));
  EXPECT_EQ(std::get<CallError>(neg).code, "PropertyConstraintViolation");
  // our answers satisfy the official .conf schemas
  EXPECT_EQ(code_of(boot_conf("Accepted", 0, 60), "BootNotification", false), "ok");
  EXPECT_EQ(code_of(start_conf(3, IdTagInfo{"Accepted", 1000, {}}), "StartTransaction", false), "ok");
  EXPECT_EQ(code_of(stop_conf(std::nullopt), "StopTransaction", false), "ok");
  EXPECT_EQ(
      code_of(to_call(ChangeConfigurationReq{"k", std::string(501, 'x')}).payload, "ChangeConfiguration"),
      "PropertyConstraintViolation");
  EXPECT_TRUE(interpret_conf("Reset", json::parse(R"({"status":"Accepted"})")).accepted);
  EXPECT_FALSE(interpret_conf("Reset", json::parse(R"({"status":"Rejected"})")).accepted);
  EXPECT_FALSE(interpret_conf("Reset", json::parse(R"({"status":"Maybe"})")).accepted);
  EXPECT_TRUE(interpret_conf("UnlockConnector", json::parse(R"({"status":"Unlocked"})")).accepted);
  EXPECT_TRUE(std::holds_alternative<CallError>(raw_call("ReserveNow", R"({"connectorId":1})")));
}
