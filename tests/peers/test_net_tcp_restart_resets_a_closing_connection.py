"""runtime.md §2.5, net.md §4.4: a connection the script has closed but whose
data is still flushing to a slow peer belongs to no socket any more; a
restart still reaches it and resets it (the device vanishes without FIN),
and the next boot starts. Exercises the teardown path of orphaned links."""
import time

from tcp_peer_util import drain, start_flush

RESTART = "tmr.create():alarm(200, tmr.ALARM_SINGLE, function() node.restart() end)"


def test_restart_resets_a_connection_still_flushing(tmp_path):
    host, s = start_flush(tmp_path, timeout=20, after_close=RESTART)
    try:
        # The second boot runs the script again: a new listener, a new port.
        t0 = time.monotonic()
        assert host.port() > 0
        assert time.monotonic() - t0 < 10
        # The old connection was reset, not flushed to the end nor left open.
        got, reset = drain(s)
        assert reset, "expected RST, got EOF after %d bytes" % got
        assert got < 8 * 1024 * 1024
        s.close()
    finally:
        host.kill()
