"""runtime.md §1.4: the banner is printed only with --banner, in the exact
form of the firmware (first line blank, second with a trailing space,
TAB-indented fields), before anything the script prints."""
import os
import re
import subprocess

BINARY = os.environ["NODEMCU_HOST"]

BANNER = re.compile(
    r"\n"
    r"NodeMCU 3\.0\.0\.0 \n"
    r"\tbranch: release\n"
    r"\tcommit: 36cbf9f017d356319a6369e299765eedff191154\n"
    r"\trelease: 3\.0\.0-release_20240225\n"
    r"\trelease DTS: 202402250804\n"
    r"\tSSL: (true|false)\n"
    r"\tbuild type: (double|float)\n"
    r"\tLFS: (0x0|\d+|0x[0-9a-f]+) bytes total capacity\n"
    r"\tmodules: (?P<modules>[a-z_0-9]+(,[a-z_0-9]+)*)\n"
    r" build [A-Z][a-z]{2} [ \d]\d \d{4} powered by Lua 5\.[13]\.\d+ on SDK nodemcu-host "
    r"\d+\.\d+\.\d+\n")


def run(tmp_path, *args):
    script = tmp_path / "s.lua"
    script.write_text('print("script")\n')
    return subprocess.run([BINARY, "--timeout", "10", *args, str(script)],
                          capture_output=True, text=True, timeout=30)


def test_banner_has_the_firmware_form(tmp_path):
    proc = run(tmp_path, "--banner")
    assert proc.returncode == 0, proc.stderr
    m = BANNER.match(proc.stdout)
    assert m, repr(proc.stdout)
    assert proc.stdout[m.end():] == "script\n"
    assert "tmr" in m.group("modules").split(",")


def test_banner_lists_only_the_selected_modules(tmp_path):
    proc = run(tmp_path, "--banner", "--modules", "tmr,node")
    m = BANNER.match(proc.stdout)
    assert m, repr(proc.stdout)
    assert sorted(m.group("modules").split(",")) == ["node", "tmr"]


def test_no_banner_without_the_option(tmp_path):
    proc = run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "script\n"
