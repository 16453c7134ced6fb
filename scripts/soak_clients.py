#!/usr/bin/env python3
"""The odd clients of scripts/soak: every kind of peer that wrk does not play,
each in a few threads that loop until a deadline against 127.0.0.1 only.

  python3 scripts/soak_clients.py PORT SECONDS STATS_FILE

Kinds (one line each in STATS_FILE, rewritten every few seconds and at the end):
  close        GET / with Connection: close, reads to EOF, expects 200 and the body
  slow         GET /big.txt through a 4 KB receive buffer, a few bytes per read;
               expects every byte
  rst_request  sends GET /big.txt and resets at once (SO_LINGER 0)
  rst_middle   reads the first few KB of /big.txt, then resets
  half_close   sends GET / and shuts down its sending side; then reads until
               EOF or RST (the runtime ends a connection at the peer's FIN,
               net.md §9.3, so a full answer is not required)
  idle         connects, sends nothing for a while, closes
"ok" counts clients whose exchange went as described; "failed" those that
did not (a wrong answer, a truncated body, a timeout), with the last reason.
Every socket operation has a timeout and every loop is bounded by the deadline.
"""
import json
import os
import socket
import sys
import threading
import time

HOST = "127.0.0.1"
BIG = "/big.txt"


class Stats:
    def __init__(self, kinds):
        self.lock = threading.Lock()
        self.data = {k: {"ok": 0, "failed": 0, "last_failure": ""} for k in kinds}

    def ok(self, kind):
        with self.lock:
            self.data[kind]["ok"] += 1

    def failed(self, kind, why):
        with self.lock:
            self.data[kind]["failed"] += 1
            self.data[kind]["last_failure"] = why

    def write(self, path):
        with self.lock:
            text = json.dumps(self.data, indent=1, sort_keys=True)
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text + "\n")
        os.replace(tmp, path)


def connect(port, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(30)
    s.connect((HOST, port))
    return s


def reset(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()


def request(path):
    return ("GET %s HTTP/1.0\r\nHost: soak\r\nConnection: close\r\n\r\n" % path).encode()


def read_to_eof(s, step=65536, pause_every=0, deadline=60):
    """Everything until EOF; reads `step` bytes at a time and sleeps 1 ms every
    `pause_every` reads (a slow reader)."""
    end = time.monotonic() + deadline
    chunks, reads = [], 0
    while time.monotonic() < end:
        data = s.recv(step)
        if not data:
            return b"".join(chunks)
        chunks.append(data)
        reads += 1
        if pause_every and reads % pause_every == 0:
            time.sleep(0.001)
    raise TimeoutError("no EOF within %d s" % deadline)


def check_response(raw, body_len=None):
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep or not head.startswith(b"HTTP/1.0 200 OK"):
        raise ValueError("bad response head %r" % raw[:40])
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and int(value) != len(body):
            raise ValueError("body %d of %d bytes" % (len(body), int(value)))
    if body_len is not None and len(body) != body_len:
        raise ValueError("body %d bytes, file has %d" % (len(body), body_len))


def client_close(port, _):
    with connect(port) as s:
        s.sendall(request("/"))
        check_response(read_to_eof(s))


def client_slow(port, big_len):
    with connect(port, rcvbuf=4096) as s:
        s.sendall(request(BIG))
        check_response(read_to_eof(s, step=16, pause_every=32), big_len)


def client_rst_request(port, _):
    s = connect(port)
    s.sendall(request(BIG))
    reset(s)


def client_rst_middle(port, _):
    s = connect(port, rcvbuf=4096)
    s.sendall(request(BIG))
    got = 0
    while got < 3000:
        data = s.recv(4096)
        if not data:
            s.close()
            raise ValueError("EOF after %d bytes, before the reset" % got)
        got += len(data)
    reset(s)


def client_half_close(port, _):
    with connect(port) as s:
        s.sendall(request("/"))
        s.shutdown(socket.SHUT_WR)
        try:
            read_to_eof(s)
        except ConnectionResetError:
            pass


def client_idle(port, _):
    with connect(port) as s:
        time.sleep(2)
        s.settimeout(1)
        try:
            # The server must not answer (or close) a connection that sent nothing.
            data = s.recv(1)
            raise ValueError("idle connection got %r" % data)
        except socket.timeout:
            pass


KINDS = {
    # kind: (function, threads, pause between clients in s)
    "close": (client_close, 2, 0.0),
    "slow": (client_slow, 2, 0.0),
    "rst_request": (client_rst_request, 1, 0.005),
    "rst_middle": (client_rst_middle, 1, 0.005),
    "half_close": (client_half_close, 1, 0.005),
    "idle": (client_idle, 2, 0.0),
}


def worker(kind, port, big_len, stop, stats):
    fn, _, pause = KINDS[kind]
    while time.monotonic() < stop:
        try:
            fn(port, big_len)
            stats.ok(kind)
        except (OSError, ValueError) as e:
            stats.failed(kind, "%s: %s" % (type(e).__name__, e))
            time.sleep(0.1)
        if pause:
            time.sleep(pause)


def main():
    port, seconds, path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    big_len = int(sys.argv[4]) if len(sys.argv) > 4 else None
    stop = time.monotonic() + seconds
    stats = Stats(KINDS)
    threads = []
    for kind, (_, count, _) in KINDS.items():
        for _ in range(count):
            t = threading.Thread(target=worker, args=(kind, port, big_len, stop, stats),
                                 daemon=True)
            t.start()
            threads.append(t)
    while time.monotonic() < stop:
        stats.write(path)
        time.sleep(min(5, max(0.1, stop - time.monotonic())))
    # Each client's operations time out within 60 s; wait that long at most.
    for t in threads:
        t.join(max(0.1, stop + 65 - time.monotonic()))
    stats.write(path)


if __name__ == "__main__":
    main()
