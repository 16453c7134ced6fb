"""net.md §3.1, §12.3, runtime.md §5.5: run by an unprivileged user,
srv:listen(80, cb) without --port-map raises exactly "permission denied: port
80 requires privileges (use --port-map 80=<port>)", after warning W-PORT at the
listen call; the same user and script with --port-map 80=0 listen and serve.
A UDP listen on port 53 fails the same way (§5.1 uses the §3.1 messages).

The run happens in a network namespace of its own whose
net.ipv4.ip_unprivileged_port_start is set to 1024, so the verdict does not
depend on how this machine (or container) configured that sysctl."""
import os
import re
import shutil
import socket
import subprocess
import tempfile

import pytest

from netns_util import Namespace
from tcp_peer_util import BINARY, recv_all

NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all"]

SCRIPT = """\
local srv = net.createServer()
local ok, err = pcall(function()
  srv:listen(80, function(c)
    c:on("receive", function(s, d)
      s:send("got " .. d, function(sk)
        sk:close()
        srv:close()
      end)
    end)
  end)
end)
print(ok, err)
if ok then print("PORT " .. srv:getaddr()) end
"""


@pytest.fixture
def script():
    # pytest's tmp_path is mode 0700 under root: the unprivileged user could not read it.
    folder = tempfile.mkdtemp(prefix="nmh-privport-")
    try:
        os.chown(folder, 65534, 65534)
        os.chmod(folder, 0o755)
        path = os.path.join(folder, "s.lua")
        with open(path, "w", encoding="utf-8") as f:
            f.write(SCRIPT)
        os.chmod(path, 0o644)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def ns():
    with Namespace("privport") as n:
        n.sysctl("net.ipv4.ip_unprivileged_port_start", 1024)
        yield n


def test_unmapped_privileged_port_is_refused_with_w_port(ns, script):
    proc = subprocess.run(ns.command(*NOBODY, BINARY, "--timeout", "20", script),
                          capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(script))
    assert proc.returncode == 0, proc.stderr
    # The message of net.md §3.1, behind the usual position of a luaL_error.
    assert proc.stdout == ("false\ts.lua:3: permission denied: port 80 requires privileges "
                           "(use --port-map 80=<port>)\n")
    # Located at the listen call (line 3), before the error (runtime.md §5.5).
    assert ("nodemcu-host: warning: W-PORT: privileged port 80 refused, try --port-map "
            "80=<port> (at s.lua:3)\n") in proc.stderr


def test_port_map_lets_the_same_user_serve_port_80(ns, script):
    proc = subprocess.Popen(ns.command(*NOBODY, BINARY, "--timeout", "20", "--port-map", "80=0",
                                       script),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=os.path.dirname(script))
    try:
        assert proc.stdout.readline() == "true\tnil\n"
        assert proc.stdout.readline() == "PORT 80\n"  # getaddr reports the script's port
        note = proc.stderr.readline()
        m = re.search(r"N-PORT: port 80 is served on host port (\d+)", note)
        assert m, note
        host_port = int(m.group(1))
        assert host_port >= 1024
        with ns.socket() as peer:
            peer.settimeout(10)
            peer.connect(("127.0.0.1", host_port))
            peer.sendall(b"hello")
            assert recv_all(peer, 10) == b"got hello"
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == 0, err
    assert "W-PORT" not in err


UDP_SCRIPT = """\
local u = net.createUDPSocket()
print(pcall(function() u:listen(53) end))
"""


def test_unmapped_privileged_udp_port_is_refused_with_w_port(ns, script):
    with open(script, "w", encoding="utf-8") as f:
        f.write(UDP_SCRIPT)
    proc = subprocess.run(ns.command(*NOBODY, BINARY, "--timeout", "20", script),
                          capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(script))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ("false\ts.lua:2: permission denied: port 53 requires privileges "
                           "(use --port-map 53=<port>)\n")
    assert ("nodemcu-host: warning: W-PORT: privileged port 53 refused, try --port-map "
            "53=<port> (at s.lua:2)\n") in proc.stderr
