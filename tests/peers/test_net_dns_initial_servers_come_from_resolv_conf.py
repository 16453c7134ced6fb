"""net.md §7.3: without --dns-server, slots 0 and 1 start as the first two
nameserver entries of /etc/resolv.conf (esp8266 skips IPv6 ones); with none,
slot 0 is 208.67.222.222. This machine's own resolv.conf is the input."""
import ipaddress
import os
import subprocess

import pytest

BINARY = os.environ["NODEMCU_HOST"]


def expected_slots(ipv6):
    servers = []
    try:
        with open("/etc/resolv.conf", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        lines = []
    for line in lines:
        words = line.split("#")[0].split(";")[0].split()
        if len(words) < 2 or words[0] != "nameserver":
            continue
        try:
            address = ipaddress.ip_address(words[1].split("%")[0])
        except ValueError:
            continue
        if address.version == 6 and not ipv6:
            continue
        servers.append(str(address))
    if not servers:
        servers = ["208.67.222.222"]
    servers = servers[:2]
    return servers + ["nil"] * (2 - len(servers))


@pytest.mark.parametrize("profile", ["esp8266", "host"])
def test_initial_slots(tmp_path, profile):
    script = tmp_path / "servers.lua"
    script.write_text("print(net.dns.getdnsserver(0), net.dns.getdnsserver(1))\n")
    proc = subprocess.run([BINARY, "--timeout", "10", "--profile", profile, str(script)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip("\n").split("\t") == expected_slots(profile == "host")
