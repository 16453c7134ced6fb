"""net.md §6 on the loopback interface: after net.multicastJoin("127.0.0.1",
group) a UDP socket bound on 0.0.0.0 receives the group's datagrams (the
membership is device-wide, held by the runtime); joined twice it needs two
leaves; after leaving it no longer does.

The peer sends to the group through lo (IP_MULTICAST_IF 127.0.0.1,
IP_MULTICAST_LOOP). Each step is confirmed by a unicast datagram sent after
the group datagram, so the script sees a fixed sequence without timing."""
import os
import socket
import subprocess

BINARY = os.environ["NODEMCU_HOST"]
GROUP = "239.255.77.1"

SCRIPT = """\
local group = "%s"
local any = net.createUDPSocket()
any:listen(0)
local port = any:getaddr()
print(port)
local log = {}
any:on("receive", function(s, data, p, ip)
  log[#log + 1] = data
  if data == "join" then
    net.multicastJoin("127.0.0.1", group)
    net.multicastJoin("127.0.0.1", group)  -- counted: one leave is not enough
  elseif data == "leave1" then
    net.multicastLeave("127.0.0.1", group)
  elseif data == "leave2" then
    net.multicastLeave("any", group)
  elseif data == "end" then
    print(table.concat(log, ","))
    s:close()
    return
  else
    return  -- group datagrams are only logged
  end
  s:send(p, ip, "ok:" .. data)
end)
""" % GROUP


def test_join_then_leave_on_loopback(tmp_path):
    script = tmp_path / "mc.lua"
    script.write_text(SCRIPT)
    proc = subprocess.Popen([BINARY, "--timeout", "30", "-q", str(script)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = int(proc.stdout.readline())
        peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        peer.settimeout(10)
        peer.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
        peer.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)

        def group(data):
            peer.sendto(data, (GROUP, port))

        def step(data):
            peer.sendto(data, ("127.0.0.1", port))
            reply, _ = peer.recvfrom(100)
            assert reply == b"ok:" + data

        group(b"g-before")  # not joined yet: dropped by the kernel
        step(b"join")
        group(b"g-joined")
        step(b"leave1")
        group(b"g-still")  # joined twice, left once
        step(b"leave2")
        group(b"g-after")
        peer.sendto(b"end", ("127.0.0.1", port))
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out.splitlines()[-1] == "join,g-joined,leave1,g-still,leave2,end"
