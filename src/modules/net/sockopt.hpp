// Socket options, one function per option and named for it (design.md: the
// model is Redis's anet.c). Each takes the OS socket and returns 0 or the
// errno of the call that failed; why an option is set stays with its caller.
#pragma once

namespace nmh::net {

// SO_KEEPALIVE, with the first probe after idle_s seconds of silence, then
// one every interval_s, and the connection reset after count unanswered.
int set_keepalive(int fd, int idle_s, int interval_s, int count);
// TCP_NODELAY: no Nagle delay on small writes.
int set_nodelay(int fd);
// SO_LINGER with a zero timeout: closing the socket sends RST, not FIN.
int set_reset_on_close(int fd);
// SO_BROADCAST: datagrams to a broadcast address are allowed.
int set_broadcast(int fd);
// The socket's pending error (SO_ERROR), which reading clears; 0 if there is
// none or it cannot be read.
int pending_error(int fd);
// The unicast and multicast TTL (IP_TTL, IP_MULTICAST_TTL) or hop limits
// (IPV6_UNICAST_HOPS, IPV6_MULTICAST_HOPS) of a socket of family.
int set_ttl(int fd, int family, int ttl);
// The unicast TTL or hop limit the socket sends with; 64 if unknown.
int read_ttl(int fd);
// Joins the multicast group (its address bytes: an in_addr for AF_INET, an
// in6_addr for AF_INET6) on interface ifindex; closing the socket leaves it.
int join_group(int fd, int family, const void* group, unsigned ifindex);

}  // namespace nmh::net
