#pragma once
// Owned by the device layer (the protocols that take a connection over); the HTTP server
// (src/http/server.cpp) hands connections to it, so the arrow points from http to devices, inward. Protocols
// that take over an HTTP connection with `Upgrade:` (the OCPP WebSocket at /ocpp/<id>). The server hands the
// connection to the route whose prefix matches the request path; the handler runs on the connection's strand
// and owns the connection until its coroutine returns. On SIGTERM the server calls every route's on_shutdown
// (close the sessions gracefully) and waits for them like for in-flight requests (http.shutdown_grace_ms).
#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <functional>
#include <string>

namespace zc::devices {

struct UpgradeRequest {
  boost::beast::tcp_stream& stream;
  boost::beast::flat_buffer& buffer;  // bytes already read past the request
  boost::beast::http::request<boost::beast::http::string_body> request;
  std::string path;  // decoded path, e.g. "/ocpp/CP001"
  std::string remote_ip;
};

struct UpgradeRoute {
  std::string prefix;  // "/ocpp/"
  std::function<boost::asio::awaitable<void>(UpgradeRequest&)> handle;
  std::function<void()> on_shutdown;
  // Connections the route still runs after handle() returned (it may hand the connection to a
  // coroutine of its own); the server's shutdown waits for them too. Empty: none.
  std::function<size_t()> active;
};

}  // namespace zc::devices
