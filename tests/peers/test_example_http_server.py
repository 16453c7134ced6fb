"""The main example (examples/http-server) answers curl as the README says:
files from flash, routes, 404, and a request sent in many small pieces."""
import json
import os
import re
import socket
import subprocess
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ["NODEMCU_HOST"]


@pytest.fixture
def server():
    # Port 80 maps to an ephemeral host port, announced by the N-PORT note.
    proc = subprocess.Popen(
        [BINARY, "--timeout", "60", "--port-map", "80=0", os.path.join(ROOT, "examples", "http-server")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    port = None
    deadline = time.monotonic() + 20
    while port is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        m = re.search(r"N-PORT: port 80 is served on host port (\d+)", line)
        if m:
            port = int(m.group(1))
    assert port, "no N-PORT note"
    yield port
    proc.terminate()
    assert proc.wait(timeout=20) == 143  # SIGTERM: 128 + 15 (runtime.md §1.3)


def curl(port, path, *extra):
    out = subprocess.run(["curl", "-s", "-i", "--max-time", "10", *extra,
                          f"http://127.0.0.1:{port}{path}"], capture_output=True, timeout=20)
    head, _, body = out.stdout.partition(b"\r\n\r\n")
    return head.decode(), body


def test_index_is_served_from_flash(server):
    head, body = curl(server, "/")
    with open(os.path.join(ROOT, "examples", "http-server", "www", "index.html"), "rb") as f:
        assert body == f.read()
    assert head.startswith("HTTP/1.0 200 OK") and "Content-Type: text/html" in head


def test_routes_and_404(server):
    head, body = curl(server, "/hello?name=tester")
    assert body == b"Hello, tester!\n"
    head, body = curl(server, "/heap")
    doc = json.loads(body)
    assert 0 < doc["heap"] <= 43368 and doc["hits"] >= 1
    head, _ = curl(server, "/missing.txt")
    assert head.startswith("HTTP/1.0 404")


def test_request_in_small_pieces_is_reassembled(server):
    request = b"GET /hello?name=pieces HTTP/1.1\r\nHost: x\r\nUser-Agent: test\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server), timeout=10) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for i in range(0, len(request), 3):
            s.sendall(request[i:i + 3])
            time.sleep(0.005)  # pacing so the pieces arrive as separate reads, not a sync
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    assert data.endswith(b"\r\n\r\nHello, pieces!\n")
