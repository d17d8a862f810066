// Sandbox notification signatures: HMAC-SHA256 (RFC 4231 vector), per-merchant keys, verification.
#include <gtest/gtest.h>

#include "integrations/payment/signature.hpp"

using namespace zc::payment;

TEST(PaymentSignature, HmacSha256MatchesRfc4231) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(PaymentSignature, MerchantKeysDifferPerMerchantAndSecret) {
  EXPECT_EQ(sandbox_merchant_key("s", "1900001"), hmac_sha256_hex("s", "merchant:1900001"));
  EXPECT_NE(sandbox_merchant_key("s", "1900001"), sandbox_merchant_key("s", "1900002"));
  EXPECT_NE(sandbox_merchant_key("s", "1900001"), sandbox_merchant_key("t", "1900001"));
}

TEST(PaymentSignature, VerifiesTheExactBodyOnly) {
  std::string key = sandbox_merchant_key("secret", "m1");
  std::string body = R"({"event":"payment.succeeded","amount":5000})";
  std::string sig = sign_body(key, body);
  EXPECT_TRUE(signature_matches(key, body, sig));
  std::string upper = sig;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(signature_matches(key, body, upper));
  EXPECT_FALSE(signature_matches(key, R"({"event":"payment.succeeded","amount":5001})", sig));
  EXPECT_FALSE(signature_matches(sandbox_merchant_key("secret", "m2"), body, sig));
  EXPECT_FALSE(signature_matches(key, body, ""));
  EXPECT_FALSE(signature_matches(key, body, sig.substr(0, 63)));
}
