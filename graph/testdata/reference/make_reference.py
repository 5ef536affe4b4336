#!/usr/bin/python3
"""Reference values from networkx for graph/'s tests.

Run by hand (not in CI), from the repository root, with Debian's
python3-networkx (2.8.8) and python3-scipy:

    /usr/bin/python3 graph/testdata/reference/make_reference.py

For each network in graph/testdata it writes NAME.csv (one row per node, in
networkx's node order, every per-node measure at full precision) and
NAME.json (graph-level measures and networkx Louvain's modularity).
Self-loops are removed first, as coauthor drops them. Iterative measures
are solved to tol 1e-13, tighter than networkx's default, so that the Go
tests can compare at 1e-6.
"""
import csv
import json
import os
import sys

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)


def load(name):
    path = os.path.join(DATA, name)
    if name.endswith(".gml"):
        g = nx.read_gml(path)
        for u, v, d in g.edges(data=True):
            d["weight"] = float(d.get("value", d.get("weight", 1.0)))
    else:
        g = nx.Graph()
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line or line[0] in "#%":
                    continue
                fields = line.split()
                w = float(fields[2]) if len(fields) > 2 else 1.0
                g.add_edge(fields[0], fields[1], weight=w)
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    for u, v, d in g.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    return g


def main():
    names = sys.argv[1:] or ["karate.txt", "lesmis.gml", "netscience.gml", "ca-GrQc.txt"]
    for name in names:
        g = load(name)
        base = os.path.join(HERE, os.path.splitext(name)[0])
        cols = {
            "degree": dict(g.degree()),
            "strength": dict(g.degree(weight="weight")),
            "betweenness": nx.betweenness_centrality(g),
            "betweenness_weighted": nx.betweenness_centrality(g, weight="distance"),
            "closeness": nx.closeness_centrality(g),
            "harmonic": nx.harmonic_centrality(g),
            "eigenvector": nx.eigenvector_centrality(g, weight="weight", tol=1e-13, max_iter=1000000),
            "pagerank": nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=1000000),
            "core": nx.core_number(g),
            "clustering": nx.clustering(g),
        }
        with open(base + ".csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["name"] + list(cols))
            for v in g.nodes():
                w.writerow([v] + [repr(float(cols[c][v])) if c not in ("degree", "core") else cols[c][v] for c in cols])
        comps = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
        lcc = g.subgraph(max(nx.connected_components(g), key=len))
        louvain = []
        for seed in range(5):
            parts = nx.community.louvain_communities(g, weight="weight", resolution=1, seed=seed)
            louvain.append(nx.community.modularity(g, parts, weight="weight"))
        ref = {
            "command": "/usr/bin/python3 graph/testdata/reference/make_reference.py  # networkx " + nx.__version__,
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "density": nx.density(g),
            "transitivity": nx.transitivity(g),
            "average_clustering": nx.average_clustering(g),
            "components": len(comps),
            "component_sizes": comps,
            "diameter": nx.diameter(lcc),
            "average_shortest_path": nx.average_shortest_path_length(lcc),
            "louvain_modularity_seeds_0_4": louvain,
        }
        with open(base + ".json", "w") as f:
            json.dump(ref, f, indent=1)
            f.write("\n")
        print(name, g.number_of_nodes(), g.number_of_edges(), file=sys.stderr)


if __name__ == "__main__":
    main()
