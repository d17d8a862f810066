#pragma once
// libsodium wrappers: argon2id password hashes, random tokens, token digests.
#include <cstdint>
#include <string>
#include <string_view>

namespace zc::crypto {

void init();  // call once at start-up
std::string hash_password(std::string_view password, int64_t ops, int64_t mem_kib);
bool verify_password(std::string_view hash, std::string_view password);
std::string random_token();                        // 256 random bits, URL-safe base64
std::string token_digest(std::string_view token);  // hex SHA-256: what the database stores
std::string random_password(size_t length = 12);   // letters + digits, at least one of each
// Password rule shared by every endpoint that sets one; returns an error message or "".
std::string password_problem(std::string_view password);

}  // namespace zc::crypto
