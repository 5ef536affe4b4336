#!/usr/bin/env bash
# Times coauthor's graph measures and the peer libraries' on the same
# graphs in one run and prints one Markdown table: each side's median of
# REPEATS runs, the ratio of coauthor's to the fastest peer's (below 1:
# coauthor is faster), the runs, and the load average at the start and
# end of each graph ("loaded" when it exceeded the number of cores). Run
# by hand from the repository root; not part of CI.
#
#   graph/bench/compare.sh [REPEATS]     (default 5)
#
# Peers: it creates a virtual environment and pip-installs NetworKit and
# igraph 1.x into it; when that fails (no registry) it says so and the
# peers are Debian's python3-igraph and python3-networkx (/usr/bin/python3),
# which it always runs as well. networkx runs only on graphs of at most
# NX_MAX nodes (default 6000: pure Python takes minutes beyond).
#
# Graphs: ca-GrQc (graph/testdata), ca-HepTh (networks/ca-HepTh.txt of the
# shared data set, ../shared/data beside the repository, when present) and
# a generated co-authorship graph (gen_coauthor.py 32000 40000: 23,146
# nodes, 258,641 edges; 3 runs, its exact betweenness takes minutes).
# QUICK=1 skips the generated graph. ONLY=REGEXP times only the rows whose
# names match (e.g. ONLY='leiden|louvain'), on every side. A peer's row
# stops repeating once its runs took LONG seconds (default 60). NX_MAX=0
# leaves networkx out (on a loaded machine its betweenness of ca-GrQc took
# 917 s for one run).
set -euo pipefail
cd "$(dirname "$0")/../.."
repeats=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)
only=${ONLY:-.}

# Peers: "name python" pairs.
peers=("igraph /usr/bin/python3" "networkx /usr/bin/python3")
venv=$work/venv
if /usr/bin/python3 -m venv "$venv" >/dev/null 2>&1 &&
  timeout 600 "$venv/bin/pip" install -q networkit igraph >"$work/pip.log" 2>&1; then
  peers+=("networkit $venv/bin/python" "igraph $venv/bin/python")
else
  v=$(/usr/bin/python3 -c 'import igraph, networkx; print("igraph", igraph.__version__, "and networkx", networkx.__version__)')
  echo "pip registry not reachable: peers are Debian's $v ($(tail -1 "$work/pip.log" 2>/dev/null || true))"
fi

graphs=("graph/testdata/ca-GrQc.txt")
d=$PWD
while [ "$d" != / ]; do
  if [ -f "$d/shared/data/networks/ca-HepTh.txt" ]; then
    graphs+=("$d/shared/data/networks/ca-HepTh.txt")
    break
  fi
  d=$(dirname "$d")
done
if [ -z "${QUICK:-}" ]; then
  /usr/bin/python3 graph/bench/gen_coauthor.py 32000 40000 >"$work/generated.txt"
  graphs+=("$work/generated.txt")
fi

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $cores cores, $(free -g | awk '/^Mem:/ {print $2}') GB, $(go version | cut -d' ' -f3)"
: >"$work/all.txt"
for g in "${graphs[@]}"; do
  name=$(basename "$g" .txt)
  [ "$name" = generated ] && name="generated"
  n=$repeats
  [ "$name" = generated ] && n=$((repeats < 3 ? repeats : 3))
  nodes=$(/usr/bin/python3 -c 'import sys
s = set()
for l in open(sys.argv[1]):
    p = l.split()
    if p and p[0][0] not in "#%": s.update(p[:2])
print(len(s))' "$g")
  l0=$(cut -d' ' -f1 /proc/loadavg)
  COAUTHOR_BENCH_GRAPH="$(realpath "$g")" go test ./graph -run '^$' -bench "^BenchmarkMeasures\$/(${only})" \
    -benchtime 1x -count "$n" -timeout 0 >"$work/go.txt"
  : >"$work/peers.txt"
  for p in "${peers[@]}"; do
    set -- $p
    [ "$1" = networkx ] && [ "$nodes" -gt "${NX_MAX:-6000}" ] && continue
    # A peer that fails or is stopped keeps the rows it printed.
    "$2" graph/bench/peer_times.py "$1" "$g" "$n" "$only" >"$work/out.txt" 2>"$work/err.txt" ||
      echo "$1 on $name stopped: $(tail -1 "$work/err.txt")" >&2
    label=$(sed -n 's/^# \([^ ]* [^ ]*\) .*/\1/p' "$work/err.txt")
    sed "s/^/$label|/" "$work/out.txt" >>"$work/peers.txt"
    echo "$label" >>"$work/labels.txt"
  done
  l1=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/python3 - "$work/go.txt" "$work/peers.txt" "$name" "$n" "$l0" "$l1" "$cores" >>"$work/all.txt" <<'PY'
import re, statistics, sys
gofile, peerfile, graph, n, l0, l1, cores = sys.argv[1:]
go, note = {}, {}
for line in open(gofile):
    m = re.match(r"BenchmarkMeasures/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        go.setdefault(m.group(1), []).append(float(m.group(2)) / 1e9)
        for v, k in re.findall(r"([\d.]+) (modularity|samples)", line):
            note[m.group(1)] = "%s %s" % (k, v[:6])
peer = {}
for line in open(peerfile):
    label, rest = line.rstrip("\n").split("|", 1)
    p = rest.split()
    peer.setdefault(p[0], {})[label] = (float(p[1]), int(p[2]), " ".join(p[3:]))
# coauthor row -> the peers' rows it is compared with.
rows = {"betweenness": ["betweenness"], "betweenness_weighted": ["betweenness_weighted"],
        "betweenness_approx": ["betweenness_approx_kadabra", "betweenness_approx_rk"],
        "closeness": ["closeness"], "pagerank": ["pagerank"], "louvain": ["louvain"],
        "leiden": ["leiden"], "leiden_stable": ["leiden"]}
loaded = max(float(l0), float(l1)) > int(cores)
for r, refs in rows.items():
    if r not in go:
        continue
    c = statistics.median(go[r])
    cells, best = [], None
    for ref in refs:
        for label, (t, k, extra) in sorted(peer.get(ref, {}).items()):
            tag = label if ref == refs[0] else label + " " + ref.rsplit("_", 1)[1]
            cells.append("%s %.4g s ×%d%s" % (tag, t, k, (" " + extra.replace("modularity=", "Q ").replace("samples=", "samples ")) if extra else ""))
            if best is None or t < best[0]:
                best = (t, tag)
    ratio = "%.2g (%s)" % (c / best[0], best[1]) if best else "–"
    cn = (" " + note[r].replace("modularity", "Q")) if r in note else ""
    print("| %s | %s | %.4g s ×%d%s | %s | %s | %s–%s%s |" % (
        r, graph, c, len(go[r]), cn, "; ".join(cells) or "–", ratio, l0, l1, " loaded" if loaded else ""))
PY
done
echo "peers: $(sort -u "$work/labels.txt" | paste -sd, | sed 's/,/, /g')"
echo
echo "| measure | graph | coauthor median ×runs | peers: median ×runs | ratio to the fastest peer | load start–end |"
echo "|---|---|---|---|---|---|"
cat "$work/all.txt"
