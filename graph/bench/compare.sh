#!/usr/bin/env bash
# Times coauthor's graph measures and igraph's on the same graphs in one run
# and prints the medians and the ratio coauthor/igraph (below 1: coauthor
# is faster). Run by hand from the repository root; not part of CI.
#
#   graph/bench/compare.sh [REPEATS]
#
# QUICK=1 skips the generated 23,146-node graph (whose betweenness rows
# take about 25 minutes with igraph). ONLY=REGEXP times only the rows
# whose names match (e.g. ONLY='leiden|louvain'), on both sides.
#
# Needs Debian's python3-igraph (apt-get install python3-igraph).
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 graph/bench/gen_coauthor.py 32000 40000 > "$work/generated.txt"
graphs=("graph/testdata/ca-GrQc.txt" "$work/generated.txt")
[ -n "${QUICK:-}" ] && graphs=("graph/testdata/ca-GrQc.txt")

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3), $(/usr/bin/python3 -c 'import igraph; print("igraph", igraph.__version__)')"
for g in "${graphs[@]}"; do
  name=$(basename "$g")
  [ "$name" = generated.txt ] && name="generated (gen_coauthor.py 32000 40000)"
  # Slow rows get fewer repeats on the large graph.
  n=$repeats
  [[ "$g" == "$work"/* ]] && n=$(( repeats < 3 ? repeats : 3 ))
  COAUTHOR_BENCH_GRAPH="$(realpath "$g")" go test ./graph -run '^$' -bench "^BenchmarkMeasures\$/(${ONLY:-.})" \
    -benchtime 1x -count "$n" -timeout 0 > "$work/go.txt"
  /usr/bin/python3 graph/bench/igraph_times.py "$g" "$n" "${ONLY:-.}" > "$work/igraph.txt" 2> "$work/igraph.err"
  echo
  echo "== $name: $(cat "$work/igraph.err" | sed 's/^# //')"
  /usr/bin/python3 - "$work/go.txt" "$work/igraph.txt" <<'PY'
import re, statistics, sys
go, q = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"BenchmarkMeasures/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        go.setdefault(m.group(1), []).append(float(m.group(2)) / 1e9)
        extra = ["coauthor %s=%s" % (k, v) for v, k in re.findall(r"([\d.]+) (modularity|starts|samples)", line)]
        if extra:
            q[m.group(1)] = " " + " ".join(extra)
ig = {}
for line in open(sys.argv[2]):
    p = line.split()
    ig[p[0]] = (float(p[1]), " ".join(p[2:]))
print("%-22s %12s %12s %8s  %s" % ("measure", "coauthor s", "igraph s", "ratio", "note"))
# coauthor row -> igraph row it is compared with. leiden (default options)
# against igraph's community_leiden(n_iterations=-1); the other Leiden
# rows against the same, and igraph's n_iterations=2 is listed as well.
rows = {"betweenness": "betweenness", "betweenness_approx": "betweenness",
        "betweenness_weighted": "betweenness_weighted", "closeness": "closeness",
        "pagerank": "pagerank", "louvain": "louvain", "leiden": "leiden",
        "leiden_stable": "leiden", "leiden_4starts": "leiden", "igraph leiden_n2": "leiden_n2"}
for r, ref in rows.items():
    if r not in go and ref not in ig:
        continue
    c = statistics.median(go[r]) if r in go else float("nan")
    i, note = ig.get(ref, (float("nan"), ""))
    note = (note.replace("modularity", "igraph modularity") + q.get(r, "")).strip()
    if r not in go:
        print("%-22s %12s %12.4f %8s  %s" % (r, "-", i, "-", note))
        continue
    print("%-22s %12.4f %12.4f %8.2f  %s" % (r, c, i, c / i, note))
    if r == "betweenness_approx":
        print("%-22s %s" % ("", "(ε = 0.01, δ = 0.1, against igraph's exact betweenness)"))
for r in sorted(go):
    if r not in rows:
        print("%-22s %12.4f %12s" % (r, statistics.median(go[r]), "-"))
PY
done
