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
reported as such. The networkit and igraph 1.x paths are written from
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
    times, r = [], None
    while len(times) < repeats and sum(times) <= LONG:
        signal.alarm(TIMEOUT)
        t = time.perf_counter()
        try:
            r = f()
        except Timeout:
            print(f"{name} >{TIMEOUT} 0 did not finish", flush=True)
            return None
        finally:
            signal.alarm(0)
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    note = r[1] if isinstance(r, tuple) else ""
    print(f"{name} {med:.3f} {len(times)} {note}".rstrip(), flush=True)
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
    try:
        # igraph 1.x (NOT RUN YET, see the docstring): subset betweenness.
        res = step(f"betweenness_{k}_pivots", lambda: g.betweenness(directed=False, sources=pivot_nodes(g.vcount(), k)))
        extrapolated(f"betweenness_{k}_pivots", res, g.vcount(), k)
    except TypeError:
        print(f"betweenness_{k}_pivots n/a 0 python-igraph {ig.__version__} has no betweenness from a subset of sources")


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
