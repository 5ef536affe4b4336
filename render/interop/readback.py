#!/usr/bin/python3
"""Read coauthor's exports back with networkx and compare them with the input.

Run by render/interop's Go test (go test ./render/interop, which skips
when /usr/bin/python3 has no networkx), or by hand from the repository
root:

    /usr/bin/python3 render/interop/readback.py [INPUT [COAUTHOR]]

INPUT is a GML network (default graph/testdata/netscience.gml), "builtin"
for coauthor's built-in example, or any input coauthor reads (such as a
DBLP XML file); COAUTHOR is the command to run (default: go run
./cmd/coauthor). For each of
GraphML, GEXF 1.3, node-link JSON, Pajek, CSV and VOSviewer it runs
`go run ./cmd/coauthor export`, reads the file(s) with networkx (pandas-free
csv for the tables), and checks that the nodes, edges and weights equal
networkx's own reading of the input, and that the pagerank attribute equals
networkx's pagerank of the graph read back. It prints one line per format
and exits 1 on any difference.

GraphML and Pajek are also read with python-igraph (its C parsers, as R's
igraph uses) when it is installed, and so are the CSV tables and the
node-link JSON (igraph's Graph.DictList) and VOSviewer's network file
(igraph's NCOL reader, edges only); every text file written is checked for
numbers below 1e-300 in magnitude other than 0 (subnormals, which igraph
refuses as "double overflow"); the node-link JSON must hold each edge once,
under "links", read with networkx's defaults and with the key named as
3.x's node_link_graph(data, edges="links") names it.

networkx 2.8 reads GEXF only up to 1.2draft; the script registers the 1.3
namespaces (same elements and attributes) before reading.
"""
import csv
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile

import networkx as nx
from networkx.readwrite import gexf as nxgexf

src = sys.argv[1] if len(sys.argv) > 1 else "graph/testdata/netscience.gml"
cmd = [sys.argv[2]] if len(sys.argv) > 2 else ["go", "run", "./cmd/coauthor"]


def reference(path):
    """The input as networkx reads it, nodes by name: a GML file itself,
    any other input through coauthor's CSV export (its own reading)."""
    if not path.endswith(".gml"):
        return reference_csv(path)
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


def reference_csv(path):
    with tempfile.TemporaryDirectory() as tmp:
        export("csv", os.path.join(tmp, "csv"), path)
        g, _, _ = read_csv(os.path.join(tmp, "csv"))
    return g


