#!/usr/bin/env python3
"""bench/summarize.py OUT "RUNTIMES": raw files of bench/run -> summary.md (stdout).

Standard library only. Medians over the REPS runs, with min-max of the rate.
"""
import json
import os
import re
import statistics
import sys

out, runtimes = sys.argv[1], sys.argv[2].split()
raw = os.path.join(out, "raw")
LABEL = {
    "nmh-host": "nodemcu-host --profile host",
    "nmh-esp8266": "nodemcu-host --profile esp8266",
    "nmh-host4": "nodemcu-host --profile host",
    "node": "Node.js net",
    "luv": "Lua 5.3 + luv",
    "lua5.3": "bare Lua 5.3 (reference)",
    "floor": "empty static C program (floor)",
    "c-floor": "C epoll server, no runtime (floor)",
}
COMMAND = {
    "nmh-host": "nodemcu-host --profile host empty.lua",
    "nmh-esp8266": "nodemcu-host --profile esp8266 empty.lua",
    "node": "node -e ''",
    "luv": "lua5.3 -e 'require(\"luv\")'",
    "lua5.3": "lua5.3 -e ''",
    "floor": "int main(void) { return 0; }",
}


def read(name):
    try:
        with open(os.path.join(raw, name)) as f:
            return f.read()
    except OSError:
        return None


def meta(name):
    text = read(name)
    return dict(kv.split("=", 1) for kv in text.split()) if text else None


def ms(token):  # a wrk latency such as 812.00us, 1.21ms, 2.00s -> milliseconds
    m = re.match(r"([\d.]+)(us|ms|s|m)$", token)
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[m.group(2)]


def parse_wrk(text):
    if not text or "Requests/sec" not in text:
        return None
    r = {"rate": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
         "n": int(re.search(r"(\d+) requests in", text).group(1)), "p99": None, "errors": 0}
    m = re.search(r"^\s+99(?:\.000)?%\s+(\S+)", text, re.M)
    if m:
        r["p99"] = ms(m.group(1))
    m = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        r["errors"] += sum(map(int, m.groups()))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        r["errors"] += int(m.group(1))
    return r


def parse_echo(text):
    if not text or "rt_per_s=" not in text:
        return None
    kv = dict(re.findall(r"(\w+)=([\d.]+)", text))
    return {"rate": float(kv["rt_per_s"]), "n": int(kv["round_trips"]),
            "p99": int(kv["p99_us"]) / 1000.0, "errors": int(kv["errors"])}


def reps_of(test, rt):
    pat = re.compile(rf"^{test}-{re.escape(rt)}-(\d+)\.txt$")
    return sorted(int(m.group(1)) for f in os.listdir(raw) if (m := pat.match(f)))


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def load_runs(test, rt):
    parse = parse_echo if test == "echo" else parse_wrk
    runs = []
    for rep in reps_of(test, rt):
        r = parse(read(f"{test}-{rt}-{rep}.txt"))
        m = meta(f"{test}-{rt}-{rep}.txt.meta")
        if r is None:
            continue
        if m and r["n"]:
            hz = int(m["hz"])
            r["user"] = int(m["srv_user_ticks"]) / hz * 1e6 / r["n"]
            r["sys"] = int(m["srv_sys_ticks"]) / hz * 1e6 / r["n"]
            r["conns"] = m.get("conns", "")
            if "srv_sleeps" in m:
                r["sleeps"] = int(m["srv_sleeps"]) / r["n"]
        runs.append(r)
    return runs


def cpu_of(test, rt):  # (user, total) medians in µs per request, or None
    runs = load_runs(test, rt)
    user, sys_ = med([r.get("user") for r in runs]), med([r.get("sys") for r in runs])
    return None if user is None or sys_ is None else (user, user + sys_)


