"""runtime.md §2.3, net.md §4.3: the streaming pattern `on("sent", function(s)
s:send(x) end)` must not starve the loop. A "sent" owed by a send issued
inside a "sent" callback fires on a later loop turn, as on the device where
each "sent" is its own ACK event: timers and other sockets get their turn
between rounds even when every send completes at once (a fast reader)."""
import socket
import threading

from tcp_peer_util import Host

SCRIPT = """\
local port = tonumber(_HOST.args[1])
local ticks, sents = 0, 0
local sk = net.createConnection()
local t = tmr.create()
sk:on("sent", function(s)
  sents = sents + 1
  s:send("0123456789abcdef")
end)
sk:on("connection", function(s)
  s:send("start")
  t:alarm(20, tmr.ALARM_AUTO, function()
    ticks = ticks + 1
    if ticks == 10 then
      t:unregister()
      print("ticks " .. ticks .. " sents>0 " .. tostring(sents > 0))
      s:close()
    end
  end)
end)
sk:connect(port, "127.0.0.1")
"""


def test_timer_fires_while_a_sent_callback_keeps_sending(tmp_path):
    lsn = socket.socket()
    lsn.bind(("127.0.0.1", 0))
    lsn.listen(1)
    lsn.settimeout(20)
    host = Host(tmp_path, SCRIPT.replace("_HOST.args[1]", str(lsn.getsockname()[1])),
                "--profile", "host", timeout=20)
    stop = threading.Event()
    received = [0]

    def read_fast(conn):
        # A reader that never lets the host's send buffer fill.
        conn.settimeout(1)
        while not stop.is_set():
            try:
                data = conn.recv(1 << 20)
            except socket.timeout:
                continue
            except OSError:
                return
            if not data:
                return
            received[0] += len(data)

    try:
        conn, _ = lsn.accept()
        reader = threading.Thread(target=read_fast, args=(conn,), daemon=True)
        reader.start()
        # Without a turn for timers between rounds the alarm never fires and
        # --timeout (status 124) ends the run.
        status, out, err = host.finish(40)
        stop.set()
        reader.join(10)
        conn.close()
        assert status == 0, (status, err)
        assert out == "ticks 10 sents>0 true\n", out
        assert received[0] > 5, received[0]
    finally:
        stop.set()
        host.kill()
        lsn.close()
