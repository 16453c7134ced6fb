"""net.md §6 beyond loopback: multicastJoin("any", group) joins on every
interface that is up and multicast-capable, a specific if_ip only on the
interface owning it, and multicastLeave("any") leaves them all; the same for
an IPv6 group (ff00::/8, the host's extension), joined with "any", "" or an
IPv6 address.

nodemcu-host runs in namespace "srv", linked to namespace "cli" by two veth
pairs, A and B. The peer sends each group datagram through one of them, then
a unicast "mark" to the script through the same link from the same socket,
and waits for the script's answer: a link delivers in order, so by then the
group datagram has been logged if it was delivered at all."""
import socket

from netns_util import Namespace, veth_pair
from tcp_peer_util import Host

A_SRV, A_CLI = "10.200.78.1", "10.200.78.2"
B_SRV, B_CLI = "10.200.78.5", "10.200.78.6"
A6_SRV, A6_CLI = "fd78:a::1", "fd78:a::2"
B6_SRV, B6_CLI = "fd78:b::1", "fd78:b::2"
G4, G6 = "239.255.78.1", "ff05::78"
P4, P6 = 4100, 4106

SCRIPT = """\
local u4, u6 = net.createUDPSocket(), net.createUDPSocket()
local log = {}
local function receive(s, data, port, ip)
  if data:sub(1, 4) ~= "cmd:" then
    log[#log + 1] = data   -- a group datagram
    return
  end
  local cmd = data:sub(5)
  if cmd == "join any" then
    net.multicastJoin("any", "%(g4)s")
    net.multicastJoin("any", "%(g6)s")
  elseif cmd == "leave any" then
    net.multicastLeave("any", "%(g4)s")
    net.multicastLeave("", "%(g6)s")
  elseif cmd == "join A" then
    net.multicastJoin("%(a4)s", "%(g4)s")
    net.multicastJoin("%(a6)s", "%(g6)s")
  elseif cmd == "log" then
    table.sort(log)
    print("LOG " .. table.concat(log, ","))
    log = {}
  elseif cmd == "end" then
    u4:close()
    u6:close()
    return
  end
  s:send(port, ip, "ok:" .. cmd)
end
u4:on("receive", receive)
u6:on("receive", receive)
u4:listen(%(p4)d)
u6:listen(%(p6)d, "::")
print("READY")
""" % {"g4": G4, "g6": G6, "a4": A_SRV, "a6": A6_SRV, "p4": P4, "p6": P6}


def ifindex(ns, name):
    """The index of interface name inside namespace ns."""
    return int(ns.ip("-o", "link", "show", "dev", name).split(":", 1)[0])


class Link:
    """The peer's end of one veth link: an IPv4 and an IPv6 socket whose
    group datagrams leave through it."""

    def __init__(self, cli, dev, v4_cli, v4_srv, v6_srv):
        self.v4_srv, self.v6_srv = v4_srv, v6_srv
        self.s4 = cli.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.s4.settimeout(10)
        self.s4.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(v4_cli))
        self.s6 = cli.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        self.s6.settimeout(10)
        self.s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, ifindex(cli, dev))

    def command(self, cmd):
        self.s4.sendto(b"cmd:" + cmd, (self.v4_srv, P4))
        assert self.s4.recv(100) == b"ok:" + cmd

    def groups(self, tag):
        """tag+"4" to the IPv4 group and tag+"6" to the IPv6 group, each
        followed by a mark on the same socket and link."""
        self.s4.sendto(tag.encode() + b"4", (G4, P4))
        self.s4.sendto(b"cmd:mark", (self.v4_srv, P4))
        assert self.s4.recv(100) == b"ok:mark"
        self.s6.sendto(tag.encode() + b"6", (G6, P6))
        self.s6.sendto(b"cmd:mark", (self.v6_srv, P6))
        assert self.s6.recv(100) == b"ok:mark"

    def close(self):
        self.s4.close()
        self.s6.close()


def test_any_joins_every_interface_a_specific_address_one(tmp_path):
    with Namespace("mc-srv") as srv, Namespace("mc-cli") as cli:
        for ns in (srv, cli):  # the IPv6 addresses are usable at once
            ns.sysctl("net.ipv6.conf.default.accept_dad", "0")
        tag = srv.name.rsplit("-", 1)[1]
        veth_pair(srv, "nmha" + tag, A_SRV + "/30", cli, "nmhA" + tag, A_CLI + "/30")
        veth_pair(srv, "nmhb" + tag, B_SRV + "/30", cli, "nmhB" + tag, B_CLI + "/30")
        srv.ip("addr", "add", A6_SRV + "/64", "dev", "nmha" + tag, "nodad")
        srv.ip("addr", "add", B6_SRV + "/64", "dev", "nmhb" + tag, "nodad")
        cli.ip("addr", "add", A6_CLI + "/64", "dev", "nmhA" + tag, "nodad")
        cli.ip("addr", "add", B6_CLI + "/64", "dev", "nmhB" + tag, "nodad")
        host = Host(tmp_path, SCRIPT, "--profile", "host", timeout=60, prefix=srv.command())
        a = b = None
        try:
            assert host.readline() == "READY"
            a = Link(cli, "nmhA" + tag, A_CLI, A_SRV, A6_SRV)
            b = Link(cli, "nmhB" + tag, B_CLI, B_SRV, B6_SRV)

            def delivered(command, tag_a, tag_b):
                """After command, the group datagrams that reached the script
                of those sent through A (tag_a) and through B (tag_b)."""
                if command:
                    a.command(command)
                a.groups(tag_a)
                b.groups(tag_b)
                a.command(b"log")
                return host.readline()

            assert delivered(None, "n", "n") == "LOG "  # not joined yet
            assert delivered(b"join any", "a", "b") == "LOG a4,a6,b4,b6"  # both links
            assert delivered(b"leave any", "c", "c") == "LOG "  # left on every interface
            assert delivered(b"join A", "d", "e") == "LOG d4,d6"  # A's addresses: only A
            a.s4.sendto(b"cmd:end", (A_SRV, P4))
            status, _, err = host.finish(30)
            assert status == 0, err
        finally:
            for link in (a, b):
                if link is not None:
                    link.close()
            host.kill()
