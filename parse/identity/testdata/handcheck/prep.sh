#!/bin/sh
# prep.sh: run coauthor on the real files of ../shared/data and keep what the
# hand check samples from and builds dossiers from, under $OUT (default
# /tmp/handcheck):
#   names/B.json   coauthor names --json  (merges, same-string splits)
#   names/B.txt    coauthor names         (the table: its "Kept apart" list)
#   pq/B/{merged,raw}/{authors,authorships,works}.jsonl
#                  export -to parquet with the default merging and with
#                  -no-merge, dumped to JSON lines by pqdump: which person
#                  and which spelling sits at each (paper, position).
# Run from the repository root.  Every run uses -skip-bad so the three files
# with a malformed record (bbt-1296, bbt-873, datacite) are read too.
set -eu
OUT=${OUT:-/tmp/handcheck}
DATA=${DATA:-../shared/data}
[ -d "$DATA" ] || DATA=/work/shared/data
mkdir -p "$OUT/names" "$OUT/pq"
go build -o "$OUT/coauthor" ./cmd/coauthor
go build -o "$OUT/pqdump" ./parse/identity/testdata/handcheck/pqdump
git rev-parse HEAD > "$OUT/commit"
for f in $(cat parse/identity/testdata/handcheck/files.txt); do
	b=$(basename "$f")
	"$OUT/coauthor" names --json -quiet -skip-bad "$DATA/$f" > "$OUT/names/$b.json" 2>/dev/null
	"$OUT/coauthor" names -quiet -skip-bad "$DATA/$f" > "$OUT/names/$b.txt" 2>/dev/null
	for m in merged raw; do
		flag=""
		[ $m = raw ] && flag="-no-merge"
		d="$OUT/pq/$b/$m"
		mkdir -p "$d"
		"$OUT/coauthor" export -to parquet -o "$d" -measures papers -algorithm none -quiet -skip-bad $flag "$DATA/$f" 2>/dev/null
		for t in authors authorships works; do
			"$OUT/pqdump" "$d/$t.parquet" > "$d/$t.jsonl"
		done
	done
	echo "$f"
done
