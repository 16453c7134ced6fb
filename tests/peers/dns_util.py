"""Helpers shared by the DNS peer tests (test_net_dns_*.py): a dnsmasq
server on a loopback port, a raw DNS query, and a script run to its end."""
import os
import random
import socket
import struct
import subprocess

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


def dnsmasq_server(*records):
    """A generator for a pytest fixture: dnsmasq on a free loopback UDP port
    with the given --address options (which must include name.test, the
    readiness probe); yields the port and stops the server after."""
    for _ in range(5):  # another process may take the free port first
        port = free_udp_port()
        proc = subprocess.Popen(
            ["dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--pid-file=",
             "--no-resolv", "--no-hosts", "--user=root", "--log-facility=-",
             f"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", *records],
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


def run_script(tmp_path, script, seconds, *options):
    """Runs script with --timeout seconds; it must exit 0. Returns stdout."""
    path = tmp_path / "dns.lua"
    path.write_text(script)
    proc = subprocess.run([BINARY, "--timeout", str(seconds), *options, str(path)],
                          capture_output=True, text=True, timeout=2 * seconds)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout
