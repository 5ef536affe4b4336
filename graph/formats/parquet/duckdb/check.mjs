// Checks coauthor's Parquet export with DuckDB (run by check.sh, which
// writes the files this reads into the directory given):
//   DIR/full/{authors,edges,authorships}.parquet   export -to parquet
//   DIR/frac/...                                   the same, -counting fractional
//   DIR/csv/{nodes,edges}.csv                      export -to csv
//   DIR/rank.json                                  rank -json -top 0
//   DIR/rank-edges.json                            rank -json of full/edges.parquet
//   DIR/recipe.sql                                 the README's SQL recipe
//   DIR/real/{authors,...,works}.parquet           export of a real OpenAlex file, if any
//   DIR/real-rank.json                             rank -json -top 0 -measures papers of it
//   DIR/real-countries.json                        countries.py of it
// It exits 1 after the checks when any failed.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const f = (...p) => join(dir, ...p);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
const one = async (sql) => (await rows(sql))[0];
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};

// CSV as coauthor writes it (no quoted newlines in these columns but names
// may be quoted): parsed by DuckDB too, all columns as text, so that
// numbers are compared as the exact strings Go wrote.
const csvNodes = await rows(`select * from read_csv('${f('csv', 'nodes.csv')}', all_varchar = true, header = true)`);
const csvEdges = await one(`select count(*) as n, sum(weight::double) as w from read_csv('${f('csv', 'edges.csv')}', header = true)`);
const ranked = JSON.parse(readFileSync(f('rank.json'), 'utf8'));

for (const kind of ['full', 'frac']) {
  const A = `'${f(kind, 'authors.parquet')}'`, E = `'${f(kind, 'edges.parquet')}'`, S = `'${f(kind, 'authorships.parquet')}'`;
  const a = await one(`select count(*) as n, sum(papers) as papers, count(distinct id) as ids, min(id) as lo, max(id) as hi from ${A}`);
  const e = await one(`select count(*) as n, sum(weight) as w, sum(papers) as papers, count(*) filter (where source >= target) as bad from ${E}`);
  const s = await one(`select count(*) as n, count(distinct paper) as papers from ${S}`);
  const dangling = await one(`select count(*) as n from ${E} e where not exists (select 1 from ${A} a where a.id = e.source) or not exists (select 1 from ${A} a where a.id = e.target)`);
  console.log(`${kind}: ${a.n} authors, ${e.n} edges (sum of weights ${e.w}), ${s.n} authorships of ${s.papers} papers`);
  check(Number(a.n) === csvNodes.length && Number(a.ids) === csvNodes.length && Number(a.lo) === 0 && Number(a.hi) === csvNodes.length - 1, `${kind}: authors.parquet has the ${csvNodes.length} authors of nodes.csv, ids 0..n-1`);
  check(Number(e.n) === Number(csvEdges.n), `${kind}: edges.parquet has the ${csvEdges.n} edges of edges.csv`);
  check(Number(e.bad) === 0 && Number(dangling.n) === 0, `${kind}: every edge has source < target, both ids in authors.parquet`);
  check(Number(s.n) === Number(a.papers), `${kind}: authorships rows = sum of authors.papers (${a.papers})`);
  if (kind === 'full') {
    check(e.w === csvEdges.w && Number(e.papers) === e.w, `full: sum of weights ${e.w} = edges.csv's ${csvEdges.w} = shared papers`);
  }
}

