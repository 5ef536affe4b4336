#!/usr/bin/env python3
"""build2.py: the second, larger sample of the hand check (issue #25), from the
files prepared by ../handcheck/prep.sh (run with OUT=/tmp/hc2).  Adapted from
../handcheck/build.py, whose File class (reading of the prepared files) and
dossier writer (File.paper_line) it imports unchanged.

Decisions (kinds):
  join_variant      two different spellings merged into one person ("merges" of
                    each person in names --json)
  join_same         one name string (folded: case, accents, dots, hyphens aside) on
                    two or more papers, all given to one person
  apart_candidate   an entry of names --json "kept_apart" whose names differ
  apart_same        an entry of "kept_apart" whose names are the same string
                    (match "the same names": a same-string split, or source ids)

Every decision already judged in ../handcheck (judgements.jsonl,
hunt-judgements.jsonl) is left out, matched on file and the set of folded names.

Sample (seed 20261209): 400 join_variant, 300 join_same (200 initials-only names
under a frequent surname first, then others), 150 keep-aparts drawn uniformly
over all kept_apart entries (both kinds together), each round-robin over the
files.  The 850 are spread over three judges A, B, C in turn within each kind,
numbered 2001... (A first, then B, then C), each judge's decisions in a seeded
shuffled order.

usage: build2.py [OUT]  (OUT defaults to /tmp/hc2; writes OUT/sample2.jsonl,
OUT/judge-{A,B,C}.txt, and prints the populations)
"""
import collections, json, os, random, sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/hc2"
SEED = 20261209
HERE = os.path.dirname(os.path.abspath(__file__))
OLD = os.path.join(HERE, "..", "handcheck")
sys.path.insert(0, OLD)
import build  # noqa: E402  (../handcheck/build.py)

build.OUT = OUT
fold, initials_only, surname, FREQUENT, strat = build.fold, build.initials_only, build.surname, build.FREQUENT, build.strat
TARGETS = {"join_variant": 400, "join_same": 300, "apart": 150}
JUDGES = "ABC"
skipped = collections.Counter()


def key(file, names):
    return (file, frozenset(fold(n) for n in names))


class File2(build.File):
    """build.File reading the {people, kept_apart} form of names --json."""

    def decisions(self):
        people, kept = self.names["people"], self.names["kept_apart"]
        self.names = people  # build.File.decisions reads the list of people
        out = [d for d in build.File.decisions(self) if d["kind"] != "apart_candidate"]
        self.names = {"people": people, "kept_apart": kept}
        # build.File.decisions's apart_same reads '"X" is N people' from the
        # reasons; here every keep-apart comes from kept_apart instead.
        out = [d for d in out if d["kind"] != "apart_same"]
        for e in kept:
            ns = e["names"]
            why = e.get("why", "")
            if e.get("match") == "the same names" or len({fold(n) for n in ns}) == 1:
                ks = self.by_fold.get(fold(ns[0]), [])
                persons = collections.defaultdict(list)
                for k in ks:
                    persons[self.person[k]].append(k)
                if len(persons) < 2:
                    skipped[("apart_same", "fewer than 2 people found", self.rel)] += 1
                    continue
                groups = sorted(persons.values(), key=lambda g: (-len(g), sorted(g)))
                sps = sorted({self.spell[k] for k in ks})
                out.append(dict(kind="apart_same", file=self.rel, names=sps,
                                person=[self.pname[self.person[g[0]]] for g in groups],
                                sides=[sorted(g) for g in groups],
                                decision="kept apart (split into %d people): %s" % (len(groups), why),
                                initials_only=initials_only(sps[0]), frequent=surname(sps[0]) in FREQUENT))
                continue
            if len(ns) != 2:
                skipped[("apart_candidate", "group of %d different names" % len(ns), self.rel)] += 1
                continue
            a, b = ns
            ka, kb = self.by_spell.get(a, []), self.by_spell.get(b, [])
            pa = {self.person[k] for k in ka}
            pb = {self.person[k] for k in kb}
            ka = [k for k in ka if self.person[k] not in pb]
            kb = [k for k in kb if self.person[k] not in pa]
            if not ka or not kb:
                skipped[("apart_candidate", "joined after all: every mention of one name is a person of the other", self.rel)] += 1
                continue
            out.append(dict(kind="apart_candidate", file=self.rel, names=[a, b],
                            person=[self.pname[self.person[ka[0]]], self.pname[self.person[kb[0]]]],
                            sides=[sorted(ka), sorted(kb)],
                            decision="kept apart: %s (%s)" % (why, e.get("match", ""))))
        return out


def judged_before():
    seen = set()
    for f in ("judgements.jsonl", "hunt-judgements.jsonl"):
        for line in open(os.path.join(OLD, f)):
            j = json.loads(line)
            seen.add(key(j["file"], j["names"]))
    return seen


