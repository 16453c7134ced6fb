"""A server that runs out of file descriptors (RLIMIT_NOFILE) keeps running:
the connections it holds still work, a connection beyond the limit never
reaches the script and is closed at once rather than left hanging (libuv
accepts and closes it, so the peer is not stuck on a full backlog), and once
connections close, new ones are accepted again (net.md §3.2; the spec names no
error for a failed accept: no event exists for it). The outgoing side,
connect() failing with EMFILE, is test_net_tcp_out_of_descriptors.py."""
import signal
import socket

from tcp_peer_util import Host, raise_fd_limit

LIMIT = 48

SERVER = """\
local srv = net.createServer()
local accepted = 0
srv:listen(0, "127.0.0.1", function(c)
  accepted = accepted + 1
  local id = accepted
  print("ACCEPT " .. id)
  c:on("receive", function(s, d) s:send(id .. ":" .. d) end)
  c:on("disconnection", function(_, code) print("GONE " .. id .. " " .. code) end)
end)
print("PORT " .. srv:getaddr())
"""


def ping(sock, word):
    sock.sendall(word)
    sock.settimeout(10)
    return sock.recv(100)


def refused(sock):
    """True when the server closed the connection (EOF or RST) within 10 s
    without answering; False when it answered."""
    sock.settimeout(10)
    try:
        sock.sendall(b"x")
        return sock.recv(100) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True


def test_server_out_of_descriptors_keeps_serving(tmp_path):
    raise_fd_limit(4 * LIMIT)
    # prlimit sets the limit and executes the runtime in the same process.
    host = Host(tmp_path, SERVER, "--profile", "host", "-q", timeout=120,
                prefix=("prlimit", "--nofile=%d:%d" % (LIMIT, LIMIT)))
    conns = []
    try:
        port = host.port()
        # Connect one at a time; each answered connection was accepted. The
        # first one that is not marks the limit.
        held = []
        for i in range(1, 2 * LIMIT):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            conns.append(s)
            if refused(s):
                break
            assert host.readline() == "ACCEPT %d" % i
            held.append((i, s))
        else:
            raise AssertionError("no connection refused under RLIMIT_NOFILE %d" % LIMIT)
        assert len(held) >= 10, "only %d connections before the limit" % len(held)

        # More connections beyond the limit: each is closed, none reaches the
        # script, and the server does not spin or die.
        for _ in range(5):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            conns.append(s)
            assert refused(s)
        assert host.proc.poll() is None

        # Every held connection still works.
        for i, s in held:
            assert ping(s, b"ping") == b"%d:ping" % i

        # Free some descriptors: the server sees each peer leave...
        freed = held[:5]
        held = held[5:]
        for _, s in freed:
            s.close()
        gone = sorted(host.readline() for _ in freed)
        assert gone == sorted("GONE %d 0" % i for i, _ in freed)

        # ...and accepts new connections again, numbered after the last.
        n = held[-1][0]
        for k in range(1, 4):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            conns.append(s)
            assert ping(s, b"again") == b"%d:again" % (n + k)
            assert host.readline() == "ACCEPT %d" % (n + k)

        host.proc.send_signal(signal.SIGINT)
        status, _, err = host.finish(30)
        assert status == 130, err
        assert "Sanitizer" not in err and "runtime error" not in err, err
    finally:
        for s in conns:
            s.close()
        host.kill()
