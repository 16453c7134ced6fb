"""net.md §4.4, runtime.md §2.7: close() after queueing more than a peer
takes keeps flushing (it does not cut the data off at once), and a --timeout
shutdown still ends the run promptly, resetting that connection."""
import socket
import time

from tcp_peer_util import Host

SCRIPT = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:send(string.rep("n", 8 * 1024 * 1024))
  c:close()
  srv:close()
  print("CLOSED")
end)
print("PORT " .. srv:getaddr())
"""


def test_shutdown_during_a_flush_to_a_stalled_peer(tmp_path):
    host = Host(tmp_path, SCRIPT, "--profile", "host", timeout=3)
    try:
        port = host.port()
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        assert host.readline() == "CLOSED"
        t0 = time.monotonic()
        status, _, err = host.finish(30)
        took = time.monotonic() - t0
        # The stalled flush is still running when --timeout 3 expires (status
        # 124), and the shutdown's 1 s flush limit ends it soon after.
        assert status == 124, err
        assert took < 6, took
        # What was flushed is a prefix; then RST or EOF, never a hang.
        s.settimeout(10)
        got = 0
        deadline = time.monotonic() + 10
        try:
            while time.monotonic() < deadline:
                chunk = s.recv(1 << 16)
                if not chunk:
                    break
                got += len(chunk)
        except ConnectionResetError:
            pass
        assert time.monotonic() < deadline, "the connection was not reset"
        assert 0 < got < 8 * 1024 * 1024
        s.close()
    finally:
        host.kill()
