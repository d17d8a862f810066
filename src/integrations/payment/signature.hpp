#pragma once
// Notification signatures of the built-in sandbox gateway (docs/payment.md):
//   Zc-Signature: hex(HMAC-SHA256(merchant key, raw request body))
// The merchant key is per merchant and derived from the sandbox secret (payment.sandbox_secret):
//   merchant key = hex(HMAC-SHA256(sandbox secret, "merchant:" + merchant no))
// so the gateway and the platform (and a test that forges a notification) compute the same key.
#include <string>
#include <string_view>

namespace zc::payment {

std::string hmac_sha256_hex(std::string_view key, std::string_view data);
std::string sandbox_merchant_key(std::string_view sandbox_secret, std::string_view merchant_no);
std::string sign_body(std::string_view merchant_key, std::string_view body);
// Constant-time comparison of the expected and the given hex signature (case-insensitive hex).
bool signature_matches(std::string_view merchant_key, std::string_view body, std::string_view signature_hex);

}  // namespace zc::payment
