#!/usr/bin/python3
"""Check `coauthor path` against networkx's shortest_path_length on random
pairs of authors of ca-GrQc (or another edge list).

    /usr/bin/python3 render/explorer/bench/path_networkx.py [--pairs 100] [--seed 1] [EDGELIST]

Builds the coauthor binary, picks pairs of nodes at random (from the whole
graph, so some are not connected), runs `coauthor path A B --json` for each
and compares the distance (null when networkx finds no path) and checks the
path returned: as long as the distance, from A to B, over edges of the graph.
Exits 1 on the first disagreement.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edgelist", nargs="?", default=os.path.join(ROOT, "graph", "testdata", "ca-GrQc.txt"))
    ap.add_argument("--pairs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    g = nx.Graph()
    with open(args.edgelist) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            a, b = line.split()[:2]
            if a != b:
                g.add_edge(a, b)
            else:
                g.add_node(a)
    nodes = sorted(g.nodes())
    rnd = random.Random(args.seed)
    tmp = tempfile.mkdtemp()
    exe = os.path.join(tmp, "coauthor")
    subprocess.run(["go", "build", "-o", exe, "./cmd/coauthor"], cwd=ROOT, check=True)
    agree = connected = 0
    for i in range(args.pairs):
        a, b = rnd.choice(nodes), rnd.choice(nodes)
        try:
            want = nx.shortest_path_length(g, a, b)
        except nx.NetworkXNoPath:
            want = None
        out = subprocess.run([exe, "path", a, b, args.edgelist, "--json", "--quiet"], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("pair %d (%s, %s): coauthor path exited %d: %s" % (i, a, b, out.returncode, out.stderr))
        got = json.loads(out.stdout)
        if got["distance"] != want:
            sys.exit("pair %d (%s, %s): coauthor says %s, networkx %s" % (i, a, b, got["distance"], want))
        if want is not None:
            connected += 1
            p = [s["name"] for s in got["paths"][0]]
            if len(p) != want + 1 or p[0] != a or p[-1] != b or not all(g.has_edge(p[k], p[k + 1]) for k in range(want)):
                sys.exit("pair %d (%s, %s): bad path %s" % (i, a, b, p))
        agree += 1
    print("coauthor path agrees with networkx %s on %d/%d random pairs of %s (%d connected, %d not)" %
          (nx.__version__, agree, args.pairs, os.path.basename(args.edgelist), connected, args.pairs - connected))


if __name__ == "__main__":
    main()
