#include "modules/net/sockopt.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

namespace nmh::net {

namespace {
int set_int(int fd, int level, int name, int value) {
  return setsockopt(fd, level, name, &value, sizeof value) == 0 ? 0 : errno;
}
// The first error of several calls that are all made.
int first_error(int a, int b) {
  return a != 0 ? a : b;
}
}  // namespace

int set_keepalive(int fd, int idle_s, int interval_s, int count) {
  int rc = set_int(fd, SOL_SOCKET, SO_KEEPALIVE, 1);
  rc = first_error(rc, set_int(fd, IPPROTO_TCP, TCP_KEEPIDLE, idle_s));
  rc = first_error(rc, set_int(fd, IPPROTO_TCP, TCP_KEEPINTVL, interval_s));
  return first_error(rc, set_int(fd, IPPROTO_TCP, TCP_KEEPCNT, count));
}

int set_nodelay(int fd) {
  return set_int(fd, IPPROTO_TCP, TCP_NODELAY, 1);
}

int set_reset_on_close(int fd) {
  linger hard{1, 0};
  return setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard) == 0 ? 0 : errno;
}

int set_broadcast(int fd) {
  return set_int(fd, SOL_SOCKET, SO_BROADCAST, 1);
}

int pending_error(int fd) {
  int err = 0;
  socklen_t len = sizeof err;
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return 0;
  return err;
}

int set_ttl(int fd, int family, int ttl) {
  if (family == AF_INET6) {
    int rc = set_int(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl);
    return first_error(rc, set_int(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, ttl));
  }
  int rc = set_int(fd, IPPROTO_IP, IP_TTL, ttl);
  return first_error(rc, set_int(fd, IPPROTO_IP, IP_MULTICAST_TTL, ttl));
}

int read_ttl(int fd) {
  int value = 64;
  if (fd < 0) return value;
  socklen_t len = sizeof value;
  sockaddr_storage ss{};
  socklen_t slen = sizeof ss;
  getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &slen);
  if (ss.ss_family == AF_INET6) {
    getsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &value, &len);
  } else {
    getsockopt(fd, IPPROTO_IP, IP_TTL, &value, &len);
  }
  return value;
}

int join_group(int fd, int family, const void* group, unsigned ifindex) {
  int rc = 0;
  if (family == AF_INET) {
    ip_mreqn req{};
    std::memcpy(&req.imr_multiaddr, group, sizeof req.imr_multiaddr);
    req.imr_ifindex = static_cast<int>(ifindex);
    rc = setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &req, sizeof req);
  } else {
    ipv6_mreq req{};
    std::memcpy(&req.ipv6mr_multiaddr, group, sizeof req.ipv6mr_multiaddr);
    req.ipv6mr_interface = ifindex;
    rc = setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &req, sizeof req);
  }
  return rc == 0 ? 0 : errno;
}

}  // namespace nmh::net
