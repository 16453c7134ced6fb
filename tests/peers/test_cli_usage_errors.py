"""runtime.md §1.2, §1.3: a bad option, value or operand is E-USAGE on
stderr and status 2; nothing runs and stdout stays empty."""
import os
import subprocess

import pytest

BINARY = os.environ["NODEMCU_HOST"]
USAGE = "nodemcu-host: error: E-USAGE: "


@pytest.fixture
def script(tmp_path):
    path = tmp_path / "s.lua"
    path.write_text('print("ran")\n')
    return str(path)


BAD = [
    ["--frobnicate"],
    ["--profile", "esp32"],
    ["--on-error", "panic"],
    ["--max-restarts", "-1"],
    ["--on-dsleep", "never"],
    ["--timeout", "0"],
    ["--timeout", "soon"],
    ["--heap", "0"],
    ["--heap-scale", "-1"],
    ["--port-map", "80"],
    ["--dns-server", "not-an-ip"],
    ["--ip", "300.1.1.1"],
    ["--wifi", "sideways"],
    ["--wifi-delay", "-5"],
    ["--chipid", "0x1000000"],
    ["--modules", "tmr,warpdrive"],
    ["--ntest=junit"],
    ["--uptime-offset", "-1"],
    ["--quiet=yes"],
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a) for a in BAD])
def test_bad_option_is_a_usage_error(script, args):
    proc = subprocess.run([BINARY, *args, script], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(USAGE), proc.stderr


def test_missing_value_at_the_end_is_a_usage_error():
    proc = subprocess.run([BINARY, "--timeout"], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith(USAGE)


def test_profile_esp32_names_the_supported_profiles(script):
    proc = subprocess.run([BINARY, "--profile", "esp32", script], capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 2
    assert "esp8266, host" in proc.stderr


def test_no_operand_and_nothing_to_run_is_a_usage_error():
    proc = subprocess.run([BINARY], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith(USAGE)


def test_missing_script_is_a_usage_error(tmp_path):
    proc = subprocess.run([BINARY, str(tmp_path / "absent.lua")], capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith(USAGE) and "absent.lua" in proc.stderr


def test_root_that_is_not_a_directory_is_a_usage_error(script, tmp_path):
    proc = subprocess.run([BINARY, "--root", str(tmp_path / "nowhere"), script],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith(USAGE) and "--root" in proc.stderr