// Every measure of 100 authors against rank -json (by name, the names
// it ranks) and nodes.csv (by id).
const cols = (await rows(`describe select * from '${f('full', 'authors.parquet')}'`)).map((r) => r.column_name);
const measures = Object.keys(ranked[0]).filter((k) => k !== 'rank' && k !== 'name');
const byName = new Map();
for (const r of await rows(`select * from '${f('full', 'authors.parquet')}'`)) {
  byName.set(r.name, byName.has(r.name) ? null : r); // a repeated name is ambiguous
}
let compared = 0, values = 0, diffs = [];
for (const r of ranked) {
  const p = byName.get(r.name);
  if (!p || compared === 100) continue; // the 100 best-ranked authors whose names are unique
  const c = csvNodes[p.id];
  compared++;
  for (const m of measures) {
    values += 2;
    const pv = typeof p[m] === 'bigint' ? Number(p[m]) : p[m];
    if (typeof r[m] === 'string' || typeof pv === 'string' || pv === null) { // source_id: null when none
      if ((pv ?? '') !== (r[m] ?? '')) diffs.push(`${r.name} ${m}: parquet ${pv}, rank -json ${r[m]}`);
      if ((pv ?? '') !== (c[m] ?? '')) diffs.push(`${r.name} ${m}: parquet ${pv}, nodes.csv ${c[m]}`);
      continue;
    }
    if (pv !== r[m] && !(Number.isNaN(pv) && r[m] === null)) diffs.push(`${r.name} ${m}: parquet ${pv}, rank -json ${r[m]}`);
    if (c.name !== p.name || pv !== Number(c[m]) && !(Number.isNaN(pv) && c[m] === 'NaN')) diffs.push(`${r.name} ${m}: parquet ${pv}, nodes.csv ${c[m]}`);
  }
}
check(measures.every((m) => cols.includes(m)), `authors.parquet has a column for each measure of rank -json: ${measures.join(', ')}`);
check(compared === Math.min(100, ranked.length) && diffs.length === 0, `${values} values of ${compared} authors equal in authors.parquet, rank -json and nodes.csv` + (diffs.length ? `; ${diffs.length} differ, e.g. ${diffs.slice(0, 3).join('; ')}` : ''));

// The README's recipe: the weighted edge table from authorships.parquet
// alone, full and fractional counting, equal to edges.parquet.
const recipe = readFileSync(f('recipe.sql'), 'utf8').replaceAll("'authorships.parquet'", `'${f('full', 'authorships.parquet')}'`).replace(/;\s*$/, '');
await con.run(`create table built as ${recipe}`);
const full = await one(`select
  (select count(*) from built) as built,
  (select count(*) from (select source, target, papers, papers::double as weight from built except all select source, target, papers, weight from '${f('full', 'edges.parquet')}')) as only_sql,
  (select count(*) from (select source, target, papers, weight from '${f('full', 'edges.parquet')}' except all select source, target, papers, papers::double from built)) as only_coauthor`);
check(Number(full.only_sql) === 0 && Number(full.only_coauthor) === 0, `recipe, full counting: ${full.built} edges, the same (source, target, papers, weight) rows as edges.parquet`);
const frac = await one(`select count(*) as n,
  count(*) filter (where b.fractional = e.weight) as exact,
  max(abs(b.fractional - e.weight) / e.weight) as rel,
  count(*) filter (where b.papers <> e.papers) as papers
  from built b full join '${f('frac', 'edges.parquet')}' e using (source, target)`);
// Floating-point sums depend on their order: coauthor adds each pair's
// 1/(n-1) in paper order with Neumaier's compensation, DuckDB's fsum in
// its own order; the two may differ in the last bit (2^-52 relative).
check(Number(frac.n) === Number(full.built) && Number(frac.papers) === 0 && frac.rel <= 2 ** -51,
  `recipe, fractional counting: ${frac.n} edges, ${frac.exact} weights bit-equal to edges.parquet (-counting fractional), largest relative difference ${frac.rel}`);

// coauthor rank over edges.parquet: the graph read back has each
// author's degree and strength (nodes are named by id; authors without
// co-authors are not in an edge table).
const back = JSON.parse(readFileSync(f('rank-edges.json'), 'utf8'));
const byID = new Map((await rows(`select id, degree, strength from '${f('full', 'authors.parquet')}' where degree > 0`)).map((r) => [String(r.id), r]));
const same = back.filter((r) => byID.has(r.name) && Number(byID.get(r.name).degree) === r.degree && byID.get(r.name).strength === r.strength).length;
check(back.length === byID.size && same === back.length, `rank edges.parquet: ${back.length} authors with the degree and strength of authors.parquet`);

