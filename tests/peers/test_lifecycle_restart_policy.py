"""runtime.md §2.4.1, §2.4.2, §2.8: under --on-error restart the device
restarts 2 s after an uncaught error, events keep running meanwhile, and
the run ends with status 1; a soft-watchdog expiry restarts too and is
counted by --max-restarts."""
import os
import subprocess
import time

BINARY = os.environ["NODEMCU_HOST"]


def test_restart_comes_2_s_after_the_error_and_events_keep_running(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("""\
local _, reason = node.bootreason()
print("boot", reason)
if reason == 0 then
  tmr.create():alarm(200, tmr.ALARM_AUTO, function() print("tick") end)
  tmr.create():alarm(10, tmr.ALARM_SINGLE, function() error("boom", 0) end)
else
  _HOST.exit(0)
end
""")
    proc = subprocess.Popen([BINARY, "--timeout", "20", "--on-error", "restart", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stamps = []
    for line in proc.stdout:
        stamps.append((time.monotonic(), line.rstrip("\n")))
    _, err = proc.communicate(timeout=20)
    # _HOST.exit(0) after an uncaught error in the run: status 1 (§1.3).
    assert proc.returncode == 1, err
    lines = [text for _, text in stamps]
    assert lines[0] == "boot\t0"
    # The device's report: the message and its traceback (§2.4.1).
    assert lines[1:5] == ["boom", "stack traceback:", "\t[C]: in function 'error'",
                          "\ts.lua:5: in function <s.lua:5>"]
    assert lines[-1] == "boot\t4"
    ticks = lines[5:-1]
    assert ticks and set(ticks) == {"tick"}, lines
    assert len(ticks) >= 5  # events kept running for the 2 s
    waited = stamps[-1][0] - stamps[1][0]
    assert 1.8 <= waited < 6, waited
    assert "nodemcu-host: note: N-RESTART: restarting: uncaught error" in err


def test_watchdog_expiry_restarts_and_counts(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("""\
print("boot", (select(2, node.bootreason())))
tmr.softwd(1)
tmr.create():alarm(100, tmr.ALARM_AUTO, function() end)
""")
    proc = subprocess.run([BINARY, "--timeout", "30", "--on-error", "restart", "--max-restarts",
                           "1", str(script)], capture_output=True, text=True, timeout=40)
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout == "boot\t0\nboot\t4\n"
    assert proc.stderr.count("E-WATCHDOG") == 2
    assert "E-RESTARTS: 2 restarts caused by errors (--max-restarts 1)" in proc.stderr
