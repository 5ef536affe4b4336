// Reads the Parquet exports of the real files with DuckDB (run by
// TestRealExports, which installs @duckdb/node-api beside this script):
// for each folder given, parquet/authors.parquet and edges.parquet must
// hold the rows of csv/nodes.csv and edges.csv (DuckDB reads both), with
// the same sum of weights, ids 0..n-1, every edge's ends among the
// authors, and authorships.parquet one row per paper of each author.
// Prints one line a folder and exits 1 when any check failed.
import { DuckDBInstance } from '@duckdb/node-api';
import { basename, join } from 'node:path';

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const one = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJS()[0];
let failed = 0;
for (const dir of process.argv.slice(2)) {
  const f = (...p) => `'${join(dir, ...p).replaceAll("'", "''")}'`;
  const problems = [];
  try {
    const a = await one(`select count(*) as n, count(distinct id) as ids, min(id) as lo, max(id) as hi, sum(papers) as papers from ${f('parquet', 'authors.parquet')}`);
    const e = await one(`select count(*) as n, sum(weight) as w from ${f('parquet', 'edges.parquet')}`);
    const s = await one(`select count(*) as n from ${f('parquet', 'authorships.parquet')}`);
    const dangling = await one(`select count(*) as n from ${f('parquet', 'edges.parquet')} e where e.source >= e.target or e.target >= (select count(*) from ${f('parquet', 'authors.parquet')})`);
    const cn = await one(`select count(*) as n from read_csv(${f('csv', 'nodes.csv')}, header = true, all_varchar = true)`);
    const ce = await one(`select count(*) as n, sum(weight::double) as w from read_csv(${f('csv', 'edges.csv')}, header = true, all_varchar = true)`);
    if (Number(a.n) !== Number(cn.n) || Number(a.ids) !== Number(cn.n) || Number(a.n) > 0 && (Number(a.lo) !== 0 || Number(a.hi) !== Number(a.n) - 1)) problems.push(`authors ${a.n} (ids ${a.lo}..${a.hi}), nodes.csv ${cn.n}`);
    if (Number(e.n) !== Number(ce.n) || Math.abs(Number(e.w ?? 0) - Number(ce.w ?? 0)) > 1e-9 * Math.max(1, Number(ce.w ?? 0))) problems.push(`edges ${e.n} (weight ${e.w}), edges.csv ${ce.n} (${ce.w})`);
    if (Number(dangling.n) !== 0) problems.push(`${dangling.n} edges with source >= target or an id past the authors`);
    if (Number(s.n) !== Number(a.papers)) problems.push(`authorships ${s.n}, sum of papers ${a.papers}`);
    console.log(`${basename(dir)}: ${a.n} authors, ${e.n} edges, ${s.n} authorships: ${problems.length ? 'FAILED ' + problems.join('; ') : 'ok'}`);
  } catch (err) {
    problems.push(String(err));
    console.log(`${basename(dir)}: FAILED ${err}`);
  }
  if (problems.length) failed++;
}
console.log(`${failed} of ${process.argv.length - 2} folders failed`);
process.exit(failed ? 1 : 0);
