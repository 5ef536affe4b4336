#!/usr/bin/python3
"""Exact betweenness of an edge list from igraph, for graph/'s tests.

Run by hand (not in CI), from the repository root, with Debian's
python3-igraph (0.10.2):

    /usr/bin/python3 graph/testdata/reference/igraph_betweenness.py \
        ../shared/data/networks/ca-HepTh.txt > graph/testdata/reference/ca-HepTh-betweenness.csv

It writes one row per node (name, betweenness) in name order, normalized
as networkx's betweenness_centrality (ordered pairs over (n-1)(n-2); igraph
counts each unordered pair once, hence 2/((n-1)(n-2))). Self-loops and
repeated edges are dropped, as coauthor drops them; a node with only
self-loops stays, isolated.
"""
import sys

import igraph as ig


def main():
    names, edges = set(), set()
    with open(sys.argv[1]) as f:
        for line in f:
            p = line.split()
            if not p or p[0][0] in "#%":
                continue
            names.update(p[:2])
            if p[0] != p[1]:
                edges.add((p[0], p[1]) if p[0] < p[1] else (p[1], p[0]))
    # A node whose only edge is a self-loop stays, isolated.
    g = ig.Graph()
    g.add_vertices(sorted(names))
    g.add_edges(sorted(edges))
    n = g.vcount()
    bc = g.betweenness(directed=False)
    scale = 2 / ((n - 1) * (n - 2))
    print("# igraph %s: %d nodes, %d edges; %s" % (ig.__version__, n, g.ecount(), " ".join(sys.argv)))
    print("name,betweenness")
    for name, b in sorted(zip(g.vs["name"], bc)):
        print("%s,%r" % (name, b * scale))


if __name__ == "__main__":
    main()
