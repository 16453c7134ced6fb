"""runtime.md §4.2.2: --lfs DIR builds an emulated LFS image from every
DIR/*.lua (non-recursive) at each boot: node.LFS.list() gives the sorted
names, get(name) and node.LFS.<name> a new closure or nil, require finds the
modules through the appended searcher; a module that does not compile is a
boot error (status 1, no Lua runs)."""
import os
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def make_image(tmp_path):
    lfs = tmp_path / "lfs"
    lfs.mkdir()
    (lfs / "zeta.lua").write_text("return 'zeta', ...\n")
    (lfs / "alpha.lua").write_text("local n = 0\nreturn function() n = n + 1; return n end\n")
    (lfs / "notes.txt").write_text("not a module\n")
    (lfs / "sub").mkdir()
    (lfs / "sub" / "deep.lua").write_text("return 'deep'\n")
    return lfs


def run(tmp_path, script_text, *options):
    root = tmp_path / "flash"
    root.mkdir(exist_ok=True)
    script = root / "test.lua"
    script.write_text(script_text)
    return subprocess.run([BINARY, "--timeout", "10", *options, str(script)],
                          capture_output=True, text=True, timeout=30)


IMAGE_TEST = """\
local names = node.LFS.list()
print(#names, table.concat(names, ","))
local a1, a2 = node.LFS.get("alpha"), node.LFS.alpha
print(type(a1), a1 ~= a2, node.flashindex("alpha") ~= a1)
local counter = a1()
print(counter(), counter(), a2()())
print(node.LFS.get("missing"), node.LFS.missing, node.LFS.get("deep"), node.LFS.get(42))
print(select(2, node.LFS.zeta()) == nil, require("zeta"))
local ok, err = pcall(require, "nowhere")
print(ok, err:find("no LFS module 'nowhere'", 1, true) ~= nil)
local config = node.LFS.config
print(config.lfs_size, config.lfs_used > 0, config.lfs_base, config.lfs_mapped)
local info = node.info("lfs")
print(info.lfs_size, info.lfs_used == config.lfs_used)
print(node.info("build_config").lfs_size, node.getpartitiontable().lfs_size)
print(math.type(node.LFS.time), node.LFS.time > 1700000000)
"""


def test_image_lists_and_loads_modules(tmp_path):
    lfs = make_image(tmp_path)
    proc = run(tmp_path, IMAGE_TEST, "--lfs", str(lfs))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [
        "2\talpha,zeta",
        "function\ttrue\ttrue",
        "1\t2\t1",
        "nil\tnil\tnil\tnil",
        "true\tzeta",
        "false\ttrue",
        "262144\ttrue\t0\t1075838976",
        "262144\ttrue",
        "262144\t262144",
        "integer\ttrue",
    ]


def test_image_is_rebuilt_at_each_boot(tmp_path):
    # The image survives a restart: the new Lua state gets it again.
    lfs = make_image(tmp_path)
    script = """\
print(node.bootreason(), table.concat(node.LFS.list(), ","), require("zeta"))
if node.bootreason() == 1 then node.restart() end
"""
    proc = run(tmp_path, script, "--lfs", str(lfs))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "1\talpha,zeta\tzeta\n2\talpha,zeta\tzeta\n"


def test_banner_reports_the_capacity(tmp_path):
    lfs = make_image(tmp_path)
    proc = run(tmp_path, "", "--banner", "--lfs", str(lfs))
    assert proc.returncode == 0, proc.stderr
    assert "\tLFS: 0x40000 bytes total capacity\n" in proc.stdout


def test_syntax_error_in_the_image_is_a_boot_error(tmp_path):
    lfs = make_image(tmp_path)
    (lfs / "broken.lua").write_text("local x = = 1\n")
    proc = run(tmp_path, "print('main chunk ran')\n", "--lfs", str(lfs))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "nodemcu-host: error: E-LUA: --lfs " in proc.stderr
    assert "broken.lua:1: unexpected symbol near '='" in proc.stderr


def test_missing_lfs_directory_is_a_boot_error(tmp_path):
    proc = run(tmp_path, "print('main chunk ran')\n", "--lfs", str(tmp_path / "absent"))
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert "cannot build the LFS image" in proc.stderr
