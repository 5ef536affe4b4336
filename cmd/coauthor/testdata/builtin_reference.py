"""Figures of the built-in example computed without coauthor's code.

Reads examples/data/tristan-hume.txt the simple way (the line after each
date line is the author list), applies the seven merges checked by hand,
builds the graph with networkx and prints the figures that
TestBuiltInExampleFigures asserts. Run from the repository root:

    /usr/bin/python3 cmd/coauthor/testdata/builtin_reference.py
"""
import re
import itertools
import networkx as nx

MERGES = {  # spelling -> the person's displayed name, checked by hand
    "Noemi Mercado": "Noemí Mercado",
    "Zac Hatfield Dodds": "Zac Hatfield-Dodds",
    "Sheer El-Showk": "Sheer El Showk",
    "Chris Olah": "Christopher Olah",
    "Sam Bowman": "Samuel R. Bowman",
    "Thomas Henighan": "Tom Henighan",
    "Kamile Lukosuite": "Kamilė Lukošiūtė",
}
date = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$")
lines = [l.strip() for l in open("examples/data/tristan-hume.txt", encoding="utf-8-sig")]
papers = []
for i, l in enumerate(lines):
    if date.match(l):
        j = i + 1
        while not lines[j]:
            j += 1
        names = [n.strip() for n in lines[j].split(",") if n.strip()]
        papers.append({MERGES.get(n, n) for n in names})
g = nx.Graph()
raw = set()
for i, l in enumerate(lines):
    if date.match(l):
        j = i + 1
        while not lines[j]:
            j += 1
        raw.update(n.strip() for n in lines[j].split(",") if n.strip())
for p in papers:
    g.add_nodes_from(p)
    g.add_edges_from(itertools.combinations(sorted(p), 2))
print("papers", len(papers), "raw names", len(raw), "authors", g.number_of_nodes(), "edges", g.number_of_edges())
print("density", repr(nx.density(g)))
print("transitivity", repr(nx.transitivity(g)))
print("average clustering", repr(nx.average_clustering(g)))
print("diameter", nx.diameter(g), "average shortest path", repr(nx.average_shortest_path_length(g)))
