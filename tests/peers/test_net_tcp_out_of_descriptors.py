"""net.md §3.1, §9.3: when the process runs out of file descriptors, listen
raises "cannot allocate PCB" and connect ends with -8 plus a one-line notice
naming the errno; nothing crashes and freed descriptors work again."""
import resource
import subprocess

from tcp_peer_util import BINARY

# A first refused attempt (-9) runs every code path once with descriptors to
# spare (sanitizer builds need some for their own checks); then the script
# uses up its descriptors and tries again.
SCRIPT = """\
local servers, err = {}, nil
local sk = net.createConnection()
local attempt = 0
sk:on("reconnection", function(s, code)
  attempt = attempt + 1
  print("RECONNECTION " .. code)
  if attempt == 1 then
    for i = 1, 200 do
      local srv = net.createServer()
      local ok, e = pcall(srv.listen, srv, 0, "127.0.0.1", function() end)
      if not ok then err = e break end
      servers[#servers + 1] = srv
    end
    print("LISTEN " .. tostring(err):gsub("^[^:]+:%d+: ", ""))
    s:connect(9, "127.0.0.1")
    return
  end
  -- Free every descriptor: a new server and connection work again.
  for _, srv in ipairs(servers) do srv:close() end
  servers = nil
  collectgarbage()
  local srv = net.createServer()
  srv:listen(0, "127.0.0.1", function(c) print("ACCEPTED") c:close() srv:close() end)
  net.createConnection():connect(srv:getaddr(), "127.0.0.1")
end)
sk:connect(9, "127.0.0.1")
"""


def limit_fds():
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))


def test_descriptor_exhaustion(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text(SCRIPT)
    proc = subprocess.run([BINARY, "--timeout", "30", str(script)], preexec_fn=limit_fds,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["RECONNECTION -9", "LISTEN cannot allocate PCB",
                                        "RECONNECTION -8", "ACCEPTED"], proc.stdout
    assert "N-NET: connect: EMFILE" in proc.stderr, proc.stderr
