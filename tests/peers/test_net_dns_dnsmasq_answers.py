"""net.md §7.1, §7.3 against dnsmasq on a loopback port: the first A record
in answer order, NXDOMAIN and an empty answer fail at once, the host
profile's AAAA fallback, and a setdnsserver "ip:port" server."""
import os
import random
import socket
import struct
import subprocess
import time

import pytest

BINARY = os.environ["NODEMCU_HOST"]


def dns_query(port, name, qtype=1):
    """(rcode, [A or AAAA records in answer order]) from one UDP query, or None."""
    qid = random.randrange(65536)
    packet = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    for label in name.split("."):
        packet += bytes([len(label)]) + label.encode()
    packet += b"\0" + struct.pack(">HH", qtype, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(0.2)
        s.sendto(packet, ("127.0.0.1", port))
        try:
            reply = s.recv(4096)
        except socket.timeout:
            return None
    rcode = struct.unpack(">H", reply[2:4])[0] & 0xF
    count = struct.unpack(">H", reply[6:8])[0]
    pos = len(packet)  # the answer section follows the echoed question
    records = []
    for _ in range(count):
        pos += 2  # a compressed name pointer (dnsmasq always uses one here)
        rtype, _, _, length = struct.unpack(">HHIH", reply[pos:pos + 10])
        data = reply[pos + 10:pos + 10 + length]
        pos += 10 + length
        if rtype == 1:
            records.append(socket.inet_ntop(socket.AF_INET, data))
        elif rtype == 28:
            records.append(socket.inet_ntop(socket.AF_INET6, data))
    return rcode, records


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def dnsmasq():
    for _ in range(5):  # another process may take the free port first
        port = free_udp_port()
        proc = subprocess.Popen(
            ["dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file=",
             "--no-resolv", "--no-hosts", "--user=root", "--log-facility=-",
             f"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces",
             "--address=/pair.test/10.0.0.1", "--address=/pair.test/10.0.0.2",
             "--address=/name.test/10.1.2.3",
             "--address=/v6only.test/fd00::5", "--local=/v6only.test/",
             "--address=/nx.test/"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(50):  # ready once it answers; 50 x 0.2 s at most
            if proc.poll() is not None or dns_query(port, "name.test") is not None:
                break
        if proc.poll() is None:
            break
    else:
        pytest.fail("dnsmasq did not start")
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def run(tmp_path, script, *options):
    path = tmp_path / "dns.lua"
    path.write_text(script)
    proc = subprocess.run([BINARY, "--timeout", "20", *options, str(path)],
                          capture_output=True, text=True, timeout=40)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


LOOKUP = """\
local t0 = tmr.now()
net.dns.resolve(%r, function(first, ip)
  print(first, ip, (tmr.now() - t0) // 1000)
end)
"""


def lookup(tmp_path, port, name, *options):
    out = run(tmp_path, LOOKUP.replace("%r", '"' + name + '"'),
              "--dns-server", f"127.0.0.1:{port}", *options)
    first, ip, ms = out.split("\t")
    assert first == "nil"
    return ip, int(ms)


def test_the_first_a_record_in_answer_order(tmp_path, dnsmasq):
    rcode, order = dns_query(dnsmasq, "pair.test")
    assert rcode == 0 and sorted(order) == ["10.0.0.1", "10.0.0.2"]
    assert dns_query(dnsmasq, "pair.test")[1] == order  # dnsmasq keeps this order
    for profile in ("esp8266", "host"):
        ip, _ = lookup(tmp_path, dnsmasq, "pair.test", "--profile", profile)
        assert ip == order[0]


def test_nxdomain_gives_nil_at_once(tmp_path, dnsmasq):
    assert dns_query(dnsmasq, "nx.test")[0] == 3
    ip, ms = lookup(tmp_path, dnsmasq, "nx.test")
    assert ip == "nil"
    assert ms < 900  # not the 7 s the device would wait


def test_empty_answer_gives_nil_at_once_in_esp8266(tmp_path, dnsmasq):
    assert dns_query(dnsmasq, "v6only.test") == (0, [])
    ip, ms = lookup(tmp_path, dnsmasq, "v6only.test")
    assert ip == "nil"
    assert ms < 900


def test_host_profile_falls_back_to_aaaa(tmp_path, dnsmasq):
    ip, _ = lookup(tmp_path, dnsmasq, "v6only.test", "--profile", "host")
    assert ip == "fd00::5"


def test_setdnsserver_with_a_port_under_host(tmp_path, dnsmasq):
    script = f"""\
net.dns.setdnsserver("127.0.0.1:{dnsmasq}")
net.dns.resolve("name.test", function(_, ip) print(ip) end)
"""
    # The initial server would not know name.test; 192.0.2.1 never answers.
    assert run(tmp_path, script, "--profile", "host", "--dns-server", "192.0.2.1") == "10.1.2.3\n"
