"""net.md §4.9.2, §4.9.5: a request sent in many small pieces arrives whole and
in order; when the peer half-closes, every byte is delivered, then
disconnection 0, and the socket is closed (no half-close: send raises)."""
import socket

from tcp_peer_util import Host, recv_all

SCRIPT = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local req = {}
  c:on("receive", function(s, d)
    req[#req + 1] = d
    if #table.concat(req) == 3000 then s:send("got all") end
  end)
  c:on("disconnection", function(s, code)
    local body = table.concat(req)
    local ok = pcall(s.send, s, "late")
    local whole = body == string.rep("0123456789", 300)
    print("END " .. code .. " " .. #body .. " " .. tostring(whole) .. " " .. tostring(ok))
    srv:close()
  end)
end)
print("PORT " .. srv:getaddr())
"""


def test_small_pieces_then_half_close(tmp_path):
    host = Host(tmp_path, SCRIPT)
    try:
        port = host.port()
        body = ("0123456789" * 300).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for i in range(0, len(body), 7):
                s.sendall(body[i:i + 7])
            s.settimeout(20)
            assert s.recv(100) == b"got all"
            s.shutdown(socket.SHUT_WR)
            # The script closes its side too once it sees our FIN.
            assert recv_all(s, 20) == b""
        assert host.readline() == "END 0 3000 true false"
        status, _, err = host.finish(30)
        assert status == 0, err
    finally:
        host.kill()
