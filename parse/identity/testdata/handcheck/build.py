#!/usr/bin/env python3
"""build.py: list every decision coauthor made on the prepared files (prep.sh),
draw a seeded stratified sample and write one dossier per sampled decision.

Decisions (kinds):
  join_variant      two different spellings merged into one person (names --json "merges")
  join_same         one name string (folded: case, accents, dots, hyphens aside) on two
                    or more papers, all given to one person
  apart_candidate   a pair of spellings listed under "Kept apart" in the names table
                    (the table shows the 30 strongest per file; --json has no such list)
  apart_same        one name string whose papers coauthor split into two or more people

usage: build.py [OUT]   (OUT defaults to /tmp/handcheck; writes OUT/sample.jsonl, OUT/dossiers.txt)
"""
import collections, json, os, random, re, sys, unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/handcheck"
SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
FILES = [l.strip() for l in open(os.path.join(HERE, "files.txt")) if l.strip()]

FREQUENT = set("""wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao
luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu lu
kim lee park choi jung kang cho yoon jang lim kumar singh sharma gupta patel nguyen tran le pham
smith jones brown johnson williams miller davis garcia rodriguez martinez lopez gonzalez hernandez
muller schmidt schneider fischer weber meyer wagner becker hoffmann schulz tanaka suzuki sato
takahashi watanabe ito yamamoto nakamura kobayashi""".split())


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[.\-‐]", " ", s)
    return " ".join(s.split())


def initials_only(s):
    toks = s.replace(".", ". ").replace("-", " ").split()
    if len(toks) < 2:
        return False
    given = toks[:-1]
    return all(len(t.rstrip(".")) <= 2 and t.rstrip(".").isupper() or len(t.rstrip(".")) == 1 for t in given)


def surname(s):
    return fold(s).split()[-1] if fold(s) else ""


def load(path):
    with open(path) as f:
        return [json.loads(l) for l in f]


class File:
    def __init__(self, rel):
        self.rel = rel
        b = os.path.basename(rel)
        self.b = b
        pq = os.path.join(OUT, "pq", b)
        self.works = {w["paper"]: w for w in load(f"{pq}/merged/works.jsonl")}
        mauth = {a["id"]: a for a in load(f"{pq}/merged/authors.jsonl")}
        rauth = {a["id"]: a for a in load(f"{pq}/raw/authors.jsonl")}
        am = load(f"{pq}/merged/authorships.jsonl")
        ar = load(f"{pq}/raw/authorships.jsonl")
        cm = collections.Counter(a["paper"] for a in am)
        cr = collections.Counter(a["paper"] for a in ar)
        mpos = {(a["paper"], a["position"]): a for a in am}
        self.person = {}   # (paper,pos) -> merged id
        self.spell = {}    # (paper,pos) -> raw spelling
        self.aff = {}
        self.srcid = {}
        self.paper_authors = collections.defaultdict(list)
        for a in ar:
            k = (a["paper"], a["position"])
            sp = rauth[a["author"]]["name"]
            self.paper_authors[a["paper"]].append(sp)
            if cm[a["paper"]] != cr[a["paper"]]:
                continue  # a name given twice on the paper: positions shift, leave it out
            m = mpos[k]
            self.person[k] = m["author"]
            self.spell[k] = sp
            self.aff[k] = a.get("affiliations") or []
            self.srcid[k] = rauth[a["author"]].get("source_id")
        self.pname = {i: a["name"] for i, a in mauth.items()}
        self.by_spell = collections.defaultdict(list)
        self.by_fold = collections.defaultdict(list)
        self.by_person = collections.defaultdict(list)
        for k, sp in self.spell.items():
            self.by_spell[sp].append(k)
            self.by_fold[fold(sp)].append(k)
            self.by_person[self.person[k]].append(k)
        self.names = json.load(open(os.path.join(OUT, "names", b + ".json")))
        self.table = open(os.path.join(OUT, "names", b + ".txt")).read()

    def decisions(self):
        out = []
        # join_variant
        for o in self.names:
            for m in o.get("merges") or []:
                ka = self.by_spell.get(m["a"], [])
                kb = self.by_spell.get(m["b"], [])
                pa = collections.Counter(self.person[k] for k in ka)
                pb = collections.Counter(self.person[k] for k in kb)
                common = set(pa) & set(pb)
                if not common:
                    continue
                p = max(common, key=lambda x: pa[x] + pb[x])
                out.append(dict(kind="join_variant", file=self.rel, names=[m["a"], m["b"]],
                                rule=m["rule"], match=m["match"], person=self.pname[p],
                                sides=[[k for k in ka if self.person[k] == p], [k for k in kb if self.person[k] == p]],
                                decision="joined: " + m["rule"] + ", " + m["match"]))
        # join_same and apart_same
        split_names = set()
        for o in self.names:
            for r in o["reasons"]:
                mm = re.match(r'"(.+?)" is (\d+) people', r)
                if mm:
                    split_names.add(fold(mm.group(1)))
        for f, ks in self.by_fold.items():
            papers = {k[0] for k in ks}
            if len(papers) < 2:
                continue
            persons = collections.defaultdict(list)
            for k in ks:
                persons[self.person[k]].append(k)
            sps = sorted({self.spell[k] for k in ks})
            if len(persons) == 1:
                out.append(dict(kind="join_same", file=self.rel, names=sps, person=self.pname[self.person[ks[0]]],
                                sides=[sorted(ks)], decision="one person",
                                initials_only=initials_only(sps[0]), frequent=surname(sps[0]) in FREQUENT))
            elif f in split_names:
                groups = sorted(persons.values(), key=len, reverse=True)
                out.append(dict(kind="apart_same", file=self.rel, names=sps,
                                person=[self.pname[self.person[g[0]]] for g in groups],
                                sides=[sorted(g) for g in groups],
                                decision="split into %d people" % len(groups),
                                initials_only=initials_only(sps[0]), frequent=surname(sps[0]) in FREQUENT))
        # apart_candidate from the table's Kept apart list
        i = self.table.find("\nKept apart")
        if i >= 0:
            lines = self.table[i:].split("\n")[2:]
            entries = []
            for l in lines:
                if l.startswith("    ") and not l.startswith("      "):
                    entries.append(l.strip())
                elif l.startswith("      ") and entries:
                    entries[-1] += " " + l.strip()
            for e in entries:
                if e.endswith("[the same names]"):
                    continue
                head, _, why = e.partition(": ")
                pair = self.split_pair(head)
                if not pair:
                    continue
                a, b = pair
                ka, kb = self.by_spell.get(a, []), self.by_spell.get(b, [])
                if not ka or not kb:
                    continue
                pa = {self.person[k] for k in ka}
                pb = {self.person[k] for k in kb}
                if pa & pb:
                    continue
                out.append(dict(kind="apart_candidate", file=self.rel, names=[a, b],
                                person=[self.pname[self.person[ka[0]]], self.pname[self.person[kb[0]]]],
                                sides=[sorted(ka), sorted(kb)], decision="kept apart: " + why))
        return out

    def split_pair(self, head):
        # "A, B" where either name may itself hold ", " (rare): try each split
        parts = head.split(", ")
        for j in range(1, len(parts)):
            a, b = ", ".join(parts[:j]), ", ".join(parts[j:])
            if a in self.by_spell and b in self.by_spell:
                return a, b
        return None

    def paper_line(self, k, name):
        w = self.works[k[0]]
        ids = []
        for f in ("doi", "arxiv", "pmid", "wos", "eid", "openalex", "dblp"):
            if w.get(f):
                ids.append(f"{f}:{w[f]}")
        co = [a for a in self.paper_authors[k[0]] if a != self.spell[k]]
        n = len(co)
        cos = ", ".join(co[:8]) + (f" +{n-8}" if n > 8 else "")
        aff = "; ".join(self.aff.get(k, []))[:150]
        sid = self.srcid.get(k)
        t = (w.get("title") or "")[:110]
        s = f"    [{w.get('year')}] {t} | {(w.get('venue') or '')[:40]} | as '{self.spell[k]}'"
        if sid:
            s += f" id={sid}"
        s += f"\n        co: {cos}"
        if aff:
            s += f"\n        aff: {aff}"
        if ids:
            s += f"\n        {' '.join(ids[:2])}"
        return s


