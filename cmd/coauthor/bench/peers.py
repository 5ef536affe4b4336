#!/usr/bin/python3
"""Times igraph or networkx on a weighted edge list (coauthor export -to csv's
edges.csv): the steps of dblp.py, one "step seconds [note]" line each.

    /usr/bin/python3 peers.py igraph|networkx EDGES.csv

    load          read the CSV and build the graph
    pagerank      weighted PageRank, damping 0.85
    leiden        igraph: community_leiden (modularity, to convergence);
                  networkx 2.8 has no Leiden: louvain_communities instead
    betweenness   networkx: betweenness_centrality(k=NX_K pivots), scaled to
                  1000 pivots (NX_K, default 20: pure Python is slow);
                  python-igraph 0.10 has no sampled betweenness: not timed

A step that runs over STEP_TIMEOUT seconds (default 1800) is stopped and
reported as such.
"""
import csv
import os
import signal
import sys
import time

TIMEOUT = int(os.environ.get("STEP_TIMEOUT", "1800"))


class Timeout(Exception):
    pass


def alarm(signum, frame):
    raise Timeout()


def step(name, f):
    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(TIMEOUT)
    t = time.perf_counter()
    try:
        r = f()
    except Timeout:
        print(f"{name} >{TIMEOUT} did not finish")
        return None
    finally:
        signal.alarm(0)
    print(f"{name} {time.perf_counter() - t:.2f}" + (f" {r[1]}" if isinstance(r, tuple) else ""), flush=True)
    return r


def edges(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            yield int(row[0]), int(row[1]), float(row[2])


def run_igraph(path):
    import igraph as ig

    def load():
        es = list(edges(path))
        n = 1 + max(max(u, v) for u, v, _ in es)
        g = ig.Graph(n=n, edges=[(u, v) for u, v, _ in es])
        g.es["weight"] = [w for _, _, w in es]
        return g

    g = step("load", load)
    step("pagerank", lambda: g.pagerank(weights="weight"))
    step("leiden", lambda: (None, "modularity=%.4f" % g.modularity(
        g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1).membership, weights="weight")))
    print("betweenness n/a (python-igraph 0.10.2 has no sampled betweenness)")


def run_networkx(path):
    import networkx as nx

    def load():
        g = nx.Graph()
        g.add_weighted_edges_from(edges(path))
        return g

    g = step("load", load)
    step("pagerank", lambda: nx.pagerank(g, weight="weight"))
    step("louvain", lambda: (None, "modularity=%.4f" % nx.community.modularity(
        g, nx.community.louvain_communities(g, weight="weight", seed=1), weight="weight")))
    k = int(os.environ.get("NX_K", "20"))
    t = time.perf_counter()
    r = step(f"betweenness_{k}_pivots", lambda: nx.betweenness_centrality(g, k=k, seed=1))
    if r is not None:
        print(f"betweenness_1000_pivots_extrapolated {(time.perf_counter() - t) * 1000 / k:.1f}")


if __name__ == "__main__":
    {"igraph": run_igraph, "networkx": run_networkx}[sys.argv[1]](sys.argv[2])
