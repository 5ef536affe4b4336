#!/usr/bin/python3
"""Times igraph (Debian's python3-igraph) on an edge list: median seconds of
REPEATS runs per measure, printed as "measure seconds" lines.

    /usr/bin/python3 igraph_times.py FILE [REPEATS [REGEXP]]

REGEXP keeps only the measures whose names it matches (re.search).
"""
import re
import statistics
import sys
import time

import igraph as ig


def load(path):
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
    g = ig.Graph.TupleList(((u, v, w) for (u, v), w in edges.items()), weights=True)
    g.es["distance"] = [1.0 / w for w in g.es["weight"]]
    return g


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    only = re.compile(sys.argv[3] if len(sys.argv) > 3 else ".")
    g = load(path)
    cases = [
        ("betweenness", lambda: g.betweenness(directed=False)),
        ("betweenness_weighted", lambda: g.betweenness(directed=False, weights="distance")),
        ("closeness", lambda: g.closeness()),
        ("pagerank", lambda: g.pagerank(weights="weight")),
        ("louvain", lambda: g.community_multilevel(weights="weight")),
        ("leiden", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)),
        # igraph's default number of iterations, as coauthor's default.
        ("leiden_n2", lambda: g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)),
    ]
    print("# igraph", ig.__version__, g.vcount(), "nodes", g.ecount(), "edges", file=sys.stderr)
    for name, f in cases:
        if not only.search(name):
            continue
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            r = f()
            times.append(time.perf_counter() - t)
        extra = ""
        if name.startswith(("louvain", "leiden")):
            extra = " modularity=%.6f" % g.modularity(r.membership, weights="weight")
        print(name, "%.6f" % statistics.median(times), extra.strip())


if __name__ == "__main__":
    main()
