// floor.cpp with io_uring instead of epoll: the receives and sends of every ready connection go to the
// kernel in one submission, so the system-call entries are shared (the TCP work per message is not).
// `floor_uring server PORT CONNS REQ REPLY` | `floor_uring client PORT CONNS SECONDS REQ REPLY`, same
// output as floor.cpp. Needs liburing (Debian liburing-dev); run by bench/ocpp/run.sh (PHASES=floor).
#include <arpa/inet.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr uint64_t kSend = 1ull << 40;  // user_data: connection index, | kSend for a send completion
constexpr size_t kBuf = 4096;

[[noreturn]] void die(const char* what) {
  std::perror(what);
  std::exit(1);
}

sockaddr_in loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

void no_delay(int fd) {
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

struct Ring {
  io_uring ring{};
  explicit Ring(unsigned entries) {
    io_uring_params p{};
    // one thread submits and reaps: completions run at submit time, not by task work interrupts
    p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN;
    p.cq_entries = entries * 4;
    if (io_uring_queue_init_params(entries, &ring, &p) < 0) die("io_uring_queue_init");
  }
  io_uring_sqe* sqe() {
    io_uring_sqe* s = io_uring_get_sqe(&ring);
    if (!s) {
      io_uring_submit(&ring);
      s = io_uring_get_sqe(&ring);
    }
    return s;
  }
  void recv(int fd, char* buf, uint64_t id) {
    io_uring_sqe* s = sqe();
    io_uring_prep_recv(s, fd, buf, kBuf, 0);
    io_uring_sqe_set_data64(s, id);
  }
  void send(int fd, const char* buf, size_t n, uint64_t id) {
    io_uring_sqe* s = sqe();
    io_uring_prep_send(s, fd, buf, n, MSG_NOSIGNAL);
    io_uring_sqe_set_data64(s, id | kSend);
  }
};

// One loop for both sides: each connection receives `in`-byte messages and answers each with `out` bytes
// from `msg`; `counted` grows per message after the warm-up; stops at `end` (never for the server).
template <class Clock>
long long run(Ring& r, const std::vector<int>& fds, size_t in, const std::vector<char>& msg,
              typename Clock::time_point warm, typename Clock::time_point end, bool forever) {
  std::vector<char> bufs(fds.size() * kBuf);
  std::vector<size_t> have(fds.size(), 0);
  for (size_t i = 0; i < fds.size(); ++i) r.recv(fds[i], &bufs[i * kBuf], i);
  long long counted = 0;
  for (;;) {
    io_uring_submit_and_wait(&r.ring, 1);
    auto now = Clock::now();
    if (!forever && now >= end) break;
    unsigned head, seen = 0;
    io_uring_cqe* cqe;
    io_uring_for_each_cqe(&r.ring, head, cqe) {
      ++seen;
      uint64_t id = io_uring_cqe_get_data64(cqe);
      if (id & kSend) continue;  // a send finished (loopback: all of it)
      if (cqe->res <= 0) {
        if (forever) continue;  // the client went away
        die("recv");
      }
      have[id] += static_cast<size_t>(cqe->res);
      while (have[id] >= in) {
        have[id] -= in;
        if (now >= warm) ++counted;
        r.send(fds[id], msg.data(), msg.size(), id);
      }
      r.recv(fds[id], &bufs[id * kBuf], id);
    }
    io_uring_cq_advance(&r.ring, seen);
  }
  return counted;
}

int server(int port, int conns, size_t req, size_t reply) {
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a = loopback(port);
  if (bind(ls, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(ls, 4096) != 0) die("listen");
  std::vector<int> fds;
  while (static_cast<int>(fds.size()) < conns) {
    int c = accept(ls, nullptr, nullptr);
    if (c < 0) die("accept");
    no_delay(c);
    fds.push_back(c);
  }
  Ring r(4096);
  using C = std::chrono::steady_clock;
  run<C>(r, fds, req, std::vector<char>(reply, 'r'), C::now(), C::now(), true);
  return 0;
}

int client(int port, int conns, int seconds, size_t req, size_t reply) {
  sockaddr_in a = loopback(port);
  std::vector<int> fds;
  for (int i = 0; i < conns; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) die("connect");
    no_delay(fd);
    fds.push_back(fd);
  }
  std::vector<char> msg(req, 'q');
  for (int fd : fds) ::send(fd, msg.data(), msg.size(), MSG_NOSIGNAL);
  Ring r(4096);
  using C = std::chrono::steady_clock;
  auto warm = C::now() + std::chrono::seconds(2);
  long long counted = run<C>(r, fds, reply, msg, warm, warm + std::chrono::seconds(seconds), false);
  std::printf(
      "{\"io\":\"io_uring\",\"connections\":%d,\"seconds\":%d,\"requestBytes\":%zu,\"replyBytes\":%zu,"
      "\"msgPerSec\":%lld}\n",
      conns, seconds, req, reply, counted / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 6 && std::strcmp(argv[1], "server") == 0)
    return server(std::atoi(argv[2]), std::atoi(argv[3]), std::strtoul(argv[4], nullptr, 10),
                  std::strtoul(argv[5], nullptr, 10));
  if (argc == 7 && std::strcmp(argv[1], "client") == 0)
    return client(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
                  std::strtoul(argv[5], nullptr, 10), std::strtoul(argv[6], nullptr, 10));
  std::fprintf(
      stderr,
      "usage: floor_uring server PORT CONNS REQ REPLY | floor_uring client PORT CONNS SECONDS REQ REPLY\n");
  return 2;
}
