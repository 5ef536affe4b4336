#!/bin/sh
# Checks coauthor's Parquet export with a real engine, DuckDB (through
# @duckdb/node-api, installed with npm into a temporary directory): row
# counts, the sum of weights, every measure of 100 authors against
# coauthor rank -json and the CSV export, and the README's SQL recipe
# (recipe.sql) over authorships.parquet against edges.parquet, and
# coauthor rank reading edges.parquet back as its graph; works.parquet
# joined with authorships.parquet gives each author's papers, on the
# generated corpus and on a real OpenAlex file when ../shared/data has it
# (herreio-tu9-works-2022.json.gz), whose per-country count of
# authorships is compared with countries.py's, counted apart with Python.
# COAUTHOR_SHARED_DATA names the shared data folder when it is not
# ../shared/data beside the repository (a git worktree elsewhere).
#
# Usage: graph/formats/parquet/duckdb/check.sh [INPUT]
# INPUT defaults to a generated corpus of 3,000 papers. Needs Go, Node 20
# and npm (and the npm registry). Exits non-zero on any difference.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/coauthor-duckdb.XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/coauthor" ./cmd/coauthor)
c="$work/coauthor"
input=${1:-}
if [ -z "$input" ]; then
	"$c" gen -papers 3000 -seed 7 -o "$work/corpus.xml" 2>/dev/null
	input="$work/corpus.xml"
fi
echo "input: $input"
"$c" export -to parquet -o "$work/full" "$input" 2>/dev/null
"$c" export -to parquet -counting fractional -o "$work/frac" "$input" 2>/dev/null
"$c" export -to csv -o "$work/csv" "$input" 2>/dev/null
"$c" rank -json -top 0 "$input" >"$work/rank.json" 2>/dev/null
"$c" rank -json -top 0 -measures degree,strength "$work/full/edges.parquet" >"$work/rank-edges.json" 2>/dev/null
real="${COAUTHOR_SHARED_DATA:-$root/../shared/data}/openalex/herreio-tu9-works-2022.json.gz"
if [ -f "$real" ]; then
	echo "real file: $real"
	"$c" export -to parquet -measures degree -o "$work/real" "$real" 2>/dev/null
	"$c" rank -json -top 0 -measures papers "$real" >"$work/real-rank.json" 2>/dev/null
	/usr/bin/python3 "$here/countries.py" "$real" >"$work/real-countries.json"
else
	echo "skipping the real-file checks: $real not found"
fi
cp "$here/check.mjs" "$here/recipe.sql" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund --no-save @duckdb/node-api@1.5.6-r.1 >/dev/null)
node "$work/check.mjs" "$work"
