#!/usr/bin/python3
"""DBLP-scale benchmark of coauthor, with networkx and igraph on the 1-million corpus.

Run by hand from the repository root (not in CI: the 7.5-million corpus is 4 GB
and the whole run takes about half an hour on 2 cores):

    /usr/bin/python3 cmd/coauthor/bench/dblp.py [SIZE ...]

SIZE defaults to 10000 1000000 7500000 papers. For each size it generates the
corpus with `coauthor gen` (kept in $DATA, default /tmp/coauthor-bench, and
reused), then runs under /usr/bin/time -v:

    parse+build   coauthor rank --by degree        (reading, resolving, building)
    pagerank      coauthor rank --by pagerank
    leiden        coauthor clusters --algorithm leiden
    betweenness   coauthor rank --by betweenness --samples 1000 ($BIG_PIVOTS
                  above a million papers)
    stats         coauthor stats

and reports each step's own time (from -progress's "done in" lines), the
command's wall time and peak memory, and the parse throughput in MB/s.

On the 1-million corpus it also exports the edge list and times igraph
(python3-igraph) and networkx (python3-networkx) on it with peers.py, in the
same run, for the ratio. PEERS=0 skips them.
"""
import os
import re
import subprocess
import sys

DATA = os.environ.get("DATA", "/tmp/coauthor-bench")
HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(DATA, "coauthor")


def duration(s):
    """Seconds of a Go duration string: 1m2.5s, 38s, 1.76s, 45ms."""
    total = 0.0
    for num, unit in re.findall(r"([\d.]+)(h|ms|µs|us|ns|m|s)", s):
        total += float(num) * {"h": 3600, "m": 60, "s": 1, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}[unit]
    return total


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns stdout, stderr, wall seconds, peak MB."""
    tfile = os.path.join(DATA, "time.txt")
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    t = open(tfile).read()
    wall = duration_clock(re.search(r"Elapsed \(wall clock\) time.*: (.*)", t).group(1))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    return p.stdout, p.stderr, wall, peak


def duration_clock(s):
    parts = [float(x) for x in s.split(":")]
    secs = 0.0
    for x in parts:
        secs = secs * 60 + x
    return secs


def steps(stderr):
    """Step name → seconds, from the 'coauthor: STEP: ... done in D' lines."""
    out = {}
    for m in re.finditer(r"coauthor: ([^:\n]+): [^\n]*done in (\S+)", stderr):
        name = m.group(1)
        if name.startswith("reading "):
            name = "reading"
        out[name] = duration(m.group(2))
    return out


def pivots(n):
    """Betweenness pivots: 1000, or $BIG_PIVOTS above a million papers (1000
    pivots take about 45 minutes on the 7.5-million corpus)."""
    return int(os.environ.get("BIG_PIVOTS", "1000")) if n > 1000000 else 1000


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [10000, 1000000, 7500000]
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["go", "build", "-o", BIN, "./cmd/coauthor"], check=True)
    rows = []
    for n in sizes:
        corpus = os.path.join(DATA, f"dblp-{n}.xml")
        if not os.path.exists(corpus) or os.path.getsize(corpus) == 0:
            subprocess.run([BIN, "gen", "-papers", str(n), "-o", corpus], check=True)
        mb = os.path.getsize(corpus) / 1e6
        runs = [
            ("parse+build", ["rank", "--by", "degree", "--top", "10"], None),
            ("pagerank", ["rank", "--by", "pagerank", "--top", "10"], "computing pagerank"),
            ("leiden", ["clusters", "--algorithm", "leiden", "--top", "10"], "leiden"),
            (f"betweenness, {pivots(n)} pivots", ["rank", "--by", "betweenness", "--samples", str(pivots(n)), "--top", "10"], "computing betweenness"),
            ("stats", ["stats"], None),
        ]
        for label, args, step in runs:
            out, err, wall, peak = timed([BIN] + args + ["--progress", corpus])
            with open(os.path.join(DATA, f"output-{n}-{label.split(',')[0]}.txt"), "w") as f:
                f.write(out + "\n" + err)
            st = steps(err)
            if label == "parse+build":
                read = st.get("reading", 0)
                own = read + st.get("resolving names", 0) + st.get("building the graph", 0)
                note = f"read {read:.1f} s ({mb / read:.0f} MB/s), resolve {st.get('resolving names', 0):.1f} s, build {st.get('building the graph', 0):.1f} s"
            elif step:
                own = st.get(step, float("nan"))
                note = ""
            else:
                own = wall
                note = ""
            rows.append((n, label, own, wall, peak, note))
            print(f"{n:>9} {label:26s} step {own:8.2f} s  command {wall:8.2f} s  peak {peak / 1024:6.2f} GB  {note}", flush=True)
        if n == 1000000 and os.environ.get("PEERS", "1") != "0":
            peers(corpus)


def peers(corpus):
    out = os.path.join(DATA, "edges-1m")
    subprocess.run([BIN, "export", "-to", "csv", "-measures", "degree", "-algorithm", "none", "-o", out, corpus],
                   check=True, capture_output=True)
    for tool in ["igraph", "networkx"]:
        stdout, _, wall, peak = timed(["/usr/bin/python3", os.path.join(HERE, "peers.py"), tool, os.path.join(out, "edges.csv")])
        for line in stdout.splitlines():
            print(f"  {tool:9s} {line}", flush=True)
        print(f"  {tool:9s} whole run {wall:.1f} s, peak {peak / 1024:.2f} GB", flush=True)


if __name__ == "__main__":
    main()
