"""net.md §12.3, runtime.md §1.2: --port-map DEV=0 makes a UDP listen on the
device port bind a kernel-chosen host port, announced by N-PORT; getaddr
reports the device port and datagrams sent to the host port arrive."""
import os
import re
import socket
import subprocess

BINARY = os.environ["NODEMCU_HOST"]

SCRIPT = """\
local u = net.createUDPSocket()
u:listen(53)
print(u:getaddr())
u:on("receive", function(s, data, port, ip)
  s:send(port, ip, "answer:" .. data)
  s:close()
end)
"""


def test_udp_listen_on_a_mapped_port(tmp_path):
    script = tmp_path / "dns.lua"
    script.write_text(SCRIPT)
    proc = subprocess.Popen([BINARY, "--timeout", "30", "--port-map", "53=0", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "53\t0.0.0.0\n"
        note = proc.stderr.readline()
        m = re.search(r"N-PORT: port 53 is served on host port (\d+)", note)
        assert m, note
        host_port = int(m.group(1))
        assert host_port != 53
        peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        peer.settimeout(10)
        peer.sendto(b"q", ("127.0.0.1", host_port))
        data, _ = peer.recvfrom(100)
        assert data == b"answer:q"
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
