"""net.md §7.1, §7.3 against dnsmasq on a loopback port: the first A record
in answer order, NXDOMAIN and an empty answer fail at once, the host
profile's AAAA fallback, and a setdnsserver "ip:port" server."""
import pytest

from dns_util import dns_query, dnsmasq_server, run_script


@pytest.fixture(scope="module")
def dnsmasq():
    yield from dnsmasq_server(
        "--address=/pair.test/10.0.0.1", "--address=/pair.test/10.0.0.2",
        "--address=/name.test/10.1.2.3",
        "--address=/v6only.test/fd00::5", "--local=/v6only.test/",
        "--address=/nx.test/")


def run(tmp_path, script, *options):
    return run_script(tmp_path, script, 20, *options)


LOOKUP = """\
local t0 = tmr.now()
net.dns.resolve(%r, function(first, ip)
  print(first, ip, (tmr.now() - t0) // 1000)
end)
"""


def lookup(tmp_path, port, name, *options):
    out = run(tmp_path, LOOKUP.replace("%r", '"' + name + '"'),
              "--dns-server", f"127.0.0.1:{port}", *options)
    first, ip, ms = out.split("\t")
    assert first == "nil"
    return ip, int(ms)


def test_the_first_a_record_in_answer_order(tmp_path, dnsmasq):
    rcode, order = dns_query(dnsmasq, "pair.test")
    assert rcode == 0 and sorted(order) == ["10.0.0.1", "10.0.0.2"]
    assert dns_query(dnsmasq, "pair.test")[1] == order  # dnsmasq keeps this order
    for profile in ("esp8266", "host"):
        ip, _ = lookup(tmp_path, dnsmasq, "pair.test", "--profile", profile)
        assert ip == order[0]


def test_nxdomain_gives_nil_at_once(tmp_path, dnsmasq):
    assert dns_query(dnsmasq, "nx.test")[0] == 3
    ip, ms = lookup(tmp_path, dnsmasq, "nx.test")
    assert ip == "nil"
    assert ms < 900  # not the 7 s the device would wait


def test_empty_answer_gives_nil_at_once_in_esp8266(tmp_path, dnsmasq):
    assert dns_query(dnsmasq, "v6only.test") == (0, [])
    ip, ms = lookup(tmp_path, dnsmasq, "v6only.test")
    assert ip == "nil"
    assert ms < 900


def test_host_profile_falls_back_to_aaaa(tmp_path, dnsmasq):
    ip, _ = lookup(tmp_path, dnsmasq, "v6only.test", "--profile", "host")
    assert ip == "fd00::5"


def test_setdnsserver_with_a_port_under_host(tmp_path, dnsmasq):
    script = f"""\
net.dns.setdnsserver("127.0.0.1:{dnsmasq}")
net.dns.resolve("name.test", function(_, ip) print(ip) end)
"""
    # The initial server would not know name.test; 192.0.2.1 never answers.
    assert run(tmp_path, script, "--profile", "host", "--dns-server", "192.0.2.1") == "10.1.2.3\n"
