#!/usr/bin/env python3
"""top50.py: dossiers of the initials-only authors among the top 50 by degree of
bbt-1436-3 (coauthor rank --by degree --top 50, saved by the caller to OUT/top50.txt),
from the merged parquet export prep.sh made (OUT/pq/bbt-1436-3-library.bib.gz/merged).

usage: top50.py [OUT]   (writes OUT/top50-dossiers.txt)"""
import collections, json, os, re, sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/handcheck"
pq = os.path.join(OUT, "pq", "bbt-1436-3-library.bib.gz")


def load(p):
    with open(p) as f:
        return [json.loads(l) for l in f]


def initials_only(name):
    toks = name.replace(".", ". ").split()
    return len(toks) >= 2 and all(len(t.rstrip(".")) == 1 for t in toks[:-1])


works = {w["paper"]: w for w in load(f"{pq}/merged/works.jsonl")}
authors = {a["id"]: a for a in load(f"{pq}/merged/authors.jsonl")}
ships = load(f"{pq}/merged/authorships.jsonl")
rawships = load(f"{pq}/raw/authorships.jsonl")
rawauth = {a["id"]: a["name"] for a in load(f"{pq}/raw/authors.jsonl")}
# a paper where the merged export gives fewer positions (one person written
# twice) has shifted positions: its spellings are not shown
nm = collections.Counter(s["paper"] for s in ships)
nr = collections.Counter(a["paper"] for a in rawships)
spell = {(a["paper"], a["position"]): rawauth[a["author"]] for a in rawships if nm[a["paper"]] == nr[a["paper"]]}
by_paper = collections.defaultdict(list)
for s in ships:
    by_paper[s["paper"]].append(s)
names = []
for line in open(os.path.join(OUT, "top50.txt")):
    m = re.match(r"(\d+)\s+(.+?)\s{2,}(\d+)\s+(\d+)\s+(\d+)\s*$", line)
    if m:
        names.append((int(m.group(1)), m.group(2), int(m.group(3))))
with open(os.path.join(OUT, "top50-dossiers.txt"), "w") as out:
    for rank, name, degree in names:
        if not initials_only(name):
            continue
        ids = [i for i, a in authors.items() if a["name"] == name]
        for i in ids:
            ps = sorted({s["paper"] for s in ships if s["author"] == i})
            print(f"=== rank {rank} {name} (degree {degree}) id {i}: {len(ps)} papers", file=out)
            for p in ps:
                w = works[p]
                me = [s for s in by_paper[p] if s["author"] == i][0]
                co = [authors[s["author"]]["name"] for s in by_paper[p] if s["author"] != i]
                print(f"  [{w.get('year')}] {w.get('title')} | {w.get('venue')} | doi:{w.get('doi')} | as '{spell.get((p, me['position']), '?')}' | {len(co)} co-authors", file=out)
                print("     co: " + ", ".join(co[:25]) + (" ..." if len(co) > 25 else ""), file=out)
                if me.get("affiliations"):
                    print("     aff: " + "; ".join(me["affiliations"]), file=out)
