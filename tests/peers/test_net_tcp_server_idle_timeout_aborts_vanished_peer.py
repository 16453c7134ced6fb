"""net.md §8, §9.3: createServer(net.TCP, 1) gives an idle timeout of 1 s
(§2.2), which is TCP keepalive on accepted sockets (idle 1 s, one probe, 10 s
interval). A client that vanishes from the wire without FIN or RST is aborted
about timeout + 10 s after its last segment and reported -8 to
"reconnection"; a client that stays silent but answers the probes is never
disconnected.

nodemcu-host runs in namespace "srv"; both clients are in namespace "cli",
each behind its own veth pair (private addresses that exist only inside these
namespaces). The vanishing client's veth end is set down in "cli": the probes
reach nobody and nothing answers them, not even with RST."""
import struct
import time

from netns_util import Namespace, veth_pair
from tcp_peer_util import Host

GONE_SRV, GONE_CLI = "10.200.77.1", "10.200.77.2"
QUIET_SRV, QUIET_CLI = "10.200.77.5", "10.200.77.6"
PORT = 4000

SCRIPT = """\
local servers = {}
local function serve(ip, name)
  local srv = net.createServer(net.TCP, 1)  -- the timeout is 1 s, as on the device (net.md §2.2)
  srv:listen(%d, ip, function(c)
    c:on("receive", function(s, d)
      print(name .. " got " .. d)
      if d ~= "bye" then s:send("echo " .. d) end
    end)
    c:on("reconnection", function(_, code)
      print(name .. " reconnection " .. code)
    end)
    c:on("disconnection", function(_, code)
      print(name .. " disconnection " .. code)
      for _, other in ipairs(servers) do other:close() end
    end)
  end)
  servers[#servers + 1] = srv
end
serve("%s", "gone")
serve("%s", "quiet")
print("LISTENING")
""" % (PORT, GONE_SRV, QUIET_SRV)


def segs_in(sock):
    """tcpi_segs_in of struct tcp_info (offset 140): segments this socket received."""
    info = sock.getsockopt(6, 11, 144)  # IPPROTO_TCP, TCP_INFO
    return struct.unpack_from("=I", info, 140)[0]


def exchange(host, sock, name, data):
    sock.sendall(data)
    assert host.readline() == "%s got %s" % (name, data.decode())
    assert sock.recv(100) == b"echo " + data


def test_vanished_peer_aborted_after_timeout_plus_10_s_quiet_peer_kept(tmp_path):
    with Namespace("ka-srv") as srv, Namespace("ka-cli") as cli:
        tag = srv.name.rsplit("-", 1)[1]
        veth_pair(srv, "nmhg" + tag, GONE_SRV + "/30", cli, "nmhG" + tag, GONE_CLI + "/30")
        veth_pair(srv, "nmhq" + tag, QUIET_SRV + "/30", cli, "nmhQ" + tag, QUIET_CLI + "/30")
        host = Host(tmp_path, SCRIPT, "--profile", "host", timeout=90, prefix=srv.command())
        quiet = cli.socket()
        gone = cli.socket()
        try:
            assert host.readline() == "LISTENING"
            quiet.settimeout(10)
            quiet.connect((QUIET_SRV, PORT))
            exchange(host, quiet, "quiet", b"hello")
            quiet_last = time.monotonic()
            quiet_segs = segs_in(quiet)
            # The script sends nothing more to this peer: each segment it now
            # receives is a keepalive probe. The first comes `timeout` (1 s)
            # after the last exchange; waiting for it also puts the quiet
            # peer's silence clearly ahead of the vanishing peer's.
            for _ in range(200):
                if segs_in(quiet) > quiet_segs:
                    break
                time.sleep(0.05)
            assert segs_in(quiet) > quiet_segs, "no keepalive probe within 10 s"
            assert time.monotonic() - quiet_last >= 0.9

            gone.settimeout(10)
            gone.connect((GONE_SRV, PORT))
            exchange(host, gone, "gone", b"hello")
            # "bye" carries the ACK of the echo, so the server has nothing
            # unacknowledged (keepalive probes only an idle connection); it is
            # the last segment the server hears from this peer.
            last_segment = time.monotonic()
            gone.sendall(b"bye")
            assert host.readline() == "gone got bye"
            cli.ip("link", "set", "nmhG" + tag, "down")

            line = host.readline(deadline=60)
            elapsed = time.monotonic() - last_segment
            assert line == "gone reconnection -8"
            # One probe 1 s after the last segment, then 10 s for its answer
            # (net.md §8): never before that; the upper bound leaves room for a
            # loaded machine.
            assert 10.5 <= elapsed <= 26, elapsed

            # The quiet peer has been silent for longer than the vanished one
            # (more than timeout + 10 s) yet is still connected: the probe it
            # answered was followed by a second one 10 s later (net.md §8:
            # probes go on, but an answered probe never disconnects). Two
            # probes, not about twelve: the interval is 10 s, not libuv's 1 s.
            assert time.monotonic() - quiet_last >= 11.5
            assert 2 <= segs_in(quiet) - quiet_segs <= 3
            exchange(host, quiet, "quiet", b"still here")
            quiet.close()
            assert host.readline() == "quiet disconnection 0"
            status, out, err = host.finish(30)
            assert status == 0, err
            assert out == "", out
        finally:
            host.kill()
            quiet.close()
            gone.close()
