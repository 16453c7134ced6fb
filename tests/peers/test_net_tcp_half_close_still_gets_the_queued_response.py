"""net.md §4.9, §4.4: when the peer half-closes after its request, the
connection ends with "disconnection" 0 and the response already queued is
still sent in full, then FIN, however slowly the peer reads, as after the
script's own close(). The 1 s flush limit is for process shutdown only
(runtime.md §2.7): many HTTP/1.0 clients and `nc -N` half-close this way."""
import socket
import time

from tcp_peer_util import Host

MB = 1 << 20
TOTAL = 6 * MB

SCRIPT = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    local chunk = string.rep("r", 1048576)
    for _ = 1, 6 do s:send(chunk) end
    print("QUEUED")
  end)
  c:on("disconnection", function(_, code)
    print("disconnection " .. code)
    srv:close()
  end)
end)
print("PORT " .. srv:getaddr())
"""


def test_half_closed_peer_reading_slowly_gets_every_byte_then_eof(tmp_path):
    host = Host(tmp_path, SCRIPT, "--profile", "host", timeout=60)
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
            s.sendall(b"GET / HTTP/1.0\r\n\r\n")
            assert host.readline() == "QUEUED"
            s.shutdown(socket.SHUT_WR)
            assert host.readline() == "disconnection 0"
            # About 3 MB/s: the flush takes about 2 s, past the 1 s limit.
            got = 0
            reset = False
            s.settimeout(30)
            end = time.monotonic() + 40
            while time.monotonic() < end:
                try:
                    data = s.recv(64 * 1024)
                except ConnectionResetError:
                    reset = True
                    break
                if not data:
                    break
                got += len(data)
                time.sleep(0.02)
            assert not reset, "reset after %d of %d bytes" % (got, TOTAL)
            assert got == TOTAL
        status, _, err = host.finish(30)
        assert status == 0, err
    finally:
        host.kill()
