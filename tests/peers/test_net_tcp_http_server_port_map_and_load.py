"""net.md §12.3, runtime.md §1.2: --port-map 80=0 binds an ephemeral port,
announced by N-PORT, while the script sees 80; curl gets the page. Load: a
script HTTP server answers 2,000 concurrent clients (host) with zero errors,
and wrk in both profiles with zero errors (requests/s printed)."""
import asyncio
import re
import subprocess

import pytest

from tcp_peer_util import Host, raise_fd_limit

HTTP = """\
local srv = net.createServer(30)
srv:listen(80, function(c)
  local req = ""
  c:on("receive", function(s, d)
    req = req .. d
    if req:find("\\r\\n\\r\\n", 1, true) then
      req = ""
      local body = "hello from nodemcu"
      s:send("HTTP/1.1 200 OK\\r\\nContent-Length: " .. #body ..
             "\\r\\nConnection: keep-alive\\r\\n\\r\\n" .. body)
    end
  end)
end)
print("LISTENING " .. srv:getaddr())
"""


def start_http(tmp_path, *args):
    host = Host(tmp_path, HTTP, "--port-map", "80=0", *args, timeout=300)
    assert host.readline() == "LISTENING 80"
    # The N-PORT note names the host port (stderr, before the first event).
    line = host.proc.stderr.readline().decode()
    m = re.search(r"N-PORT: port 80 is served on host port (\d+)", line)
    assert m, line
    return host, int(m.group(1))


def test_port_map_zero_announces_the_port_and_curl_gets_the_page(tmp_path):
    host, port = start_http(tmp_path)
    try:
        assert port != 80 and port > 1024
        out = subprocess.run(["curl", "-sS", "--max-time", "10", "http://127.0.0.1:%d/" % port],
                             capture_output=True, timeout=20)
        assert out.returncode == 0, out.stderr
        assert out.stdout == b"hello from nodemcu"
    finally:
        host.kill()


async def one_client(port, results):
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 30)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 60)
        body = await asyncio.wait_for(reader.readexactly(18), 60)
        writer.close()
        ok = head.startswith(b"HTTP/1.1 200 OK") and body == b"hello from nodemcu"
        results.append(ok)
    except Exception as e:  # noqa: BLE001 - every failure is counted
        results.append(repr(e))


async def many(port, n):
    results = []
    # All connect first, then all ask: n connections are open at once.
    await asyncio.gather(*(one_client(port, results) for _ in range(n)))
    return results


def test_two_thousand_concurrent_clients_in_host_profile(tmp_path):
    limit = raise_fd_limit(8192)
    if limit < 4200:
        pytest.fail("cannot raise the fd limit to 4200 (got %d)" % limit)
    host, port = start_http(tmp_path, "--profile", "host")
    try:
        results = asyncio.run(asyncio.wait_for(many(port, 2000), 120))
        errors = [r for r in results if r is not True]
        assert len(results) == 2000
        assert errors == [], errors[:5]
        assert host.proc.poll() is None
    finally:
        host.kill()


@pytest.mark.parametrize("profile,connections", [("host", 64), ("esp8266", 4)])
def test_wrk_gets_no_errors(tmp_path, profile, connections):
    host, port = start_http(tmp_path, "--profile", profile)
    try:
        out = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", "5s",
                              "http://127.0.0.1:%d/" % port],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        print(profile, out.stdout)
        assert "Socket errors" not in out.stdout, out.stdout
        assert "Non-2xx" not in out.stdout, out.stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out.stdout).group(1))
        print("wrk %s: %.0f requests/s" % (profile, rps))
        assert rps > 100
        assert host.proc.poll() is None
    finally:
        host.kill()
