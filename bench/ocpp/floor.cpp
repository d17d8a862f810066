// The loopback floor of the closed-loop benchmark: what this machine's kernel carries when neither side
// does any work. `floor server PORT REQ REPLY` answers every REQ-byte message with REPLY bytes (no
// WebSocket, no JSON, no database); `floor client PORT CONNS SECONDS REQ REPLY` keeps one message in
// flight on each of CONNS connections and prints {"msgPerSec":…}. One thread, epoll, one recv and one
// send per message on each side — the same syscalls per message as zhichong and zhichong-sim, so
// neither a server nor a one-core load generator can go faster than this (bench/ocpp/README.md).
// Built and run by bench/ocpp/run.sh (PHASES=floor); plain POSIX on purpose: it measures the kernel.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

struct Conn {
  int fd = -1;
  size_t have = 0;  // bytes of the current message received
};

[[noreturn]] void die(const char* what) {
  std::perror(what);
  std::exit(1);
}

void no_delay(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int server(int port, size_t req, size_t reply) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(ls, 4096) != 0) die("listen");
  int ep = epoll_create1(0);
  epoll_event ev{EPOLLIN, {.fd = ls}};
  epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
  std::vector<size_t> have(65536, 0);
  std::vector<char> buf(64 * 1024), out(reply, 'r');
  std::vector<epoll_event> evs(1024);
  for (;;) {
    int n = epoll_wait(ep, evs.data(), static_cast<int>(evs.size()), -1);
    for (int i = 0; i < n; ++i) {
      int fd = evs[i].data.fd;
      if (fd == ls) {
        int c = accept(ls, nullptr, nullptr);
        if (c < 0) continue;
        no_delay(c);
        epoll_event ce{EPOLLIN, {.fd = c}};
        epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
        continue;
      }
      ssize_t got = recv(fd, buf.data(), buf.size(), 0);
      if (got <= 0) {
        close(fd);
        continue;
      }
      size_t& h = have[static_cast<size_t>(fd)];
      h += static_cast<size_t>(got);
      while (h >= req) {
        h -= req;
        if (send(fd, out.data(), out.size(), MSG_NOSIGNAL) < 0) break;
      }
    }
  }
}

int client(int port, int conns, int seconds, size_t req, size_t reply) {
  int ep = epoll_create1(0);
  std::vector<Conn> cs(static_cast<size_t>(conns));
  std::vector<char> msg(req, 'q'), buf(64 * 1024);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < conns; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) die("connect");
    no_delay(fd);
    cs[static_cast<size_t>(i)].fd = fd;
    epoll_event ev{EPOLLIN, {.u32 = static_cast<uint32_t>(i)}};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  }
  for (auto& c : cs) send(c.fd, msg.data(), msg.size(), MSG_NOSIGNAL);
  using clock = std::chrono::steady_clock;
  auto start = clock::now(), warm = start + std::chrono::seconds(2),
       end = warm + std::chrono::seconds(seconds);
  long long counted = 0;
  std::vector<epoll_event> evs(1024);
  for (;;) {
    auto now = clock::now();
    if (now >= end) break;
    int n = epoll_wait(ep, evs.data(), static_cast<int>(evs.size()), 100);
    for (int i = 0; i < n; ++i) {
      Conn& c = cs[evs[i].data.u32];
      ssize_t got = recv(c.fd, buf.data(), buf.size(), 0);
      if (got <= 0) die("recv");
      c.have += static_cast<size_t>(got);
      while (c.have >= reply) {
        c.have -= reply;
        if (now >= warm) ++counted;
        send(c.fd, msg.data(), msg.size(), MSG_NOSIGNAL);
      }
    }
  }
  std::printf(
      "{\"connections\":%d,\"seconds\":%d,\"requestBytes\":%zu,\"replyBytes\":%zu,\"msgPerSec\":%lld}\n",
      conns, seconds, req, reply, counted / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "server") == 0)
    return server(std::atoi(argv[2]), std::strtoul(argv[3], nullptr, 10), std::strtoul(argv[4], nullptr, 10));
  if (argc == 7 && std::strcmp(argv[1], "client") == 0)
    return client(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
                  std::strtoul(argv[5], nullptr, 10), std::strtoul(argv[6], nullptr, 10));
  std::fprintf(stderr, "usage: floor server PORT REQ REPLY | floor client PORT CONNS SECONDS REQ REPLY\n");
  return 2;
}
