"""runtime.md §2.2, §4.9.2, §4.9.3: reading stdin is work only under -i or
while uart.on("data") is registered, until EOF. Here stdin is a pipe the test
keeps open, so only the runtime's own rules can end the run."""
import os
import subprocess
import time

BINARY = os.environ["NODEMCU_HOST"]


def start(tmp_path, script, *options):
    path = tmp_path / "main.lua"
    path.write_text(script)
    return subprocess.Popen([BINARY, "--timeout", "30", *options, str(path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def read_until(proc, text, timeout=10):
    seen = b""
    deadline = time.monotonic() + timeout
    while text not in seen:
        assert time.monotonic() < deadline, f"waited for {text!r}, saw {seen!r}"
        chunk = os.read(proc.stdout.fileno(), 4096)
        assert chunk, f"stdout closed waiting for {text!r}, saw {seen!r}"
        seen += chunk
    return seen


def test_interactive_stays_alive_until_eof(tmp_path):
    proc = start(tmp_path, 'print("up")\n', "-i")
    try:
        read_until(proc, b"up\n> ")
        time.sleep(0.3)  # nothing else is work: only stdin keeps the run alive
        assert proc.poll() is None
        proc.stdin.write(b"print('later')\n")
        proc.stdin.flush()
        read_until(proc, b"later\n> ")
        proc.stdin.close()
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_uart_unregister_ends_the_run_with_stdin_open(tmp_path):
    script = """
uart.on("data", "\\n", function(data)
  print("got " .. data)
  uart.on("data")
end, 0)
"""
    proc = start(tmp_path, script)
    try:
        proc.stdin.write(b"first\n")
        proc.stdin.flush()
        assert proc.wait(timeout=10) == 0
        assert proc.stdout.read() == b"got first\n\n"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()


def test_no_reader_means_no_wait_on_stdin(tmp_path):
    proc = start(tmp_path, 'print("done")\n')
    try:
        assert proc.wait(timeout=10) == 0
        assert proc.stdout.read() == b"done\n"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()


def test_lines_typed_after_a_restart_reach_the_new_boot(tmp_path):
    script = 'print("boot " .. select(2, node.bootreason()))\n'
    proc = start(tmp_path, script, "-i", "-q")
    try:
        read_until(proc, b"boot 0\n> ")
        proc.stdin.write(b"node.restart()\n")
        proc.stdin.flush()
        read_until(proc, b"boot 4\n> ")
        proc.stdin.write(b"print('after')\n")
        proc.stdin.flush()
        read_until(proc, b"after\n> ")
        proc.stdin.close()
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
