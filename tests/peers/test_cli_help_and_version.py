"""runtime.md §1.2: --help and -h print the usage on stdout with status 0;
--version prints `nodemcu-host <ver> (Lua <release>; firmware API
3.0.0-release_20240225)` with status 0. Neither runs a script."""
import os
import re
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=30)


def test_help_prints_usage_on_stdout_with_status_0():
    for flag in ("--help", "-h"):
        proc = run(flag)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        assert proc.stdout.startswith("Usage:\n")
        for text in ("SCRIPT [ARG...]", "DIR [ARG...]", "-e CHUNK", "--on-error", "--timeout",
                     "Exit status"):
            assert text in proc.stdout, text


def test_help_wins_over_an_operand_and_runs_nothing(tmp_path):
    script = tmp_path / "s.lua"
    script.write_text('print("the script ran")\n')
    proc = run("--help", str(script))
    assert proc.returncode == 0
    assert "the script ran" not in proc.stdout
    assert proc.stdout.startswith("Usage:\n")


def test_version_has_the_spec_form():
    proc = run("--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert re.fullmatch(r"nodemcu-host \d+\.\d+\.\d+ \(Lua 5\.[13]\.\d+; "
                        r"firmware API 3\.0\.0-release_20240225\)\n", proc.stdout), proc.stdout