def main():
    rng = random.Random(SEED)
    seen = judged_before()
    files, fobj = [], {}
    for rel in build.FILES:
        try:
            files.append(File2(rel))
        except FileNotFoundError as e:
            print("skip", rel, e, file=sys.stderr)
    alld = collections.defaultdict(list)
    excluded = collections.Counter()
    kept_pop = {}
    for f in files:
        fobj[f.rel] = f
        kept_pop[f.rel] = len(f.names["kept_apart"])
        for d in f.decisions():
            if key(d["file"], d["names"]) in seen:
                excluded[d["kind"]] += 1
                continue
            alld["apart" if d["kind"].startswith("apart") else d["kind"]].append(d)
    print("commit", open(os.path.join(OUT, "commit")).read().strip())
    print("population (after leaving out decisions judged before):")
    for kind in ("join_variant", "join_same", "apart"):
        ds = alld[kind]
        print(f"  {kind}: {len(ds)}", dict(sorted(collections.Counter(d['file'] for d in ds).items())))
        if kind == "apart":
            print("    by kind:", dict(collections.Counter(d["kind"] for d in ds)))
        if kind == "join_same":
            print("    initials-only+frequent:", sum(d["initials_only"] and d["frequent"] for d in ds))
    print("  kept_apart entries in names --json per file:", kept_pop, "total", sum(kept_pop.values()))
    print("  left out, judged before:", dict(excluded))
    print("  kept_apart entries not usable:", dict(skipped))
    sample = []
    for kind, n in TARGETS.items():
        ds = alld[kind]
        if kind == "join_same":
            pref = [d for d in ds if d["initials_only"] and d["frequent"]]
            rest = [d for d in ds if not (d["initials_only"] and d["frequent"])]
            pick = strat(rng, pref, min(len(pref), n * 2 // 3))
            for d in pick:
                d["stratum"] = "initials+frequent"
            more = strat(rng, rest, n - len(pick))
            for d in more:
                d["stratum"] = "other"
            pick += more
        else:
            pick = strat(rng, ds, n)
        sample.append(pick)
    per, allrows = write_judges(rng, sample, JUDGES, 2001, fobj, OUT, "sample2.jsonl", HEADER)
    print("sampled:")
    for j in JUDGES:
        print(f"  judge {j}: {len(per[j])}", dict(collections.Counter(d["kind"] for d in per[j])),
              "files", len({d["file"] for d in per[j]}))
    print("  per file:", dict(sorted(collections.Counter(d["file"] for d in allrows).items())))


def write_judges(rng, sample, judges, first, fobj, out, sample_name, header):
    """Deal the decisions of each list of sample to the judges in turn (the
    picks alternate files), shuffle each judge's decisions with rng so kinds
    and files mix through the file, number them from first (the first judge's,
    then the next's), and write out/judge-J.txt (header, then one dossier per
    decision, its papers by fobj[file].paper_line) and out/sample_name (one
    JSON line per decision).  Returns the decisions per judge and all rows."""
    per = {j: [] for j in judges}
    i = 0
    for pick in sample:
        for d in pick:
            per[judges[i % len(judges)]].append(d)
            i += 1
    n = first
    allrows = []
    for j in judges:
        rng.shuffle(per[j])
        with open(os.path.join(out, f"judge-{j}.txt"), "w") as dos:
            print(header.format(judge=j, first=n, last=n + len(per[j]) - 1, count=len(per[j])), file=dos)
            for d in per[j]:
                d["n"], d["judge"] = n, j
                n += 1
                build.write_dossier(d, fobj[d["file"]], dos)
                allrows.append(d)
    with open(os.path.join(out, sample_name), "w") as o:
        for d in allrows:
            o.write(json.dumps(d, ensure_ascii=False) + "\n")
    return per, allrows


HEADER = """Hand check of coauthor's name decisions, judge {judge}: decisions #{first} to #{last} ({count}).

For each decision below, say whether the mentions on the two (or more) sides are
ONE person or DIFFERENT people, from the papers shown: years, titles, venues,
co-authors as written, affiliations, ids (DOI, arXiv, PMID, WoS, EID), source
ids (ORCID, OpenAlex, DBLP) shown as id=.  Each dossier says what coauthor did
(joined = made one person; kept apart / split = made several); judge the
people, not the rule.  A join_same decision has one side: its papers, all given
to one person; judge whether they are all one person.  A side lists its first
6 papers.  Where a keep-apart has three or more sides, answer "same" if any two
sides are one person and name them in the evidence ("sides 0=2: ...").

Write one line per decision into judge-{judge}-verdicts.txt:
    N<TAB>same|different|cannot<TAB>evidence
e.g. "2007<TAB>same<TAB>shared co-authors X.-P. Xu = Xinping Xu, quantum walks 2008".
"cannot" = cannot tell.  Add "(weak)" to the evidence when the verdict rests on
knowledge from outside the dossier (a career move, a known researcher).
Do not read coauthor's code (parse/identity/, cmd/coauthor/names.go) or the
README's sections on merging.
"""

if __name__ == "__main__":
    main()
