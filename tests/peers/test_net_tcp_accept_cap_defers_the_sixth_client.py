"""net.md §13, §14 W8: in esp8266, while exactly 5 connections are
established, the next incoming one is not accepted (W8); it is accepted as soon
as one of the five closes. In host there is no cap."""
import socket

import pytest

from tcp_peer_util import Host

SCRIPT = """\
local srv = net.createServer()
local n = 0
srv:listen(0, "127.0.0.1", function(c)
  n = n + 1
  local id = n
  print("ACCEPT " .. id)
  c:on("receive", function(s, d) s:send("hello " .. id) end)
  c:on("disconnection", function() print("GONE " .. id) if id == 6 then srv:close() end end)
end)
print("PORT " .. srv:getaddr())
"""


def ask(sock):
    sock.sendall(b"?")
    sock.settimeout(20)
    return sock.recv(100).decode()


@pytest.mark.parametrize("profile", ["esp8266", "host"])
def test_sixth_client_waits_for_a_free_slot(tmp_path, profile):
    host = Host(tmp_path, SCRIPT, "--profile", profile)
    clients = []
    try:
        port = host.port()
        for i in range(1, 6):
            c = socket.create_connection(("127.0.0.1", port), timeout=10)
            clients.append(c)
            assert host.readline() == "ACCEPT %d" % i
            assert ask(c) == "hello %d" % i
        sixth = socket.create_connection(("127.0.0.1", port), timeout=10)
        clients.append(sixth)
        sixth.sendall(b"?")
        if profile == "esp8266":
            # Not accepted: no answer while the five stay connected.
            sixth.settimeout(1.0)
            with pytest.raises((socket.timeout, TimeoutError)):
                sixth.recv(100)
            clients[0].close()
            assert host.readline() == "GONE 1"
        assert host.readline() == "ACCEPT 6"
        sixth.settimeout(20)
        assert sixth.recv(100).decode() == "hello 6"
        for c in clients:
            c.close()
        status, out, err = host.finish(30)
        assert status == 0, err
        if profile == "esp8266":
            assert ("W-NET8: incoming connection deferred: 5 TCP connections are established "
                    "(ESP8266 limit MEMP_NUM_TCP_PCB = 5); the device ignores new connection "
                    "requests until one closes (at s.lua:3)") in err
        else:
            assert "W-NET8" not in err
    finally:
        for c in clients:
            c.close()
        host.kill()
