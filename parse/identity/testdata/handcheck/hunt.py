#!/usr/bin/env python3
"""hunt.py: a targeted second sample, to look for false merges where they are
likeliest: one name string on papers that share no co-author (as written), all
given to one person. Strata: every initials-only name under a frequent surname
(all of them), 30 full names under a frequent surname ("Wei Wang"), 30
initials-only names under other surnames; seed 20261208, uniform within a
stratum. Not part of the rates of rates.py (a hunt, not a random sample of joins).

usage: hunt.py [OUT]   (writes OUT/hunt.jsonl and OUT/hunt-dossiers.txt)"""
import os, random, sys, json

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/handcheck"
sys.argv = sys.argv[:1] + [OUT]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402


def components(f, d):
    ks = d["sides"][0]
    papers = sorted({k[0] for k in ks})
    me = build.fold(d["names"][0])
    co = {p: {build.fold(a) for a in f.paper_authors[p]} - {me} for p in papers}
    parent = {p: p for p in papers}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x
    for i, p in enumerate(papers):
        for q in papers[i + 1:]:
            if co[p] & co[q]:
                parent[find(p)] = find(q)
    return len({find(p) for p in papers})


def main():
    rng = random.Random(20261208)
    strata = {"initials+frequent": [], "full+frequent": [], "initials+other": []}
    fobj = {}
    for rel in build.FILES:
        f = build.File(rel)
        fobj[rel] = f
        for d in f.decisions():
            if d["kind"] != "join_same" or components(f, d) < 2:
                continue
            if d["initials_only"] and d["frequent"]:
                strata["initials+frequent"].append(d)
            elif d["frequent"]:
                strata["full+frequent"].append(d)
            elif d["initials_only"]:
                strata["initials+other"].append(d)
    take = {"initials+frequent": None, "full+frequent": 30, "initials+other": 30}
    sample = []
    for s, ds in strata.items():
        n = take[s]
        pick = ds if n is None or n >= len(ds) else rng.sample(ds, n)
        for d in pick:
            d["stratum"] = s
        sample += pick
        print(s, len(ds), "->", len(pick), file=sys.stderr)
    with open(os.path.join(OUT, "hunt.jsonl"), "w") as out, open(os.path.join(OUT, "hunt-dossiers.txt"), "w") as dos:
        for i, d in enumerate(sample):
            d["n"] = 1000 + i
            f = fobj[d["file"]]
            print(f"=== #{d['n']} {d['stratum']} {d['file']}  names={d['names']}  person={d['person']}", file=dos)
            side = sorted(d["sides"][0])
            for k in side[:8]:
                print(f.paper_line(k, None), file=dos)
            if len(side) > 8:
                print(f"    ... {len(side)-8} more", file=dos)
            d["side_titles"] = [[f.works[k[0]].get("title") for k in side]]
            d["side_papers"] = [[k[0] for k in side]]
            del d["sides"]
            out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
