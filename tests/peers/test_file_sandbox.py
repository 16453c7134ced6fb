"""The flash root is a sandbox (runtime.md §4.3): a hostile tree with symlinks
out of the root, a FIFO and dot files; nothing outside the root is read or
written, with or without --scratch, and the escapes act as missing with W-NAME.
"""
import os
import socket
import subprocess
import tempfile

import pytest

BINARY = os.environ.get("NODEMCU_HOST", "nodemcu-host")
SECRET = "outside secret\n"

SCRIPT = r"""
local function expect(got, want, what)
  if got ~= want then error(what .. ": expected " .. tostring(want) .. ", got " .. tostring(got)) end
end
-- Symlinks out of the root, absolute and relative, to a file and to a directory.
for _, name in ipairs({"abs", "rel", "outdir/secret.txt", "deep/up", "dangling"}) do
  expect(file.open(name), nil, "open " .. name)
  expect(file.open(name, "r+"), nil, "open r+ " .. name)
  expect(file.open(name, "a"), nil, "open a " .. name)
  expect(file.open(name, "w"), nil, "open w " .. name)
  expect(file.exists(name), false, "exists " .. name)
  expect(file.stat(name), nil, "stat " .. name)
  expect(select("#", file.getcontents(name)), 0, "getcontents " .. name)
  expect(file.putcontents(name, "pwned"), nil, "putcontents " .. name)
  expect(file.rename(name, "stolen"), false, "rename " .. name)
  file.remove(name)
  local ok, err = pcall(dofile, name)
  expect(err, "cannot open " .. name .. ": ", "dofile " .. name)
end
expect(file.putcontents("outdir/new.txt", "pwned"), nil, "create through a directory link")
expect(file.rename("inside.txt", "outdir/moved.txt"), false, "rename through a directory link")
-- Names that leave the root by themselves.
for _, name in ipairs({"../secret.txt", "/etc/passwd", "a/../../secret.txt"}) do
  expect(file.open(name), nil, name)
  expect(file.putcontents(name, "pwned"), nil, "putcontents " .. name)
end
-- A FIFO (when present) is no file, and opening it does not block.
if file.exists("has_fifo") then
  expect(file.open("fifo"), nil, "fifo")
  expect(file.open("fifo", "w"), nil, "fifo for writing")
  expect(file.open("fifo", "a+"), nil, "fifo for appending")
  expect(file.exists("fifo"), false, "fifo exists")
end
-- A link that stays beneath the root works.
expect(file.getcontents("inner"), "inside\n", "inner link")
-- list shows only what lies beneath the root, without dot names.
local l = file.list()
expect(l["inside.txt"], 7, "inside.txt")
expect(l["inner"], 7, "inner")
for name in pairs(l) do
  if name:find("secret") or name:find("^%.") or name:find("/%.") then error("listed " .. name) end
end
expect(l["abs"], nil, "abs listed")
expect(l["fifo"], nil, "fifo listed")
print("sandbox ok")
"""


@pytest.fixture
def tree(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(SECRET)
    root = tmp_path / "root"
    root.mkdir()
    (root / "init.lua").write_text(SCRIPT)
    (root / "inside.txt").write_text("inside\n")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("x")
    (root / "deep").mkdir()
    os.symlink(str(outside), root / "abs")
    os.symlink("../secret.txt", root / "rel")
    os.symlink(str(tmp_path), root / "outdir")
    os.symlink("../../secret.txt", root / "deep" / "up")
    os.symlink("../created_by_script.txt", root / "dangling")
    os.symlink("inside.txt", root / "inner")
    return tmp_path, root


def snapshot(path):
    """Every file outside the root, with its contents."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(path):
        if os.path.basename(dirpath) == "root" or "/root/" in dirpath + "/":
            dirnames[:] = []
            continue
        for f in filenames:
            p = os.path.join(dirpath, f)
            with open(p, "rb") as fh:
                out[p] = fh.read()
    return out


@pytest.mark.parametrize("scratch", [False, True])
def test_symlinks_and_dot_dot_never_leave_the_root(tree, scratch):
    base, root = tree
    # A FIFO and a socket: no file in place, and the --scratch copy leaves
    # them out (reading the FIFO to copy it would block) with N-SCRATCH; the
    # script then finds no "fifo" at all (file.list shows none either way).
    os.mkfifo(root / "fifo")
    if not scratch:
        (root / "has_fifo").write_text("")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(root / "deep" / "sock"))
    before = snapshot(base)
    args = [BINARY, "--timeout", "20"] + (["--scratch"] if scratch else []) + [str(root)]
    try:
        proc = subprocess.run(args, capture_output=True, timeout=40, text=True)
    finally:
        listener.close()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    if scratch:
        assert "N-SCRATCH" in proc.stderr and "left out 2 FIFO, socket or device" in proc.stderr
    else:
        assert "N-SCRATCH" not in proc.stderr
    assert "sandbox ok" in proc.stdout
    assert 'flash name "outdir/moved.txt" leads outside' in proc.stderr
    assert "W-NAME" in proc.stderr
    assert 'flash name "abs" leads outside the flash root' in proc.stderr
    assert 'flash name "../secret.txt" has an empty' in proc.stderr
    assert snapshot(base) == before
    assert (base / "secret.txt").read_text() == SECRET
    assert not (base / "created_by_script.txt").exists()
    # In the scratch copy the relative links point next to the copy, in the temp dir.
    assert not os.path.exists(os.path.join(tempfile.gettempdir(), "created_by_script.txt"))
    assert not (base / "new.txt").exists()
    # The links themselves are still in place (remove acted as if they were missing).
    assert os.path.islink(root / "abs") and os.path.islink(root / "rel")
    assert (root / "inside.txt").read_text() == "inside\n"


def test_scratch_copy_keeps_the_project_untouched(tree):
    base, root = tree
    (root / "init.lua").write_text(
        'file.putcontents("written.txt", "x")\n'
        'file.remove("inside.txt")\n'
        'file.format()\n'
        'assert(next(file.list()) == nil)\n'
    )
    proc = subprocess.run([BINARY, "--timeout", "20", "--scratch", str(root)],
                          capture_output=True, timeout=40, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "format done.\n"
    assert not (root / "written.txt").exists()
    assert (root / "inside.txt").read_text() == "inside\n"
    assert (base / "secret.txt").read_text() == SECRET
    assert os.path.isdir(root / ".git")
