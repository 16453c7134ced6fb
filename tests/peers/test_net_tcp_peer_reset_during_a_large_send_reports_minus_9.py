"""net.md §4.3, §9.2, §9.3: a peer that resets while the script still has a
large response queued ends the connection with exactly one -9 event, no "sent"
fires after it, nothing crashes, and the server serves the next client in
full. Two ways of sending: one large send() queued at once (host profile), and
the device's pattern of one 1 KB piece per "sent" event (esp8266 profile)."""
import socket

import pytest

from tcp_peer_util import Host, recv_all, rst_close

TOTAL = 4 * 1024 * 1024

SERVER = """\
local TOTAL, CHUNKED = %d, %s
local srv = net.createServer()
local n = 0
srv:listen(0, "127.0.0.1", function(c)
  n = n + 1
  local id, sent, ended, left = n, 0, false, TOTAL
  local piece = string.rep("x", 1024)
  c:on("sent", function(s)
    if ended then print("SENT AFTER END " .. id) end
    sent = sent + 1
    if CHUNKED and left > 0 then left = left - #piece s:send(piece)
    elseif CHUNKED or sent == 1 then s:close() print("DONE " .. id) end
  end)
  c:on("reconnection", function(_, code)
    ended = true
    print("RECONNECTION " .. id .. " " .. code)
  end)
  c:on("disconnection", function(_, code)
    ended = true
    print("DISCONNECTION " .. id .. " " .. code)
  end)
  c:on("receive", function(s)
    if id == 2 then srv:close() end
    if CHUNKED then left = left - #piece s:send(piece)
    else s:send(string.rep("y", TOTAL)) end
  end)
end)
print("PORT " .. srv:getaddr())
"""


@pytest.mark.parametrize("profile,chunked", [("host", "false"), ("esp8266", "true")])
def test_peer_reset_during_a_large_send(tmp_path, profile, chunked):
    host = Host(tmp_path, SERVER % (TOTAL, chunked), "--profile", profile, timeout=60)
    try:
        port = host.port()
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.sendall(b"GET")
        s.settimeout(10)
        got = 0
        while got < 10000:
            data = s.recv(4096)
            assert data, "EOF after %d bytes" % got
            got += len(data)
        rst_close(s)
        assert host.readline() == "RECONNECTION 1 -9"

        # The next client gets everything, then EOF.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s2:
            s2.sendall(b"GET")
            assert len(recv_all(s2, 60)) == TOTAL
        assert host.readline() == "DONE 2"
        status, out, err = host.finish(30)
        assert status == 0, err
        # Nothing more: no "sent" after the reset, no second event.
        assert out == "", out
        assert "Sanitizer" not in err and "runtime error" not in err, err
    finally:
        host.kill()
