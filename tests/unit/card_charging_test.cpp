// Card charging's pure pieces (docs/members.md "Charging with a card"): the card number an idTag carries,
// the protocols' answer to a card check, and the 0x32 failure code of a refusal.
#include <gtest/gtest.h>

#include "devices/ykc/pile_rules.hpp"
#include "service/order/card_sessions.hpp"

using zc::member::CardRefusal;
using zc::order::card_answer;
using zc::order::card_number_of;

TEST(CardCharging, IdTagNamesACardByPhysicalOrPrintedNumber) {
  EXPECT_EQ(card_number_of("card:00000000d14b0a54"), "00000000D14B0A54");
  EXPECT_EQ(card_number_of("card:D14B0A54"), "00000000D14B0A54");  // a 4-byte UID, zero-padded
  EXPECT_EQ(card_number_of("card:XYZ"), std::nullopt);
  EXPECT_EQ(card_number_of("61000123"), "61000123");
  EXPECT_EQ(card_number_of("C2412070001"), std::nullopt);  // an order number is no card's
  EXPECT_EQ(card_number_of("vin:LSVAU2180N2183294"), std::nullopt);
}

TEST(CardCharging, AnswerCarriesTheOcppStatusBalanceAndRefusal) {
  auto ok = card_answer(CardRefusal::none, 10000);
  EXPECT_EQ(ok.status, "Accepted");
  EXPECT_EQ(ok.balance, 10000);
  EXPECT_EQ(ok.refusal, "");
  EXPECT_EQ(card_answer(CardRefusal::unknown, 0).status, "Invalid");
  EXPECT_EQ(card_answer(CardRefusal::expired, 5).status, "Expired");
  EXPECT_EQ(card_answer(CardRefusal::not_yet_valid, 5).status, "Expired");
  EXPECT_EQ(card_answer(CardRefusal::busy, 5).status, "ConcurrentTx");
  for (auto r : {CardRefusal::disabled, CardRefusal::wrong_station, CardRefusal::wrong_kind,
                 CardRefusal::insufficient})
    EXPECT_EQ(card_answer(r, 5).status, "Blocked");
  EXPECT_EQ(card_answer(CardRefusal::insufficient, 5).refusal, "insufficient");
  EXPECT_EQ(zc::order::refusal_text(CardRefusal::insufficient), "电卡余额不足");
}

TEST(CardCharging, YkcFailureCodeOfARefusal) {
  using zc::ykc::card_refusal_code;
  EXPECT_EQ(card_refusal_code("unknown"), 0x01);
  EXPECT_EQ(card_refusal_code(""), 0x01);  // refused, no card: account not found
  EXPECT_EQ(card_refusal_code("disabled"), 0x02);
  EXPECT_EQ(card_refusal_code("expired"), 0x02);
  EXPECT_EQ(card_refusal_code("not_yet_valid"), 0x02);
  EXPECT_EQ(card_refusal_code("insufficient"), 0x03);
  EXPECT_EQ(card_refusal_code("busy"), 0x04);
  EXPECT_EQ(card_refusal_code("wrong_station"), 0x06);
  EXPECT_EQ(card_refusal_code("wrong_kind"), 0x06);
}
