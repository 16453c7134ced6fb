"""runtime.md §4.2.1: node.compile raises "writing to file failed" when the
bytecode cannot be written whole. The file-size limit (RLIMIT_FSIZE) makes
the write fail with EFBIG, as a full SPIFFS would."""
import os
import resource
import signal
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def limit_file_size():
    # Ignored SIGXFSZ survives exec, so the write returns EFBIG instead of killing.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))


def test_write_failure_raises(tmp_path):
    body = "".join(f"local v{i} = '{'x' * 40}{i}'\n" for i in range(150))
    (tmp_path / "big.lua").write_text(body + "return v1\n")
    (tmp_path / "test.lua").write_text("""\
local ok, err = pcall(node.compile, "big.lua")
print(ok, err)
""")
    proc = subprocess.run([BINARY, "--timeout", "10", str(tmp_path / "test.lua")],
                          capture_output=True, text=True, timeout=30,
                          preexec_fn=limit_file_size)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "false\twriting to file failed\n"
    # The check must be about the limit: without it the same compile succeeds.
    proc = subprocess.run([BINARY, "--timeout", "10", str(tmp_path / "test.lua")],
                          capture_output=True, text=True, timeout=30)
    assert proc.stdout == "true\tnil\n", proc.stderr
    assert (tmp_path / "big.lc").stat().st_size > 512
