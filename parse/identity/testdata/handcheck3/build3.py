#!/usr/bin/env python3
"""build3.py: the third hand check (issue #25), from two runs of
../handcheck/prep.sh on the same files: BASE (the rules before, commit 1a167c9)
and FINAL (the rules after).  It reuses ../handcheck2/build2.py (its File2,
reading of the prepared files and listing of the decisions; its write_judges,
the dossier layout) and, through it, ../handcheck/build.py (File.paper_line,
strat).

Strata (decisions of FINAL, as build2.py lists them; every decision judged
before is left out: ../handcheck/judgements.jsonl, hunt-judgements.jsonl and
../handcheck2/judgements2.jsonl, matched on file and the set of folded names):

  join_new  a join of FINAL (join_variant or join_same) whose mentions were NOT
            all one person in BASE: the merges the new rules add.  Up to 240,
            drawn uniformly over the decisions of every file pooled.
  join      the other joins of FINAL, 150, drawn as build2.py draws its joins:
            each kind apart in build2's proportions (400 : 300), 86 join_variant
            and 64 join_same (of them up to two thirds, 42, initials-only names
            under a frequent surname, then the others), each round-robin over
            the files (build.strat).
  apart     the kept_apart entries of FINAL (both kinds), 150, drawn as
            build2.py draws them: uniformly within each file, round-robin over
            the files.

One random.Random(20261210) draws the strata in that order, then deals each
stratum's picks to judges D, E, F in turn and shuffles each judge's list
(build2.write_judges): numbers from 3001, D's first, then E's, then F's.

usage: build3.py BASE_DIR FINAL_DIR [OUT_DIR]   (OUT_DIR defaults to FINAL_DIR;
writes OUT_DIR/judge-{D,E,F}.txt, OUT_DIR/sample3.jsonl, OUT_DIR/excluded3.jsonl
(the join_new decisions left out as judged before, with their verdicts) and
OUT_DIR/populations3.txt (what it prints))
"""
import collections, io, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "handcheck2"))
import build2  # noqa: E402  (../handcheck2/build2.py; it imports ../handcheck/build.py)

build = build2.build
SEED = 20261210
TARGETS = {"join_new": 240, "join": 150, "apart": 150}
JOIN_VARIANT = 86  # of the 150 joins: 400 : 300 as in build2.py
JUDGES = "DEF"
FIRST = 3001
# build2's instructions, with the example verdict numbered as the judge's first decision.
HEADER = build2.HEADER.replace('"2007<TAB>', '"{first}<TAB>')
JUDGED = [os.path.join(HERE, "..", "handcheck", "judgements.jsonl"),
          os.path.join(HERE, "..", "handcheck", "hunt-judgements.jsonl"),
          os.path.join(HERE, "..", "handcheck2", "judgements2.jsonl")]


def judged_before():
    """key(file, names) -> the verdicts given to it by the earlier checks."""
    seen = collections.defaultdict(list)
    for path in JUDGED:
        for line in open(path, encoding="utf-8"):
            j = json.loads(line)
            seen[build2.key(j["file"], j["names"])].append(j.get("judgement"))
    return seen


class Base:
    """What build3 keeps of a BASE file: the person at each (paper, position)
    and the mentions of each spelling and folded name."""

    def __init__(self, rel):
        f = build.File(rel)
        self.person, self.by_spell, self.by_fold = f.person, f.by_spell, f.by_fold


