#include "integrations/payment/signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <stdexcept>

namespace zc::payment {

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac, &len))
    throw std::runtime_error("HMAC-SHA256 failed");
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[mac[i] >> 4];
    out += hex[mac[i] & 15];
  }
  return out;
}

std::string sandbox_merchant_key(std::string_view sandbox_secret, std::string_view merchant_no) {
  return hmac_sha256_hex(sandbox_secret, "merchant:" + std::string(merchant_no));
}

std::string sign_body(std::string_view merchant_key, std::string_view body) {
  return hmac_sha256_hex(merchant_key, body);
}

bool signature_matches(std::string_view merchant_key, std::string_view body, std::string_view signature_hex) {
  std::string want = sign_body(merchant_key, body);
  if (signature_hex.size() != want.size()) return false;
  std::string given(signature_hex);
  for (char& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return CRYPTO_memcmp(want.data(), given.data(), want.size()) == 0;
}

}  // namespace zc::payment
