"""runtime.md §1.2, §4.9.3: `-i` on a terminal. The first prompt comes after
boot, each typed line runs with the prompt after it, an incomplete chunk
continues with ">> ", and Ctrl-D (EOF) ends the session with status 0."""
import os
import pty
import select
import subprocess
import time

BINARY = os.environ["NODEMCU_HOST"]


class Terminal:
    def __init__(self, args, cwd):
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen([BINARY, "--timeout", "30", *args], cwd=cwd,
                                     stdin=slave, stdout=slave, stderr=subprocess.PIPE)
        os.close(slave)
        self.seen = b""

    def expect(self, text, timeout=10):
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"waited for {text!r}, saw {self.seen!r}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:
                    chunk = b""
                assert chunk, f"terminal closed waiting for {text!r}, saw {self.seen!r}"
                self.seen += chunk
        at = self.seen.index(text) + len(text)
        before, self.seen = self.seen[:at], self.seen[at:]
        return before

    def type(self, text):
        os.write(self.master, text)

    def close(self):
        os.close(self.master)


def test_terminal_session_until_ctrl_d(tmp_path):
    (tmp_path / "init.lua").write_text('print("booted")\n')
    term = Terminal(["-i", str(tmp_path)], tmp_path)
    try:
        term.expect(b"booted\r\n> ")
        term.type(b"print(6 * 7)\n")
        term.expect(b"42\r\n> ")
        term.type(b"for i = 1, 2 do\n")
        term.expect(b">> ")
        term.type(b"print('i' .. i) end\n")
        term.expect(b"i1\r\ni2\r\n> ")
        term.type(b"=_PROMPT\n")
        term.expect(b"nil\r\n> ")
        term.type(b"\x04")  # Ctrl-D at the start of a line: EOF
        assert term.proc.wait(timeout=10) == 0
    finally:
        term.close()
        if term.proc.poll() is None:
            term.proc.kill()
            term.proc.wait()
