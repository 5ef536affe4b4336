"""Counts in a Web of Science plain-text export, written apart from the Go
reader, for TestSharedExports: records with authors (AF, else AU), with a
DOI (DI), a venue (SO), citations (TC) and their sum, with keywords (DE),
and author positions linked to at least one C1 address. A C1 entry
"[Names] Address" links the positions whose AF (or AU) name equals one of
Names (case, dots, e-mail in parentheses aside); "Name; Address"
(Zoological Record) the position of Name; another entry links the sole
author of a one-author record.

    /usr/bin/python3 testdata/count.py FILE
"""
import gzip, re, sys

def records(path):
    opener = gzip.open if path.endswith('.gz') else open
    rec, tag = {}, None
    for line in opener(path, 'rt', encoding='utf-8-sig', errors='replace'):
        line = line.rstrip('\r\n')
        if line.startswith('ER'):
            if rec:
                yield rec
            rec, tag = {}, None
        elif line.startswith('   '):
            if tag:
                rec.setdefault(tag, []).append(line.strip())
        elif len(line) >= 2 and line[:2] not in ('FN', 'VR', 'EF'):
            tag = line[:2]
            rec.setdefault(tag, []).append(line[3:].strip())

def key(s):
    s = re.sub(r'\([^)]*\)', '', s).lower().replace('.', ' ').replace(',', ' , ')
    return ' '.join(s.split())

n = doi = venue = cited = total = kw = linked = 0
for r in records(sys.argv[1]):
    names = r.get('AF') or r.get('AU') or []
    if not names:
        continue
    n += 1
    doi += 'DI' in r
    venue += 'SO' in r
    kw += 'DE' in r
    if 'TC' in r:
        cited += 1
        total += int(r['TC'][0])
    keys = [key(x) for x in names]
    au = [key(x) for x in r.get('AU', [])]
    at = set()
    for e in r.get('C1', []):
        if e.startswith('['):
            hit = set()
            for name in e[1:e.index(']')].split(';'):
                hit |= {i for i, k in enumerate(keys) if k == key(name) or len(au) == len(keys) and au[i] == key(name)}
            at |= hit or ({0} if len(names) == 1 else set())
        elif ';' in e and key(e.split(';')[0]) in keys:
            at.add(keys.index(key(e.split(';')[0])))
        elif len(names) == 1:
            at.add(0)
    linked += len(at)
print(f'papers {n} doi {doi} venue {venue} cited {cited} sum {total} affiliated {linked} keywords {kw}')
