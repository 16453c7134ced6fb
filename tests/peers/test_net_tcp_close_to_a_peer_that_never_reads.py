"""net.md §4.4, runtime.md §2.7: close() after queueing more than a peer
takes keeps flushing (it does not cut the data off at once), and a --timeout
shutdown still ends the run promptly, resetting that connection."""
import time

from tcp_peer_util import Host, connect_slow_reader, drain

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
        s = connect_slow_reader(port)
        assert host.readline() == "CLOSED"
        t0 = time.monotonic()
        status, _, err = host.finish(30)
        took = time.monotonic() - t0
        # The stalled flush is still running when --timeout 3 expires (status
        # 124), and the shutdown's 1 s flush limit ends it soon after.
        assert status == 124, err
        assert took < 6, took
        # What was flushed is a prefix; then RST or EOF, never a hang.
        got, _ = drain(s)
        assert 0 < got < 8 * 1024 * 1024
        s.close()
    finally:
        host.kill()
