#!/usr/bin/python3
"""Times a peer library on a weighted edge list (coauthor export -to csv's
edges.csv): the steps of dblp.py, one "step seconds runs [note]" line each
(the median of REPEATS runs, default 1; a step stops repeating once its
runs took LONG seconds, default 120).

    PYTHON peers.py igraph|networkx|networkit EDGES.csv [REPEATS [PIVOTS]]

    load          read the CSV and build the graph (once)
    pagerank      weighted PageRank, damping 0.85
    leiden        igraph: community_leiden (modularity, n_iterations=-1);
                  networkit: ParallelLeiden; networkx 2.8 has no Leiden:
                  louvain_communities instead (row "louvain")
    betweenness   from PIVOTS source nodes (default 20), unweighted:
                  networkx betweenness_centrality(k=PIVOTS); networkit
                  EstimateBetweenness(PIVOTS); igraph 1.x
                  betweenness(sources=PIVOTS nodes); python-igraph 0.10
                  has no betweenness from a subset of sources: not timed.
                  The line also gives the time extrapolated linearly to all
                  nodes as sources ("extrapolated").

A step that runs over STEP_TIMEOUT seconds (default 1800) is stopped and
reported as such. Each line ends with the median CPU time of
the step (cpu=SECONDS).

With EXACT_SOURCES=K (igraph only, dblp.py whole3), the betweenness step
is igraph's exact betweenness instead, estimated from its first K sources
(a progress handler times them and stops the run; with EXACT_FULL=1 it
runs to the end too, for the check): lines betweenness_exact (measured)
and betweenness_exact_estimate. The networkit and igraph 1.x paths are written from
their documentation and NOT RUN YET: the Python registry was not reachable
from the machine this was written on.
"""
import csv
import os
import random
import signal
import statistics
import sys
import time

TIMEOUT = int(os.environ.get("STEP_TIMEOUT", "1800"))
LONG = float(os.environ.get("LONG", "120"))


class Timeout(Exception):
    pass


def alarm(signum, frame):
    raise Timeout()


def step(name, f, repeats=1):
    signal.signal(signal.SIGALRM, alarm)
    times, cpus, r = [], [], None
    while len(times) < repeats and sum(times) <= LONG:
        signal.alarm(TIMEOUT)
        t, c = time.perf_counter(), time.process_time()
        try:
            r = f()
        except Timeout:
            print(f"{name} >{TIMEOUT} 0 did not finish", flush=True)
            return None
        finally:
            signal.alarm(0)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    med = statistics.median(times)
    note = r[1] if isinstance(r, tuple) else ""
    print(f"{name} {med:.3f} {len(times)} {note} cpu={statistics.median(cpus):.3f}".replace("  ", " "), flush=True)
    return med, r


def edges(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            yield int(row[0]), int(row[1]), float(row[2])


def pivot_nodes(n, k):
    return random.Random(1).sample(range(n), min(k, n))


def extrapolated(name, res, n, k):
    if res is not None:
        print(f"{name}_extrapolated {res[0] * n / k:.1f} 1 extrapolated from {k} pivots to {n} sources", flush=True)


def run_igraph(path, repeats, k):
    import igraph as ig

    def load():
        es = list(edges(path))
        n = 1 + max(max(u, v) for u, v, _ in es)
        g = ig.Graph(n=n, edges=[(u, v) for u, v, _ in es])
        g.es["weight"] = [w for _, _, w in es]
        return g

    _, g = step("load", load)
    print("# igraph", ig.__version__, g.vcount(), "nodes", g.ecount(), "edges", file=sys.stderr, flush=True)
    step("pagerank", lambda: g.pagerank(weights="weight"), repeats)
    step("leiden", lambda: (None, "modularity=%.4f" % g.modularity(
        g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1).membership,
        weights="weight")), repeats)
    if "EXACT_SOURCES" in os.environ:
        exact_igraph(ig, g, int(os.environ["EXACT_SOURCES"]), os.environ.get("EXACT_FULL") == "1")
        return
    try:
        # igraph 1.x (NOT RUN YET, see the docstring): subset betweenness.
        res = step(f"betweenness_{k}_pivots", lambda: g.betweenness(directed=False, sources=pivot_nodes(g.vcount(), k)))
        extrapolated(f"betweenness_{k}_pivots", res, g.vcount(), k)
    except TypeError:
        print(f"betweenness_{k}_pivots n/a 0 python-igraph {ig.__version__} has no betweenness from a subset of sources")


