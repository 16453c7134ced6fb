"""runtime.md §1.2, §1.3, §2.7: --timeout S ends the run after S seconds of
wall-clock time with E-TIMEOUT and status 124, whether the script waits on
a timer, spins in Lua, or blocks in tmr.delay; stdout is flushed first."""
import os
import subprocess
import time

import pytest

BINARY = os.environ["NODEMCU_HOST"]
LINE = "nodemcu-host: error: E-TIMEOUT: --timeout of 0.5 s expired\n"

CASES = {
    "waiting": 'print("before")\ntmr.create():alarm(100, tmr.ALARM_AUTO, function() end)\n',
    "main_chunk_loop": 'print("before")\nwhile true do end\n',
    "callback_loop": 'print("before")\n'
                     'tmr.create():alarm(10, tmr.ALARM_SINGLE, function() while true do end end)\n',
    "delay": 'print("before")\ntmr.delay(20000000)\n',
    "callback_delay": 'print("before")\n'
                      'tmr.create():alarm(10, tmr.ALARM_SINGLE, function() tmr.delay(20e6) end)\n',
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_timeout_ends_the_run_with_124(tmp_path, case):
    script = tmp_path / "s.lua"
    script.write_text(CASES[case])
    started = time.monotonic()
    proc = subprocess.run([BINARY, "--timeout", "0.5", str(script)], capture_output=True,
                          text=True, timeout=30)
    elapsed = time.monotonic() - started
    assert proc.returncode == 124, proc.stderr
    assert proc.stdout == "before\n"
    assert LINE in proc.stderr
    assert proc.stderr.count("E-TIMEOUT") == 1
    assert 0.45 <= elapsed < 1.9, elapsed  # before the 2 s fallback


def test_a_run_that_ends_in_time_is_not_affected(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text('tmr.create():alarm(50, tmr.ALARM_SINGLE, function() print("done") end)\n')
    proc = subprocess.run([BINARY, "--timeout", "10", str(script)], capture_output=True,
                          text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "done\n"
    assert proc.stderr == ""
