#!/usr/bin/env bash
# Lays out the same graphs with coauthor's layout (graph/layout.Layout, as
# the pictures and the explorer call it: without clusters, and with the
# Leiden clusters) and with Graphviz's sfdp, and prints one table: nodes,
# edges, median wall time of each (and coauthor's CPU time), the ratio, and
# two quality figures for each layout (graph/bench/layout_quality.py):
# same-cluster nearest neighbour (clusters from coauthor's Leiden, seed 1,
# the same for every layout) and neighbourhood preservation at k = 10.
# Run by hand from the repository root; not part of CI.
#
#   graph/bench/layout_compare.sh [REPEATS]
#
# Graphs: ca-GrQc (graph/testdata) and a generated co-authorship graph of
# about 100,000 authors with a co-author and 1,000,000 edges
# (gen_coauthor.py 145000 175000: about 30% of the generated authors have
# none and are not in the edge list); BIG=1 adds 1,002,930 authors and
# 8,146,442 edges (gen_coauthor.py 1700000 1300000: 8 minutes and 1.6 GB
# to write). QUICK=1: ca-GrQc only. GRAPHS="a.txt b.txt": those edge lists
# instead. The peak memory of each graph's benchmark process (reading,
# Leiden and both layouts) is printed below the table.
# sfdp runs once per graph (default options, -Tdot), under a timeout of
# SFDP_TIMEOUT seconds (600).
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-3}
timeout=${SFDP_TIMEOUT:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

graphs=("graph/testdata/ca-GrQc.txt")
if [ -z "${QUICK:-}" ] && [ -z "${GRAPHS:-}" ]; then
  /usr/bin/python3 graph/bench/gen_coauthor.py 145000 175000 > "$work/g100k.txt"
  graphs+=("$work/g100k.txt")
fi
if [ -n "${BIG:-}" ] && [ -z "${GRAPHS:-}" ]; then
  /usr/bin/python3 graph/bench/gen_coauthor.py 1700000 1300000 > "$work/g1m.txt"
  graphs+=("$work/g1m.txt")
fi
[ -n "${GRAPHS:-}" ] && read -r -a graphs <<< "$GRAPHS"
go test -c -o "$work/layout.test" ./graph/layout

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(sfdp -V 2>&1), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %9s %9s %-9s %9s %9s %9s %8s %8s\n' graph nodes edges layout "time s" "cpu s" "sfdp s" ratio "sameNN" | sed 's/$/ preserv10/'
for g in "${graphs[@]}"; do
  name=$(basename "$g" .txt)
  # coauthor: REPEATS runs, medians of wall and CPU (user+sys) time.
  for _ in $(seq "$repeats"); do
    COAUTHOR_BENCH_GRAPH="$(realpath "$g")" COAUTHOR_BENCH_OUT="$work/nodes.tsv" \
      /usr/bin/time -f "%M" -o "$work/rss" \
      "$work/layout.test" -test.run '^$' -test.bench '^BenchmarkLayout$' -test.benchtime 1x -test.timeout 60m > "$work/go.txt"
    grep -h "ns/op" "$work/go.txt" >> "$work/bench"
    rss="$(($(tail -1 "$work/rss") / 1024)) MB"
  done
  # The DOT for sfdp: every node (isolated ones too), each edge once.
  /usr/bin/python3 - "$g" "$work/nodes.tsv" "$work/in.dot" <<'PY'
import sys
names = [l.split("\t")[0] for l in open(sys.argv[2])][1:]
seen = set()
with open(sys.argv[3], "w") as o:
    o.write("graph G {\n")
    for n in names:
        o.write('"%s";\n' % n)
    for line in open(sys.argv[1]):
        p = line.split()
        if len(p) < 2 or line.startswith("#") or p[0] == p[1]:
            continue
        a, b = sorted(p[:2])
        if (a, b) not in seen:
            seen.add((a, b))
            o.write('"%s" -- "%s";\n' % (a, b))
    o.write("}\n")
PY
  sfdp_time="timed out"
  start=$(date +%s.%N)
  if timeout "$timeout" sfdp -Tdot "$work/in.dot" -o "$work/sfdp.dot" 2> "$work/sfdp.err"; then
    sfdp_time=$(echo "$(date +%s.%N) - $start" | bc)
    /usr/bin/python3 graph/bench/layout_quality.py "$g" "$work/nodes.tsv" "$work/sfdp.dot" > "$work/q.txt"
  else
    /usr/bin/python3 graph/bench/layout_quality.py "$g" "$work/nodes.tsv" > "$work/q.txt"
  fi
  nodes=$(($(wc -l < "$work/nodes.tsv") - 1))
  edges=$(grep -c -- ' -- ' "$work/in.dot")
  /usr/bin/python3 - "$name" "$nodes" "$edges" "$work/bench" "$work/q.txt" "$sfdp_time" <<'PY'
import re, statistics, sys
name, nodes, edges, bench, qf, sfdp = sys.argv[1:]
t = {}
for line in open(bench):
    # Layout alone (not reading or Leiden): wall and CPU (user+sys).
    m = re.match(r"BenchmarkLayout/(\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) cpu-s", line)
    if m:
        t.setdefault(m.group(1), []).append((float(m.group(2)) / 1e9, float(m.group(3))))
q = {l.split()[0]: l.split()[1:] for l in open(qf)}
try:
    s = float(sfdp)
except ValueError:
    s = None
for mode in ("plain", "clusters"):
    wall = statistics.median(x[0] for x in t[mode])
    cpu = statistics.median(x[1] for x in t[mode])
    print("%-10s %9s %9s %-9s %9.2f %9.2f %9s %8s %8s %9s" % (
        name, nodes, edges, mode, wall, cpu, "%.2f" % s if s else sfdp,
        "%.3f" % (wall / s) if s else "-", q[mode][0], q[mode][1]))
if "sfdp" in q:
    print("%-10s %9s %9s %-9s %9s %9s %9.2f %8s %8s %9s" % (name, nodes, edges, "sfdp", "-", "-", s, "-", q["sfdp"][0], q["sfdp"][1]))
PY
  rm -f "$work/bench"
  echo "$name: peak RSS of the benchmark process $rss (the last run)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
