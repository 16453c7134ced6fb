"""runtime.md §2.1, §4.2.1: node.startup{command="@other.lua"} makes the
next boot run other.lua in place of init.lua (DIR mode); the command
survives further restarts until node.startup{} clears it."""
import os
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def test_command_runs_another_file_at_the_next_boot(tmp_path):
    (tmp_path / "init.lua").write_text("""\
print("init.lua", node.bootreason())
if node.bootreason() == 1 then
  node.startup({command = "@other.lua"})
  node.restart()
end
""")
    (tmp_path / "other.lua").write_text("""\
local raw, extended = node.bootreason()
print("other.lua", raw, extended, node.startup().command)
node.startup({})
node.restart()
""")
    proc = subprocess.run([BINARY, "--timeout", "10", str(tmp_path)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "init.lua\t1\t0\nother.lua\t2\t4\t@other.lua\ninit.lua\t2\t4\n"
