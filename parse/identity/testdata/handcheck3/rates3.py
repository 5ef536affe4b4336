#!/usr/bin/env python3
"""rates3.py: join the verdicts of the three judges of the third check
(judge-{D,E,F}-verdicts.txt beside this script: "N<TAB>same|different|cannot<TAB>evidence",
one line per decision; blank lines and lines starting with # are skipped) with
the sample (sample3.jsonl.gz beside this script, or sample3.jsonl; build3.py
writes it to its OUT_DIR), write judgements3.jsonl beside this script in the
format of ../handcheck2/judgements2.jsonl (plus each decision's "stratum"), and
print the error rates with 95% Wilson intervals per stratum, per judge, and
pooled with the joins judged by the two earlier checks.

It reuses ../handcheck2/rates2.py: read_sample, read_verdicts (the checks of
each line: verdict word, number of that judge, no number twice; errors name
file and line and exit 1), judgement_rows, write_rows, wilson (in report).

  joins   (strata join_new, join):  false merge  = judged different / judged same or different
  aparts  (stratum apart):          missed merge = judged same / judged same or different
  cannot tell is counted apart and left out of the rates.

usage: rates3.py [SAMPLE]"""
import collections, gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "handcheck2"))
import rates2  # noqa: E402  (../handcheck2/rates2.py)

JUDGES = "DEF"
DIFF, SAME = "different people", "same person"


def default_sample():
    for name in ("sample3.jsonl.gz", "sample3.jsonl"):
        p = os.path.join(HERE, name)
        if os.path.exists(p):
            return p
    sys.exit(f"{os.path.join(HERE, 'sample3.jsonl.gz')}: missing (build3.py writes sample3.jsonl; "
             "copy it here or name it as the argument)")


def header(title):
    print(f"\n{title}\n")
    print("| | decisions | judged | cannot tell | errors | rate | 95% Wilson | weak |")
    print("|---|---|---|---|---|---|---|---|")


def table(title, rows):
    header(title)
    new = [r for r in rows if r["stratum"] == "join_new"]
    old = [r for r in rows if r["stratum"] == "join"]
    aparts = [r for r in rows if r["stratum"] == "apart"]
    rates2.report("**false merges, new joins** (join_new: joined now, not at 1a167c9)", new, DIFF)
    rates2.report("  join_new: different spellings", [r for r in new if r["kind"] == "join_variant"], DIFF)
    rates2.report("  join_new: same string kept as one person", [r for r in new if r["kind"] == "join_same"], DIFF)
    rates2.report("**false merges, other joins** (join)", old, DIFF)
    rates2.report("  join: different spellings", [r for r in old if r["kind"] == "join_variant"], DIFF)
    rates2.report("  join: same string kept as one person", [r for r in old if r["kind"] == "join_same"], DIFF)
    rates2.report("**false merges, all joins** (join_new and join pooled)", new + old, DIFF)
    rates2.report("**missed merges** (apart: all keep-aparts)", aparts, SAME)
    rates2.report("  candidate pairs kept apart", [r for r in aparts if r["kind"] == "apart_candidate"], SAME)
    rates2.report("  same string split / same names kept apart", [r for r in aparts if r["kind"] == "apart_same"], SAME)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_sample()
    sample = rates2.read_sample(path)
    verdicts = rates2.read_verdicts(sample, JUDGES, HERE)
    rows = rates2.judgement_rows(sample, verdicts)
    for r in rows:
        r["stratum"] = sample[r["n"]]["stratum"]
    rates2.write_rows(rows, os.path.join(HERE, "judgements3.jsonl"))
    missing = collections.Counter(sample[n]["judge"] for n in sample if n not in verdicts)
    print(f"{len(rows)} of {len(sample)} decisions have a verdict; without one, per judge: {dict(missing)}")
    print("sample per stratum:", dict(collections.Counter(d["stratum"] for d in sample.values())))

    table("Third check (handcheck3, seed 20261210):", rows)
    for j in JUDGES:
        table(f"judge {j} alone:", [r for r in rows if sample[r["n"]]["judge"] == j])

    earlier = []
    for p in (os.path.join(HERE, "..", "handcheck", "judgements.jsonl"),
              os.path.join(HERE, "..", "handcheck2", "judgements2.jsonl")):
        earlier += [json.loads(l) for l in open(p, encoding="utf-8")]
    ejoins = [r for r in earlier if r["kind"].startswith("join")]
    joins = [r for r in rows if r["stratum"] in ("join_new", "join")]
    header("False merges pooled with the earlier checks: every judged join of ../handcheck "
           "(judgements.jsonl) and ../handcheck2 (judgements2.jsonl) as judged, at the commits "
           "they checked, added to this check's join_new and join (plain sums of counts; "
           "the draws differ, see METHOD.md):")
    rates2.report("earlier checks' joins", ejoins, DIFF)
    rates2.report("**all joins, three checks**", ejoins + joins, DIFF)
    rates2.report("earlier joins and this check's join (no join_new)",
                  ejoins + [r for r in joins if r["stratum"] == "join"], DIFF)

    for name in ("excluded3.jsonl.gz", "excluded3.jsonl"):
        p = os.path.join(HERE, name)
        if os.path.exists(p):
            opener = gzip.open if p.endswith(".gz") else open
            ex = [json.loads(l) for l in opener(p, "rt", encoding="utf-8")]
            c = collections.Counter(v for e in ex for v in e["judged_before"])
            print(f"\njoin_new decisions left out as judged before ({name}): {len(ex)}; "
                  f"their earlier verdicts: {dict(c)}")
            break
    print("\nfiles:", len({r["file"] for r in rows}), dict(sorted(collections.Counter(r["file"] for r in rows).items())))


if __name__ == "__main__":
    main()
