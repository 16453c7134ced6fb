"""runtime.md §1.1, §4.14: the ARGs after the operand reach the script as
_HOST.args, never as the main chunk's varargs (`...` is empty, as on the
device); options placed after the operand are ARGs too."""
import os
import subprocess

BINARY = os.environ["NODEMCU_HOST"]

SCRIPT = """\
print(select("#", ...))
print(#_HOST.args)
for i, a in ipairs(_HOST.args) do print(i, a) end
"""


def run(tmp_path, *args):
    script = tmp_path / "args.lua"
    script.write_text(SCRIPT)
    return subprocess.run([BINARY, "--timeout", "10", str(script), *args],
                          capture_output=True, text=True, timeout=30)


def test_args_after_the_script_fill_host_args(tmp_path):
    proc = run(tmp_path, "one", "two words", "--strict", "")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "0\n4\n1\tone\n2\ttwo words\n3\t--strict\n4\t\n"


def test_no_args_gives_an_empty_table(tmp_path):
    proc = run(tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "0\n0\n"


def test_option_after_the_script_is_not_applied(tmp_path):
    # --strict after the operand is an ARG, so the run is not strict.
    script = tmp_path / "strict.lua"
    script.write_text("print(_HOST.strict, _HOST.args[1])\n")
    proc = subprocess.run([BINARY, "--timeout", "10", str(script), "--strict"],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "false\t--strict\n"
