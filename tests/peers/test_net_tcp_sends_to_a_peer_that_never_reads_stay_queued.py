"""net.md §4.3, §4.4, §13, §14 W1: a script that keeps sending to a peer that
never reads, without waiting for "sent", never gets an error for capacity:
every send is queued (the esp8266 profile warns W1 once, as the device would
raise "out of memory" there), "sent" fires only for what the kernel took, so
far fewer than were sent. Its close() then flushes patiently; a peer that
still reads nothing is reset once the flush has made no progress for 20 s,
and the run ends by itself with status 0, with no "sent" after close()."""
import socket
import time

import pytest

from tcp_peer_util import Host, drain

SENDS, PIECE = 5000, 2920

SERVER = """\
local SENDS, PIECE = %d, %d
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  srv:close()
  local piece = string.rep("z", PIECE)
  local issued, sent, closed = 0, 0, false
  c:on("sent", function()
    if closed then print("SENT AFTER CLOSE") end
    sent = sent + 1
  end)
  local t = tmr.create()
  t:alarm(1, tmr.ALARM_AUTO, function(timer)
    for _ = 1, 50 do
      local ok, err = pcall(c.send, c, piece)
      if not ok then print("SEND RAISED " .. err) timer:unregister() return end
      issued = issued + 1
      if issued == SENDS then
        timer:unregister()
        -- Give the kernel's buffers time to fill, then report and close.
        tmr.create():alarm(300, tmr.ALARM_SINGLE, function()
          print("ISSUED " .. issued .. " SENT " .. sent)
          closed = true
          c:close()
        end)
        return
      end
    end
  end)
end)
print("PORT " .. srv:getaddr())
"""


@pytest.mark.parametrize("profile", ["host", "esp8266"])
def test_sends_to_a_peer_that_never_reads_stay_queued(tmp_path, profile):
    host = Host(tmp_path, SERVER % (SENDS, PIECE), "--profile", profile, timeout=90)
    try:
        port = host.port()
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        line = host.readline(60)
        assert line.startswith("ISSUED %d SENT " % SENDS), line
        sent = int(line.split()[-1])
        # The kernel took a few MB at most (its send buffer grows to 4 MB on
        # Linux, net.ipv4.tcp_wmem) of the 14.6 MB queued.
        assert 0 < sent * PIECE < 6 * 1024 * 1024, line
        closed_at = time.monotonic()
        status, out, err = host.finish(60)
        took = time.monotonic() - closed_at
        assert status == 0, err
        assert out == "", out
        # The 20 s stall limit ended the flush, not the --timeout.
        assert 19 < took < 40, took
        got, was_reset = drain(s)
        assert was_reset and got < SENDS * PIECE, (got, was_reset)
        s.close()
        # One W1 line (printed once per location) in esp8266, none in host.
        assert err.count("W-NET1:") == (1 if profile == "esp8266" else 0), err
        assert "Sanitizer" not in err and "runtime error" not in err, err
    finally:
        host.kill()
