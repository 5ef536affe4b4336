#!/usr/bin/python3
"""Scores layouts of one graph: (a) same-cluster nearest neighbour, the share
of nodes whose nearest other node in the plane is in the same cluster, and
(b) neighbourhood preservation at k = 10, the share of each node's 10
nearest other nodes in the plane that are its graph neighbours, averaged
over nodes. Nearest neighbours by scipy's k-d tree (ties as it breaks them).

    /usr/bin/python3 layout_quality.py EDGES NODES.tsv [SFDP.dot]

EDGES is the edge list ("u v [w]" by name); NODES.tsv is BenchmarkLayout's
output (name, cluster, then x/y column pairs named NAME_x, NAME_y); SFDP.dot
is sfdp's output (-Tdot, positions in pos="x,y"). Prints one line per
layout: "NAME same_cluster_nn preservation_10".
"""
import re
import sys

import numpy as np
from scipy.spatial import cKDTree

K = 10


def score(xy, cluster, nbrs):
    n = len(xy)
    tree = cKDTree(xy)
    # k+1: the first hit is the node itself (or a coincident one).
    _, idx = tree.query(xy, k=K + 1, workers=1)
    same = 0
    pres = 0.0
    for v in range(n):
        row = [u for u in idx[v] if u != v][:K]
        if cluster[row[0]] == cluster[v]:
            same += 1
        nb = nbrs[v]
        pres += sum(1 for u in row if u in nb) / K
    return same / n, pres / n


def main():
    edges, nodes = sys.argv[1], sys.argv[2]
    sfdp = sys.argv[3] if len(sys.argv) > 3 else None
    with open(nodes) as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in f]
    names = [r[0] for r in rows]
    index = {name: i for i, name in enumerate(names)}
    cluster = np.array([int(r[1]) for r in rows])
    nbrs = [set() for _ in names]
    with open(edges) as f:
        for line in f:
            p = line.split()
            if len(p) < 2 or line.startswith("#") or p[0] == p[1]:
                continue
            u, v = index[p[0]], index[p[1]]
            nbrs[u].add(v)
            nbrs[v].add(u)
    layouts = {}
    for c in range(2, len(header), 2):
        name = header[c][: -len("_x")]
        layouts[name] = np.array([[float(r[c]), float(r[c + 1])] for r in rows])
    if sfdp:
        xy = np.full((len(names), 2), np.nan)
        text = open(sfdp).read()
        for m in re.finditer(r'^\s*"?([^"\s\[]+)"?\s+\[[^\]]*?\bpos="([-\d.e+]+),([-\d.e+]+)', text, re.M | re.S):
            if m.group(1) in index:
                xy[index[m.group(1)]] = (float(m.group(2)), float(m.group(3)))
        missing = int(np.isnan(xy[:, 0]).sum())
        if missing:
            sys.exit("sfdp output lacks %d positions" % missing)
        layouts["sfdp"] = xy
    for name, xy in layouts.items():
        s, p = score(xy, cluster, nbrs)
        print("%s %.4f %.4f" % (name, s, p))


if __name__ == "__main__":
    main()