def exact_igraph(ig, g, k, full):
    """Exact betweenness (unweighted), estimated from its first k sources
    (and run to the end with full, to check the estimate): igraph reports progress before
    each source (0, 1, ... n-1 in order), so the progress handler times
    them and stops the run at source k; the estimate is the time before
    the first source plus the time of k sources scaled to n. The line
    also gives CPU time (process_time), which the load of other work on
    the machine changes less, and the share of the first k sources in the
    largest component against that of all nodes (a source elsewhere costs
    less)."""
    n = g.vcount()

    class Stop(Exception):
        pass

    marks = []

    def progress(msg, pct):
        if msg.startswith("Betweenness"):
            i = round(pct * n / 100)
            marks.append((i, time.perf_counter(), time.process_time()))
            if not full and i >= k:
                raise Stop()

    comp = g.connected_components().membership
    sizes = {}
    for c in comp:
        sizes[c] = sizes.get(c, 0) + 1
    big = max(sizes, key=sizes.get)
    share_all = sizes[big] / n
    share_k = sum(1 for v in range(min(k, n)) if comp[v] == big) / min(k, n)
    ig.set_progress_handler(progress)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        g.betweenness(directed=False)
    except Stop:
        pass
    finally:
        ig.set_progress_handler(None)
    t1, c1 = time.perf_counter(), time.process_time()
    note = f"largest_component_share first_{k}={share_k:.3f} all={share_all:.3f}"
    if full:
        print(f"betweenness_exact {t1 - t0:.2f} 1 measured, {n} sources cpu={c1 - c0:.2f}", flush=True)
    first = marks[0]
    last = next((m for m in marks if m[0] >= k), marks[-1])
    if last[0] > 0:
        wall = (first[1] - t0) + (last[1] - first[1]) * n / last[0]
        cpu = (first[2] - c0) + (last[2] - first[2]) * n / last[0]
        print(f"betweenness_exact_estimate {wall:.2f} 1 estimate from the first {last[0]} of {n} sources {note} cpu={cpu:.2f}",
              flush=True)


def run_networkx(path, repeats, k):
    import networkx as nx

    def load():
        g = nx.Graph()
        g.add_weighted_edges_from(edges(path))
        return g

    _, g = step("load", load)
    print("# networkx", nx.__version__, g.number_of_nodes(), "nodes", g.number_of_edges(), "edges", file=sys.stderr, flush=True)
    step("pagerank", lambda: nx.pagerank(g, weight="weight"), repeats)
    step("louvain", lambda: (None, "modularity=%.4f" % nx.community.modularity(
        g, nx.community.louvain_communities(g, weight="weight", seed=1), weight="weight")), 1)
    res = step(f"betweenness_{k}_pivots", lambda: nx.betweenness_centrality(g, k=k, seed=1))
    extrapolated(f"betweenness_{k}_pivots", res, g.number_of_nodes(), k)


def run_networkit(path, repeats, k):
    # Written from NetworKit's Python documentation; NOT RUN YET.
    import networkit as nk

    nk.setNumberOfThreads(os.cpu_count() or 1)

    def load():
        es = list(edges(path))
        n = 1 + max(max(u, v) for u, v, _ in es)
        g = nk.Graph(n, weighted=True)
        for u, v, w in es:
            g.addEdge(u, v, w)
        return g

    _, g = step("load", load)
    print("# networkit", nk.__version__, g.numberOfNodes(), "nodes", g.numberOfEdges(), "edges", file=sys.stderr, flush=True)

    def run(a):
        a.run()
        return a

    step("pagerank", lambda: run(nk.centrality.PageRank(g, damp=0.85, tol=1e-6)), repeats)

    def leiden():
        a = run(nk.community.ParallelLeiden(g))
        return None, "modularity=%.4f" % nk.community.Modularity().getQuality(a.getPartition(), g)

    step("leiden", leiden, repeats)
    gu = nk.graphtools.toUnweighted(g)
    res = step(f"betweenness_{k}_pivots", lambda: run(nk.centrality.EstimateBetweenness(gu, k, True, True)))
    extrapolated(f"betweenness_{k}_pivots", res, g.numberOfNodes(), k)


if __name__ == "__main__":
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    k = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    {"igraph": run_igraph, "networkx": run_networkx, "networkit": run_networkit}[sys.argv[1]](sys.argv[2], repeats, k)
