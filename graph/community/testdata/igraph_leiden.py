"""igraph's Leiden on a weighted graph, for graph/community's TestLeidenAgainstIgraph.

Reads from standard input a first line "n" (the number of nodes, 0..n-1)
and then one "u v weight" line per edge; the arguments are seeds. For each
seed, runs

    Graph.community_leiden(objective_function="modularity",
                           weights="weight", n_iterations=-1)

(iterations until the partition is stable) after random.seed(seed), and
prints one JSON object: {"igraph": version, "modularity": [Q per seed]},
Q from Graph.modularity with the same weights (resolution 1).
"""

import json
import random
import sys

import igraph


def main():
    lines = sys.stdin.read().split("\n")
    n = int(lines[0])
    edges, weights = [], []
    for line in lines[1:]:
        if not line.strip():
            continue
        u, v, w = line.split()
        edges.append((int(u), int(v)))
        weights.append(float(w))
    g = igraph.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    qs = []
    for seed in sys.argv[1:]:
        random.seed(int(seed))
        part = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
        qs.append(g.modularity(part.membership, weights="weight"))
    json.dump({"igraph": igraph.__version__, "modularity": qs}, sys.stdout)


if __name__ == "__main__":
    main()
