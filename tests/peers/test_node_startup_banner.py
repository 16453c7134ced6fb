"""runtime.md §1.4, §4.2.1: with --banner the banner is printed at every
boot, except once node.startup{banner=false} is in effect (kept across the
restart)."""
import os
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def test_banner_false_hides_the_banner_at_the_next_boot(tmp_path):
    script = tmp_path / "banner.lua"
    script.write_text("""\
print("boot", node.bootreason())
if node.bootreason() == 1 then
  node.startup({banner = false})
  node.restart()
end
""")
    proc = subprocess.run([BINARY, "--timeout", "10", "--banner", str(script)],
                          capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.split("boot\t1\t0\n")
    assert first.startswith("\nNodeMCU 3.0.0.0 \n")
    assert second == "boot\t2\t4\n"
