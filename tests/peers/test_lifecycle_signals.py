"""runtime.md §1.3, §2.7: SIGHUP, SIGINT and SIGTERM end the run with
128+n after flushing stdout; a callback stuck in Lua is stopped; a second
signal exits at once."""
import os
import signal
import subprocess
import time

import pytest

BINARY = os.environ["NODEMCU_HOST"]


def start(tmp_path, source, *args):
    script = tmp_path / "s.lua"
    script.write_text(source)
    return subprocess.Popen([BINARY, "--timeout", "60", *args, str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


IDLE = """\
print("ready")
tmr.create():alarm(1000, tmr.ALARM_AUTO, function() end)
"""


@pytest.mark.parametrize("signo,status", [(signal.SIGHUP, 129), (signal.SIGINT, 130),
                                          (signal.SIGTERM, 143)])
def test_signal_ends_an_idle_run_with_128_plus_n(tmp_path, signo, status):
    proc = start(tmp_path, IDLE)
    assert proc.stdout.readline() == b"ready\n"
    proc.send_signal(signo)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == status, err
    assert out == b""


STUCK = """\
print("ready")
tmr.create():alarm(20, tmr.ALARM_SINGLE, function()
  uart.write(1, "spinning\\n")
  while true do end
end)
"""


def test_signal_stops_a_callback_stuck_in_lua(tmp_path):
    proc = start(tmp_path, STUCK)
    assert proc.stderr.readline() == b"spinning\n"
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 143
    # stdout is flushed before the exit (§2.7 step 3).
    assert out == b"ready\n"
    assert time.monotonic() - sent < 1.9  # not the 2 s fallback: the hook stopped it


# The hook on the main Lua thread cannot reach a coroutine created before the
# signal: only the 2 s fallback (status of the first signal) or a second
# signal ends this run.
STUCK_IN_COROUTINE = """\
local spin = coroutine.wrap(function()
  uart.write(1, "spinning\\n")
  while true do end
end)
tmr.create():alarm(20, tmr.ALARM_SINGLE, function() spin() end)
"""


def test_second_signal_exits_at_once(tmp_path):
    proc = start(tmp_path, STUCK_IN_COROUTINE)
    assert proc.stderr.readline() == b"spinning\n"
    proc.send_signal(signal.SIGINT)
    time.sleep(0.2)
    sent = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=20)
    assert proc.returncode == 143  # the second signal's status, not the first's (130)
    assert time.monotonic() - sent < 1.5


def test_a_stuck_coroutine_still_ends_with_the_first_signal(tmp_path):
    proc = start(tmp_path, STUCK_IN_COROUTINE)
    assert proc.stderr.readline() == b"spinning\n"
    proc.send_signal(signal.SIGHUP)
    proc.communicate(timeout=20)
    assert proc.returncode == 129
