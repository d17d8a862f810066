#pragma once
// The one rule for every public link the platform hands out — gun/pile/socket/device QR codes and their
// exports, the private-pile application form, the YKC QR prefix (qrSync) and the payment notify URL:
//   app.public_url when it is set, else a base derived from where the server listens:
//   http://<http.host>:<the port actually bound> (also when http.port is 0 = any free port); a wildcard
//   host (0.0.0.0, ::, empty) gives the loopback address.
// serve() resolves it once the HTTP port is bound, before any request is served, and stores it in
// cfg.app.public_url; public_base() reads it from there. It warns at start when the links would point at a
// loopback address while the server listens on other interfaces (phones and piles could not open them).
#include <cstdint>
#include <string>

#include "core/config.hpp"

namespace zc::station {

// `configured` (app.public_url) without trailing '/', or http://<host>:<port> from the listen address.
std::string resolve_public_url(const std::string& configured, const std::string& listen_host, uint16_t port);

// The host part of an http(s) URL ("http://[::1]:80/x" → "::1"); "" when it has none.
std::string url_host(const std::string& url);
bool is_loopback_host(const std::string& host);  // localhost, 127.0.0.0/8, ::1
bool is_wildcard_host(const std::string& host);  // "", 0.0.0.0, ::

// The start-up warning when links to `base` point at a loopback address while the server listens on
// `listen_host`, an address other machines can reach (a wildcard or a non-loopback address); "" otherwise.
std::string public_url_warning(const std::string& base, const std::string& listen_host);

// The public base URL (the resolved app.public_url) without a trailing slash, and `{base}{path}`.
std::string public_base(const Config& cfg);
std::string public_link(const Config& cfg, const std::string& path);

}  // namespace zc::station
