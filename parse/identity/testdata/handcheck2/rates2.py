#!/usr/bin/env python3
"""rates2.py: join the verdicts of the three judges (judge-{A,B,C}-verdicts.txt:
"N<TAB>same|different|cannot<TAB>evidence", one line per decision; blank lines
and lines starting with # are skipped) with the sample (sample2.jsonl.gz, kept
here; build2.py writes it to OUT), write judgements2.jsonl beside this script
in the format of ../handcheck/judgements.jsonl (so TestHandCheck can replay
both), and print the error rates with 95% Wilson intervals, for the new
sample alone and pooled with the 310 decisions of ../handcheck.

  joins   (join_variant, join_same):        false merge  = judged different / judged same or different
  aparts  (apart_candidate, apart_same):    missed merge = judged same / judged same or different
  cannot tell is counted apart and left out of the rates.

usage: rates2.py [SAMPLE]   (SAMPLE defaults to sample2.jsonl.gz beside this script)"""
import collections, gzip, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = {"same": "same person", "different": "different people", "cannot": "cannot tell"}


sys.path.insert(0, os.path.join(HERE, "..", "handcheck"))
from wilson import wilson  # noqa: E402,F401  (../handcheck/wilson.py; rates3.py uses rates2.wilson)


def read_sample(path):
    """The sample's decisions by number, from a .jsonl or .jsonl.gz file."""
    sample = {}
    for line in (gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")):
        d = json.loads(line)
        sample[d["n"]] = d
    return sample


def read_verdicts(sample, judges, here):
    """The verdicts of here/judge-J-verdicts.txt for each judge J, checked:
    the verdict word, the number is one of that judge's decisions, no number
    twice.  Errors name file and line; with any error, exit 1."""
    verdicts, bad = {}, []
    for j in judges:
        path = os.path.join(here, f"judge-{j}-verdicts.txt")
        if not os.path.exists(path):
            print(f"{path}: missing, judge {j} left out", file=sys.stderr)
            continue
        for i, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t", 2)
            where = f"{os.path.basename(path)}:{i}"
            if len(parts) < 2 or not parts[0].strip().isdigit():
                bad.append(f"{where}: want N<TAB>same|different|cannot<TAB>evidence, got {line[:60]!r}")
                continue
            n, v = int(parts[0]), parts[1].strip().lower()
            ev = parts[2].strip() if len(parts) > 2 else ""
            if v not in WORD:
                bad.append(f"{where}: verdict {v!r}, want same, different or cannot")
            elif n not in sample or sample[n]["judge"] != j:
                bad.append(f"{where}: #{n} is not a decision of judge {j}")
            elif n in verdicts:
                bad.append(f"{where}: #{n} judged twice")
            else:
                verdicts[n] = (v, ev)
    for b in bad:
        print(b, file=sys.stderr)
    if bad:
        sys.exit(1)
    return verdicts


def judgement_rows(sample, verdicts):
    """One row per decision with a verdict, in the format of ../handcheck/judgements.jsonl."""
    rows = []
    for n in sorted(sample):
        if n not in verdicts:
            continue
        d = sample[n]
        v, ev = verdicts[n]
        join = d["kind"].startswith("join")
        err = None
        if join and v == "different":
            err = "false merge"
        if not join and v == "same":
            err = "missed merge"
        rows.append({
            "n": n, "file": d["file"], "kind": d["kind"], "names": d["names"],
            "coauthor_person": d["person"], "coauthor_decision": d["decision"],
            "sides": [{"papers": p, "titles": t} for p, t in zip(d["side_papers"], d["side_titles"])],
            "judgement": WORD[v], "evidence": ev, "error": err,
        })
    return rows


def write_rows(rows, path):
    """Write rows as JSON lines to path; with no rows, say so and write nothing."""
    if not rows:
        print(f"no verdicts yet: {os.path.basename(path)} not written", file=sys.stderr)
        return
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def report(label, rs, bad):
    c = collections.Counter(r["judgement"] for r in rs)
    n = c["same person"] + c["different people"]
    k = c[bad]
    lo, hi = wilson(k, n)
    weak = sum(1 for r in rs if r["judgement"] != "cannot tell" and "weak" in r["evidence"].lower())
    print(f"| {label} | {len(rs)} | {n} | {c['cannot tell']} | {k} | "
          f"{100*k/n if n else float('nan'):.1f}% | [{100*lo:.1f}%, {100*hi:.1f}%] | {weak} |")


def table(title, rows):
    print(f"\n{title}\n")
    print("| | decisions | judged | cannot tell | errors | rate | 95% Wilson | weak |")
    print("|---|---|---|---|---|---|---|---|")
    joins = [r for r in rows if r["kind"].startswith("join")]
    aparts = [r for r in rows if r["kind"].startswith("apart")]
    report("**false merges** (all joins)", joins, "different people")
    report("joins of different spellings", [r for r in joins if r["kind"] == "join_variant"], "different people")
    report("same string kept as one person", [r for r in joins if r["kind"] == "join_same"], "different people")
    report("**missed merges** (all keep-aparts)", aparts, "same person")
    report("candidate pairs kept apart", [r for r in aparts if r["kind"] == "apart_candidate"], "same person")
    report("same string split / same names kept apart", [r for r in aparts if r["kind"] == "apart_same"], "same person")


def main():
    sample = read_sample(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "sample2.jsonl.gz"))
    verdicts = read_verdicts(sample, "ABC", HERE)
    rows = judgement_rows(sample, verdicts)
    write_rows(rows, os.path.join(HERE, "judgements2.jsonl"))
    missing = collections.Counter(sample[n]["judge"] for n in sample if n not in verdicts)
    print(f"{len(rows)} of {len(sample)} decisions have a verdict; without one, per judge: {dict(missing)}")
    table("New sample (handcheck2, seed 20261209):", rows)
    for j in "ABC":
        table(f"judge {j} alone:", [r for r in rows if sample[r["n"]]["judge"] == j])
    old = [json.loads(l) for l in open(os.path.join(HERE, "..", "handcheck", "judgements.jsonl"))]
    table("Pooled with the 310 of ../handcheck (its keep-apart candidates were the 30 strongest per file only, "
          "biased towards pairs that are one person; its apart_same drew only initials-only names under a frequent surname):",
          old + rows)
    print("\nfiles:", len({r["file"] for r in rows}), dict(sorted(collections.Counter(r["file"] for r in rows).items())))


if __name__ == "__main__":
    main()
