#!/usr/bin/python3
"""Count the records and author entries of the real files in this folder,
apart from coauthor's readers: the numbers TestRealExports asserts.

    /usr/bin/python3 render/interop/testdata/real/count.py [FILE...]

For each file (gzip undone) it prints: name, records, records with at
least one author (papers), author entries of those papers, records
without an author. A record is what the format calls one: RIS TY to ER,
WoS PT to ER or a tab-delimited WoS row, a BibTeX @entry other than
@string, @preamble and @comment, a JSON item, a PubmedArticle or
PubmedBookArticle, a MEDLINE PMID block, a CSV row, an OAI record. An
author entry is one name the record lists: RIS AU and A1 lines, WoS AU
lines (or its cell split at ";"), BibTeX author split at top-level
" and " (an entry without one takes its crossref parent's, as biber
does), CSL-JSON author items (a name of digits only, a year, left out),
DataCite creators, PubMed Author elements (editors left out), MEDLINE FAU
lines (else AU), a CSV authors cell split at ";", an arXivRaw authors
string split at commas and " and " outside parentheses.
"""
import csv
import glob
import gzip
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET


def text(path):
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8-sig", errors="replace")


def ris(t):
    recs, cur = [], None
    for line in re.split(r"\r\n|\r|\n", t):
        m = re.match(r"^([A-Z][A-Z0-9])  ?-( (.*)|$)", line)
        if not m:
            continue
        tag, val = m.group(1), (m.group(3) or "").strip()
        if tag == "TY":
            cur = []
            recs.append(cur)
        elif tag == "ER":
            cur = None
        elif tag in ("AU", "A1") and cur is not None and val:
            cur.append(val)
    return [len(r) for r in recs]


def wos(t):
    recs, cur, tag = [], None, None
    for line in t.splitlines():
        if line[:2].strip() and not line.startswith("   "):
            tag = line[:2]
            if tag == "PT":
                cur = []
                recs.append(cur)
            elif tag == "ER":
                cur = None
            if tag == "AU" and cur is not None and line[3:].strip():
                cur.append(line[3:].strip())
        elif line.startswith("   ") and tag == "AU" and cur is not None and line.strip():
            cur.append(line.strip())
    return [len(r) for r in recs]


