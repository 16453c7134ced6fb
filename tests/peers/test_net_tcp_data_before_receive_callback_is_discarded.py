"""net.md §4.2: bytes that arrive while a socket has no "receive" callback are
discarded, not buffered: the device frees them and reopens its window. So the
host must read them off the socket (they do not wait in the kernel) and must
not hand them to a callback registered later."""
import socket
import time

from tcp_peer_util import Host

SCRIPT = """\
local first
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  if not first then
    first = c   -- no "receive" callback yet
    return
  end
  -- A second connection is the peer's signal: from now on the first has one.
  first:on("receive", function(s, d)
    print("GOT " .. d)
    s:close()
    srv:close()
  end)
  print("ARMED")
  c:close()
end)
print("PORT " .. srv:getaddr())
"""


def queues(local_port, remote_port):
    """(tx_queue, rx_queue) of the loopback IPv4 socket local_port -> remote_port, or None."""
    want = "0100007F:%04X 0100007F:%04X" % (local_port, remote_port)
    with open("/proc/net/tcp") as f:
        for line in f.readlines()[1:]:
            fields = line.split()
            if "%s %s" % (fields[1], fields[2]) == want:
                tx, rx = fields[4].split(":")
                return int(tx, 16), int(rx, 16)
    return None


def test_bytes_without_receive_callback_are_read_and_dropped(tmp_path):
    host = Host(tmp_path, SCRIPT)
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            mine = s.getsockname()[1]
            s.sendall(b"A" * 1000)
            # Await the state, bounded: every byte acknowledged by the host's
            # kernel and its receive queue empty, i.e. the host has read them.
            deadline = time.monotonic() + 20
            while True:
                server_side, client_side = queues(port, mine), queues(mine, port)
                if server_side and client_side and server_side[1] == 0 and client_side[0] == 0:
                    break
                assert time.monotonic() < deadline, \
                    "the host left the bytes in its receive queue: %r" % (server_side,)
                time.sleep(0.01)
            with socket.create_connection(("127.0.0.1", port), timeout=10):
                assert host.readline() == "ARMED"
            s.sendall(b"B" * 10)
            assert host.readline() == "GOT " + "B" * 10
        status, _, err = host.finish(30)
        assert status == 0, err
    finally:
        host.kill()
