"""Counts in a CSV export (Scopus, Lens, IEEE Xplore, OpenAlex, SpringerLink)
or a Web of Science tab-delimited export, written apart from the Go reader,
for TestSharedExports: rows with authors, with a DOI, a venue, citations
and their sum, author positions with at least one affiliation, rows with
authors' keywords. Empty and "NA" cells count as absent.

    /usr/bin/python3 testdata/count.py FILE

Affiliations: Scopus "Authors with affiliations" parts "Name, Inst" whose
Name is an "Authors" name (commas aside); IEEE "Author Affiliations" and
OpenAlex "authorships.institutions.display_name" only where they list as
many entries as there are authors; WoS C1 "[Names] Address" by the names.
"""
import csv, re, sys

path = sys.argv[1]
tab = path.endswith('.txt')
rows = list(csv.DictReader(open(path, encoding='utf-8-sig', newline=''),
                           delimiter='\t' if tab else ',',
                           quoting=csv.QUOTE_NONE if tab else csv.QUOTE_MINIMAL))
h = rows[0].keys()

def has(r, c):
    return (r.get(c) or '').strip() not in ('', 'NA')

if 'AF' in h and 'PT' in h:
    kind, authors, doi, venue, cites, kw = 'wos', 'AF', 'DI', 'SO', 'TC', 'DE'
elif 'authorships.author.display_name' in h:
    kind, authors, doi, venue, cites, kw = 'openalex', 'authorships.author.display_name', 'doi', 'primary_location.source.display_name', 'cited_by_count', None
elif 'Lens ID' in h:
    kind, authors, doi, venue, cites, kw = 'lens', 'Author/s', 'DOI', 'Source Title', 'Citing Works Count', 'Keywords'
elif 'IEEE Terms' in h:
    kind, authors, doi, venue, cites, kw = 'ieee', 'Authors', 'DOI', 'Publication Title', 'Article Citation Count', 'Author Keywords'
elif 'Item DOI' in h:
    kind, authors, doi, venue, cites, kw = 'springer', 'Authors', 'Item DOI', 'Publication Title', None, None
else:
    kind, authors, doi, venue, cites, kw = 'scopus', 'Authors', 'DOI', 'Source title', 'Cited by', 'Author Keywords'

def key(s):
    s = re.sub(r'\([^)]*\)', '', s).lower().replace('.', ' ').replace(',', ' , ')
    return ' '.join(s.split())

n = ndoi = nvenue = cited = total = linked = nkw = 0
for r in rows:
    a = r[authors] if kind != 'wos' else (r['AF'] or r['AU'])
    if not a.strip() or a.startswith('[No author'):
        continue
    n += 1
    ndoi += has(r, doi)
    nvenue += has(r, venue)
    nkw += bool(kw) and has(r, kw)
    if cites and r[cites].strip().isdigit():
        cited += 1
        total += int(r[cites])
    if kind == 'scopus':
        names = [x.strip() for x in a.split(';' if ';' in a else ',') if x.strip()]
        parts = r['Authors with affiliations'].split('; ')
        for name in names:
            variants = {name} | {name[:i] + ',' + name[i:] for i, c in enumerate(name) if c == ' '}
            linked += any(p.startswith(v + ',') and p[len(v) + 1:].strip() for p in parts for v in variants)
    elif kind == 'ieee':
        aff = r['Author Affiliations'].split(';')
        if len(aff) == len(a.split(';')):
            linked += sum(1 for x in aff if x.strip() not in ('', 'NA'))
    elif kind == 'openalex':
        inst = r['authorships.institutions.display_name'].split('|')
        if len(inst) == len(a.split('|')):
            linked += sum(1 for x in inst if x.strip())
    elif kind == 'wos':
        keys = [key(x) for x in a.split('; ')]
        at = set()
        c1 = r['C1'].strip()
        for e in (re.split(r';\s*(?=\[)', c1) if c1.startswith('[') else [e for e in c1.split('; ') if e]):
            if e.startswith('['):
                for name in e[1:e.index(']')].split(';'):
                    at |= {i for i, k in enumerate(keys) if k == key(name)}
            elif len(keys) == 1:
                at.add(0)
        linked += len(at)
print(f'papers {n} doi {ndoi} venue {nvenue} cited {cited} sum {total} affiliated {linked} keywords {nkw}')
