"""net.md §5.3, §13, §14 W9: in the esp8266 profile a received datagram over
1472 bytes is dropped with W9 (the device cannot reassemble fragments); the
host profile delivers it whole."""
import os
import socket
import subprocess

BINARY = os.environ["NODEMCU_HOST"]

RECEIVER = """\
local u = net.createUDPSocket()
u:listen(0, "127.0.0.1")
print((u:getaddr()))
u:on("receive", function(s, data)
  print(#data)
  if data == "end" then s:close() end
end)
"""


def run(tmp_path, *args):
    script = tmp_path / "rx.lua"
    script.write_text(RECEIVER)
    proc = subprocess.Popen([BINARY, "--timeout", "30", *args, str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for size in (1473, 1472, 10000, 60000):
            peer.sendto(b"d" * size, ("127.0.0.1", port))
        peer.sendto(b"end", ("127.0.0.1", port))
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    return out.split(), err


def test_esp8266_profile_drops_datagrams_over_1472_bytes(tmp_path):
    sizes, err = run(tmp_path)
    assert sizes == ["1472", "3"]
    # Located where the receive callback is defined, printed once there.
    assert err.count("warning: W-NET9:") == 1
    assert "UDP datagram of 1473 bytes exceeds the ESP8266 limit of 1472 bytes" in err
    assert "(at rx.lua:4)" in err


def test_host_profile_delivers_large_datagrams(tmp_path):
    sizes, err = run(tmp_path, "--profile", "host")
    assert sizes == ["1473", "1472", "10000", "60000", "3"]
    assert "W-NET9" not in err
