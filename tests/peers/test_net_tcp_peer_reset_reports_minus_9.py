"""net.md §9.2, §9.3: a peer that resets the connection (SO_LINGER 0) ends it
with -9, for an accepted socket and for an outgoing one, after the data that
arrived first."""
import socket

from tcp_peer_util import Host, rst_close

SERVER = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local got = 0
  c:on("receive", function(s, d)
    got = got + #d
    if got >= 1000 then s:send("ack") end
  end)
  c:on("reconnection", function(_, code)
    print("reconnection " .. code .. " after " .. got)
    srv:close()
  end)
  c:on("disconnection", function(_, code) print("disconnection " .. code) end)
end)
print("PORT " .. srv:getaddr())
"""


def test_accepted_socket_reset_by_peer_mid_transfer(tmp_path):
    host = Host(tmp_path, SERVER, "--profile", "host")
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"x" * 1000)
            # The server acknowledges the 1000 bytes; then the reset, which
            # could otherwise overtake them in the kernel.
            assert s.recv(3) == b"ack"
            rst_close(s)
        status, out, err = host.finish(30)
        assert status == 0, err
        assert out == "reconnection -9 after 1000\n", out
    finally:
        host.kill()


CLIENT = """\
local port = tonumber(_HOST.args[1])
local sk = net.createConnection()
local got = 0
sk:on("receive", function(s, d)
  got = got + #d
  if got == 500 then s:send("ack") end
end)
sk:on("disconnection", function(_, code) print("disconnection " .. code .. " after " .. got) end)
sk:connect(port, "127.0.0.1")
"""


def test_outgoing_socket_reset_by_peer_without_reconnection_callback(tmp_path):
    lsn = socket.socket()
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    lsn.settimeout(20)
    host = Host(tmp_path, CLIENT.replace("_HOST.args[1]", str(lsn.getsockname()[1])))
    try:
        conn, _ = lsn.accept()
        conn.sendall(b"y" * 500)
        # The client acknowledges the 500 bytes; then the reset.
        conn.settimeout(20)
        assert conn.recv(16) == b"ack"
        rst_close(conn)
        status, out, err = host.finish(30)
        assert status == 0, err
        assert out == "disconnection -9 after 500\n"
    finally:
        host.kill()
        lsn.close()
