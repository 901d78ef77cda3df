#!/usr/bin/env bash
# The Swift core and the reference (Rust) core side by side, in one run on one machine.
#
#   scripts/bench-vs-reference.sh [ROUNDS]      (default 3)
#
# Builds the reference harness from ../shared/refbench (its build.sh: offline, Debian's Rust
# crates; REFBENCH_DIR overrides the folder) and peat-bench in release mode, then runs W1 (emit
# 10^6 events of the 20-event mix, then popEvents(max: 64) until empty) and W2 (10^6 telemetry
# events over 100 metrics, then queryLocal("telemetry.m7"), 10^4 matches, 50 repetitions) on
# both, alternating: each round runs reference W1, Swift W1, reference W2, Swift W2, and every
# other round starts with Swift instead, so drift in the machine's load hits both sides alike.
# Prints every round, then the median ratio of each figure (Swift ÷ reference for
# throughput, reference ÷ Swift for query time), with the machine and its load average.
set -euo pipefail
rounds=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
refsrc=${REFBENCH_DIR:-$root/../shared/refbench}
[ -x "$refsrc/build.sh" ] || { echo "no reference harness at $refsrc (set REFBENCH_DIR)" >&2; exit 2; }
reps=50

echo "== building the reference (refbench) from $refsrc" >&2
ref=$("$refsrc/build.sh" "${TMPDIR:-/tmp}/peat-refbench-$(id -u)" | tail -n 1)
echo "== building peat-bench (release)" >&2
(cd "$root" && swift build -c release --product peat-bench >&2)
swift_bench="$root/.build/release/peat-bench"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr)"
echo "load average (1/5/15 min) at start: $(load)"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then order="ref swift"; else order="swift ref"; fi
  for w in 1 2; do
    for side in $order; do
      if [ "$side" = ref ]; then
        if [ $w = 1 ]; then "$ref" w1; else "$ref" w2 $reps; fi > "$out/ref-w$w-$r.txt"
      else
        "$swift_bench" --json "W$w" > "$out/swift-w$w-$r.json"
      fi
    done
  done
  echo "round $r done, load $(load)" >&2
done

python3 - "$out" "$rounds" <<'EOF'
import json, re, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ref_w1(text):
    emit = float(re.search(r"W1 emit .*?([\d.]+) M events/s", text).group(1))
    drain = float(re.search(r"W1 drain .*?([\d.]+) M events/s", text).group(1))
    return emit * 1e6, drain * 1e6
def ref_w2(text):
    return float(re.search(r"W2 query_local\(telemetry.m7\)\s+([\d.]+) ms/query", text).group(1))
def swift(path):
    rows = json.load(open(path))["rows"]
    return {r["metric"]: r["value"] for r in rows}
table = []
copying = []
print()
print(f"{'round':>5}  {'emit ref':>10} {'emit swift':>10} {'ratio':>6}  {'drain ref':>10} {'drain swift':>11} {'ratio':>6}  {'query ref':>10} {'query swift':>11} {'ratio':>7}  load")
for r in range(1, rounds + 1):
    re1, rd1 = ref_w1(open(f"{out}/ref-w1-{r}.txt").read())
    rq = ref_w2(open(f"{out}/ref-w2-{r}.txt").read())
    s1 = swift(f"{out}/swift-w1-{r}.json")
    s2 = json.load(open(f"{out}/swift-w2-{r}.json"))
    se, sd = s1["emit"], s1["drain popEvents(64)"]
    w2 = {x["metric"]: x["value"] for x in s2["rows"]}
    sq = w2["queryLocal(telemetry.m7)"]
    copying.append(rq / w2["queryLocal(telemetry.m7), copying"])
    load = s2["load_end"]
    row = (se / re1, sd / rd1, rq / sq)
    table.append(row)
    print(f"{r:>5}  {re1/1e6:>8.2f} M {se/1e6:>8.2f} M {row[0]:>5.2f}×  {rd1/1e6:>8.2f} M {sd/1e6:>9.2f} M {row[1]:>5.2f}×  {rq:>7.3f} ms {sq:>8.3f} ms {row[2]:>6.1f}×  {load}")
med = [statistics.median(c) for c in zip(*table)]
print()
print(f"median of {rounds} rounds, Swift vs reference: emit {med[0]:.2f}× (goal ≥ 2×), "
      f"drain popEvents(64) {med[1]:.2f}× (goal ≥ 3×), queryLocal(eventType:) {med[2]:.1f}× faster (goal ≥ 100×)")
print(f"  (W2 once one m7 event is replaced, so the result is copied rather than shared: "
      f"{statistics.median(copying):.1f}× faster, median)")
EOF
echo "load average (1/5/15 min) at end: $(load)"
