"""Runs scripts/check-raise on fixture.cpp: it must exit 1 and report
exactly the lines of expected.txt (paths relative to the source tree)."""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
build = sys.argv[1]
run = subprocess.run(
    ["/usr/bin/python3", os.path.join(root, "scripts", "check-raise"), "-p", build, "-j", "1",
     os.path.join(here, "fixture.cpp")],
    cwd=root, capture_output=True, text=True, check=False)
with open(os.path.join(here, "expected.txt")) as f:
    expected = f.read()
sys.stdout.write(run.stdout)
sys.stderr.write(run.stderr)
if run.returncode != 1 or run.stdout != expected:
    print(f"check-raise exited {run.returncode}; expected exit 1 and exactly:\n{expected}",
          file=sys.stderr)
    sys.exit(1)
