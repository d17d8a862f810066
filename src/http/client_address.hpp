#pragma once
// The client's address behind trusted reverse proxies (docs/deployment.md). A proxy appends the address it
// received the request from to X-Forwarded-For; only hops we trust may vouch for the one before them, so
// the answer is read from the right: the first address that is not a trusted proxy. A peer that is not a
// trusted proxy is the client itself (its X-Forwarded-For, which anyone can send, is ignored).
#include <string>
#include <string_view>
#include <vector>

namespace zc::http {

// "127.0.0.1, ::1" → {"127.0.0.1", "::1"}: the trusted proxies (exact addresses, no ranges) and the hops of
// an X-Forwarded-For header.
std::vector<std::string> parse_address_list(std::string_view comma_separated);

std::string client_address(std::string_view peer, std::string_view x_forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace zc::http
