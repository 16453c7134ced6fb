"""runtime.md §2.7: a graceful shutdown gives data still queued for a peer
that does not read its 1 s to leave, then resets the connection. The host
sleeps in its event loop through that second: it must not spin a core
waiting for the flush timer (design.md: one loop, event driven)."""
import os
import signal
import socket
import time

import pytest

from tcp_peer_util import Host

SCRIPT = """\
local c = net.createConnection(net.TCP, 0)
c:on("connection", function(sck)
  -- More than the kernel's send buffer takes: the rest stays queued.
  sck:send(string.rep("x", 8 * 1024 * 1024))
  print("SENT")
end)
-- The peer's first byte asks for the shutdown: it measures the CPU time
-- spent so far first.
c:on("receive", function() %s end)
c:connect(%d, "127.0.0.1")
"""

# The flush limit (runtime.md §2.7). A teardown that waits in the loop uses
# about 20 ms of CPU over it; one that polls the loop spins through the whole
# second, which still came to 0.3-0.45 s of CPU with ten runnable processes
# sharing two cores.
FLUSH_S = 1.0
CPU_LIMIT_S = 0.1


def cpu_seconds(pid):
    """User + system CPU time of a live process so far (/proc/PID/stat)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # utime and stime are fields 14 and 15 of proc(5); fields[0] is field 3.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def silent_peer():
    """A listener whose accepted connection never reads, with a small
    receive window so the sender's data backs up."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(20)
    return srv


@pytest.mark.parametrize("how,status", [("exit", 0), ("sigterm", 143)])
def test_shutdown_flush_to_a_peer_that_never_reads_waits_without_spinning(tmp_path, how, status):
    srv = silent_peer()
    end = "_HOST.exit(0)" if how == "exit" else ""
    host = Host(tmp_path, SCRIPT % (end, srv.getsockname()[1]), "--profile", "host", timeout=60)
    conn = None
    try:
        conn, _ = srv.accept()
        assert host.readline() == "SENT"
        before = cpu_seconds(host.proc.pid)
        t0 = time.monotonic()
        if how == "sigterm":
            host.proc.send_signal(signal.SIGTERM)
        else:
            conn.sendall(b"q")
        _, code, usage = os.wait4(host.proc.pid, 0)
        took = time.monotonic() - t0
        host.proc.returncode = os.waitstatus_to_exitcode(code)
        assert host.proc.returncode == status, host.proc.stderr.read().decode()
        # The data was still queued: the shutdown waited for the flush limit,
        # and not much longer.
        assert FLUSH_S * 0.8 < took < FLUSH_S + 4, took
        spent = usage.ru_utime + usage.ru_stime - before
        assert spent < CPU_LIMIT_S, "teardown used %.2f s CPU over %.2f s" % (spent, took)
    finally:
        host.kill()
        if conn is not None:
            conn.close()
        srv.close()
