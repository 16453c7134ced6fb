"""Network namespaces for peer tests that need more than loopback (a peer that
vanishes from the wire, a per-namespace sysctl). Each namespace is named after
the test process, so parallel runs do not meet, and is deleted on exit from its
`with` block even when the test fails; deleting a namespace also deletes the
veth ends inside it. Needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN) and iproute2."""
import ctypes
import os
import socket
import subprocess
import threading

CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(None, use_errno=True)


def run(*cmd):
    """Runs a command; a failure names the command and quotes its stderr."""
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    assert proc.returncode == 0, "%s failed (status %d): %s" % (
        " ".join(cmd), proc.returncode, proc.stderr.strip())
    return proc.stdout


class Namespace:
    def __init__(self, tag):
        self.name = "nmh-%s-%d" % (tag, os.getpid())

    def __enter__(self):
        run("ip", "netns", "add", self.name)
        try:
            self.ip("link", "set", "lo", "up")
        except BaseException:
            self.delete()
            raise
        return self

    def __exit__(self, *exc):
        self.delete()

    def delete(self):
        subprocess.run(["ip", "netns", "delete", self.name], capture_output=True, timeout=20)

    def ip(self, *args):
        return run("ip", "-n", self.name, *args)

    def sysctl(self, key, value):
        # Written from inside the namespace: ip netns exec mounts its own /proc/sys/net view.
        run("ip", "netns", "exec", self.name, "sysctl", "-q", "-w", "%s=%s" % (key, value))

    def command(self, *cmd):
        """argv that runs cmd inside this namespace."""
        return ["ip", "netns", "exec", self.name, *cmd]

    def socket(self, *args):
        """A socket that lives in this namespace. setns() switches only the
        calling thread, so a short-lived thread enters the namespace and makes
        the socket; the socket keeps its namespace and is then usable anywhere."""
        made = {}

        def enter_and_make():
            try:
                fd = os.open("/run/netns/" + self.name, os.O_RDONLY)
                try:
                    if _libc.setns(fd, CLONE_NEWNET) != 0:
                        err = ctypes.get_errno()
                        raise OSError(err, "setns: " + os.strerror(err))
                finally:
                    os.close(fd)
                made["socket"] = socket.socket(*args)
            except BaseException as e:  # re-raised in the caller's thread
                made["error"] = e

        t = threading.Thread(target=enter_and_make)
        t.start()
        t.join(20)
        assert not t.is_alive(), "entering namespace %s hung" % self.name
        if "error" in made:
            raise made["error"]
        return made["socket"]


def veth_pair(a, a_if, a_addr, b, b_if, b_addr):
    """A veth link between namespaces a and b, with an address (CIDR) on each end, up."""
    a.ip("link", "add", a_if, "type", "veth", "peer", "name", b_if, "netns", b.name)
    a.ip("addr", "add", a_addr, "dev", a_if)
    b.ip("addr", "add", b_addr, "dev", b_if)
    a.ip("link", "set", a_if, "up")
    b.ip("link", "set", b_if, "up")
