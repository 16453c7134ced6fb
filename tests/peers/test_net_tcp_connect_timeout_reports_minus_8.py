"""net.md §4.1, §9.2, §13: in esp8266 a connect whose SYNs go unanswered gives
up after 6 s with -8. The unanswered SYNs come from a real listener whose
accept queue is full (backlog 0, never accepting): Linux drops further SYNs."""
import errno
import socket

from tcp_peer_util import Host

SCRIPT = """\
local sk = net.createConnection()
local t0 = tmr.now()
sk:on("connection", function() print("connected?") end)
sk:on("reconnection", function(s, code)
  print("reconnection " .. code)
  print("ELAPSED " .. (tmr.now() - t0) // 1000)
end)
sk:connect(PORT, "127.0.0.1")
"""


def full_listener():
    lsn = socket.socket()
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(0)
    port = lsn.getsockname()[1]
    fillers = []
    # Fill the accept queue (and the SYN queue's grace) with handshakes nobody accepts.
    for _ in range(4):
        f = socket.socket()
        f.setblocking(False)
        rc = f.connect_ex(("127.0.0.1", port))
        assert rc in (0, errno.EINPROGRESS)
        fillers.append(f)
    # Probe: one more blocking connect must now time out.
    probe = socket.socket()
    probe.settimeout(1.5)
    try:
        probe.connect(("127.0.0.1", port))
        full = False
    except (socket.timeout, TimeoutError):
        full = True
    finally:
        probe.close()
    assert full, "the kernel still completes handshakes on a full backlog"
    return lsn, fillers, port


def test_unanswered_connect_times_out_with_minus_8_after_6_s(tmp_path):
    lsn, fillers, port = full_listener()
    host = Host(tmp_path, SCRIPT.replace("PORT", str(port)), "--profile", "esp8266")
    try:
        status, out, err = host.finish(40)
        assert status == 0, err
        lines = out.splitlines()
        assert lines[0] == "reconnection -8", out
        elapsed = int(lines[1].split()[1])
        assert 5800 <= elapsed <= 12000, elapsed
    finally:
        host.kill()
        for f in fillers:
            f.close()
        lsn.close()
