"""runtime.md §4.3, §5.4: a write the file system cannot take whole returns
nil and leaves nothing of itself behind: no torn record in the file and the
position where it was. The flash root is a 64 KB tmpfs that the script fills
for real, with records whose size does not divide a page, so the last one
is cut by the disk."""
import os
import subprocess
import tempfile

import pytest

BINARY = os.environ["NODEMCU_HOST"]
RECORD = 100

FILL = """\
local rec = ("r"):rep(%(record)d - 1) .. "\\n"
local f = file.open("rec.dat", "w")
local n = 0
-- Bounded: 64 KB holds fewer than 700 records.
for _ = 1, 2000 do
  if not %(put)s then
    print(n, f:seek("cur"))
    f:close()
    return
  end
  n = n + 1
end
error("the disk never filled")
"""

PUTS = {
    "write": 'f:write(rec)',
    "writeline": 'f:writeline(rec:sub(1, -2))',
}


@pytest.fixture
def small_root():
    path = tempfile.mkdtemp(prefix="nmh-full-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", path],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        os.rmdir(path)
        pytest.skip("cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN): "
                    + mounted.stderr.strip())
    try:
        yield path
    finally:
        subprocess.run(["umount", path], check=False)
        os.rmdir(path)


def run(root, script):
    with open(os.path.join(root, "fill.lua"), "w") as f:
        f.write(script)
    # The host profile: the real disk decides, not the emulated capacity (§5.4).
    proc = subprocess.run([BINARY, "--profile", "host", "--timeout", "30",
                           os.path.join(root, "fill.lua")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.parametrize("method", sorted(PUTS))
def test_full_disk_leaves_whole_records_and_the_position_after_them(small_root, method):
    out = run(small_root, FILL % {"record": RECORD, "put": PUTS[method]})
    count, pos = (int(v) for v in out.split())
    assert count > 0, out
    path = os.path.join(small_root, "rec.dat")
    with open(path, "rb") as f:
        data = f.read()
    assert len(data) % RECORD == 0, (len(data), "a torn record stayed")
    assert data == (b"r" * (RECORD - 1) + b"\n") * count
    assert pos == len(data), (pos, len(data))


def test_full_disk_putcontents_leaves_no_part_of_the_content(small_root):
    out = run(small_root, 'print(file.putcontents("put.dat", ("r"):rep(200000)))\n')
    assert out == "nil\n"
    # putcontents opens with truncation, as the firmware does: of the refused
    # content nothing remains.
    assert os.path.getsize(os.path.join(small_root, "put.dat")) == 0
