#!/usr/bin/env python3
"""rates.py: join the hand judgements (judged.txt: "n|S/D/U|evidence", one line per
sampled decision n of OUT/sample.jsonl) with the sample, write judgements.jsonl
beside this script and print the error rates with 95% Wilson intervals.

  join kinds  (join_variant, join_same):      false merge  = judged D / judged S or D
  apart kinds (apart_candidate, apart_same):  missed merge = judged S / judged S or D
  U (cannot tell) is counted apart and left out of the rates.

usage: rates.py [OUT]"""
import collections, json, os, sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/handcheck"
HERE = os.path.dirname(os.path.abspath(__file__))
WORD = {"S": "same person", "D": "different people", "U": "cannot tell"}


from wilson import wilson  # noqa: E402  (wilson.py beside this script)


sample = [json.loads(l) for l in open(os.path.join(OUT, "sample.jsonl"))]
judged = {}
for line in open(os.path.join(HERE, "judged.txt")):
    line = line.rstrip("\n")
    if not line:
        continue
    n, v, ev = line.split("|", 2)
    judged[int(n)] = (v, ev)
rows = []
for d in sample:
    if d["n"] not in judged:
        continue
    v, ev = judged[d["n"]]
    join = d["kind"].startswith("join")
    err = None
    if join and v == "D":
        err = "false merge"
    if not join and v == "S":
        err = "missed merge"
    rows.append({
        "n": d["n"], "file": d["file"], "kind": d["kind"], "names": d["names"],
        "coauthor_person": d["person"], "coauthor_decision": d["decision"],
        "sides": [{"papers": p, "titles": t} for p, t in zip(d["side_papers"], d["side_titles"])],
        "judgement": WORD[v], "evidence": ev, "error": err,
    })
with open(os.path.join(HERE, "judgements.jsonl"), "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")


def report(label, rs, bad):
    c = collections.Counter(r["judgement"] for r in rs)
    n = c["same person"] + c["different people"]
    k = c[bad]
    lo, hi = wilson(k, n)
    print(f"{label:34s} decisions {len(rs):3d}  judged {n:3d}  cannot tell {c['cannot tell']:2d}  "
          f"errors {k:2d}  rate {100*k/n if n else float('nan'):5.1f}%  95% Wilson [{100*lo:.1f}%, {100*hi:.1f}%]")


joins = [r for r in rows if r["kind"].startswith("join")]
aparts = [r for r in rows if r["kind"].startswith("apart")]
report("false merges, all joins", joins, "different people")
report("  different spellings (variant)", [r for r in joins if r["kind"] == "join_variant"], "different people")
report("  same string kept one", [r for r in joins if r["kind"] == "join_same"], "different people")
report("missed merges, all keep-aparts", aparts, "same person")
report("  candidates kept apart", [r for r in aparts if r["kind"] == "apart_candidate"], "same person")
report("  same string split", [r for r in aparts if r["kind"] == "apart_same"], "same person")
print("files:", len({r["file"] for r in rows}), dict(collections.Counter(r["file"] for r in rows)))


# The targeted hunt (hunt.py): judged-hunt.txt with OUT/hunt.jsonl, written to
# hunt-judgements.jsonl; counted per stratum, never mixed into the rates above.
hunt_path = os.path.join(OUT, "hunt.jsonl")
if os.path.exists(hunt_path) and os.path.exists(os.path.join(HERE, "judged-hunt.txt")):
    hj = {}
    for line in open(os.path.join(HERE, "judged-hunt.txt")):
        line = line.rstrip("\n")
        if line:
            n, v, ev = line.split("|", 2)
            hj[int(n)] = (v, ev)
    hrows = []
    for d in (json.loads(l) for l in open(hunt_path)):
        if d["n"] not in hj:
            continue
        v, ev = hj[d["n"]]
        hrows.append({
            "n": d["n"], "file": d["file"], "kind": d["kind"], "stratum": d["stratum"],
            "names": d["names"], "coauthor_person": d["person"], "coauthor_decision": d["decision"],
            "sides": [{"papers": p, "titles": t} for p, t in zip(d["side_papers"], d["side_titles"])],
            "judgement": WORD[v], "evidence": ev, "error": "false merge" if v == "D" else None,
        })
    with open(os.path.join(HERE, "hunt-judgements.jsonl"), "w") as f:
        for r in hrows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("targeted hunt (same string, papers sharing no co-author), not in the rates above:")
    for s in ("initials+frequent", "full+frequent", "initials+other"):
        report("  " + s, [r for r in hrows if r["stratum"] == s], "different people")
    report("  all", hrows, "different people")
