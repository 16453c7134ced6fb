"""net.md §5.4, §13: a UDP socket's datagrams leave with TTL 255 in the
esp8266 profile and with the value set by ttl() afterwards."""
import os
import socket
import subprocess

BINARY = os.environ["NODEMCU_HOST"]
IP_RECVTTL = getattr(socket, "IP_RECVTTL", 12)  # Linux value; Python does not always export it

SCRIPT = """\
local port = tonumber(_HOST.args[1])
local u = net.createUDPSocket()
u:send(port, "127.0.0.1", "default")
u:ttl(7)
u:send(port, "127.0.0.1", "seven")
u:close()
"""


def received_ttls(sock, count):
    ttls = []
    for _ in range(count):
        data, anc, _, _ = sock.recvmsg(100, socket.CMSG_SPACE(4))
        ttl = [int.from_bytes(d[:4], "little") for lvl, typ, d in anc
               if lvl == socket.IPPROTO_IP and typ == socket.IP_TTL]
        ttls.append((data, ttl[0] if ttl else None))
    return ttls


def test_ttl_255_then_the_value_set(tmp_path):
    peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    peer.settimeout(10)
    peer.bind(("127.0.0.1", 0))
    peer.setsockopt(socket.IPPROTO_IP, IP_RECVTTL, 1)
    script = tmp_path / "ttl.lua"
    script.write_text(SCRIPT)
    proc = subprocess.run([BINARY, "--timeout", "30", str(script), str(peer.getsockname()[1])],
                          capture_output=True, text=True, timeout=40)
    assert proc.returncode == 0, proc.stderr
    assert received_ttls(peer, 2) == [(b"default", 255), (b"seven", 7)]
