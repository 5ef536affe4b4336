# Counts of the work records of a MEDLINE file, for medline_test.go:
# papers, DOI, venue, ISSN, PMC, MeSH, keywords, affiliated author positions.
# Usage: /usr/bin/python3 count_meta.py FILE
import gzip,sys,re
f=sys.argv[1]
t=(gzip.open(f,'rt',encoding='utf-8-sig') if f.endswith('.gz') else open(f,encoding='utf-8-sig')).read().replace('\r\n','\n')
recs=[r for r in re.split(r'\n(?=PMID-)', t) if r.strip()]
out=[0]*8
for r in recs:
    fields=[]
    for line in r.split('\n'):
        if re.match(r'^[A-Z][A-Z0-9 ]{3}- ?', line): fields.append([line[:4].strip(), line[5:].strip()])
        elif line[:1] in (' ','\t') and fields: fields[-1][1]+=' '+line.strip()
    tags=[k for k,_ in fields]
    if not any(k in ('FAU','AU','CN') for k in tags): continue
    out[0]+=1
    out[1]+=any(k in('LID','AID') and v.endswith('[doi]') for k,v in fields)
    out[2]+=any(k in('JT','TA') for k in tags)
    out[3]+=('IS' in tags); out[4]+=('PMC' in tags); out[5]+=('MH' in tags); out[6]+=('OT' in tags)
    # author positions followed (after FAU/AU/AUID) by an AD
    cur=None; withad=set(); n=0; prev=None
    for k,v in fields:
        if k=='FAU' or (k=='AU' and prev!='FAU' ) or k=='CN': n+=1; cur=n
        elif k=='AD':
            if cur: withad.add(cur)
        elif k not in ('AU','AUID'): cur=None
        if k!='AD' and k!='AUID': prev=k
    out[7]+=len(withad)
print(out)
