"""runtime.md §6.2, §1.3: the --ntest harness where the behaviour scripts of
tests/lua cannot reach: NTest found in an --lfs image, --timeout and other
statuses that win over 4, a restart that cuts a run short, and the option's
values. The NTest used is the project's own fixture, tests/ntest/NTest.lua."""
import os
import pathlib
import shutil
import subprocess

BINARY = os.environ["NODEMCU_HOST"]
FIXTURE = pathlib.Path(__file__).resolve().parent.parent / "ntest" / "NTest.lua"

FAILING = """\
local N = require "NTest" ("lfs run")
N.test("passes", function() ok(true) end)
N.test("fails", function() ok(false, "on purpose") end)
"""

PASSING = """\
local N = require "NTest" ("lfs run")
N.test("passes", function() ok(true) end)
"""


def run(tmp_path, script_text, *options, ntest_in_root=True, timeout=10):
    root = tmp_path / "flash"
    root.mkdir(exist_ok=True)
    if ntest_in_root:
        shutil.copy(FIXTURE, root / "NTest.lua")
    script = root / "test.lua"
    script.write_text(script_text)
    return subprocess.run([BINARY, "--timeout", str(timeout), *options, str(script)],
                          capture_output=True, text=True, timeout=30)


def lfs_image(tmp_path):
    lfs = tmp_path / "lfs"
    lfs.mkdir()
    shutil.copy(FIXTURE, lfs / "NTest.lua")
    return lfs


def test_ntest_from_lfs_image_is_wrapped(tmp_path):
    lfs = lfs_image(tmp_path)
    proc = run(tmp_path, FAILING, "--ntest=tap", "--lfs", str(lfs), ntest_in_root=False)
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == [
        "TAP: # start lfs run",
        "TAP: ok 1 passes",
        "TAP: not ok 2 fails # on purpose: assertion failed at test.lua:3",
        "TAP: 1..2",
    ]
    assert 'E-NTEST: NTest run "lfs run": 1 failed, 0 raised' in proc.stderr


def test_ntest_from_lfs_image_passing_exits_0(tmp_path):
    lfs = lfs_image(tmp_path)
    proc = run(tmp_path, PASSING, "--ntest", "--lfs", str(lfs), ntest_in_root=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines() == ["start lfs run", "pass passes", "finish lfs run"]


def test_timeout_keeps_status_124(tmp_path):
    # The async test waits for a timer past --timeout: the run never finishes,
    # but the timeout is the better verdict and keeps its status (§1.3).
    script = """\
local N = require "NTest" ("slow")
N.test("fails first", function() ok(false) end)
N.testasync("waits", function(next)
  tmr.create():alarm(60000, tmr.ALARM_SINGLE, function() next() end)
end)
"""
    proc = run(tmp_path, script, "--ntest", timeout=0.5)
    assert proc.returncode == 124, proc.stdout + proc.stderr
    assert "E-TIMEOUT" in proc.stderr
    assert "E-NTEST" not in proc.stderr


def test_uncaught_error_keeps_status_1(tmp_path):
    # A main chunk that raises after a failing test is defined: status 1
    # (the error) wins over 4.
    script = FAILING + "error('main chunk fails')\n"
    proc = run(tmp_path, script, "--ntest")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "E-LUA" in proc.stderr


def test_host_exit_0_with_an_unfinished_run_exits_4(tmp_path):
    # _HOST.exit(0) ends the work early; the run it cut short never finished.
    script = """\
local N = require "NTest" ("cut short")
N.test("first", function() ok(true) end)
N.test("exits", function() _HOST.exit(0) end)
N.test("never runs", function() ok(true) end)
"""
    proc = run(tmp_path, script, "--ntest")
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert "never reached finish" in proc.stderr


def test_restart_cuts_a_run_short(tmp_path):
    # A run counts for the process, not the boot: one restarted mid-way never
    # finished, even though the second boot's run (a new one) passes.
    script = """\
local N = require "NTest" ("boot " .. select(2, node.bootreason()))
N.test("first", function() ok(true) end)
N.testasync("restarts once", function(next)
  if select(2, node.bootreason()) == 0 then node.restart() else next() end
end)
"""
    proc = run(tmp_path, script, "--ntest")
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert 'NTest run "boot 0": 0 failed, 0 raised; it never reached finish' in proc.stderr
    assert 'run "boot 4"' not in proc.stderr
    assert proc.stdout.splitlines()[-1] == "finish boot 4"


def test_require_of_other_modules_is_untouched(tmp_path):
    root = tmp_path / "flash"
    root.mkdir()
    (root / "helper.lua").write_text("return function() return 42 end\n")
    proc = run(tmp_path, "assert(require('helper')() == 42)\n"
               "local ok, err = pcall(require, 'missing')\n"
               "assert(not ok and err:find(\"module 'missing' not found\", 1, true))\n",
               "--ntest")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_missing_ntest_reports_the_usual_require_error(tmp_path):
    proc = run(tmp_path, "local ok, err = pcall(require, 'NTest')\nprint(ok, err)\n",
               "--ntest", ntest_in_root=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("false\tmodule 'NTest' not found:")
    assert "no file 'NTest.lua'" in proc.stdout


def test_bad_ntest_mode_is_a_usage_error(tmp_path):
    proc = run(tmp_path, PASSING, "--ntest=junit")
    assert proc.returncode == 2
    assert "E-USAGE" in proc.stderr
