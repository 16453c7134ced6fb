"""net.md §4.4, runtime.md §2.7: close() after queueing more than a peer
takes keeps flushing (it does not cut the data off at once), and a --timeout
shutdown still ends the run promptly, resetting that connection."""
import time

from tcp_peer_util import drain, start_flush

def test_shutdown_during_a_flush_to_a_stalled_peer(tmp_path):
    host, s = start_flush(tmp_path, timeout=3)
    try:
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
