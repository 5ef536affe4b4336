#!/usr/bin/python3
"""Times one peer library on an edge list: for each measure, the median
seconds of up to REPEATS runs, printed as "measure seconds runs [note]"
lines, and the library's version on stderr.

    PYTHON peer_times.py igraph|networkx|networkit FILE [REPEATS [REGEXP]]

REGEXP keeps only the measures whose names it matches (re.search). A
measure stops repeating once its runs took more than LONG seconds in all
(default 60), so slow rows have fewer runs (the count is printed).

Measures (the names coauthor's BenchmarkMeasures uses; a peer without one
prints nothing for it):

    betweenness           exact, unweighted
    betweenness_weighted  exact, lengths 1/weight
    betweenness_approx    networkit only: KADABRA and ApproxBetweenness
                          (Riondato–Kornaropoulos) at ε = 0.01, δ = 0.1,
                          as rows betweenness_approx_kadabra and
                          betweenness_approx_rk
    closeness             exact
    pagerank              weighted, damping 0.85
    louvain               igraph multilevel, networkx louvain_communities,
                          networkit PLM
    leiden                igraph community_leiden(modularity,
                          n_iterations=-1); networkit ParallelLeiden
    leiden_n2             igraph community_leiden with n_iterations=2

igraph and networkx are Debian's (/usr/bin/python3) or, for igraph 1.0
and networkit, those compare.sh installs in its virtual environment.
"""
import os
import re
import statistics
import sys
import time

LONG = float(os.environ.get("LONG", "60"))


def read_edges(path):
    edges = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line[0] in "#%":
                continue
            p = line.split()
            u, v = p[0], p[1]
            if u == v:
                continue
            key = (u, v) if u < v else (v, u)
            edges[key] = float(p[2]) if len(p) > 2 else 1.0
    return edges


def igraph_cases(path):
    import igraph as ig

    edges = read_edges(path)
    g = ig.Graph.TupleList(((u, v, w) for (u, v), w in edges.items()), weights=True)
    g.es["distance"] = [1.0 / w for w in g.es["weight"]]

    def modularity(r):
        return "modularity=%.6f" % g.modularity(r.membership, weights="weight")

    cases = [
        ("betweenness", lambda: g.betweenness(directed=False), None),
        ("betweenness_weighted", lambda: g.betweenness(directed=False, weights="distance"), None),
        ("closeness", lambda: g.closeness(), None),
        ("pagerank", lambda: g.pagerank(weights="weight"), None),
        ("louvain", lambda: g.community_multilevel(weights="weight"), modularity),
        ("leiden", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1), modularity),
        # igraph's default number of iterations, as coauthor's default.
        ("leiden_n2", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2), modularity),
    ]
    return "igraph " + ig.__version__, g.vcount(), g.ecount(), cases


def networkx_cases(path):
    import networkx as nx

    g = nx.Graph()
    for (u, v), w in read_edges(path).items():
        g.add_edge(u, v, weight=w, distance=1.0 / w)

    def modularity(parts):
        return "modularity=%.6f" % nx.community.modularity(g, parts, weight="weight")

    cases = [
        ("betweenness", lambda: nx.betweenness_centrality(g), None),
        ("betweenness_weighted", lambda: nx.betweenness_centrality(g, weight="distance"), None),
        ("closeness", lambda: nx.closeness_centrality(g), None),
        ("pagerank", lambda: nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-6), None),
        ("louvain", lambda: nx.community.louvain_communities(g, weight="weight", seed=1), modularity),
    ]
    return "networkx " + nx.__version__, g.number_of_nodes(), g.number_of_edges(), cases


def networkit_cases(path):
    # Written from NetworKit's Python documentation
    # (networkit.github.io/dev-docs/python_api/{centrality,community}.html);
    # NOT RUN YET: the Python registry was not reachable from the machine
    # this was written on, so no networkit was installed to test it.
    import networkit as nk

    nk.setNumberOfThreads(os.cpu_count() or 1)
    edges = read_edges(path)
    ids = {}
    for u, v in edges:
        ids.setdefault(u, len(ids))
        ids.setdefault(v, len(ids))
    g = nk.Graph(len(ids), weighted=True)
    gd = nk.Graph(len(ids), weighted=True)  # lengths 1/weight
    for (u, v), w in edges.items():
        g.addEdge(ids[u], ids[v], w)
        gd.addEdge(ids[u], ids[v], 1.0 / w)
    gu = nk.graphtools.toUnweighted(g)

    def run(algo):
        algo.run()
        return algo

    def modularity(algo):
        return "modularity=%.6f" % nk.community.Modularity().getQuality(algo.getPartition(), g)

    def samples(algo):
        n = algo.getNumberOfIterations() if hasattr(algo, "getNumberOfIterations") else algo.numberOfSamples()
        return "samples=%d" % n

    cases = [
        ("betweenness", lambda: run(nk.centrality.Betweenness(gu, normalized=True)), None),
        ("betweenness_weighted", lambda: run(nk.centrality.Betweenness(gd, normalized=True)), None),
        ("betweenness_approx_kadabra", lambda: run(nk.centrality.KadabraBetweenness(gu, 0.01, 0.1)), samples),
        ("betweenness_approx_rk", lambda: run(nk.centrality.ApproxBetweenness(gu, epsilon=0.01, delta=0.1)), samples),
        ("closeness", lambda: run(nk.centrality.Closeness(gu, True, nk.centrality.ClosenessVariant.GENERALIZED)), None),
        ("pagerank", lambda: run(nk.centrality.PageRank(g, damp=0.85, tol=1e-6)), None),
        ("louvain", lambda: run(nk.community.PLM(g, refine=False)), modularity),
        ("leiden", lambda: run(nk.community.ParallelLeiden(g)), modularity),
    ]
    return "networkit " + nk.__version__, g.numberOfNodes(), g.numberOfEdges(), cases


def main():
    peer, path = sys.argv[1], sys.argv[2]
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    only = re.compile(sys.argv[4] if len(sys.argv) > 4 else ".")
    version, n, m, cases = {"igraph": igraph_cases, "networkx": networkx_cases, "networkit": networkit_cases}[peer](path)
    print("# %s %d nodes %d edges" % (version, n, m), file=sys.stderr, flush=True)
    for name, f, note in cases:
        if not only.search(name):
            continue
        times = []
        while len(times) < repeats and sum(times) <= LONG:
            t = time.perf_counter()
            r = f()
            times.append(time.perf_counter() - t)
        extra = note(r) if note else ""
        print(name, "%.6f" % statistics.median(times), len(times), extra, flush=True)


if __name__ == "__main__":
    main()
