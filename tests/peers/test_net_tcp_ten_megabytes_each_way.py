"""net.md §4.3, §4.10: 10 MB from the script to Python and 10 MB from Python
through the script (echo) arrive intact (SHA-256) in both profiles. Prints the
times for the record."""
import hashlib
import os
import socket
import threading
import time

import pytest

from tcp_peer_util import Host, recv_all

SIZE = 10 * 1024 * 1024

# Sends SIZE bytes made of numbered 1 KiB blocks, each send from "sent" (works
# in esp8266 too: 2 KiB per send), then closes.
DOWNLOAD = """\
local SIZE, STEP = %d, 2048
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local off = 0
  local function more(s)
    if off >= SIZE then s:close() srv:close() return end
    local parts = {}
    for b = off // 1024, (off + STEP) // 1024 - 1 do
      parts[#parts + 1] = string.format("%%08d", b) .. string.rep(string.char(65 + b %% 26), 1016)
    end
    off = off + STEP
    s:send(table.concat(parts))
  end
  c:on("sent", more)
  more(c)
end)
print("PORT " .. srv:getaddr())
""" % SIZE


def expected_download():
    h = hashlib.sha256()
    for b in range(SIZE // 1024):
        h.update(b"%08d" % b + bytes([65 + b % 26]) * 1016)
    return h.hexdigest()


@pytest.mark.parametrize("profile", ["host", "esp8266"])
def test_ten_megabytes_from_the_script(tmp_path, profile):
    host = Host(tmp_path, DOWNLOAD, "--profile", profile)
    try:
        port = host.port()
        t0 = time.monotonic()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            data = recv_all(s, 90)
        took = time.monotonic() - t0
        print("download %s: %.2f s" % (profile, took))
        assert len(data) == SIZE
        assert hashlib.sha256(data).hexdigest() == expected_download()
        status, _, err = host.finish(30)
        assert status == 0, err
    finally:
        host.kill()


# Echoes every chunk back. In esp8266 one send at a time, the rest of the
# read queued while held (net.md §4.5), so neither W1 nor W2 applies.
ECHO = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  local queue, busy = {}, false
  c:on("receive", function(s, d)
    if not ONE_AT_A_TIME then s:send(d) return end
    queue[#queue + 1] = d
    s:hold()
    if not busy then busy = true s:send(table.remove(queue, 1)) end
  end)
  c:on("sent", function(s)
    if not ONE_AT_A_TIME then return end
    if #queue > 0 then s:send(table.remove(queue, 1)) else busy = false s:unhold() end
  end)
  c:on("disconnection", function() srv:close() end)
end)
print("PORT " .. srv:getaddr())
"""


@pytest.mark.parametrize("profile", ["host", "esp8266"])
def test_ten_megabytes_through_the_script(tmp_path, profile):
    source = ECHO.replace("ONE_AT_A_TIME", "true" if profile == "esp8266" else "false")
    host = Host(tmp_path, source, "--profile", profile)
    try:
        port = host.port()
        payload = os.urandom(SIZE)
        result = {}

        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            def reader():
                got = hashlib.sha256()
                n = 0
                s.settimeout(90)
                while n < SIZE:
                    chunk = s.recv(1 << 20)
                    if not chunk:
                        break
                    got.update(chunk)
                    n += len(chunk)
                result["n"], result["sha"] = n, got.hexdigest()

            t = threading.Thread(target=reader)
            t0 = time.monotonic()
            t.start()
            s.sendall(payload)
            t.join(120)
            took = time.monotonic() - t0
        assert not t.is_alive()
        print("echo %s: %.2f s" % (profile, took))
        assert result["n"] == SIZE
        assert result["sha"] == hashlib.sha256(payload).hexdigest()
        status, out, err = host.finish(30)
        assert status == 0, err
        assert "W-NET1" not in err and "W-NET2" not in err
    finally:
        host.kill()
