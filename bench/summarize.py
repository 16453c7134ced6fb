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
    "node": "Node.js net",
    "luv": "Lua 5.3 + luv",
}
COMMAND = {
    "nmh-host": "nodemcu-host --profile host empty.lua",
    "nmh-esp8266": "nodemcu-host --profile esp8266 empty.lua",
    "node": "node -e ''",
    "luv": "lua5.3 -e 'require(\"luv\")'",
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


def load_table(test, title, unit):
    parse = parse_echo if test == "echo" else parse_wrk
    lines = [f"### {title}", "",
             f"| runtime | conns | {unit}s/s, median (min–max) | p99 ms | server CPU µs per {unit} = user + sys | errors |",
             "|---|---|---|---|---|---|"]
    for rt in runtimes:
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
            runs.append(r)
        if not runs:
            lines.append(f"| {LABEL.get(rt, rt)} | | failed or not run | | | |")
            continue
        rates = [r["rate"] for r in runs]
        p99 = med([r["p99"] for r in runs])
        user, sys_ = med([r.get("user") for r in runs]), med([r.get("sys") for r in runs])
        cpu = f"{user + sys_:.1f} = {user:.1f} + {sys_:.1f}" if user is not None else ""
        lines.append(f"| {LABEL.get(rt, rt)} | {runs[0].get('conns', '')} | "
                     f"{med(rates):,.0f} ({min(rates):,.0f}–{max(rates):,.0f}) | "
                     f"{'' if p99 is None else f'{p99:.2f}'} | {cpu} | "
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
        "with the others per request, not per second.", ""]

doc += load_table("http_ka", "HTTP hello, keep-alive (wrk -t1)", "request")
doc += load_table("http_close", "HTTP hello, Connection: close (wrk -t1)", "request")
doc += load_table("echo", "TCP echo, 64-byte ping-pong (bench/loadgen/echo_load)", "round trip")

doc += ["### Memory (VmRSS)", "",
        "| runtime | RSS after start, KB | RSS holding idle connections, KB | KB per idle connection |",
        "|---|---|---|---|"]
for rt in runtimes:
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
doc += ["### Startup + exit of an empty script (hyperfine -N, 30 runs)", "",
        "| runtime | command | mean ms ± sd | min ms |", "|---|---|---|---|"]
if startup:
    for r in json.loads(startup)["results"]:
        doc.append(f"| {LABEL.get(r['command'], r['command'])} | `{COMMAND.get(r['command'], '')}` | "
                   f"{r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} | {r['min'] * 1000:.1f} |")
else:
    doc.append("| not run | | | |")
doc.append("")
print("\n".join(doc))
