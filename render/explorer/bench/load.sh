#!/bin/sh
# Load test of the explorer: serve ca-GrQc on the loopback interface, send
# 200 requests a second for 30 s (author, search, path), then bad requests,
# and report latencies, errors and the server's memory. Exits non-zero on
# an error, a p99 over 50 ms or a bad request not refused.
#
#   sh render/explorer/bench/load.sh [RATE] [DURATION]
set -eu
cd "$(dirname "$0")/../../.."
rate=${1:-200}
duration=${2:-30s}
port=18090
tmp=$(mktemp -d)
go build -o "$tmp/coauthor" ./cmd/coauthor
go build -o "$tmp/load" ./cmd/coauthor/bench/load
"$tmp/coauthor" serve -quiet -addr 127.0.0.1:$port graph/testdata/ca-GrQc.txt >"$tmp/serve.out" 2>"$tmp/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until grep -q http "$tmp/serve.out" 2>/dev/null; do
	i=$((i + 1))
	if [ $i -gt 600 ] || ! kill -0 $server 2>/dev/null; then
		cat "$tmp/serve.err" >&2
		echo "load.sh: the server did not start" >&2
		exit 1
	fi
	sleep 0.1
done
cat "$tmp/serve.out"
"$tmp/load" -url "http://127.0.0.1:$port/" -rate "$rate" -duration "$duration" -pid $server
