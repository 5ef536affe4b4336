"""Counts, apart from coauthor, the country codes an OpenAlex works file
gives each author position, for check.mjs's per-country count of
authorships.parquet.

Usage: python3 countries.py WORKS.json[.gz] > countries.json

For each work (by OpenAlex id, W...), the authorships with an author name
are the positions; positions with the same OpenAlex author id are one
person (coauthor's rule 1), whose country codes are the union of theirs;
each person counts each distinct institutions[].country_code once. A
work listing one (name, author id) twice gives no countries: coauthor
keeps a name once per paper and cannot tell whose affiliations are whose
(corpus.Affiliations). Prints {"W...": {"DE": n, ...}, ...}.
"""
import collections
import gzip
import json
import sys


def main(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        works = json.load(f)
    out = {}
    for w in works:
        wid = (w.get("id") or "").rsplit("/", 1)[-1]
        if not wid:
            continue
        positions = []
        for a in w.get("authorships") or []:
            author = a.get("author") or {}
            name = " ".join((author.get("display_name") or "").split())
            if not name:
                continue
            aid = (author.get("id") or "").rsplit("/", 1)[-1]
            codes = {i.get("country_code").upper() for i in a.get("institutions") or [] if i and i.get("country_code")}
            positions.append(((name, aid), codes))
        keys = [k for k, _ in positions]
        if len(set(keys)) != len(keys):
            continue
        people = collections.OrderedDict()
        for (name, aid), codes in positions:
            people.setdefault(aid or ("name", name), set()).update(codes)
        counts = collections.Counter()
        for codes in people.values():
            counts.update(codes)
        if counts:
            out[wid] = dict(sorted(counts.items()))
    json.dump(out, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
