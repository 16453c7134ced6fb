"""runtime.md §2.6: with --on-dsleep wake, node.dsleep(us) tears the boot
down, waits us microseconds and boots again with reason 2, 5; under
--on-dsleep exit the run ends at once with status 0 and note N-DSLEEP."""
import os
import subprocess
import time

BINARY = os.environ["NODEMCU_HOST"]

SCRIPT = """\
print(node.bootreason())
if node.bootreason() == 1 then node.dsleep(800000) end
"""


def run(tmp_path, *options):
    script = tmp_path / "sleep.lua"
    script.write_text(SCRIPT)
    started = time.monotonic()
    proc = subprocess.run([BINARY, "--timeout", "10", *options, str(script)],
                          capture_output=True, text=True, timeout=30)
    return proc, time.monotonic() - started


def test_wake_reboots_after_the_delay(tmp_path):
    proc, elapsed = run(tmp_path, "--on-dsleep", "wake")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "1\t0\n2\t5\n"
    assert elapsed >= 0.8
    assert "N-DSLEEP" not in proc.stderr


def test_exit_ends_the_run_without_waiting(tmp_path):
    proc, elapsed = run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "1\t0\n"
    assert "nodemcu-host: note: N-DSLEEP: node.dsleep(800000)" in proc.stderr
    assert elapsed < 0.8
