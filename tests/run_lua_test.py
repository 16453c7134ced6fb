#!/usr/bin/env python3
"""Runs one behaviour test: a NodeMCU script whose exit status is the verdict
(runtime.md §6.1), plus what its header lines state.

Header lines (anywhere in the leading comment block):
  -- args: OPTIONS          options placed before the script (shell-split)
  -- operand: PATH          run PATH (relative to the script's folder) instead of the script
  -- status: N              expected exit status (default 0)
  -- stderr: REGEX          must match somewhere in stderr (repeatable)
  -- no-stderr: REGEX       must not match stderr (repeatable)
  -- stdin: TEXT            bytes fed to stdin (\\n escapes allowed); default: none
A file NAME.stdout next to NAME.lua holds the exact expected stdout.
"""
import os
import re
import shlex
import subprocess
import sys


def main():
    binary, script = sys.argv[1], os.path.abspath(sys.argv[2])
    args, stderr_re, no_stderr_re = [], [], []
    status, stdin, operand = 0, b"", script
    with open(script, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("--"):
                break
            m = re.match(r"--\s*(args|status|stderr|no-stderr|stdin|operand):\s?(.*)$", line.rstrip("\n"))
            if not m:
                continue
            key, value = m.groups()
            if key == "args":
                args += shlex.split(value)
            elif key == "status":
                status = int(value)
            elif key == "stderr":
                stderr_re.append(value)
            elif key == "no-stderr":
                no_stderr_re.append(value)
            elif key == "stdin":
                stdin = value.encode().decode("unicode_escape").encode("latin-1")
            elif key == "operand":
                operand = os.path.join(os.path.dirname(script), value)
    cmd = [binary, "--timeout", "30"] + args + [operand]
    proc = subprocess.run(cmd, input=stdin, capture_output=True, timeout=50)
    out, err = proc.stdout, proc.stderr.decode(errors="replace")
    failures = []
    if proc.returncode != status:
        failures.append(f"exit status {proc.returncode}, expected {status}")
    expected_path = os.path.splitext(script)[0] + ".stdout"
    if os.path.exists(expected_path):
        with open(expected_path, "rb") as f:
            expected = f.read()
        if out != expected:
            failures.append(f"stdout differs:\n--- expected\n{expected!r}\n--- got\n{out!r}")
    for pattern in stderr_re:
        if not re.search(pattern, err, re.MULTILINE):
            failures.append(f"stderr lacks /{pattern}/")
    for pattern in no_stderr_re:
        if re.search(pattern, err, re.MULTILINE):
            failures.append(f"stderr has /{pattern}/")
    sys.stdout.write("$ " + shlex.join(cmd) + "\n")
    if failures:
        sys.stdout.write("stdout:\n" + out.decode(errors="replace") + "\nstderr:\n" + err + "\n")
        sys.stdout.write("FAILED:\n  " + "\n  ".join(failures) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
