#include "core/crypto.hpp"

#include <sodium.h>

#include <stdexcept>

namespace zc::crypto {

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium initialisation failed");
}

std::string hash_password(std::string_view password, int64_t ops, int64_t mem_kib) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), static_cast<unsigned long long>(ops),
                            static_cast<size_t>(mem_kib) * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  std::string h(hash);  // must be NUL-terminated
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  unsigned char buf[32];
  randombytes_buf(buf, sizeof buf);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_digest(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string random_password(size_t length) {
  static const char letters[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static const char digits[] = "23456789";
  std::string p;
  for (size_t i = 0; i < length; ++i) {
    bool digit = (i % 3 == 2);
    const char* set = digit ? digits : letters;
    size_t n = digit ? sizeof digits - 1 : sizeof letters - 1;
    p.push_back(set[randombytes_uniform(static_cast<uint32_t>(n))]);
  }
  return p;
}

std::string password_problem(std::string_view pw) {
  if (pw.size() < 8 || pw.size() > 64) return "密码长度必须为8到64个字符";
  bool letter = false, digit = false;
  for (char c : pw) {
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
    if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
  }
  if (!letter || !digit) return "密码必须同时包含字母和数字";
  return "";
}

}  // namespace zc::crypto