def load_table(test, title, unit):
    lines = [f"### {title}", "",
             f"| runtime | conns | {unit}s/s, median (min–max) | p99 ms | server CPU µs per {unit} = user + sys "
             f"| sleeps per {unit} | errors |",
             "|---|---|---|---|---|---|---|"]
    for rt in runtimes:
        runs = load_runs(test, rt)
        if not runs:
            lines.append(f"| {LABEL.get(rt, rt)} | | failed or not run | | | | |")
            continue
        rates = [r["rate"] for r in runs]
        p99 = med([r["p99"] for r in runs])
        user, sys_ = med([r.get("user") for r in runs]), med([r.get("sys") for r in runs])
        cpu = f"{user + sys_:.1f} = {user:.1f} + {sys_:.1f}" if user is not None else ""
        sleeps = med([r.get("sleeps") for r in runs])
        lines.append(f"| {LABEL.get(rt, rt)} | {runs[0].get('conns', '')} | "
                     f"{med(rates):,.0f} ({min(rates):,.0f}–{max(rates):,.0f}) | "
                     f"{'' if p99 is None else f'{p99:.2f}'} | {cpu} | "
                     f"{'' if sleeps is None else f'{sleeps:.3f}'} | "
                     f"{sum(r['errors'] for r in runs)} |")
    return lines + [""]


doc = ["# nodemcu-host benchmark", ""]
versions = read("../versions.txt")
if versions:
    doc += ["```", versions.rstrip(), "```", ""]
doc += ["Rates are medians over the measured runs with min–max; p99 is the median of the runs' p99; "
        "server CPU is utime + stime of the server process over the run (/proc/PID/stat) divided "
        "by the requests or round trips served. The esp8266 profile accepts at most 5 TCP "
        "connections, so it is loaded with fewer connections (column conns): its figures compare "
        "with the others per request, not per second. Sleeps are the server's voluntary context "
        "switches per request: how often it found nothing to do and blocked in the kernel.", ""]

def targets():
    """Issue 5's targets for the host profile, each against this run's own peers."""
    rows = []

    def ratio_row(label, peer, limit, ours, theirs):
        r = ours / theirs
        rows.append(f"| {label} | ≤ {limit:.2f} × {LABEL[peer]} | {ours:.2f} / {theirs:.2f} µs "
                    f"= **{r:.2f} ×** | {'met' if r <= limit else 'not met'} |")

    def ratio(test, what, peer, limit, label):
        ours, theirs = cpu_of(test, "nmh-host"), cpu_of(test, peer)
        if ours is None or theirs is None:
            rows.append(f"| {label} | ≤ {limit:.2f} × {LABEL[peer]} | not run | |")
            return
        i = 0 if what == "user" else 1
        ratio_row(label, peer, limit, ours[i], theirs[i])

    def above_floor(test, limit, label):
        # The C server's user time is what this machine charges any server for
        # the same system calls (floor_server.c); what a runtime adds is above it.
        ours, theirs, floor = cpu_of(test, "nmh-host"), cpu_of(test, "luv"), cpu_of(test, "c-floor")
        if ours is None or theirs is None or floor is None:
            return
        if theirs[0] > floor[0]:
            ratio_row(f"{label} ({floor[0]:.2f} µs)", "luv", limit, ours[0] - floor[0], theirs[0] - floor[0])

    ratio("http_ka", "total", "luv", 0.95, "HTTP keep-alive, server CPU per request")
    ratio("http_ka", "total", "node", 0.85, "HTTP keep-alive, server CPU per request")
    ratio("http_ka", "user", "luv", 0.70, "HTTP keep-alive, user-space CPU per request")
    above_floor("http_ka", 0.70, "HTTP keep-alive, user-space CPU per request above the floor")
    ratio("echo", "total", "luv", 0.95, "TCP echo 64 B, server CPU per round trip")
    ratio("echo", "user", "luv", 0.70, "TCP echo 64 B, user-space CPU per round trip")
    above_floor("echo", 0.70, "TCP echo 64 B, user-space CPU per round trip above the floor")
    ratio("http_close", "total", "luv", 1.00, "HTTP Connection: close, server CPU per request")
    m = meta("idle-nmh-host.meta")
    if m:
        rss0 = int(m["rss0"])
        rows.append(f"| RSS right after start | ≤ 3 MB (3,072 KB) | {rss0:,} KB | "
                    f"{'met' if rss0 <= 3072 else 'not met'} |")
        if "rss1" in m:
            per = (int(m["rss1"]) - rss0) / max(int(m["accepted"]), 1)
            rows.append(f"| per idle connection, {int(m['n']):,} held | ≤ 0.5 KB | {per:.3f} KB | "
                        f"{'met' if per <= 0.5 else 'not met'} |")
    startup = read("startup.json")
    if startup:
        res = {r["command"]: r for r in json.loads(startup)["results"]}
        if "nmh-host" in res:
            mean = res["nmh-host"]["mean"] * 1000
            floor = f" (floor on this machine: {res['floor']['mean'] * 1000:.2f} ms)" if "floor" in res else ""
            rows.append(f"| startup + exit of an empty script | ≤ 2 ms | {mean:.2f} ms{floor} | "
                        f"{'met' if mean <= 2 else 'not met'} |")
    return ["## Targets (host profile, this run)", "",
            "| measure | target | measured: nodemcu-host / peer | |", "|---|---|---|---|"] + rows + [
            "", "Rows *above the floor* subtract, from both sides, the user time of "
            "`bench/loadgen/floor_server` (in brackets): a C epoll server making the same reads and "
            "writes with no runtime. Where a machine charges part of every system call as user "
            "time (versions.txt: page-table isolation without PCID, and what one getppid costs), "
            "that share is the same for every server and is not a runtime's own work.", ""]


