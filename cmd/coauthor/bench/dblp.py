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

    /usr/bin/python3 cmd/coauthor/bench/dblp.py whole [SIZE ...]

times instead coauthor's whole job against the peers' algorithm alone (issue
#24, goal 1), SIZE defaulting to 300000 1000000 papers, and prints one
Markdown table. coauthor runs from the XML (reading, resolving, building,
computing: the wall time of `rank --by pagerank`, `clusters --algorithm
leiden`, `rank --by betweenness --samples PIVOTS`); each peer runs on the
edge list coauthor exports (peers.py), timing the algorithm alone, loading
not counted. Betweenness: PIVOTS source nodes (default 20) on both sides,
extrapolated linearly to every node as a source (coauthor: the command's
time with its betweenness step scaled by N/PIVOTS). Medians of REPEATS
runs (default 5; 3 above 500,000 papers, whose commands take minutes; the
table gives the runs). Peers: Debian's igraph, networkx when the graph has
at most NX_MAX_EDGES edges (default 2,500,000: its graph takes about 1.5 kB
an edge), and NetworKit and igraph 1.x when pip can install them into a
virtual environment (else the table's heading says the registry was not
reachable).

    /usr/bin/python3 cmd/coauthor/bench/dblp.py whole3 [SIZE ...]

is the goal as written: coauthor's one whole job computing PageRank, Leiden
and exact betweenness against igraph computing the three on the ready edge
list, SIZE defaulting to 30000 300000 1000000 papers, with one Markdown
table of totals and ratios (wall time, and CPU time, which the load of
other work on the machine changes less). coauthor's job is `export -to csv
-measures pagerank,betweenness -algorithm leiden -samples HUGE` (HUGE:
exact): the command without betweenness (`-measures pagerank`) is timed
whole, REPEATS runs (default 5, 3 above 500,000 papers), and its
betweenness, which takes hours at 300,000 papers, is estimated by
TestExactBetweennessCost (graph/betweenness_cost_test.go): the twin
quotient built and timed, SEARCHES of its searches (default 1000, 300
above 500,000 papers; a fixed random subset) timed on both cores, scaled
to all of them. igraph (python-igraph 0.10 has no betweenness from a
subset of sources) runs its exact betweenness with a progress handler that
times its first SOURCES sources (default SEARCHES) and stops it; peers.py
scales that to every source. Up to FULL_MAX papers (default 50,000) both
exact runs also go to the end, and the whole command with exact
betweenness runs once, to check the estimates (a second table). The
modularity of coauthor's clusters is computed by igraph from the exported
cluster column. NetworKit and igraph 1.x are not tried here (whole tries
them).

    /usr/bin/python3 cmd/coauthor/bench/dblp.py read [SIZE ...]

times only the reading, resolving and building (`rank --by degree`, issue
#24 goal 2: under 45 s and 6 GB for 7.5 million papers), SIZE defaulting
to 1000000 7500000 papers: per step its own time, the read rate in MB/s
(of 2^20 bytes, as --progress counts them), and for the whole command
wall, CPU (user + system) and peak memory, REPEATS times (default 1),
with the load average before and after each run.
"""
import os
import re
import statistics
import subprocess
import sys
import time

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
        corpus = corpus_of(n)
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
    out = export_edges(corpus, os.path.join(DATA, "edges-1m"))
    for tool in ["igraph", "networkx"]:
        stdout, _, wall, peak = timed(["/usr/bin/python3", os.path.join(HERE, "peers.py"), tool, os.path.join(out, "edges.csv")])
        for line in stdout.splitlines():
            print(f"  {tool:9s} {line}", flush=True)
        print(f"  {tool:9s} whole run {wall:.1f} s, peak {peak / 1024:.2f} GB", flush=True)


def corpus_of(n):
    """The generated DBLP corpus of n papers in DATA, made by coauthor gen once."""
    corpus = os.path.join(DATA, f"dblp-{n}.xml")
    if not os.path.exists(corpus) or os.path.getsize(corpus) == 0:
        subprocess.run([BIN, "gen", "-papers", str(n), "-o", corpus], check=True)
    return corpus


def export_edges(corpus, out):
    """Exports corpus's co-authorship edges as CSV into the directory out; returns out."""
    subprocess.run([BIN, "export", "-to", "csv", "-measures", "degree", "-algorithm", "none", "-o", out, corpus],
                   check=True, capture_output=True)
    return out


def edges_of(n, corpus):
    """The CSV edges of the n-paper corpus in DATA, exported once."""
    out = os.path.join(DATA, f"edges-{n}")
    if not os.path.exists(os.path.join(out, "edges.csv")):
        export_edges(corpus, out)
    return out


def loadavg():
    return open("/proc/loadavg").read().split()[0]


def whole(sizes):
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["go", "build", "-o", BIN, "./cmd/coauthor"], check=True)
    k = int(os.environ.get("PIVOTS", "20"))
    pythons = [("igraph", "/usr/bin/python3"), ("networkx", "/usr/bin/python3")]
    venv = os.path.join(DATA, "venv")
    ok = subprocess.run(["/usr/bin/python3", "-m", "venv", venv], capture_output=True).returncode == 0
    pip = subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "networkit", "igraph"],
                         capture_output=True, text=True, timeout=600) if ok else None
    if pip is not None and pip.returncode == 0:
        pythons += [("networkit", os.path.join(venv, "bin", "python")), ("igraph", os.path.join(venv, "bin", "python"))]
        heading = "peers: Debian's igraph and networkx, NetworKit and igraph 1.x from a virtual environment"
    else:
        v = subprocess.run(["/usr/bin/python3", "-c", "import igraph, networkx; print(igraph.__version__, networkx.__version__)"],
                           capture_output=True, text=True).stdout.split()
        heading = f"pip registry not reachable: peers are Debian's igraph {v[0]} and networkx {v[1]}"
    cores = os.cpu_count()
    mem = int(open("/proc/meminfo").read().split()[1]) / 1024 / 1024
    go = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.split()[2]
    print(f"{heading}\n\nwhole job: date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{cores} cores, {mem:.0f} GB, {go}\n", flush=True)
    print("| papers | measure | coauthor whole job, median ×runs | peers, algorithm alone: median ×runs | ratio to the fastest peer | load start–end |")
    print("|---|---|---|---|---|---|", flush=True)
    for n in sizes:
        corpus = corpus_of(n)
        out = edges_of(n, corpus)
        reps = int(os.environ.get("REPEATS", "5" if n <= 500000 else "3"))
        l0 = loadavg()
        co = {}
        for label, args in [("pagerank", ["rank", "--by", "pagerank", "--top", "10"]),
                            ("leiden", ["clusters", "--algorithm", "leiden", "--top", "10"]),
                            ("betweenness", ["rank", "--by", "betweenness", "--samples", str(k), "--top", "10"])]:
            walls, stepsecs, note = [], [], ""
            for _ in range(reps):
                stdout, err, wall, _ = timed([BIN] + args + ["--progress", corpus])
                walls.append(wall)
                stepsecs.append(steps(err).get("computing betweenness", 0))
                m = re.search(r"modularity (\d\.\d+)", stdout)
                if m:
                    note = f" Q {m.group(1)}"
            co[label] = (statistics.median(walls), len(walls), statistics.median(stepsecs), note)
        nodes = sum(1 for _ in open(os.path.join(out, "nodes.csv"))) - 1
        nedges = sum(1 for _ in open(os.path.join(out, "edges.csv"))) - 1
        peer = {}
        for tool, py in pythons:
            if tool == "networkx" and nedges > int(os.environ.get("NX_MAX_EDGES", "2500000")):
                continue
            p = subprocess.run([py, os.path.join(HERE, "peers.py"), tool, os.path.join(out, "edges.csv"), str(reps), str(k)],
                               capture_output=True, text=True)
            version = re.search(r"# (\S+ \S+)", p.stderr)
            name = version.group(1) if version else tool
            for line in p.stdout.splitlines():
                f = line.split()
                if len(f) >= 3 and f[1] != "n/a" and not f[1].startswith(">"):
                    row = {"pagerank": "pagerank", "leiden": "leiden", "louvain": "leiden",
                           f"betweenness_{k}_pivots_extrapolated": "betweenness"}.get(f[0])
                    if row:
                        extra = re.sub(r" ?cpu=\S+", "", " ".join(f[3:])).replace("modularity=", "Q ")
                        if f[0] == "louvain":
                            extra = "Louvain, " + extra
                        if row == "betweenness":
                            extra = f"{k} pivots, extrapolated"
                        peer.setdefault(row, []).append((float(f[1]), int(f[2]), name, extra))
                elif len(f) >= 2 and (f[1] == "n/a" or f[1].startswith(">")):
                    peer.setdefault("betweenness" if f[0].startswith("betweenness") else f[0], []).append(
                        (None, 0, name, " ".join(f[1:2] + f[3:])))
        l1 = loadavg()
        flag = " loaded" if max(float(l0), float(l1)) > cores else ""
        for label in ["pagerank", "leiden", "betweenness"]:
            wall, runs, st, note = co[label]
            if label == "betweenness":
                wall = wall - st + st * nodes / k
                note = f" ({k} pivots, extrapolated to {nodes} sources)"
            cells, best = [], None
            for t, r, name, extra in peer.get(label, []):
                if t is None:
                    cells.append(f"{name}: {extra}")
                    continue
                cells.append(f"{name} {t:.3g} s ×{r}" + (f" ({extra})" if extra else ""))
                if best is None or t < best[0]:
                    best = (t, name)
            ratio = f"{wall / best[0]:.2f} ({best[1]})" if best else "–"
            print(f"| {n:,} ({nodes:,} authors, {nedges:,} edges) | {label} | {wall:.3g} s ×{runs}{note} | "
                  f"{'; '.join(cells) or '–'} | {ratio} | {l0}–{l1}{flag} |", flush=True)


def timed_cpu(cmd, env=None):
    """timed, with the command's CPU seconds (user + system) too."""
    tfile = os.path.join(DATA, "time.txt")
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd, capture_output=True, text=True,
                       env=dict(os.environ, **(env or {})))
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
    t = open(tfile).read()
    wall = duration_clock(re.search(r"Elapsed \(wall clock\) time.*: (.*)", t).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", t).group(1)) for k in ["User", "System"])
    return p.stdout, p.stderr, wall, cpu


def fields(line):
    """'key value key value ...' → dict."""
    f = line.split()
    return {f[i]: f[i + 1] for i in range(0, len(f) - 1, 2)}


def modularity(out):
    """Weighted modularity of the cluster column of an export -to csv
    directory, by igraph (a check independent of coauthor's)."""
    import csv
    import igraph as ig
    with open(os.path.join(out, "nodes.csv"), newline="") as f:
        r = csv.DictReader(f)
        member = {int(row["id"]): int(row["cluster"]) for row in r}
    es, ws = [], []
    with open(os.path.join(out, "edges.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            es.append((int(row[0]), int(row[1])))
            ws.append(float(row[2]))
    g = ig.Graph(n=len(member), edges=es)
    return g.modularity([member[v] for v in range(len(member))], weights=ws)


def whole3(sizes):
    """Issue #24 goal 1 as written: coauthor's whole job computing PageRank,
    Leiden and exact betweenness against igraph computing the three on
    the ready edge list. See the docstring."""
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["go", "build", "-o", BIN, "./cmd/coauthor"], check=True)
    test = os.path.join(DATA, "graph.test")
    subprocess.run(["go", "test", "-c", "-o", test, "./graph/"], check=True)
    full_max = int(os.environ.get("FULL_MAX", "50000"))
    v = subprocess.run(["/usr/bin/python3", "-c", "import igraph; print(igraph.__version__)"],
                       capture_output=True, text=True).stdout.strip()
    cores = os.cpu_count()
    mem = int(open("/proc/meminfo").read().split()[1]) / 1024 / 1024
    go = subprocess.run(["go", "version"], capture_output=True, text=True).stdout.split()[2]
    print(f"whole job, PageRank + Leiden + exact betweenness: date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"{cores} cores, {mem:.0f} GB, {go}, igraph {v} (pip registry not reachable: no NetworKit, no igraph 1.x)\n", flush=True)
    rows, checks = [], []
    for n in sizes:
        corpus = corpus_of(n)
        edges = edges_of(n, corpus)
        reps = int(os.environ.get("REPEATS", "5" if n <= 500000 else "3"))
        searches = int(os.environ.get("SEARCHES", "1000" if n <= 500000 else "300"))
        out = os.path.join(DATA, f"whole3-{n}")
        l0 = loadavg()
        # coauthor: the one command, all but betweenness measured.
        walls, cpus = [], []
        for _ in range(reps):
            _, err, wall, cpu = timed_cpu([BIN, "export", "-to", "csv", "-measures", "pagerank", "-algorithm", "leiden",
                                           "--progress", "-o", out, corpus])
            walls.append(wall)
            cpus.append(cpu)
        q = modularity(out)
        co = (statistics.median(walls), statistics.median(cpus), len(walls))
        # coauthor: exact betweenness estimated from a subset of its searches.
        env = {"BETWEENNESS_EDGES": os.path.join(edges, "edges.csv"), "BETWEENNESS_SEARCHES": str(searches)}
        if n <= full_max:
            env["BETWEENNESS_FULL"] = "1"
        stdout, _, _, _ = timed_cpu([test, "-test.run", "TestExactBetweennessCost$", "-test.v"], env)
        cost = fields(re.search(r"cost: (.*)", stdout).group(1))
        nodes, nedges = int(cost["nodes"]), int(cost["edges"])
        # igraph: PageRank and Leiden measured, exact betweenness estimated
        # from its first sources.
        k = int(os.environ.get("SOURCES", str(searches)))
        penv = {"EXACT_SOURCES": str(k)}
        if n <= full_max:
            penv["EXACT_FULL"] = "1"
        p = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "peers.py"), "igraph", os.path.join(edges, "edges.csv"), str(reps)],
                           capture_output=True, text=True, env=dict(os.environ, **penv))
        if p.returncode != 0:
            sys.exit(f"peers.py failed:\n{p.stderr[-2000:]}")
        with open(os.path.join(DATA, f"whole3-{n}-igraph.txt"), "w") as f:
            f.write(p.stdout + p.stderr + stdout)
        ig = {}
        for line in p.stdout.splitlines():
            f = line.split()
            cpu = re.search(r"cpu=([\d.]+)", line)
            ig[f[0]] = (float(f[1]), int(f[2]), float(cpu.group(1)) if cpu else float("nan"), line)
        igq = re.search(r"modularity=(\d\.\d+)", ig["leiden"][3]).group(1)
        l1 = loadavg()
        flag = " loaded" if max(float(l0), float(l1)) > cores else ""
        bc, bccpu = float(cost["estimate_s"]), float(cost["estimate_cpu_s"])
        igbc = ig["betweenness_exact_estimate"]
        cot, cotcpu = co[0] + bc, co[1] + bccpu
        igt = ig["pagerank"][0] + ig["leiden"][0] + igbc[0]
        igcpu = ig["pagerank"][2] + ig["leiden"][2] + igbc[2]
        rows.append(f"| {n:,} ({nodes:,} authors, {nedges:,} edges) | {co[0]:.2f} s ×{co[2]} (CPU {co[1]:.1f} s), Q {q:.4f} | "
                    f"{bc:.0f} s (CPU {bccpu:.0f} s), estimate: {cost['subset']} of {cost['searches']} searches | "
                    f"**{cot:.0f} s** (CPU {cotcpu:.0f} s) | "
                    f"{ig['pagerank'][0]:.2f} s ×{ig['pagerank'][1]} + {ig['leiden'][0]:.2f} s ×{ig['leiden'][1]}, Q {igq} | "
                    f"{igbc[0]:.0f} s (CPU {igbc[2]:.0f} s), estimate: first {k} of {nodes} sources | "
                    f"**{igt:.0f} s** (CPU {igcpu:.0f} s) | **{cot / igt:.2f}** (CPU {cotcpu / igcpu:.2f}) | "
                    f"{co[0] / (igt - igbc[0]):.2f} (CPU {co[1] / (igcpu - igbc[2]):.2f}) | {l0}–{l1}{flag} |")
        print(rows[-1], flush=True)
        if n <= full_max:
            _, err, wall, cpu = timed_cpu([BIN, "export", "-to", "csv", "-measures", "pagerank,betweenness", "-algorithm", "leiden",
                                           "-samples", "2000000000", "--progress", "-o", out, corpus])
            bcstep = steps(err).get("computing betweenness", float("nan"))
            ex = ig["betweenness_exact"]
            checks.append(f"| {n:,} | coauthor | {cost['estimate_s']} s (CPU {cost['estimate_cpu_s']} s) | "
                          f"{cost['measured_s']} s (CPU {cost['measured_cpu_s']} s) | "
                          f"{float(cost['estimate_cpu_s']) / float(cost['measured_cpu_s']) - 1:+.1%} | "
                          f"whole command with exact betweenness {wall:.1f} s (CPU {cpu:.1f} s, its betweenness step {bcstep:.1f} s) "
                          f"against the sum {cot:.1f} s (CPU {cotcpu:.1f} s) |")
            checks.append(f"| {n:,} | igraph | {igbc[0]:.1f} s (CPU {igbc[2]:.1f} s) | {ex[0]:.1f} s (CPU {ex[2]:.1f} s) | "
                          f"{igbc[2] / ex[2] - 1:+.1%} | {igbc[3].split(' ', 3)[3]} |")
            print("\n".join(checks[-2:]), flush=True)
    print("\n| papers | coauthor: export -measures pagerank -algorithm leiden from the XML | + exact betweenness | coauthor total "
          "| igraph: PageRank + Leiden on the edge list | + exact betweenness | igraph total | ratio "
          "| ratio without betweenness | load start–end |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if checks:
        print("\nThe estimates checked where exact betweenness runs to the end:\n")
        print("| papers | side | estimate | measured | CPU: estimate/measured − 1 | note |\n|---|---|---|---|---|---|")
        print("\n".join(checks))



def read(sizes):
    """Times reading, resolving and building alone (issue #24, goal 2)."""
    os.makedirs(DATA, exist_ok=True)
    subprocess.run(["go", "build", "-o", BIN, "./cmd/coauthor"], check=True)
    reps = int(os.environ.get("REPEATS", "1"))
    cores = os.cpu_count()
    print(f"reading: date {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {cores} cores\n")
    print("| papers | file | read | resolve | build | command wall | CPU user+sys | peak | load start–end |")
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    for n in sizes:
        corpus = corpus_of(n)
        mib = os.path.getsize(corpus) / 2**20
        for _ in range(reps):
            l0 = loadavg()
            tfile = os.path.join(DATA, "time.txt")
            p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile, BIN, "rank", "--by", "degree", "--top", "10", "--progress", corpus],
                               capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"rank failed:\n{p.stderr[-2000:]}")
            l1 = loadavg()
            t = open(tfile).read()
            wall = duration_clock(re.search(r"Elapsed \(wall clock\) time.*: (.*)", t).group(1))
            cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
            peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 2**20
            st = steps(p.stderr)
            rd, rs, bd = st.get("reading", 0), st.get("resolving names", 0), st.get("building the graph", 0)
            flag = " loaded" if max(float(l0), float(l1)) > cores else ""
            print(f"| {n:,} | {mib:,.0f} MB | {rd:.1f} s ({mib / rd:.0f} MB/s) | {rs:.1f} s | {bd:.1f} s | {wall:.1f} s | {cpu:.1f} s | {peak:.2f} GB | {l0}–{l1}{flag} |", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["whole"]:
        whole([int(s) for s in sys.argv[2:]] or [300000, 1000000])
    elif sys.argv[1:2] == ["read"]:
        read([int(s) for s in sys.argv[2:]] or [1000000, 7500000])
    elif sys.argv[1:2] == ["whole3"]:
        whole3([int(s) for s in sys.argv[2:]] or [30000, 300000, 1000000])
    else:
        main()
