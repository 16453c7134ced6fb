"""Helpers shared by the TCP peer tests (test_net_tcp_*.py): run a script
that prints "PORT <n>" once it listens, and bounded socket helpers."""
import os
import queue
import re
import resource
import socket
import subprocess
import threading
import time

BINARY = os.environ["NODEMCU_HOST"]


class Host:
    def __init__(self, tmp_path, source, *args, timeout=120, prefix=()):
        """prefix: argv placed before the binary (e.g. `ip netns exec NAME`)."""
        script = tmp_path / "s.lua"
        script.write_text(source)
        self.proc = subprocess.Popen([*prefix, BINARY, "--timeout", str(timeout), *args,
                                      str(script)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines = queue.Queue()
        self.rest = []
        # A thread reads stdout line by line (select() on a buffered pipe
        # would miss lines already in Python's buffer).
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line.decode())
        self.lines.put(None)

    def readline(self, deadline=20):
        """The next stdout line, or fail after deadline seconds."""
        try:
            line = self.lines.get(timeout=deadline)
        except queue.Empty:
            raise AssertionError("no output from nodemcu-host in %s s" % deadline) from None
        assert line is not None, "nodemcu-host ended early"
        return line.rstrip("\n")

    def port(self):
        line = self.readline()
        m = re.match(r"PORT (\d+)$", line)
        assert m, "expected PORT line, got %r" % line
        return int(m.group(1))

    def finish(self, timeout=60):
        """Waits for the exit; returns status, the stdout not yet read, stderr."""
        self.proc.wait(timeout=timeout)
        err = self.proc.stderr.read()
        self.reader.join(10)
        out = []
        while True:
            line = self.lines.get_nowait() if not self.lines.empty() else None
            if line is None:
                break
            out.append(line)
        return self.proc.returncode, "".join(out), err.decode()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def recv_all(sock, deadline=60):
    """Everything until EOF, bounded in time."""
    sock.settimeout(deadline)
    chunks = []
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        data = sock.recv(1 << 20)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
    raise AssertionError("no EOF within %s s" % deadline)


def raise_fd_limit(want):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, hard), hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def rst_close(sock):
    """Close with RST instead of FIN (SO_LINGER 0)."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    sock.close()


def connect_slow_reader(port):
    """A client with a 4 KB receive buffer that reads nothing until asked:
    the server's data backs up and a close() on its side has to flush."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    return sock


def drain(sock, deadline=10):
    """Reads until EOF or RST, bounded in time: (bytes read, reset?)."""
    sock.settimeout(deadline)
    got = 0
    end = time.monotonic() + deadline
    try:
        while time.monotonic() < end:
            chunk = sock.recv(1 << 16)
            if not chunk:
                return got, False
            got += len(chunk)
    except ConnectionResetError:
        return got, True
    raise AssertionError("neither EOF nor RST within %s s" % deadline)


def start_flush(tmp_path, timeout, after_close=""):
    """Runs flush_script under the host profile, connects a slow reader and
    waits for CLOSED: the host then holds a connection no socket owns, still
    flushing. Returns (host, the reader's socket); the caller kills the host."""
    host = Host(tmp_path, flush_script(after_close), "--profile", "host", timeout=timeout)
    try:
        sock = connect_slow_reader(host.port())
        assert host.readline() == "CLOSED"
    except BaseException:
        host.kill()
        raise
    return host, sock


def flush_script(after_close=""):
    """A server that queues 8 MB to its first client, closes that connection
    at once (the data must still flush) and its listener, prints CLOSED, then
    runs after_close (Lua)."""
    return """\
local srv = net.createServer()
srv:listen(0, "127.0.0.1", function(c)
  c:send(string.rep("x", 8 * 1024 * 1024))
  c:close()
  srv:close()
  print("CLOSED")
  %s
end)
print("PORT " .. srv:getaddr())
""" % after_close
