"""runtime.md §1.3: status 70 for an internal error, provoked honestly: with
too few file descriptors the event loop (or the flash root) cannot be
opened, which must be E-INTERNAL and 70, never a crash or a usage error."""
import os
import resource
import signal
import subprocess

BINARY = os.environ["NODEMCU_HOST"]


def run_with_fd_limit(n, cwd):
    def limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))
    return subprocess.run([BINARY, "-e", "print('ran')"], capture_output=True, text=True,
                          timeout=30, preexec_fn=limit, cwd=cwd)


def checker_failed(p):
    # A sanitizer build's checker needs descriptors of its own (a pipe to
    # probe memory, its shared library to load) and reports its own failure:
    # such runs say nothing here.
    return ("runtime error:" in p.stderr or "Sanitizer" in p.stderr
            or "error while loading shared libraries" in p.stderr)


def test_too_few_descriptors_is_an_internal_error(tmp_path):
    results = {n: run_with_fd_limit(n, tmp_path) for n in range(0, 33)}
    results = {n: p for n, p in results.items() if not checker_failed(p)}
    internal = [n for n, p in results.items() if p.returncode == 70]
    working = [n for n, p in results.items() if p.returncode == 0]
    assert internal, {n: (p.returncode, p.stderr) for n, p in results.items()}
    assert working, "the program never ran, even with 32 descriptors"
    for n in internal:
        p = results[n]
        assert p.stderr.startswith("nodemcu-host: error: E-INTERNAL: "), p.stderr
        assert p.stdout == ""
    for n, p in results.items():
        if n > max(internal):
            assert p.returncode == 0 and p.stdout == "ran\n", (n, p.returncode, p.stderr)
        else:
            assert n in internal, (n, p.returncode, p.stderr)
    assert min(working) > max(internal)


LOOP_LINE = ("nodemcu-host: error: E-INTERNAL: cannot create the event loop: "
             "too many open files\n")


def test_descriptors_for_stdio_and_one_or_two_more_give_the_loop_error(tmp_path):
    # stdin, stdout and stderr take three; with one or two more libuv's
    # one-time signal pipe cannot be made, which libuv answers with abort():
    # the runtime must see that first and say so as with any other shortage.
    for n in range(0, 6):
        p = run_with_fd_limit(n, tmp_path)
        if checker_failed(p):
            continue
        assert p.returncode != -signal.SIGABRT, (n, "silent abort")
        assert (p.returncode, p.stderr, p.stdout) == (70, LOOP_LINE, ""), (n, p.returncode)