doc += targets()
doc += load_table("http_ka", "HTTP hello, keep-alive (wrk -t1)", "request")
doc += load_table("http_close", "HTTP hello, Connection: close (wrk -t1)", "request")
doc += load_table("echo", "TCP echo, 64-byte ping-pong (bench/loadgen/echo_load)", "round trip")

doc += ["### Memory (VmRSS)", "",
        "| runtime | RSS after start, KB | RSS holding idle connections, KB | KB per idle connection |",
        "|---|---|---|---|"]
for rt in runtimes:
    if rt in ("nmh-host4", "c-floor"):  # nmh-host's server under another load; not a runtime
        continue
    m = meta(f"idle-{rt}.meta")
    if not m:
        doc.append(f"| {LABEL.get(rt, rt)} | not run | | |")
        continue
    rss0 = int(m["rss0"])
    if "rss1" not in m:
        doc.append(f"| {LABEL.get(rt, rt)} | {rss0:,} | n/a (5 connections at most) | n/a |")
        continue
    rss1, n, accepted = int(m["rss1"]), int(m["n"]), int(m["accepted"])
    note = "" if accepted >= n else f" (only {accepted:,} accepted)"
    doc.append(f"| {LABEL.get(rt, rt)} | {rss0:,} | {rss1:,} @ {n:,} conns{note} | "
               f"{(rss1 - rss0) / max(accepted, 1):.2f} |")
doc.append("")

startup = read("startup.json")
doc += ["### Startup + exit of an empty script (hyperfine -N, 100 runs after 10 warm-up runs)", "",
        "The last two rows are references: bare Lua, and exec + exit of a static C program "
        "that does nothing, the least any process costs on this machine.", "",
        "| runtime | command | mean ms ± sd | min ms |", "|---|---|---|---|"]
if startup:
    for r in json.loads(startup)["results"]:
        doc.append(f"| {LABEL.get(r['command'], r['command'])} | `{COMMAND.get(r['command'], '')}` | "
                   f"{r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} | {r['min'] * 1000:.1f} |")
else:
    doc.append("| not run | | | |")
doc.append("")
print("\n".join(doc))
