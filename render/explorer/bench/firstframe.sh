#!/bin/sh
# First-frame benchmark of the explorer in headless Chromium: the time from
# navigation to the first frame sigma.js draws, for the built-in example
# (served and as one HTML file), ca-GrQc and a generated corpus of about
# 100,000 authors (goals: 0.5 s, 1 s, 5 s). Needs Chromium.
#
#   sh render/explorer/bench/firstframe.sh [RUNS]
set -eu
cd "$(dirname "$0")/../../.."
runs=${1:-3}
tmp=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null; done; rm -rf "$tmp"' EXIT
go build -o "$tmp/coauthor" ./cmd/coauthor
go build -o "$tmp/firstframe" ./cmd/coauthor/bench/firstframe
big=${BIG:-/tmp/big.xml}
[ -f "$big" ] || "$tmp/coauthor" gen -papers 210000 -o "$big"
"$tmp/coauthor" render -quiet -o "$tmp/map.html"
# serve NAME PORT INPUT...: start a server, wait for its URL
serve() {
	name=$1 port=$2
	shift 2
	"$tmp/coauthor" serve -quiet -addr 127.0.0.1:$port "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	pids="$pids $!"
	echo $! >"$tmp/$name.pid"
}
wait_up() {
	name=$1
	until grep -q http "$tmp/$name.out" 2>/dev/null; do
		if ! kill -0 "$(cat "$tmp/$name.pid")" 2>/dev/null; then
			cat "$tmp/$name.err" >&2
			exit 1
		fi
		sleep 0.2
	done
	cat "$tmp/$name.out"
}
serve example 18092
serve grqc 18093 graph/testdata/ca-GrQc.txt
start=$(date +%s)
serve big 18094 "$big"
wait_up example
wait_up grqc
wait_up big
echo "(the 100,000-author server was ready $(($(date +%s) - start)) s after its start)"
"$tmp/firstframe" -runs "$runs" "http://127.0.0.1:18092/" "file://$tmp/map.html" "http://127.0.0.1:18093/" "http://127.0.0.1:18094/"
