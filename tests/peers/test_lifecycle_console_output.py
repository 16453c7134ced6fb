"""runtime.md §1.4: stdout is flushed before every stderr line, so a merged
log reads in program order; N-SUMMARY is the last line at exit; EPIPE on
stdout is a clean shutdown with status 0."""
import os
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def test_stdout_is_flushed_before_each_stderr_line(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("""\
print("main chunk")
tmr.create():alarm(10, tmr.ALARM_SINGLE, function()
  print("in the slow callback")
  tmr.delay(600000)
end)
tmr.create():alarm(700, tmr.ALARM_SINGLE, function() print("after") end)
""")
    proc = subprocess.run([BINARY, "--timeout", "20", str(script)], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=30)
    assert proc.returncode == 0, proc.stdout
    lines = proc.stdout.splitlines()
    assert lines[0] == "main chunk"
    assert lines[1] == "in the slow callback"
    assert lines[2].startswith("nodemcu-host: warning: W-BLOCK: ")
    assert lines[3] == "after"
    assert lines[4].startswith("nodemcu-host: note: N-SUMMARY: 1 warnings (W-BLOCK x1)")
    assert len(lines) == 5


def test_epipe_on_stdout_ends_the_run_with_status_0(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text("""\
tmr.create():alarm(1, tmr.ALARM_AUTO, function()
  for i = 1, 200 do print("line", i) end
end)
""")
    proc = subprocess.Popen([BINARY, "--timeout", "20", str(script)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout.readline() == b"line\t1\n"
    proc.stdout.close()  # the reader goes away, as `| head -1` does
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert b"E-TIMEOUT" not in err