def base_people(d, b):
    """How many BASE people hold the mentions of join d (FINAL keys), and
    whether every one of those mentions is in BASE.  When one is not (its
    paper lists a name twice in one run only, so build.File leaves it out), the
    count is over every BASE mention of d's names: people holding any of them,
    less one if some person holds mentions of all of them."""
    keys = [k for side in d["sides"] for k in side]
    if all(k in b.person for k in keys):
        return len({b.person[k] for k in keys}), True
    if d["kind"] == "join_same":
        ps = [{b.person[k] for k in b.by_fold.get(build.fold(d["names"][0]), [])}]
    else:
        ps = [{b.person[k] for k in b.by_spell.get(n, [])} for n in d["names"]]
    common = set.intersection(*ps) if ps else set()
    return (1 if common else len(set.union(*ps)) if ps else 0), False


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: build3.py BASE_DIR FINAL_DIR [OUT_DIR]")
    base_dir, final_dir = sys.argv[1], sys.argv[2]
    out_dir = sys.argv[3] if len(sys.argv) > 3 else final_dir
    os.makedirs(out_dir, exist_ok=True)
    log = io.StringIO()

    def say(*a):
        print(*a)
        print(*a, file=log)

    rng = random.Random(SEED)
    seen = judged_before()
    pop = collections.defaultdict(list)
    excluded = collections.Counter()
    excluded_new = []
    not_all_in_base = collections.Counter()
    fobj = {}
    for rel in build.FILES:
        try:
            build.OUT = base_dir
            b = Base(rel)
            build.OUT = final_dir
            f = build2.File2(rel)
        except FileNotFoundError as e:
            print("skip", rel, e, file=sys.stderr)
            continue
        fobj[rel] = f
        for d in f.decisions():
            if d["kind"].startswith("join"):
                n, whole = base_people(d, b)
                d["base_people"] = n
                if not whole:
                    not_all_in_base[d["kind"]] += 1
                stratum = "join_new" if n > 1 else "join"
            else:
                stratum = "apart"
            d["stratum"] = stratum
            k = build2.key(d["file"], d["names"])
            if k in seen:
                excluded[stratum] += 1
                if stratum == "join_new":
                    excluded_new.append(dict(file=d["file"], kind=d["kind"], names=d["names"],
                                             decision=d["decision"], base_people=n, judged_before=seen[k]))
                continue
            pop[stratum].append(d)
    say("BASE commit", open(os.path.join(base_dir, "commit")).read().strip())
    say("FINAL commit", open(os.path.join(final_dir, "commit")).read().strip())
    say("population (after leaving out decisions judged before):")
    for s in TARGETS:
        ds = pop[s]
        say(f"  {s}: {len(ds)}", dict(collections.Counter(d["kind"] for d in ds)))
        say("    per file:", dict(sorted(collections.Counter(d["file"] for d in ds).items())))
        if s == "join":
            say("    join_same initials-only under a frequent surname:",
                sum(d["kind"] == "join_same" and d["initials_only"] and d["frequent"] for d in ds))
        if s == "join_new":
            byf = collections.defaultdict(collections.Counter)
            for d in ds:
                byf[d["file"]][d["kind"]] += 1
            for fl in sorted(byf):
                say(f"      {fl}: {dict(byf[fl])}")
            say("    BASE people the mentions were in:", dict(sorted(collections.Counter(d["base_people"] for d in ds).items())))
    say("  left out, judged before:", dict(excluded))
    if excluded_new:
        say("    of them join_new, with their earlier verdicts (excluded3.jsonl):",
            dict(collections.Counter(v for e in excluded_new for v in e["judged_before"])))
    say("  joins with a mention missing from BASE (told new by their names instead):", dict(not_all_in_base))
    say("  kept_apart entries not usable:", dict(build2.skipped))

    sample = []
    for s, n in TARGETS.items():
        ds = pop[s]
        if s == "join_new":
            pick = rng.sample(ds, min(n, len(ds)))
        elif s == "join":
            # As build2.py: each kind apart, in its proportions (400 : 300),
            # join_same first from the initials-only names under a frequent
            # surname (up to two thirds), then from the others.
            pick = build.strat(rng, [d for d in ds if d["kind"] == "join_variant"], JOIN_VARIANT)
            js = [d for d in ds if d["kind"] == "join_same"]
            pref = [d for d in js if d["initials_only"] and d["frequent"]]
            rest = [d for d in js if not (d["initials_only"] and d["frequent"])]
            more = build.strat(rng, pref, min(len(pref), (n - JOIN_VARIANT) * 2 // 3))
            for d in more:
                d["join_same_draw"] = "initials+frequent"
            other = build.strat(rng, rest, n - len(pick) - len(more))
            for d in other:
                d["join_same_draw"] = "other"
            pick += more + other
        else:
            pick = build.strat(rng, ds, n)
        sample.append(pick)
    per, allrows = build2.write_judges(rng, sample, JUDGES, FIRST, fobj, out_dir, "sample3.jsonl", HEADER)
    with open(os.path.join(out_dir, "excluded3.jsonl"), "w") as o:
        for e in excluded_new:
            o.write(json.dumps(e, ensure_ascii=False) + "\n")
    say("sampled:")
    for j in JUDGES:
        ns = [d["n"] for d in per[j]]
        say(f"  judge {j}: {len(per[j])} (#{min(ns)}-#{max(ns)})" if ns else f"  judge {j}: 0",
            dict(collections.Counter(d["stratum"] for d in per[j])),
            dict(collections.Counter(d["kind"] for d in per[j])), "files", len({d["file"] for d in per[j]}))
    for s in TARGETS:
        say(f"  {s} per file:", dict(sorted(collections.Counter(d["file"] for d in allrows if d["stratum"] == s).items())))
    with open(os.path.join(out_dir, "populations3.txt"), "w") as o:
        o.write(log.getvalue())


if __name__ == "__main__":
    main()
