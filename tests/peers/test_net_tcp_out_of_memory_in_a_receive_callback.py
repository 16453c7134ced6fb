"""runtime.md §5.3, §2.4: under --strict a receive callback that allocates past
the heap budget fails with a memory error, reported as the device's panic for
an unprotected net callback with "out of memory" and no traceback (§5.3: in a
callback the report is "out of memory"); then --on-error decides: exit ends
with 1, continue keeps serving (the same peer and the next) and ends with 1,
restart boots again at once. Nothing crashes (the sanitizer build runs this
test too)."""
import socket

import pytest

from tcp_peer_util import Host

SERVER = """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:on("receive", function(s, d)
    if d == "big" then
      local t = {}
      for i = 1, 100000 do t[i] = i end
    end
    if d == "quit" then s:close() srv:close() return end
    s:send("ok " .. d)
  end)
end)
print("PORT " .. srv:getaddr())
"""

PANIC = "PANIC: unprotected error in call to Lua API (out of memory)"
E_LUA = "nodemcu-host: error: E-LUA: unprotected error in a net callback: out of memory"
E_EXIT = ("nodemcu-host: error: E-LUA: uncaught error in a net callback (the device aborts and "
          "reboots at once); exiting (--on-error exit)")
N_RESTART = "nodemcu-host: note: N-RESTART: restarting: unprotected error (--on-error restart)"


def run(tmp_path, on_error):
    return Host(tmp_path, SERVER, "--strict", "--heap", "20000", "--on-error", on_error,
                timeout=60)


def ask(sock, word):
    sock.sendall(word)
    sock.settimeout(10)
    return sock.recv(100)


def assert_clean(err):
    assert "Sanitizer" not in err and "runtime error" not in err, err


def test_exit_reports_out_of_memory_and_ends_with_1(tmp_path):
    host = run(tmp_path, "exit")
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            assert ask(s, b"small") == b"ok small"
            s.sendall(b"big")
            status, out, err = host.finish(30)
            # The shutdown closes the connection (runtime.md §2.7): no answer.
            s.settimeout(10)
            assert s.recv(100) == b""
        assert status == 1, err
        assert out == PANIC + "\n"
        lines = err.splitlines()
        assert lines.index(E_LUA) + 1 == lines.index(E_EXIT), err
        assert_clean(err)
    finally:
        host.kill()


def test_continue_keeps_serving_after_out_of_memory(tmp_path):
    host = run(tmp_path, "continue")
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"big")
            assert host.readline() == PANIC
            # The socket stays open (net.md §0.4) and memory is usable again.
            assert ask(s, b"again") == b"ok again"
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            assert ask(s, b"next") == b"ok next"
            s.sendall(b"quit")
            status, out, err = host.finish(30)
        assert status == 1, err
        assert out == ""
        assert E_LUA in err.splitlines() and "E-LUA: uncaught" not in err, err
        assert_clean(err)
    finally:
        host.kill()


def test_restart_boots_again_after_out_of_memory(tmp_path):
    host = run(tmp_path, "restart")
    try:
        port = host.port()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(b"big")
            assert host.readline() == PANIC
            # Restart resets the connection (runtime.md §2.5).
            s.settimeout(10)
            with pytest.raises(ConnectionResetError):
                assert s.recv(100) == b""
        port = host.port()  # the main chunk ran again
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            assert ask(s, b"next") == b"ok next"
            s.sendall(b"quit")
            status, out, err = host.finish(30)
        assert status == 1, err
        assert out == ""
        lines = err.splitlines()
        assert lines.index(E_LUA) + 1 == lines.index(N_RESTART), err
        assert_clean(err)
    finally:
        host.kill()