// works.parquet joined with authorships.parquet: one row a paper that
// has authorships, and each author's papers as authors.parquet and rank
// -json count them (by name and source id).
const worksJoin = async (kind, ranked) => {
  const A = `'${f(kind, 'authors.parquet')}'`, S = `'${f(kind, 'authorships.parquet')}'`, W = `'${f(kind, 'works.parquet')}'`;
  const w = await one(`select count(*) as n, count(distinct paper) as papers,
    (select count(distinct paper) from ${S}) as ship_papers,
    (select count(*) from ${S} s where not exists (select 1 from ${W} w where w.paper = s.paper)) as orphans from ${W}`);
  check(Number(w.n) === Number(w.papers) && Number(w.n) === Number(w.ship_papers) && Number(w.orphans) === 0,
    `${kind}: works.parquet has one row for each of the ${w.ship_papers} papers of authorships.parquet`);
  const per = await rows(`select a.id, a.name, a.source_id, a.papers, count(distinct w.paper) as joined
    from ${A} a left join ${S} s on s.author = a.id left join ${W} w on w.paper = s.paper group by all`);
  const bad = per.filter((r) => Number(r.papers) !== Number(r.joined));
  const key = (name, id) => `${name}\u0000${id ?? ''}`;
  const counts = new Map();
  for (const r of per) counts.set(key(r.name, r.source_id), counts.has(key(r.name, r.source_id)) ? null : Number(r.joined));
  let same = 0, compared = 0;
  for (const r of ranked) {
    const c = counts.get(key(r.name, r.source_id));
    if (c === undefined || c === null) continue;
    compared++;
    if (c === r.papers) same++;
  }
  check(bad.length === 0 && compared > 0 && same === compared,
    `${kind}: each of ${per.length} authors' papers from works ⋈ authorships = authors.papers` + (bad.length ? ` (${bad.length} differ, e.g. ${bad[0].name})` : '') +
    `; = rank -json papers for ${same} of ${compared} authors of unique name and id`);
};
await worksJoin('full', ranked);

if (existsSync(f('real', 'works.parquet'))) {
  await worksJoin('real', JSON.parse(readFileSync(f('real-rank.json'), 'utf8')));
  // Per-country count of authorships (each author position counts each
  // distinct country once) against countries.py, over the works kept
  // (by their OpenAlex id in works.parquet).
  const S = `'${f('real', 'authorships.parquet')}'`, W = `'${f('real', 'works.parquet')}'`;
  const byCountry = new Map((await rows(`select c as country, count(*) as n from (select unnest(countries) as c from ${S}) group by c`)).map((r) => [r.country, Number(r.n)]));
  const kept = new Set((await rows(`select openalex from ${W} where openalex is not null`)).map((r) => r.openalex));
  const py = JSON.parse(readFileSync(f('real-countries.json'), 'utf8'));
  const want = new Map();
  for (const [w, cs] of Object.entries(py)) {
    if (!kept.has(w)) continue;
    for (const [c, n] of Object.entries(cs)) want.set(c, (want.get(c) ?? 0) + n);
  }
  const total = [...byCountry.values()].reduce((a, b) => a + b, 0), wantTotal = [...want.values()].reduce((a, b) => a + b, 0);
  const diff = [...new Set([...byCountry.keys(), ...want.keys()])].filter((c) => byCountry.get(c) !== want.get(c));
  const what = `real: per-country authorships, ${byCountry.size} countries, ${total} authorships (countries.py over the ${kept.size} works kept: ${want.size} countries, ${wantTotal})` +
    (diff.length ? `; ${diff.length} differ, e.g. ${diff.slice(0, 3).map((c) => `${c}: ${byCountry.get(c) ?? 0} vs ${want.get(c) ?? 0}`).join(', ')}` : '');
  check(total > 0 && diff.length === 0, what);
}

if (failed) {
  console.log(`${failed} check(s) failed`);
  process.exit(1);
}
console.log('all checks passed');
