"""runtime.md §1.4: console output not yet flushed (stdout is a pipe, so
it is flushed per loop iteration) still reaches stdout when the process dies
of a fault or an abort: what a script printed before a crash is not lost."""
import os
import signal
import subprocess
import time

import pytest

BINARY = os.environ["NODEMCU_HOST"]

SCRIPT = """\
print("printed before the crash")
file.putcontents("ready", "1")
-- Never back to the loop, so nothing flushes the line but the crash path.
local n = 0
while true do n = n + 1 end
"""


@pytest.mark.parametrize("signo", [signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS])
def test_fatal_signal_writes_the_buffered_console(tmp_path, signo):
    (tmp_path / "spin.lua").write_text(SCRIPT)
    proc = subprocess.Popen([BINARY, "--timeout", "60", str(tmp_path / "spin.lua")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "ready").exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the script never got to its loop"
            time.sleep(0.01)
        proc.send_signal(signo)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert out == b"printed before the crash\n", (out, err)
    # The signal still ends the process as it would have; a sanitizer build
    # reports SIGSEGV and SIGBUS itself, then exits (1) or aborts.
    if b"Sanitizer" in err:
        assert proc.returncode in (-signo, 1, -signal.SIGABRT), (proc.returncode, err)
    else:
        assert proc.returncode == -signo, (proc.returncode, err)