def main():
    rng = random.Random(SEED)
    files = []
    for rel in FILES:
        try:
            files.append(File(rel))
        except FileNotFoundError as e:
            print("skip", rel, e, file=sys.stderr)
    alld = collections.defaultdict(list)
    fobj = {}
    for f in files:
        fobj[f.rel] = f
        for d in f.decisions():
            alld[d["kind"]].append(d)
    for kind, ds in alld.items():
        c = collections.Counter(d["file"] for d in ds)
        print(kind, len(ds), dict(c), file=sys.stderr)
    targets = {"join_variant": 100, "join_same": 55, "apart_candidate": 100, "apart_same": 55}
    sample = []
    for kind, n in targets.items():
        ds = alld[kind]
        if kind in ("join_same", "apart_same"):
            # initials-only names under a frequent surname first, then the rest
            pref = [d for d in ds if d["initials_only"] and d["frequent"]]
            rest = [d for d in ds if not (d["initials_only"] and d["frequent"])]
            pick = strat(rng, pref, min(len(pref), n * 2 // 3 if kind == "join_same" else n))
            pick += strat(rng, rest, n - len(pick))
        else:
            pick = strat(rng, ds, n)
        sample += pick
    with open(os.path.join(OUT, "sample.jsonl"), "w") as out, open(os.path.join(OUT, "dossiers.txt"), "w") as dos:
        for i, d in enumerate(sample):
            d["n"] = i
            write_dossier(d, fobj[d["file"]], dos)
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print("sampled", collections.Counter(d["kind"] for d in sample), file=sys.stderr)


def write_dossier(d, f, dos):
    """Write decision d (numbered d["n"]) to dos, its sides' first 6 papers
    from File f, and replace d["sides"] by side_titles and side_papers."""
    print(f"=== #{d['n']} {d['kind']} {d['file']}  names={d['names']}  person={d['person']}", file=dos)
    print(f"  coauthor: {d['decision']}", file=dos)
    for j, side in enumerate(d["sides"]):
        print(f"  side {j} ({len(side)} papers):", file=dos)
        for k in side[:6]:
            print(f.paper_line(k, None), file=dos)
        if len(side) > 6:
            print(f"    ... {len(side)-6} more", file=dos)
    d["side_titles"] = [[f.works[k[0]].get("title") for k in side] for side in d["sides"]]
    d["side_papers"] = [[k[0] for k in side] for side in d["sides"]]
    del d["sides"]


def strat(rng, ds, n):
    """n decisions drawn round-robin over files (each file's list shuffled), so every file with
    decisions of the kind contributes before any file gives a second one."""
    byf = collections.defaultdict(list)
    for d in ds:
        byf[d["file"]].append(d)
    for f in sorted(byf):
        rng.shuffle(byf[f])
    order = sorted(byf)
    pick = []
    while len(pick) < n and any(byf.values()):
        for f in order:
            if byf[f] and len(pick) < n:
                pick.append(byf[f].pop())
    return pick


if __name__ == "__main__":
    main()
