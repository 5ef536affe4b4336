#!/bin/bash
# Ready time of the explorer: from the start of `coauthor serve` to the
# first answer of api/graph (the map), wall and CPU seconds of the server,
# for the bbt-1436-3 library (19,660 authors; goal 5 s) and a generated
# corpus of 100,622 authors and 2.74 million pairs (`coauthor gen -papers
# 210000`, seed 1; goal 15 s), RUNS times each (default 5), then the
# medians. Each server is stopped with SIGINT once it has answered; its
# progress lines (the layout and the overlap removal) are kept in $OUT.
#
#   bash render/explorer/bench/ready.sh [RUNS]
#
# BIN=path uses a built coauthor instead of building this tree's; DATA is
# the shared data folder (default ../shared/data from the repository);
# GEN is the generated corpus (made once when absent).
set -eu
cd "$(dirname "$0")/../../.."
runs=${1:-5}
out=${OUT:-$(mktemp -d)}
data=${DATA:-../shared/data}
[ -d "$data" ] || data=/work/shared/data
lib=$data/bibtex/bbt-1436-3-library.bib.gz
gen=${GEN:-/tmp/coauthor-gen210k.jsonl}
bin=${BIN:-}
if [ -z "$bin" ]; then
	bin=$out/coauthor
	go build -o "$bin" ./cmd/coauthor
fi
[ -f "$gen" ] || "$bin" gen -papers 210000 -quiet -o "$gen"
tck=$(getconf CLK_TCK)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; true' EXIT

# ready NAME INPUT: one run; prints "wall cpu"
ready() {
	name=$1 input=$2
	rm -f "$out/$name.out" "$out/$name.err"
	start=$(date +%s.%N)
	"$bin" serve --addr 127.0.0.1:0 --progress "$input" >"$out/$name.out" 2>"$out/$name.err" &
	pid=$!
	url=""
	while kill -0 "$pid" 2>/dev/null; do
		url=$(grep -so 'http://[0-9.:]*/' "$out/$name.out" | head -1 || true)
		[ -n "$url" ] && break
		sleep 0.05
	done
	if [ -z "$url" ]; then
		echo "$name: the server ended before it was ready:" >&2
		cat "$out/$name.err" >&2
		exit 1
	fi
	curl -s -o /dev/null "${url}api/graph"
	end=$(date +%s.%N)
	cpu=$(awk -v t="$tck" '{print ($14+$15)/t}' "/proc/$pid/stat")
	kill -INT "$pid"
	wait "$pid" || true
	pid=""
	echo "$(echo "$end - $start" | bc) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for input in "library:$lib" "generated:$gen"; do
	name=${input%%:*} file=${input#*:}
	: >"$out/$name.times"
	for i in $(seq "$runs"); do
		t=$(ready "$name" "$file")
		echo "$name run $i: ready after ${t% *} s wall, ${t#* } s CPU"
		echo "$t" >>"$out/$name.times"
	done
	echo "$name: median $(cut -d' ' -f1 "$out/$name.times" | median) s wall, $(cut -d' ' -f2 "$out/$name.times" | median) s CPU ($file)"
	tr '\r' '\n' <"$out/$name.err" | grep -E 'done in' | grep -E 'layout|apart' | tail -2 | sed 's/^/  last run: /'
done
echo "(load average now $(cut -d' ' -f1-3 /proc/loadavg); progress lines in $out)"
