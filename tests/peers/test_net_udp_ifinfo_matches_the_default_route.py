"""net.md §15: net.ifinfo(0) describes the interface holding the default
route: its IPv4 address, netmask, the route's gateway and the 6-byte MAC."""
import ipaddress
import os
import socket
import struct
import subprocess

import pytest

BINARY = os.environ["NODEMCU_HOST"]

SCRIPT = """\
local t = net.ifinfo(0)
if t == nil then print("nil") return end
print(t.ip, t.netmask, t.gateway, (t.hwaddr:gsub(".", function(c)
  return string.format("%02x", c:byte()) end)), t.dhcp)
"""


def default_route():
    with open("/proc/net/route") as f:
        next(f)
        for line in f:
            fields = line.split()
            if fields[1] == "00000000" and fields[7] == "00000000" and int(fields[3], 16) & 1:
                gw = socket.inet_ntoa(struct.pack("<I", int(fields[2], 16)))
                return fields[0], gw
    return None


def ipv4_of(iface):
    out = subprocess.run(["ip", "-o", "-4", "addr", "show", "dev", iface],
                         capture_output=True, text=True).stdout.split()
    net = ipaddress.ip_interface(out[out.index("inet") + 1])
    return str(net.ip), str(net.netmask)


def test_ifinfo_0_matches_the_kernel(tmp_path):
    script = tmp_path / "if.lua"
    script.write_text(SCRIPT)
    proc = subprocess.run([BINARY, "--timeout", "30", str(script)],
                          capture_output=True, text=True, timeout=40)
    assert proc.returncode == 0, proc.stderr
    route = default_route()
    if route is None:
        assert proc.stdout == "nil\n"
        return
    iface, gw = route
    ip, mask = ipv4_of(iface)
    with open(f"/sys/class/net/{iface}/address") as f:
        mac = f.read().strip().replace(":", "")
    expected_gw = "nil" if gw == "0.0.0.0" else gw
    assert proc.stdout == f"{ip}\t{mask}\t{expected_gw}\t{mac}\tnil\n"
