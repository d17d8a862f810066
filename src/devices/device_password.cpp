#include "devices/device_password.hpp"

#include <sodium.h>

#include "core/crypto.hpp"

namespace zc::devices {

std::pair<std::string, std::string> hash_device_password(const std::string& password) {
  std::string salt = crypto::random_token();
  return {salt, crypto::token_digest(salt + password)};
}

bool check_device_password(const std::string& salt, const std::string& hash, const std::string& password) {
  std::string got = crypto::token_digest(salt + password);
  return got.size() == hash.size() && sodium_memcmp(got.data(), hash.data(), got.size()) == 0;
}

}  // namespace zc::devices
