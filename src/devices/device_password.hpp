#pragma once
// Per-device connection passwords (OCPP security profile 1: HTTP Basic at the upgrade). Stored as
// salt + SHA-256(salt || password) in device_secret: the passwords are 16–40 random characters, so a
// fast digest is enough and a reconnect storm of thousands of chargers stays cheap.
#include <string>
#include <utility>

namespace zc::devices {

std::pair<std::string, std::string> hash_device_password(const std::string& password);  // salt, hash
bool check_device_password(const std::string& salt, const std::string& hash, const std::string& password);

}  // namespace zc::devices