def read_csv(d):
    """The graph of coauthor's CSV export, nodes keyed by id; names, and
    the rows of nodes.csv. Names are keyed by id, as homonyms share one."""
    with open(os.path.join(d, "nodes.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    g = nx.Graph()
    g.add_nodes_from(r["id"] for r in rows)
    with open(os.path.join(d, "edges.csv"), newline="") as f:
        for r in csv.DictReader(f):
            g.add_edge(r["source"], r["target"], weight=float(r["weight"]))
    return g, {r["id"]: r["name"] for r in rows}, rows


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


def export(fmt, out, path=None):
    path = path or src
    args = cmd + ["export", "-to", fmt, "-o", out] + ([] if path == "builtin" else [path])
    subprocess.run(args, check=True, stderr=subprocess.DEVNULL)


def clusters(label, values):
    """Clusters are numbered from 1, the largest (VOSviewer: at most 1000)."""
    values = [int(v) for v in values]
    if values and (min(values) != 1 or (label == "vosviewer" and max(values) > 1000)):
        print(f"{label:10s} clusters run from {min(values)} to {max(values)}, want 1 up")
        return False
    return True


TINY = re.compile(rb"[-+]?[0-9.]+[eE]-[0-9]{3,}")


def no_tiny(label, *paths):
    """No number in the files is a nonzero value below 1e-300."""
    for path in paths:
        with open(path, "rb") as f:
            bad = [m for m in TINY.findall(f.read()) if 0 < abs(float(m)) < 1e-300]
        if bad:
            print(f"{label:10s} {os.path.basename(path)} writes {len(bad)} values below 1e-300, such as {bad[0].decode()}")
            return False
    return True


try:
    import igraph
except ImportError:
    igraph = None


def igraph_read(label, path, reader, want, nodes=True):
    """Read path with python-igraph's reader and compare the counts and
    the total weight with want (not the nodes with nodes=False: an edge
    list leaves out the authors without a co-author)."""
    if igraph is None:
        return True
    try:
        g = reader(path)
    except Exception as e:  # igraph raises InternalError on a parse error
        print(f"igraph-{label:4s} cannot read {os.path.basename(path)}: {e}")
        return False
    w = sum(float(x) for x in g.es["weight"]) if g.ecount() else 0
    ww = sum(d["weight"] for _, _, d in want.edges(data=True))
    ok = (g.vcount() == len(want) or not nodes) and g.ecount() == want.number_of_edges() and abs(w - ww) <= 1e-9 * max(1, abs(ww))
    print(f"igraph-{label:4s} {g.vcount()} nodes, {g.ecount()} edges, weight {w:g}: " + ("same as the input" if ok else f"want {len(want)}, {want.number_of_edges()}, {ww:g}"))
    return ok


def igraph_csv(d):
    """nodes.csv and edges.csv as igraph's Graph.DictList builds them."""
    with open(os.path.join(d, "nodes.csv"), newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(d, "edges.csv"), newline="") as f:
        edges = list(csv.DictReader(f))
    return igraph.Graph.DictList(nodes, edges, directed=False, vertex_name_attr="id", edge_foreign_keys=("source", "target"))


def igraph_json(path):
    """The node-link JSON as igraph's Graph.DictList builds it."""
    with open(path) as f:
        data = json.load(f)
    return igraph.Graph.DictList(data["nodes"], data["links"], directed=False, vertex_name_attr="id", edge_foreign_keys=("source", "target"))


def relabel(g, key):
    """g with its nodes renamed key(node, data), weights as floats."""
    h = nx.Graph()
    names = {v: key(v, d) for v, d in g.nodes(data=True)}
    h.add_nodes_from(names.values())
    for u, v, d in g.edges(data=True):
        h.add_edge(names[u], names[v], weight=float(d["weight"]))
    return h, names


# The exports check reads, by format: the file or folder name in the
# folder it is given.
EXPORTS = [("csv", "csv"), ("graphml", "g.graphml"), ("gexf", "g.gexf"), ("json", "g.json"), ("pajek", "g.net"), ("vosviewer", "vos")]


def export_all(tmp, path=None):
    for fmt, name in EXPORTS:
        export(fmt, os.path.join(tmp, name), path)


def check(tmp, path=None):
    """Read the exports export_all wrote into tmp back and compare them
    with the input path (a GML file) or with the CSV export; True when
    every format agrees."""
    path = path or src
    ok = True
    # Every export numbers nodes alike: compare them by coauthor's id
    # (homonyms share a name), taken from each format's own field.
    d = os.path.join(tmp, "csv")
    g, name, rows = read_csv(d)
    if path.endswith(".gml"):
        ids = {n: i for i, n in name.items()}
        want, _ = relabel(reference(path), lambda v, _: ids[v])
    else:
        want = g
    ok &= compare("csv", g, want, {r["id"]: float(r["pagerank"]) for r in rows})
    ok &= clusters("csv", [r["cluster"] for r in rows])
    ok &= no_tiny("csv", os.path.join(d, "nodes.csv"), os.path.join(d, "edges.csv"))
    ok &= igraph_read("csv", d, igraph_csv, want)

    p = os.path.join(tmp, "g.graphml")
    raw = nx.read_graphml(p)
    g, ids = relabel(raw, lambda v, _: v[1:])  # n0, n1, ...
    ok &= compare("graphml", g, want, {ids[v]: d["pagerank"] for v, d in raw.nodes(data=True)})
    ok &= clusters("graphml", [d["cluster"] for _, d in raw.nodes(data=True)])
    ok &= no_tiny("graphml", p)
    ok &= igraph_read("graphml", p, lambda p: igraph.Graph.Read_GraphML(p), want)

    nxgexf.GEXF.versions["1.3"] = dict(nxgexf.GEXF.versions["1.2draft"],
                                        NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
    p = os.path.join(tmp, "g.gexf")
    raw = nx.read_gexf(p, version="1.3")
    g, ids = relabel(raw, lambda v, _: v)
    ok &= compare("gexf", g, want, {ids[v]: d["pagerank"] for v, d in raw.nodes(data=True)})
    ok &= clusters("gexf", [d["cluster"] for _, d in raw.nodes(data=True)])
    ok &= no_tiny("gexf", p)

    p = os.path.join(tmp, "g.json")
    with open(p) as f:
        data = json.load(f)
    keys = sorted(data)
    if keys != ["directed", "graph", "links", "multigraph", "nodes"]:
        print(f"json       top-level keys {keys}: want directed, graph, links, multigraph, nodes (each edge once)")
        ok = False
    # The key named as each version names it: edges="links" from 3.4
    # on (3.6 and later need it: their default key is "edges"),
    # link="links" before; and the defaults where they read "links"
    # (2.x to 3.5).
    params = inspect.signature(nx.node_link_graph).parameters
    named = "edges" if "edges" in params else "link"
    raw = nx.node_link_graph(data, **{named: "links"})
    if named == "link" or params["edges"].default is None:
        dflt = nx.node_link_graph(data)  # default arguments
        if dflt.number_of_edges() != raw.number_of_edges():
            print(f"json       default arguments read {dflt.number_of_edges()} edges, {named}=\"links\" {raw.number_of_edges()}")
            ok = False
    if raw.number_of_edges() != len(data["links"]):
        print(f"json       {named}=\"links\" reads {raw.number_of_edges()} edges of {len(data['links'])}")
        ok = False
    ok &= no_tiny("json", p)
    ok &= igraph_read("json", p, igraph_json, want)
    g, ids = relabel(raw, lambda v, _: str(v))
    ok &= compare("json", g, want, {ids[v]: d["pagerank"] for v, d in raw.nodes(data=True)})
    ok &= clusters("json", [d["cluster"] for _, d in raw.nodes(data=True)])

    p = os.path.join(tmp, "g.net")
    raw = nx.Graph(nx.read_pajek(p))  # keyed by label: labels must be unique
    g, _ = relabel(raw, lambda v, d: str(int(d["id"]) - 1))
    ok &= compare("pajek", g, want)
    ok &= no_tiny("pajek", p)
    ok &= igraph_read("pajek", p, lambda p: igraph.Graph.Read_Pajek(p), want)

    d = os.path.join(tmp, "vos")
    with open(os.path.join(d, "map.txt"), newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    g = nx.Graph()
    g.add_nodes_from(str(int(r["id"]) - 1) for r in rows)
    with open(os.path.join(d, "network.txt")) as f:
        for line in f:
            a, b, w = line.split("\t")
            g.add_edge(str(int(a) - 1), str(int(b) - 1), weight=float(w))
    ok &= compare("vosviewer", g, want, {str(int(r["id"]) - 1): float(r["score<Pagerank>"]) for r in rows})
    ok &= clusters("vosviewer", [r["cluster"] for r in rows])
    ok &= igraph_read("vos", os.path.join(d, "network.txt"), lambda p: igraph.Graph.Read_Ncol(p, names=True, weights=True, directed=False), want, nodes=False)
    ok &= no_tiny("vosviewer", os.path.join(d, "map.txt"), os.path.join(d, "network.txt"))
    # nodes.csv quotes a name that a spreadsheet would run with a '.
    plain = {i: n[1:] if n[:2] in ("'=", "'+", "'-", "'@") else n for i, n in name.items()}
    bad = [r["label"] for r in rows if r["label"] != plain[str(int(r["id"]) - 1)]]
    if bad:
        print(f"vosviewer  {len(bad)} labels differ from the names, such as {bad[0]!r}")
        ok = False
    return ok


def main():
    with tempfile.TemporaryDirectory() as tmp:
        export_all(tmp)
        ok = check(tmp)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
