#!/usr/bin/python3
"""Read coauthor's exports back with networkx and compare them with the input.

Run by hand from the repository root (not in CI: it needs networkx):

    /usr/bin/python3 render/interop/readback.py [NETWORK.gml]

The default network is ../shared/data/networks/netscience.gml. For each of
GraphML, GEXF 1.3, node-link JSON, Pajek, CSV and VOSviewer it runs
`go run ./cmd/coauthor export`, reads the file(s) with networkx (pandas-free
csv for the tables), and checks that the nodes, edges and weights equal
networkx's own reading of the input, and that the pagerank attribute equals
networkx's pagerank of the graph read back. It prints one line per format
and exits 1 on any difference.

networkx 2.8 reads GEXF only up to 1.2draft; the script registers the 1.3
namespaces (same elements and attributes) before reading.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx
from networkx.readwrite import gexf as nxgexf

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/networks/netscience.gml"


def reference(path):
    g = nx.read_gml(path, label="id")
    h = nx.Graph()
    for v, data in g.nodes(data=True):
        h.add_node(data.get("label", str(v)))
    for u, v, data in g.edges(data=True):
        a, b = g.nodes[u].get("label", str(u)), g.nodes[v].get("label", str(v))
        if a == b:
            continue
        w = data.get("value", data.get("weight", 1.0))
        h.add_edge(a, b, weight=(h[a][b]["weight"] + w) if h.has_edge(a, b) else w)
    return h


def by_name(g, name_attr):
    """Relabel a read-back graph by author name, keeping weights."""
    h = nx.Graph()
    names = {v: (d[name_attr] if name_attr else v) for v, d in g.nodes(data=True)}
    for v in g.nodes:
        h.add_node(names[v])
    for u, v, d in g.edges(data=True):
        h.add_edge(names[u], names[v], weight=float(d["weight"]))
    return h, names


def compare(label, got, want, pagerank=None):
    problems = []
    if set(got.nodes) != set(want.nodes):
        problems.append(f"nodes differ: {len(got)} vs {len(want)}")
    ge = {frozenset((u, v)): d["weight"] for u, v, d in got.edges(data=True)}
    we = {frozenset((u, v)): d["weight"] for u, v, d in want.edges(data=True)}
    if ge.keys() != we.keys():
        problems.append(f"edges differ: {len(ge)} vs {len(we)}")
    else:
        worst = max((abs(ge[k] - we[k]) for k in we), default=0)
        if worst > 1e-12:
            problems.append(f"weights differ by up to {worst}")
    note = ""
    if pagerank is not None:
        ref = nx.pagerank(got, weight="weight", tol=1e-12, max_iter=1000)
        worst = max(abs(pagerank[v] - ref[v]) for v in ref)
        note = f", pagerank max |Δ| {worst:.1e}"
        if worst > 1e-6:
            problems.append(f"pagerank differs by {worst}")
    print(f"{label:10s} {len(got)} nodes, {got.number_of_edges()} edges{note}: " + ("; ".join(problems) or "same as the input"))
    return not problems


def export(fmt, out):
    subprocess.run(["go", "run", "./cmd/coauthor", "export", "-to", fmt, "-o", out, src], check=True, stderr=subprocess.DEVNULL)


def main():
    want = reference(src)
    ok = True
    nxgexf.GEXF.versions["1.3"] = dict(nxgexf.GEXF.versions["1.2draft"],
                                        NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
    with tempfile.TemporaryDirectory() as tmp:
        p = os.path.join(tmp, "g.graphml")
        export("graphml", p)
        g, names = by_name(nx.read_graphml(p), "name")
        raw = nx.read_graphml(p)
        ok &= compare("graphml", g, want, {names[v]: d["pagerank"] for v, d in raw.nodes(data=True)})

        p = os.path.join(tmp, "g.gexf")
        export("gexf", p)
        raw = nx.read_gexf(p, version="1.3")
        g, names = by_name(raw, "label")
        ok &= compare("gexf", g, want, {names[v]: d["pagerank"] for v, d in raw.nodes(data=True)})

        p = os.path.join(tmp, "g.json")
        export("json", p)
        with open(p) as f:
            raw = nx.node_link_graph(json.load(f))
        g, names = by_name(raw, "name")
        ok &= compare("json", g, want, {names[v]: d["pagerank"] for v, d in raw.nodes(data=True)})

        p = os.path.join(tmp, "g.net")
        export("pajek", p)
        raw = nx.Graph(nx.read_pajek(p))
        ok &= compare("pajek", by_name(raw, None)[0], want)

        d = os.path.join(tmp, "csv")
        export("csv", d)
        with open(os.path.join(d, "nodes.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
        name = {r["id"]: r["name"] for r in rows}
        g = nx.Graph()
        g.add_nodes_from(name.values())
        with open(os.path.join(d, "edges.csv"), newline="") as f:
            for r in csv.DictReader(f):
                g.add_edge(name[r["source"]], name[r["target"]], weight=float(r["weight"]))
        ok &= compare("csv", g, want, {r["name"]: float(r["pagerank"]) for r in rows})

        d = os.path.join(tmp, "vos")
        export("vosviewer", d)
        with open(os.path.join(d, "map.txt"), newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        name = {r["id"]: r["label"] for r in rows}
        g = nx.Graph()
        g.add_nodes_from(name.values())
        with open(os.path.join(d, "network.txt")) as f:
            for line in f:
                a, b, w = line.split("\t")
                g.add_edge(name[a], name[b], weight=float(w))
        ok &= compare("vosviewer", g, want, {r["label"]: float(r["score<Pagerank>"]) for r in rows})
    sys.exit(0 if ok else 1)


main()
