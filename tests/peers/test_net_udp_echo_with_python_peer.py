"""net.md §5.1-§5.3 against Python's socket library: a script listening on a
kernel-chosen port echoes each datagram, binary-safe, one receive event per
datagram, reporting the sender's port and ip; IPv4 and IPv6."""
import os
import socket
import subprocess

import pytest

BINARY = os.environ["NODEMCU_HOST"]

ECHO = """\
local u = net.createUDPSocket()
u:listen(0, "{ip}")
print((u:getaddr()))
u:on("receive", function(s, data, port, ip)
  print(#data, port, ip)
  if data == "bye" then s:close() return end
  s:send(port, ip, data)
end)
"""


@pytest.mark.parametrize("family,ip", [(socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")])
def test_script_echoes_datagrams_from_a_python_peer(tmp_path, family, ip):
    script = tmp_path / "echo.lua"
    script.write_text(ECHO.format(ip=ip))
    proc = subprocess.Popen([BINARY, "--timeout", "30", "-q", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        peer = socket.socket(family, socket.SOCK_DGRAM)
        peer.settimeout(10)
        peer.bind((ip, 0))
        my_port = peer.getsockname()[1]
        payloads = [b"hello", b"\x00\x01\xff binary \x00", b"x" * 1472]
        for p in payloads:
            peer.sendto(p, (ip, port))
            data, addr = peer.recvfrom(65536)
            assert data == p
            assert addr[1] == port
        peer.sendto(b"bye", (ip, port))
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    lines = out.splitlines()
    expected = [f"{len(p)}\t{my_port}\t{ip}" for p in payloads] + [f"3\t{my_port}\t{ip}"]
    assert lines == expected
