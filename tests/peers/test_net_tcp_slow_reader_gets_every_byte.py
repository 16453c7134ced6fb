"""net.md §4.3, §4.4: against a reader that takes its time, the script's
queued sends (host: 16 MB, more than the kernel buffers, read over seconds) and sent-paced
sends (esp8266) all arrive in order, one "sent" per send, and close() after
the last send still flushes everything."""
import hashlib
import socket
import time

import pytest

from tcp_peer_util import Host

SCRIPT = """\
local N, SIZE = 40, 8192
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local sent, i = 0, 0
  local function piece(k) return string.rep(string.char(97 + k % 26), SIZE) end
  c:on("sent", function(s)
    sent = sent + 1
    if PACED and i < N then i = i + 1 s:send(piece(i)) end
    if sent == N then print("SENT " .. sent) s:close() srv:close() end
  end)
  if PACED then i = 1 c:send(piece(1))
  else for k = 1, N do c:send(piece(k)) end i = N c:close() srv:close() print("CLOSED") end
end)
print("PORT " .. srv:getaddr())
"""


@pytest.mark.parametrize("profile,paced,size", [("host", False, 400000), ("esp8266", True, 2920)])
def test_slow_reader(tmp_path, profile, paced, size):
    source = SCRIPT.replace("PACED", "true" if paced else "false").replace("8192", str(size))
    host = Host(tmp_path, source, "--profile", profile)
    try:
        port = host.port()
        t0 = time.monotonic()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.settimeout(30)
            data = bytearray()
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                time.sleep(0.01)  # a slow consumer, not synchronization
        print("slow reader %s: %.2f s" % (profile, time.monotonic() - t0))
        expected = b"".join(bytes([97 + k % 26]) * size for k in range(1, 41))
        assert hashlib.sha256(data).hexdigest() == hashlib.sha256(expected).hexdigest()
        status, out, err = host.finish(30)
        assert status == 0, err
        if paced:
            assert out.splitlines() == ["SENT 40"]
        else:
            # close() right after the sends: no "sent" event afterwards (§4.3).
            assert out.splitlines() == ["CLOSED"]
    finally:
        host.kill()
