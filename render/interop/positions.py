"""Print each node's position in coauthor's exports, read by networkx.

Usage: /usr/bin/python3 positions.py FORMAT FILE

FORMAT is gexf (viz:position, read by nx.read_gexf), graphml (the x and y
keys, read by nx.read_graphml) or vosviewer (the map file's x and y
columns, read as tab-separated text). Prints a JSON list of [x, y] in node
order (GEXF ids 0, 1, ...; GraphML n0, n1, ...; VOSviewer ids 1, 2, ...).
"""
import csv
import json
import sys

import networkx as nx
from networkx.readwrite import gexf as nxgexf

fmt, path = sys.argv[1], sys.argv[2]
if fmt == "gexf":
    # networkx 2.8 knows GEXF 1.2draft; 1.3 differs in its namespaces.
    nxgexf.GEXF.versions["1.3"] = dict(nxgexf.GEXF.versions["1.2draft"],
                                        NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
    g = nx.read_gexf(path, version="1.3")
    pos = {int(v): (d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for v, d in g.nodes(data=True)}
elif fmt == "graphml":
    g = nx.read_graphml(path)
    pos = {int(v[1:]): (d["x"], d["y"]) for v, d in g.nodes(data=True)}
else:
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    pos = {int(r["id"]) - 1: (float(r["x"]), float(r["y"])) for r in rows}
print(json.dumps([pos[i] for i in range(len(pos))]))