def wos_tabs(t):
    """Web of Science tab-delimited: one row a record, AU split at ";"."""
    rows = list(csv.DictReader(io.StringIO(t), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [len([a for a in r["AU"].split(";") if a.strip()]) for r in rows]


def bib_entries(t):
    """(type, key, fields) of each entry; values with braces kept."""
    out, i = [], 0
    while True:
        m = re.compile(r"@\s*([A-Za-z]+)\s*([{(])").search(t, i)
        if not m:
            return out
        typ, close = m.group(1).lower(), "}" if m.group(2) == "{" else ")"
        j, depth = m.end(), 1
        while j < len(t) and depth:
            c = t[j]
            if c == "{" or (c == "(" and close == ")"):
                depth += 1
            elif c == "}" or (c == ")" and close == ")"):
                depth -= 1
            j += 1
        body = t[m.end():j - 1]
        i = j
        if typ in ("string", "preamble", "comment"):
            continue
        key, _, rest = body.partition(",")
        fields, k = {}, 0
        while k < len(rest):
            fm = re.compile(r"\s*([A-Za-z][\w:.+-]*)\s*=\s*").match(rest, k)
            if not fm:
                k += 1
                continue
            name, k = fm.group(1).lower(), fm.end()
            val, depth, q = [], 0, False
            while k < len(rest):
                c = rest[k]
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                elif c == '"' and depth == 0:
                    q = not q
                elif c == "," and depth == 0 and not q:
                    break
                val.append(c)
                k += 1
            fields[name] = "".join(val).strip()
            k += 1
        out.append((typ, key.strip(), fields))


def bib_names(v):
    v = v.strip()
    if v[:1] in "{\"" and v[-1:] in "}\"":
        v = v[1:-1]
    parts, depth, cur, k = [], 0, "", 0
    while k < len(v):
        c = v[k]
        depth += c == "{"
        depth -= c == "}"
        if depth == 0 and re.match(r"\s+and\s+", v[k:]) and (k == 0 or v[k].isspace()):
            m = re.match(r"\s+and\s+", v[k:])
            parts.append(cur)
            cur, k = "", k + m.end()
            continue
        cur += c
        k += 1
    parts.append(cur)
    return [p for p in parts if p.strip() and p.strip().lower() not in ("others", "{others}")]


def bibtex(t):
    entries = bib_entries(t)
    by_key = {k.lower(): f for _, k, f in entries}
    counts = []
    for _, _, f in entries:
        a = f.get("author")
        if a is None and "crossref" in f:
            a = by_key.get(f["crossref"].strip("{}\" ").lower(), {}).get("author")
        counts.append(len(bib_names(a)) if a else 0)
    return counts


def jsonworks(t):
    data = json.loads(t)
    items = data if isinstance(data, list) else [data]
    out = []
    for it in items:
        if "creators" in it:
            out.append(len([c for c in it["creators"] if c.get("name") or c.get("familyName")]))
        else:
            names = [" ".join(str(a.get(k, "")) for k in ("given", "family", "literal", "name")).strip() for a in it.get("author", [])]
            out.append(len([n for n in names if n and not n.isdigit()]))
    return out


def pubmed(t):
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", t).encode())
    out = []
    for art in root:
        if art.tag not in ("PubmedArticle", "PubmedBookArticle"):
            continue
        n = 0
        for al in art.iter("AuthorList"):
            if al.get("Type") == "editors":
                continue
            for a in al.iter("Author"):
                if a.find("LastName") is not None or a.find("CollectiveName") is not None:
                    n += 1
        out.append(n)
    return out


def medline(t):
    recs, cur = [], None
    for line in t.splitlines():
        tag = line[:4].strip()
        if line.startswith("PMID-"):
            cur = {"FAU": 0, "AU": 0}
            recs.append(cur)
        elif cur is not None and tag in ("FAU", "AU") and line[4:5] == "-":
            cur[tag] += 1
    return [r["FAU"] or r["AU"] for r in recs]


def csvfile(t):
    rows = list(csv.DictReader(io.StringIO(t)))
    col = next(c for c in rows[0] if c.strip('"') in ("Authors", "Author/s"))
    return [len([a for a in r[col].split(";") if a.strip()]) for r in rows]


def arxivraw(t):
    ns = {"a": "http://arxiv.org/OAI/arXivRaw/"}
    root = ET.fromstring(t.encode())
    out = []
    for raw in root.iter("{http://arxiv.org/OAI/arXivRaw/}arXivRaw"):
        s = re.sub(r"\s+", " ", raw.find("a:authors", ns).text or "")
        while True:
            s2 = re.sub(r"\([^()]*\)", "", s)
            if s2 == s:
                break
            s = s2
        parts = [p.strip() for p in re.split(r",|\band\b|;", s)]
        out.append(len([p for p in parts if p]))
    return out


def kind(name, t):
    n = name.lower().removesuffix(".gz")
    if n.endswith(".ris") or re.search(r"^TY  - ", t[:2000], re.M):
        return ris
    if n.endswith(".bib"):
        return bibtex
    if n.endswith(".json"):
        return jsonworks
    if n.endswith(".csv"):
        return csvfile
    if "arXivRaw" in t[:3000]:
        return arxivraw
    if n.endswith(".xml"):
        return pubmed
    if "PMID-" in t[:200]:
        return medline
    if t.startswith("PT\tAU\t"):
        return wos_tabs
    if n.endswith(".isi") or re.search(r"^PT [A-Z]$", t[:3000], re.M):
        return wos
    raise SystemExit(f"{name}: unknown format")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "*.*")))
    for f in files:
        if f.endswith((".py", ".md")):
            continue
        t = text(f)
        c = kind(os.path.basename(f), t)(t)
        papers = [n for n in c if n]
        print(f"{os.path.basename(f)}\t{len(c)}\t{len(papers)}\t{sum(papers)}\t{len(c) - len(papers)}")


main()
